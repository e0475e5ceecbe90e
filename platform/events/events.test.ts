import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openDatabase, type Database, type Sql } from '../db/index.js';
import { MemoryRedisPort } from '../redis/index.js';
import { EventConsumer, type EventConsumerOptions } from './consumer.js';
import { replayDeadLetter } from './dead-letters.js';
import { OutboxRelay, recordEvent } from './outbox.js';
import { DOMAIN_EVENTS_STREAM } from './types.js';

const logger = pino({ level: 'silent' });
let db: Database;

beforeAll(async () => {
  db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
  await db.prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS test_effects (event_id uuid, username text)');
});
afterAll(async () => {
  await db.prisma.$executeRawUnsafe('DROP TABLE IF EXISTS test_effects');
  await db.close();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe("DELETE FROM outbox_events WHERE producer = 'events-test'");
  await db.prisma.$executeRawUnsafe('DELETE FROM test_effects');
});

const register = (username: string) => ({ userId: '00000000-0000-4000-8000-000000000001', username, registeredAt: '2026-11-28T10:00:00.000Z' });

/** A consumer that writes each user.registered into test_effects; `options` changes its group, batching, wants… */
function consumerOf(redis: MemoryRedisPort, name = 'c1', claimIdleMs = 30_000, options: Partial<EventConsumerOptions> = {}) {
  return new EventConsumer({
    prisma: db.prisma,
    redis,
    group: 'events-test',
    consumer: name,
    logger,
    blockMs: 20,
    claimIdleMs,
    handlers: {
      'user.registered': async (event, tx) => {
        await tx.$executeRaw`INSERT INTO test_effects VALUES (${event.id}::uuid, ${event.payload.username})`;
      },
    },
    ...options,
  });
}

const effects = () => db.prisma.$queryRawUnsafe<{ username: string }[]>('SELECT username FROM test_effects ORDER BY username');

describe('transactional outbox and event consumers', () => {
  it('publishes an event only when its transaction commits', async () => {
    const redis = new MemoryRedisPort();
    await redis.xgroupCreate(DOMAIN_EVENTS_STREAM, 'probe');
    await db.prisma
      .$transaction(async (tx) => {
        await recordEvent(tx, 'events-test', 'user.registered', register('rolled_back'));
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('committed')));

    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    expect(await relay.drain()).toBe(1);
    const entries = await redis.xreadgroup(DOMAIN_EVENTS_STREAM, 'probe', 'p', 10, 0);
    expect(entries.map((e) => (JSON.parse(e.fields.event!) as { payload: { username: string } }).payload.username)).toEqual(['committed']);
    expect(await relay.drain()).toBe(0);
  });

  it('applies a redelivered event once', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('ana')));
    await relay.drain();
    // The relay crashed after XADD but before stamping the row: it publishes the same event again.
    await db.prisma.$executeRawUnsafe("UPDATE outbox_events SET published_at = NULL WHERE producer = 'events-test'");
    expect(await relay.drain()).toBe(1);

    const consumer = consumerOf(redis);
    await consumer.start();
    await expect.poll(() => consumer.pending(), { timeout: 5_000 }).toBe(0);
    await expect.poll(effects, { timeout: 10_000 }).toEqual([{ username: 'ana' }]);
    await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    expect(await effects()).toEqual([{ username: 'ana' }]);
  });

  it("lets another replica take over events a dead consumer left unacknowledged", async () => {
    const redis = new MemoryRedisPort();
    await redis.xgroupCreate(DOMAIN_EVENTS_STREAM, 'events-test');
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('bo')));
    await relay.drain();
    // A replica read the event and died before handling it.
    expect(await redis.xreadgroup(DOMAIN_EVENTS_STREAM, 'events-test', 'dead', 10, 0)).toHaveLength(1);

    const survivor = consumerOf(redis, 'survivor', 50);
    await survivor.start();
    await expect.poll(effects, { timeout: 10_000 }).toEqual([{ username: 'bo' }]);
    await survivor.stop();
    expect(await survivor.pending()).toBe(0);
  });
});

