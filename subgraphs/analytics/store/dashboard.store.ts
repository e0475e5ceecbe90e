import type { Sql } from '../../../platform/db/index.js';
import { ENGAGEMENT } from '../domain/engagement.js';

export interface EventTypeCount {
  eventType: string;
  count: number;
}

export interface LiveFigures {
  activePlayers: number;
  concurrentSessions: number;
  windowEvents: EventTypeCount[];
  unlocksLastHour: number;
}

export interface DailyFigures {
  newPlayers: number;
  previousNewPlayers: number;
  engagement: number | null;
  /** Per retention day n: the newest measurable cohort's size and how many came back on day n. */
  retention: { day: number; players: number; retained: number }[];
}

export interface CohortRow {
  day: Date;
  players: number;
  d1: number;
  d7: number;
  d30: number;
}

export interface ActivityRow {
  day: Date;
  events: number;
  activePlayers: number;
  newPlayers: number;
}

export interface PlayerRow {
  userId: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  events: number;
  sessions: number;
  averageSessionSeconds: number;
  eventsByType: EventTypeCount[];
  recent: { activeDays: number; sessions: number; sessionSeconds: number };
}

const iso = (ms: number) => new Date(ms).toISOString();
const DAY = 86_400_000;

/** The dashboard's reads: small aggregates over the rollups, sessions and window slices. */
export class DashboardStore {
  constructor(private readonly sql: Sql) {}

