import SortedSet from 'tlhunter-sorted-set';
import { compareStreamIds, type RedisPort, type StreamEntry, type StreamGroup, type SubscribeOptions, type UniqueStreamEntry, type Unsubscribe, type ZIdEntry, type ZIdOutcome, type ZMember } from './types.js';

interface Pending {
  consumer: string;
  deliveredAt: number;
}

interface Listener {
  message: (message: string) => void;
  options?: SubscribeOptions;
}

interface Group {
  /** Index into the stream's entries of the next never-delivered entry. */
  next: number;
  /** The newest entry delivered (kept when trimming drops it). */
  lastDeliveredId?: string;
  pending: Map<string, Pending>;
}

interface Stream {
  entries: StreamEntry[];
  groups: Map<string, Group>;
  lastMs: number;
  lastSeq: number;
  waiters: Set<() => void>;
}

/**
 * RedisPort inside one process, for the embedded default. Same semantics as Redis for what
 * the platform uses (the contract test proves it); nothing is shared with other processes.
 */
export class MemoryRedisPort implements RedisPort {
  readonly kind = 'memory' as const;
  private readonly channels = new Map<string, Set<Listener>>();
  private readonly streams = new Map<string, Stream>();
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  /** Skip lists, as Redis keeps them: average O(log n) rank and range by rank. */
  private readonly zsets = new Map<string, SortedSet>();
  private readonly hashes = new Map<string, Map<string, string>>();
  /** Expiry times of sorted sets and hashes (values keep theirs beside them), checked lazily as Redis does on access. */
  private readonly deadlines = new Map<string, number>();
  private closed = false;

  constructor(private readonly now: () => number = Date.now) {}

  async ping() {
    if (this.closed) throw new Error('closed');
  }

  async publish(channel: string, message: string) {
    const listeners = [...(this.channels.get(channel) ?? [])];
    // Redis delivers asynchronously; so do we, so no caller depends on re-entrancy.
    if (listeners.length) queueMicrotask(() => listeners.forEach((l) => l.message(message)));
  }

  async numsub(channel: string) {
    return this.channels.has(channel) ? 1 : 0; // one process, so at most one "connection"
  }

