import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const tournamentsEnv = z.object({
  TOURNAMENTS_PORT: z.coerce.number().int().min(0).default(4004),
  /** The users subgraph (levels and the wallet ledger): the same setting the gateway reads. */
  USERS_URL: z.string().url().default('http://127.0.0.1:4001/graphql'),
  /** How long a call to the users subgraph may take before its outcome counts as unknown. */
  TOURNAMENTS_USERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** How long an archived leaderboard period stays in Redis after its reset or its last read (then rebuilt from PostgreSQL when read). */
  TOURNAMENTS_LEADERBOARD_ARCHIVE_TTL_SECONDS: z.coerce.number().int().min(60).default(86_400),
  /** How often the leaderboard repair looks for ranking writes that never reached Redis. */
  TOURNAMENTS_LEADERBOARD_REPAIR_INTERVAL_MS: z.coerce.number().int().min(10).default(10_000),
  /** How old an owed ranking write must be before the repair re-applies it (the submission's own write normally settles it within milliseconds). */
  TOURNAMENTS_LEADERBOARD_REPAIR_AFTER_MS: z.coerce.number().int().min(0).default(10_000),
});

export const loadTournamentsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(tournamentsEnv, env);
export type TournamentsConfig = ReturnType<typeof loadTournamentsConfig>;
