import { RateLimit } from '../../../platform/rate-limit.js';
import type { RedisPort } from '../../../platform/redis/index.js';

export interface LoginLimits {
  /** Sign-in attempts on one account within `windowSeconds` before it is locked… */
  accountAttempts: number;
  /** …for this long. */
  accountLockSeconds: number;
  /** Sign-in attempts from one client address within `windowSeconds` before it is locked out… */
  addressAttempts: number;
  /** …for this long. */
  addressLockSeconds: number;
  /** How long an attempt counts. */
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  accountAttempts: 5,
  accountLockSeconds: 60,
  addressAttempts: 10,
  addressLockSeconds: 10 * 60,
  windowSeconds: 15 * 60,
};

/**
 * Addresses no per-address limit applies to: the machine itself (local development, tests, a game
 * server on the same host). Behind a reverse proxy set the gateway's TRUST_PROXY, or every player
 * arrives from the proxy's address.
 */
export const DEFAULT_EXEMPT_ADDRESSES = ['127.0.0.1', '::1', '::ffff:127.0.0.1'] as const;

/** The address a per-address limit counts, or null when there is none or it is exempt. */
export const limitedAddress = (clientAddress: string | null, exempt: ReadonlySet<string>): string | null =>
  clientAddress && !exempt.has(clientAddress) ? clientAddress : null;

/** A sign-in attempt that was counted; tell it how the password check went. */
export interface SignInAttempt {
  /** The right password: the account's attempts are forgotten and the address's point given back. */
  succeeded(): Promise<void>;
}

/**
 * Sign-in attempts per account and per client address, counted BEFORE the password is checked:
 * each attempt takes a point atomically (rate-limiter-flexible on the platform's Redis, shared by
 * every replica; in memory on the embedded default), and only an attempt that got its points is
 * checked. So 30 parallel guesses check at most 5 passwords, and the attempt after the 5th is
 * refused with RATE_LIMITED (and the lock starts) even with the right password. A success gives
 * its points back; a wrong password keeps them.
 */
export class LoginLimiter {
  private readonly byAccount: RateLimit;
  private readonly byAddress: RateLimit;
  private readonly exempt: ReadonlySet<string>;

  constructor(redis: RedisPort, options: { limits?: Partial<LoginLimits>; exemptAddresses?: readonly string[] } = {}) {
    const limits = { ...DEFAULT_LOGIN_LIMITS, ...options.limits };
    const message = 'Too many sign-in attempts. Try again in {seconds} seconds.';
    this.byAccount = new RateLimit(redis, {
      name: 'users:login:account',
      points: limits.accountAttempts,
      durationSeconds: limits.windowSeconds,
      blockSeconds: limits.accountLockSeconds,
      message,
    });
    this.byAddress = new RateLimit(redis, {
      name: 'users:login:address',
      points: limits.addressAttempts,
      durationSeconds: limits.windowSeconds,
      blockSeconds: limits.addressLockSeconds,
      message,
    });
    this.exempt = new Set(options.exemptAddresses ?? DEFAULT_EXEMPT_ADDRESSES);
  }

  /**
   * Counts an attempt on the account and from the address; throws RateLimitedError (with
   * retryAfterMs) when either has none left. A refused address takes nothing from the account, so
   * a locked-out sprayer cannot keep locking the accounts it names.
   */
  async attempt(accountKey: string, clientAddress: string | null): Promise<SignInAttempt> {
    const address = limitedAddress(clientAddress, this.exempt);
    if (address) await this.byAddress.consume(address);
    await this.byAccount.consume(accountKey);
    return {
      succeeded: async () => {
        await Promise.all([this.byAccount.reset(accountKey), address ? this.byAddress.limiter.reward(address, 1) : null]);
      },
    };
  }
}

/** Accounts created per client address: every `register` call counts, successful or not. */
export class RegistrationLimiter {
  private readonly byAddress: RateLimit;
  private readonly exempt: ReadonlySet<string>;

  constructor(redis: RedisPort, options: { perHour: number; exemptAddresses?: readonly string[] }) {
    this.byAddress = new RateLimit(redis, {
      name: 'users:register:address',
      points: options.perHour,
      durationSeconds: 3600,
      message: 'Too many new accounts from this network. Try again in {seconds} seconds.',
    });
    this.exempt = new Set(options.exemptAddresses ?? DEFAULT_EXEMPT_ADDRESSES);
  }

  /** Counts a registration from the address; RateLimitedError (with retryAfterMs) past the limit. */
  async attempt(clientAddress: string | null): Promise<void> {
    const address = limitedAddress(clientAddress, this.exempt);
    if (address) await this.byAddress.consume(address);
  }
}
