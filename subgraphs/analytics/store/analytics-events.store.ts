import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
import type { BucketCount, MetricInterval, TimeRange } from '../domain/buckets.js';

/** One thing that happened, as analytics keeps it. */
export interface NewAnalyticsEvent {
  /** The producer's event id, so the same event is never stored twice. */
  id: string;
  name: string;
  userId: string | null;
  occurredAt: Date;
  properties?: Record<string, unknown>;
}

const TRUNC_UNIT: Record<MetricInterval, string> = { HOUR: 'hour', DAY: 'day' };

export class AnalyticsEventsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Stores the event in the caller's transaction; an id already stored is a no-op. */
  async record(tx: Tx, event: NewAnalyticsEvent): Promise<void> {
    await tx.analyticsEvent.createMany({
      data: [{ ...event, properties: (event.properties ?? {}) as Prisma.InputJsonObject }],
      skipDuplicates: true,
    });
  }

  /**
   * Non-empty buckets only, per name, for any number of names in one query; the
   * (name, occurred_at) index serves each name's range scan. Names with no events are absent.
   */
  async countByBucket(names: readonly string[], range: TimeRange, interval: MetricInterval): Promise<Map<string, BucketCount[]>> {
    // date_trunc on a timestamptz follows the session time zone: truncate the UTC wall time and
    // read it back as UTC, so buckets are UTC whatever the server is set to.
    const rows = await this.prisma.$queryRaw<(BucketCount & { name: string })[]>`
      SELECT name,
             date_trunc(${TRUNC_UNIT[interval]}::text, occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS start,
             count(*)::int AS count
      FROM analytics_events
      WHERE name = ANY(${[...names]}::text[]) AND occurred_at >= ${range.from} AND occurred_at < ${range.to}
      GROUP BY 1, 2
      ORDER BY 1, 2`;
    const byName = new Map<string, BucketCount[]>();
    for (const { name, start, count } of rows) byName.set(name, [...(byName.get(name) ?? []), { start, count }]);
    return byName;
  }
}
