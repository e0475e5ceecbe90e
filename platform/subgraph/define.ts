// The subgraph kit: how every subgraph is declared, built and started. A subgraph is one
// `subgraphs/<name>/subgraph.ts` calling defineSubgraph; docs/subgraphs.md describes the folders
// and the layer each rule lives in.
import { hostname } from 'node:os';
import type { BaseContext } from '@apollo/server';
import { parse, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Viewer } from '../auth.js';
import { metricsAccessOf, type PlatformConfig } from '../config.js';
import type { Database, PrismaClient, Sql, Tx } from '../db/index.js';
import { EventConsumer, type ConsumerConnection, type EventConsumerOptions } from '../events/consumer.js';
import { OutboxRelay } from '../events/outbox.js';
import type { RunningService } from '../http.js';
import { createLogger } from '../logger.js';
import { createMetricsRegistry } from '../metrics.js';
import type { RedisPort } from '../redis/index.js';
import type { Runtime } from '../runtime.js';
import { pino } from 'pino';
import { UnitOfWork } from '../unit-of-work.js';
import { subgraphSdl, type SubgraphName } from './names.js';
import { serveSubgraph, type BackgroundWorker, type SubgraphDefinition } from './serve.js';

type Env = Record<string, string | undefined>;

/**
 * The dependency bag every subgraph's `build` receives, the same for all five: its settings, the
 * process's database and Redis, its logger and metrics, and its unit of work (transactions that
 * record domain events and publish live only after commit).
 */
export interface SubgraphKit<C> {
  name: SubgraphName;
  config: C;
  /** Prisma, and the raw SQL port (docs/database.md says when raw SQL is allowed). */
  db: Pick<Database, 'prisma' | 'transaction' | 'sql'>;
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
  metrics: Registry;
  work: UnitOfWork;
}

type ConsumerParts<C extends ConsumerConnection> = Pick<EventConsumerOptions<C>, 'handlers' | 'batchHandlers' | 'wants' | 'batch' | 'batchSize' | 'blockMs' | 'claimIdleMs' | 'maxAttempts'>;

/**
 * How a subgraph reads the domain-event bus: group = the subgraph's name, one consumer per replica.
 * Its handlers are handed a Prisma transaction's client, or with `port: 'sql'` the raw SQL port of
 * a Database.transaction (docs/database.md says when; no Prisma runtime on a busy consumer's way).
 */
export type SubgraphConsumer = (ConsumerParts<Tx> & { port?: 'prisma' }) | (ConsumerParts<Sql> & { port: 'sql' });

/** What a subgraph's `build` returns. */
export interface SubgraphParts<TContext> {
  /** A fresh context per request: the viewer, the services, new DataLoaders. */
  context(viewer: Viewer): TContext;
  /** Started after the outbox relay, stopped before it. */
  workers?: BackgroundWorker[];
  /** The bus handlers, when the subgraph consumes domain events (started last, stopped first). */
  consumer?: SubgraphConsumer;
}

/** The context type a subgraph's parts build. */
export type ContextOf<P> = P extends SubgraphParts<infer T> ? (T extends BaseContext ? T : never) : never;

export interface SubgraphSpec<C, P extends SubgraphParts<BaseContext>, O> {
  name: SubgraphName;
  /** Parses the subgraph's settings from an environment (its `config.ts`). */
  loadConfig: (env: Env) => C & PlatformConfig;
  resolvers: unknown;
  build(kit: SubgraphKit<C & PlatformConfig>, options: O): P;
}

/** A built subgraph: what `serveSubgraph` runs, plus its parts for tests and commands. */
export type BuiltSubgraph<TContext extends BaseContext, P> = SubgraphDefinition<TContext> & {
  parts: P;
  kit: SubgraphKit<unknown>;
  relay: OutboxRelay;
  consumer: EventConsumer<Tx> | EventConsumer<Sql> | null;
};

export interface CreateInput<C> {
  db: Pick<Database, 'prisma' | 'transaction' | 'sql'>;
  redis: RedisPort;
  logger?: Logger;
  metrics?: Registry;
  /** Settings over the defaults (`loadConfig({})`): what tests and commands change. */
  config?: Partial<C>;
  /** How the kit's consumer polls and takes over (tests make it fast); its defaults otherwise. */
  consumerTuning?: Pick<EventConsumerOptions, 'blockMs' | 'claimIdleMs' | 'maxAttempts' | 'batchSize'>;
}