describe("a handler's after-commit work", () => {
  /** A consumer whose handler writes its effect and returns `afterCommit` work built from the event. */
  function consumerWithAfterCommit(redis: MemoryRedisPort, afterCommit: (eventId: string) => () => Promise<void>) {
    return new EventConsumer({
      prisma: db.prisma,
      redis,
      group: 'events-test-after-commit',
      consumer: 'c1',
      logger,
      blockMs: 20,
      handlers: {
        'user.registered': async (event, tx) => {
          await tx.$executeRaw`INSERT INTO test_effects VALUES (${event.id}::uuid, ${event.payload.username})`;
          return afterCommit(event.id);
        },
      },
    });
  }

  it('runs once, after the commit, and not for a redelivered event', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('cy')));
    await relay.drain();
    // Published twice (relay crash between XADD and stamping the row).
    await db.prisma.$executeRawUnsafe("UPDATE outbox_events SET published_at = NULL WHERE producer = 'events-test'");
    await relay.drain();

    // What each run of the callback saw from outside the handler's transaction.
    const seen: { username: string }[][] = [];
    const consumer = consumerWithAfterCommit(redis, () => async () => {
      seen.push(await effects());
    });
    await consumer.start();
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(1);
    await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    // Called once, and the effect was already committed (visible to another connection) when it ran.
    expect(seen).toEqual([[{ username: 'cy' }]]);
  });

  it('logs a failing callback without retrying the event or undoing its effect', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    await db.prisma.$transaction(async (tx) => {
      await recordEvent(tx, 'events-test', 'user.registered', register('di'));
      await recordEvent(tx, 'events-test', 'user.registered', register('ed'));
    });
    await relay.drain();

    let calls = 0;
    const consumer = consumerWithAfterCommit(redis, () => async () => {
      calls += 1;
      throw new Error('live notification failed');
    });
    await consumer.start();
    await expect.poll(effects, { timeout: 5_000 }).toEqual([{ username: 'di' }, { username: 'ed' }]);
    await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    // Each event's callback ran once; the failure neither stopped the next event nor brought the first back.
    expect(calls).toBe(2);
    expect(await effects()).toEqual([{ username: 'di' }, { username: 'ed' }]);
  });
});

describe('a consumer on the SQL port (`transaction`: Database.transaction)', () => {
  /** Handlers handed `Sql`: each writes its effect, and the one for `fails` writes it, then throws. */
  function sqlConsumer(redis: MemoryRedisPort, group: string, fails: string) {
    return new EventConsumer<Sql>({
      prisma: db.prisma,
      transaction: (fn, options) => db.transaction(fn, options),
      redis,
      group,
      consumer: 'c1',
      logger,
      blockMs: 20,
      maxAttempts: 2,
      claimIdleMs: 50,
      handlers: {
        'user.registered': async (event, sql) => {
          await sql.query('INSERT INTO test_effects VALUES ($1::uuid, $2)', [event.id, event.payload.username]);
          if (event.payload.username === fails) throw new Error('this one fails');
        },
      },
    });
  }

  it('applies each event once in its transaction, and a failing one rolls back alone', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    await db.prisma.$transaction(async (tx) => {
      for (const username of ['fa', 'fb', 'fc']) await recordEvent(tx, 'events-test', 'user.registered', register(username));
    });
    await relay.drain();
    // Published twice (relay crash between XADD and stamping the rows): one read holds each event twice.
    await db.prisma.$executeRawUnsafe("UPDATE outbox_events SET published_at = NULL WHERE producer = 'events-test'");
    await relay.drain();

    const group = `events-test-sql-${Date.now()}`;
    const consumer = sqlConsumer(redis, group, 'fb');
    await consumer.start();
    // The read's batch failed on fb and rolled back whole; each event then ran alone: fa and fc
    // applied once, fb's effect rolled back with its failure every time, then it was set aside.
    await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
    await consumer.stop();
    expect(await effects()).toEqual([{ username: 'fa' }, { username: 'fc' }]);
    const dead = await db.prisma.$queryRawUnsafe<{ username: string; failures: number }[]>(
      `SELECT event->'payload'->>'username' AS username, failures FROM dead_letter_events WHERE consumer = $1`,
      group,
    );
    expect(dead).toEqual([{ username: 'fb', failures: 2 }]);
  });
});

