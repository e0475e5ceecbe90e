import type { Logger } from 'pino';
import type { Database, Sql, TransactionOptions, Tx } from './db/index.js';
import type { AfterCommit } from './events/consumer.js';
import { recordEvents } from './events/outbox.js';
import type { DomainEventPayloads, DomainEventType } from './events/types.js';
import type { LiveChannel } from './live.js';
import type { RedisPort } from './redis/index.js';

/**
 * What a service does inside one transaction besides its own writes: record domain events (in
 * the outbox, so they reach the bus if and only if the transaction commits) and register what
 * must happen only once it has committed (live publishes, cache invalidation).
 */
export interface Work {
  /** Records one domain event of this subgraph in the transaction. */
  record: <T extends DomainEventType>(type: T, payload: DomainEventPayloads[T]) => Promise<string>;
  /** Records several events of one type in one statement, in order. */
  recordAll: <T extends DomainEventType>(type: T, payloads: readonly DomainEventPayloads[T][]) => Promise<string[]>;
  /** Publishes on a live channel once the transaction has committed; never if it rolls back. */
  publish: <P>(channel: LiveChannel<P>, key: string, payload: P) => void;
  /** Runs `effect` once the transaction has committed (after the publishes registered before it). */
  afterCommit: (effect: AfterCommit) => void;
}

/** A unit of work on Prisma: `tx` is the transaction's client. */
export interface PrismaWork extends Work {
  tx: Tx;
}

/** A unit of work on the raw SQL port (docs/database.md says when that is allowed). */
export interface SqlWork extends Work {
  sql: Sql;
}

export interface UnitOfWorkOptions {
  db: Pick<Database, 'prisma' | 'transaction' | 'sql'>;
  redis: RedisPort;
  /** The subgraph whose events this records (the outbox's `producer`). */
  producer: string;
  /** Woken after a commit that recorded events: the subgraph's outbox relay. */
  relay: { poke(): void | Promise<void> };
  logger: Logger;
}

/**
 * Each of a subgraph's transactions runs through its unit of work: one call opens the
 * transaction, the service records events and registers after-commit actions on the `Work` it is
 * handed, and once the commit succeeded the unit of work pokes the relay, then publishes and runs
 * the other actions in the order registered (consecutive publishes sent together), all awaited
 * before the call returns. When the
 * transaction fails nothing of it is published. A failure after the commit is logged, not
 * thrown: the change is committed, and a live stream that missed a publish reads it from storage.
 */
export class UnitOfWork {
  constructor(private readonly options: UnitOfWorkOptions) {}

  /** Runs `fn` in a Prisma transaction. */
  async run<T>(fn: (work: PrismaWork) => Promise<T>, transaction?: TransactionOptions): Promise<T> {
    const collected = this.collector();
    const result = await this.options.db.prisma.$transaction((tx) => fn(collected.bind({ tx }) as PrismaWork), transaction);
    await collected.committed();
    return result;
  }

  /** Runs `fn` in a transaction on the raw SQL port. */
  async runSql<T>(fn: (work: SqlWork) => Promise<T>, transaction?: TransactionOptions): Promise<T> {
    const collected = this.collector();
    const result = await this.options.db.transaction((sql) => fn(collected.bind({ sql }) as SqlWork), transaction);
    await collected.committed();
    return result;
  }

  /**
   * A Work inside a transaction someone else opened (an event consumer's): the caller runs
   * `committed` once that transaction has committed, and never if it rolled back.
   */
  within(tx: Tx): { work: PrismaWork; committed: AfterCommit } {
    const collected = this.collector();
    return { work: collected.bind({ tx }) as PrismaWork, committed: () => collected.committed() };
  }

  /** `within` for a transaction on the raw SQL port someone else opened (a consumer's on Database.transaction). */
  withinSql(sql: Sql): { work: SqlWork; committed: AfterCommit } {
    const collected = this.collector();
    return { work: collected.bind({ sql }) as SqlWork, committed: () => collected.committed() };
  }

  private collector() {
    const { redis, producer, relay, logger } = this.options;
    // In the order registered; consecutive publishes go out together (one Redis connection keeps
    // their order), an action waits for the publishes before it and holds back those after it.
    const effects: { publish: boolean; run: AfterCommit }[] = [];
    let recorded = false;
    return {
      bind: (connection: { tx: Tx } | { sql: Sql }): PrismaWork | SqlWork => {
        const target = 'tx' in connection ? connection.tx : connection.sql;
        return {
          ...connection,
          record: async (type, payload) => {
            recorded = true;
            const [id] = await recordEvents(target, producer, type, [payload]);
            return id!;
          },
          recordAll: async (type, payloads) => {
            if (payloads.length) recorded = true;
            return recordEvents(target, producer, type, payloads);
          },
          publish: (channel, key, payload) => {
            effects.push({ publish: true, run: () => channel.publish(redis, key, payload) });
          },
          afterCommit: (effect) => {
            effects.push({ publish: false, run: effect });
          },
        };
      },
      committed: async () => {
        if (recorded) void Promise.resolve(relay.poke()).catch((error: unknown) => logger.warn({ err: error, producer }, 'poking the outbox relay failed'));
        const attempt = async (effect: AfterCommit) => {
          try {
            await effect();
          } catch (error) {
            logger.warn({ err: error, producer }, 'an after-commit action failed (the change is committed)');
          }
        };
        const queue = effects.splice(0);
        for (let i = 0; i < queue.length; ) {
          if (!queue[i]!.publish) {
            await attempt(queue[i++]!.run);
            continue;
          }
          const run: Promise<void>[] = [];
          while (i < queue.length && queue[i]!.publish) run.push(attempt(queue[i++]!.run));
          await Promise.all(run);
        }
      },
    };
  }
}
