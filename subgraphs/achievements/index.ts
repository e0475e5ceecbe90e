import { metricsAccessOf } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { createMetricsRegistry } from '../../platform/metrics.js';
import type { Runtime } from '../../platform/runtime.js';
import { serveSubgraph } from '../../platform/subgraph/serve.js';
import { loadAchievementsConfig } from './config.js';
import { createAchievementsSubgraph } from './server.js';

/** Starts the achievements subgraph on ACHIEVEMENTS_PORT with the process's database, after syncing the catalog. */
export async function startAchievementsService(runtime: Runtime, env: Record<string, string | undefined> = process.env) {
  const config = loadAchievementsConfig(env);
  const logger = createLogger('achievements', config.LOG_LEVEL);
  const metrics = createMetricsRegistry('achievements');
  return serveSubgraph(createAchievementsSubgraph({ db: runtime.db, redis: runtime.redis, logger, config, metrics }), {
    runtime,
    logger,
    host: config.HOST,
    port: config.ACHIEVEMENTS_PORT,
    internalSecret: config.INTERNAL_SECRET,
    includeStack: config.NODE_ENV === 'development',
    metricsAccess: metricsAccessOf(config),
    metrics,
  });
}