describe('poison events', () => {
  it('sets an event aside after maxAttempts failures, goes on with the next ones, and can replay it once fixed', async () => {
    const redis = new MemoryRedisPort();
    const group = `poison-${Date.now()}`;
    let broken = true;
    let attempts = 0;
    const consumer = new EventConsumer({
      prisma: db.prisma,
      redis,
      group,
      consumer: 'c1',
      logger,
      blockMs: 20,
      // Retried as soon as the consumer looks for abandoned entries again.
      claimIdleMs: 1,
      maxAttempts: 3,
      handlers: {
        'user.registered': async (event, tx) => {
          if (event.payload.username === 'poison') {
            attempts++;
            if (broken) throw new Error('cannot handle this one');
          }
          await tx.$executeRaw`INSERT INTO test_effects VALUES (${event.id}::uuid, ${event.payload.username})`;
        },
      },
    });
    const publish = async (username: string) => {
      const id = await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register(username)));
      await new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger }).drain();
      return id;
    };
    const poisonId = await publish('poison');
    await publish('healthy');
    await consumer.start();
    try {
      const until = async (check: () => Promise<boolean>) => {
        const deadline = Date.now() + 15_000;
        while (!(await check())) {
          if (Date.now() > deadline) throw new Error('timed out');
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      await until(async () => (await db.prisma.deadLetterEvent.count({ where: { consumer: group } })) === 1);
      // Once inside the first read's batch (rolled back, so its neighbour went on alone), then three times on its own.
      expect(attempts).toBe(4);
      expect((await effects()).map((e) => e.username)).toEqual(['healthy']);
      expect(await db.prisma.deadLetterEvent.findMany({ where: { consumer: group } })).toMatchObject([
        { eventId: poisonId, type: 'user.registered', failures: 3, error: expect.stringContaining('cannot handle this one') },
      ]);
      await until(async () => (await consumer.pending()) === 0);

      broken = false;
      expect(await replayDeadLetter(db.prisma, redis, group, poisonId)).toBe(true);
      await until(async () => (await effects()).length === 2);
      expect((await effects()).map((e) => e.username)).toEqual(['healthy', 'poison']);
      expect(await db.prisma.deadLetterEvent.count({ where: { consumer: group } })).toBe(0);
      expect(await replayDeadLetter(db.prisma, redis, group, poisonId)).toBe(false);
    } finally {
      await consumer.stop();
    }
  });
});

describe('outbox pruning', () => {
  it('deletes published rows older than the retention, keeps recent and unpublished ones', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    const old = await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('old')));
    const recent = await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('recent')));
    expect(await relay.drain()).toBe(2);
    const pending = await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register('pending')));
    await db.prisma.outboxEvent.update({ where: { id: old }, data: { publishedAt: new Date(Date.now() - 2 * 3_600_000) } });

    expect(await relay.prune(3_600_000)).toBe(1);
    const left = await db.prisma.outboxEvent.findMany({ where: { producer: 'events-test' }, orderBy: { seq: 'asc' } });
    expect(left.map((r) => [r.id, r.publishedAt === null])).toEqual([
      [recent, false],
      [pending, true],
    ]);
  });
});

