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
  bufferSize?: number;
}): AsyncIterableIterator<T> {
  const { position } = options;
  const floor = options.after ?? null;
  return new Repeater<T>(async (push, stop) => {
    const early: T[] = [];
    const seen = new Set<bigint>();
    let newest: bigint | null = floor;
    /** Catch-ups (the first replay, then one per interruption) not finished: live events wait. */
    let behind = 1;
    let catchingUp: Promise<void> = Promise.resolve();
    const send = (event: T): Promise<unknown> | undefined => {
      const at = position(event);
      if ((floor !== null && at <= floor) || seen.has(at)) return undefined;
      seen.add(at);
      if (seen.size > SEEN_POSITIONS) seen.delete(seen.values().next().value!);
      if (newest === null || at > newest) newest = at;
      return push(event);
    };
    const catchUp = async (events: T[]) => {
      for (const event of events) await send(event);
      if (--behind > 0) return;
      for (const event of early.splice(0)) await send(event);
    };
    const unsubscribe = await options.redis.subscribe(
      options.channel,
      (message) => {
        const event = parseLive<T>(message);
        if (behind > 0) early.push(event);
        else void send(event);
      },
      {
        onInterrupted: (resumed) => {
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
        },
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
}): Promise<AsyncIterableIterator<T>> {
  const { redis, channel, after, storedAfter, maxReplay } = options;
  if (after != null && (await storedAfter(after, maxReplay + 1)).length > maxReplay) throw new BadUserInputError(options.tooFar, 'after');
  return replayThenLive<T>({
    redis,
    channel,
    replay: async () => (after == null ? [] : storedAfter(after, maxReplay)),
    position: options.position,
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
