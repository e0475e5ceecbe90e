/** One entry of a stream: its id (`<ms>-<seq>`) and its field map. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

export type Unsubscribe = () => Promise<void>;

/** A member of a sorted set and its score. */
export interface ZMember {
  member: string;
  score: number;
}

/**
 * One entry of `zsetById`: the thing `id` (a player, say) is now `member` with `score`, as of
 * `version` (a number that grows with every change of that id).
 */
export interface ZIdEntry {
  id: string;
  version: number;
  member: string;
  score: number;
}

/** What `zsetById` did for one entry. */
export interface ZIdOutcome {
  /** False when the index already held this id at the same or a newer version: nothing changed. */
  applied: boolean;
  /** The id's rank (0 = first in the order asked for) before the call, null when it had none. */
  previousRank: number | null;
  /** Its rank after this entry, null when not applied and absent. */
  rank: number | null;
  /**
   * The members the entry moved ahead of (those now just behind it that were ahead of it, or all
   * behind it for an id that had no rank), nearest first, at most `passedLimit`.
   */
  passed: string[];
}

/** An entry for `xaddUnique`: appended only if `key` is not set. */
export interface UniqueStreamEntry {
  key: string;
  fields: Record<string, string>;
}

/** A consumer group as the stream reports it: how far it has read and what it has not acknowledged. */
export interface StreamGroup {
  name: string;
  /** The newest entry delivered to the group (`0-0` before its first read). */
  lastDeliveredId: string;
  /** The oldest entry delivered to the group and not yet acknowledged, or null when none is pending. */
  oldestPendingId: string | null;
}

export interface SubscribeOptions {
  /**
   * The connection listening to the channel was lost (Redis restarted, the network dropped):
   * messages published from now until `resumed` settles are not received. Called once per outage,
   * before any message received after it; `resumed` resolves once the channel is listened to again.
   */
  onInterrupted?: (resumed: Promise<void>) => void;
}

/**
 * What the platform needs from Redis. Two implementations keep the same contract
 * (redis.contract.test.ts runs against both): ioredis for real deployments, and an in-process
 * one for the embedded default, where everything runs in one process.
 */
export interface RedisPort {
  readonly kind: 'redis' | 'memory';
  ping(): Promise<void>;

  /** Fire-and-forget fan-out to every subscriber of the channel, on every replica. */
  publish(channel: string, message: string): Promise<void>;
  /** How many connections (on every replica) listen to the channel. */
  numsub(channel: string): Promise<number>;
  /** Listens to a channel until the returned function is called; resolves once it listens. */
  subscribe(channel: string, listener: (message: string) => void, options?: SubscribeOptions): Promise<Unsubscribe>;

  /** Appends to a stream (created if missing), trimming it to about maxLen entries. */
  xadd(stream: string, fields: Record<string, string>, maxLen?: number): Promise<string>;
  /**
   * Creates a consumer group reading from the start of the stream, and the stream if it is missing
   * (MKSTREAM); a no-op if the group exists. Reading a group that does not exist (Redis lost its
   * data) fails with an error whose message starts with NOGROUP (`isNoGroupError`).
   */
  xgroupCreate(stream: string, group: string): Promise<void>;
  /** The stream's consumer groups, read in one step; null when the stream does not exist. */
  xgroups(stream: string): Promise<StreamGroup[] | null>;
  /**
   * Reads up to `count` entries never delivered to the group, waiting up to `blockMs` for one.
   * Delivered entries stay pending for that consumer until acknowledged.
   */
  xreadgroup(stream: string, group: string, consumer: string, count: number, blockMs: number): Promise<StreamEntry[]>;
  xack(stream: string, group: string, ids: string[]): Promise<void>;
  /** Takes over entries pending longer than minIdleMs (their consumer died) and returns them. */
  xautoclaim(stream: string, group: string, consumer: string, minIdleMs: number, count: number): Promise<StreamEntry[]>;
  /** Number of entries delivered to the group and not yet acknowledged. */
  xpendingCount(stream: string, group: string): Promise<number>;
  /**
   * Appends each entry whose `key` does not exist yet and sets that key (expiring after ttlSeconds,
   * a positive integer) in the same step: an entry sent again while its key lives is not appended.
   * The whole call is one atomic step (one script on Redis). Returns each entry's stream id, or null
   * for an entry whose key existed (or came earlier in the same call).
   */
  xaddUnique(stream: string, entries: readonly UniqueStreamEntry[], ttlSeconds: number, maxLen?: number): Promise<(string | null)[]>;

