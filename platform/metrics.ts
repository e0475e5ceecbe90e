import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** A registry per service, so services sharing a process still report separately. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Counts and times GraphQL operations: `graphql_operations_total`, `graphql_operation_duration_seconds`. */
export function metricsPlugin(registry: Registry): ApolloServerPlugin {
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations executed, by type and outcome',
    labelNames: ['operation_type', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Time to execute a GraphQL operation',
    labelNames: ['operation_type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const stop = duration.startTimer();
      return {
        async willSendResponse({ operation, errors }) {
          const type = operation?.operation ?? 'unknown';
          stop({ operation_type: type });
          operations.inc({ operation_type: type, outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}
