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
  /** Bearer token /metrics requires when set (on the service ports and on METRICS_PORT). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Serve /metrics only on this port, one listener per process for all its services; unset: on each service's port. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface the METRICS_PORT listener binds to. */
  METRICS_HOST: z.string().default('127.0.0.1'),
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
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // Checked even when other values are invalid, so one run lists every problem.
  if (cleaned.NODE_ENV === 'production') {
    for (const key of ['JWT_SECRET', 'INTERNAL_SECRET'] as const) {
      if (!cleaned[key]) problems.push(`${key}: required in production`);
    }
  }
  if (!parsed.success || problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  const config = parsed.data as Record<string, unknown>;
  for (const key of ['JWT_SECRET', 'INTERNAL_SECRET'] as const) config[key] ??= DEV_SECRETS[key];
  return config as Omit<z.infer<S>, 'JWT_SECRET' | 'INTERNAL_SECRET'> & PlatformConfig;
}

/**
 * Validates the settings of several services that start in one process (`npm start`) before any
 * of them starts, so one run lists every problem of every service.
 */
export function checkConfigs(schemas: readonly z.ZodObject<z.ZodRawShape>[], env: Record<string, string | undefined> = process.env): void {
  loadConfig(schemas.reduce<z.ZodObject<z.ZodRawShape>>((all, schema) => all.merge(schema), z.object({})), env);
}

/** Who may read /metrics, and where (docs/decisions.md, "Metrics are protected"). */
export interface MetricsAccess {
  /** Requests must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** /metrics on the service's own port; false when METRICS_PORT serves it, or in production without a token. */
  onServicePort: boolean;
}

export function metricsAccessOf(config: Pick<PlatformConfig, 'METRICS_TOKEN' | 'METRICS_PORT' | 'NODE_ENV'>): MetricsAccess {
  return {
    token: config.METRICS_TOKEN,
    onServicePort: config.METRICS_PORT === undefined && (config.METRICS_TOKEN !== undefined || config.NODE_ENV !== 'production'),
  };
}
