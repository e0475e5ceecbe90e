import { defineSubgraph } from '../../platform/subgraph/define.js';
import { loadAnalyticsConfig } from './config.js';
import { domainEventHandlers } from './consumers/domain-events.consumer.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { MetricsService } from './services/metrics.service.js';
import { AnalyticsEventsStore } from './store/analytics-events.store.js';
import { createLoaders } from './store/loaders.js';

/** The analytics subgraph: ingests domain events from the bus and answers metrics. */
export const analyticsSubgraph = defineSubgraph({
  name: 'analytics',
  loadConfig: loadAnalyticsConfig,
  resolvers,
  build: ({ prisma }) => {
    const store = new AnalyticsEventsStore(prisma);
    const metrics = new MetricsService();
    return {
      context: (viewer): Context => ({ viewer, metrics, loaders: createLoaders(store) }),
      consumer: { handlers: domainEventHandlers(store) },
    };
  },
});
