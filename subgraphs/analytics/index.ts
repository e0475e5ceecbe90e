import { metricsAccessOf } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { Runtime } from '../../platform/runtime.js';
import { serveSubgraph } from '../../platform/subgraph/serve.js';
import { loadAnalyticsConfig } from './config.js';
import { createAnalyticsSubgraph } from './server.js';

/** Starts the analytics subgraph on ANALYTICS_PORT with the process's database and Redis. */
export async function startAnalyticsService(runtime: Runtime, env: Record<string, string | undefined> = process.env) {
  const config = loadAnalyticsConfig(env);
  const logger = createLogger('analytics', config.LOG_LEVEL);
  return serveSubgraph(createAnalyticsSubgraph({ prisma: runtime.db.prisma, redis: runtime.redis, logger, config }), {
    runtime,
    logger,
    host: config.HOST,
    port: config.ANALYTICS_PORT,
    internalSecret: config.INTERNAL_SECRET,
    includeStack: config.NODE_ENV === 'development',
    metricsAccess: metricsAccessOf(config),
  });
}
