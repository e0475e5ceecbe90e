import { IoRedisPort } from './ioredis.js';
import { MemoryRedisPort } from './memory.js';
import type { RedisPort } from './types.js';

export type { RedisPort, StreamEntry, StreamGroup, SubscribeOptions, UniqueStreamEntry, Unsubscribe, ZIdEntry, ZIdOutcome, ZMember } from './types.js';
export { compareStreamIds, isNoGroupError } from './types.js';
export { IoRedisPort, MemoryRedisPort };

/** Real Redis when a URL is configured, the in-process stand-in otherwise. */
export function openRedis(url: string | undefined): RedisPort {
  return url ? new IoRedisPort(url) : new MemoryRedisPort();
}
