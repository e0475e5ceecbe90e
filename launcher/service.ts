// `npm run start:service -- <name>`: one service per process (docker-compose, scaling out).
// <name> is `gateway` or a subgraph; subgraphs need DATABASE_URL and REDIS_URL shared with the others.
import { startGateway } from '../gateway/index.js';
import { checkConfigs, ConfigError, loadConfig, platformEnv } from '../platform/config.js';
import { serveMetrics, type RunningService } from '../platform/http.js';
import { createLogger } from '../platform/logger.js';
import { SUBGRAPHS, type SubgraphName } from '../platform/subgraph/names.js';
import { SERVICE_ENVS } from './settings.js';

const name = process.argv[2];
const names = ['gateway', ...SUBGRAPHS.map((s) => s.name)];
if (!name || !names.includes(name)) {
  console.error(`usage: npm run start:service -- <${names.join('|')}>`);
  process.exit(2);
}

try {
  checkConfigs([SERVICE_ENVS[name as SubgraphName | 'gateway']]);
  const config = loadConfig(platformEnv);
  const logger = createLogger(name, config.LOG_LEVEL);
  let service: RunningService;
  let close: () => Promise<void>;
  if (name === 'gateway') {
    const redis = config.REDIS_URL ? (await import('../platform/redis/index.js')).openRedis(config.REDIS_URL) : undefined;
    const gateway = await startGateway({ redis }).catch(async (error: unknown) => {
      await redis?.close();
      throw error;
    });
    service = gateway;
    close = async () => {
      await gateway.close();
      await redis?.close();
    };
  } else {
    if (!config.DATABASE_URL || !config.REDIS_URL) {
      logger.warn('running one subgraph alone on the embedded database and in-process Redis: it shares nothing with other processes');
    }
    // Imported here, not at the top: a gateway process must not load Prisma, PGlite and every
    // subgraph's code it never runs (≈ 85 MB of its idle RSS).
    const { openRuntime } = await import('../platform/runtime.js');
    const { SUBGRAPH_STARTERS } = await import('../subgraphs/index.js');
    const runtime = await openRuntime(config, logger);
    const subgraph = await SUBGRAPH_STARTERS[name as SubgraphName](runtime, process.env).catch(async (error: unknown) => {
      await runtime.close();
      throw error;
    });
    service = subgraph;
    close = async () => {
      await subgraph.close();
      await runtime.close();
    };
  }
  if (config.METRICS_PORT !== undefined) {
    const metrics = await serveMetrics({ host: config.METRICS_HOST, port: config.METRICS_PORT, token: config.METRICS_TOKEN, registries: [service.metrics] }).catch(
      async (error: unknown) => {
        await close();
        throw error;
      },
    );
    const closeService = close;
    close = async () => {
      await metrics.close();
      await closeService();
    };
  }
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
