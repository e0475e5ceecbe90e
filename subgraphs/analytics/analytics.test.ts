import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { OutboxRelay, recordEvent } from '../../platform/events/outbox.js';
import type { MemoryRedisPort } from '../../platform/redis/index.js';
import { newTestRedis, openTestDatabase, recordingPrisma, silentLogger, startWorkers, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { analyticsSubgraph } from './subgraph.js';

const ADMIN: Viewer = { userId: randomUUID(), role: 'ADMIN' };
const HOUR = 3_600_000;

let db: Database;
let redis: MemoryRedisPort;
let relay: OutboxRelay;
// Our own producer name, so no other test's relay (or a running platform's) publishes our rows elsewhere.
const PRODUCER = `users-test-${randomUUID()}`;
let stopWorkers: (() => Promise<void>) | undefined;
let client: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  redis = newTestRedis();
  const built = analyticsSubgraph.create({ db, redis, config: { ANALYTICS_CONSUMER_NAME: 'analytics-test' } });
  client = subgraphClient(built);
  await client.server.start();
  // The kit's workers: analytics' outbox relay, then its consumer of the bus.
  stopWorkers = await startWorkers(built.workers);
  // The users service's relay, on the same bus: events reach analytics the way they do in production.
  relay = new OutboxRelay({ prisma: db.prisma, redis, producer: PRODUCER, logger: silentLogger });
}, 60_000); // opening and migrating a fresh PGlite can take longer than the default 10 s on a busy machine
afterAll(async () => {
  await stopWorkers?.();
  await client?.server.stop();
  await db?.close();
});

// The database may be shared with other tests: each test counts in an hour of its own, far in the past.
const privateHour = () => new Date(Date.UTC(1990, 0, 1) + randomInt(0, 20 * 365 * 24) * HOUR);
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** A player registers on the users service and its outbox relay publishes the event. */
async function playerRegistered(registeredAt: Date): Promise<string> {
  const eventId = await db.prisma.$transaction((tx) =>
    recordEvent(tx, PRODUCER, 'user.registered', { userId: randomUUID(), username: `p_${randomUUID().slice(0, 8)}`, registeredAt: registeredAt.toISOString() }),
  );
  await relay.drain();
  return eventId;
}

const EVENT_METRIC = `query($name: String!, $from: DateTime!, $to: DateTime!, $interval: MetricInterval) {
  eventMetric(name: $name, from: $from, to: $to, interval: $interval) { name total buckets { start count } }
}`;

interface Metric {
  name: string;
  total: number;
  buckets: { start: string; count: number }[];
}

async function eventMetric(viewer: Viewer, vars: { name?: string; from: Date | string; to: Date | string; interval?: 'HOUR' | 'DAY' }) {
  const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);
  return client.execute<{ eventMetric: Metric }>(viewer, EVENT_METRIC, {
    name: vars.name ?? 'player.registered',
    from: iso(vars.from),
    to: iso(vars.to),
    interval: vars.interval,
  });
}

const counts = async (vars: Parameters<typeof eventMetric>[1]) => {
  const result = await eventMetric(ADMIN, vars);
  expect(result.errors).toBeUndefined();
  return result.data!.eventMetric.buckets.map((b) => [b.start, b.count]);
};

describe('analytics subgraph: player registrations from the bus', () => {
  it('counts a registration in its hour and its day', async () => {
    const hour = privateHour();
    await playerRegistered(plus(hour, 25 * 60_000));

    await expect
      .poll(() => counts({ from: plus(hour, -HOUR), to: plus(hour, 2 * HOUR), interval: 'HOUR' }), { timeout: 10_000 })
      .toEqual([
        [plus(hour, -HOUR).toISOString(), 0],
        [hour.toISOString(), 1],
        [plus(hour, HOUR).toISOString(), 0],
      ]);
    const day = new Date(Math.floor(hour.getTime() / (24 * HOUR)) * 24 * HOUR);
    // Mid-hour bounds: the range is exact, the buckets still align to UTC hours and days.
    const whole = await eventMetric(ADMIN, { from: plus(hour, 20 * 60_000), to: plus(hour, 30 * 60_000) });
    expect(whole.data!.eventMetric).toEqual({ name: 'player.registered', total: 1, buckets: [{ start: day.toISOString(), count: 1 }] });
    const justBefore = await eventMetric(ADMIN, { from: hour, to: plus(hour, 25 * 60_000), interval: 'HOUR' });
    expect(justBefore.data!.eventMetric.total).toBe(0);
  });

  it('counts an event the relay delivered twice once', async () => {
    const hour = privateHour();
    const eventId = await playerRegistered(hour);
    // The relay crashed after publishing but before stamping the row: it publishes the event again.
    await db.prisma.$executeRaw`UPDATE outbox_events SET published_at = NULL WHERE id = ${eventId}::uuid`;
    await relay.drain();
    // The consumer handles the stream in order: once this later event is counted, both copies were handled.
    await playerRegistered(plus(hour, HOUR));

    await expect.poll(async () => (await counts({ from: hour, to: plus(hour, 2 * HOUR), interval: 'HOUR' }))[1]?.[1], { timeout: 10_000 }).toBe(1);
    expect(await counts({ from: hour, to: plus(hour, 2 * HOUR), interval: 'HOUR' })).toEqual([
      [hour.toISOString(), 1],
      [plus(hour, HOUR).toISOString(), 1],
    ]);
  });

  it('answers zeros for an event nobody sent', async () => {
    const hour = privateHour();
    const result = await eventMetric(ADMIN, { name: `never.${randomUUID()}`, from: hour, to: plus(hour, 3 * 24 * HOUR), interval: 'DAY' });
    expect(result.data!.eventMetric.total).toBe(0);
    expect(result.data!.eventMetric.buckets.map((b) => b.count)).toEqual(hour.getUTCHours() === 0 ? [0, 0, 0] : [0, 0, 0, 0]);
  });
});

