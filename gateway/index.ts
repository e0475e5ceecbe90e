import { readFile } from 'node:fs/promises';
import { metricsAccessOf } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { ensurePortFree, startHttpService } from '../platform/http.js';
import { createMetricsRegistry } from '../platform/metrics.js';
import { RateLimit } from '../platform/rate-limit.js';
import { MemoryRedisPort, openRedis, type RedisPort } from '../platform/redis/index.js';
import { consoleEnabled, explorerEnabled, loadGatewayConfig, operationLimitsFrom, subgraphUrlsFrom } from './config.js';
import { CACHEABLE_ENTITY_FIELDS, EntityCache } from './entity-cache.js';
import { ResponseCache } from './response-cache.js';
import { WebConsole } from './console/index.js';
import { EXPLORER_ASSET_PATH, Explorer } from './explorer/index.js';
import { ingestHandler, routeIngest } from './ingest.js';
import { createGatewayServer, viewerRateLimit } from './server.js';
import { serveGatewayWebSocket } from './subscriptions/server.js';
import { watchSupergraphFile } from './supergraph.js';
import { TrafficFeed } from './traffic-feed.js';

export interface StartGatewayOptions {
  env?: Record<string, string | undefined>;
  /** Overrides the configured subgraph URLs (the launcher knows where it started them). */
  subgraphUrls?: Record<string, string>;
  redis?: RedisPort;
}

/** Starts the gateway on GATEWAY_PORT over SUPERGRAPH_PATH (schema/supergraph.graphql), applying its changes as they come. */
export async function startGateway(options: StartGatewayOptions = {}) {
  const config = loadGatewayConfig(options.env ?? process.env);
  // Building the gateway (the supergraph's schema and planners) takes seconds: a taken port is said first.
  await ensurePortFree('gateway', config.HOST, config.GATEWAY_PORT);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const metrics = createMetricsRegistry('gateway');
  const supergraphSdl = await readFile(config.SUPERGRAPH_PATH, 'utf8');
  // The rate limit is shared by every replica through Redis; alone (no REDIS_URL) it is in memory.
  const ownRedis = options.redis ? undefined : config.REDIS_URL ? openRedis(config.REDIS_URL) : new MemoryRedisPort();
  const redis = options.redis ?? ownRedis!;
  const budget = (name: string, points: number) =>
    new RateLimit(redis, { name, points, durationSeconds: config.GATEWAY_RATE_LIMIT_WINDOW_SECONDS, message: 'Too many operations. Try again in {seconds} seconds.' });
  const rateLimit = viewerRateLimit({
    viewers: budget('gateway:operations', config.GATEWAY_RATE_LIMIT_POINTS),
    services: budget('gateway:service-operations', config.GATEWAY_SERVICE_RATE_LIMIT_POINTS),
  });
  const limits = operationLimitsFrom(config);
  // The entity cache needs the subgraphs' announcements: a Redis they share (REDIS_URL), or the
  // in-process one of the all-in-one platform. A gateway alone with its own in-memory Redis would
  // never hear of a change, so it caches nothing.
  const sharedRedis = options.redis !== undefined || redis.kind === 'redis';
  const entityCache =
    config.GATEWAY_ENTITY_CACHE_TTL_MS > 0 && sharedRedis
      ? new EntityCache({ cacheable: CACHEABLE_ENTITY_FIELDS, ttlMs: config.GATEWAY_ENTITY_CACHE_TTL_MS, maxEntities: config.GATEWAY_ENTITY_CACHE_ENTITIES, logger, metrics })
      : undefined;
  await entityCache?.start(redis);
  // The same announcements keep the response cache fresh: it needs the shared Redis too.
  const responseCache =
    config.GATEWAY_RESPONSE_CACHE_MIB > 0 && sharedRedis ? new ResponseCache({ maxBytes: config.GATEWAY_RESPONSE_CACHE_MIB * 2 ** 20, logger, metrics }) : undefined;
  await responseCache?.start(redis);
  // The dashboard's requests per minute and WebSocket messages per second, for analytics on the same Redis.
  const trafficFeed = sharedRedis ? new TrafficFeed({ redis, metrics, logger }) : undefined;
  trafficFeed?.start();
  const explorer = explorerEnabled(config) ? new Explorer(logger) : undefined;
  const webConsole = consoleEnabled(config) ? new WebConsole(logger) : undefined;
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
    explorer,
    trustProxy: config.TRUST_PROXY,
    limits,
    deadlineMs: config.GATEWAY_DEADLINE_MS,
    documentCacheBytes: config.GATEWAY_DOCUMENT_CACHE_MIB * 2 ** 20,
    queryPlanCacheMiB: config.GATEWAY_QUERY_PLAN_CACHE_MIB,
    hideSchemaDetails: config.NODE_ENV === 'production',
    rateLimit,
    entityCache,
    responseCache,
  });
  return startHttpService({
    name: 'gateway',
    host: config.HOST,
    port: config.GATEWAY_PORT,
    metricsAccess: metricsAccessOf(config),
    logger,
    apollo,
    metrics,
    context,
    attach: (httpServer) => {
      routeIngest(httpServer, ingestHandler({ apollo, context, maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES, logger }));
      const stop = serveGatewayWebSocket({
        httpServer,
        engine: subscriptions,
        apollo,
        jwtSecret: config.JWT_SECRET,
        logger,
        metrics: subscriptionMetrics,
        maxBufferedBytes: config.WS_MAX_BUFFERED_BYTES,
        writeIntervalMs: config.WS_WRITE_INTERVAL_MS,
        connectionInitWaitTimeoutMs: config.WS_CONNECTION_INIT_TIMEOUT_MS,
        keepAliveMs: config.WS_KEEP_ALIVE_MS,
        trustProxy: config.TRUST_PROXY,
        limits,
        hideSuggestions: config.NODE_ENV === 'production',
        maxPayloadBytes: config.WS_MAX_PAYLOAD_BYTES,
        maxOperationsPerConnection: config.WS_MAX_OPERATIONS_PER_CONNECTION,
        maxSubscribesPerSecond: config.WS_MAX_SUBSCRIBES_PER_SECOND,
        documentCacheBytes: config.WS_DOCUMENT_CACHE_MIB * 2 ** 20,
        rateLimit,
      });
      return async () => {
        await stop();
        await upstream.close();
      };
    },
    maxBodyBytes: config.GATEWAY_MAX_BODY_BYTES,
    corsOrigins: config.GATEWAY_CORS_ORIGINS,
    routes: (app) => {
      if (explorer) app.use(EXPLORER_ASSET_PATH, explorer.assets());
      webConsole?.routes(app);
    },
    ready: async () => {
      await redis.ping();
    },
    onClose: async () => {
      await trafficFeed?.stop();
      await entityCache?.stop();
      await responseCache?.stop();
      await ownRedis?.close();
    },
  });
}
