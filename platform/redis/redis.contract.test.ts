import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { IoRedisPort, isNoGroupError, MemoryRedisPort, type RedisPort } from './index.js';

// The same contract for both implementations. The real-Redis run happens whenever REDIS_URL is
// set (CI's second pass); the in-process one always.
const implementations: [string, () => RedisPort][] = [['memory', () => new MemoryRedisPort()]];
if (process.env.REDIS_URL) implementations.push(['ioredis', () => new IoRedisPort(process.env.REDIS_URL!)]);

describe.each(implementations)('RedisPort contract (%s)', (_name, create) => {
  const opened: RedisPort[] = [];
  const open = () => {
    const port = create();
    opened.push(port);
    return port;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });
  const key = (what: string) => `test:${what}:${randomUUID()}`;

  it('answers ping', async () => {
    await expect(open().ping()).resolves.toBeUndefined();
  });

  it('delivers published messages to every subscriber in order, and stops after unsubscribe', async () => {
    const port = open();
    const channel = key('ch');
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await port.subscribe(channel, (m) => a.push(m));
    await port.subscribe(channel, (m) => b.push(m));
    await port.publish(channel, 'one');
    await port.publish(channel, 'two');
    await expect.poll(() => b, { timeout: 10_000 }).toEqual(['one', 'two']);
    expect(a).toEqual(['one', 'two']);
    expect(await port.numsub(channel)).toBe(1);
    await stopA();
    await port.publish(channel, 'three');
    await expect.poll(() => b, { timeout: 10_000 }).toEqual(['one', 'two', 'three']);
    expect(a).toEqual(['one', 'two']);
    expect(await port.numsub(key('nobody'))).toBe(0);
  });

  it('subscribes every channel when many subscriptions start at once on a fresh connection', async () => {
    const port = open();
    const channels = Array.from({ length: 20 }, () => key('burst'));
    const received = new Map<string, string[]>(channels.map((c) => [c, []]));
    // 1 ms apart, the first before the subscriber connection exists: they race its connect.
    await Promise.all(
      channels.map(async (channel, i) => {
        await new Promise((r) => setTimeout(r, i));
        await port.subscribe(channel, (m) => received.get(channel)!.push(m));
      }),
    );
    for (const channel of channels) await port.publish(channel, `to ${channel}`);
    await expect.poll(() => [...received.values()].filter((m) => m.length === 1).length, { timeout: 10_000 }).toBe(channels.length);
  });

  it('gives each stream entry to one consumer of a group, and every entry to every group', async () => {
    const port = open();
    const stream = key('stream');
    await port.xgroupCreate(stream, 'g1');
    await port.xgroupCreate(stream, 'g1'); // idempotent
    await port.xgroupCreate(stream, 'g2');
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await port.xadd(stream, { n: String(i) }));
    expect(new Set(ids).size).toBe(5);

    const first = await port.xreadgroup(stream, 'g1', 'c1', 3, 10);
    const second = await port.xreadgroup(stream, 'g1', 'c2', 10, 10);
    expect([...first, ...second].map((e) => e.fields.n)).toEqual(['0', '1', '2', '3', '4']);
    expect(await port.xreadgroup(stream, 'g1', 'c1', 10, 10)).toEqual([]);

    const other = await port.xreadgroup(stream, 'g2', 'c1', 10, 10);
    expect(other.map((e) => e.id)).toEqual(ids);
  });

  it('wakes a blocked reader when an entry arrives', async () => {
    const port = open();
    const stream = key('stream');
    await port.xgroupCreate(stream, 'g');
    const reading = port.xreadgroup(stream, 'g', 'c', 10, 5_000);
    await new Promise((r) => setTimeout(r, 50));
    await port.xadd(stream, { hello: 'world' });
    const entries = await reading;
    expect(entries.map((e) => e.fields)).toEqual([{ hello: 'world' }]);
  });

  it('keeps unacknowledged entries pending and lets another consumer claim them once idle', async () => {
    const port = open();
    const stream = key('stream');
    await port.xgroupCreate(stream, 'g');
    await port.xadd(stream, { n: '1' });
    await port.xadd(stream, { n: '2' });
    const delivered = await port.xreadgroup(stream, 'g', 'dies', 10, 10);
    await port.xack(stream, 'g', [delivered[0]!.id]);
    expect(await port.xpendingCount(stream, 'g')).toBe(1);

    expect(await port.xautoclaim(stream, 'g', 'rescuer', 60_000, 10)).toEqual([]);
    await new Promise((r) => setTimeout(r, 30));
    const claimed = await port.xautoclaim(stream, 'g', 'rescuer', 10, 10);
    expect(claimed.map((e) => e.fields.n)).toEqual(['2']);
    await port.xack(stream, 'g', [claimed[0]!.id]);
    expect(await port.xpendingCount(stream, 'g')).toBe(0);
  });

  it("reports each group's last delivered and oldest pending entry, in one read; null for a missing stream", async () => {
    const port = open();
    const stream = key('stream');
    expect(await port.xgroups(stream)).toBeNull();
    await port.xgroupCreate(stream, 'idle');
    await port.xgroupCreate(stream, 'busy');
    const ids = [await port.xadd(stream, { n: '1' }), await port.xadd(stream, { n: '2' }), await port.xadd(stream, { n: '3' })];
    await port.xreadgroup(stream, 'busy', 'c', 2, 10);
    await port.xack(stream, 'busy', [ids[0]!]);
    const groups = (await port.xgroups(stream))!.sort((a, b) => a.name.localeCompare(b.name));
    expect(groups).toEqual([
      { name: 'busy', lastDeliveredId: ids[1], oldestPendingId: ids[1] },
      { name: 'idle', lastDeliveredId: '0-0', oldestPendingId: null },
    ]);
  });

  it('fails reads of a deleted stream with NOGROUP until the group is created again, with the stream', async () => {
    const port = open();
    const stream = key('stream');
    await port.xgroupCreate(stream, 'g');
    await port.xadd(stream, { n: 'before' });
    // What a Redis that restarted without its data (or a DEL) leaves: no stream, no group.
    await port.del([stream]);
    expect(await port.xgroups(stream)).toBeNull();
    const read = await port.xreadgroup(stream, 'g', 'c', 10, 10).catch((error: unknown) => error);
    expect(isNoGroupError(read)).toBe(true);
    const claim = await port.xautoclaim(stream, 'g', 'c', 0, 10).catch((error: unknown) => error);
    expect(isNoGroupError(claim)).toBe(true);
    await port.xack(stream, 'g', ['1-1']); // nothing to acknowledge: no error either

    await port.xgroupCreate(stream, 'g');
    expect(await port.xgroups(stream)).toEqual([{ name: 'g', lastDeliveredId: '0-0', oldestPendingId: null }]);
    await port.xadd(stream, { n: 'after' });
    expect((await port.xreadgroup(stream, 'g', 'c', 10, 10)).map((e) => e.fields.n)).toEqual(['after']);
  });

  it('ends a read blocked on a stream that is deleted meanwhile with a NOGROUP-like error', async () => {
    const port = open();
    const stream = key('stream');
    await port.xgroupCreate(stream, 'g');
    const reading = port.xreadgroup(stream, 'g', 'c', 10, 5_000).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 50));
    await port.del([stream]); // on the command connection, as FLUSHALL from elsewhere would
    expect(isNoGroupError(await reading)).toBe(true);
  });

  it('trims a stream to about maxLen entries', async () => {
    const port = open();
    const stream = key('stream');
    await port.xgroupCreate(stream, 'g');
    for (let i = 0; i < 300; i++) await port.xadd(stream, { n: String(i) }, 100);
    const all = await port.xreadgroup(stream, 'g', 'c', 1_000, 10);
    // Redis trims approximately (whole macro-nodes), so allow some slack above maxLen.
    expect(all.length).toBeGreaterThanOrEqual(100);
    expect(all.length).toBeLessThan(300);
    expect(all.at(-1)!.fields.n).toBe('299');
  });

  it('appends each entry of xaddUnique once while its key lives, atomically with setting the key', async () => {
    const port = open();
    const stream = key('unique');
    const [a, b] = [key('seen'), key('seen')];
    await port.xgroupCreate(stream, 'g');
    const first = await port.xaddUnique(stream, [{ key: a, fields: { n: '1' } }, { key: b, fields: { n: '2' } }, { key: a, fields: { n: '1 again' } }], 60);
    expect(first.map((id) => id !== null)).toEqual([true, true, false]);
    const second = await port.xaddUnique(stream, [{ key: b, fields: { n: '2 again' } }, { key: key('seen'), fields: { n: '3' } }], 60);
    expect(second.map((id) => id !== null)).toEqual([false, true]);
    const read = await port.xreadgroup(stream, 'g', 'c', 10, 0);
    expect(read.map((e) => e.fields.n)).toEqual(['1', '2', '3']);
    expect(read.map((e) => e.id)).toEqual([first[0], first[1], second[1]]);
    expect(await port.get(a)).not.toBeNull();
    expect(await port.xaddUnique(stream, [], 60)).toEqual([]);
    await expect(port.xaddUnique(stream, [{ key: key('seen'), fields: { n: '4' } }], 0)).rejects.toThrow(RangeError);
  });

  it('appends an xaddUnique entry again once its key has expired', async () => {
    const port = open();
    const stream = key('unique');
    const seen = key('seen');
    expect((await port.xaddUnique(stream, [{ key: seen, fields: { n: '1' } }], 1))[0]).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await port.xaddUnique(stream, [{ key: seen, fields: { n: '1' } }], 1))[0]).not.toBeNull();
  });

  it('stores and reads back values, and answers null for missing keys', async () => {
    const port = open();
    const k = key('kv');
    expect(await port.get(k)).toBeNull();
    await port.set(k, 'one', 60);
    expect(await port.get(k)).toBe('one');
    await port.set(k, 'two', 60); // overwrites
    expect(await port.get(k)).toBe('two');
  });

  it('reads many keys in order, with null for each miss', async () => {
    const port = open();
    const [a, b, c] = [key('kv'), key('kv'), key('kv')];
    await port.set(a, 'A', 60);
    await port.set(c, 'C', 60);
    expect(await port.mget([c, b, a])).toEqual(['C', null, 'A']);
    expect(await port.mget([b])).toEqual([null]);
    expect(await port.mget([])).toEqual([]);
  });

  it('deletes keys, ignoring missing ones', async () => {
    const port = open();
    const [a, b, missing] = [key('kv'), key('kv'), key('kv')];
    await port.set(a, 'A', 60);
    await port.set(b, 'B', 60);
    await port.del([a, missing]);
    expect(await port.mget([a, b])).toEqual([null, 'B']);
    await port.del([]);
    expect(await port.get(b)).toBe('B');
  });

  it('expires values after their ttl', async () => {
    const port = open();
    const k = key('kv');
    await port.set(k, 'short-lived', 1);
    expect(await port.get(k)).toBe('short-lived');
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await port.get(k)).toBeNull();
    expect(await port.mget([k])).toEqual([null]);
  });

  it('expires sorted sets, hashes and values after the ttl expire gives them; writes keep it, missing keys are ignored', async () => {
    const port = open();
    const [z, h, v, missing] = [key('z'), key('h'), key('v'), key('none')];
    await port.zadd(z, [{ member: 'm', score: 1 }]);
    await port.hset(h, { f: '1' });
    await port.set(v, 'x', 60);
    await port.expire([{ key: z, ttlSeconds: 1 }, { key: h, ttlSeconds: 1 }, { key: v, ttlSeconds: 1 }, { key: missing, ttlSeconds: 1 }]);
    await port.zadd(z, [{ member: 'n', score: 2 }]); // a write keeps the expiry
    await port.hset(h, { g: '2' });
    expect(await port.zcard(z)).toBe(2);
    expect(await port.hmget(h, ['f', 'g'])).toEqual(['1', '2']);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await port.zcard(z)).toBe(0);
    expect(await port.zrange(z, 0, -1)).toEqual([]);
    expect(await port.hmget(h, ['f', 'g'])).toEqual([null, null]);
    expect(await port.get(v)).toBeNull();
    // Made again after it expired: no expiry of its own.
    await port.hset(h, { f: 'again' });
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await port.hmget(h, ['f'])).toEqual(['again']);
    await expect(port.expire([{ key: z, ttlSeconds: 0 }])).rejects.toThrow(RangeError);
  });

  it('refuses to store a value without a positive ttl', async () => {
    const port = open();
    await expect(port.set(key('kv'), 'forever', 0)).rejects.toThrow(RangeError);
    await expect(port.set(key('kv'), 'forever', -1)).rejects.toThrow(RangeError);
  });
  it('orders a sorted set by score, then member, both ways, and reads ranks and ranges by rank', async () => {
    const port = open();
    const z = key('z');
    await port.zadd(z, [
      { member: 'b', score: 2 },
      { member: 'a', score: 2 },
      { member: 'c', score: -1.5 },
      { member: 'd', score: 10 },
    ]);
    expect(await port.zcard(z)).toBe(4);
    expect(await port.zrange(z, 0, -1)).toEqual([
      { member: 'c', score: -1.5 },
      { member: 'a', score: 2 },
      { member: 'b', score: 2 },
      { member: 'd', score: 10 },
    ]);
    // ZRANGE … REV: equal scores in reverse member order too.
    expect((await port.zrange(z, 0, 2, true)).map((m) => m.member)).toEqual(['d', 'b', 'a']);
    expect((await port.zrange(z, -2, -1)).map((m) => m.member)).toEqual(['b', 'd']);
    expect((await port.zrange(z, 3, 100)).map((m) => m.member)).toEqual(['d']);
    expect(await port.zrange(z, 5, 10)).toEqual([]);
    expect(await port.zrange(key('missing'), 0, -1)).toEqual([]);
    expect(await port.zrank(z, 'a')).toBe(1);
    expect(await port.zrank(z, 'a', true)).toBe(2);
    expect(await port.zrank(z, 'nobody')).toBeNull();
    expect(await port.zmscore(z, ['d', 'nobody', 'c'])).toEqual([10, null, -1.5]);
    // A member added again moves to its new score.
    await port.zadd(z, [{ member: 'c', score: 11 }]);
    expect(await port.zrank(z, 'c', true)).toBe(0);
    await port.zrem(z, ['c', 'nobody']);
    expect((await port.zrange(z, 0, -1)).map((m) => m.member)).toEqual(['a', 'b', 'd']);
    await port.zrem(z, ['a', 'b', 'd']);
    expect(await port.zcard(z)).toBe(0);
  });

  it('keeps scores exactly as doubles, however large or fractional', async () => {
    const port = open();
    const z = key('z');
    const scores = [0.1 + 0.2, 1e15 + 0.5, -(2 ** 53), 123456789.123456789, 5e-324];
    await port.zadd(z, scores.map((score, i) => ({ member: `m${i}`, score })));
    expect(await port.zmscore(z, scores.map((_s, i) => `m${i}`))).toEqual(scores);
  });

  it('stores hash fields and reads them back in order, null for each missing one; del removes sorted sets and hashes', async () => {
    const port = open();
    const h = key('h');
    const z = key('z');
    await port.hset(h, { a: '1', b: 'two' });
    await port.hset(h, { b: '2' });
    expect(await port.hmget(h, ['b', 'x', 'a'])).toEqual(['2', null, '1']);
    await port.zadd(z, [{ member: 'm', score: 1 }]);
    await port.del([h, z]);
    expect(await port.hmget(h, ['a'])).toEqual([null]);
    expect(await port.zcard(z)).toBe(0);
  });

  it('zsetById keeps one member per id, the newest version wins whatever the arrival order, and reports ranks and who was passed', async () => {
    const port = open();
    const z = key('z');
    const ix = key('ix');
    const desc = { reverse: true, passedLimit: 10 };
    // Three players enter a highest-first board.
    expect(await port.zsetById(z, ix, [
      { id: 'p1', version: 1, member: 'x1', score: 30 },
      { id: 'p2', version: 2, member: 'x2', score: 20 },
      { id: 'p3', version: 3, member: 'x3', score: 10 },
    ], desc)).toEqual([
      { applied: true, previousRank: null, rank: 0, passed: [] },
      { applied: true, previousRank: null, rank: 1, passed: [] },
      { applied: true, previousRank: null, rank: 2, passed: [] },
    ]);
    // p3 jumps from third to first: it passed p1 and p2, nearest first.
    expect(await port.zsetById(z, ix, [{ id: 'p3', version: 4, member: 'y3', score: 40 }], desc)).toEqual([
      { applied: true, previousRank: 2, rank: 0, passed: ['x1', 'x2'] },
    ]);
    // An older version arriving late changes nothing; nor does the same version again.
    expect(await port.zsetById(z, ix, [{ id: 'p3', version: 3, member: 'x3', score: 10 }, { id: 'p1', version: 1, member: 'x1', score: 30 }], desc)).toEqual([
      { applied: false, previousRank: 0, rank: 0, passed: [] },
      { applied: false, previousRank: 1, rank: 1, passed: [] },
    ]);
    // Falling behind passes nobody; a newcomer passes those now behind it, at most passedLimit.
    expect(await port.zsetById(z, ix, [{ id: 'p1', version: 5, member: 'z1', score: 5 }], desc)).toEqual([{ applied: true, previousRank: 1, rank: 2, passed: [] }]);
    expect(await port.zsetById(z, ix, [{ id: 'p4', version: 6, member: 'x4', score: 25 }], { reverse: true, passedLimit: 1 })).toEqual([
      { applied: true, previousRank: null, rank: 1, passed: ['x2'] },
    ]);
    expect(await port.zrange(z, 0, -1, true)).toEqual([
      { member: 'y3', score: 40 },
      { member: 'x4', score: 25 },
      { member: 'x2', score: 20 },
      { member: 'z1', score: 5 },
    ]);
    expect(await port.hmget(ix, ['p1', 'p3'])).toEqual(['5|z1', '4|y3']);
    expect(await port.zrankById(z, ix, 'p4', true)).toEqual({ member: 'x4', score: 25, rank: 1 });
    expect(await port.zrankById(z, ix, 'p4')).toEqual({ member: 'x4', score: 25, rank: 2 });
    expect(await port.zrankById(z, ix, 'nobody', true)).toBeNull();
    expect(await port.zrankById(key('none'), key('none'), 'p1')).toBeNull();
    // Around an id: its rank and up to n members either side, in one step.
    expect(await port.zrangeAroundById(z, ix, 'p4', 1, true)).toEqual({ rank: 1, start: 0, members: [{ member: 'y3', score: 40 }, { member: 'x4', score: 25 }, { member: 'x2', score: 20 }] });
    expect(await port.zrangeAroundById(z, ix, 'p3', 2, true)).toEqual({ rank: 0, start: 0, members: [{ member: 'y3', score: 40 }, { member: 'x4', score: 25 }, { member: 'x2', score: 20 }] });
    expect(await port.zrangeAroundById(z, ix, 'p1', 1)).toEqual({ rank: 0, start: 0, members: [{ member: 'z1', score: 5 }, { member: 'x2', score: 20 }] });
    expect(await port.zrangeAroundById(z, ix, 'nobody', 1)).toBeNull();
    // Lowest-first ranks on the same set.
    expect(await port.zsetById(z, ix, [{ id: 'p2', version: 7, member: 'w2', score: 1 }], { passedLimit: 5 })).toEqual([
      { applied: true, previousRank: 1, rank: 0, passed: ['z1'] },
    ]);
  });
});

describe('the in-process sorted set', () => {
  it('keeps rank and range by rank logarithmic: 100,000 members, 2,000 lookups in well under a second', async () => {
    const port = new MemoryRedisPort();
    const n = 100_000;
    for (let i = 0; i < n; i += 10_000) {
      await port.zadd('big', Array.from({ length: 10_000 }, (_v, j) => ({ member: `m${i + j}`, score: (i + j) * 7 % n })));
    }
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) {
      await port.zrank('big', `m${(i * 193) % n}`, true);
      await port.zrange('big', (i * 151) % n, ((i * 151) % n) + 10, true);
    }
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(await port.zrank('big', 'm0')).toBe(0);
    await port.close();
  });
});