  /** The live part: who is active since the window's start, the window's events, unlocks of the last hour. */
  async live(window: { start: number; end: number }, now: number): Promise<LiveFigures> {
    const [sessions, slices, unlocks] = await Promise.all([
      this.sql.query<{ players: number; open: number }>(
        `SELECT count(DISTINCT user_id)::int AS players, count(*) FILTER (WHERE completed_at IS NULL)::int AS open
         FROM analytics_sessions WHERE last_event_at >= $1::timestamptz`,
        [iso(window.start)],
      ),
      this.sql.query<{ event_type: string; events: number }>(
        `SELECT event_type, sum(events)::int AS events FROM analytics_window_slices
         WHERE slice_start >= $1::timestamptz AND slice_start < $2::timestamptz
         GROUP BY event_type ORDER BY 2 DESC, 1`,
        [iso(window.start), iso(window.end)],
      ),
      this.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM analytics_events WHERE name = 'achievement.unlocked' AND occurred_at >= $1::timestamptz AND occurred_at <= $2::timestamptz`,
        [iso(now - 3_600_000), iso(now)],
      ),
    ]);
    return {
      activePlayers: sessions[0]?.players ?? 0,
      concurrentSessions: sessions[0]?.open ?? 0,
      windowEvents: slices.map((s) => ({ eventType: s.event_type, count: s.events })),
      unlocksLastHour: unlocks[0]?.n ?? 0,
    };
  }

  /**
   * The daily part, for `today` (a UTC day start): new players of the last 7 days and the 7
   * before, mean engagement of the last 7 days' active players (the formula of domain/engagement.ts,
   * its constants passed in, so SQL and domain cannot drift apart), and the newest measurable D1/D7/D30.
   */
  async daily(today: number, retentionDays: readonly number[]): Promise<DailyFigures> {
    const weekStart = today - (ENGAGEMENT.days - 1) * DAY;
    const { weights, days, fullSessions, fullSessionMinutes } = ENGAGEMENT;
    const [growth, engagement, ...retention] = await Promise.all([
      this.sql.query<{ current: number; previous: number }>(
        `SELECT count(*) FILTER (WHERE first_seen_at >= $1::timestamptz)::int AS current,
                count(*) FILTER (WHERE first_seen_at < $1::timestamptz)::int AS previous
         FROM analytics_players WHERE first_seen_at >= $2::timestamptz AND first_seen_at < $3::timestamptz`,
        [iso(weekStart), iso(weekStart - 7 * DAY), iso(today + DAY)],
      ),
      this.sql.query<{ score: number | null }>(
        `WITH active AS (
           SELECT user_id, count(*) AS days FROM analytics_daily_players
           WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day <= ($2::timestamptz AT TIME ZONE 'UTC')::date GROUP BY user_id),
         played AS (
           SELECT s.user_id, count(*) AS sessions,
                  sum(extract(epoch FROM coalesce(s.completed_at, s.last_event_at) - s.started_at)) AS seconds
           FROM analytics_sessions s JOIN active USING (user_id)
           WHERE s.started_at >= $1::timestamptz AND s.started_at < $3::timestamptz GROUP BY s.user_id)
         SELECT avg(round((1000 * (
             $4::float8 * least(a.days / $7::float8, 1)
           + $5::float8 * least(coalesce(p.sessions, 0) / $8::float8, 1)
           + $6::float8 * least(CASE WHEN coalesce(p.sessions, 0) > 0 THEN p.seconds / p.sessions / 60 / $9::float8 ELSE 0 END, 1)
         ))::numeric) / 10)::float8 AS score
         FROM active a LEFT JOIN played p USING (user_id)`,
        [iso(weekStart), iso(today), iso(today + DAY), weights.activeDays, weights.sessions, weights.sessionLength, days, fullSessions, fullSessionMinutes],
      ),
      ...retentionDays.map((n) => {
        const cohort = today - (n + 1) * DAY;
        return this.sql.query<{ players: number; retained: number }>(
          `SELECT count(*)::int AS players, count(d.user_id)::int AS retained
           FROM analytics_players p
           LEFT JOIN analytics_daily_players d ON d.user_id = p.user_id AND d.day = ($3::timestamptz AT TIME ZONE 'UTC')::date
           WHERE p.first_seen_at >= $1::timestamptz AND p.first_seen_at < $2::timestamptz`,
          [iso(cohort), iso(cohort + DAY), iso(cohort + n * DAY)],
        );
      }),
    ]);
    return {
      newPlayers: growth[0]?.current ?? 0,
      previousNewPlayers: growth[0]?.previous ?? 0,
      engagement: engagement[0]?.score ?? null,
      retention: retentionDays.map((day, i) => ({ day, players: retention[i]![0]?.players ?? 0, retained: retention[i]![0]?.retained ?? 0 })),
    };
  }

  /**
   * Cohorts of the given days (day starts), with their players active on day 1, 7 and 30; in day
   * order. Read from the retention rollup the processors keep (one row per cohort day).
   */
  async cohorts(days: readonly number[]): Promise<CohortRow[]> {
    if (days.length === 0) return [];
    const rows = await this.sql.query<{ day: Date; players: number; d1: number; d7: number; d30: number }>(
      `SELECT (day::timestamp AT TIME ZONE 'UTC') AS day, players, d1, d7, d30 FROM analytics_retention_cohorts
       WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date`,
      [iso(days[0]!), iso(days.at(-1)! + DAY)],
    );
    const byDay = new Map(rows.map((r) => [new Date(r.day).getTime(), r]));
    return days.map((day) => {
      const row = byDay.get(day);
      return { day: new Date(day), players: row?.players ?? 0, d1: row?.d1 ?? 0, d7: row?.d7 ?? 0, d30: row?.d30 ?? 0 };
    });
  }

  /** Events, active and new players of each given day (day starts), from the rollups; zeros for quiet days. */
  async activity(days: readonly number[]): Promise<ActivityRow[]> {
    if (days.length === 0) return [];
    const from = iso(days[0]!);
    const to = iso(days.at(-1)! + DAY);
    const [events, active, fresh] = await Promise.all([
      this.sql.query<{ day: Date; n: number }>(
        `SELECT (day::timestamp AT TIME ZONE 'UTC') AS day, sum(events)::int AS n FROM analytics_daily_rollups
         WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date GROUP BY 1`,
        [from, to],
      ),
      this.sql.query<{ day: Date; n: number }>(
        `SELECT (day::timestamp AT TIME ZONE 'UTC') AS day, count(*)::int AS n FROM analytics_daily_players
         WHERE day >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND day < ($2::timestamptz AT TIME ZONE 'UTC')::date GROUP BY 1`,
        [from, to],
      ),
      this.sql.query<{ day: Date; n: number }>(
        `SELECT (date_trunc('day', first_seen_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AS day, count(*)::int AS n FROM analytics_players
         WHERE first_seen_at >= $1::timestamptz AND first_seen_at < $2::timestamptz GROUP BY 1`,
        [from, to],
      ),
    ]);
    const map = (rows: { day: Date; n: number }[]) => new Map(rows.map((r) => [new Date(r.day).getTime(), r.n]));
    const [e, a, f] = [map(events), map(active), map(fresh)];
    return days.map((day) => ({ day: new Date(day), events: e.get(day) ?? 0, activePlayers: a.get(day) ?? 0, newPlayers: f.get(day) ?? 0 }));
  }

  /** Players' metrics by id, in one read per table; absent ids are players analytics never saw. */
  async players(userIds: readonly string[], today: number): Promise<Map<string, PlayerRow>> {
    const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
    const weekStart = iso(today - (ENGAGEMENT.days - 1) * DAY);
    const [players, sessions, types, recentSessions, recentDays] = await Promise.all([
      this.sql.query<{ user_id: string; first_seen_at: Date; last_seen_at: Date; events: number }>(
        `SELECT user_id::text AS user_id, first_seen_at, last_seen_at, events FROM analytics_players WHERE user_id = ANY($1::uuid[])`,
        [ids],
      ),
      this.sql.query<{ user_id: string; sessions: number; average: number | null }>(
        `SELECT user_id::text AS user_id, count(*)::int AS sessions,
                avg(extract(epoch FROM coalesce(completed_at, last_event_at) - started_at))::float8 AS average
         FROM analytics_sessions WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
        [ids],
      ),
      this.sql.query<{ user_id: string; event_type: string; events: number }>(
        `SELECT user_id::text AS user_id, event_type, events FROM analytics_player_event_counts WHERE user_id = ANY($1::uuid[]) ORDER BY events DESC, event_type`,
        [ids],
      ),
      this.sql.query<{ user_id: string; sessions: number; seconds: number | null }>(
        `SELECT user_id::text AS user_id, count(*)::int AS sessions,
                sum(extract(epoch FROM coalesce(completed_at, last_event_at) - started_at))::float8 AS seconds
         FROM analytics_sessions WHERE user_id = ANY($1::uuid[]) AND started_at >= $2::timestamptz GROUP BY user_id`,
        [ids, weekStart],
      ),
      this.sql.query<{ user_id: string; days: number }>(
        `SELECT user_id::text AS user_id, count(*)::int AS days FROM analytics_daily_players
         WHERE user_id = ANY($1::uuid[]) AND day >= ($2::timestamptz AT TIME ZONE 'UTC')::date GROUP BY user_id`,
        [ids, weekStart],
      ),
    ]);
    const result = new Map<string, PlayerRow>();
    for (const p of players) {
      const s = sessions.find((r) => r.user_id === p.user_id);
      const recent = recentSessions.find((r) => r.user_id === p.user_id);
      result.set(p.user_id, {
        userId: p.user_id,
        firstSeenAt: new Date(p.first_seen_at),
        lastSeenAt: new Date(p.last_seen_at),
        events: p.events,
        sessions: s?.sessions ?? 0,
        averageSessionSeconds: s?.average ?? 0,
        eventsByType: types.filter((t) => t.user_id === p.user_id).map((t) => ({ eventType: t.event_type, count: t.events })),
        recent: {
          activeDays: recentDays.find((r) => r.user_id === p.user_id)?.days ?? 0,
          sessions: recent?.sessions ?? 0,
          sessionSeconds: recent?.seconds ?? 0,
        },
      });
    }
    return result;
  }
}
