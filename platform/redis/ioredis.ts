import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisPort, StreamEntry, StreamGroup, SubscribeOptions, UniqueStreamEntry, Unsubscribe, ZIdEntry, ZIdOutcome, ZMember } from './types.js';

type RawEntries = [id: string, fields: string[]][];

function toEntries(raw: RawEntries | null | undefined): StreamEntry[] {
  return (raw ?? []).filter(([, fields]) => fields).map(([id, fields]) => {
    const map: Record<string, string> = {};
    for (let i = 0; i < fields.length; i += 2) map[fields[i]!] = fields[i + 1]!;
    return { id, fields: map };
  });
}

/** `[k1, v1, k2, v2, …]` (RESP2 maps) as an object. */
function pairs(flat: unknown[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (let i = 0; i < flat.length; i += 2) map[String(flat[i])] = flat[i + 1];
  return map;
}

interface Listener {
  message: (message: string) => void;
  options?: SubscribeOptions;
}

function checkTtl(ttlSeconds: number) {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
  }
  return ttlSeconds;
}

/** xaddUnique: SET NX then XADD per entry, in one script (a false in the reply: the key existed). */
const XADD_UNIQUE = `
local ttl, maxlen = tonumber(ARGV[1]), tonumber(ARGV[2])
local ids, a = {}, 3
for i = 2, #KEYS do
  local n = tonumber(ARGV[a])
  local fields = {}
  for j = 1, n do fields[j] = ARGV[a + j] end
  a = a + n + 1
  if redis.call('SET', KEYS[i], '1', 'NX', 'EX', ttl) then
    if maxlen > 0 then
      ids[i - 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', maxlen, '*', unpack(fields))
    else
      ids[i - 1] = redis.call('XADD', KEYS[1], '*', unpack(fields))
    end
  else
    ids[i - 1] = false
  end
end
return ids`;

/**
 * zsetById. KEYS: the sorted set, the index hash. ARGV: reverse (1/0), passed limit, then per entry
 * id, version, member, score. Replies per entry {applied, previous rank, rank, passed members}, -1
 * for no rank (a nil would cut Lua's array short).
 */
const ZSET_BY_ID = `
local rev, limit = ARGV[1] == '1', tonumber(ARGV[2])
local function rank(m)
  local r
  if rev then r = redis.call('ZREVRANK', KEYS[1], m) else r = redis.call('ZRANK', KEYS[1], m) end
  if r then return r end
  return -1
end
local out = {}
for a = 3, #ARGV, 4 do
  local id, version, member = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2]
  local stored = redis.call('HGET', KEYS[2], id)
  local prev, sv, sm = -1, nil, nil
  if stored then
    local bar = string.find(stored, '|', 1, true)
    sv, sm = tonumber(string.sub(stored, 1, bar - 1)), string.sub(stored, bar + 1)
    prev = rank(sm)
  end
  if stored and sv >= version then
    out[#out + 1] = { 0, prev, prev, {} }
  else
    if stored then redis.call('ZREM', KEYS[1], sm) end
    redis.call('ZADD', KEYS[1], ARGV[a + 3], member)
    redis.call('HSET', KEYS[2], id, ARGV[a + 1] .. '|' .. member)
    local r = rank(member)
    local behind = limit
    if prev >= 0 then behind = math.min(limit, prev - r) end
    local passed = {}
    if behind > 0 then
      if rev then passed = redis.call('ZREVRANGE', KEYS[1], r + 1, r + behind) else passed = redis.call('ZRANGE', KEYS[1], r + 1, r + behind) end
    end
    out[#out + 1] = { 1, prev, r, passed }
  end
end
return out`;

/** zrankById. KEYS: the sorted set, the index hash. ARGV: id, reverse (1/0). Replies {member, score, rank} or nil. */
const ZRANK_BY_ID = `
local stored = redis.call('HGET', KEYS[2], ARGV[1])
if not stored then return nil end
local member = string.sub(stored, string.find(stored, '|', 1, true) + 1)
local rank
if ARGV[2] == '1' then rank = redis.call('ZREVRANK', KEYS[1], member) else rank = redis.call('ZRANK', KEYS[1], member) end
if not rank then return nil end
return { member, redis.call('ZSCORE', KEYS[1], member), rank }`;

/**
 * zrangeAroundById. KEYS: the sorted set, the index hash. ARGV: id, n, reverse (1/0). Replies
 * {rank, start, member1, score1, …} or nil.
 */
