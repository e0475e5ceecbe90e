import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
import type { BucketCount, TimeRange } from '../domain/buckets.js';
import type { ValidCustomEvent } from '../domain/custom-events.js';

/** Custom events, their hourly counters and the registry of names (bounded by configuration). */
export class CustomEventsStore {
  constructor(private readonly prisma: PrismaClient) {}

  async isKnownName(name: string, tx: Tx | PrismaClient = this.prisma): Promise<boolean> {
    return (await tx.analyticsCustomEventName.findUnique({ where: { name } })) !== null;
  }

  /**
   * Registers a new name unless `max` names exist; false when full. New names take turns on an
   * advisory lock (locking for a row that does not exist yet), so concurrent new names cannot pass the bound.
   */
  async registerName(name: string, max: number, tx: Tx): Promise<boolean> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('analytics_custom_event_names'))`;
    if (await this.isKnownName(name, tx)) return true;
    if ((await tx.analyticsCustomEventName.count()) >= max) return false;
    await tx.analyticsCustomEventName.create({ data: { name } });
    return true;
  }

  /** Stores the event and adds it to its hour, unless its id is stored: then its first time, and false. */
  async record(event: ValidCustomEvent & { userId: string | null }, at: Date, hour: Date, tx: Tx): Promise<{ inserted: boolean; occurredAt: Date }> {
    const { count } = await tx.analyticsCustomEvent.createMany({
      data: [{ id: event.id, name: event.name, userId: event.userId, properties: event.properties as Prisma.InputJsonObject, occurredAt: at }],
      skipDuplicates: true,
    });
    if (count === 0) {
      const first = await tx.analyticsCustomEvent.findUnique({ where: { id: event.id }, select: { occurredAt: true } });
      return { inserted: false, occurredAt: first?.occurredAt ?? at };
    }
    await tx.analyticsCustomEventHour.upsert({
      where: { name_hour: { name: event.name, hour } },
      create: { name: event.name, hour, events: 1 },
      update: { events: { increment: 1 } },
    });
    return { inserted: true, occurredAt: at };
  }

  /** Non-empty hours of a name in the range. */
  async hours(name: string, range: TimeRange): Promise<BucketCount[]> {
    const rows = await this.prisma.analyticsCustomEventHour.findMany({
      where: { name, hour: { gte: new Date(Math.floor(range.from.getTime() / 3_600_000) * 3_600_000), lt: range.to } },
      orderBy: { hour: 'asc' },
    });
    return rows.map((r) => ({ start: r.hour, count: r.events }));
  }
}
