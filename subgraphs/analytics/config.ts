import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const analyticsEnv = z.object({
  ANALYTICS_PORT: z.coerce.number().int().min(0).default(4005),
  /**
   * This replica's name in the `analytics` consumer group; unset, the kit names it
   * `analytics-<host>-<pid>`. Unique per replica, so replicas share the stream instead of stealing
   * each other's pending events.
   */
  ANALYTICS_CONSUMER_NAME: z.string().min(1).optional(),
});

export const loadAnalyticsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(analyticsEnv, env);
export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>;
