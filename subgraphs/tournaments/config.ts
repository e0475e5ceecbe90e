import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const tournamentsEnv = z.object({
  TOURNAMENTS_PORT: z.coerce.number().int().min(0).default(4004),
  /** The users subgraph (levels and the wallet ledger): the same setting the gateway reads. */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  /** How long a call to the users subgraph may take before its outcome counts as unknown. */
  TOURNAMENTS_USERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
});

export const loadTournamentsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(tournamentsEnv, env);
export type TournamentsConfig = ReturnType<typeof loadTournamentsConfig>;
