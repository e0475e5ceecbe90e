import type { IncomingMessage } from 'node:http';
import type { BaseContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth.js';
import type { MetricsAccess } from '../config.js';
import { startHttpService, type RunningService } from '../http.js';
import { createMetricsRegistry } from '../metrics.js';
import type { Runtime } from '../runtime.js';
import { createSubgraphServer, serveSubgraphSubscriptions, viewerOfRequest } from './apollo.js';
import type { Registry } from 'prom-client';

/** Something a service runs beside its HTTP server: an outbox relay, an event consumer, a job runner. */
export interface BackgroundWorker {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

/** What a subgraph's `server.ts` builds: everything but ports and environment. */
export interface SubgraphDefinition<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: unknown;
  /** A fresh context per request (viewer + new DataLoaders). */
  createContext: (viewer: Viewer) => TContext;
  workers?: BackgroundWorker[];
}

export interface ServeOptions {
  runtime: Runtime;
  logger: Logger;
  host: string;
  port: number;
  internalSecret: string;
  includeStack: boolean;
  metrics?: Registry;
  /** Who may read /metrics on the subgraph's port (metricsAccessOf(config)); unset: anyone. */
  metricsAccess?: MetricsAccess;
}

/**
 * Starts a subgraph: its HTTP server, then its workers (a port already taken fails before any
 * worker runs). Closing stops both, in reverse.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
  options: ServeOptions,
): Promise<RunningService> {
  const metrics = options.metrics ?? createMetricsRegistry(definition.name);
  const { apollo, schema } = createSubgraphServer<TContext>({
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    logger: options.logger,
    metrics,
    includeStack: options.includeStack,
  });
  const started: BackgroundWorker[] = [];
  const { db, redis } = options.runtime;
  const service = await startHttpService({
    name: definition.name,
    host: options.host,
    port: options.port,
    logger: options.logger,
    apollo,
    metrics,
    metricsAccess: options.metricsAccess,
    context: async (req: IncomingMessage) => definition.createContext(await viewerOfRequest(req, options.internalSecret)),
    attach: (httpServer) =>
      serveSubgraphSubscriptions({
        httpServer,
        schema,
        internalSecret: options.internalSecret,
        createContext: definition.createContext,
        logger: options.logger,
        includeStack: options.includeStack,
      }),
    ready: async () => {
      await db.ping();
      await redis.ping();
    },
    onClose: async () => {
      for (const worker of started.reverse()) await worker.stop();
    },
  });
  try {
    for (const worker of definition.workers ?? []) {
      await worker.start();
      started.push(worker);
    }
  } catch (error) {
    await service.close();
    throw error;
  }
  return service;
}
