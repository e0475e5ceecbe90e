/** One entry of a stream: its id (`<ms>-<seq>`) and its field map. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

export type Unsubscribe = () => Promise<void>;

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

  /** The string stored at the key, or null when it is missing or expired. */
  get(key: string): Promise<string | null>;
  /** The values of the keys, in the same order, null for each missing one. */
  mget(keys: string[]): Promise<(string | null)[]>;
  /**
   * Stores a value that expires after ttlSeconds (a positive integer): caches must not live
   * forever, so there is no way to set a key without an expiry.
   */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Deletes the keys (values and streams, with their groups); missing ones are ignored. */
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