  async subscribe(channel: string, message: (message: string) => void, options?: SubscribeOptions): Promise<Unsubscribe> {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    const listener = { message, options };
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0) this.channels.delete(channel);
    };
  }

  async xadd(stream: string, fields: Record<string, string>, maxLen?: number) {
    return this.appendNow(stream, fields, maxLen);
  }

  private appendNow(stream: string, fields: Record<string, string>, maxLen?: number) {
    const s = this.stream(stream);
    const ms = Math.max(this.now(), s.lastMs);
    s.lastSeq = ms === s.lastMs ? s.lastSeq + 1 : 0;
    s.lastMs = ms;
    const id = `${ms}-${s.lastSeq}`;
    s.entries.push({ id, fields: { ...fields } });
    if (maxLen && s.entries.length > maxLen) this.trim(s, s.entries.length - maxLen);
    for (const wake of [...s.waiters]) wake();
    return id;
  }

  async xgroupCreate(stream: string, group: string) {
    const s = this.stream(stream);
    if (!s.groups.has(group)) s.groups.set(group, { next: 0, pending: new Map() });
  }

  async xgroups(stream: string): Promise<StreamGroup[] | null> {
    const s = this.streams.get(stream);
    if (!s) return null;
    return [...s.groups].map(([name, g]) => {
      let oldestPendingId: string | null = null;
      for (const id of g.pending.keys()) if (oldestPendingId === null || compareStreamIds(id, oldestPendingId) < 0) oldestPendingId = id;
      return { name, lastDeliveredId: g.lastDeliveredId ?? '0-0', oldestPendingId };
    });
  }

  async xreadgroup(stream: string, group: string, consumer: string, count: number, blockMs: number) {
    const s = this.streams.get(stream);
    const g = s?.groups.get(group);
    if (!s || !g) throw noGroup(stream, group);
    if (g.next >= s.entries.length && blockMs > 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          s.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, blockMs);
        s.waiters.add(wake);
      });
      // Deleted while waiting (DEL, a restart without data): the group went with it.
      if (this.streams.get(stream) !== s) throw noGroup(stream, group);
    }
    const batch = s.entries.slice(g.next, g.next + count);
    g.next += batch.length;
    if (batch.length) g.lastDeliveredId = batch.at(-1)!.id;
    const at = this.now();
    for (const entry of batch) g.pending.set(entry.id, { consumer, deliveredAt: at });
    return batch.map(copy);
  }

  async xack(stream: string, group: string, ids: string[]) {
    const g = this.streams.get(stream)?.groups.get(group);
    for (const id of ids) g?.pending.delete(id);
  }

  async xautoclaim(stream: string, group: string, consumer: string, minIdleMs: number, count: number) {
    const s = this.streams.get(stream);
    const g = s?.groups.get(group);
    if (!s || !g) throw noGroup(stream, group);
    const at = this.now();
    const claimed: StreamEntry[] = [];
    for (const [id, p] of g.pending) {
      if (claimed.length >= count) break;
      if (at - p.deliveredAt < minIdleMs) continue;
      const entry = s.entries.find((e) => e.id === id);
      if (!entry) {
        g.pending.delete(id); // trimmed away, as Redis 7 does
        continue;
      }
      g.pending.set(id, { consumer, deliveredAt: at });
      claimed.push(copy(entry));
    }
    return claimed;
  }

  async xpendingCount(stream: string, group: string) {
    return this.streams.get(stream)?.groups.get(group)?.pending.size ?? 0;
  }

  async xaddUnique(stream: string, entries: readonly UniqueStreamEntry[], ttlSeconds: number, maxLen?: number) {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
    }
    const ids: (string | null)[] = [];
    // No await between the checks and the appends: one step, as the script is on Redis.
    for (const { key, fields } of entries) {
      const existing = this.values.get(key);
      if (existing && existing.expiresAt > this.now()) {
        ids.push(null);
        continue;
      }
      this.values.set(key, { value: '1', expiresAt: this.now() + ttlSeconds * 1000 });
      ids.push(this.appendNow(stream, fields, maxLen));
    }
    return ids;
  }

  async zadd(key: string, members: readonly ZMember[]) {
    if (members.length === 0) return;
    const set = this.zset(key, true)!;
    for (const { member, score } of members) set.add(member, checkScore(score));
  }

  async zrem(key: string, members: readonly string[]) {
    const set = this.live(key).zsets.get(key);
    if (!set) return;
    for (const member of members) set.rem(member);
    if (set.card() === 0) this.forgetEmpty(key);
  }

  async zcard(key: string) {
    return this.live(key).zsets.get(key)?.card() ?? 0;
  }

  async zrange(key: string, start: number, stop: number, reverse = false): Promise<ZMember[]> {
    const set = this.live(key).zsets.get(key);
    if (!set) return [];
    return rangeOf(set, start, stop, reverse);
  }

  async zrank(key: string, member: string, reverse = false) {
    const set = this.live(key).zsets.get(key);
    return set ? rankOf(set, member, reverse) : null;
  }

  async zmscore(key: string, members: readonly string[]) {
    const set = this.live(key).zsets.get(key);
    return members.map((m) => set?.get(m) ?? null);
  }

  async hmget(key: string, fields: readonly string[]) {
    const hash = this.live(key).hashes.get(key);
    return fields.map((f) => hash?.get(f) ?? null);
  }

  async hset(key: string, values: Record<string, string>) {
    let hash = this.live(key).hashes.get(key);
    if (!hash) this.hashes.set(key, (hash = new Map<string, string>()));
    for (const [field, value] of Object.entries(values)) hash.set(field, value);
  }

  async zsetById(key: string, index: string, entries: readonly ZIdEntry[], options: { reverse?: boolean; passedLimit?: number } = {}): Promise<ZIdOutcome[]> {
    const { reverse = false, passedLimit = 0 } = options;
    for (const e of entries) checkScore(e.score);
    // No await from here on: one step, as the script is on Redis.
    let hash = this.live(index).hashes.get(index);
    if (!hash) this.hashes.set(index, (hash = new Map<string, string>()));
    const set = this.zset(key, true)!;
    const outcomes = entries.map(({ id, version, member, score }): ZIdOutcome => {
      const stored = parseIndexed(hash.get(id));
      const previousRank = stored ? rankOf(set, stored.member, reverse) : null;
      if (stored && stored.version >= version) return { applied: false, previousRank, rank: previousRank, passed: [] };
      if (stored) set.rem(stored.member);
      set.add(member, score);
      hash.set(id, `${version}|${member}`);
      const rank = rankOf(set, member, reverse)!;
      const behind = previousRank === null ? passedLimit : Math.min(passedLimit, previousRank - rank);
      const passed = behind > 0 ? rangeOf(set, rank + 1, rank + behind, reverse).map((m) => m.member) : [];
      return { applied: true, previousRank, rank, passed };
    });
    if (set.card() === 0) this.forgetEmpty(key);
    return outcomes;
  }

  async zrankById(key: string, index: string, id: string, reverse = false) {
    const stored = parseIndexed(this.live(index).hashes.get(index)?.get(id));
    const set = this.live(key).zsets.get(key);
    if (!stored || !set) return null;
    const rank = rankOf(set, stored.member, reverse);
    const score = set.get(stored.member);
    return rank === null || score === null ? null : { member: stored.member, score, rank };
  }

  async zrangeAroundById(key: string, index: string, id: string, n: number, reverse = false) {
    const found = await this.zrankById(key, index, id, reverse);
    if (!found) return null;
    const start = Math.max(0, found.rank - n);
    return { rank: found.rank, start, members: rangeOf(this.zsets.get(key)!, start, found.rank + n, reverse) };
  }

  async expire(keys: readonly { key: string; ttlSeconds: number }[]) {
    for (const { ttlSeconds } of keys) {
      if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
    }
    for (const { key, ttlSeconds } of keys) {
      const at = this.now() + ttlSeconds * 1000;
      this.live(key);
      if (this.zsets.has(key) || this.hashes.has(key)) this.deadlines.set(key, at);
      const value = this.values.get(key);
      if (value) value.expiresAt = at;
    }
  }

  /** An emptied sorted set is deleted, and its expiry with it (a key made again later has none). */
  private forgetEmpty(key: string) {
    this.zsets.delete(key);
    if (!this.hashes.has(key)) this.deadlines.delete(key);
  }

  /** Drops the key's sorted set and hash once their expiry passed; returns this for chaining. */
  private live(key: string): this {
    const deadline = this.deadlines.get(key);
    if (deadline !== undefined && deadline <= this.now()) {
      this.deadlines.delete(key);
      this.zsets.delete(key);
      this.hashes.delete(key);
    }
    return this;
  }

  async get(key: string) {
    const entry = this.values.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.values.delete(key); // lazy expiry
      return null;
    }
    return entry.value;
  }

  async mget(keys: string[]) {
    return Promise.all(keys.map((k) => this.get(k)));
  }

  async set(key: string, value: string, ttlSeconds: number) {
    if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
      throw new RangeError(`ttlSeconds must be a positive integer, got ${ttlSeconds}`);
    }
    this.values.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }

  async del(keys: string[]) {
    for (const key of keys) {
      this.deadlines.delete(key);
      this.values.delete(key);
      this.zsets.delete(key);
      this.hashes.delete(key);
      const s = this.streams.get(key);
      this.streams.delete(key);
      for (const wake of [...(s?.waiters ?? [])]) wake();
    }
  }

  /**
   * For tests: what a Redis restarting without its data does to its clients. Every stream (with its
   * groups) and value is gone, and every subscriber is told its listening was interrupted.
   */
  restartEmpty(): void {
    this.deadlines.clear();
    this.values.clear();
    this.zsets.clear();
    this.hashes.clear();
    void this.del([...this.streams.keys()]); // the twin's del is synchronous inside: done on return
    for (const set of this.channels.values()) for (const l of set) l.options?.onInterrupted?.(Promise.resolve());
  }

  async close() {
    this.closed = true;
    this.deadlines.clear();
    this.values.clear();
    this.zsets.clear();
    this.hashes.clear();
    for (const s of this.streams.values()) for (const wake of [...s.waiters]) wake();
    this.channels.clear();
  }

  private zset(key: string, create: boolean): SortedSet | undefined {
    let set = this.live(key).zsets.get(key);
    if (!set && create) this.zsets.set(key, (set = new SortedSet()));
    return set;
  }

  private stream(name: string): Stream {
    let s = this.streams.get(name);
    if (!s) {
      s = { entries: [], groups: new Map(), lastMs: 0, lastSeq: 0, waiters: new Set() };
      this.streams.set(name, s);
    }
    return s;
  }

  private trim(s: Stream, drop: number) {
    s.entries.splice(0, drop);
    for (const g of s.groups.values()) g.next = Math.max(0, g.next - drop);
  }
}

