import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const usersEnv = z.object({
  USERS_PORT: z.coerce.number().int().min(0).default(4001),
  /** How long a player's access token works. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
});

export const loadUsersConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(usersEnv, env);
export type UsersConfig = ReturnType<typeof loadUsersConfig>;
