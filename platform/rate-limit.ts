import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors.js';
import { IoRedisPort } from './redis/ioredis.js';
import type { RedisPort } from './redis/types.js';

export interface RateLimitOptions {
  /** Key prefix in Redis, e.g. `users:register:address`. */
  name: string;
  /** Points allowed per window. */
  points: number;
  durationSeconds: number;
  /** Once over, the key stays refused this long (default: until the window ends). */
  blockSeconds?: number;
  /** The message of the RATE_LIMITED error; `{seconds}` is replaced by the wait. */
  message?: string;
}

/**
 * One rate limit shared by every replica: rate-limiter-flexible on the platform's Redis connection
 * (its counters are Lua scripts on one key), or in memory on the embedded default, where one
 * process is the whole platform. A Redis outage falls back to a per-process limiter rather than
 * refusing everyone.
 */
export class RateLimit {
  readonly limiter: RateLimiterAbstract;

  constructor(
    redis: RedisPort,
    private readonly options: RateLimitOptions,
  ) {
    const base = { keyPrefix: options.name, points: options.points, duration: options.durationSeconds, blockDuration: options.blockSeconds ?? 0 };
    this.limiter =
      redis instanceof IoRedisPort
        ? new RateLimiterRedis({ ...base, storeClient: redis.client, insuranceLimiter: new RateLimiterMemory(base) })
        : new RateLimiterMemory(base);
  }

  /** Takes `points` for the key; throws RATE_LIMITED (with retryAfterMs) when that goes over the limit. */
  async consume(key: string, points = 1): Promise<RateLimiterRes> {
    try {
      return await this.limiter.consume(key, points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw this.refusal(rejection.msBeforeNext);
    }
  }

  /** The key's state, or null when it has taken nothing this window. */
  get(key: string): Promise<RateLimiterRes | null> {
    return this.limiter.get(key);
  }

  /** Forgets the key (a success that resets failures). */
  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }

  /** Refuses the key for `seconds` from now. */
  async block(key: string, seconds: number): Promise<void> {
    await this.limiter.block(key, seconds);
  }

  refusal(retryAfterMs: number): RateLimitedError {
    const ms = Math.max(1, Math.ceil(retryAfterMs));
    const message = (this.options.message ?? 'Too many requests. Try again in {seconds} seconds.').replace('{seconds}', String(Math.ceil(ms / 1000)));
    return new RateLimitedError(message, ms);
  }
}
