import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type SubscriptionMetrics = ReturnType<typeof createSubscriptionMetrics>;

export function createSubscriptionMetrics(registry: Registry) {
  return {
    connections: new Gauge({ name: 'gateway_ws_connections', help: 'Open graphql-ws connections', registers: [registry] }),
    subscriptions: new Gauge({ name: 'gateway_subscriptions_active', help: 'Active client subscriptions', registers: [registry] }),
    upstreams: new Gauge({
      name: 'gateway_subscription_upstreams',
      help: 'Upstream subscriptions (one per distinct document, variables and authorization scope)',
      registers: [registry],
    }),
    deliveries: new Counter({ name: 'gateway_subscription_deliveries_total', help: 'Subscription events sent to clients', registers: [registry] }),
    latency: new Histogram({
      name: 'gateway_subscription_delivery_seconds',
      help: 'From an event reaching the gateway to its send to one client',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    supergraphUpdates: new Counter({
      name: 'gateway_supergraph_updates_total',
      help: 'Supergraphs applied while running (queries and live subscriptions moved to them)',
      registers: [registry],
    }),
    slowConsumers: new Counter({
      name: 'gateway_ws_slow_consumer_closes_total',
      help: 'Connections closed because the client did not keep up',
      registers: [registry],
    }),
  };
}