const ZRANGE_AROUND_BY_ID = `
local stored = redis.call('HGET', KEYS[2], ARGV[1])
if not stored then return nil end
local member = string.sub(stored, string.find(stored, '|', 1, true) + 1)
local n, rev = tonumber(ARGV[2]), ARGV[3] == '1'
local rank
if rev then rank = redis.call('ZREVRANK', KEYS[1], member) else rank = redis.call('ZRANK', KEYS[1], member) end
if not rank then return nil end
local start = math.max(0, rank - n)
local range
if rev then range = redis.call('ZREVRANGE', KEYS[1], start, rank + n, 'WITHSCORES') else range = redis.call('ZRANGE', KEYS[1], start, rank + n, 'WITHSCORES') end
table.insert(range, 1, start)
table.insert(range, 1, rank)
return range`;

/** A score as Redis reads it. */
const scoreArg = (score: number) => {
  if (Number.isNaN(score)) throw new RangeError('ERR score is not a valid float');
  return Number.isFinite(score) ? String(score) : score > 0 ? '+inf' : '-inf';
};
/** A score as Redis writes it (`inf`, `-inf`, or a decimal that reads back to the same double). */
const scoreOf = (reply: string) => (reply === 'inf' ? Infinity : reply === '-inf' ? -Infinity : Number(reply));

/** RedisPort on a real Redis. Blocking reads and subscriptions get their own connections. */
export class IoRedisPort implements RedisPort {
  readonly kind = 'redis' as const;
  private readonly command: Redis;
  private subscriber?: Redis;
  private subscriberReady?: Promise<Redis>;
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Set while the subscriber connection is lost; settles once every channel is subscribed again. */
  private outage?: { resumed: Promise<void>; resume: () => void };
  private closing = false;
  private readonly blocking = new Map<string, Redis>();
  private readonly zsetByIdSha = createHash('sha1').update(ZSET_BY_ID).digest('hex');
  private readonly zrankByIdSha = createHash('sha1').update(ZRANK_BY_ID).digest('hex');
  private readonly zrangeAroundByIdSha = createHash('sha1').update(ZRANGE_AROUND_BY_ID).digest('hex');

