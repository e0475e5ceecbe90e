import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../../../platform/errors.js';
import { openRedis } from '../../../platform/redis/index.js';
import { LoginLimiter, RegistrationLimiter } from './rate-limits.service.js';

// On Redis when REDIS_URL is set (the deployment's store, shared by replicas), in memory otherwise.
const redis = openRedis(process.env.REDIS_URL);
afterAll(() => redis.close());
const limiter = new LoginLimiter(redis);
const fresh = (prefix: string) => `${prefix}-${randomUUID()}`;

async function refusal(attempt: Promise<unknown>): Promise<number> {
  const error = await attempt.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RateLimitedError);
  return (error as RateLimitedError).details.retryAfterMs as number;
}

describe('LoginLimiter', () => {
  it('lets 5 attempts on an account through and refuses the 6th for 60 s, whatever its password', async () => {
    const account = fresh('user');
    for (let i = 0; i < 5; i++) await limiter.attempt(account, null); // five wrong passwords: nothing settled
    const ms = await refusal(limiter.attempt(account, null));
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
    // Attempts while locked do not extend the lock.
    expect(await refusal(limiter.attempt(account, null))).toBeLessThanOrEqual(ms);
  });

  it('counts attempts before they are settled: of 30 at once, 5 get through', async () => {
    const account = fresh('user');
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => limiter.attempt(account, null)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof RateLimitedError)).toHaveLength(25);
  });

  it('locks a client address for 10 minutes after 10 attempts, whatever the accounts', async () => {
    const address = fresh('198.51.100');
    for (let i = 0; i < 10; i++) await limiter.attempt(fresh('user'), address);
    const ms = await refusal(limiter.attempt(fresh('user'), address));
    expect(ms).toBeGreaterThan(9.5 * 60_000);
    expect(ms).toBeLessThanOrEqual(10 * 60_000);
    await limiter.attempt(fresh('user'), fresh('198.51.100')); // another address is open
  });

  it('forgets an account\'s attempts after a success, and gives the address back only that one', async () => {
    const account = fresh('user');
    const address = fresh('203.0.113');
    for (let i = 0; i < 4; i++) await limiter.attempt(account, address);
    await (await limiter.attempt(account, address)).succeeded();
    for (let i = 0; i < 5; i++) await limiter.attempt(account, address); // 5 more on the account: it was reset
    // The address holds 9 unsettled attempts: one more, then refused.
    await limiter.attempt(fresh('user'), address);
    await refusal(limiter.attempt(fresh('user'), address));
  });

  it('does not limit exempt addresses, only their accounts', async () => {
    const local = new LoginLimiter(redis, { limits: { addressAttempts: 1, accountAttempts: 2 }, exemptAddresses: ['127.0.0.1'] });
    for (let i = 0; i < 3; i++) await local.attempt(fresh('user'), '127.0.0.1');
    const account = fresh('user');
    await local.attempt(account, '127.0.0.1');
    await local.attempt(account, '127.0.0.1');
    await refusal(local.attempt(account, '127.0.0.1'));
  });

  it('uses the limits it is given', async () => {
    const strict = new LoginLimiter(redis, { limits: { accountAttempts: 1, accountLockSeconds: 2 } });
    const account = fresh('user');
    await strict.attempt(account, null);
    expect(await refusal(strict.attempt(account, null))).toBeLessThanOrEqual(2_000);
  });
});

describe('RegistrationLimiter', () => {
  it('lets an address register perHour times an hour, then refuses with the time left', async () => {
    const registrations = new RegistrationLimiter(redis, { perHour: 3 });
    const address = fresh('192.0.2');
    for (let i = 0; i < 3; i++) await registrations.attempt(address);
    const ms = await refusal(registrations.attempt(address));
    expect(ms).toBeGreaterThan(3500_000);
    expect(ms).toBeLessThanOrEqual(3600_000);
    await registrations.attempt(fresh('192.0.2'));
    await registrations.attempt(null); // no address known: nothing to count
    for (let i = 0; i < 5; i++) await registrations.attempt('::1'); // loopback is exempt by default
  });
});
