import { requireScope, type Viewer } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../../../platform/errors.js';
import type { RateLimit } from '../../../platform/rate-limit.js';
import { bucketStarts, fillBuckets, truncate, validateRange } from '../domain/buckets.js';
import { assertCustomEventName, validateCustomEvent, type CustomEventInput, type LabelAllowList } from '../domain/custom-events.js';
import type { CustomEventsStore } from '../store/custom-events.store.js';
import type { Admins } from './admins.js';
import type { AnalyticsMetrics } from './analytics-metrics.js';
import type { EventMetric } from './metrics.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TrackCustomEventResult {
  name: string;
  duplicate: boolean;
  countedAt: Date;
  labels: Record<string, string>;
}

/** trackCustomEvent and customEventCounts. */
export class CustomEventsService {
  /** Names this replica saw registered: their events skip the registry's lock. */
  private readonly known = new Set<string>();

  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      store: CustomEventsStore;
      metrics: AnalyticsMetrics;
      labels: LabelAllowList;
      maxNames: number;
      /** The same budgets as trackEvents (one point per custom event). */
      limits: { players: Pick<RateLimit, 'consume'>; services: Pick<RateLimit, 'consume'> };
      admins: Admins;
      now?: () => number;
    },
  ) {}

  async track(viewer: Viewer, input: CustomEventInput & { userId?: string | null }): Promise<TrackCustomEventResult> {
    const { caller, userId, limitKey, limit } = this.callerOf(viewer, input.userId);
    const event = validateCustomEvent(input, caller, this.deps.labels);
    await limit.consume(limitKey, 1);
    const { store, prisma } = this.deps;
    const now = new Date(this.deps.now?.() ?? Date.now());
    // Names are a shared, bounded budget: players may only use names a game server or an admin introduced.
    const mayIntroduce = viewer.kind === 'service' || (await this.deps.admins.is(viewer));
    const outcome = await prisma.$transaction(async (tx) => {
      if (!this.known.has(event.name) && !(await store.isKnownName(event.name, tx))) {
        if (!mayIntroduce) {
          throw new BadUserInputError(
            `${event.name} is not a custom event name yet: a game server (REPORT_GAME_EVENTS) or an ADMIN introduces a name by reporting it first.`,
            'name',
          );
        }
        if (!(await store.registerName(event.name, this.deps.maxNames, tx))) {
          throw new BadUserInputError(
            `There are already ${this.deps.maxNames} custom event names; ${event.name} is not one of them. Reuse a name, or ask the operator to raise ANALYTICS_CUSTOM_EVENT_NAMES_MAX.`,
            'name',
            { maxNames: this.deps.maxNames },
          );
        }
      }
      return store.record({ ...event, userId }, now, truncate(now, 'HOUR'), tx);
    });
    this.known.add(event.name);
    if (outcome.inserted) this.deps.metrics.countCustom(event.name, event.labels);
    return { name: event.name, duplicate: !outcome.inserted, countedAt: outcome.occurredAt, labels: event.labels };
  }

  async counts(viewer: Viewer, query: { name: string; from: Date; to: Date }): Promise<EventMetric> {
    await this.deps.admins.require(viewer, 'read custom event counts');
    const name = assertCustomEventName(query.name);
    const range = validateRange({ from: query.from, to: query.to }, 'HOUR');
    const buckets = fillBuckets(bucketStarts(range, 'HOUR'), await this.deps.store.hours(name, range));
    return { name, total: buckets.reduce((sum, b) => sum + b.count, 0), buckets };
  }

  /** A player for themselves, or a game server (REPORT_GAME_EVENTS) for anyone or nobody. */
  private callerOf(viewer: Viewer, userId: string | null | undefined) {
    if (userId != null && !UUID.test(userId)) throw new BadUserInputError('userId must be a player id.', 'userId');
    if (viewer.kind === 'service') {
      requireScope(viewer, 'REPORT_GAME_EVENTS');
      const key = `service:${viewer.serviceId}`;
      return { caller: key, userId: userId?.toLowerCase() ?? null, limitKey: key, limit: this.deps.limits.services };
    }
    if (!viewer.userId) throw new UnauthenticatedError('Sign in to report events.');
    const own = viewer.userId.toLowerCase();
    if (userId && userId.toLowerCase() !== own) throw new ForbiddenError('A player reports only their own events.');
    return { caller: own, userId: own, limitKey: `player:${viewer.userId}`, limit: this.deps.limits.players };
  }
}
