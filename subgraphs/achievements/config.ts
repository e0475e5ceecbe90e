import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const achievementsEnv = z.object({
  ACHIEVEMENTS_PORT: z.coerce.number().int().min(0).default(4002),
});

export const loadAchievementsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(achievementsEnv, env);
export type AchievementsConfig = ReturnType<typeof loadAchievementsConfig>;