describe('events a group does not want', () => {
  it('are acknowledged without a transaction, a processed_events row or a handler call; one it cannot judge is applied', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    for (const name of ['keep_1', 'skip_1', 'keep_2']) await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register(name)));
    expect(await relay.drain()).toBe(3);
    const group = `wants-${Date.now()}`;
    const consumer = consumerOf(redis, 'c1', 30_000, {
      group,
      batch: false,
      wants: (event) => {
        const { username } = (event as { payload: { username: string } }).payload;
        // A `wants` that throws (a malformed event) counts as wanting it: the handler decides.
        if (username === 'keep_2') throw new Error('cannot tell');
        return !username.startsWith('skip');
      },
    });
    await consumer.start();
    try {
      await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
      await expect.poll(async () => (await effects()).length, { timeout: 10_000 }).toBe(2);
      expect((await effects()).map((e) => e.username)).toEqual(['keep_1', 'keep_2']);
      const processed = await db.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM processed_events WHERE consumer = $1', group);
      expect(processed[0]!.n).toBe(2);
    } finally {
      await consumer.stop();
    }
  });
});

describe('batched handling', () => {
  it('applies the events of one read in one transaction, each once', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    for (const name of ['a', 'b', 'c', 'd', 'e']) await db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register(name)));
    expect(await relay.drain()).toBe(5);
    const transactions: string[] = [];
    const counted = db.prisma.$extends({
      client: {
        $transaction: (...args: Parameters<typeof db.prisma.$transaction>) => {
          transactions.push('tx');
          return (db.prisma.$transaction as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      },
    }) as unknown as typeof db.prisma;
    const consumer = new EventConsumer({
      prisma: counted,
      redis,
      group: `batch-${Date.now()}`,
      consumer: 'c1',
      logger,
      blockMs: 20,
      handlers: {
        'user.registered': async (event, tx) => {
          await tx.$executeRaw`INSERT INTO test_effects VALUES (${event.id}::uuid, ${event.payload.username})`;
        },
      },
    });
    await consumer.start();
    try {
      await expect.poll(async () => (await effects()).length, { timeout: 10_000 }).toBe(5);
      expect((await effects()).map((e) => e.username)).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(transactions).toEqual(['tx']);
      await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  it('gives a batch handler each run of consecutive events of its type, in stream order, and runs of one after a failure', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger });
    const leveled = (level: number) => ({ userId: '00000000-0000-4000-8000-000000000001', level, previousLevel: level - 1, leveledUpAt: '2026-11-28T10:00:00.000Z' });
    // Stream: a b | L2 L3 | c | L4 — two runs of registrations around a run of level-ups.
    await db.prisma.$transaction(async (tx) => {
      await recordEvent(tx, 'events-test', 'user.registered', register('a'));
      await recordEvent(tx, 'events-test', 'user.registered', register('b'));
      await recordEvent(tx, 'events-test', 'user.leveled_up', leveled(2));
      await recordEvent(tx, 'events-test', 'user.leveled_up', leveled(3));
      await recordEvent(tx, 'events-test', 'user.registered', register('c'));
      await recordEvent(tx, 'events-test', 'user.leveled_up', leveled(4));
    });
    expect(await relay.drain()).toBe(6);
    const runs: string[][] = [];
    let failOnce = true;
    const consumer = new EventConsumer({
      prisma: db.prisma,
      redis,
      group: `runs-${Date.now()}`,
      consumer: 'c1',
      logger,
      blockMs: 20,
      claimIdleMs: 50,
      batchHandlers: {
        'user.registered': async (events, tx) => {
          runs.push(events.map((e) => e.payload.username));
          for (const e of events) await tx.$executeRaw`INSERT INTO test_effects VALUES (${e.id}::uuid, ${e.payload.username})`;
        },
      },
      handlers: {
        'user.leveled_up': async (event, tx) => {
          await tx.$executeRaw`INSERT INTO test_effects VALUES (${event.id}::uuid, ${`L${event.payload.level}`})`;
          if (event.payload.level === 3 && failOnce) {
            failOnce = false;
            throw new Error('injected');
          }
        },
      },
    });
    await consumer.start();
    try {
      await expect.poll(async () => (await effects()).length, { timeout: 10_000 }).toBe(6);
      expect((await effects()).map((e) => e.username)).toEqual(['L2', 'L3', 'L4', 'a', 'b', 'c']);
      // The first attempt (one transaction) gave [a, b] as one run, then L3 failed and rolled it all
      // back before c; after that each event was handled alone, every registration as a run of one.
      expect(runs).toEqual([['a', 'b'], ['a'], ['b'], ['c']]);
      await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
    } finally {
      await consumer.stop();
    }
  });
});

