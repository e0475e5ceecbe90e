import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from './support/platform.js';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gql, registerPlayer } from './support/platform.js';
import { ownRedis } from './support/own-redis.js';
import { subscribe, wsClient } from './support/ws.js';
import { eventually } from './support/eventually.js';

/** Retries an operation that may fail while the platform reconnects to the restarted Redis. */
const eventuallyRetry = <T>(attempt: () => Promise<T>) => eventually(attempt, 20_000, 200);

// The platform on a Redis of this test's own, which it restarts without its data mid-run (the
// shared Redis must never be restarted). Runs in both modes: the database is the run's (PGlite by
// default, DATABASE_URL when set). Fails, never skips, when redis-server is missing.

/**
 * A TCP proxy in front of Redis that can hold what one kind of connection sends (a consumer's
 * XREADGROUP, a SUBSCRIBE), so the test decides when Redis sees it. Connections end with Redis's.
 */
async function holdingProxy(redisPort: number) {
  let pattern: RegExp | null = null;
  let held = 0;
  const holders = new Set<{ queue: Buffer[]; upstream: net.Socket }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(redisPort, '127.0.0.1');
    let holder: { queue: Buffer[]; upstream: net.Socket } | undefined;
    client.on('data', (chunk) => {
      if (!holder && pattern?.test(chunk.toString('latin1'))) holders.add((holder = { queue: [], upstream }));
      if (holder && pattern) {
        holder.queue.push(chunk);
        held++;
      } else upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      if (holder) holders.delete(holder);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as net.AddressInfo).port,
    hold: (what: RegExp) => {
      pattern = what;
      held = 0;
    },
    held: () => held,
    /** Sends what was held, in order, and holds nothing more. */
    release: () => {
      pattern = null;
      for (const h of holders) for (const chunk of h.queue.splice(0)) h.upstream.write(chunk);
      holders.clear();
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}


let redis: Awaited<ReturnType<typeof ownRedis>>;
let proxy: Awaited<ReturnType<typeof holdingProxy>>;
let platform: RunningPlatform;
let url: string;
const clients: ReturnType<typeof wsClient>[] = [];

beforeAll(async () => {
  redis = await ownRedis();
  proxy = await holdingProxy(redis.port);
  platform = await startTestPlatform({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
  url = platform.gateway.url;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
  await proxy?.close();
  await redis?.stop();
});

/** The achievements subgraph knows the player: it consumed their user.registered. */
const knownToAchievements = async (userId: string) => (await platform.runtime.db.prisma.achievementPlayer.findUnique({ where: { userId } })) !== null;
const registeredEventPublished = async (userId: string) =>
  (await platform.runtime.db.prisma.outboxEvent.findFirst({
    where: { type: 'user.registered', payload: { path: ['userId'], equals: userId }, publishedAt: { not: null } },
  })) !== null;
/** The achievements consumer's read of the stream, as ioredis writes it. */
const ACHIEVEMENTS_READ = /xreadgroup\r\n\$5\r\nGROUP\r\n\$12\r\nachievements\r\n/i;

describe('the bus when Redis restarts without its data', () => {
  it('consumers carry on, and an event published but not yet consumed is published again', async () => {
    const before = await registerPlayer(url);
    await expect.poll(() => knownToAchievements(before.id), { timeout: 20_000 }).toBe(true);

    // The achievements consumer falls behind: its next read waits in the proxy.
    proxy.hold(ACHIEVEMENTS_READ);
    await expect.poll(() => proxy.held(), { timeout: 10_000 }).toBeGreaterThan(0);
    const lost = await registerPlayer(url);
    await expect.poll(() => registeredEventPublished(lost.id), { timeout: 10_000 }).toBe(true);
    expect(await knownToAchievements(lost.id)).toBe(false);

    await redis.restartEmpty(); // every stream, group and pending entry is gone
    proxy.release();

    const after = await eventuallyRetry(() => registerPlayer(url));
    await expect.poll(() => knownToAchievements(after.id), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => knownToAchievements(lost.id), { timeout: 30_000 }).toBe(true);
  });

  it('a chat subscriber receives every accepted message once, in order, across a restart', async () => {
    const roomId = (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `bus_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
    const channel = liveChannel('social', 'messageAdded', roomId);
    const sender = await eventuallyRetry(() => registerPlayer(url));
    const accepted: string[] = [];
    const send = async (text: string) => {
      const result = await gql<{ sendMessage: { message: { text: string } } }>(
        url,
        'mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { text } } }',
        { input: { roomId, text } },
        { token: sender.token },
      );
      if (!result.data) throw new Error(`sendMessage failed: ${JSON.stringify(result.errors)}`);
      accepted.push(text);
    };
    const client = wsClient(url);
    clients.push(client);
    const sub = subscribe(client, `subscription Chat($roomId: ID!) { messageAdded(roomId: $roomId) { cursor text } }`, { roomId });
    await expect.poll(() => platform.runtime.redis.numsub(channel), { timeout: 10_000 }).toBe(1);
    await send('m1');
    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBe(1);

    // Redis restarts; the subgraph's subscription connection is back only when the test says so.
    proxy.hold(/subscribe/i);
    await redis.restartEmpty();
    await expect.poll(() => proxy.held(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await eventuallyRetry(() => platform.runtime.redis.numsub(channel))).toBe(0);
    await eventuallyRetry(() => send('m2')); // accepted while nobody listens: its publish reaches no one
    proxy.release();
    await expect.poll(() => platform.runtime.redis.numsub(channel), { timeout: 10_000 }).toBe(1);
    await send('m3');

    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 300)); // nothing more trickles in
    const received = sub.results.map((r) => {
      expect(r.errors).toBeUndefined();
      return (r.data as { messageAdded: { text: string } }).messageAdded.text;
    });
    expect(received).toEqual(accepted);
    expect(accepted).toEqual(['m1', 'm2', 'm3']);
    expect(sub.error).toBeUndefined();
    expect(sub.completed).toBe(false);
  });
});
