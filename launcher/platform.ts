import { startGateway } from '../gateway/index.js';
import { loadConfig, platformEnv } from '../platform/config.js';
import type { RunningService } from '../platform/http.js';
import { createLogger } from '../platform/logger.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { SUBGRAPHS } from '../platform/subgraphs.js';
import { SUBGRAPH_STARTERS } from './services.js';

export interface RunningPlatform {
  gateway: RunningService;
  subgraphs: RunningService[];
  runtime: Runtime;
  close(): Promise<void>;
}

/**
 * Starts the gateway and every subgraph in this process, sharing one database and Redis
 * (embedded by default). Used by `npm start` and by the end-to-end tests.
 */
export async function startPlatform(env: Record<string, string | undefined> = process.env): Promise<RunningPlatform> {
  const config = loadConfig(platformEnv, env);
  const logger = createLogger('platform', config.LOG_LEVEL);
  const runtime = await openRuntime(config, logger);
  const subgraphs: RunningService[] = [];
  try {
    for (const { name } of SUBGRAPHS) subgraphs.push(await SUBGRAPH_STARTERS[name](runtime, env));
    const gateway = await startGateway({
      env,
      redis: runtime.redis,
      subgraphUrls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])),
    });
    let closing: Promise<void> | undefined;
    return {
      gateway,
      subgraphs,
      runtime,
      close: () =>
        (closing ??= (async () => {
          await gateway.close();
          for (const s of [...subgraphs].reverse()) await s.close();
          await runtime.close();
        })()),
    };
  } catch (error) {
    for (const s of subgraphs.reverse()) await s.close().catch(() => undefined);
    await runtime.close().catch(() => undefined);
    throw error;
  }
}
