import { metricsAccessOf } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { Runtime } from '../../platform/runtime.js';
import { serveSubgraph } from '../../platform/service.js';
import { loadTournamentsConfig } from './config.js';
import { createTournamentsSubgraph } from './server.js';

/** Starts the tournaments subgraph on TOURNAMENTS_PORT with the process's database and Redis. */
export async function startTournamentsService(runtime: Runtime, env: Record<string, string | undefined> = process.env) {
  const config = loadTournamentsConfig(env);
  const logger = createLogger('tournaments', config.LOG_LEVEL);
  return serveSubgraph(createTournamentsSubgraph({ prisma: runtime.db.prisma, redis: runtime.redis, logger }), {
    runtime,
    logger,
    host: config.HOST,
    port: config.TOURNAMENTS_PORT,
    internalSecret: config.INTERNAL_SECRET,
    includeStack: config.NODE_ENV === 'development',
    metricsAccess: metricsAccessOf(config),
  });
}
