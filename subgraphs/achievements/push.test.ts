import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, silentLogger, startWorkers } from '../../platform/testing.js';
import { PUSH_QUEUE } from './services/push.service.js';
import { achievementsSubgraph } from './subgraph.js';

/** A webhook receiver that fails the first `failures` deliveries of each push (by Idempotency-Key), then accepts. */
function receiver(failures: number) {
  const requests: { headers: Record<string, unknown>; body: Record<string, unknown>; status: number }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      const status = requests.filter((r) => r.headers['idempotency-key'] === key).length < failures ? 503 : 200;
      requests.push({ headers: req.headers, body: JSON.parse(raw), status });
      res.writeHead(status).end();
    });
  });
  return { server, requests };
}

let db: Database;
let hook: ReturnType<typeof receiver>;
let achievements: ReturnType<typeof achievementsSubgraph.create>;
let stopWorkers: (() => Promise<void>) | undefined;
const metrics = new Registry();

beforeAll(async () => {
  db = await openTestDatabase();
  hook = receiver(2);
  await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
  achievements = achievementsSubgraph.create({
    db,
    redis: newTestRedis(),
    logger: silentLogger,
    metrics,
    config: {
      ACHIEVEMENTS_CONSUMER_NAME: 'push-test',
      ACHIEVEMENTS_PUSH_WEBHOOK_URL: `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}/push`,
      ACHIEVEMENTS_PUSH_WEBHOOK_SECRET: 'a-secret-of-sixteen-chars',
    },
    pushBackoff: { baseMs: 50, maxMs: 1_000 },
  });
  stopWorkers = await startWorkers(achievements.workers);
}, 60_000);
afterAll(async () => {
  await stopWorkers?.();
  await new Promise((resolve) => hook?.server.close(resolve));
  await db?.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('push for rare unlocks', () => {
  it('pushes a RARE unlock through the webhook: retried with backoff after two failures, delivered once; a COMMON one is not pushed', async () => {
    const userId = randomUUID();
    await db.prisma.achievementPlayer.create({ data: { userId } });
    const wins = Array.from({ length: 100 }, (_, i) => ({
      id: randomUUID(),
      userId,
      type: 'COMBAT_WON',
      data: {},
      occurredAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
    }));
    const results = await achievements.parts.gameEvents.record(wins, 'game');
    // first_blood (COMMON) on the first win, combat_master (RARE) on the hundredth.
    expect(results[0]!.unlocked.map((u) => u.achievementId)).toEqual(['first_blood']);
    expect(results[99]!.unlocked.map((u) => u.achievementId)).toContain('combat_master');

    const rare = new Set(results.flatMap((r) => r.unlocked).map((u) => u.achievementId).filter((id) => ['RARE', 'EPIC', 'LEGENDARY'].includes(achievements.parts.index.byId.get(id)!.rarity)));
    const jobs = await until(
      () => db.prisma.job.findMany({ where: { queue: PUSH_QUEUE, payload: { path: ['userId'], equals: userId } } }),
      (rows) => rows.length === rare.size && rows.every((j) => j.status === 'DONE'),
    );
    // One push per rare unlock, none for first_blood.
    expect(jobs.map((j) => (j.payload as { achievementId: string }).achievementId).sort()).toEqual([...rare].sort());
    expect(jobs.every((j) => j.status === 'DONE' && j.attempts === 3)).toBe(true);
    const mine = hook.requests.filter((r) => r.body.userId === userId && r.body.achievementId === 'combat_master');
    expect(mine.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(mine.every((r) => r.body.achievementId === 'combat_master' && r.body.rarity === 'RARE' && r.body.priority === 'LOW')).toBe(true);
    expect(new Set(mine.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    const notification = await db.prisma.notification.findFirst({ where: { userId, achievementId: 'combat_master' } });
    expect(mine[0]!.headers['idempotency-key']).toBe(notification!.id);
    expect(String(mine[0]!.headers['x-signature'])).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('counts unlocks on /metrics by achievement, rarity and category, and reports the backlog', async () => {
    const text = await metrics.metrics();
    expect(text).toMatch(/achievements_unlocked_total\{achievement_id="combat_master",rarity="RARE",category="COMBAT"\} 1/);
    expect(text).toMatch(/achievements_unlocked_total\{achievement_id="first_blood",rarity="COMMON",category="COMBAT"\} 1/);
    expect(text).toMatch(/achievements_backlog\{queue="push"\} 0/);
    expect(text).toMatch(/achievements_backlog\{queue="bus"\} \d+/);
    expect(text).toMatch(/achievements_events_recorded_total 100/);
  });
});
