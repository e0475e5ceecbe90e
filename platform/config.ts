import { z } from 'zod';

/** Variables every service reads. Each service extends this with its own in its `config.ts`. */
export const platformEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL; unset means the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis; unset means the in-process stand-in (single process only). */
  REDIS_URL: z.string().url().optional(),
  /** Where the embedded database keeps its files. `memory://` keeps nothing. */
  DATA_DIR: z.string().default('.data'),
  /** Signs players' access tokens (HS256). */
  JWT_SECRET: z.string().min(32).optional(),
  /** Signs the viewer header the gateway forwards to subgraphs. */
  INTERNAL_SECRET: z.string().min(32).optional(),
  HOST: z.string().default('127.0.0.1'),
});

export type PlatformConfig = Omit<z.infer<typeof platformEnv>, 'JWT_SECRET' | 'INTERNAL_SECRET'> & {
  JWT_SECRET: string;
  INTERNAL_SECRET: string;
};

// Development-only defaults so `npm start` works with nothing set; production must set real ones.
const DEV_SECRETS = {
  JWT_SECRET: 'dev-only-jwt-secret-change-me-in-production!',
  INTERNAL_SECRET: 'dev-only-internal-secret-change-me-in-production!',
} as const;

export class ConfigError extends Error {}

/**
 * Parses the environment once at boot with the service's schema; fails fast with every problem listed.
 */
export function loadConfig<S extends z.ZodObject<z.ZodRawShape>>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): Omit<z.infer<S>, 'JWT_SECRET' | 'INTERNAL_SECRET'> & PlatformConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = platformEnv.merge(schema).safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data as Record<string, unknown>;
  for (const key of ['JWT_SECRET', 'INTERNAL_SECRET'] as const) {
    if (config[key]) continue;
    if (config.NODE_ENV === 'production') throw new ConfigError(`Invalid configuration:\n  ${key}: required in production`);
    config[key] = DEV_SECRETS[key];
  }
  return config as Omit<z.infer<S>, 'JWT_SECRET' | 'INTERNAL_SECRET'> & PlatformConfig;
}
