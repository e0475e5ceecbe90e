import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { PlayerAchievementRow } from './progress.store.js';

/**
 * Players' achievements (User.achievements) cached in Redis, shared by replicas (brief 5.1).
 *
 * Entries are keyed by a per-player generation that every change replaces after its commit, so
 * a reader that loaded the database before a change and writes its result after the change
 * writes to a generation nobody reads any more: a stale entry is never served after the
 * invalidation. Entries expire after `ttlSeconds` in any case. Correctness never depends on
 * the cache: if Redis fails, reads go to the database.
 */
export class ProgressCache {
  constructor(
    private readonly redis: RedisPort,
    private readonly logger: Logger,
    private readonly ttlSeconds: number,
  ) {}

  private generationKey = (userId: string) => `achievements:progress-gen:${userId}`;
  private entryKey = (userId: string, generation: string) => `achievements:progress:${userId}:${generation}`;

  /** Each player's rows: from the cache, or from `fetch` for the misses (which are then cached). */
  async load(
    userIds: readonly string[],
    fetch: (userIds: readonly string[]) => Promise<PlayerAchievementRow[][]>,
  ): Promise<PlayerAchievementRow[][]> {
    let generations: string[];
    let cached: (string | null)[];
    try {
      generations = (await this.redis.mget(userIds.map(this.generationKey))).map((g) => g ?? 'initial');
      cached = await this.redis.mget(userIds.map((id, i) => this.entryKey(id, generations[i]!)));
    } catch (error) {
      this.logger.warn({ err: error }, 'achievements cache unavailable; reading the database');
      return fetch(userIds);
    }
    const misses = userIds.flatMap((id, i) => (cached[i] == null ? [{ id, generation: generations[i]! }] : []));
    const fetched = misses.length ? await fetch(misses.map((m) => m.id)) : [];
    const byUser = new Map(misses.map(({ id }, i) => [id, fetched[i]!]));
    try {
      await Promise.all(misses.map(({ id, generation }, i) => this.redis.set(this.entryKey(id, generation), JSON.stringify(fetched[i]), this.ttlSeconds)));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not fill the achievements cache');
    }
    return userIds.map((id, i) => byUser.get(id) ?? (JSON.parse(cached[i]!) as PlayerAchievementRow[]));
  }

  /** Call after a commit that changed these players' achievements. */
  async invalidate(userIds: readonly string[]): Promise<void> {
    // The generation outlives any entry written under it, so an expired generation cannot bring back an old entry.
    await Promise.all(userIds.map((id) => this.redis.set(this.generationKey(id), randomUUID(), this.ttlSeconds * 10)));
  }
}