describe('analytics subgraph: who may read metrics', () => {
  const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' }; // a Sunday

  it('refuses anonymous viewers with UNAUTHENTICATED', async () => {
    const result = await eventMetric(ANONYMOUS, range);
    expect(result.data).toEqual({ eventMetric: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(['PLAYER', 'MODERATOR', 'ORGANIZER'] as const)('refuses a %s with FORBIDDEN', async (role) => {
    const result = await eventMetric({ userId: randomUUID(), role }, range);
    expect(result.data).toEqual({ eventMetric: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an ADMIN', async () => {
    const result = await eventMetric(ADMIN, range);
    expect(result.errors).toBeUndefined();
    expect(result.data!.eventMetric.buckets).toHaveLength(1);
  });
});

describe('analytics subgraph: a dashboard of metrics', () => {
  it('reads several metrics over one window in one query', async () => {
    const operations: string[] = [];
    const counting = subgraphClient(analyticsSubgraph.create({ db: { ...db, prisma: recordingPrisma(db.prisma, operations) }, redis: newTestRedis() }));
    await counting.server.start();
    try {
      const hour = privateHour();
      await playerRegistered(plus(hour, 10 * 60_000));
      const window = { from: hour.toISOString(), to: plus(hour, 2 * HOUR).toISOString() };
      await expect.poll(async () => (await counts({ ...window, interval: 'HOUR' }))[0]?.[1], { timeout: 10_000 }).toBe(1);

      operations.length = 0;
      const result = await counting.execute<Record<string, Metric>>(
        ADMIN,
        `query($from: DateTime!, $to: DateTime!, $later: DateTime!) {
          registrations: eventMetric(name: "player.registered", from: $from, to: $to, interval: HOUR) { name total buckets { count } }
          nothing: eventMetric(name: "never.sent", from: $from, to: $to, interval: HOUR) { name total buckets { count } }
          again: eventMetric(name: "player.registered", from: $from, to: $to, interval: HOUR) { total }
          longer: eventMetric(name: "player.registered", from: $from, to: $later, interval: HOUR) { total }
        }`,
        { ...window, later: plus(hour, 3 * HOUR).toISOString() },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        registrations: { name: 'player.registered', total: 1, buckets: [{ count: 1 }, { count: 0 }] },
        nothing: { name: 'never.sent', total: 0, buckets: [{ count: 0 }, { count: 0 }] },
        again: { total: 1 },
        longer: { total: 1 },
      });
      // The admin's role once (not demoted since their token), one query for the two-hour window (both names), one for the three-hour window.
      expect(operations).toEqual(['AnalyticsViewerRole.findUnique', '$raw.$queryRaw', '$raw.$queryRaw']);
    } finally {
      await counting.server.stop();
    }
  });
});

describe('analytics subgraph: ranges', () => {
  it.each([
    ['an empty range', { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['a reversed range', { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }],
    ['more than 31 days of hours', { from: '2026-03-01T00:00:00Z', to: '2026-04-02T00:00:00Z', interval: 'HOUR' as const }],
    ['more than 366 days', { from: '2026-01-01T00:00:00Z', to: '2027-01-03T00:00:00Z', interval: 'DAY' as const }],
  ])('refuses %s with BAD_USER_INPUT naming `to`', async (_name, vars) => {
    const result = await eventMetric(ADMIN, vars);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it.each(['yesterday', '2026-03-01', '2026-03-01T10:00:00', '2026-02-30T00:00:00Z'])('refuses the timestamp %j with BAD_USER_INPUT', async (from) => {
    const result = await eventMetric(ADMIN, { from, to: '2026-03-02T00:00:00Z' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