/** Redis refuses NaN scores; so does the twin. */
function checkScore(score: number) {
  if (Number.isNaN(score)) throw new RangeError('ERR score is not a valid float');
  return score;
}

function rankOf(set: SortedSet, member: string, reverse: boolean): number | null {
  const rank = set.rank(member);
  return rank === null ? null : reverse ? set.card() - 1 - rank : rank;
}

/** ZRANGE start stop [REV] WITHSCORES. */
function rangeOf(set: SortedSet, start: number, stop: number, reverse: boolean): ZMember[] {
  const n = set.card();
  const from = start < 0 ? Math.max(n + start, 0) : start;
  const to = Math.min(stop < 0 ? n + stop : stop, n - 1);
  if (from > to || from >= n) return [];
  const rows = reverse ? set.range(n - 1 - to, n - 1 - from, { withScores: true }).reverse() : set.range(from, to, { withScores: true });
  return rows.map(([member, score]) => ({ member, score }));
}

/** An index entry `<version>|<member>`. */
function parseIndexed(value: string | undefined | null): { version: number; member: string } | null {
  if (!value) return null;
  const bar = value.indexOf('|');
  return { version: Number(value.slice(0, bar)), member: value.slice(bar + 1) };
}

const noGroup = (stream: string, group: string) => new Error(`NOGROUP No such key '${stream}' or consumer group '${group}'`);

const copy = (e: StreamEntry): StreamEntry => ({ id: e.id, fields: { ...e.fields } });
