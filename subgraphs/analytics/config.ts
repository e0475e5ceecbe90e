import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';

export const analyticsEnv = z.object({
  ANALYTICS_PORT: z.coerce.number().int().min(0).default(4005),
  /**
   * This replica's name in the `analytics` consumer group (the bus) and the
   * `analytics-processing` group (the analytics log); unset, the kit names it
   * `analytics-<host>-<pid>`. Unique per replica, so replicas share the streams instead of stealing
   * each other's pending events.
   */
  ANALYTICS_CONSUMER_NAME: z.string().min(1).optional(),
  /** How long an accepted event's id is remembered in Redis to answer a replay as a duplicate (the database still stores it once after that). */
  ANALYTICS_DEDUPE_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  /** Entries the analytics log keeps (approximately); a backlog longer than this loses its oldest events. */
  ANALYTICS_LOG_MAX_LEN: z.coerce.number().int().positive().default(2_000_000),
  /** Events one player may report per minute. */
  ANALYTICS_PLAYER_EVENTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** Events one game-server key may report per 10 seconds. */
  ANALYTICS_SERVICE_EVENTS_PER_10S: z.coerce.number().int().positive().default(200_000),
  /**
   * `trackEvents` answers only once the processors committed its events: `auto` does so on the
   * embedded default (in-process Redis, whose log dies with the process), not on real Redis.
   */
  ANALYTICS_AWAIT_PROCESSING: z.enum(['auto', 'true', 'false']).default('auto'),
  /** How often `realtimeMetricsUpdated` sends the dashboard again (the window's slide). */
  ANALYTICS_DASHBOARD_SLIDE_MS: z.coerce.number().int().positive().default(30_000),
  /** Log entries pending this long (their processor died) are claimed by another processor. */
  ANALYTICS_CLAIM_IDLE_MS: z.coerce.number().int().positive().default(30_000),
  /** How often the recommendation model is retrained (once per interval across replicas; the first at start). */
  ANALYTICS_RECOMMENDER_TRAIN_INTERVAL_MS: z.coerce.number().int().positive().default(900_000),
  /** How often a replica checks for a model another replica trained (its own it serves at once). */
  ANALYTICS_RECOMMENDER_REFRESH_MS: z.coerce.number().int().nonnegative().default(30_000),
});

export const loadAnalyticsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(analyticsEnv, env);
export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>;
