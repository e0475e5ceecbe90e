import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/index.js';
import { JobRunner } from '../../../platform/jobs/index.js';
import { openTestDatabase, silentLogger } from '../../../platform/testing.js';
import { enqueuePush, PUSH_QUEUE, pushHandler, type PushMessage } from './push.service.js';

const SECRET = 'push-test-secret';
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
}, 60_000);
beforeEach(async () => {
  await db.prisma.job.deleteMany({ where: { queue: PUSH_QUEUE } });
});
afterAll(async () => {
  await db.prisma.job.deleteMany({ where: { queue: PUSH_QUEUE } });
  await db.close();
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on a free port that answers with `statuses` in turn (the last one repeats). */
async function receiver(statuses: number[], delayMs = 0) {
  const requests: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const status = statuses[Math.min(requests.length, statuses.length - 1)]!;
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'try later'), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/unlocks`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // fetch keeps connections alive; do not wait for them to idle out
    });
  return { url, requests, close };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const message = (): PushMessage => ({
  notificationId: randomUUID(),
  userId: randomUUID(),
  achievementId: 'first-legendary',
  rarity: 'LEGENDARY',
  priority: 'HIGH',
  title: 'Legend',
  body: 'You unlocked Legend',
  createdAt: '2026-11-28T10:00:00.000Z',
});

function startRunner(url: string) {
  const runner = new JobRunner({
    prisma: db.prisma,
    queues: { [PUSH_QUEUE]: pushHandler({ url, secret: SECRET, timeoutMs: 2_000 }) },
    logger: silentLogger,
    pollIntervalMs: 10,
    backoff: { baseMs: 50, maxMs: 1_000 },
  });
  runner.start();
  closers.push(() => runner.stop());
  return runner;
}

const validSignature = (request: Received) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(request.body).digest('hex')}`);
  const actual = Buffer.from(String(request.headers['x-signature']));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

describe('achievement push webhook', () => {
  it('retries a failing receiver until it accepts, with one idempotency key and a valid signature', async () => {
    const hook = await receiver([500, 500, 200]);
    closers.push(hook.close);
    startRunner(hook.url);
    const sent = message();
    const jobId = await db.prisma.$transaction((tx) => enqueuePush(tx, sent));

    await expect.poll(async () => (await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status, { timeout: 5_000 }).toBe('DONE');
    await new Promise((resolve) => setTimeout(resolve, 100)); // and nothing is sent again
    expect(hook.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    for (const request of hook.requests) {
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['idempotency-key']).toBe(sent.notificationId);
      expect(JSON.parse(request.body)).toEqual({ type: 'achievement.unlocked', ...sent });
      expect(validSignature(request)).toBe(true);
    }
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: 'DONE', attempts: 3, maxAttempts: 3, lastError: 'push receiver answered 500: try later' });
  });

  it('leaves the push FAILED after 3 attempts when the receiver keeps failing', async () => {
    const hook = await receiver([503]);
    closers.push(hook.close);
    startRunner(hook.url);
    const jobId = await db.prisma.$transaction((tx) => enqueuePush(tx, message()));

    await expect.poll(async () => (await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).status, { timeout: 5_000 }).toBe('FAILED');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hook.requests).toHaveLength(3);
    const job = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ attempts: 3, lastError: 'push receiver answered 503: try later' });
    expect(job.finishedAt).toBeInstanceOf(Date);
  });

  it('sends no signature without a secret, and throws on timeouts, redirects and refused connections', async () => {
    const ok = await receiver([200]);
    closers.push(ok.close);
    await pushHandler({ url: ok.url })(message(), { id: randomUUID(), attempt: 1 });
    expect(ok.requests).toHaveLength(1);
    expect(ok.requests[0]!.headers['x-signature']).toBeUndefined();

    const slow = await receiver([200], 1_000);
    closers.push(slow.close);
    await expect(pushHandler({ url: slow.url, timeoutMs: 100 })(message(), { id: randomUUID(), attempt: 1 })).rejects.toThrow(/abort|timeout/i);

    const redirect = await receiver([307]);
    closers.push(redirect.close);
    await expect(pushHandler({ url: redirect.url })(message(), { id: randomUUID(), attempt: 1 })).rejects.toThrow('push receiver answered 307');

    const gone = await receiver([200]);
    await gone.close();
    await expect(pushHandler({ url: gone.url })(message(), { id: randomUUID(), attempt: 1 })).rejects.toThrow();
  });
});
