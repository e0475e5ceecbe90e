/** One entry of a stream: its id (`<ms>-<seq>`) and its field map. */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

export type Unsubscribe = () => Promise<void>;

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
  /** Listens to a channel until the returned function is called. */
  subscribe(channel: string, listener: (message: string) => void): Promise<Unsubscribe>;

  /** Appends to a stream (created if missing), trimming it to about maxLen entries. */
  xadd(stream: string, fields: Record<string, string>, maxLen?: number): Promise<string>;
  /** Creates a consumer group reading from the start of the stream; a no-op if it exists. */
  xgroupCreate(stream: string, group: string): Promise<void>;
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

  /** The string stored at the key, or null when it is missing or expired. */
  get(key: string): Promise<string | null>;
  /** The values of the keys, in the same order, null for each missing one. */
  mget(keys: string[]): Promise<(string | null)[]>;
  /**
   * Stores a value that expires after ttlSeconds (a positive integer): caches must not live
   * forever, so there is no way to set a key without an expiry.
   */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Deletes the keys; missing ones are ignored. */
  del(keys: string[]): Promise<void>;

  close(): Promise<void>;
}
