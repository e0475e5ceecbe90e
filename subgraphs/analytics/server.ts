import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import { EventConsumer } from '../../platform/events/consumer.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { SubgraphDefinition } from '../../platform/subgraph/serve.js';
import { subgraphSchemaPath } from '../../platform/subgraph/names.js';
import type { AnalyticsConfig } from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { ingestionHandlers } from './services/ingestion.service.js';
import { MetricsService } from './services/metrics.service.js';
import { AnalyticsEventsStore } from './store/analytics-events.store.js';

export interface AnalyticsDeps {
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
  config: Pick<AnalyticsConfig, 'ANALYTICS_CONSUMER_NAME'>;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('analytics'), 'utf8'));

/** The analytics subgraph: ingests domain events from the bus and answers metrics. No ports, no environment. */
export function createAnalyticsSubgraph(deps: AnalyticsDeps): SubgraphDefinition<Context> {
  const store = new AnalyticsEventsStore(deps.prisma);
  const metrics = new MetricsService(store);
  const ingestion = new EventConsumer({
    prisma: deps.prisma,
    redis: deps.redis,
    group: 'analytics',
    consumer: deps.config.ANALYTICS_CONSUMER_NAME,
    handlers: ingestionHandlers(store),
    logger: deps.logger,
  });
  return {
    name: 'analytics',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({ viewer, metrics }),
    workers: [ingestion],
  };
}
