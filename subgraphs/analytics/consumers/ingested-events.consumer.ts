import type { Logger } from 'pino';
import type { Sql } from '../../../platform/db/index.js';
import { compareStreamIds, isNoGroupError, type RedisPort, type StreamEntry } from '../../../platform/redis/index.js';
import type { BackgroundWorker } from '../../../platform/subgraph/serve.js';
import { SLICE_HORIZON_MS } from '../domain/window.js';
import { ANALYTICS_STREAM, eventOfEntry, PROCESSING_GROUP } from '../store/ingest-log.store.js';
import type { ProcessingStore } from '../store/processing.store.js';
import type { AnalyticsMetrics } from '../services/analytics-metrics.js';
import type { ProcessingService } from '../services/processing.service.js';

export interface IngestedEventsConsumerOptions {
  redis: RedisPort;
  sql: Sql;
  processing: ProcessingService;
  store: ProcessingStore;
  metrics: AnalyticsMetrics;
  logger: Logger;
  /** This replica's name in the group (unique per replica). */
  consumer: string;
  batchSize?: number;
  blockMs?: number;
  /** Entries pending this long (their processor died) are claimed by another (XAUTOCLAIM). */
  claimIdleMs?: number;
}

/** The ms of the XADD that made a stream id (`<ms>-<seq>`). */
const appendedAt = (id: string) => Number(id.split('-')[0]);

/**
 * One processor of the analytics log, a member of the `analytics-processing` consumer group:
 * replicas share the entries, and entries a crashed processor left pending are claimed by another
 * after `claimIdleMs`. A batch is acknowledged only after its transaction committed; a failed
 * batch stays pending and is claimed again (processing is idempotent by event id).
 */
export class IngestedEventsConsumer implements BackgroundWorker {
  private loop?: Promise<void>;
  private stopped = false;
  private lastClaim = 0;
  private lastPrune = 0;

  constructor(private readonly options: IngestedEventsConsumerOptions) {}

  async start() {
    await this.options.redis.xgroupCreate(ANALYTICS_STREAM, PROCESSING_GROUP);
    this.stopped = false;
    this.loop = this.run();
  }

  async stop() {
    this.stopped = true;
    await this.loop;
  }

  /** Reads, processes and acknowledges one batch; false when there was nothing to read. */
  async once(): Promise<boolean> {
    const { redis, logger, metrics } = this.options;
    const entries = await this.next();
    if (entries.length === 0) {
      metrics.setLag(0);
      return false;
    }
    const events = entries.map(eventOfEntry);
    const bad = entries.filter((_, i) => events[i] === null).map((e) => e.id);
    if (bad.length) logger.error({ entries: bad }, 'analytics log entries that are not events; acknowledged without effect');
    await this.options.processing.process(events.filter((e) => e !== null));
    await redis.xack(ANALYTICS_STREAM, PROCESSING_GROUP, entries.map((e) => e.id));
    const newest = entries.reduce((a, b) => (compareStreamIds(a.id, b.id) >= 0 ? a : b));
    metrics.setLag((Date.now() - appendedAt(newest.id)) / 1000);
    await this.pruneNowAndThen();
    return true;
  }

  private async run() {
    const { logger } = this.options;
    while (!this.stopped) {
      try {
        await this.once();
      } catch (error) {
        if (this.stopped) return;
        if (isNoGroupError(error)) {
          // Redis lost the log (restarted empty): start a new one; what it held was lost with it.
          logger.warn({ err: error }, 'analytics log group missing; creating it again');
          await this.options.redis.xgroupCreate(ANALYTICS_STREAM, PROCESSING_GROUP).catch(() => undefined);
          continue;
        }
        logger.error({ err: error }, 'analytics processing failed; the batch stays pending and is retried');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async next(): Promise<StreamEntry[]> {
    const { redis, consumer } = this.options;
    const batch = this.options.batchSize ?? 500;
    const claimIdleMs = this.options.claimIdleMs ?? 30_000;
    if (Date.now() - this.lastClaim > Math.min(claimIdleMs, 5_000)) {
      this.lastClaim = Date.now();
      const claimed = await redis.xautoclaim(ANALYTICS_STREAM, PROCESSING_GROUP, consumer, claimIdleMs, batch);
      if (claimed.length) return claimed;
    }
    // A short block: stop() waits for the read in progress (it cannot be interrupted on every port).
    return redis.xreadgroup(ANALYTICS_STREAM, PROCESSING_GROUP, consumer, batch, this.options.blockMs ?? 250);
  }

  /** Once a minute: window slices past the horizon are never read again. */
  private async pruneNowAndThen() {
    if (Date.now() - this.lastPrune < 60_000) return;
    this.lastPrune = Date.now();
    await this.options.store.pruneSlices(this.options.sql, new Date(Date.now() - 4 * SLICE_HORIZON_MS));
  }
}
