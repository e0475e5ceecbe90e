import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { RateLimitedError } from '../../../platform/errors.js';
import type { BackgroundWorker } from '../../../platform/service.js';

export interface LoginLimits {
  /** Failed sign-ins on one account within `windowSeconds` that lock it… */
  accountFailures: number;
  /** …for this long. */
  accountLockSeconds: number;
  /** Failed sign-ins from one client address within `windowSeconds` that lock it out… */
  addressFailures: number;
  /** …for this long. */
  addressLockSeconds: number;
  /** How long a failure counts. */
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountFailures: 5,
  accountLockSeconds: 60,
  addressFailures: 10,
  addressLockSeconds: 10 * 60,
  windowSeconds: 15 * 60,
};

/**
 * Counts failed sign-ins per account and per client address (rate-limiter-flexible) and refuses
 * sign-ins while either is locked, even with the right password.
 *
 * With a Redis URL the counters live in Redis, so every replica sees the same lockouts. The
 * platform's RedisPort is deliberately narrow (pub/sub and streams) and rate-limiter-flexible needs
 * a real client for its Lua scripts, so this opens its own ioredis connection rather than widening
 * the port for one consumer; an in-memory insurance limiter keeps sign-in working if Redis is down.
 * Without a URL (embedded mode: one process) memory is the shared state.
 */
export class LoginLimiter implements BackgroundWorker {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  private constructor(
    private readonly limits: LoginLimits,
    private readonly redis: Redis | null,
    logger?: Logger,
  ) {
    const make = (keyPrefix: string, points: number) => {
      const options = { keyPrefix, points, duration: limits.windowSeconds };
      if (!redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({
        ...options,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    };
    this.byAccount = make('users:login-fail:account', limits.accountFailures);
    this.byAddress = make('users:login-fail:address', limits.addressFailures);
    redis?.on('error', (error) => logger?.warn({ err: error }, 'login limiter redis error'));
  }

  static create(options: { redisUrl?: string; limits?: Partial<LoginLimits>; logger?: Logger } = {}): LoginLimiter {
    const redis = options.redisUrl ? new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }) : null;
    return new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, ...options.limits }, redis, options.logger);
  }

  /** Throws RateLimitedError (with the time left) while the account or the address is locked. */
  async check(accountKey: string, clientAddress: string | null): Promise<void> {
    const [account, address] = await Promise.all([
      this.byAccount.get(accountKey),
      clientAddress ? this.byAddress.get(clientAddress) : null,
    ]);
    const retryAfterMs = Math.max(lockedFor(account, this.limits.accountFailures), lockedFor(address, this.limits.addressFailures));
    if (retryAfterMs > 0) {
      throw new RateLimitedError(`Too many failed sign-ins. Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.`, retryAfterMs);
    }
  }

  /** Counts a failure; the one that reaches a limit locks for the full lock time from now. */
  async recordFailure(accountKey: string, clientAddress: string | null): Promise<void> {
    await Promise.all([
      this.fail(this.byAccount, accountKey, this.limits.accountFailures, this.limits.accountLockSeconds),
      clientAddress ? this.fail(this.byAddress, clientAddress, this.limits.addressFailures, this.limits.addressLockSeconds) : null,
    ]);
  }

  /** A successful sign-in forgets the account's failures (not the address's: one right guess must not reset a spray). */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.byAccount.delete(accountKey);
  }

  start(): void {
    void this.redis?.connect().catch(() => undefined);
  }

  async stop(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis?.disconnect());
  }

  private async fail(limiter: RateLimiterAbstract, key: string, limit: number, lockSeconds: number) {
    const result = await limiter.consume(key).catch((rejection: unknown) => {
      if (rejection instanceof RateLimiterRes) return rejection; // already locked: keep its timer
      throw rejection;
    });
    if (result.consumedPoints === limit) await limiter.block(key, lockSeconds);
  }
}

/** ms left on a lock (block() stores limit + 1 points), 0 when the key is not locked. */
function lockedFor(result: RateLimiterRes | null, limit: number): number {
  return result && result.consumedPoints > limit ? Math.max(result.msBeforeNext, 1) : 0;
}
