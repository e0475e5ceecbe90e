import { hostname } from 'node:os';
import { z } from 'zod';
import { loadConfig } from '../../platform/config.js';
import { projectPath } from '../../platform/paths.js';

/** The checked-in achievement catalog (ACHIEVEMENTS_CATALOG_PATH's default). */
export const CATALOG_PATH = projectPath('subgraphs', 'achievements', 'catalog', 'achievements.json');

export const achievementsEnv = z.object({
  ACHIEVEMENTS_PORT: z.coerce.number().int().min(0).default(4002),
  /** This replica's name in the achievements event consumer group (unique per replica). */
  ACHIEVEMENTS_CONSUMER_NAME: z.string().min(1).default(`achievements-${hostname()}-${process.pid}`),
  /** Where unlocks of RARE and above are pushed (POST, JSON); no pushes when unset. */
  ACHIEVEMENTS_PUSH_WEBHOOK_URL: z.url().optional(),
  /** Signs each push: `X-Signature: sha256=<hex HMAC of the body>`. */
  ACHIEVEMENTS_PUSH_WEBHOOK_SECRET: z.string().min(16).optional(),
  /** Seconds a player's achievements stay in the Redis cache. */
  ACHIEVEMENTS_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(60),
  /**
   * Players whose projections (progress and unlocks) the engine keeps in memory between batches,
   * so their next events re-read nothing; ≈ 7–14 KB each (5,000 ≈ 35–70 MB). 0 turns it off.
   */
  ACHIEVEMENTS_PROJECTION_CACHE_SIZE: z.coerce.number().int().min(0).default(5_000),
  /**
   * How long recordGameEvent(s) waits for a player whose registration has not reached this
   * subgraph yet (it comes over the bus) before refusing the id as unknown. Well under the
   * gateway's deadline (GATEWAY_DEADLINE_MS, 10 s), or an unknown id is answered 504 TIMEOUT.
   */
  ACHIEVEMENTS_UNKNOWN_PLAYER_WAIT_MS: z.coerce.number().int().min(0).default(5_000),
  /**
   * The achievement catalog (JSON) the service evaluates and publishes; a game ships its own by
   * mounting a file here. Checked at start: an invalid one stops the service, every problem listed.
   */
  ACHIEVEMENTS_CATALOG_PATH: z.string().min(1).default(CATALOG_PATH),
  /**
   * The catalog is served from memory; how long a replica serves it before checking whether another
   * replica synced a new one (a read checks in the background, answered at once). 0: every read
   * waits for a check (tests that write definitions straight into the table).
   */
  ACHIEVEMENTS_CATALOG_RECHECK_MS: z.coerce.number().int().min(0).default(1_000),
});

export const loadAchievementsConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(achievementsEnv, env);
export type AchievementsConfig = ReturnType<typeof loadAchievementsConfig>;
