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
  /**
   * The custom events' Prometheus label allow-list, as JSON: property key → its allowed values
   * (`{"platform":["ios","android"]}`). An allowed key's value outside its list is labelled `other`;
   * any other key stays out of the labels (it is stored all the same). Keys are Prometheus label
   * names; at most 10 keys of at most 50 values each, so the series stay bounded.
   */
  ANALYTICS_CUSTOM_EVENT_LABELS: z
    .string()
    .default('{"platform":["ios","android","pc","web","console"]}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .record(z.string().regex(/^[a-z][a-z0-9_]{0,31}$/).refine((k) => k !== 'event', 'event is the name label'), z.array(z.string().min(1).max(64)).min(1).max(50))
        .refine((labels) => Object.keys(labels).length <= 10, 'at most 10 label keys'),
    ),
  /** Distinct custom event names, for all replicas together; a new name past it is refused. */
  ANALYTICS_CUSTOM_EVENT_NAMES_MAX: z.coerce.number().int().positive().max(10_000).default(200),
  /** How long a replica reuses an experiment's definition for `experimentVariant` (a change reaches players within it). */
  ANALYTICS_EXPERIMENT_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** How often the recommendation model is retrained (once per interval across replicas; the first at start). */
  ANALYTICS_RECOMMENDER_TRAIN_INTERVAL_MS: z.coerce.number().int().positive().default(900_000),
  /** How often a replica checks for a model another replica trained (its own it serves at once). */
  ANALYTICS_RECOMMENDER_REFRESH_MS: z.coerce.number().int().nonnegative().default(30_000),
});

export const loadAnalyticsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(analyticsEnv, env);
export type AnalyticsConfig = ReturnType<typeof loadAnalyticsConfig>;
