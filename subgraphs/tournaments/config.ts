import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const tournamentsEnv = z.object({
  TOURNAMENTS_PORT: z.coerce.number().int().min(0).default(4004),
});

export const loadTournamentsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(tournamentsEnv, env);
export type TournamentsConfig = ReturnType<typeof loadTournamentsConfig>;
