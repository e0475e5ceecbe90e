import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { asSql, type PrismaClient, type Sql, type Tx } from '../db/index.js';
import { Poller } from '../poller.js';
import type { RedisPort } from '../redis/index.js';
import { DOMAIN_EVENTS_STREAM, type DomainEvent, type DomainEventPayloads, type DomainEventType } from './types.js';

/**
 * Records a domain event inside the caller's transaction: it is published if and only if the
 * change that caused it commits.
 */
export async function recordEvent<T extends DomainEventType>(
  tx: Tx | Sql,
  producer: string,
  type: T,
  payload: DomainEventPayloads[T],
): Promise<string> {
  const [id] = await recordEvents(tx, producer, type, [payload]);
  return id!;
}

/**
 * Records several events of one type in one statement, in order (an unlock batch, say), in a
 * Prisma transaction or on the raw SQL port (Database.transaction).
 */
export async function recordEvents<T extends DomainEventType>(
  tx: Tx | Sql,
  producer: string,
  type: T,
  payloads: readonly DomainEventPayloads[T][],
): Promise<string[]> {
  if (payloads.length === 0) return [];
  const ids = payloads.map(() => randomUUID());
  // WITH ORDINALITY … ORDER BY: seq follows the given order.
  await asSql(tx).query(
    `INSERT INTO outbox_events (id, producer, type, payload)
     SELECT e.id, $2, $3, e.payload::jsonb
     FROM unnest($1::uuid[], $4::text[]) WITH ORDINALITY AS e(id, payload, position)
     ORDER BY e.position`,
    [ids, producer, type, payloads.map((payload) => JSON.stringify(payload))],
  );
  return ids;
}

export interface OutboxRelayOptions {
  prisma: PrismaClient;
  redis: RedisPort;
  producer: string;
  logger: Logger;
  /** How often to look for unpublished events when nobody pokes the relay. */
  intervalMs?: number;
  /**
   * How long a poke waits before publishing, so the commits of that window go out in one run
   * (default 50 ms). It also keeps the relay's transaction and the consumers it wakes off the
   * moment right after a commit, when the same change's live delivery is under way.
   */
  coalesceMs?: number;
  batchSize?: number;
  /** Stream length kept in Redis (approximate). */
  streamMaxLen?: number;
  /** How long published rows stay in the table (for inspection) before the relay deletes them; default 1 day. */
  retentionMs?: number;
}

/** How often a running relay deletes its producer's published rows older than the retention. */
const PRUNE_EVERY_MS = 10 * 60_000;

interface OutboxRow {
  seq: bigint;
  id: string;
  type: string;
  payload: unknown;
  occurred_at: Date;
}

/**
 * Moves a producer's committed outbox rows to the event stream, at least once: a row is stamped
 * only after XADD succeeded, so a crash in between publishes it again (consumers dedupe by id).
 * Replicas share the work with FOR UPDATE SKIP LOCKED.
 */
export class OutboxRelay {
  private readonly poller: Poller;
  private lastPrune = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    this.poller = new Poller({
      work: () => this.drain(),
      intervalMs: options.intervalMs ?? 250,
      coalesceMs: options.coalesceMs ?? 50,
      onError: (error) => options.logger.error({ err: error }, 'outbox relay failed; will retry'),
      onTick: () => {
        if (Date.now() - this.lastPrune <= PRUNE_EVERY_MS) return;
        this.lastPrune = Date.now();
        this.prune().catch((error) => options.logger.error({ err: error }, 'outbox prune failed; will retry'));
      },
    });
  }

  start() {
    this.poller.start();
  }

  /**
   * Publishes soon (after `coalesceMs`; call after a commit that wrote events, to skip the polling
   * delay). After `stop()` it does nothing: the database or Redis may be closing, and the next
   * start publishes.
   */
  poke(): Promise<void> {
    return this.poller.poke();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /**
   * Deletes this producer's rows published longer ago than the retention, in batches (safe on
   * every replica at once). Consumers never need them: redeliveries come from the stream and are
   * recognised by processed_events. Returns how many it deleted.
   */
  async prune(olderThanMs = this.options.retentionMs ?? 86_400_000): Promise<number> {
    const cutoff = new Date(Date.now() - olderThanMs);
    let total = 0;
    for (;;) {
      const deleted = await this.options.prisma.$executeRaw`
        DELETE FROM outbox_events WHERE seq IN (
          SELECT seq FROM outbox_events
          WHERE producer = ${this.options.producer} AND published_at < ${cutoff}
          LIMIT 10000)`;
      total += deleted;
      if (deleted < 10_000 || this.poller.stopped) return total;
    }
  }

  /** Publishes until nothing is left; returns how many it published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < (this.options.batchSize ?? 200)) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    const { prisma, redis, producer } = this.options;
    const limit = this.options.batchSize ?? 200;
    return prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT seq, id::text AS id, type, payload, occurred_at FROM outbox_events
        WHERE producer = ${producer} AND published_at IS NULL
        ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      // Sent together (one connection keeps their order: ioredis pipelines them), so a batch costs
      // one round trip to Redis, not one per event, while the rows stay locked.
      await Promise.all(
        rows.map((row) => {
          const event: DomainEvent = {
            id: row.id,
            type: row.type as DomainEventType,
            producer,
            occurredAt: new Date(row.occurred_at).toISOString(),
            payload: row.payload as DomainEvent['payload'],
          };
          return redis.xadd(DOMAIN_EVENTS_STREAM, { event: JSON.stringify(event) }, this.options.streamMaxLen ?? 1_000_000);
        }),
      );
      const seqs = rows.map((r) => r.seq);
      await tx.$executeRaw`UPDATE outbox_events SET published_at = now() WHERE seq = ANY(${seqs})`;
      return rows.length;
    }, { timeout: 30_000 });
  }
}
