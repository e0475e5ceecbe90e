import { metricsAccessOf } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { Runtime } from '../../platform/runtime.js';
import { serveSubgraph } from '../../platform/subgraph/serve.js';
import { loadUsersConfig } from './config.js';
import { createUsersSubgraph } from './server.js';

/** Starts the users subgraph on USERS_PORT with the process's database and Redis. */
export async function startUsersService(runtime: Runtime, env: Record<string, string | undefined> = process.env) {
  const config = loadUsersConfig(env);
  const logger = createLogger('users', config.LOG_LEVEL);
  return serveSubgraph(createUsersSubgraph({ prisma: runtime.db.prisma, redis: runtime.redis, logger, config }), {
    runtime,
    logger,
    host: config.HOST,
    port: config.USERS_PORT,
    internalSecret: config.INTERNAL_SECRET,
    includeStack: config.NODE_ENV === 'development',
    metricsAccess: metricsAccessOf(config),
  });
}
