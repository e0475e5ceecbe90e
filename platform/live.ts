import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import { BadUserInputError } from './errors.js';
import type { RedisPort } from './redis/index.js';

/**
 * Live events a subgraph's Subscription resolvers listen to. Producers publish after their change
 * commits; every replica of the subgraph receives every event through Redis pub/sub, so whichever
 * replica a gateway's upstream subscription landed on sees it.
 */
export const liveChannel = (subgraph: string, stream: string, key: string) => `live:${subgraph}:${stream}:${key}`;

export async function publishLive(redis: RedisPort, channel: string, payload: unknown): Promise<void> {
  await redis.publish(channel, stringifyLive(payload));
}

/**
 * The events of one channel as an async iterator for a Subscription resolver. It buffers at most
 * `bufferSize` events, dropping the oldest, so a stalled upstream cannot grow the subgraph's memory.
 */
export function subscribeLive<T>(redis: RedisPort, channel: string, bufferSize = 1_000): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const unsubscribe = await redis.subscribe(channel, (message) => {
      void push(parseLive<T>(message));
    });
    await stop;
    await unsubscribe();
  }, new SlidingBuffer(bufferSize));
}

/**
 * A resumable stream: what was stored after the client's cursor, then live events, with no gap
 * and no duplicate at the seam. It listens before it reads storage, so an event committed while
 * the replay runs is buffered, and it drops live events at or before the last replayed position.
 * `position` orders events (a monotonically increasing sequence from storage).
 */
export function replayThenLive<T>(options: {
  redis: RedisPort;
  channel: string;
  /** Stored events strictly after `after`, oldest first. */
  replay: () => Promise<T[]>;
  position: (event: T) => bigint;
  bufferSize?: number;
}): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const early: T[] = [];
    let last: bigint | null = null;
    let replaying = true;
    const unsubscribe = await options.redis.subscribe(options.channel, (message) => {
      const event = parseLive<T>(message);
      if (replaying) early.push(event);
      else if (last === null || options.position(event) > last) {
        last = options.position(event);
        void push(event);
      }
    });
    try {
      for (const event of await options.replay()) {
        last = options.position(event);
        await push(event);
      }
      for (const event of early) {
        if (last === null || options.position(event) > last) {
          last = options.position(event);
          await push(event);
        }
      }
      replaying = false;
      early.length = 0;
      await stop;
    } finally {
      await unsubscribe();
    }
  }, new SlidingBuffer(options.bufferSize ?? 1_000));
}

/**
 * A stream a client can resume: live only without a cursor; with `after`, what was stored after
 * that position (at most `maxReplay` events), then live, through `replayThenLive`. A gap longer
 * than `maxReplay` is refused (BAD_USER_INPUT on `after`, with `tooFar` as the message) rather than
 * replayed in part: the client pages the history first, then resumes from its newest cursor.
 */
export async function resumableStream<T>(options: {
  redis: RedisPort;
  channel: string;
  after: bigint | null;
  /** Stored events strictly after the position, oldest first, at most `limit`. */
  storedAfter: (after: bigint, limit: number) => Promise<T[]>;
  position: (event: T) => bigint;
  maxReplay: number;
  tooFar: string;
}): Promise<AsyncIterableIterator<T>> {
  const { redis, channel, after, storedAfter, maxReplay } = options;
  if (after == null) return subscribeLive<T>(redis, channel);
  if ((await storedAfter(after, maxReplay + 1)).length > maxReplay) throw new BadUserInputError(options.tooFar, 'after');
  return replayThenLive<T>({
    redis,
    channel,
    replay: () => storedAfter(after, maxReplay),
    position: options.position,
    // Room for the whole replay plus live events arriving meanwhile: the buffer drops the oldest.
    bufferSize: 2 * maxReplay,
  });
}

/**
 * JSON for live payloads, some of which carry bigint positions ({ $bigint: "…" }). Most carry
 * none: JSON.stringify without a replacer is several times faster and throws on a bigint, which is
 * when the replacer runs.
 */
export function stringifyLive(payload: unknown): string {
  try {
    return JSON.stringify(payload);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(payload, (_key, value) => (typeof value === 'bigint' ? { $bigint: value.toString() } : value));
  }
}

/** The inverse of stringifyLive (the reviver only when the text holds a bigint). */
export function parseLive<T>(message: string): T {
  return (message.includes('"$bigint"') ? JSON.parse(message, reviveBigInt) : JSON.parse(message)) as T;
}

function reviveBigInt(_key: string, value: unknown) {
  return value && typeof value === 'object' && '$bigint' in value ? BigInt((value as { $bigint: string }).$bigint) : value;
}
