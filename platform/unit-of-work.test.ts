import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './db/index.js';
import { defineLiveChannel } from './live.js';
import type { MemoryRedisPort } from './redis/index.js';
import { newTestRedis, openTestDatabase, silentLogger } from './testing.js';
import { UnitOfWork } from './unit-of-work.js';

const PRODUCER = 'unit-of-work-test';
const channel = defineLiveChannel<{ n: number }>('test', 'numbers');

let db: Database;
let redis: MemoryRedisPort;
let pokes: number;
let heard: string[];
let work: UnitOfWork;

const outboxRows = async () =>
  (await db.prisma.$queryRawUnsafe<{ type: string }[]>(`SELECT type FROM outbox_events WHERE producer = '${PRODUCER}' ORDER BY seq`)).map((r) => r.type);

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe(`DELETE FROM outbox_events WHERE producer = '${PRODUCER}'`);
  redis = newTestRedis();
  pokes = 0;
  heard = [];
  await redis.subscribe(channel.channel('k'), (message) => void heard.push(message));
  work = new UnitOfWork({ db, redis, producer: PRODUCER, relay: { poke: () => void pokes++ }, logger: silentLogger });
});

const EVENT = { userId: 'u1', level: 2, previousLevel: 1, leveledUpAt: '2026-12-04T00:00:00.000Z' } as const;

describe('UnitOfWork', () => {
  it.each([
    ['a Prisma transaction', (fn: Parameters<UnitOfWork['run']>[0]) => work.run(fn)],
    ['a raw SQL transaction', (fn: Parameters<UnitOfWork['run']>[0]) => work.runSql(fn as never)],
  ])('in %s: events recorded, then after the commit the publishes in order, the other actions, one poke', async (_what, run) => {
    const order: string[] = [];
    const result = await run(async (w) => {
      await w.record('user.leveled_up', EVENT);
      w.publish(channel, 'k', { n: 1 });
      w.afterCommit(() => void order.push(`after commit, heard ${heard.length}`));
      w.publish(channel, 'k', { n: 2 });
      // Nothing left the transaction yet.
      expect(heard).toEqual([]);
      expect(pokes).toBe(0);
      return 'done';
    });
    expect(result).toBe('done');
    expect(heard.map((m) => (JSON.parse(m) as { n: number }).n)).toEqual([1, 2]);
    expect(order).toEqual(['after commit, heard 1']);
    expect(pokes).toBe(1);
    expect(await outboxRows()).toEqual(['user.leveled_up']);
  });

  it('publishes nothing, records nothing and pokes nobody when the transaction rolls back', async () => {
    let ran = false;
    await expect(
      work.run(async (w) => {
        await w.record('user.leveled_up', EVENT);
        w.publish(channel, 'k', { n: 1 });
        w.afterCommit(() => void (ran = true));
        throw new Error('refused after the writes');
      }),
    ).rejects.toThrow('refused after the writes');
    await new Promise((r) => setTimeout(r, 10));
    expect(heard).toEqual([]);
    expect(ran).toBe(false);
    expect(pokes).toBe(0);
    expect(await outboxRows()).toEqual([]);
  });

  it('a failing after-commit action is logged, not thrown: the change is committed and the rest still runs', async () => {
    const result = await work.run(async (w) => {
      w.afterCommit(() => {
        throw new Error('cache down');
      });
      w.publish(channel, 'k', { n: 3 });
      return 42;
    });
    expect(result).toBe(42);
    expect(heard.map((m) => (JSON.parse(m) as { n: number }).n)).toEqual([3]);
    expect(pokes).toBe(0); // no event recorded: nothing for the relay
  });

  it("within a transaction someone else opened, publishes when told it committed, not before", async () => {
    await db.prisma.$transaction(async (tx) => {
      const { work: w, committed } = work.within(tx);
      await w.recordAll('user.leveled_up', [EVENT, { ...EVENT, level: 3, previousLevel: 2 }]);
      w.publish(channel, 'k', { n: 4 });
      expect(heard).toEqual([]);
      // The caller runs committed() after its commit; here, to show the order, after the transaction.
      return committed;
    }).then((committed) => committed());
    expect(heard.map((m) => (JSON.parse(m) as { n: number }).n)).toEqual([4]);
    expect(pokes).toBe(1);
    expect(await outboxRows()).toEqual(['user.leveled_up', 'user.leveled_up']);
  });
});
