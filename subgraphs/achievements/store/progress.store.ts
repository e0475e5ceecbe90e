import { pgArray, type PrismaClient, type Sql } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';
import type { ProgressEntry, StoredGameEvent } from '../domain/evaluate.js';
import type { ValidGameEvent } from '../domain/game-events.js';
import type { RuleState } from '../domain/rules.js';

/**
 * The event store and its projections (progress, unlocks). Every write takes a batch and is one
 * statement, so recording 500 events costs the same number of round trips as recording one. Rows
 * travel as one typed array per column, zipped by `unnest` (JSON values as text[], cast per row):
 * PostgreSQL parses a 600 KB JSON document of 5,600 rows in ≈ 90 ms on the bench machine, the same
 * rows as arrays in ≈ 14 ms (bench/RESULTS.md, "Tuning history"). What runs inside the engine's transactions takes
 * the raw SQL port (`Sql`): on PostgreSQL that is `pg` itself, without Prisma's runtime in between.
 */

/** A player as evaluation needs them, read under a row lock. */
export interface PlayerRow {
  userId: string;
  timezone: string;
  version: number;
  /** The projection generation: the rebuild moves it, so no cached projection outlives a rebuild. */
  epoch: number;
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

/** How stale a player's last_event_at may be: it moves only once a newer event is this much later. */
export const ACTIVITY_RESOLUTION = '1 hour';
/** One column of a batch as an array literal, cast in the SQL (`$1::uuid[]`): `column(rows, r => r.x)`. */
const column = <T>(rows: readonly T[], value: (row: T) => string | number | boolean | null): string => pgArray(rows.map(value));

export class ProgressStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot reads (achievementsOf). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /** Creates players this subgraph has not heard of (bus events are trusted to name real players). */
  async ensurePlayers(sql: Sql, players: { userId: string; timezone?: string }[]): Promise<void> {
    if (players.length === 0) return;
    await sql.query(
      `INSERT INTO achievement_players (user_id, timezone)
       SELECT p.user_id, COALESCE(p.timezone, 'UTC')
       FROM unnest($1::uuid[], $2::text[]) AS p(user_id, timezone)
       ON CONFLICT (user_id) DO NOTHING`,
      [column(players, (p) => p.userId), column(players, (p) => p.timezone ?? null)],
    );
  }

  async setTimezone(sql: Sql, userId: string, timezone: string): Promise<void> {
    await sql.query(
      `INSERT INTO achievement_players (user_id, timezone) VALUES ($1::uuid, $2)
       ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone`,
      [userId, timezone],
    );
  }

  /**
   * Locks the players' rows (in id order, so concurrent batches cannot deadlock) and returns
   * them: the lock serializes writers of one player, and `version` is where their stream ends.
   */
  /** Which of these players this subgraph has heard of (no locks). */
  async knownPlayerIds(sql: Sql, userIds: readonly string[]): Promise<string[]> {
    const rows = await sql.query<{ userId: string }>(`SELECT user_id::text AS "userId" FROM achievement_players WHERE user_id = ANY($1::uuid[])`, [pgArray(userIds)]);
    return rows.map((r) => r.userId);
  }

  lockPlayers(sql: Sql, userIds: readonly string[]): Promise<PlayerRow[]> {
    return sql.query<PlayerRow>(
      `SELECT user_id::text AS "userId", timezone, version, projection_epoch AS epoch FROM achievement_players
       WHERE user_id = ANY($1::uuid[]) ORDER BY user_id FOR UPDATE`,
      [pgArray(userIds)],
    );
  }