  constructor(private readonly url: string) {
    // Auto-pipelining sends the commands issued in one tick in one write: an unlock batch's
    // hundreds of PUBLISHes cost one syscall instead of one each, in the same order.
    this.command = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3, enableAutoPipelining: true });
  }

  /** The shared command connection, for libraries that need a real client (platform/rate-limit.ts). */
  get client(): Redis {
    return this.command;
  }

  async ping() {
    await this.command.ping();
  }

  async publish(channel: string, message: string) {
    await this.command.publish(channel, message);
  }

  async numsub(channel: string) {
    const reply = (await this.command.pubsub('NUMSUB', channel)) as [string, number];
    return Number(reply[1]);
  }

  /**
   * The connection subscriptions share, ready before its first SUBSCRIBE: a SUBSCRIBE queued while
   * it still connects switches it to subscriber mode before ioredis's ready check, which then fails
   * and drops other queued subscribes (subscriptions that silently never receive).
   *
   * Redis forgets a connection's subscriptions when the connection drops, and messages published
   * until it subscribes again are never delivered: each listener is told (`onInterrupted`) as soon
   * as the connection is lost, and when every channel is listened to again. Resubscribing is done
   * here rather than by ioredis (`autoResubscribe`), to know when it is done.
   */
  private subscriberConnection(): Promise<Redis> {
    if (!this.subscriberReady) {
      const subscriber = new Redis(this.url, { lazyConnect: true, autoResubscribe: false });
      let connected = false;
      subscriber.on('message', (ch: string, message: string) => {
        for (const l of this.listeners.get(ch) ?? []) l.message(message);
      });
      subscriber.on('close', () => {
        if (!connected || this.outage || this.closing) return;
        let resume!: () => void;
        const resumed = new Promise<void>((r) => (resume = r));
        this.outage = { resumed, resume };
        for (const set of this.listeners.values()) for (const l of set) l.options?.onInterrupted?.(resumed);
      });
      subscriber.on('ready', () => {
        connected = true;
        const outage = this.outage;
        if (!outage) return;
        const channels = [...this.listeners.keys()];
        // A failure means the connection dropped again: its next 'ready' tries again.
        (channels.length ? subscriber.subscribe(...channels) : Promise.resolve()).then(() => {
          if (this.outage !== outage) return;
          this.outage = undefined;
          outage.resume();
        }, () => undefined);
      });
      this.subscriber = subscriber;
      this.subscriberReady = subscriber.connect().then(
        () => subscriber,
        (error: unknown) => {
          this.subscriberReady = undefined;
          this.subscriber = undefined;
          subscriber.disconnect();
          throw error;
        },
      );
    }
    return this.subscriberReady;
  }

  async subscribe(channel: string, message: (message: string) => void, options?: SubscribeOptions): Promise<Unsubscribe> {
    const listener: Listener = { message, options };
    const subscriber = await this.subscriberConnection();
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      try {
        await subscriber.subscribe(channel);
      } catch (error) {
        this.listeners.delete(channel);
        throw error;
      }
    }
    set.add(listener);
    // Not listening yet while the connection is lost: wait, as a new channel's SUBSCRIBE does.
    if (this.outage) await this.outage.resumed;
    return async () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(channel);
      await this.subscriber?.unsubscribe(channel);
    };
  }

  async xadd(stream: string, fields: Record<string, string>, maxLen?: number) {
    const args = Object.entries(fields).flat();
    const id = maxLen
      ? await this.command.xadd(stream, 'MAXLEN', '~', maxLen, '*', ...args)
      : await this.command.xadd(stream, '*', ...args);
    return id!;
  }

  async xgroupCreate(stream: string, group: string) {
    try {
      await this.command.xgroup('CREATE', stream, group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
  }

  async xgroups(stream: string): Promise<StreamGroup[] | null> {
    let reply: unknown[];
    try {
      // One command, so every group is seen at the same instant; COUNT 1 keeps each PEL to its oldest entry.
      reply = (await this.command.xinfo('STREAM', stream, 'FULL', 'COUNT', 1)) as unknown[];
    } catch (error) {
      if (String((error as Error).message).includes('no such key')) return null;
      throw error;
    }
    const groups = (pairs(reply).groups ?? []) as unknown[][];
    return groups.map((flat) => {
      const group = pairs(flat);
      const pending = (group.pending ?? []) as [string, ...unknown[]][];
      return { name: String(group.name), lastDeliveredId: String(group['last-delivered-id']), oldestPendingId: pending[0]?.[0] ?? null };
    });
  }

  async xreadgroup(stream: string, group: string, consumer: string, count: number, blockMs: number) {
    const connection = this.blockingConnection(`${stream}|${group}|${consumer}`);
    const reply = (await connection.xreadgroup(
      'GROUP', group, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', stream, '>',
    )) as [string, RawEntries][] | null;
    return toEntries(reply?.[0]?.[1]);
  }

  async xack(stream: string, group: string, ids: string[]) {
    if (ids.length) await this.command.xack(stream, group, ...ids);
  }

  async xautoclaim(stream: string, group: string, consumer: string, minIdleMs: number, count: number) {
    const reply = (await this.command.xautoclaim(stream, group, consumer, minIdleMs, '0-0', 'COUNT', count)) as [
      string,
      RawEntries,
    ];
    return toEntries(reply[1]);
  }

  async xpendingCount(stream: string, group: string) {
    const reply = (await this.command.xpending(stream, group)) as [number, ...unknown[]];
    return Number(reply[0]);
  }

  async xaddUnique(stream: string, entries: readonly UniqueStreamEntry[], ttlSeconds: number, maxLen?: number) {
    checkTtl(ttlSeconds);
    if (entries.length === 0) return [];
    // KEYS: the stream, then each entry's key; ARGV: ttl, maxLen (0: none), then per entry its field count and fields.
    const args: (string | number)[] = [ttlSeconds, maxLen ?? 0];
    for (const { fields } of entries) {
      const flat = Object.entries(fields).flat();
      args.push(flat.length, ...flat);
    }
    const ids = (await this.command.eval(XADD_UNIQUE, entries.length + 1, stream, ...entries.map((e) => e.key), ...args)) as (string | false | null)[];
    return ids.map((id) => (typeof id === 'string' ? id : null));
  }

  async zadd(key: string, members: readonly ZMember[]) {
    if (members.length) await this.command.zadd(key, ...members.flatMap((m) => [scoreArg(m.score), m.member]));
  }

  async zrem(key: string, members: readonly string[]) {
    if (members.length) await this.command.zrem(key, ...members);
  }

  async zcard(key: string) {
    return this.command.zcard(key);
  }

  async zrange(key: string, start: number, stop: number, reverse = false): Promise<ZMember[]> {
    const flat = reverse ? await this.command.zrevrange(key, start, stop, 'WITHSCORES') : await this.command.zrange(key, start, stop, 'WITHSCORES');
    const members: ZMember[] = [];
    for (let i = 0; i < flat.length; i += 2) members.push({ member: flat[i]!, score: scoreOf(flat[i + 1]!) });
    return members;
  }

  async zrank(key: string, member: string, reverse = false) {
    return reverse ? this.command.zrevrank(key, member) : this.command.zrank(key, member);
  }

  async zmscore(key: string, members: readonly string[]) {
    if (!members.length) return [];
    const reply = await this.command.zmscore(key, ...members);
    return reply.map((s) => (s === null ? null : scoreOf(s)));
  }

  async hmget(key: string, fields: readonly string[]) {
    if (!fields.length) return [];
    return this.command.hmget(key, ...fields);
  }

  async hset(key: string, values: Record<string, string>) {
    if (Object.keys(values).length) await this.command.hset(key, values);
  }

  async zsetById(key: string, index: string, entries: readonly ZIdEntry[], options: { reverse?: boolean; passedLimit?: number } = {}): Promise<ZIdOutcome[]> {
    if (!entries.length) return [];
    const args = [options.reverse ? '1' : '0', String(options.passedLimit ?? 0)];
    for (const e of entries) args.push(e.id, String(e.version), e.member, scoreArg(e.score));
    const reply = (await this.command.evalsha(this.zsetByIdSha, 2, key, index, ...args).catch((error: Error) => {
      if (!String(error.message).startsWith('NOSCRIPT')) throw error;
      return this.command.eval(ZSET_BY_ID, 2, key, index, ...args);
    })) as [number, number, number, string[]][];
    const rank = (r: number) => (r < 0 ? null : r);
    return reply.map(([applied, previous, now, passed]) => ({ applied: applied === 1, previousRank: rank(previous), rank: rank(now), passed }));
  }

  async zrankById(key: string, index: string, id: string, reverse = false) {
    const args = [id, reverse ? '1' : '0'];
    const reply = (await this.command.evalsha(this.zrankByIdSha, 2, key, index, ...args).catch((error: Error) => {
      if (!String(error.message).startsWith('NOSCRIPT')) throw error;
      return this.command.eval(ZRANK_BY_ID, 2, key, index, ...args);
    })) as [string, string, number] | null;
    return reply ? { member: reply[0], score: scoreOf(reply[1]), rank: Number(reply[2]) } : null;
  }

  async expire(keys: readonly { key: string; ttlSeconds: number }[]) {
    // Issued in one tick: auto-pipelining sends them in one write.
    await Promise.all(keys.map(({ key, ttlSeconds }) => this.command.expire(key, checkTtl(ttlSeconds))));
  }

  async zrangeAroundById(key: string, index: string, id: string, n: number, reverse = false) {
    const args = [id, String(n), reverse ? '1' : '0'];
    const reply = (await this.command.evalsha(this.zrangeAroundByIdSha, 2, key, index, ...args).catch((error: Error) => {
      if (!String(error.message).startsWith('NOSCRIPT')) throw error;
      return this.command.eval(ZRANGE_AROUND_BY_ID, 2, key, index, ...args);
    })) as [number, number, ...string[]] | null;
    if (!reply) return null;
    const members: ZMember[] = [];
    for (let i = 2; i < reply.length; i += 2) members.push({ member: reply[i] as string, score: scoreOf(reply[i + 1] as string) });
    return { rank: Number(reply[0]), start: Number(reply[1]), members };
  }

  async get(key: string) {
    return this.command.get(key);
  }

  async mget(keys: string[]) {
    if (!keys.length) return [];
    return this.command.mget(...keys);
  }

  async set(key: string, value: string, ttlSeconds: number) {
    await this.command.set(key, value, 'EX', checkTtl(ttlSeconds));
  }

  async del(keys: string[]) {
    if (keys.length) await this.command.del(...keys);
  }

  async close() {
    this.closing = true;
    const all = [this.command, this.subscriber, ...this.blocking.values()].filter((c): c is Redis => !!c);
    // A connection blocked in XREADGROUP would make quit() wait for the block to end.
    await Promise.all(all.map((c) => (c === this.command ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
  }

  private blockingConnection(key: string) {
    let connection = this.blocking.get(key);
    if (!connection) {
      connection = this.command.duplicate();
      this.blocking.set(key, connection);
    }
    return connection;
  }
}
