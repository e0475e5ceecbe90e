// What the N+1 guard (test/n-plus-one.test.ts) runs on: the five subgraphs and the gateway in this
// process, each subgraph on its own recording view of one database, so every statement it sends is
// counted per subgraph, and each subgraph's operations metric says how often the gateway called it.
import { randomUUID } from 'node:crypto';
import type { BaseContext } from '@apollo/server';
import { issueAccessToken, issueServiceToken, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import type { RunningService } from '../../platform/http.js';
import { MemoryRedisPort, openRedis, type RedisPort } from '../../platform/redis/index.js';
import type { BuiltSubgraph } from '../../platform/subgraph/define.js';
import { SUBGRAPHS, type SubgraphName } from '../../platform/subgraph/names.js';
import { serveSubgraph } from '../../platform/subgraph/serve.js';
import { openTestDatabase, recordingPrisma, recordingSql, silentLogger, subgraphClient } from '../../platform/testing.js';
import { startGateway } from '../../gateway/index.js';
import { syncCatalog } from '../../subgraphs/achievements/services/catalog.service.js';
import { achievementsSubgraph } from '../../subgraphs/achievements/subgraph.js';
import { analyticsSubgraph } from '../../subgraphs/analytics/subgraph.js';
import { socialSubgraph } from '../../subgraphs/social/subgraph.js';
import { tournamentsSubgraph } from '../../subgraphs/tournaments/subgraph.js';
import { usersSubgraph } from '../../subgraphs/users/subgraph.js';

type Db = Pick<Database, 'prisma' | 'sql' | 'transaction'>;

/**
 * The database as one subgraph sees it, appending every statement it sends to `statements`: Prisma
 * operations (recordingPrisma), the raw SQL port (recordingSql), and statements inside the port's
 * transactions (Database.transaction; its BEGIN and COMMIT are not counted).
 */
export function recordingDatabase(db: Db, statements: string[]): Db {
  return {
    prisma: recordingPrisma(db.prisma, statements),
    sql: recordingSql(db.sql, statements),
    transaction: (fn, options) => db.transaction((sql) => fn(recordingSql(sql, statements)), options),
  };
}

/** Statements each subgraph sent, and operations each subgraph executed, while a measured call ran. */
export interface Measured<T> {
  result: T;
  /** Per subgraph: what reached the database (`Model.operation`, `$raw.…`, `$sql:<first line>`), sorted. */
  statements: Record<SubgraphName, string[]>;
  /** Per subgraph: GraphQL operations it executed (the gateway's fetches, `_entities` batches included). */
  fetches: Record<SubgraphName, number>;
}

export interface CountedSubgraph {
  built: BuiltSubgraph<BaseContext, unknown>;
  /** Runs an operation straight on the subgraph (no HTTP, no gateway), as `viewer`. */
  execute: ReturnType<typeof subgraphClient<BaseContext>>['execute'];
  service: RunningService;
  statements: string[];
}

export interface CountingPlatform {
  /** The database itself (not recorded): for seeding and cleaning up. */
  db: Database;
  redis: RedisPort;
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, CountedSubgraph>;
  /** A bearer token the gateway accepts for this player, or for a service with these scopes. */
  tokenFor(viewer: Viewer): Promise<string>;
  /** Runs `call` and reports what it cost each subgraph. */
  measure<T>(call: () => Promise<T>): Promise<Measured<T>>;
  close(): Promise<void>;
}

/**
 * Starts the platform for the guard: one migrated database (PGlite in memory, or DATABASE_URL),
 * Redis (REDIS_URL, or in process), the five subgraphs over HTTP on free ports and the gateway in
 * front of them. Background workers (outbox relays, consumers, job runners) are not started and the
 * relays are stopped, so nothing but the measured requests reaches the database; the achievements
 * catalog is synced once, as its start-up worker would.
 */
export async function startCountingPlatform(gatewayEnv: Record<string, string> = {}): Promise<CountingPlatform> {
  const db = await openTestDatabase();
  const redis = process.env.REDIS_URL ? openRedis(process.env.REDIS_URL) : new MemoryRedisPort();
  // What close() undoes, in reverse.
  const stops: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop();
    await redis.close();
    await db.close();
  };
  try {
    await syncCatalog(db.prisma);
    const record = (name: SubgraphName) => {
      const statements: string[] = [];
      const input = { db: recordingDatabase(db, statements), redis, logger: silentLogger };
      const built = {
        users: () => usersSubgraph.create(input),
        // Catalog checked on every read: the cases write definitions straight into the table.
        achievements: () => achievementsSubgraph.create({ ...input, config: { ACHIEVEMENTS_CATALOG_RECHECK_MS: 0 } }),
        social: () => socialSubgraph.create(input),
        tournaments: () => tournamentsSubgraph.create(input),
        analytics: () => analyticsSubgraph.create(input),
      }[name]() as unknown as BuiltSubgraph<BaseContext, unknown>;
      return { built, statements };
    };
    const subgraphs = {} as Record<SubgraphName, CountedSubgraph>;
    for (const { name } of SUBGRAPHS) {
      const { built, statements } = record(name);
      // A unit of work pokes its relay after each commit; a stopped relay does nothing.
      await built.relay.stop();
      const service = await serveSubgraph(
        { ...built, workers: [] },
        {
          runtime: { db, redis, close: async () => {} },
          logger: silentLogger,
          host: '127.0.0.1',
          port: 0,
          internalSecret: (built.kit.config as { INTERNAL_SECRET: string }).INTERNAL_SECRET,
          includeStack: false,
        },
      );
      stops.push(() => service.close());
      const client = subgraphClient(built);
      await client.server.start();
      stops.push(() => client.server.stop());
      subgraphs[name] = { built, execute: client.execute, service, statements };
    }
    const gateway = await startGateway({
      env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', GATEWAY_PORT: '0', SUPERGRAPH_POLL_INTERVAL_MS: '0', ...gatewayEnv },
      redis,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, subgraphs[name].service.url])),
    });
    stops.push(() => gateway.close());
    const jwtSecret = (subgraphs.users.built.kit.config as { JWT_SECRET: string }).JWT_SECRET;
    const fetchesOf = async (service: RunningService) => {
      const metric = await service.metrics.getSingleMetric('graphql_operations_total')?.get();
      return (metric?.values ?? []).reduce((sum, { value }) => sum + value, 0);
    };
    const names = SUBGRAPHS.map(({ name }) => name);
    return {
      db,
      redis,
      gatewayUrl: gateway.url,
      subgraphs,
      tokenFor: async (viewer) =>
        (viewer.kind === 'service'
          ? await issueServiceToken({ keyId: viewer.serviceId ?? randomUUID(), scopes: viewer.scopes ?? [] }, jwtSecret, 900)
          : await issueAccessToken({ id: viewer.userId!, role: viewer.role ?? 'PLAYER' }, jwtSecret, 900)
        ).token,
      async measure(call) {
        for (const name of names) subgraphs[name].statements.length = 0;
        const before = await Promise.all(names.map((name) => fetchesOf(subgraphs[name].service)));
        const result = await call();
        // Anything a resolver left running (a cache fill, a fire-and-forget write) lands first.
        await new Promise((resolve) => setTimeout(resolve, 25));
        const after = await Promise.all(names.map((name) => fetchesOf(subgraphs[name].service)));
        return {
          result,
          statements: Object.fromEntries(names.map((name) => [name, [...subgraphs[name].statements].sort()])) as Record<SubgraphName, string[]>,
          fetches: Object.fromEntries(names.map((name, i) => [name, after[i]! - before[i]!])) as Record<SubgraphName, number>,
        };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
