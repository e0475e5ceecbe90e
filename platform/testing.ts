// Helpers for tests that run a subgraph on a real database (PGlite in memory, or the
// PostgreSQL in DATABASE_URL when set, as CI's second pass does). Not used at run time.
import type { ApolloServer, BaseContext } from '@apollo/server';
import { pino } from 'pino';
import type { Viewer } from './auth.js';
import { openDatabase, type Database, type PrismaClient, type Sql } from './db/index.js';
import { createMetricsRegistry } from './metrics.js';
import { MemoryRedisPort } from './redis/index.js';
import type { BackgroundWorker, SubgraphDefinition } from './subgraph/serve.js';
import { createSubgraphServer } from './subgraph/apollo.js';

export const silentLogger = pino({ level: 'silent' });

/** A migrated database for a test file: PGlite in memory, or DATABASE_URL's PostgreSQL. */
export function openTestDatabase(): Promise<Database> {
  return openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
}

export const newTestRedis = () => new MemoryRedisPort();

/**
 * Runs operations against a subgraph definition as a given viewer, through the real Apollo
 * server (schema, resolvers, error formatting), without HTTP.
 */
export function subgraphClient<TContext extends BaseContext>(definition: SubgraphDefinition<TContext>) {
  const { apollo: server }: { apollo: ApolloServer<TContext> } = createSubgraphServer<TContext>({
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    logger: silentLogger,
    metrics: createMetricsRegistry(`${definition.name}-test`),
    includeStack: false,
  });
  return {
    server,
    execute: async <TData = Record<string, unknown>>(
      viewer: Viewer,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<{ data?: TData | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }> => {
      const response = await server.executeOperation({ query, variables }, { contextValue: definition.createContext(viewer) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as never;
    },
  };
}

/**
 * A Prisma client that appends every operation reaching the database to `operations`
 * (`Model.operation`, or `$raw.<operation>` for raw SQL), for tests that assert batching.
 */
export function recordingPrisma(prisma: PrismaClient, operations: string[]): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        operations.push(`${model ?? '$raw'}.${operation}`);
        return query(args) as Promise<unknown>;
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * The raw SQL port, appending `$sql:<first line of the statement>` to `operations` for every
 * statement it runs (next to recordingPrisma's entries, for tests that assert batching): build the
 * subgraph with `db: { ...db, prisma: recordingPrisma(…), sql: recordingSql(db.sql, operations) }`.
 */
export function recordingSql(sql: Sql, operations: string[]): Sql {
  return {
    query: <T>(text: string, params?: readonly unknown[]) => {
      operations.push(`$sql:${text.trim().split('\n', 1)[0]!.trim()}`);
      return sql.query<T>(text, params);
    },
  };
}

/**
 * Starts a built subgraph's workers in order, as serveSubgraph does before it listens; resolves to
 * the function that stops them in reverse.
 */
export async function startWorkers(workers: readonly BackgroundWorker[] = []): Promise<() => Promise<void>> {
  const started: BackgroundWorker[] = [];
  for (const worker of workers) {
    await worker.start();
    started.push(worker);
  }
  return async () => {
    for (const worker of started.reverse()) await worker.stop();
  };
}
