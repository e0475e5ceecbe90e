import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import type { Database } from '../../platform/db/index.js';
import { EventConsumer } from '../../platform/events/consumer.js';
import { OutboxRelay } from '../../platform/events/outbox.js';
import { JobRunner, pendingJobs } from '../../platform/jobs/index.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { BackgroundWorker, SubgraphDefinition } from '../../platform/subgraph/serve.js';
import { subgraphSchemaPath } from '../../platform/subgraph/names.js';
import type { AchievementsConfig } from './config.js';
import type { Context } from './context.js';
import type { Catalog } from './domain/catalog.js';
import { indexCatalog } from './domain/engine.js';
import { resolvers } from './resolvers/index.js';
import { catalogSyncWorker, CatalogService, readCatalogFile } from './services/catalog.service.js';
import { AchievementEngine } from './services/engine.service.js';
import { ingestHandlers, ingestWants } from './services/ingest.service.js';
import { createAchievementMetrics } from './services/metrics.js';
import { NotificationsService } from './services/notifications.service.js';
import { ProgressCache } from './services/progress-cache.js';
import { ProgressService } from './services/progress.service.js';
import { PUSH_QUEUE, pushHandler } from './services/push.service.js';
import { AchievementsStore } from './store/achievements.store.js';
import { createLoaders } from './store/loaders.js';
import { NotificationsStore } from './store/notifications.store.js';
import { ProgressStore } from './store/progress.store.js';

export interface AchievementsDeps {
  /** The process's database: Prisma for reads and workers, raw transactions for the engine's writes. */
  db: Pick<Database, 'prisma' | 'transaction'>;
  redis: RedisPort;
  logger: Logger;
  config?: Partial<
    Pick<
      AchievementsConfig,
      | 'ACHIEVEMENTS_CONSUMER_NAME'
      | 'ACHIEVEMENTS_PUSH_WEBHOOK_URL'
      | 'ACHIEVEMENTS_PUSH_WEBHOOK_SECRET'
      | 'ACHIEVEMENTS_CACHE_TTL_SECONDS'
      | 'ACHIEVEMENTS_PROJECTION_CACHE_SIZE'
      | 'ACHIEVEMENTS_UNKNOWN_PLAYER_WAIT_MS'
    >
  >;
  /** The catalog to evaluate and sync at start; the checked-in file when omitted. */
  catalog?: Catalog;
  /** Where the subgraph's metrics go (the service's /metrics registry). */
  metrics?: Registry;
  /** Retry spacing of webhook pushes (tests shorten it). */
  pushBackoff?: { baseMs: number; maxMs: number };
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('achievements'), 'utf8'));

/** What the subgraph is made of, for its server, its workers, tests and the rebuild command. */
export function createAchievementsParts(deps: AchievementsDeps) {
  const { prisma } = deps.db;
  const catalogFile = deps.catalog ?? readCatalogFile();
  const index = indexCatalog(catalogFile);
  const store = new AchievementsStore(prisma);
  const progressStore = new ProgressStore(prisma);
  const notificationsStore = new NotificationsStore(prisma);
  const relay = new OutboxRelay({ prisma, redis: deps.redis, producer: 'achievements', logger: deps.logger });
  const webhookUrl = deps.config?.ACHIEVEMENTS_PUSH_WEBHOOK_URL;
  const pushes = webhookUrl
    ? new JobRunner({
        prisma,
        queue: PUSH_QUEUE,
        handler: pushHandler({ url: webhookUrl, secret: deps.config?.ACHIEVEMENTS_PUSH_WEBHOOK_SECRET }),
        logger: deps.logger,
        backoff: deps.pushBackoff,
      })
    : null;
  const cache = new ProgressCache(deps.redis, deps.logger, deps.config?.ACHIEVEMENTS_CACHE_TTL_SECONDS);
  let consumer: EventConsumer | null = null;
  let engine: AchievementEngine | null = null;
  const metrics = createAchievementMetrics(
    deps.metrics ?? new Registry(),
    {
      bus: () => consumer?.pending() ?? Promise.resolve(0),
      push: () => pendingJobs(prisma, PUSH_QUEUE),
    },
    () => engine?.projections.size ?? 0,
  );
  engine = new AchievementEngine({
    transaction: (fn, options) => deps.db.transaction(fn, options),
    redis: deps.redis,
    store: progressStore,
    notifications: notificationsStore,
    index,
    cache,
    metrics,
    logger: deps.logger,
    pushEnabled: pushes !== null,
    onEventsCommitted: () => void relay.poke(),
    onJobsEnqueued: () => pushes?.poke(),
    projectionCacheSize: deps.config?.ACHIEVEMENTS_PROJECTION_CACHE_SIZE,
    unknownPlayerWaitMs: deps.config?.ACHIEVEMENTS_UNKNOWN_PLAYER_WAIT_MS,
  });
  consumer = new EventConsumer({
    prisma,
    redis: deps.redis,
    group: 'achievements',
    consumer: deps.config?.ACHIEVEMENTS_CONSUMER_NAME ?? 'achievements-1',
    handlers: ingestHandlers(engine, progressStore),
    wants: ingestWants,
    logger: deps.logger,
    // Each event locks its players' rows; game-server batches lock theirs in id order. Events of
    // several players in one transaction would lock in stream order and could deadlock with them.
    batch: false,
  });
  const progress = new ProgressService({ index, store: progressStore, redis: deps.redis });
  const notifications = new NotificationsService({ store: notificationsStore, redis: deps.redis });
  const catalog = new CatalogService(store);
  // A broken catalog file fails here, at boot, before anything listens.
  const catalogSync = catalogSyncWorker({ prisma, store, catalog: catalogFile, logger: deps.logger });
  const workers: BackgroundWorker[] = [
    catalogSync,
    relay,
    consumer,
    ...(pushes ? [pushes] : []),
  ];
  return { index, store, progressStore, notificationsStore, engine, progress, notifications, catalog, cache, catalogSync, relay, consumer, workers };
}

/** The achievements subgraph: the event store, rules, progress, unlocks and the inbox. No ports, no environment. */
export function createAchievementsSubgraph(deps: AchievementsDeps): SubgraphDefinition<Context> {
  const parts = createAchievementsParts(deps);
  const { store, progressStore, progress, cache, engine, notifications, catalog } = parts;
  return {
    name: 'achievements',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({
      viewer,
      catalog,
      engine,
      progress,
      notifications,
      loaders: createLoaders({ store, progressStore, progress, cache }),
    }),
    workers: parts.workers,
  };
}
