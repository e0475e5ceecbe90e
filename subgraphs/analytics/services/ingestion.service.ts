import type { Logger } from 'pino';
import { requireScope } from '../../../platform/auth.js';
import type { Viewer } from '../../../platform/auth.js';
import { BadUserInputError, UnauthenticatedError } from '../../../platform/errors.js';
import type { RateLimit } from '../../../platform/rate-limit.js';
import { validateTrackedEvent, type Rejection, type Reporter, type TrackedEventInput, type ValidEvent } from '../domain/tracked-events.js';
import type { IngestLogStore } from '../store/ingest-log.store.js';
import type { AnalyticsMetrics } from './analytics-metrics.js';

export const MAX_BATCH = 500;

export interface RejectedEvent extends Rejection {
  index: number;
  eventId: string | null;
}

export interface TrackEventsResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

export interface IngestionOptions {
  log: IngestLogStore;
  metrics: AnalyticsMetrics;
  logger: Logger;
  /** Events per player, and per game-server key. */
  limits: { players: Pick<RateLimit, 'consume'>; services: Pick<RateLimit, 'consume'> };
  /**
   * Answer only once the processors have committed the batch (the embedded default, whose log is
   * in process memory: PostgreSQL is the only durable place there). Bounded by `awaitTimeoutMs`.
   */
  awaitProcessing: boolean;
  awaitTimeoutMs?: number;
  now?: () => number;
}

/** trackEvents and POST /ingest: check each event, append the good ones to the analytics log once. */
export class IngestionService {
  constructor(private readonly options: IngestionOptions) {}

  async track(viewer: Viewer, events: readonly TrackedEventInput[]): Promise<TrackEventsResult> {
    const reporter = reporterOf(viewer);
    if (events.length < 1 || events.length > MAX_BATCH) {
      throw new BadUserInputError(`Send 1–${MAX_BATCH} events per call.`, 'events', { count: events.length, max: MAX_BATCH });
    }
    const limit = reporter.kind === 'player' ? this.options.limits.players : this.options.limits.services;
    await limit.consume(reporter.kind === 'player' ? `player:${reporter.userId}` : `service:${viewer.serviceId}`, events.length);

    const now = this.options.now?.() ?? Date.now();
    const rejected: RejectedEvent[] = [];
    const valid: ValidEvent[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    events.forEach((input, index) => {
      const result = validateTrackedEvent(input, reporter, now);
      if ('rejection' in result) {
        rejected.push({ index, eventId: typeof input.eventId === 'string' ? input.eventId : null, ...result.rejection });
      } else if (seen.has(result.event.id)) {
        duplicates++;
      } else {
        seen.add(result.event.id);
        valid.push(result.event);
      }
    });
    const ids = valid.length ? await this.options.log.append(valid) : [];
    const appended = valid.filter((_, i) => ids[i] !== null);
    duplicates += valid.length - appended.length;

    const { metrics } = this.options;
    metrics.count(appended.map((e) => e.eventType), 'accepted');
    metrics.count(valid.filter((_, i) => ids[i] === null).map((e) => e.eventType), 'duplicate');
    metrics.count(rejected.map((r) => events[r.index]!.eventType ?? 'other'), 'rejected');

    const newest = ids.filter((id): id is string => id !== null).at(-1);
    if (newest && this.options.awaitProcessing) {
      const done = await this.options.log.processedUpTo(newest, this.options.awaitTimeoutMs ?? 10_000);
      if (!done) this.options.logger.warn({ events: appended.length }, 'trackEvents answered before the processors committed its events');
    }
    return { accepted: appended.length, duplicates, rejected };
  }
}

/** A signed-in player, or a game server with REPORT_GAME_EVENTS; anyone else is refused. */
function reporterOf(viewer: Viewer): Reporter {
  if (viewer.kind === 'service') {
    requireScope(viewer, 'REPORT_GAME_EVENTS');
    return { kind: 'service' };
  }
  if (!viewer.userId) throw new UnauthenticatedError('Sign in to report events.');
  return { kind: 'player', userId: viewer.userId };
}
