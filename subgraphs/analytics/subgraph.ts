import { hostname } from 'node:os';
import { RateLimit } from '../../platform/rate-limit.js';
import { defineSubgraph } from '../../platform/subgraph/define.js';
import { contentCatalog } from './catalog/content.js';
import { loadAnalyticsConfig } from './config.js';
import { domainEventHandlers } from './consumers/domain-events.consumer.js';
import { playerProjectionHandlers } from './consumers/player-projections.consumer.js';
import { IngestedEventsConsumer } from './consumers/ingested-events.consumer.js';
import type { Context } from './context.js';
import { utcDay } from './domain/window.js';
import { resolvers } from './resolvers/index.js';
import { Admins } from './services/admins.js';
import { AnalyticsMetrics } from './services/analytics-metrics.js';
import { CustomEventsService } from './services/custom-events.service.js';
import { DashboardService } from './services/dashboard.service.js';
import { ExperimentsService } from './services/experiments.service.js';
import { IngestionService } from './services/ingestion.service.js';
import { MetricsService } from './services/metrics.service.js';
import { PersonalizationService } from './services/personalization.service.js';
import { ProcessingService } from './services/processing.service.js';
import { catalogKeys, RecommenderService, RecommenderTrainer } from './services/recommender.service.js';
import { AnalyticsEventsStore } from './store/analytics-events.store.js';
import { CustomEventsStore } from './store/custom-events.store.js';
import { DashboardStore } from './store/dashboard.store.js';
import { ExperimentsStore } from './store/experiments.store.js';
import { GatewayTrafficStore } from './store/gateway-traffic.store.js';
import { IngestLogStore } from './store/ingest-log.store.js';
import { createLoaders } from './store/loaders.js';
import { createPlayerFactsLoader, PersonalizationStore } from './store/personalization.store.js';
import { PlayerProjectionsStore } from './store/player-projections.store.js';
import { ProcessingStore } from './store/processing.store.js';

/**
 * The analytics subgraph: takes events from game clients and servers onto the analytics log
 * (a Redis stream), processes them in a consumer group into per-player metrics, daily rollups and
 * the dashboard's sliding window, follows domain events from the bus, and answers metrics.
 */
export const analyticsSubgraph = defineSubgraph({
  name: 'analytics',
  loadConfig: loadAnalyticsConfig,
  resolvers,
  build: ({ prisma, db, redis, config, logger, metrics: registry, work }) => {
    const store = new AnalyticsEventsStore(prisma);
    const projections = new PlayerProjectionsStore(prisma);
    const admins = new Admins(projections);
    const metrics = new MetricsService({ admins });
    const analyticsMetrics = new AnalyticsMetrics(registry, Object.keys(config.ANALYTICS_CUSTOM_EVENT_LABELS));
    const log = new IngestLogStore(redis, { dedupeTtlSeconds: config.ANALYTICS_DEDUPE_TTL_SECONDS, maxLen: config.ANALYTICS_LOG_MAX_LEN });
    const limit = (name: string, points: number, durationSeconds: number) =>
      new RateLimit(redis, { name, points, durationSeconds, message: 'Too many events. Try again in {seconds} seconds.' });
    const eventLimits = {
      players: limit('analytics:player-events', config.ANALYTICS_PLAYER_EVENTS_PER_MINUTE, 60),
      services: limit('analytics:service-events', config.ANALYTICS_SERVICE_EVENTS_PER_10S, 10),
    };
    const ingestion = new IngestionService({
      log,
      metrics: analyticsMetrics,
      logger,
      limits: eventLimits,
      awaitProcessing: config.ANALYTICS_AWAIT_PROCESSING === 'auto' ? redis.kind === 'memory' : config.ANALYTICS_AWAIT_PROCESSING === 'true',
    });
    const processingStore = new ProcessingStore();
    const catalog = contentCatalog();
    const personalizationStore = new PersonalizationStore(prisma, db.sql);
    const recommender = new RecommenderService({ store: personalizationStore, catalog, refreshMs: config.ANALYTICS_RECOMMENDER_REFRESH_MS });
    const personalization = new PersonalizationService({ recommender, catalog, admins });
    const trainer = new RecommenderTrainer({ recommender, store: personalizationStore, intervalMs: config.ANALYTICS_RECOMMENDER_TRAIN_INTERVAL_MS, logger });
    const processor = new IngestedEventsConsumer({
      redis,
      sql: db.sql,
      processing: new ProcessingService({ work, store: processingStore, interactions: personalizationStore, metrics: analyticsMetrics }),
      store: processingStore,
      metrics: analyticsMetrics,
      logger,
      consumer: config.ANALYTICS_CONSUMER_NAME ?? `analytics-${hostname()}-${process.pid}`,
      claimIdleMs: config.ANALYTICS_CLAIM_IDLE_MS,
    });
    const dashboardStore = new DashboardStore(db.sql);
    const dashboard = new DashboardService({ store: dashboardStore, admins, traffic: new GatewayTrafficStore(redis) });
    const experiments = new ExperimentsService({ store: new ExperimentsStore(prisma, db.sql), prisma, admins, cacheMs: config.ANALYTICS_EXPERIMENT_CACHE_MS });
    const customEvents = new CustomEventsService({
      prisma,
      store: new CustomEventsStore(prisma),
      metrics: analyticsMetrics,
      labels: config.ANALYTICS_CUSTOM_EVENT_LABELS,
      maxNames: config.ANALYTICS_CUSTOM_EVENT_NAMES_MAX,
      limits: eventLimits,
      admins,
    });
    return {
      context: (viewer): Context => ({
        // This request's own viewer object: Admins reads an admin's role once per request by it.
        viewer: { ...viewer },
        metrics,
        ingestion,
        dashboard,
        experiments,
        customEvents,
        dashboardSlideMs: config.ANALYTICS_DASHBOARD_SLIDE_MS,
        loaders: createLoaders(store, dashboardStore, () => utcDay(Date.now())),
        personalization,
        playerFacts: createPlayerFactsLoader(personalizationStore, catalogKeys(catalog), Date.now),
      }),
      workers: [processor, trainer],
      consumer: { handlers: { ...domainEventHandlers(store), ...playerProjectionHandlers(projections) } },
      processor,
      recommender,
    };
  },
});
