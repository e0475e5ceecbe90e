import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { forgetStaleReplicas, trafficBucketOf, writeTraffic, type TrafficCounts } from '../platform/gateway-traffic.js';
import type { RedisPort } from '../platform/redis/index.js';

/** The gateway's own counters the feed reads (platform/metrics.ts, subscriptions/metrics.ts). */
const OPERATIONS = 'graphql_operations_total';
const WS_MESSAGES = 'gateway_subscription_deliveries_total';

/**
 * Feeds the analytics dashboard's API requests per minute and WebSocket messages per second: every
 * `intervalMs` it reads the gateway's Prometheus counters (nothing added to the request path), and
 * writes what they grew by into this replica's current 10-second bucket in Redis
 * (platform/gateway-traffic.ts), where analytics sums every replica. Two Redis writes per interval.
 * Counts that grew between two reads land in the bucket of the second read (at most `intervalMs` late).
 */
export class TrafficFeed {
  private readonly replica = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer?: NodeJS.Timeout;
  private last?: TrafficCounts;
  private bucket = { start: 0, operations: 0, wsMessages: 0 };
  private running?: Promise<void>;

  constructor(private readonly options: { redis: RedisPort; metrics: Registry; logger: Logger; intervalMs?: number; now?: () => number }) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.options.intervalMs ?? 2_000);
    this.timer.unref();
    void this.flush();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.flush();
  }

  /** Reads the counters and writes this bucket's counts so far. */
  flush(): Promise<void> {
    this.running = (this.running ?? Promise.resolve()).then(() =>
      this.write().catch((error: unknown) => this.options.logger.warn({ err: error }, 'gateway traffic feed: write failed; retried next interval')),
    );
    return this.running;
  }

  private async write() {
    const now = this.options.now?.() ?? Date.now();
    const totals = { operations: await this.total(OPERATIONS), wsMessages: await this.total(WS_MESSAGES) };
    // The first read only sets the baseline: what was counted before the feed started is not traffic of this bucket.
    const last = this.last ?? totals;
    this.last = totals;
    const start = trafficBucketOf(now);
    if (start !== this.bucket.start) this.bucket = { start, operations: 0, wsMessages: 0 };
    this.bucket.operations += Math.max(0, totals.operations - last.operations);
    this.bucket.wsMessages += Math.max(0, totals.wsMessages - last.wsMessages);
    await writeTraffic(this.options.redis, this.replica, start, this.bucket, now);
    if (start % 600_000 === 0) await forgetStaleReplicas(this.options.redis, now);
  }

  private async total(name: string): Promise<number> {
    const metric = this.options.metrics.getSingleMetric(name);
    if (!metric) return 0;
    const { values } = await metric.get();
    return values.reduce((sum, v) => sum + v.value, 0);
  }
}
