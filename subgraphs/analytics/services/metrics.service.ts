import { bucketStarts, fillBuckets, validateRange, type BucketCount, type MetricInterval } from '../domain/buckets.js';
import type { AnalyticsEventsStore } from '../store/analytics-events.store.js';

export interface EventMetric {
  name: string;
  total: number;
  buckets: BucketCount[];
}

export class MetricsService {
  constructor(private readonly store: AnalyticsEventsStore) {}

  /** How often `name` happened in [from, to), per UTC hour or day, empty buckets included. */
  async eventMetric(query: { name: string; from: Date; to: Date; interval: MetricInterval }): Promise<EventMetric> {
    const range = validateRange({ from: query.from, to: query.to }, query.interval);
    const counts = await this.store.countByBucket(query.name, range, query.interval);
    const buckets = fillBuckets(bucketStarts(range, query.interval), counts);
    return { name: query.name, total: buckets.reduce((sum, b) => sum + b.count, 0), buckets };
  }
}