export interface Subgraph<C, TContext extends BaseContext, P, O> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  loadConfig: (env: Env) => C & PlatformConfig;
  /** Builds the subgraph without ports or environment (tests, commands, the launchers). */
  create(input: CreateInput<C & PlatformConfig> & O): BuiltSubgraph<TContext, P>;
  /** Builds it with the settings in `env` and serves it on its port with the process's runtime. */
  start(runtime: Runtime, env?: Env, options?: O): Promise<RunningService>;
}

/** Consumer names default to the host and process: unique per replica, stable for a container. */
const defaultConsumerName = (name: string) => `${name}-${hostname()}-${process.pid}`;

/**
 * Declares a subgraph: its SDL (schema/<name>.graphql and schema/<name>/*.graphql), resolvers, settings and how its parts are
 * built from the kit. Every subgraph gets the same outbox relay (producer = its name), unit of
 * work, consumer group (its name; replica name from `<NAME>_CONSUMER_NAME`), metrics and
 * start/stop order: relay, then its workers, then its consumer; stopped in reverse.
 */
export function defineSubgraph<C, P extends SubgraphParts<BaseContext>, O = object>(spec: SubgraphSpec<C, P, O>): Subgraph<C, ContextOf<P>, P, O> {
  type TContext = ContextOf<P>;
  const typeDefs = parse(subgraphSdl(spec.name));
  const create = (input: CreateInput<C & PlatformConfig> & O): BuiltSubgraph<TContext, P> => {
    const config = { ...spec.loadConfig({}), ...input.config } as C & PlatformConfig;
    const logger = input.logger ?? pino({ level: 'silent' });
    const { db, redis } = input;
    const relay = new OutboxRelay({ prisma: db.prisma, sql: db.sql, redis, producer: spec.name, logger });
    const kit: SubgraphKit<C & PlatformConfig> = {
      name: spec.name,
      config,
      db,
      prisma: db.prisma,
      redis,
      logger,
      metrics: input.metrics ?? createMetricsRegistry(spec.name),
      work: new UnitOfWork({ db, redis, producer: spec.name, relay, logger }),
    };
    const parts = spec.build(kit, input);
    const consumerName = (config as Record<string, unknown>)[`${spec.name.toUpperCase()}_CONSUMER_NAME`];
    const common = {
      ...input.consumerTuning,
      prisma: db.prisma,
      redis,
      group: spec.name,
      consumer: typeof consumerName === 'string' ? consumerName : defaultConsumerName(spec.name),
      logger,
    };
    let consumer: EventConsumer<Tx> | EventConsumer<Sql> | null = null;
    if (parts.consumer?.port === 'sql') consumer = new EventConsumer<Sql>({ ...parts.consumer, ...common, transaction: (fn, options) => db.transaction(fn, options) });
    else if (parts.consumer) consumer = new EventConsumer<Tx>({ ...parts.consumer, ...common });
    return {
      name: spec.name,
      typeDefs,
      resolvers: spec.resolvers,
      createContext: (viewer) => parts.context(viewer) as TContext,
      workers: [relay, ...(parts.workers ?? []), ...(consumer ? [consumer] : [])],
      parts,
      kit: kit,
      relay,
      consumer,
    };
  };
  return {
    name: spec.name,
    typeDefs,
    loadConfig: spec.loadConfig,
    create,
    async start(runtime, env = process.env, options = {} as O) {
      const config = spec.loadConfig(env);
      const logger = createLogger(spec.name, config.LOG_LEVEL);
      const metrics = createMetricsRegistry(spec.name);
      const built = create({ ...options, db: runtime.db, redis: runtime.redis, logger, metrics, config });
      return serveSubgraph(built, {
        runtime,
        logger,
        host: config.HOST,
        port: (config as Record<string, unknown>)[`${spec.name.toUpperCase()}_PORT`] as number,
        internalSecret: config.INTERNAL_SECRET,
        includeStack: config.NODE_ENV === 'development',
        metricsAccess: metricsAccessOf(config),
        metrics,
      });
    },
  };
}
