import { requireUser, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError, ForbiddenError } from '../../../platform/errors.js';
import { engagementScore } from '../domain/engagement.js';
import { daysOf, growthRate, MAX_ACTIVITY_DAYS, MAX_COHORT_DAYS, measurableDays, rate, RETENTION_DAYS } from '../domain/retention.js';
import { utcDay, windowAt, windowSeconds } from '../domain/window.js';
import type { DailyFigures, DashboardStore, EventTypeCount } from '../store/dashboard.store.js';
import type { AnalyticsLoaders } from '../store/loaders.js';
import type { Admins } from './admins.js';

/**
 * The dashboard as resolvers see it: the live figures read, the daily ones (growth, engagement,
 * retention) read only when a field selects them.
 */
export interface RealtimeMetricsModel {
  computedAt: Date;
  windowStart: Date;
  windowEnd: Date;
  activePlayers: number;
  concurrentSessions: number;
  eventsPerSecond: number;
  eventsByType: EventTypeCount[];
  achievementUnlocksPerHour: number;
  apiRequestsPerMinute: number;
  webSocketMessagesPerSecond: number;
  growth(): Promise<RealtimeMetrics['growth']>;
  engagementScore(): Promise<number | null>;
  retention(): Promise<RealtimeMetrics['retention']>;
}

export interface RealtimeMetrics {
  computedAt: Date;
  windowStart: Date;
  windowEnd: Date;
  activePlayers: number;
  concurrentSessions: number;
  eventsPerSecond: number;
  eventsByType: EventTypeCount[];
  achievementUnlocksPerHour: number;
  growth: { newPlayers: number; previousNewPlayers: number; rate: number | null };
  engagementScore: number | null;
  retention: { day1: number | null; day7: number | null; day30: number | null };
}

/** How long the daily figures (growth, engagement, retention: they move by the day) are reused. */
const DAILY_CACHE_MS = 60_000;

/** The dashboard's reads, for the studio's operators (ADMIN), and a player's own metrics. */
export class DashboardService {
  private daily?: { today: number; at: number; figures: Promise<DailyFigures> };

  constructor(
    private readonly deps: {
      store: DashboardStore;
      /** Admins by token and not demoted since (services/admins.ts). */
      admins: Admins;
      /** The gateway replicas' traffic of the last full minute (store/gateway-traffic.store.ts). */
      traffic?: { lastMinute(now: number): Promise<{ operations: number; wsMessages: number }> };
      now?: () => number;
      dailyCacheMs?: number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** The figures now, for an admin; `recheckRole` reads their role afresh (`realtimeMetricsUpdated` does before every update). */
  async realtimeMetrics(viewer: Viewer, recheckRole = false): Promise<RealtimeMetricsModel> {
    await this.deps.admins.require(viewer, 'read the dashboard', recheckRole);
    return this.compute();
  }

  /** The figures now; the live part is read fresh, the daily part (when selected) at most DAILY_CACHE_MS old. */
  async compute(): Promise<RealtimeMetricsModel> {
    const now = this.now();
    const window = windowAt(now);
    const [live, traffic] = await Promise.all([
      this.deps.store.live(window, now),
      this.deps.traffic?.lastMinute(now) ?? Promise.resolve({ operations: 0, wsMessages: 0 }),
    ]);
    const events = live.windowEvents.reduce((sum, e) => sum + e.count, 0);
    const daily = () => this.dailyFigures(now);
    const retention = (figures: DailyFigures, n: number) => {
      const r = figures.retention.find((x) => x.day === n)!;
      return rate(r.retained, r.players);
    };
    return {
      computedAt: new Date(now),
      windowStart: new Date(window.start),
      windowEnd: new Date(window.end),
      activePlayers: live.activePlayers,
      concurrentSessions: live.concurrentSessions,
      eventsPerSecond: events / windowSeconds(now),
      eventsByType: live.windowEvents,
      achievementUnlocksPerHour: live.unlocksLastHour,
      apiRequestsPerMinute: traffic.operations,
      webSocketMessagesPerSecond: traffic.wsMessages / 60,
      growth: async () => {
        const d = await daily();
        return { newPlayers: d.newPlayers, previousNewPlayers: d.previousNewPlayers, rate: growthRate(d.newPlayers, d.previousNewPlayers) };
      },
      engagementScore: async () => (await daily()).engagement,
      retention: async () => {
        const d = await daily();
        return { day1: retention(d, 1), day7: retention(d, 7), day30: retention(d, 30) };
      },
    };
  }

  private dailyFigures(now: number): Promise<DailyFigures> {
    const today = utcDay(now);
    const cached = this.daily;
    if (cached && cached.today === today && now - cached.at < (this.deps.dailyCacheMs ?? DAILY_CACHE_MS)) return cached.figures;
    const figures = this.deps.store.daily(today, RETENTION_DAYS);
    this.daily = { today, at: now, figures };
    figures.catch(() => {
      if (this.daily?.figures === figures) this.daily = undefined;
    });
    return figures;
  }

  async retentionCohorts(viewer: Viewer, range: { from: Date; to: Date }) {
    await this.deps.admins.require(viewer, 'read retention');
    const days = daysOf(range.from, range.to, MAX_COHORT_DAYS);
    const today = utcDay(this.now());
    const cohorts = await this.deps.store.cohorts(days);
    return cohorts.map((c) => ({
      day: c.day,
      players: c.players,
      retained: measurableDays(c.day.getTime(), today).map((n) => {
        const players = n === 1 ? c.d1 : n === 7 ? c.d7 : c.d30;
        return { day: n, players, rate: rate(players, c.players) ?? 0 };
      }),
    }));
  }

  async dailyActivity(viewer: Viewer, range: { from: Date; to: Date }) {
    await this.deps.admins.require(viewer, 'read daily activity');
    return this.deps.store.activity(daysOf(range.from, range.to, MAX_ACTIVITY_DAYS));
  }

  /** A player's metrics, for themselves or an ADMIN; null when analytics never saw them. */
  async playerMetrics(viewer: Viewer, userId: string, loaders: AnalyticsLoaders) {
    const viewerId = requireUser(viewer);
    // The id's shape first: a malformed id is BAD_USER_INPUT for everyone, as the SDL says.
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) throw new BadUserInputError('userId must be a player id.', 'userId');
    if (viewerId.toLowerCase() !== userId.toLowerCase() && !(await this.deps.admins.is(viewer))) {
      throw new ForbiddenError('Only the player themselves or an ADMIN can read their analytics.');
    }
    const row = await loaders.players.load(userId.toLowerCase());
    if (!row) return null;
    const { recent, ...rest } = row;
    return { ...rest, engagementScore: engagementScore(recent) };
  }
}
