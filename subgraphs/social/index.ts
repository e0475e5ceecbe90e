import { metricsAccessOf } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { Runtime } from '../../platform/runtime.js';
import { serveSubgraph } from '../../platform/subgraph/serve.js';
import { loadSocialConfig } from './config.js';
import { createSocialSubgraph } from './server.js';

/** Starts the social subgraph on SOCIAL_PORT with the process's database and Redis. */
export async function startSocialService(runtime: Runtime, env: Record<string, string | undefined> = process.env) {
  const config = loadSocialConfig(env);
  const logger = createLogger('social', config.LOG_LEVEL);
  return serveSubgraph(createSocialSubgraph({ prisma: runtime.db.prisma, redis: runtime.redis, logger }), {
    runtime,
    logger,
    host: config.HOST,
    port: config.SOCIAL_PORT,
    internalSecret: config.INTERNAL_SECRET,
    includeStack: config.NODE_ENV === 'development',
    metricsAccess: metricsAccessOf(config),
  });
}
