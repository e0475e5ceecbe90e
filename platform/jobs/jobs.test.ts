import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.js';
import { openTestDatabase, silentLogger } from '../testing.js';
import { backoffDelayMs, enqueueJob, JobRunner, pendingJobs, type JobHandler, type JobRunnerOptions } from './index.js';

let db: Database;
const runners: JobRunner[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
}, 60_000);
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
});
afterAll(async () => {
  await db.prisma.$executeRawUnsafe("DELETE FROM jobs WHERE queue LIKE 'jobs-test.%'");
  await db.close();
});

/** A queue of its own per test, so tests (and a shared PostgreSQL) do not see each other's jobs. */
const newQueue = () => `jobs-test.${randomUUID()}`;

function runner(queue: string, handler: JobHandler, options: Partial<JobRunnerOptions> = {}) {
  const created = new JobRunner({
    prisma: db.prisma,
    queues: { [queue]: handler },
    logger: silentLogger,
    pollIntervalMs: 10,
    backoff: { baseMs: 50, maxMs: 10_000 },
    ...options,
  });
  runners.push(created);
  return created;
}

const enqueue = (queue: string, payload: object, maxAttempts = 3) =>
  db.prisma.$transaction((tx) => enqueueJob(tx, queue, payload, { maxAttempts }));