  /**
   * Which of these event ids are already stored: one primary-key probe per id (as in progressOf;
   * `id = ANY(…)` let the planner scan the whole event store while it was under a few million rows).
   */
  async storedEventIds(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
    const rows = await sql.query<{ id: string }>(
      `SELECT e.id FROM unnest($1::text[]) AS k(id)
       CROSS JOIN LATERAL (SELECT id FROM achievement_events WHERE id = k.id LIMIT 1) e`,
      [pgArray(ids)],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Appends events. A concurrent writer of the same id or (player, version) makes this fail with a unique violation. */
  async appendEvents(sql: Sql, events: readonly EventToStore[]): Promise<void> {
    if (events.length === 0) return;
    await sql.query(
      `INSERT INTO achievement_events (id, user_id, version, type, data, occurred_at, source)
       SELECT e.id, e.user_id, e.version, e.type, e.data::jsonb, e.occurred_at, e.source
       FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[], $7::text[])
         AS e(id, user_id, version, type, data, occurred_at, source)`,
      [
        column(events, (e) => e.id),
        column(events, (e) => e.userId),
        column(events, (e) => e.version),
        column(events, (e) => e.type),
        column(events, (e) => json(e.data)),
        column(events, (e) => e.occurredAt.toISOString()),
        column(events, (e) => e.source),
      ],
    );
  }

  /**
   * Ends each player's stream at its new version and notes their latest activity, to the hour
   * (ACTIVITY_RESOLUTION): "active in the last 30 days" needs no more, and a row whose indexed
   * last_event_at did not move is updated in place on its page (HOT), without new index entries.
   */
  async advancePlayers(sql: Sql, players: { userId: string; version: number; lastEventAt: Date }[]): Promise<void> {
    if (players.length === 0) return;
    await sql.query(
      `UPDATE achievement_players p
       SET version = v.version,
           last_event_at = CASE WHEN p.last_event_at IS NULL OR v.last_event_at >= p.last_event_at + interval '${ACTIVITY_RESOLUTION}'
                                THEN v.last_event_at ELSE p.last_event_at END
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS v(user_id, version, last_event_at)
       WHERE p.user_id = v.user_id`,
      [column(players, (p) => p.userId), column(players, (p) => p.version), column(players, (p) => p.lastEventAt.toISOString())],
    );
  }

  /**
   * Stored progress for these (player, achievement) pairs: one primary-key lookup per pair, so the
   * cost follows the batch, never the table. (A plain join lets the planner hash the whole table:
   * on the bench, 52 ms and a temp file per batch at 67,000 rows, against 22 ms for the lookups,
   * and growing with every player. LIMIT 1 keeps the lookups: the key is unique anyway.)
   */
  async progressOf(sql: Sql, keys: { userId: string; achievementId: string }[]): Promise<ProgressRow[]> {
    if (keys.length === 0) return [];
    return sql.query<ProgressRow>(
      `SELECT p.user_id::text AS "userId", p.achievement_id AS "achievementId", p.state, p.current, p.target, p.completed
       FROM unnest($1::uuid[], $2::text[]) AS k(u, a)
       CROSS JOIN LATERAL (
         SELECT * FROM achievement_progress p WHERE p.user_id = k.u AND p.achievement_id = k.a LIMIT 1
       ) p`,
      [column(keys, (k) => k.userId), column(keys, (k) => k.achievementId)],
    );
  }

  /** The achievements each player has unlocked. */
  async unlockedBy(sql: Sql, userIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const rows = await sql.query<{ userId: string; achievementId: string }>(
      `SELECT user_id::text AS "userId", achievement_id AS "achievementId" FROM user_achievements WHERE user_id = ANY($1::uuid[])`,
      [pgArray(userIds)],
    );
    const byUser = new Map<string, Set<string>>(userIds.map((id) => [id, new Set()]));
    for (const row of rows) byUser.get(row.userId)?.add(row.achievementId);
    return byUser;
  }

  async saveProgress(sql: Sql, rows: readonly ProgressRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO achievement_progress (user_id, achievement_id, state, current, target, completed, updated_at)
       SELECT p.user_id, p.achievement_id, p.state::jsonb, p.current, p.target, p.completed, now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::boolean[])
         AS p(user_id, achievement_id, state, current, target, completed)
       ON CONFLICT (user_id, achievement_id) DO UPDATE
       SET state = EXCLUDED.state, current = EXCLUDED.current, target = EXCLUDED.target,
           completed = EXCLUDED.completed, updated_at = EXCLUDED.updated_at`,
      [
        column(rows, (r) => r.userId),
        column(rows, (r) => r.achievementId),
        column(rows, (r) => (r.state == null ? null : json(r.state))),
        column(rows, (r) => r.current),
        column(rows, (r) => r.target),
        column(rows, (r) => r.completed),
      ],
    );
  }

  /** Inserts unlocks; returns those that were new (an unlock is recorded once, ever). */
  async insertUnlocks(sql: Sql, unlocks: readonly UnlockRow[]): Promise<UnlockRow[]> {
    if (unlocks.length === 0) return [];
    return sql.query<UnlockRow>(
      `INSERT INTO user_achievements (user_id, achievement_id, unlocked_at, event_id)
       SELECT u.user_id, u.achievement_id, u.unlocked_at, u.event_id
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS u(user_id, achievement_id, unlocked_at, event_id)
       ON CONFLICT (user_id, achievement_id) DO NOTHING
       RETURNING user_id::text AS "userId", achievement_id AS "achievementId", unlocked_at AS "unlockedAt", event_id AS "eventId"`,
      [
        column(unlocks, (u) => u.userId),
        column(unlocks, (u) => u.achievementId),
        column(unlocks, (u) => new Date(u.unlockedAt).toISOString()),
        column(unlocks, (u) => u.eventId ?? null),
      ],
    );
  }

  /** One page of a player's events in stream order, after `afterVersion` (for the rebuild). */
  eventsAfter(sql: Sql, userId: string, afterVersion: number, limit: number): Promise<(StoredGameEvent & { version: number })[]> {
    return sql.query(
      `SELECT id, type, data, occurred_at AS "occurredAt", version FROM achievement_events
       WHERE user_id = $1::uuid AND version > $2 ORDER BY version LIMIT $3`,
      [userId, afterVersion, limit],
    );
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

  /**
   * Deletes a player's progress for the rebuild, and moves their projection epoch: a projection an
   * engine process cached before the rebuild no longer matches the player's row.
   */
  async deleteProgress(sql: Sql, userId: string): Promise<void> {
    await sql.query('DELETE FROM achievement_progress WHERE user_id = $1::uuid', [userId]);
    await sql.query('UPDATE achievement_players SET projection_epoch = projection_epoch + 1 WHERE user_id = $1::uuid', [userId]);
  }

  /**
   * Each player's achievements, in the order of `userIds`: unlocked ones (newest first), then
   * those in progress. Two queries for any number of players. Raw SQL: joins with `COALESCE` and
   * `NOT EXISTS`; on the port (docs/database.md, hot path) since the profile page reads it and
   * Prisma's runtime was ≈ 23% of this process's busy CPU on the read path (issue 14).
   */
  async achievementsOf(userIds: readonly string[]): Promise<PlayerAchievementRow[][]> {
    const valid = userIds.filter(isUuid);
    const ids = pgArray(valid);
    const [unlocks, progress] = valid.length
      ? await Promise.all([
          this.sql.query<PlayerAchievementRow>(
            `SELECT ua.user_id::text AS "userId", ua.achievement_id AS "achievementId", ua.unlocked_at AS "unlockedAt",
                    NULL::jsonb AS state, COALESCE(p.target, 1) AS current, COALESCE(p.target, 1) AS target,
                    COALESCE(pl.timezone, 'UTC') AS timezone
             FROM user_achievements ua
             LEFT JOIN achievement_progress p ON p.user_id = ua.user_id AND p.achievement_id = ua.achievement_id
             LEFT JOIN achievement_players pl ON pl.user_id = ua.user_id
             WHERE ua.user_id = ANY($1::uuid[])
             ORDER BY ua.unlocked_at DESC, ua.achievement_id`,
            [ids],
          ),
          this.sql.query<PlayerAchievementRow>(
            `SELECT p.user_id::text AS "userId", p.achievement_id AS "achievementId", NULL::timestamptz AS "unlockedAt",
                    p.state, p.current, p.target, COALESCE(pl.timezone, 'UTC') AS timezone
             FROM achievement_progress p
             LEFT JOIN achievement_players pl ON pl.user_id = p.user_id
             WHERE p.user_id = ANY($1::uuid[])
               AND NOT EXISTS (SELECT 1 FROM user_achievements ua WHERE ua.user_id = p.user_id AND ua.achievement_id = p.achievement_id)
             ORDER BY p.achievement_id`,
            [ids],
          ),
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
