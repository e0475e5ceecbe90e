import type { Logger } from 'pino';
import type { RedisPort } from '../../../platform/redis/index.js';

/** How long a replica's listing lasts without renewal (a crashed replica's players drop out after it). */
const LAPSE_MS = 60_000;
/** How often a replica renews the listings of its listeners. */
const RENEW_MS = 20_000;
/** Most listeners of a board a group reads whole; with more it asks about the players it passed. */
const SNAPSHOT_LIMIT = 1_000;

/**
 * Who listens to `rankChanged` on each board, across replicas: a sorted set per board of player ids,
 * scored by when their listing lapses. A replica lists its listeners when they subscribe, renews
 * them every RENEW_MS and unlists them when their last stream ends. A group of submissions reads the
 * board's listeners while it commits (`snapshot`): with none, the ranking script is not even asked
 * whom each submission passed; otherwise passes go only to listed players, not to each of the up to
 * 100 players every submission passes, who almost never listen (docs/decisions.md, "rankChanged is
 * published only to players who listen").
 */
export class RankListeners {
  /** This replica's listeners: board → player → open streams. */
  private readonly local = new Map<string, Map<string, number>>();
  private renewal: NodeJS.Timeout | null = null;

  constructor(
    private readonly redis: RedisPort,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private key(boardId: string) {
    return `lb:rl:${boardId}`;
  }

  /** Lists the player as listening to the board until the returned function is called. */
  async listen(boardId: string, userId: string): Promise<() => Promise<void>> {
    let players = this.local.get(boardId);
    if (!players) this.local.set(boardId, (players = new Map<string, number>()));
    players.set(userId, (players.get(userId) ?? 0) + 1);
    this.renewal ??= setInterval(() => void this.renew(), RENEW_MS).unref();
    await this.list(boardId, [userId]);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      const left = (players.get(userId) ?? 1) - 1;
      if (left > 0) return void players.set(userId, left);
      players.delete(userId);
      if (!players.size && this.local.get(boardId) === players) this.local.delete(boardId);
      if (!this.local.size && this.renewal) {
        clearInterval(this.renewal);
        this.renewal = null;
      }
      await this.redis.zrem(this.key(boardId), [userId]);
    };
  }

  /** The board's listeners now (on any replica), or null when there are more than SNAPSHOT_LIMIT (ask `listening` then). */
  async snapshot(boardId: string): Promise<Set<string> | null> {
    const listed = await this.redis.zrange(this.key(boardId), 0, SNAPSHOT_LIMIT);
    if (listed.length > SNAPSHOT_LIMIT) return null;
    const now = this.now();
    return new Set(listed.flatMap((l) => (l.score > now ? [l.member] : [])));
  }

  /** Which of these players listen to the board now (on any replica). Lapsed listings seen on the way are removed. */
  async listening(boardId: string, userIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    if (!userIds.length) return found;
    const key = this.key(boardId);
    const until = await this.redis.zmscore(key, userIds);
    const now = this.now();
    const lapsed: string[] = [];
    until.forEach((at, i) => {
      if (at === null) return;
      if (at > now) found.add(userIds[i]!);
      else lapsed.push(userIds[i]!);
    });
    if (lapsed.length) void this.redis.zrem(key, lapsed).catch(() => undefined);
    return found;
  }

  private async list(boardId: string, userIds: readonly string[]) {
    const key = this.key(boardId);
    const until = this.now() + LAPSE_MS;
    await this.redis.zadd(
      key,
      userIds.map((member) => ({ member, score: until })),
    );
    // The whole set goes when no replica renews it.
    await this.redis.expire([{ key, ttlSeconds: Math.ceil(LAPSE_MS / 1000) }]);
  }

  private async renew() {
    for (const [boardId, players] of this.local) {
      await this.list(boardId, [...players.keys()]).catch((error: unknown) => this.logger.warn({ err: error, leaderboardId: boardId }, 'renewing rankChanged listeners failed'));
    }
  }
}