const job = (id: string) => db.prisma.job.findUniqueOrThrow({ where: { id } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('backoffDelayMs', () => {
  it('doubles from baseMs after each failed attempt, capped at maxMs', () => {
    const options = { baseMs: 1_000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelayMs(n, options))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    expect(backoffDelayMs(1, { baseMs: 50, maxMs: 20 })).toBe(20);
  });
});

describe('durable job queue', () => {
  it('enqueues only when the transaction commits', async () => {
    const queue = newQueue();
    let rolledBackId: string | undefined;
    await expect(
      db.prisma.$transaction(async (tx) => {
        rolledBackId = await enqueueJob(tx, queue, { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(rolledBackId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.prisma.job.findUnique({ where: { id: rolledBackId! } })).toBeNull();
    expect(await pendingJobs(db.prisma, queue)).toBe(0);

    const id = await enqueue(queue, { n: 2 });
    expect(await job(id)).toMatchObject({ queue, payload: { n: 2 }, status: 'PENDING', attempts: 0, maxAttempts: 3, lastError: null });
    expect(await pendingJobs(db.prisma, queue)).toBe(1);
  });

  it('retries a failing handler until it succeeds', async () => {
    const queue = newQueue();
    const calls: { payload: unknown; attempt: number }[] = [];
    const id = await enqueue(queue, { hello: 'world' });
    runner(queue, async (payload, info) => {
      calls.push({ payload, attempt: info.attempt });
      if (calls.length <= 2) throw new Error(`boom ${calls.length}`);
    }).start();

    await expect.poll(async () => (await job(id)).status, { timeout: 5_000 }).toBe('DONE');
    await sleep(100); // nothing runs it again
    expect(calls).toEqual([1, 2, 3].map((attempt) => ({ payload: { hello: 'world' }, attempt })));
    const done = await job(id);
    expect(done).toMatchObject({ attempts: 3, lastError: 'boom 2' });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(await pendingJobs(db.prisma, queue)).toBe(0);
  });

  it('leaves a job FAILED with its last error after maxAttempts', async () => {
    const queue = newQueue();
    let calls = 0;
    const id = await enqueue(queue, {}, 2);
    const worker = runner(queue, async () => {
      calls += 1;
      throw new Error(`receiver down (${calls})`);
    });
    worker.start();

    await expect.poll(async () => (await job(id)).status, { timeout: 5_000 }).toBe('FAILED');
    const failed = await job(id);
    expect(failed).toMatchObject({ attempts: 2, lastError: 'receiver down (2)' });
    expect(failed.finishedAt).toBeInstanceOf(Date);
    await worker.poke();
    await sleep(100);
    expect(calls).toBe(2);
  });

  it('waits longer before each retry', async () => {
    const queue = newQueue();
    const startedAt: number[] = [];
    const id = await enqueue(queue, {}, 3);
    // A 200 ms base, not the other tests' 50: a retry found late by a loaded machine's polls must
    // not make the first wait look longer than the doubled second one.
    runner(
      queue,
      async () => {
        startedAt.push(performance.now());
        throw new Error('nope');
      },
      { backoff: { baseMs: 200, maxMs: 10_000 } },
    ).start();

    await expect.poll(async () => (await job(id)).status, { timeout: 5_000 }).toBe('FAILED');
    expect(startedAt).toHaveLength(3);
    const [first, second] = [startedAt[1]! - startedAt[0]!, startedAt[2]! - startedAt[1]!];
    // Backoff 200 ms then 400 ms (run_at has millisecond precision, hence the small margin).
    expect(first).toBeGreaterThanOrEqual(198);
    expect(second).toBeGreaterThanOrEqual(398);
    expect(second).toBeGreaterThan(first);
  });

  it('never runs a job on two runners at once', async () => {
    const queue = newQueue();
    const ids = await db.prisma.$transaction(async (tx) => {
      const created: string[] = [];
      for (let n = 0; n < 20; n++) created.push(await enqueueJob(tx, queue, { n }));
      return created;
    });
    const inFlight = new Set<string>();
    const runs = new Map<string, string[]>();
    const overlaps: string[] = [];
    const handlerFor = (name: string): JobHandler => async (_payload, info) => {
      if (inFlight.has(info.id)) overlaps.push(info.id);
      inFlight.add(info.id);
      runs.set(info.id, [...(runs.get(info.id) ?? []), name]);
      await sleep(20);
      inFlight.delete(info.id);
    };
    const a = runner(queue, handlerFor('a'), { batchSize: 3 });
    const b = runner(queue, handlerFor('b'), { batchSize: 3 });
    a.start();
    b.start();

    await expect.poll(() => pendingJobs(db.prisma, queue), { timeout: 10_000 }).toBe(0);
    await sleep(100);
    expect(overlaps).toEqual([]);
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    for (const runners of runs.values()) expect(runners).toHaveLength(1);
    const byRunner = [...runs.values()].flat();
    expect(byRunner).toContain('a');
    expect(byRunner).toContain('b');
    const rows = await db.prisma.job.findMany({ where: { queue } });
    expect(rows.every((row) => row.status === 'DONE' && row.attempts === 1)).toBe(true);
  });

  it('retries a job whose lease expired, and only once it has', async () => {
    const queue = newQueue();
    const attempts: number[] = [];
    const id = await enqueue(queue, { crashed: true });
    // A runner claimed it and died: the attempt is counted and the lease runs for another hour.
    await db.prisma.$executeRaw`UPDATE jobs SET attempts = 1, run_at = now() + interval '1 hour' WHERE id = ${id}::uuid`;
    const worker = runner(queue, async (_payload, info) => void attempts.push(info.attempt));
    await worker.poke();
    expect(attempts).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'PENDING', attempts: 1 });

    // The lease ran out.
    await db.prisma.$executeRaw`UPDATE jobs SET run_at = now() - interval '1 second' WHERE id = ${id}::uuid`;
    await worker.poke();
    expect(attempts).toEqual([2]);
    expect(await job(id)).toMatchObject({ status: 'DONE', attempts: 2 });
  });

  it('fails a job whose lease expired during its last attempt instead of running it again', async () => {
    const queue = newQueue();
    let calls = 0;
    const id = await enqueue(queue, {}, 2);
    await db.prisma.$executeRaw`
      UPDATE jobs SET attempts = 2, last_error = 'boom', run_at = now() - interval '1 second' WHERE id = ${id}::uuid`;
    await runner(queue, async () => void (calls += 1)).poke();
    expect(calls).toBe(0);
    const failed = await job(id);
    expect(failed).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(failed.lastError).toMatch(/^boom; lease expired during the last attempt/);
  });

  it('does not run jobs before their runAt, and stop() waits for the running batch', async () => {
    const queue = newQueue();
    const ran: unknown[] = [];
    await db.prisma.$transaction(async (tx) => {
      await enqueueJob(tx, queue, { when: 'later' }, { runAt: new Date(Date.now() + 3_600_000) });
      await enqueueJob(tx, queue, { when: 'now' });
    });
    const worker = runner(queue, async (payload) => {
      await sleep(100);
      ran.push(payload);
    });
    worker.start();
    await expect.poll(() => db.prisma.job.count({ where: { queue, attempts: 1 } }), { timeout: 10_000 }).toBe(1);
    await worker.stop();
    expect(ran).toEqual([{ when: 'now' }]);
    expect(await db.prisma.job.findMany({ where: { queue }, select: { payload: true, status: true }, orderBy: { runAt: 'asc' } })).toEqual([
      { payload: { when: 'now' }, status: 'DONE' },
      { payload: { when: 'later' }, status: 'PENDING' },
    ]);
    expect(await pendingJobs(db.prisma, queue)).toBe(1);
  });

  it("serves several queues in one batch, each job with its own queue's handler, and leaves other queues alone", async () => {
    const [chat, guild, elsewhere] = [newQueue(), newQueue(), newQueue()];
    const ran: string[] = [];
    const ids = [await enqueue(chat, { n: 1 }), await enqueue(guild, { n: 2 }), await enqueue(chat, { n: 3 }), await enqueue(elsewhere, { n: 4 })];
    // One queue's job lost its lease on its last attempt: failed by the same statement that claims the others.
    await db.prisma.$executeRaw`UPDATE jobs SET attempts = 3, run_at = now() - interval '1 second' WHERE id = ${ids[2]}::uuid`;
    const worker = new JobRunner({
      prisma: db.prisma,
      sql: db.sql, // the claim on the database's SQL port (pg on PostgreSQL), as the subgraphs run it
      queues: {
        [chat]: async (payload) => void ran.push(`chat ${(payload as { n: number }).n}`),
        [guild]: async (payload) => void ran.push(`guild ${(payload as { n: number }).n}`),
      },
      logger: silentLogger,
    });
    runners.push(worker);
    await worker.poke();
    expect(ran.sort()).toEqual(['chat 1', 'guild 2']);
    expect((await Promise.all(ids.map(job))).map((j) => j.status)).toEqual(['DONE', 'DONE', 'FAILED', 'PENDING']);
    expect(() => new JobRunner({ prisma: db.prisma, queues: {}, logger: silentLogger })).toThrow(RangeError);
  });
});
