import type { Redis } from 'ioredis';
import { IoRedisPort, type RedisPort } from '../../../platform/redis/index.js';
import type { TypingEvent } from '../contracts/live.js';
import { decideTyping, type TypingState, type TypingTimings } from '../domain/typing.js';

export type { TypingEvent };

/**
 * Typing state per player per room in Redis, two keys that expire on their own (the throttle and
 * the shown indicator), changed and published by one script: concurrent calls on two replicas
 * send one event between them, and a player's events go out in the order of their calls.
 */
export interface TypingStore {
  /** Applies decideTyping at `now` and publishes its event; returns the event sent, or null when coalesced or unchanged. */
  set(roomId: string, userId: string, typing: boolean, now: number): Promise<TypingEvent | null>;
}

export interface TypingStoreOptions {
  channel: (roomId: string) => string;
  timings: TypingTimings;
  namespace?: string;
}

export function createTypingStore(redis: RedisPort, options: TypingStoreOptions): TypingStore {
  return redis instanceof IoRedisPort ? new RedisTypingStore(redis.client, options) : new MemoryTypingStore(redis, options);
}

/**
 * KEYS: throttle, shown. ARGV: typing (1/0), now, throttle ms, expiry ms, channel, room, user.
 * Returns the expiry sent (typing), -1 (stopped) or 0 (nothing sent). decideTyping, in Redis.
 */
const SET_TYPING = `
local now, throttle, expiry = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
if ARGV[1] == '1' then
  if not redis.call('SET', KEYS[1], '1', 'PX', throttle, 'NX') then return 0 end
  local expiresAt = now + expiry
  redis.call('SET', KEYS[2], expiresAt, 'PX', expiry)
  redis.call('PUBLISH', ARGV[5], cjson.encode({ roomId = ARGV[6], userId = ARGV[7], typing = true, expiresAt = expiresAt }))
  return expiresAt
end
if redis.call('DEL', KEYS[2]) == 0 then return 0 end
redis.call('PUBLISH', ARGV[5], cjson.encode({ roomId = ARGV[6], userId = ARGV[7], typing = false }))
return -1
`;

class RedisTypingStore implements TypingStore {
  private readonly script: (...args: (string | number)[]) => Promise<number>;
  private readonly namespace: string;

  constructor(
    client: Redis,
    private readonly options: TypingStoreOptions,
  ) {
    this.namespace = options.namespace ?? 'social:typing';
    client.defineCommand('socialSetTyping', { lua: SET_TYPING, numberOfKeys: 2 });
    this.script = (client as unknown as { socialSetTyping: RedisTypingStore['script'] }).socialSetTyping.bind(client);
  }

  async set(roomId: string, userId: string, typing: boolean, now: number): Promise<TypingEvent | null> {
    const { throttleMs, expiryMs } = this.options.timings;
    const key = `${this.namespace}:${roomId}:${userId}`;
    const sent = Number(
      await this.script(`${key}:throttle`, `${key}:shown`, typing ? 1 : 0, now, throttleMs, expiryMs, this.options.channel(roomId), roomId, userId),
    );
    if (sent === 0) return null;
    return sent > 0 ? { roomId, userId, typing: true, expiresAt: sent } : { roomId, userId, typing: false };
  }
}

const PRUNE_ABOVE = 10_000;
const memoryTyping = new WeakMap<RedisPort, Map<string, TypingState>>();

/** The same contract in one process (typing.store.test.ts runs both). */
class MemoryTypingStore implements TypingStore {
  private readonly states: Map<string, TypingState>;
  private pruneAbove = PRUNE_ABOVE;

  constructor(
    private readonly redis: RedisPort,
    private readonly options: TypingStoreOptions,
  ) {
    let states = memoryTyping.get(redis);
    if (!states) memoryTyping.set(redis, (states = new Map<string, TypingState>()));
    this.states = states;
  }

  async set(roomId: string, userId: string, typing: boolean, now: number): Promise<TypingEvent | null> {
    const key = `${this.options.namespace ?? 'social:typing'}:${roomId}:${userId}`;
    const { event, next } = decideTyping(this.states.get(key) ?? { throttledUntil: null, shownUntil: null }, typing, now, this.options.timings);
    // Expired state is dropped, as Redis expires the keys: this one now, every other now and then.
    if (next.throttledUntil === null && next.shownUntil === null) this.states.delete(key);
    else this.states.set(key, next);
    if (this.states.size > this.pruneAbove) this.prune(now);
    if (!event) return null;
    const sent: TypingEvent = event.typing ? { roomId, userId, typing: true, expiresAt: event.expiresAt! } : { roomId, userId, typing: false };
    await this.redis.publish(this.options.channel(roomId), JSON.stringify(sent));
    return sent;
  }

  private prune(now: number) {
    for (const [key, state] of this.states) {
      if ((state.throttledUntil ?? 0) <= now && (state.shownUntil ?? 0) <= now) this.states.delete(key);
    }
    // Many live ones: wait until twice as many before scanning again.
    this.pruneAbove = Math.max(PRUNE_ABOVE, 2 * this.states.size);
  }
}
