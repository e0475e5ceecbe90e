import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import { GraphQLError } from 'graphql';
import { BadUserInputError, ErrorCode } from './errors.js';
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
 * A typed live channel: one kind of event a subgraph publishes and its Subscription resolvers
 * listen to, one Redis pub/sub channel per key (a player, a room). Declared once, in the owning
 * subgraph's `contracts/live.ts`; publish through a unit of work (`work.publish`), so nothing
 * goes out before its commit.
 */
export interface LiveChannel<P> {
  readonly subgraph: string;
  readonly name: string;
  /** The Redis channel of one key. */
  channel: (key: string) => string;
  /** Publishes now. Producers use `work.publish` instead, which waits for the commit. */
  publish: (redis: RedisPort, key: string, payload: P) => Promise<void>;
  /** Live only: what is published from now on (see `subscribeLive`). */
  subscribe: (redis: RedisPort, key: string, bufferSize?: number) => AsyncIterableIterator<P>;
}

export function defineLiveChannel<P>(subgraph: string, name: string): LiveChannel<P> {
  const channel = (key: string) => liveChannel(subgraph, name, key);
  return {
    subgraph,
    name,
    channel,
    publish: (redis, key, payload) => publishLive(redis, channel(key), payload),
    subscribe: (redis, key, bufferSize) => subscribeLive<P>(redis, channel(key), bufferSize),
  };
}

/**
 * How a live stream that may have missed events ends: never silently short. A GraphQLError, so its
 * code reaches the gateway through graphql-ws's `error` message (which keeps `extensions`).
 */
export function subscriptionInterrupted(resumable: boolean): GraphQLError {
  const how = resumable
    ? 'subscribe again, passing the cursor of the last event you received'
    : 'subscribe again, and read what changed meanwhile from its query';
  return new GraphQLError(`The live stream was interrupted and events may have been missed: ${how}.`, {
    extensions: { code: ErrorCode.SUBSCRIPTION_INTERRUPTED },
  });
}

/**
 * The events of one channel as an async iterator for a Subscription resolver. It buffers at most
 * `bufferSize` events, dropping the oldest, so a stalled upstream cannot grow the subgraph's memory.
 * When listening is interrupted (Redis restarted, the connection dropped) it ends, after what it
 * received, with SUBSCRIPTION_INTERRUPTED: there is nothing stored to fill the gap from.
 */
export function subscribeLive<T>(redis: RedisPort, channel: string, bufferSize = 1_000): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const unsubscribe = await redis.subscribe(
      channel,
      (message) => {
        void push(parseLive<T>(message));
      },
      { onInterrupted: () => stop(subscriptionInterrupted(false)) },
    );
    await stop;
    await unsubscribe();
  }, new SlidingBuffer(bufferSize));
}

/** Positions remembered to recognise an event already sent (a late or repeated publish). */
const SEEN_POSITIONS = 10_000;

/**
 * A resumable stream: what was stored after the client's cursor, then live events, with no gap
 * and no duplicate at the seam. It listens before it reads storage, so an event committed while
 * the replay runs is buffered, and it drops live events at or before the cursor or already sent.
 * `position` orders events (a monotonically increasing sequence from storage).
 *
 * When listening is interrupted (Redis restarted, the connection dropped), events published
 * meanwhile never arrive: once it listens again it reads them from storage (`replayAfter`, after
 * the newest position it sent), then goes on live, the same way. Without `replayAfter`, with
 * nothing sent yet and no cursor, or when more were missed than `replayAfter` returns, it ends
 * with SUBSCRIPTION_INTERRUPTED instead.
 *
 * Producers publish after their commit, so two commits on one channel may publish in either
 * order. With `previous` (the position stored just before an event on its channel), a live event
 * whose predecessor was not sent yet is held while the missing ones are read from storage
 * (`replayAfter`), and everything goes out in position order, each event once.
 */
