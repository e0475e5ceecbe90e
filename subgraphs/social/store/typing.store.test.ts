import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { IoRedisPort, MemoryRedisPort, type RedisPort } from '../../../platform/redis/index.js';
import { createTypingStore, type TypingEvent } from './typing.store.js';

// One contract for both stores: the script on a real Redis whenever REDIS_URL is set, the
// in-process twin always. Redis expires the script's keys by its own clock, so this runs in real time.
const implementations: [string, () => RedisPort][] = [['memory', () => new MemoryRedisPort()]];
if (process.env.REDIS_URL) implementations.push(['redis', () => new IoRedisPort(process.env.REDIS_URL!)]);

const TIMINGS = { throttleMs: 300, expiryMs: 600 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(implementations)('typing store (%s)', (_name, createPort) => {
  const opened: RedisPort[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });

  async function scenario() {
    const namespace = `test:typing:${randomUUID()}`;
    const room = randomUUID();
    const channel = (roomId: string) => `${namespace}:live:${roomId}`;
    const port = createPort();
    opened.push(port);
    const events: TypingEvent[] = [];
    await port.subscribe(channel(room), (m) => events.push(JSON.parse(m) as TypingEvent));
    const open = () => {
      if (port instanceof MemoryRedisPort) return createTypingStore(port, { channel, timings: TIMINGS, namespace });
      const other = createPort();
      opened.push(other);
      return createTypingStore(other, { channel, timings: TIMINGS, namespace });
    };
    return { room, store: createTypingStore(port, { channel, timings: TIMINGS, namespace }), open, events };
  }

  it('sends a start, coalesces the calls within the throttle, sends again after it', async () => {
    const { room, store, events } = await scenario();
    const ana = randomUUID();
    const now = Date.now();
    expect(await store.set(room, ana, true, now)).toEqual({ roomId: room, userId: ana, typing: true, expiresAt: now + 600 });
    expect(await store.set(room, ana, true, now + 10)).toBeNull();
    expect(await store.set(room, ana, true, now + 20)).toBeNull();
    await sleep(350);
    expect(await store.set(room, ana, true, now + 400)).toEqual({ roomId: room, userId: ana, typing: true, expiresAt: now + 1_000 });
    await expect.poll(() => events).toHaveLength(2);
    expect(events.map((e) => e.expiresAt)).toEqual([now + 600, now + 1_000]);
  });

  it('sends a stop at once while the indicator shows, and never twice; nothing after it expired', async () => {
    const { room, store, events } = await scenario();
    const [ana, bo] = [randomUUID(), randomUUID()];
    const now = Date.now();
    await store.set(room, ana, true, now);
    expect(await store.set(room, ana, false, now + 1)).toEqual({ roomId: room, userId: ana, typing: false });
    expect(await store.set(room, ana, false, now + 2)).toBeNull();
    expect(await store.set(room, ana, true, now + 3)).toBeNull(); // still throttled
    expect(await store.set(room, bo, false, now)).toBeNull(); // never typed
    await store.set(room, bo, true, now);
    await sleep(650);
    expect(await store.set(room, bo, false, now + 650)).toBeNull(); // the indicator expired by itself
    await expect.poll(() => events).toHaveLength(3);
    await sleep(30);
    expect(events.map((e) => [e.userId, e.typing])).toEqual([
      [ana, true],
      [ana, false],
      [bo, true],
    ]);
  });

  it('concurrent calls on several replicas send one event between them', async () => {
    const { room, store, open, events } = await scenario();
    const ana = randomUUID();
    const now = Date.now();
    const sent = await Promise.all([store, open(), open(), open()].flatMap((r) => [r.set(room, ana, true, now), r.set(room, ana, true, now)]));
    expect(sent.filter(Boolean)).toHaveLength(1);
    await expect.poll(() => events).toHaveLength(1);
    await sleep(30);
    expect(events).toHaveLength(1);
  });
});
