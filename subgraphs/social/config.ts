import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const socialEnv = z.object({
  SOCIAL_PORT: z.coerce.number().int().min(0).default(4003),
});

export const loadSocialConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(socialEnv, env);
export type SocialConfig = ReturnType<typeof loadSocialConfig>;