export function replayThenLive<T>(options: {
  redis: RedisPort;
  channel: string;
  /** Stored events strictly after the cursor, oldest first. */
  replay: () => Promise<T[]>;
  position: (event: T) => bigint;
  /** The client's cursor: nothing at or before it is sent. */
  after?: bigint | null;
  /** Stored events strictly after a position, oldest first; null when there are too many to send. */
  replayAfter?: (position: bigint) => Promise<T[] | null>;
  /**
   * The position stored just before this event on the channel (null for the first). Given, live
   * events are sent in position order with none skipped: a gap is filled from `replayAfter`.
   */
  previous?: (event: T) => bigint | null;
  bufferSize?: number;
}): AsyncIterableIterator<T> {
  const { position, previous } = options;
  const floor = options.after ?? null;
  return new Repeater<T>(async (push, stop) => {
    const early: T[] = [];
    const seen = new Set<bigint>();
    /** Events that already made the stream read storage once (a predecessor that never comes). */
    const gapFilled = new WeakSet<object>();
    let newest: bigint | null = floor;
    /** Catch-ups (the first replay, then one per interruption or gap) not finished: live events wait. */
    let behind = 1;
    let catchingUp: Promise<void> = Promise.resolve();
    const send = (event: T): Promise<unknown> | undefined => {
      const at = position(event);
      // In order (previous given), anything at or before the newest sent is old news.
      const old = previous ? newest !== null && at <= newest : floor !== null && at <= floor;
      if (old || seen.has(at)) return undefined;
      seen.add(at);
      if (seen.size > SEEN_POSITIONS) seen.delete(seen.values().next().value!);
      if (newest === null || at > newest) newest = at;
      return push(event);
    };
    /** Reads what was stored after the newest sent, then sends it and whatever waited meanwhile. */
    const fillFromStorage = (resumed: Promise<void> | undefined) => {
      behind++;
      catchingUp = catchingUp
        .then(async () => {
          await resumed;
          const from = newest;
          const missed = from === null || !options.replayAfter ? null : await options.replayAfter(from);
          if (missed === null) throw subscriptionInterrupted(floor !== null || from !== null);
          await catchUp(missed);
        })
        .catch((error: unknown) => void stop(error));
    };
    const onLive = (event: T) => {
      if (behind > 0) {
        early.push(event);
        return;
      }
      const before = previous?.(event) ?? null;
      if (before !== null && newest !== null && before > newest && !gapFilled.has(event as object)) {
        // Its predecessor committed first but was not received yet (or never will be: its publish
        // failed): storage has it.
        gapFilled.add(event as object);
        early.push(event);
        fillFromStorage(undefined);
        return;
      }
      void send(event);
    };
    const catchUp = async (events: T[]) => {
      for (const event of events) await send(event);
      if (--behind > 0) return;
      const waiting = early.splice(0);
      if (previous) waiting.sort((a, b) => (position(a) < position(b) ? -1 : 1));
      for (const event of waiting) onLive(event);
    };
    const unsubscribe = await options.redis.subscribe(
      options.channel,
      (message) => onLive(parseLive<T>(message)),
      {
        onInterrupted: (resumed) => fillFromStorage(resumed),
      },
    );
    try {
      catchingUp = catchingUp.then(async () => catchUp(await options.replay()));
      await catchingUp;
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
  /** See replayThenLive: live events in position order, a gap filled from storage. */
  previous?: (event: T) => bigint | null;
}): Promise<AsyncIterableIterator<T>> {
  const { redis, channel, after, storedAfter, maxReplay } = options;
  if (after != null && (await storedAfter(after, maxReplay + 1)).length > maxReplay) throw new BadUserInputError(options.tooFar, 'after');
  return replayThenLive<T>({
    redis,
    channel,
    replay: async () => (after == null ? [] : storedAfter(after, maxReplay)),
    position: options.position,
    previous: options.previous,
    after,
    // A gap in listening is filled from storage like a resume, within the same bound.
    replayAfter: async (position) => {
      const missed = await storedAfter(position, maxReplay + 1);
      return missed.length > maxReplay ? null : missed;
    },
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
    return JSON.stringify(payload, (_key, value: unknown) => (typeof value === 'bigint' ? { $bigint: value.toString() } : value));
  }
}

/** The inverse of stringifyLive (the reviver only when the text holds a bigint). */
export function parseLive<T>(message: string): T {
  return (message.includes('"$bigint"') ? JSON.parse(message, reviveBigInt) : JSON.parse(message)) as T;
}

function reviveBigInt(_key: string, value: unknown) {
  return value && typeof value === 'object' && '$bigint' in value ? BigInt((value as { $bigint: string }).$bigint) : value;
}
