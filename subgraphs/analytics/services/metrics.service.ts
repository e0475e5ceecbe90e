import type { Viewer } from '../../../platform/auth.js';
import { bucketStarts, fillBuckets, validateRange, type BucketCount, type MetricInterval } from '../domain/buckets.js';
import type { AnalyticsLoaders } from '../store/loaders.js';
import type { Admins } from './admins.js';

export interface EventMetric {
  name: string;
  total: number;
  buckets: BucketCount[];
}

export class MetricsService {
  constructor(private readonly deps: { admins: Admins }) {}

  /**
   * How often `name` happened in [from, to), per UTC hour or day, empty buckets included. For
   * the studio's operators: ADMIN only.
   */
  async eventMetric(viewer: Viewer, query: { name: string; from: Date; to: Date; interval: MetricInterval }, loaders: AnalyticsLoaders): Promise<EventMetric> {
    await this.deps.admins.require(viewer, 'read metrics');
    const range = validateRange({ from: query.from, to: query.to }, query.interval);
    const counts = await loaders.bucketCounts.load({ name: query.name, range, interval: query.interval });
    const buckets = fillBuckets(bucketStarts(range, query.interval), counts);
    return { name: query.name, total: buckets.reduce((sum, b) => sum + b.count, 0), buckets };
  }
}