describe('when Redis restarts without its data', () => {
  const record = (username: string) => db.prisma.$transaction((tx) => recordEvent(tx, 'events-test', 'user.registered', register(username)));
  const streamed = async (redis: MemoryRedisPort, group: string) =>
    (await redis.xreadgroup(DOMAIN_EVENTS_STREAM, group, 'probe', 100, 0)).map((e) => (JSON.parse(e.fields.event!) as { payload: { username: string } }).payload.username);

  it('a running consumer creates its group again and carries on; what it had handled has no second effect', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger, watchEveryMs: 0 });
    const consumer = consumerOf(redis);
    await consumer.start();
    try {
      await record('ana');
      await relay.drain();
      await expect.poll(effects, { timeout: 5_000 }).toEqual([{ username: 'ana' }]);

      redis.restartEmpty();
      await record('cy');
      await relay.drain();
      await expect.poll(effects, { timeout: 5_000 }).toEqual([{ username: 'ana' }, { username: 'cy' }]);
      await expect.poll(() => consumer.pending(), { timeout: 5_000 }).toBe(0);
      expect(await effects()).toEqual([{ username: 'ana' }, { username: 'cy' }]);
    } finally {
      await consumer.stop();
    }
  });

  it('publishes again what no group had acknowledged, from the checkpoint the groups reached', async () => {
    const redis = new MemoryRedisPort();
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger, watchEveryMs: 0, republishMarginMs: 0 });
    const consumer = consumerOf(redis);
    await consumer.start();
    await record('a1');
    await relay.drain();
    await expect.poll(effects, { timeout: 5_000 }).toEqual([{ username: 'a1' }]);
    await new Promise((r) => setTimeout(r, 1_100)); // the relay keeps one checkpoint candidate per second
    await record('a2');
    await relay.drain();
    await expect.poll(effects, { timeout: 5_000 }).toEqual([{ username: 'a1' }, { username: 'a2' }]);
    await expect.poll(() => consumer.pending(), { timeout: 5_000 }).toBe(0);
    await relay.watchStream(); // every group acknowledged a2: the checkpoint moves to its publication
    await consumer.stop();
    await record('bo'); // published, never read: the consumer lags
    await relay.drain();

    redis.restartEmpty();
    await redis.xgroupCreate(DOMAIN_EVENTS_STREAM, 'probe');
    expect(await relay.drain()).toBe(2);
    expect(await streamed(redis, 'probe')).toEqual(['a2', 'bo']);
    await consumer.start();
    try {
      await expect.poll(effects, { timeout: 5_000 }).toEqual([{ username: 'a1' }, { username: 'a2' }, { username: 'bo' }]);
    } finally {
      await consumer.stop();
    }
  });

  it('a relay that starts on a stream without its epoch group publishes every retained row again; one that finds it does not', async () => {
    const redis = new MemoryRedisPort();
    await record('old');
    await new OutboxRelay({ prisma: db.prisma, redis, producer: 'events-test', logger }).drain();
    // Redis came back empty while no relay of this producer ran: nothing says what was consumed.
    const fresh = new MemoryRedisPort();
    await fresh.xgroupCreate(DOMAIN_EVENTS_STREAM, 'probe');
    expect(await new OutboxRelay({ prisma: db.prisma, redis: fresh, producer: 'events-test', logger }).drain()).toBe(1);
    expect(await streamed(fresh, 'probe')).toEqual(['old']);
    // A replica (or a restart) on the same stream adopts its epoch: nothing is published twice.
    expect(await new OutboxRelay({ prisma: db.prisma, redis: fresh, producer: 'events-test', logger }).drain()).toBe(0);
  });
});
