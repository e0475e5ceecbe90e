import { hostname } from 'node:os';
import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';
import { DEFAULT_EXEMPT_ADDRESSES } from './services/rate-limits.service.js';

/** A comma-separated list, trimmed, empty items dropped. */
const list = (fallback = '') =>
  z
    .string()
    .default(fallback)
    .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

export const usersEnv = z.object({
  USERS_PORT: z.coerce.number().int().min(0).default(4001),
  /** How long a player's access token works. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  /** How long a refresh token works if unused (30 days); each refresh issues a fresh one. */
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(30 * 24 * 3600),
  /** How long a service access token (from an API key) works. */
  SERVICE_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  /**
   * This replica's name in the `users` event consumer group (achievement rewards). Unique per
   * replica, so replicas share the stream instead of stealing each other's pending events.
   */
  USERS_CONSUMER_NAME: z.string().min(1).default(`users-${hostname()}-${process.pid}`),
  /**
   * Usernames (comma-separated, any letter case) that are ADMIN: promoted when the service starts,
   * and created ADMIN when registered. How a new setup gets its first admin; removing a name
   * demotes nobody (use setRole).
   */
  ADMIN_USERNAMES: list().transform((names) => names.map((name) => name.toLowerCase())),
  /** Accounts one client address may register per hour (every `register` call counts). */
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(10),
  /**
   * Client addresses (comma-separated) no per-address limit applies to (registrations, sign-in
   * attempts per address); per-account sign-in limits still do. Default: this machine's loopback
   * addresses; `none` exempts nothing.
   */
  RATE_LIMIT_EXEMPT_ADDRESSES: list(DEFAULT_EXEMPT_ADDRESSES.join(',')),
});

export const loadUsersConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(usersEnv, env);
export type UsersConfig = ReturnType<typeof loadUsersConfig>;
