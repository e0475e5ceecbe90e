import type { PrismaClient, Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';
import type { ProgressEntry, StoredGameEvent } from '../domain/engine.js';
import type { ValidGameEvent } from '../domain/game-events.js';
import type { RuleState } from '../domain/rules.js';

/**
 * The event store and its projections (progress, unlocks). Every write takes a batch and is one
 * statement, so recording 500 events costs the same number of round trips as recording one. Rows
 * travel as one typed array per column, zipped by `unnest` (JSON values as text[], cast per row):
 * PostgreSQL parses a 600 KB JSON document of 5,600 rows in ≈ 90 ms on the bench machine, the same
 * rows as arrays in ≈ 14 ms (docs/decisions.md).
 */

/** A player as evaluation needs them, read under a row lock. */
export interface PlayerRow {
  userId: string;
  timezone: string;
  version: number;
}

/** One event to append: a checked event with its position in the player's stream. */
export interface EventToStore extends ValidGameEvent {
  version: number;
  source: string;
}

export interface ProgressRow extends ProgressEntry {
  userId: string;
  achievementId: string;
}

/** One unlock (the GraphQL `AchievementUnlock` mapper). */
export interface UnlockRow {
  userId: string;
  achievementId: string;
  unlockedAt: Date | string;
  eventId?: string | null;
}

/** A player's standing on one achievement (the GraphQL `PlayerAchievement` mapper). */
export interface PlayerAchievementRow {
  userId: string;
  achievementId: string;
  unlockedAt: Date | string | null;
  /** The stored rule state, for display as of now (streaks end, rolling windows slide); null once unlocked. */
  state: RuleState | null;
  current: number;
  target: number;
  timezone: string;
}

const json = (value: unknown) => JSON.stringify(value);
/** One column of a batch: `column(rows, r => r.x)`. */
const column = <T, V>(rows: readonly T[], value: (row: T) => V): V[] => rows.map(value);

export class ProgressStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Creates players this subgraph has not heard of (bus events are trusted to name real players). */
  async ensurePlayers(tx: Tx, players: { userId: string; timezone?: string }[]): Promise<void> {
    if (players.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO achievement_players (user_id, timezone)
      SELECT p.user_id, COALESCE(p.timezone, 'UTC')
      FROM unnest(${column(players, (p) => p.userId)}::uuid[], ${column(players, (p) => p.timezone ?? null)}::text[]) AS p(user_id, timezone)
      ON CONFLICT (user_id) DO NOTHING`;
  }

  async setTimezone(tx: Tx, userId: string, timezone: string): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO achievement_players (user_id, timezone) VALUES (${userId}::uuid, ${timezone})
      ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone`;
  }

  /**
   * Locks the players' rows (in id order, so concurrent batches cannot deadlock) and returns
   * them: the lock serializes writers of one player, and `version` is where their stream ends.
   */
  lockPlayers(tx: Tx, userIds: readonly string[]): Promise<PlayerRow[]> {
    return tx.$queryRaw<PlayerRow[]>`
      SELECT user_id::text AS "userId", timezone, version FROM achievement_players
      WHERE user_id = ANY(${[...userIds]}::uuid[]) ORDER BY user_id FOR UPDATE`;
  }

  /** Which of these event ids are already stored. */
  async storedEventIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM achievement_events WHERE id = ANY(${[...ids]}::text[])`;
    return new Set(rows.map((r) => r.id));
  }

  /** Appends events. A concurrent writer of the same id or (player, version) makes this fail with a unique violation. */
  async appendEvents(tx: Tx, events: readonly EventToStore[]): Promise<void> {
    if (events.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO achievement_events (id, user_id, version, type, data, occurred_at, source)
      SELECT e.id, e.user_id, e.version, e.type, e.data::jsonb, e.occurred_at, e.source
      FROM unnest(
        ${column(events, (e) => e.id)}::text[], ${column(events, (e) => e.userId)}::uuid[], ${column(events, (e) => e.version)}::int[],
        ${column(events, (e) => e.type)}::text[], ${column(events, (e) => json(e.data))}::text[],
        ${column(events, (e) => e.occurredAt.toISOString())}::timestamptz[], ${column(events, (e) => e.source)}::text[]
      ) AS e(id, user_id, version, type, data, occurred_at, source)`;
  }

  /** Ends each player's stream at its new version and notes their latest activity. */
  async advancePlayers(tx: Tx, players: { userId: string; version: number; lastEventAt: Date }[]): Promise<void> {
    if (players.length === 0) return;
    await tx.$executeRaw`
      UPDATE achievement_players p
      SET version = v.version, last_event_at = GREATEST(p.last_event_at, v.last_event_at)
      FROM unnest(
        ${column(players, (p) => p.userId)}::uuid[], ${column(players, (p) => p.version)}::int[],
        ${column(players, (p) => p.lastEventAt.toISOString())}::timestamptz[]
      ) AS v(user_id, version, last_event_at)
      WHERE p.user_id = v.user_id`;
  }

  /** Stored progress for these (player, achievement) pairs. */
  async progressOf(tx: Tx, keys: { userId: string; achievementId: string }[]): Promise<ProgressRow[]> {
    if (keys.length === 0) return [];
    return tx.$queryRaw<ProgressRow[]>`
      SELECT p.user_id::text AS "userId", p.achievement_id AS "achievementId", p.state, p.current, p.target, p.completed
      FROM achievement_progress p
      JOIN unnest(${column(keys, (k) => k.userId)}::uuid[], ${column(keys, (k) => k.achievementId)}::text[]) AS k(u, a)
        ON p.user_id = k.u AND p.achievement_id = k.a`;
  }

  /** The achievements each player has unlocked. */
  async unlockedBy(tx: Tx, userIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const rows = await tx.$queryRaw<{ userId: string; achievementId: string }[]>`
      SELECT user_id::text AS "userId", achievement_id AS "achievementId" FROM user_achievements
      WHERE user_id = ANY(${[...userIds]}::uuid[])`;
    const byUser = new Map<string, Set<string>>(userIds.map((id) => [id, new Set()]));
    for (const row of rows) byUser.get(row.userId)?.add(row.achievementId);
    return byUser;
  }

  async saveProgress(tx: Tx, rows: readonly ProgressRow[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO achievement_progress (user_id, achievement_id, state, current, target, completed, updated_at)
      SELECT p.user_id, p.achievement_id, p.state::jsonb, p.current, p.target, p.completed, now()
      FROM unnest(
        ${column(rows, (r) => r.userId)}::uuid[], ${column(rows, (r) => r.achievementId)}::text[], ${column(rows, (r) => (r.state == null ? null : json(r.state)))}::text[],
        ${column(rows, (r) => r.current)}::float8[], ${column(rows, (r) => r.target)}::float8[], ${column(rows, (r) => r.completed)}::boolean[]
      ) AS p(user_id, achievement_id, state, current, target, completed)
      ON CONFLICT (user_id, achievement_id) DO UPDATE
      SET state = EXCLUDED.state, current = EXCLUDED.current, target = EXCLUDED.target,
          completed = EXCLUDED.completed, updated_at = EXCLUDED.updated_at`;
  }

  /** Inserts unlocks; returns those that were new (an unlock is recorded once, ever). */
  async insertUnlocks(tx: Tx, unlocks: readonly UnlockRow[]): Promise<UnlockRow[]> {
    if (unlocks.length === 0) return [];
    return tx.$queryRaw<UnlockRow[]>`
      INSERT INTO user_achievements (user_id, achievement_id, unlocked_at, event_id)
      SELECT u.user_id, u.achievement_id, u.unlocked_at, u.event_id
      FROM unnest(
        ${column(unlocks, (u) => u.userId)}::uuid[], ${column(unlocks, (u) => u.achievementId)}::text[],
        ${column(unlocks, (u) => new Date(u.unlockedAt).toISOString())}::timestamptz[], ${column(unlocks, (u) => u.eventId ?? null)}::text[]
      ) AS u(user_id, achievement_id, unlocked_at, event_id)
      ON CONFLICT (user_id, achievement_id) DO NOTHING
      RETURNING user_id::text AS "userId", achievement_id AS "achievementId", unlocked_at AS "unlockedAt", event_id AS "eventId"`;
  }

  /** One page of a player's events in stream order, after `afterVersion` (for the rebuild). */
  eventsAfter(tx: Tx | PrismaClient, userId: string, afterVersion: number, limit: number): Promise<(StoredGameEvent & { version: number })[]> {
    return tx.$queryRaw`
      SELECT id, type, data, occurred_at AS "occurredAt", version FROM achievement_events
      WHERE user_id = ${userId}::uuid AND version > ${afterVersion}
      ORDER BY version LIMIT ${limit}`;
  }

  /** Players in id order after `afterUserId`, for walking every player. */
  async playerIdsAfter(afterUserId: string | null, limit: number): Promise<string[]> {
    const rows = await this.prisma.achievementPlayer.findMany({
      where: afterUserId ? { userId: { gt: afterUserId } } : undefined,
      orderBy: { userId: 'asc' },
      take: limit,
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  async deleteProgress(tx: Tx, userId: string): Promise<void> {
    await tx.achievementProgress.deleteMany({ where: { userId } });
  }

  /**
   * Each player's achievements, in the order of `userIds`: unlocked ones (newest first), then
   * those in progress. Two queries for any number of players.
   */
  async achievementsOf(userIds: readonly string[]): Promise<PlayerAchievementRow[][]> {
    const valid = userIds.filter(isUuid);
    const [unlocks, progress] = valid.length
      ? await Promise.all([
          this.prisma.$queryRaw<PlayerAchievementRow[]>`
            SELECT ua.user_id::text AS "userId", ua.achievement_id AS "achievementId", ua.unlocked_at AS "unlockedAt",
                   NULL::jsonb AS state, COALESCE(p.target, 1) AS current, COALESCE(p.target, 1) AS target,
                   COALESCE(pl.timezone, 'UTC') AS timezone
            FROM user_achievements ua
            LEFT JOIN achievement_progress p ON p.user_id = ua.user_id AND p.achievement_id = ua.achievement_id
            LEFT JOIN achievement_players pl ON pl.user_id = ua.user_id
            WHERE ua.user_id = ANY(${valid}::uuid[])
            ORDER BY ua.unlocked_at DESC, ua.achievement_id`,
          this.prisma.$queryRaw<PlayerAchievementRow[]>`
            SELECT p.user_id::text AS "userId", p.achievement_id AS "achievementId", NULL::timestamptz AS "unlockedAt",
                   p.state, p.current, p.target, COALESCE(pl.timezone, 'UTC') AS timezone
            FROM achievement_progress p
            LEFT JOIN achievement_players pl ON pl.user_id = p.user_id
            WHERE p.user_id = ANY(${valid}::uuid[])
              AND NOT EXISTS (SELECT 1 FROM user_achievements ua WHERE ua.user_id = p.user_id AND ua.achievement_id = p.achievement_id)
            ORDER BY p.achievement_id`,
        ])
      : [[], []];
    const byUser = new Map<string, PlayerAchievementRow[]>();
    for (const row of [...unlocks, ...progress]) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    return userIds.map((id) => byUser.get(id) ?? []);
  }

  /** How many players unlocked each achievement, and how many of the players active since `activeSince` did. */
  async unlockStats(achievementIds: readonly string[], activeSince: Date): Promise<{ achievementId: string; unlockedBy: number; unlockedByActive: number }[]> {
    return this.prisma.$queryRaw`
      SELECT ua.achievement_id AS "achievementId", COUNT(*)::int AS "unlockedBy",
             COUNT(*) FILTER (WHERE pl.last_event_at >= ${activeSince})::int AS "unlockedByActive"
      FROM user_achievements ua
      LEFT JOIN achievement_players pl ON pl.user_id = ua.user_id
      WHERE ua.achievement_id = ANY(${[...achievementIds]}::text[])
      GROUP BY ua.achievement_id`;
  }

  async activePlayers(activeSince: Date): Promise<number> {
    return this.prisma.achievementPlayer.count({ where: { lastEventAt: { gte: activeSince } } });
  }
}
