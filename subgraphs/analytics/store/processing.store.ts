import type { Sql } from '../../../platform/db/index.js';
import type { Aggregates } from '../domain/processing.js';
import type { ValidEvent } from '../domain/tracked-events.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const byKey = <T>(rows: readonly T[], key: (row: T) => string): T[] => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** A session as it stood before and after a batch's events were added. */
export interface SessionAfter {
  userId: string;
  sessionId: string;
  startedAt: Date;
  completedAt: Date | null;
  /** Completed before this batch: a later SESSION_COMPLETED is not told again. */
  wasCompleted: boolean;
}

/**
 * The processors' writes, on the raw SQL port (a hot batch path: one statement per table per
 * batch of up to 500 events). Rows are sent sorted by key, so two processors adding to the same
 * rows lock them in the same order.
 */
export class ProcessingStore {
  /** Stores the events analytics has not stored before; returns the ids that were new. */
  async insertNew(sql: Sql, events: readonly ValidEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const sorted = byKey(events, (e) => e.id);
    const rows = await sql.query<{ id: string }>(
      `INSERT INTO analytics_events (id, name, user_id, occurred_at, properties, session_id, context)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::jsonb[], $6::text[], $7::jsonb[])
       ON CONFLICT (id) DO NOTHING
       RETURNING id::text AS id`,
      [
        sorted.map((e) => e.id),
        sorted.map((e) => e.eventType),
        sorted.map((e) => e.userId),
        sorted.map((e) => iso(e.occurredAt)),
        sorted.map((e) => JSON.stringify(e.properties)),
        sorted.map((e) => e.sessionId),
        sorted.map((e) => JSON.stringify(e.context)),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Adds the deltas to every aggregate; returns the sessions a completion touched, after the change. */
  async apply(sql: Sql, a: Aggregates): Promise<SessionAfter[]> {
    const sessions = byKey(a.sessions, (s) => `${s.userId}|${s.sessionId}`);
    const completing = sessions.filter((s) => s.completedAt !== null);
    const work: Promise<unknown>[] = [];
    // Issued together: the port runs them in order on its connection (pipelined on pg).
    const before = completing.length
      ? sql.query<{ user_id: string; session_id: string }>(
          `SELECT s.user_id::text AS user_id, s.session_id FROM analytics_sessions s
           JOIN unnest($1::uuid[], $2::text[]) AS i(user_id, session_id) USING (user_id, session_id)
           WHERE s.completed_at IS NOT NULL`,
          [completing.map((s) => s.userId), completing.map((s) => s.sessionId)],
        )
      : Promise.resolve([]);
    const after = sessions.length
      ? sql.query<{ user_id: string; session_id: string; started_at: Date; completed_at: Date | null }>(
          `INSERT INTO analytics_sessions AS s (user_id, session_id, started_at, last_event_at, completed_at, events)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::int[])
           ON CONFLICT (user_id, session_id) DO UPDATE SET
             started_at = LEAST(s.started_at, EXCLUDED.started_at),
             last_event_at = GREATEST(s.last_event_at, EXCLUDED.last_event_at),
             completed_at = LEAST(s.completed_at, EXCLUDED.completed_at),
             events = s.events + EXCLUDED.events
           RETURNING s.user_id::text AS user_id, s.session_id, s.started_at, s.completed_at`,
          [
            sessions.map((s) => s.userId),
            sessions.map((s) => s.sessionId),
            sessions.map((s) => iso(s.startedAt)),
            sessions.map((s) => iso(s.lastEventAt)),
            sessions.map((s) => isoOrNull(s.completedAt)),
            sessions.map((s) => s.events),
          ],
        )
      : Promise.resolve([]);
    const players = byKey(a.players, (p) => p.userId);
    // The players' cohort days before this batch, their rows locked in id order (the retention rollup below).
    const cohortsBefore = players.length
      ? sql.query<{ user_id: string; day: string }>(
          `SELECT user_id::text AS user_id, (first_seen_at AT TIME ZONE 'UTC')::date::text AS day FROM analytics_players
           WHERE user_id = ANY($1::uuid[]) ORDER BY user_id FOR UPDATE`,
          [players.map((p) => p.userId)],
        )
      : Promise.resolve([]);
    let cohortsAfter: Promise<{ user_id: string; day: string }[]> = Promise.resolve([]);
    if (players.length) {
      work.push(
        (cohortsAfter = sql.query(
          // platform and country: the batch's newest when the batch reaches past what was stored
          // (a late event does not replace a newer one), else kept.
          `INSERT INTO analytics_players AS p (user_id, first_seen_at, last_seen_at, events, platform, country)
           SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::int[], $5::text[], $6::text[])
           ON CONFLICT (user_id) DO UPDATE SET
             first_seen_at = LEAST(p.first_seen_at, EXCLUDED.first_seen_at),
             last_seen_at = GREATEST(p.last_seen_at, EXCLUDED.last_seen_at),
             events = p.events + EXCLUDED.events,
             platform = CASE WHEN EXCLUDED.last_seen_at >= p.last_seen_at THEN coalesce(EXCLUDED.platform, p.platform) ELSE coalesce(p.platform, EXCLUDED.platform) END,
             country = CASE WHEN EXCLUDED.last_seen_at >= p.last_seen_at THEN coalesce(EXCLUDED.country, p.country) ELSE coalesce(p.country, EXCLUDED.country) END
           RETURNING p.user_id::text AS user_id, (p.first_seen_at AT TIME ZONE 'UTC')::date::text AS day`,
          [
            players.map((p) => p.userId),
            players.map((p) => iso(p.firstSeenAt)),
            players.map((p) => iso(p.lastSeenAt)),
            players.map((p) => p.events),
            players.map((p) => p.platform),
            players.map((p) => p.country),
          ],
        )),
      );
    }
    const types = byKey(a.playerTypes, (c) => `${c.userId}|${c.eventType}`);
    if (types.length) {
      work.push(
        sql.query(
          `INSERT INTO analytics_player_event_counts AS c (user_id, event_type, events)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])
           ON CONFLICT (user_id, event_type) DO UPDATE SET events = c.events + EXCLUDED.events`,
          [types.map((c) => c.userId), types.map((c) => c.eventType), types.map((c) => c.events)],
        ),
      );
    }
    const days = byKey(a.dailyRollups, (r) => `${iso(r.day)}|${r.eventType}`);
    if (days.length) {
      work.push(
        sql.query(
          `INSERT INTO analytics_daily_rollups AS r (day, event_type, events)
           SELECT (d AT TIME ZONE 'UTC')::date, t, n FROM unnest($1::timestamptz[], $2::text[], $3::int[]) AS i(d, t, n)
           ON CONFLICT (day, event_type) DO UPDATE SET events = r.events + EXCLUDED.events`,
          [days.map((r) => iso(r.day)), days.map((r) => r.eventType), days.map((r) => r.events)],
        ),
      );
    }
    const active = byKey(a.dailyPlayers, (r) => `${iso(r.day)}|${r.userId}`);
    let activeDays: Promise<{ user_id: string; day: string; inserted: boolean }[]> = Promise.resolve([]);
    if (active.length) {
      work.push(
        (activeDays = sql.query(
          // `xmax = 0`: the row was inserted by this statement (a player's first event of that day).
          `INSERT INTO analytics_daily_players AS r (day, user_id, events)
           SELECT (d AT TIME ZONE 'UTC')::date, u, n FROM unnest($1::timestamptz[], $2::uuid[], $3::int[]) AS i(d, u, n)
           ON CONFLICT (day, user_id) DO UPDATE SET events = r.events + EXCLUDED.events
           RETURNING r.user_id::text AS user_id, r.day::text AS day, (r.xmax = 0) AS inserted`,
          [active.map((r) => iso(r.day)), active.map((r) => r.userId), active.map((r) => r.events)],
        )),
      );
    }
    const slices = byKey(a.slices, (s) => `${iso(s.sliceStart)}|${s.eventType}`);
    if (slices.length) {
      work.push(
        sql.query(
          `INSERT INTO analytics_window_slices AS w (slice_start, event_type, events)
           SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::int[])
           ON CONFLICT (slice_start, event_type) DO UPDATE SET events = w.events + EXCLUDED.events`,
          [slices.map((s) => iso(s.sliceStart)), slices.map((s) => s.eventType), slices.map((s) => s.events)],
        ),
      );
    }
    const [completedBefore, touched] = await Promise.all([before, after, cohortsBefore, ...work]);
    await this.addToRetentionCohorts(sql, await cohortsBefore, await cohortsAfter, (await activeDays).filter((r) => r.inserted));
    const done = new Set(completedBefore.map((r) => `${r.user_id}|${r.session_id}`));
    const completingKeys = new Set(completing.map((s) => `${s.userId}|${s.sessionId}`));
    return touched
      .filter((r) => completingKeys.has(`${r.user_id}|${r.session_id}`))
      .map((r) => ({
        userId: r.user_id,
        sessionId: r.session_id,
        startedAt: new Date(r.started_at),
        completedAt: r.completed_at ? new Date(r.completed_at) : null,
        wasCompleted: done.has(`${r.user_id}|${r.session_id}`),
      }));
  }

  /**
   * Keeps the retention rollup (per cohort day: players, and how many were active on day 1, 7 and
   * 30) equal to what the players' days say, from what this batch changed: a new player joins their
   * cohort with the days they have; a player whose first day moved earlier (a late event) leaves the
   * old cohort with the days they had before this batch and joins the new one with all of them; any
   * other player's new active day adds to their cohort when it is day 1, 7 or 30. The players' rows
   * are locked (cohortsBefore), so batches of one player take turns; cohort rows are written in day order.
   */
  private async addToRetentionCohorts(
    sql: Sql,
    before: readonly { user_id: string; day: string }[],
    after: readonly { user_id: string; day: string }[],
    freshDays: readonly { user_id: string; day: string }[],
  ): Promise<void> {
    const was = new Map(before.map((r) => [r.user_id, r.day]));
    const moved = after.filter((r) => was.get(r.user_id) !== r.day);
    if (moved.length === 0 && freshDays.length === 0) return;
    await sql.query(
      `WITH moved AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::date[]) AS m(user_id, old_day, new_day)),
       fresh AS (SELECT * FROM unnest($4::uuid[], $5::date[]) AS f(user_id, day)),
       kept AS (
         SELECT d.user_id, d.day FROM analytics_daily_players d JOIN moved m USING (user_id)
         WHERE NOT EXISTS (SELECT 1 FROM fresh f WHERE f.user_id = d.user_id AND f.day = d.day)),
       lost AS (
         SELECT m.old_day AS day, -1 AS players,
                -count(k.day) FILTER (WHERE k.day = m.old_day + 1) AS d1,
                -count(k.day) FILTER (WHERE k.day = m.old_day + 7) AS d7,
                -count(k.day) FILTER (WHERE k.day = m.old_day + 30) AS d30
         FROM moved m LEFT JOIN kept k USING (user_id) WHERE m.old_day IS NOT NULL GROUP BY m.user_id, m.old_day),
       gained AS (
         SELECT m.new_day AS day, 1 AS players,
                count(d.day) FILTER (WHERE d.day = m.new_day + 1) AS d1,
                count(d.day) FILTER (WHERE d.day = m.new_day + 7) AS d7,
                count(d.day) FILTER (WHERE d.day = m.new_day + 30) AS d30
         FROM moved m LEFT JOIN analytics_daily_players d ON d.user_id = m.user_id AND d.day IN (m.new_day + 1, m.new_day + 7, m.new_day + 30)
         GROUP BY m.user_id, m.new_day),
       returned AS (
         SELECT c.day, 0 AS players,
                count(*) FILTER (WHERE f.day = c.day + 1) AS d1,
                count(*) FILTER (WHERE f.day = c.day + 7) AS d7,
                count(*) FILTER (WHERE f.day = c.day + 30) AS d30
         FROM fresh f
         JOIN LATERAL (SELECT (p.first_seen_at AT TIME ZONE 'UTC')::date AS day FROM analytics_players p WHERE p.user_id = f.user_id) c ON true
         WHERE NOT EXISTS (SELECT 1 FROM moved m WHERE m.user_id = f.user_id) AND f.day - c.day IN (1, 7, 30)
         GROUP BY c.day)
       INSERT INTO analytics_retention_cohorts AS r (day, players, d1, d7, d30)
       SELECT day, sum(players)::int, sum(d1)::int, sum(d7)::int, sum(d30)::int
       FROM (SELECT * FROM lost UNION ALL SELECT * FROM gained UNION ALL SELECT * FROM returned) AS x
       GROUP BY day ORDER BY day
       ON CONFLICT (day) DO UPDATE SET players = r.players + EXCLUDED.players, d1 = r.d1 + EXCLUDED.d1, d7 = r.d7 + EXCLUDED.d7, d30 = r.d30 + EXCLUDED.d30`,
      [
        moved.map((r) => r.user_id),
        moved.map((r) => was.get(r.user_id) ?? null),
        moved.map((r) => r.day),
        freshDays.map((r) => r.user_id),
        freshDays.map((r) => r.day),
      ],
    );
  }

  /** Drops window slices older than `before` (the window never reads them again). */
  async pruneSlices(sql: Sql, before: Date): Promise<void> {
    await sql.query(`DELETE FROM analytics_window_slices WHERE slice_start < $1::timestamptz`, [before.toISOString()]);
  }
}
