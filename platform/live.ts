import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import type { RedisPort } from './redis/index.js';

/**
 * Live events a subgraph's Subscription resolvers listen to. Producers publish after their change
 * commits; every replica of the subgraph receives every event through Redis pub/sub, so whichever
 * replica a gateway's upstream subscription landed on sees it.
 */
export const liveChannel = (subgraph: string, stream: string, key: string) => `live:${subgraph}:${stream}:${key}`;

export async function publishLive(redis: RedisPort, channel: string, payload: unknown): Promise<void> {
  await redis.publish(channel, JSON.stringify(payload));
}

/**
 * The events of one channel as an async iterator for a Subscription resolver. It buffers at most
 * `bufferSize` events, dropping the oldest, so a stalled upstream cannot grow the subgraph's memory.
 */
export function subscribeLive<T>(redis: RedisPort, channel: string, bufferSize = 1_000): AsyncIterableIterator<T> {
  return new Repeater<T>(async (push, stop) => {
    const unsubscribe = await redis.subscribe(channel, (message) => {
      void push(JSON.parse(message) as T);
    });
    await stop;
    await unsubscribe();
  }, new SlidingBuffer(bufferSize));
}