  /** Adds members to a sorted set, or moves existing ones to their new score. */
  zadd(key: string, members: readonly ZMember[]): Promise<void>;
  /** Removes members from a sorted set; missing ones are ignored (an emptied set is deleted). */
  zrem(key: string, members: readonly string[]): Promise<void>;
  /** How many members the sorted set holds (0 when missing). */
  zcard(key: string): Promise<number>;
  /**
   * The members from rank `start` to rank `stop` inclusive (negative ranks count from the end), with
   * their scores: lowest score first, equal scores by member (byte order), or the reverse of that order
   * when `reverse` (ZRANGE … REV). Average O(log n + m).
   */
  zrange(key: string, start: number, stop: number, reverse?: boolean): Promise<ZMember[]>;
  /** The member's rank (0 first) in that order, null when absent. Average O(log n). */
  zrank(key: string, member: string, reverse?: boolean): Promise<number | null>;
  /** The members' scores, in the same order, null for each absent one. */
  zmscore(key: string, members: readonly string[]): Promise<(number | null)[]>;
  /** The values of a hash's fields, in the same order, null for each missing one. */
  hmget(key: string, fields: readonly string[]): Promise<(string | null)[]>;
  /** Sets fields of a hash (created if missing; it does not expire). */
  hset(key: string, values: Record<string, string>): Promise<void>;
  /**
   * A sorted set whose members belong to ids, kept with an index hash (`index`: id → `<version>|<member>`)
   * so each id holds at most one member. For each entry, in one atomic step (one script on Redis):
   * unless the index holds the id at the same or a newer version, its previous member is removed, the
   * new one added with its score and the index updated. Entries that arrive out of order, or twice,
   * leave the newest version in place. Ranks and `passed` are in the order `reverse` names.
   */
  zsetById(key: string, index: string, entries: readonly ZIdEntry[], options?: { reverse?: boolean; passedLimit?: number }): Promise<ZIdOutcome[]>;
  /** An id's member in a `zsetById` set, with its score and rank in the order `reverse` names, in one step; null when absent. */
  zrankById(key: string, index: string, id: string, reverse?: boolean): Promise<(ZMember & { rank: number }) | null>;
  /**
   * An id's rank in a `zsetById` set and the members from `n` ranks above it to `n` below it (fewer at
   * either end), with their scores, in the order `reverse` names, in one step; null when absent.
   */
  zrangeAroundById(key: string, index: string, id: string, n: number, reverse?: boolean): Promise<{ rank: number; start: number; members: ZMember[] } | null>;

  /**
   * Makes keys of any kind (sorted sets, hashes, values) expire after ttlSeconds (a positive integer)
   * from now, replacing any expiry they had; missing keys are ignored. Later writes to a key keep its
   * expiry (as HSET and ZADD do on Redis).
   */
  expire(keys: readonly { key: string; ttlSeconds: number }[]): Promise<void>;

  /** The string stored at the key, or null when it is missing or expired. */
  get(key: string): Promise<string | null>;
  /** The values of the keys, in the same order, null for each missing one. */
  mget(keys: string[]): Promise<(string | null)[]>;
  /**
   * Stores a value that expires after ttlSeconds (a positive integer): caches must not live
   * forever, so there is no way to set a key without an expiry.
   */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Deletes the keys (values, streams with their groups, sorted sets, hashes); missing ones are ignored. */
  del(keys: string[]): Promise<void>;

  close(): Promise<void>;
}

/**
 * The error Redis answers for a consumer group (or its stream) that does not exist, or to a read
 * blocked on a stream that was deleted meanwhile.
 */
export const isNoGroupError = (error: unknown): boolean =>
  /^(NOGROUP|UNBLOCKED the stream key no longer exists)/.test(String((error as Error | undefined)?.message ?? error));

/** Orders two stream entry ids (`<ms>-<seq>`): negative, zero or positive. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split('-').map(BigInt);
  const [bm = 0n, bs = 0n] = b.split('-').map(BigInt);
  return am === bm ? Number(as - bs === 0n ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}
