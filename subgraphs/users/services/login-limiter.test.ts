import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../platform/errors.js';
import { LoginLimiter } from './login-limiter.js';

// Runs on Redis when REDIS_URL is set (the deployment's store), in memory otherwise.
const limiter = LoginLimiter.create({ redisUrl: process.env.REDIS_URL });
afterAll(() => limiter.stop());
const fresh = (prefix: string) => `${prefix}-${randomUUID()}`;

async function retryAfter(attempt: Promise<void>): Promise<number> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return (error as RateLimitedError).details.retryAfterMs as number;
}

describe('LoginLimiter', () => {
  it('locks an account for 60 s at its 5th failure', async () => {
    const account = fresh('user');
    for (let i = 0; i < 4; i++) {
      await limiter.check(account, null);
      await limiter.recordFailure(account, null);
    }
    await limiter.check(account, null); // 4 failures: still open
    await limiter.recordFailure(account, null);
    const ms = await retryAfter(limiter.check(account, null));
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    // More failures while locked do not extend the lock.
    await limiter.recordFailure(account, null);
    expect(await retryAfter(limiter.check(account, null))).toBeLessThanOrEqual(ms);
  });

  it('locks a client address for 10 minutes at its 10th failure, whatever the accounts', async () => {
    const address = fresh('198.51.100');
    for (let i = 0; i < 9; i++) await limiter.recordFailure(fresh('user'), address);
    await limiter.check(fresh('user'), address);
    await limiter.recordFailure(fresh('user'), address);
    const ms = await retryAfter(limiter.check(fresh('user'), address));
    expect(ms).toBeGreaterThan(9.5 * 60_000);
    expect(ms).toBeLessThanOrEqual(10 * 60_000);
    await limiter.check(fresh('user'), fresh('198.51.100')); // another address is open
  });

  it('forgets an account\'s failures after a success, but not its address\'s', async () => {
    const account = fresh('user');
    const address = fresh('203.0.113');
    for (let i = 0; i < 4; i++) await limiter.recordFailure(account, address);
    await limiter.recordSuccess(account);
    for (let i = 0; i < 4; i++) await limiter.recordFailure(account, address);
    await limiter.check(account, null);
    for (let i = 0; i < 2; i++) await limiter.recordFailure(fresh('user'), address);
    await retryAfter(limiter.check(fresh('user'), address));
  });

  it('uses the limits it is given', async () => {
    const strict = LoginLimiter.create({ limits: { accountFailures: 1, accountLockSeconds: 2 } });
    const account = fresh('user');
    await strict.recordFailure(account, null);
    expect(await retryAfter(strict.check(account, null))).toBeLessThanOrEqual(2_000);
  });
});
