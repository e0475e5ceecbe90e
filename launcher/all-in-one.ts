import { startGateway } from '../gateway/index.js';
import { checkConfigs, loadConfig, platformEnv } from '../platform/config.js';
import { serveMetrics, type RunningService } from '../platform/http.js';
import { createLogger } from '../platform/logger.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { SUBGRAPHS } from '../platform/subgraph/names.js';
import { SUBGRAPH_STARTERS } from '../subgraphs/index.js';
import { SERVICE_ENVS } from './settings.js';

export interface RunningPlatform {
  gateway: RunningService;
  subgraphs: RunningService[];
  runtime: Runtime;
  /** The METRICS_PORT listener's URL, when METRICS_PORT is set. */
  metricsUrl?: string;
  close(): Promise<void>;
}

/**
 * Starts the gateway and every subgraph in this process, sharing one database and Redis
 * (embedded by default). Used by `npm start` and by the end-to-end tests. Every service's
 * settings are checked before anything starts; a failure to start closes what had started.
 */
export async function startPlatform(env: Record<string, string | undefined> = process.env): Promise<RunningPlatform> {
  checkConfigs(Object.values(SERVICE_ENVS), env);
  const config = loadConfig(platformEnv, env);
  const logger = createLogger('platform', config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger);
  const subgraphs: RunningService[] = [];
  let gateway: RunningService | undefined;
  let metrics: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  const close = async () => {
    await metrics?.close();
    await gateway?.close();
    // The others together (each waits up to a second for its bus consumer's blocking read), then
    // users, whose wallet the others' jobs may still call while they finish.
    const [first, ...others] = subgraphs;
    await Promise.all(others.map((s) => s.close()));
    await first?.close();
    await runtime.close();
  };
  try {
    // A subgraph that calls an earlier one (tournaments → users) gets the URL actually served.
    let subgraphEnv = env;
    for (const { name } of SUBGRAPHS) {
      const started = await SUBGRAPH_STARTERS[name](runtime, subgraphEnv);
      subgraphs.push(started);
      subgraphEnv = { ...subgraphEnv, [`${name.toUpperCase()}_URL`]: started.url };
    }
    gateway = await startGateway({
      env,
      redis: runtime.redis,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    });
    if (config.METRICS_PORT !== undefined) {
      metrics = await serveMetrics({
        host: config.METRICS_HOST,
        port: config.METRICS_PORT,
        token: config.METRICS_TOKEN,
        registries: [gateway, ...subgraphs].map((s) => s.metrics),
      });
    }
  } catch (error) {
    await close().catch((closeError: unknown) => logger.warn({ err: closeError }, 'closing after a failed start'));
    throw error;
  }
  let closing: Promise<void> | undefined;
  return { gateway, subgraphs, runtime, metricsUrl: metrics?.url, close: () => (closing ??= close()) };
}
