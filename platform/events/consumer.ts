import type { Logger } from 'pino';
import { asSql, pgArray, type PrismaClient, type Sql, type TransactionOptions, type Tx } from '../db/index.js';
import { isNoGroupError, type RedisPort, type StreamEntry } from '../redis/index.js';
import { DOMAIN_EVENTS_STREAM, type DomainEvent, type DomainEventType } from './types.js';

/**
 * Work a handler leaves for after its transaction commits: things that must not happen for an
 * effect that may still roll back (poking a relay, live notifications). Run at most once, only for
 * a newly applied event; a failure is logged, not retried (the effect itself is committed).
 */
export type AfterCommit = () => void | Promise<void>;

/**
 * What a handler is handed of the consumer's transaction: Prisma's transaction client (`Tx`, the
 * default) or the raw SQL port (`Sql`, a consumer given `transaction`: no Prisma runtime on the way).
 */
export type ConsumerConnection = Tx | Sql;

/**
 * Handlers by event type; each runs inside a transaction that also records the event as handled,
 * and may return an AfterCommit for the consumer to run once that transaction has committed.
 */
export type EventHandlers<C extends ConsumerConnection = Tx> = {
  [T in DomainEventType]?: (event: DomainEvent<T>, tx: C) => Promise<void | AfterCommit>;
};

/**
 * Handlers that take a run of consecutive events of their type at once, so a read of 100 events
 * costs one set-based write instead of 100. Same contract as EventHandlers for each event of the
 * run (the events are new to this group, in stream order; all or nothing with their
 * `processed_events` rows). When a batch fails, each event is retried alone: a run of one.
 */
export type EventBatchHandlers<C extends ConsumerConnection = Tx> = {
  [T in DomainEventType]?: (events: DomainEvent<T>[], tx: C) => Promise<void | AfterCommit>;
};

export interface EventConsumerOptions<C extends ConsumerConnection = Tx> {
  prisma: PrismaClient;
  /**
   * How the handlers' transactions are opened. Default: a Prisma interactive transaction, its client
   * handed to the handlers. A consumer whose handlers write only SQL passes Database.transaction
   * (C = Sql): on PostgreSQL it runs on `pg` directly, without Prisma's runtime on every statement.
   */
  transaction?: <T>(fn: (connection: C) => Promise<T>, options?: TransactionOptions) => Promise<T>;
  redis: RedisPort;
  /** The consumer group: one per consuming service; replicas of it share the events. */
  group: string;
  /** This replica's name within the group. */
  consumer: string;
  /** Per event; a type goes in `handlers` or in `batchHandlers`, not both. */
  handlers?: EventHandlers<C>;
  batchHandlers?: EventBatchHandlers<C>;
  /**
   * For events of a handled type that the event alone shows this group has nothing to do with
   * (a profile change without a new timezone, say): false acks it without a transaction, as an
   * event of an unhandled type. Default: every event of a handled type is applied.
   */
  wants?: (event: DomainEvent) => boolean;
  logger: Logger;
  batchSize?: number;
  blockMs?: number;
  /** Entries pending this long (their consumer died or failed) are taken over and retried. */
  claimIdleMs?: number;
  /** Failures of one event (on this replica) before it goes to dead_letter_events; default 5. */
  maxAttempts?: number;
  /**
   * Apply one read's events in one transaction (default). Turn it off for handlers that lock rows
   * other writers lock in a fixed order: events in one transaction would take those locks in
   * stream order and could deadlock with them.
   */
  batch?: boolean;
}

/** A batch of up to `batchSize` events commits together; a slow machine must not time it out. */
const BATCH_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

/**
 * Reads the domain-event stream as one member of a consumer group. Each event's effect and its
 * `processed_events` row commit together, so a redelivered event (relay retry, claimed after a
 * crash) is skipped: every event has its effect exactly once.
 *
 * An event whose handler fails stays pending and is retried when claimed again (after
 * `claimIdleMs`); the events after it go on. After `maxAttempts` failures it is set aside in
 * dead_letter_events with its last error and marked handled, so one poison event cannot be
 * retried forever.
 */
export class EventConsumer<C extends ConsumerConnection = Tx> {
  private loop?: Promise<void>;
  private stopped = false;
  private lastClaim = 0;
  /** Failures per stream entry on this replica (a replica that takes over starts counting again). */
  private readonly failures = new Map<string, number>();

  constructor(private readonly options: EventConsumerOptions<C>) {}

  /** A transaction of the handlers' kind (see `transaction`). */
  private transact<T>(fn: (connection: C) => Promise<T>, options?: TransactionOptions): Promise<T> {
    if (this.options.transaction) return this.options.transaction(fn, options);
    // Without `transaction`, C is Tx (the type's default): Prisma's client is what the handlers take.
    return this.options.prisma.$transaction((tx) => fn(tx as C), options);
  }

