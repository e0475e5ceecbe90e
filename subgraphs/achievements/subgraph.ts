import { DOMAIN_EVENTS_STREAM } from '../../platform/events/types.js';
import { JobRunner, pendingJobs } from '../../platform/jobs/index.js';
import { defineSubgraph } from '../../platform/subgraph/define.js';
import type { BackgroundWorker } from '../../platform/subgraph/serve.js';
import { loadAchievementsConfig } from './config.js';
import { busEventsConsumer } from './consumers/bus-events.consumer.js';
import type { Context } from './context.js';
import type { Catalog } from './domain/catalog.js';
import { indexCatalog } from './domain/evaluate.js';
import { resolvers } from './resolvers/index.js';
import { catalogSyncWorker, CatalogService, readCatalogFile } from './services/catalog.service.js';
import { GameEventsService } from './services/game-events.service.js';
import { LiveUpdates } from './services/live-updates.service.js';
import { createAchievementMetrics } from './services/metrics.service.js';
import { NotificationsService } from './services/notifications.service.js';
import { ProgressService } from './services/progress.service.js';
import { InMemoryProjections } from './services/projections.service.js';
import { PUSH_QUEUE, pushHandler } from './services/push.service.js';
import { BatchRecorder } from './services/record-batch.service.js';
import { UnlockEffects } from './services/unlock-effects.service.js';
import { AchievementsStore } from './store/achievements.store.js';
import { DefinitionsCache } from './store/definitions.cache.js';
import { createLoaders } from './store/loaders.js';
import { NotificationsStore } from './store/notifications.store.js';
import { ProgressCache } from './store/progress.cache.js';
import { ProgressStore } from './store/progress.store.js';

export interface AchievementsOptions {
  /** The catalog to evaluate and sync at start; the file ACHIEVEMENTS_CATALOG_PATH names when omitted. */
  catalog?: Catalog;
  /** Retry spacing of webhook pushes (tests shorten it). */
  pushBackoff?: { baseMs: number; maxMs: number };
}

/** The achievements subgraph: the event store, rules, progress, unlocks and the inbox. */
export const achievementsSubgraph = defineSubgraph({
  name: 'achievements',
  loadConfig: loadAchievementsConfig,
  resolvers,
  build: (kit, options: AchievementsOptions) => {
    const { config, prisma, redis, logger, work } = kit;
    // A missing or invalid catalog stops the start here (a ConfigError), before anything listens.
    const catalogFile = options.catalog ?? readCatalogFile(config.ACHIEVEMENTS_CATALOG_PATH);
    const index = indexCatalog(catalogFile);
    const store = new AchievementsStore(prisma, kit.db.sql);
    const definitions = new DefinitionsCache(store, { recheckMs: config.ACHIEVEMENTS_CATALOG_RECHECK_MS, logger });
    const progressStore = new ProgressStore(prisma, kit.db.sql);
    const notificationsStore = new NotificationsStore(prisma);
    const webhookUrl = config.ACHIEVEMENTS_PUSH_WEBHOOK_URL;
    const pushes = webhookUrl
      ? new JobRunner({
          prisma,
          sql: kit.db.sql,
          queues: { [PUSH_QUEUE]: pushHandler({ url: webhookUrl, secret: config.ACHIEVEMENTS_PUSH_WEBHOOK_SECRET }) },
          logger,
          backoff: options.pushBackoff,
        })
      : null;
    const cache = new ProgressCache(redis, logger, config.ACHIEVEMENTS_CACHE_TTL_SECONDS);
    const projections = new InMemoryProjections(config.ACHIEVEMENTS_PROJECTION_CACHE_SIZE);
    const metrics = createAchievementMetrics(
      kit.metrics,
      {
        // What the kit's consumer reports as its backlog (EventConsumer.pending), which build cannot reach.
        bus: () => redis.xpendingCount(DOMAIN_EVENTS_STREAM, kit.name),
        push: () => pendingJobs(prisma, PUSH_QUEUE),
      },
      () => projections.size,
    );
    const unlockEffects = new UnlockEffects({
      index,
      notifications: notificationsStore,
      metrics,
      pushEnabled: pushes !== null,
      onPushesEnqueued: () => void pushes?.poke(), // the runner's poke reports its failures itself
      redis,
    });
    const liveUpdates = new LiveUpdates(cache);
    const batches = new BatchRecorder({ store: progressStore, index, projections, unlockEffects, liveUpdates, metrics });
    const gameEvents = new GameEventsService({
      work,
      store: progressStore,
      index,
      batches,
      projections,
      unknownPlayerWaitMs: config.ACHIEVEMENTS_UNKNOWN_PLAYER_WAIT_MS,
    });
    const progress = new ProgressService({ index, store: progressStore, redis });
    const notifications = new NotificationsService({ store: notificationsStore, redis });
    const catalog = new CatalogService(definitions);
    const catalogSync = catalogSyncWorker({ prisma, store, definitions, catalog: catalogFile, logger, redis });
    const workers: BackgroundWorker[] = [catalogSync, ...(pushes ? [pushes] : [])];
    return {
      context: (viewer): Context => ({
        viewer,
        catalog,
        gameEvents,
        progress,
        notifications,
        loaders: createLoaders({ store, definitions, progressStore, cache, unlockStats: (ids) => progress.unlockStats(ids) }),
      }),
      workers,
      consumer: busEventsConsumer({ work, batches, store: progressStore, playerKnown: (userId) => gameEvents.playerKnown(userId), notifications: notificationsStore }),
      // What tests, the rebuild command and the bench use.
      index,
      work,
      logger,
      store,
      definitions,
      progressStore,
      notificationsStore,
      cache,
      projections,
      unlockEffects,
      liveUpdates,
      batches,
      gameEvents,
      progress,
      notifications,
      catalog,
      catalogSync,
    };
  },
});
