import DataLoader from 'dataloader';
import type { BucketCount, MetricInterval, TimeRange } from '../domain/buckets.js';
import type { AnalyticsEventsStore } from './analytics-events.store.js';
import type { DashboardStore, PlayerRow } from './dashboard.store.js';

/** One metric's counts: an event name over a (validated) range, in buckets of one size. */
export interface BucketCountsKey {
  name: string;
  range: TimeRange;
  interval: MetricInterval;
}

export interface AnalyticsLoaders {
  /** Non-empty buckets of each metric: metrics over the same range and interval share one query. */
  bucketCounts: DataLoader<BucketCountsKey, BucketCount[], string>;
  /** Players' analytics by (lower-case) id: every `playerMetrics` of a request in one read per table. */
  players: DataLoader<string, PlayerRow | null>;
}

const windowOf = ({ range, interval }: BucketCountsKey) => `${interval}|${range.from.toISOString()}|${range.to.toISOString()}`;
const keyOf = (key: BucketCountsKey) => `${windowOf(key)}|${key.name}`;

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: AnalyticsEventsStore, dashboard: DashboardStore, today: () => number): AnalyticsLoaders {
  return {
    players: new DataLoader(async (ids) => {
      const rows = await dashboard.players(ids, today());
      return ids.map((id) => rows.get(id) ?? null);
    }),
    // A dashboard asks for several events over one window (aliases of `eventMetric`): one query per window.
    bucketCounts: new DataLoader(
      async (keys) => {
        const windows = new Map<string, BucketCountsKey[]>();
        for (const key of keys) windows.set(windowOf(key), [...(windows.get(windowOf(key)) ?? []), key]);
        const counts = new Map<string, BucketCount[]>();
        for (const group of windows.values()) {
          const { range, interval } = group[0]!;
          const byName = await store.countByBucket([...new Set(group.map((k) => k.name))], range, interval);
          for (const key of group) counts.set(keyOf(key), byName.get(key.name) ?? []);
        }
        return keys.map((key) => counts.get(keyOf(key))!);
      },
      { cacheKeyFn: keyOf },
    ),
  };
}