  async start() {
    await this.options.redis.xgroupCreate(DOMAIN_EVENTS_STREAM, this.options.group);
    this.stopped = false;
    this.loop = this.run();
  }

  async stop() {
    this.stopped = true;
    await this.loop;
  }

  /** Events delivered to the group but not yet handled (the processing backlog). */
  pending(): Promise<number> {
    return this.options.redis.xpendingCount(DOMAIN_EVENTS_STREAM, this.options.group);
  }

  private async run() {
    const { redis, group, consumer, logger } = this.options;
    while (!this.stopped) {
      try {
        const entries = await this.nextEntries();
        const done = await this.handleMany(entries);
        if (done.length) await redis.xack(DOMAIN_EVENTS_STREAM, group, done);
      } catch (error) {
        if (this.stopped) return;
        if (isNoGroupError(error)) {
          await this.recreateGroup(error);
          continue;
        }
        logger.error({ err: error, group, consumer }, 'event consumer failed; retrying');
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /**
   * The group (or the whole stream) is gone: Redis restarted without its data, or was flushed.
   * Recreated, it reads the new stream from its start, where the relays put back what was lost
   * (OutboxRelay). Entries this replica was retrying belonged to the old stream.
   */
  private async recreateGroup(cause: unknown) {
    const { redis, group, consumer, logger } = this.options;
    logger.warn({ err: cause, group, consumer }, 'consumer group missing (Redis lost its data?); creating it again');
    this.failures.clear();
    try {
      await redis.xgroupCreate(DOMAIN_EVENTS_STREAM, group);
    } catch (error) {
      logger.error({ err: error, group, consumer }, 'creating the consumer group again failed; retrying');
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  private async nextEntries(): Promise<StreamEntry[]> {
    const { redis, group, consumer } = this.options;
    const claimIdleMs = this.options.claimIdleMs ?? 30_000;
    if (Date.now() - this.lastClaim > Math.min(claimIdleMs, 5_000)) {
      this.lastClaim = Date.now();
      const claimed = await redis.xautoclaim(DOMAIN_EVENTS_STREAM, group, consumer, claimIdleMs, this.options.batchSize ?? 100);
      if (claimed.length) return claimed;
    }
    return redis.xreadgroup(DOMAIN_EVENTS_STREAM, group, consumer, this.options.batchSize ?? 100, this.options.blockMs ?? 1_000);
  }

  /** True when the entry is done with (handled, or set aside as a dead letter); false to retry it later. */
  private async handleOrSetAside(entry: StreamEntry): Promise<boolean> {
    try {
      await this.handle(entry);
      this.failures.delete(entry.id);
      return true;
    } catch (error) {
      if (this.stopped) return false;
      const { group, consumer, logger } = this.options;
      const failures = (this.failures.get(entry.id) ?? 0) + 1;
      const maxAttempts = this.options.maxAttempts ?? 5;
      if (failures < maxAttempts) {
        this.failures.set(entry.id, failures);
        logger.warn({ err: error, group, consumer, entryId: entry.id, failures }, 'event handler failed; will retry');
        return false;
      }
      this.failures.delete(entry.id);
      await this.setAside(entry, error, failures);
      logger.error({ err: error, group, consumer, entryId: entry.id, failures }, 'event handler keeps failing; moved to dead_letter_events');
      return true;
    }
  }

  private async setAside(entry: StreamEntry, error: unknown, failures: number) {
    const { group } = this.options;
    const event = JSON.parse(entry.fields.event ?? 'null') as DomainEvent;
    const message = String(error instanceof Error ? (error.stack ?? error.message) : error).slice(0, 4_000);
    await this.options.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO dead_letter_events (consumer, event_id, type, event, error, failures)
        VALUES (${group}, ${event.id}::uuid, ${event.type}, ${JSON.stringify(event)}::jsonb, ${message}, ${failures})
        ON CONFLICT (consumer, event_id) DO UPDATE SET error = EXCLUDED.error, failures = EXCLUDED.failures`;
      await tx.$executeRaw`
        INSERT INTO processed_events (consumer, event_id) VALUES (${group}, ${event.id}::uuid) ON CONFLICT DO NOTHING`;
    });
  }

  /**
   * Handles what one read returned and says which entries are done. The events this group
   * handles go through one transaction together (one commit for up to `batchSize` events); if
   * any of them fails, that transaction rolls back and each is handled on its own, so one bad
   * event costs its neighbours a retry, never their effect.
   */
  private async handleMany(entries: StreamEntry[]): Promise<string[]> {
    // Each entry's JSON parsed once (every consumer group reads every event of the stream).
    const relevant = entries.flatMap((entry) => {
      const event = this.eventOf(entry);
      return event ? [{ entry, event }] : [];
    });
    if (relevant.length > 1 && this.options.batch !== false) {
      try {
        const afterCommits = await this.transact(
          (connection) => this.applyAllIn(connection, relevant.map(({ event }) => event)),
          BATCH_TRANSACTION,
        );
        for (const { entry } of relevant) this.failures.delete(entry.id);
        for (const { event, afterCommit } of afterCommits) await this.runAfterCommit(event, afterCommit);
        return entries.map((entry) => entry.id);
      } catch (error) {
        if (this.stopped) return [];
        this.options.logger.warn({ err: error, group: this.options.group, events: relevant.length }, 'event batch failed; handling its events one by one');
      }
    }
    const done: string[] = [];
    for (const entry of entries) {
      if (this.stopped) break;
      if (await this.handleOrSetAside(entry)) done.push(entry.id);
    }
    return done;
  }

  /** The entry's event when this group has a handler for it and wants it, null otherwise (acked without effect). */
  private eventOf(entry: StreamEntry): DomainEvent | null {
    const event = JSON.parse(entry.fields.event ?? 'null') as DomainEvent | null;
    if (!event || !(this.options.handlers?.[event.type] || this.options.batchHandlers?.[event.type])) return null;
    return this.wanted(event) ? event : null;
  }

  /** `wants`, with a throw (a malformed event) counted as wanted: its handler fails it, and it is retried, then set aside. */
  private wanted(event: DomainEvent): boolean {
    try {
      return this.options.wants?.(event) ?? true;
    } catch {
      return true;
    }
  }

  private async handle(entry: StreamEntry) {
    const event = this.eventOf(entry);
    if (!event) return;
    const afterCommit = await this.transact((connection) => this.applyIn(connection, event));
    if (afterCommit) await this.runAfterCommit(event, afterCommit);
  }

  /** Applies one event in `tx` unless this group handled it before; returns its after-commit work. */
  private async applyIn(connection: C, event: DomainEvent): Promise<AfterCommit | undefined> {
    const [work] = await this.applyAllIn(connection, [event]);
    return work?.afterCommit;
  }

  /**
   * Applies, in stream order, the events this group has not handled before: marks them handled
   * (one statement), then runs their handlers, a batch handler once per run of consecutive events
   * of its type. Returns the after-commit work, with the event it is logged under.
   */
  private async applyAllIn(connection: C, events: DomainEvent[]): Promise<{ event: DomainEvent; afterCommit: AfterCommit }[]> {
    const rows = await asSql(connection).query<{ id: string }>(
      `INSERT INTO processed_events (consumer, event_id)
       SELECT $1, id FROM unnest($2::uuid[]) AS e(id)
       ON CONFLICT DO NOTHING
       RETURNING event_id::text AS id`,
      [this.options.group, pgArray(events.map((e) => e.id))],
    );
    // Handled before (a redelivery), or twice in this read: no effect, and no after-commit work.
    const fresh = new Set(rows.map((r) => r.id));
    const work: { event: DomainEvent; afterCommit: AfterCommit }[] = [];
    const keep = (event: DomainEvent, result: unknown) => {
      if (typeof result === 'function') work.push({ event, afterCommit: result as AfterCommit });
    };
    let run: DomainEvent[] = [];
    const flushRun = async () => {
      if (run.length === 0) return;
      const handler = this.options.batchHandlers![run[0]!.type] as (e: DomainEvent[], connection: C) => Promise<void | AfterCommit>;
      const events = run;
      run = [];
      keep(events[0]!, await handler(events, connection));
    };
    for (const event of events) {
      if (!fresh.delete(event.id)) continue;
      if (this.options.batchHandlers?.[event.type]) {
        if (run.length > 0 && run[0]!.type !== event.type) await flushRun();
        run.push(event);
        continue;
      }
      await flushRun();
      const handler = this.options.handlers?.[event.type] as ((e: DomainEvent, connection: C) => Promise<void | AfterCommit>) | undefined;
      if (handler) keep(event, await handler(event, connection));
    }
    await flushRun();
    return work;
  }

  private async runAfterCommit(event: DomainEvent, afterCommit: AfterCommit) {
    const { group, consumer, logger } = this.options;
    try {
      await afterCommit();
    } catch (error) {
      logger.error({ err: error, group, consumer, eventId: event.id, type: event.type }, 'after-commit work of an event failed; not retried');
    }
  }
}
