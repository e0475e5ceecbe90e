import { readFile } from 'node:fs/promises';
import { createLogger } from '../platform/logger.js';
import { startHttpService } from '../platform/http.js';
import { createMetricsRegistry } from '../platform/metrics.js';
import type { RedisPort } from '../platform/redis/index.js';
import { loadGatewayConfig, subgraphUrlsFrom } from './config.js';
import { createGatewayServer } from './server.js';
import { serveGatewayWebSocket } from './subscriptions/server.js';
import { watchSupergraphFile } from './supergraph.js';

export interface StartGatewayOptions {
  env?: Record<string, string | undefined>;
  /** Overrides the configured subgraph URLs (the launcher knows where it started them). */
  subgraphUrls?: Record<string, string>;
  redis?: RedisPort;
}

/** Starts the gateway on GATEWAY_PORT over SUPERGRAPH_PATH (schema/supergraph.graphql), applying its changes as they come. */
export async function startGateway(options: StartGatewayOptions = {}) {
  const config = loadGatewayConfig(options.env ?? process.env);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetricsRegistry('gateway');
  const supergraphSdl = await readFile(config.SUPERGRAPH_PATH, 'utf8');
  const { apollo, context, subscriptions, subscriptionMetrics, upstream } = createGatewayServer({
    supergraphSdl,
    supergraphUpdates:
      config.SUPERGRAPH_POLL_INTERVAL_MS > 0 ? watchSupergraphFile(config.SUPERGRAPH_PATH, config.SUPERGRAPH_POLL_INTERVAL_MS, logger, supergraphSdl) : undefined,
    subgraphUrls: options.subgraphUrls ?? subgraphUrlsFrom(config),
    jwtSecret: config.JWT_SECRET,
    internalSecret: config.INTERNAL_SECRET,
    logger,
    metrics,
    includeStack: config.NODE_ENV === 'development',
    landingPage: config.NODE_ENV !== 'production',
    trustProxy: config.TRUST_PROXY,
  });
  return startHttpService({
    name: 'gateway',
    host: config.HOST,
    port: config.GATEWAY_PORT,
    logger,
    apollo,
    metrics,
    context,
    attach: (httpServer) => {
      const stop = serveGatewayWebSocket({
        httpServer,
        engine: subscriptions,
        apollo,
        jwtSecret: config.JWT_SECRET,
        logger,
        metrics: subscriptionMetrics,
        maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES,
        connectionInitWaitTimeoutMs: config.WS_CONNECTION_INIT_TIMEOUT_MS,
        keepAliveMs: config.WS_KEEP_ALIVE_MS,
        trustProxy: config.TRUST_PROXY,
      });
      return async () => {
        await stop();
        await upstream.close();
      };
    },
    ready: async () => {
      await options.redis?.ping();
    },
  });
}
