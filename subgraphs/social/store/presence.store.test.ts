import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { IoRedisPort, MemoryRedisPort, type RedisPort } from '../../../platform/redis/index.js';
import { createPresenceStore, type PresenceEvent, type PresenceStore } from './presence.store.js';

// One contract for both stores: the scripts on a real Redis whenever REDIS_URL is set (CI's second
// pass), the in-process twin always. Every test has its own key namespace and channels.
const implementations: [string, () => RedisPort][] = [['memory', () => new MemoryRedisPort()]];
if (process.env.REDIS_URL) implementations.push(['redis', () => new IoRedisPort(process.env.REDIS_URL!)]);

const T = Date.now();
const s = (seconds: number) => T + seconds * 1_000;

describe.each(implementations)('presence store (%s)', (_name, createPort) => {
  const opened: RedisPort[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });

  /** A store (and more on other connections to the same Redis, `another`), with every event it publishes. */
  async function scenario(rooms: string[]) {
    const namespace = `test:presence:${randomUUID()}`;
    const channel = (roomId: string) => `${namespace}:live:${roomId}`;
    const port = createPort();
    opened.push(port);
    const events: PresenceEvent[] = [];
    for (const room of rooms) await port.subscribe(channel(room), (m) => events.push(JSON.parse(m) as PresenceEvent));
    const open = (on: RedisPort) => createPresenceStore(on, { channel, keyTtlMs: 600_000, namespace });
    const another = () => {
      // The twin is one process: another store on the same port shares its state, as replicas share Redis.
      if (port instanceof MemoryRedisPort) return open(port);
      const other = createPort();
      opened.push(other);
      return open(other);
    };
    return { store: open(port), another, events };
  }
  const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
  const online = (roomId: string, userId: string, at: number) => ({ roomId, userId, online: true, at });
  const offline = (roomId: string, userId: string, at: number) => ({ roomId, userId, online: false, at });

  it('a first heartbeat brings a player online in each room, once; later ones only extend it', async () => {
    const [general, guild] = ids(2) as [string, string];
    const [ana] = ids(1) as [string];
    const { store, events } = await scenario([general, guild]);
    await store.heartbeat(ana, [general, guild], s(0), s(90));
    await store.heartbeat(ana, [general], s(30), s(120));
    await store.heartbeat(ana, [general, guild], s(60), s(150));
    await expect.poll(() => events).toHaveLength(2);
    expect(events).toEqual(expect.arrayContaining([online(general, ana, s(0)), online(guild, ana, s(0))]));
    expect(await store.online(general, s(100), 0, 10)).toEqual([ana]);
    expect(await store.onlineCount(guild, s(149))).toBe(1);
    expect(await store.onlineCount(guild, s(150))).toBe(0); // the expiry itself is offline
    expect(await store.tracked()).toBe(2);
    expect((await store.roomsOf(ana, s(100))).sort()).toEqual([general, guild].sort());
    expect(await store.roomsOf(ana, s(150))).toEqual([]);
  });

  it('lists online players latest heartbeat first, pages by offset, ignores expired entries before any sweep', async () => {
    const [room] = ids(1) as [string];
    const [ana, bo, cy, dan] = ids(4) as [string, string, string, string];
    const { store } = await scenario([room]);
    await store.heartbeat(ana, [room], s(0), s(90));
    await store.heartbeat(bo, [room], s(10), s(100));
    await store.heartbeat(cy, [room], s(20), s(110));
    await store.heartbeat(dan, [room], s(-100), s(-10)); // expired, not swept
    expect(await store.online(room, s(30), 0, 10)).toEqual([cy, bo, ana]);
    expect(await store.online(room, s(30), 1, 1)).toEqual([bo]);
    expect(await store.online(room, s(95), 0, 10)).toEqual([cy, bo]);
    expect(await store.onlineCount(room, s(30))).toBe(3);
    expect(await store.onlineAmong(room, [dan, cy, randomUUID(), ana], s(30))).toEqual([cy, ana]);
    expect(await store.onlineAmong(room, [], s(30))).toEqual([]);
    expect(await store.online(randomUUID(), s(30), 0, 10)).toEqual([]);
  });

  it('a heartbeat after an expiry not swept yet tells offline (at the expiry) then online', async () => {
    const [room] = ids(1) as [string];
    const [ana] = ids(1) as [string];
    const { store, events } = await scenario([room]);
    await store.heartbeat(ana, [room], s(0), s(90));
    await store.heartbeat(ana, [room], s(95), s(185));
    await expect.poll(() => events).toHaveLength(3);
    expect(events).toEqual([online(room, ana, s(0)), offline(room, ana, s(90)), online(room, ana, s(95))]);
    // The sweeper has nothing left to tell for the old expiry.
    expect(await store.sweep(s(100), 100)).toBe(0);
  });

  it('sweeps expired entries oldest first, up to the limit, each told offline at its expiry', async () => {
    const [room, other] = ids(2) as [string, string];
    const [ana, bo, cy] = ids(3) as [string, string, string];
    const { store, events } = await scenario([room, other]);
    await store.heartbeat(ana, [room], s(0), s(90));
    await store.heartbeat(bo, [room, other], s(5), s(95));
    await store.heartbeat(cy, [room], s(50), s(140));
    await expect.poll(() => events).toHaveLength(4);
    events.length = 0;

    expect(await store.sweep(s(96), 2)).toBe(2);
    expect(await store.sweep(s(96), 2)).toBe(1);
    expect(await store.sweep(s(96), 2)).toBe(0);
    await expect.poll(() => events).toHaveLength(3);
    expect(events[0]).toEqual(offline(room, ana, s(90)));
    expect(events.slice(1)).toEqual(expect.arrayContaining([offline(room, bo, s(95)), offline(other, bo, s(95))]));
    expect(await store.online(room, s(96), 0, 10)).toEqual([cy]);
    expect(await store.tracked()).toBe(1);
    expect(await store.roomsOf(bo, s(0))).toEqual([]); // swept from the player's rooms too
    expect(await store.roomsOf(cy, s(96))).toEqual([room]);
    // A heartbeat after the sweep is a plain comeback: online only.
    await store.heartbeat(ana, [room], s(97), s(187));
    await expect.poll(() => events).toHaveLength(4);
    expect(events[3]).toEqual(online(room, ana, s(97)));
  });

  it('replicas sweeping at the same time tell each expiry once between them', async () => {
    const [room] = ids(1) as [string];
    const players = ids(60);
    const { store, another, events } = await scenario([room]);
    await Promise.all(players.map((p, i) => store.heartbeat(p, [room], s(i), s(i + 1))));
    await expect.poll(() => events).toHaveLength(60);
    events.length = 0;
    const replicas = [store, another(), another(), another()];
    const swept = await Promise.all(replicas.flatMap((r) => [r.sweep(s(100), 7), r.sweep(s(100), 7), r.sweep(s(100), 7)]));
    const rest = await store.sweep(s(100), 1_000);
    expect(swept.reduce((a, b) => a + b, 0) + rest).toBe(60);
    await expect.poll(() => events).toHaveLength(60);
    await new Promise((r) => setTimeout(r, 50));
    expect(new Set(events.map((e) => e.userId)).size).toBe(60);
    expect(events.every((e) => !e.online)).toBe(true);
  });

  it('concurrent heartbeats bring a player online once', async () => {
    const [room] = ids(1) as [string];
    const [ana] = ids(1) as [string];
    const { store, another, events } = await scenario([room]);
    const replicas: PresenceStore[] = [store, another(), another()];
    await Promise.all(replicas.flatMap((r) => [r.heartbeat(ana, [room], s(0), s(90)), r.heartbeat(ana, [room], s(0), s(90))]));
    await expect.poll(() => events).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual([online(room, ana, s(0))]);
  });

  it('leaving tells offline once where the player was online, and nothing elsewhere', async () => {
    const [room, expired, never] = ids(3) as [string, string, string];
    const [ana] = ids(1) as [string];
    const { store, events } = await scenario([room, expired, never]);
    await store.heartbeat(ana, [room], s(0), s(90));
    await store.heartbeat(ana, [expired], s(-100), s(-10));
    await expect.poll(() => events).toHaveLength(2);
    events.length = 0;
    await store.leave(ana, [room, expired, never], s(10));
    await store.leave(ana, [room, expired, never], s(11));
    await expect.poll(() => events).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(expect.arrayContaining([offline(room, ana, s(10)), offline(expired, ana, s(-10))]));
    expect(events).toHaveLength(2);
    expect(await store.onlineCount(room, s(10))).toBe(0);
    expect(await store.tracked()).toBe(0);
    expect(await store.roomsOf(ana, s(-1_000))).toEqual([]);
    expect(await store.sweep(s(1_000), 100)).toBe(0);
  });
});
