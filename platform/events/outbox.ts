import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { asSql, prismaSql, type PrismaClient, type Sql, type Tx } from '../db/index.js';
import { Poller } from '../poller.js';
import { compareStreamIds, type RedisPort, type StreamGroup } from '../redis/index.js';
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
  /** Where an idle relay's look for unpublished rows runs (the kit's `db.sql`); default: on `prisma`. */
  sql?: Sql;
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
  /**
   * How long published rows stay in the table before the relay deletes them; default 1 day. It
   * bounds what can be published again after Redis loses its data (see `watchStream`).
   */
  retentionMs?: number;
  /** How often the relay checks that the stream still holds what it published; default 1 s. */
  watchEveryMs?: number;
  /**
   * How far before the newest acknowledged publication the republishing starts (default 60 s:
   * twice the publishing transaction's timeout, within which a row reached the stream).
   */
  republishMarginMs?: number;
}

/** How often a running relay deletes its producer's published rows older than the retention. */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * A consumer group each relay creates on the stream, named `<prefix><producer>:<random>`: it
 * never reads, and exists exactly as long as the stream it was created on (a Redis that restarts
 * empty, or a FLUSHALL, takes it away with the stream and every other group).
 */
export const EPOCH_GROUP_PREFIX = 'outbox-epoch:';

/** At most one mark per second of publishing, and an hour of them while consumers are stalled. */
const MARK_EVERY_MS = 1_000;
const MAX_MARKS = 3_600;

/** The newest stream entry of what was published in a transaction that began at `publishedAt`. */
interface Mark {
  id: string;
  publishedAt: Date;
}

interface OutboxRow {
  seq: bigint;
  id: string;
  type: string;
  payload: unknown;
  occurred_at: Date;
  tx_now: Date;
}

/**
 * Moves a producer's committed outbox rows to the event stream, at least once: a row is stamped
 * only after XADD succeeded, so a crash in between publishes it again (consumers dedupe by id).
 * Replicas share the work with FOR UPDATE SKIP LOCKED.
 *
 * A published row is not consumed yet: if Redis then loses its data, the stream's copy is gone.
 * The relay watches for that (`watchStream`) and publishes again every row the consumer groups
 * may not have acknowledged; consumers skip the ones they had handled.
 */
export class OutboxRelay {
  private readonly poller: Poller;
  private lastPrune = 0;
  private lastWatch = 0;
  /** The epoch group this relay found or created on the stream (undefined before its first look). */
  private epoch?: string;
  /** Every row of this producer published before it has been acknowledged by every group; null: unknown. */
  private checkpoint: Date | null = null;
  /** What this relay published since the checkpoint, oldest first: candidates to move it on. */
  private marks: Mark[] = [];
  /** The last drain found nothing: the next one looks before it opens a transaction. */
  private idle = true;
  private readonly sql: Sql;

  constructor(private readonly options: OutboxRelayOptions) {
    this.sql = options.sql ?? prismaSql(options.prisma);
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
    if (Date.now() - this.lastWatch >= (this.options.watchEveryMs ?? 1_000)) {
      await this.watchStream();
      this.lastWatch = Date.now();
    }
    // An idle relay's poll is one plain read: the locking transaction only when there is something.
    if (this.idle && !(await this.anyUnpublished())) return 0;
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published < (this.options.batchSize ?? 200)) {
        this.idle = total === 0;
        return total;
      }
    }
  }

  private async anyUnpublished(): Promise<boolean> {
    const [row] = await this.sql.query<{ any: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM outbox_events WHERE producer = $1 AND published_at IS NULL) AS any',
      [this.options.producer],
    );
    return row!.any;
  }

  /**
   * Checks that the stream still holds what this relay published, and moves the checkpoint on.
   * The stream lost it when this producer's epoch group is gone (Redis restarted without its data,
   * or was flushed): the rows published since the checkpoint are then marked unpublished, to be
   * published again, and a new epoch group is created. A relay that has no checkpoint yet (just
   * started) and finds no epoch group of its producer publishes again every row still retained.
   * One that finds one adopts it: whoever created it did the republishing.
   */
  async watchStream(): Promise<void> {
    const { redis, producer } = this.options;
    const groups = await redis.xgroups(DOMAIN_EVENTS_STREAM);
    const prefix = `${EPOCH_GROUP_PREFIX}${producer}:`;
    const epochs = (groups ?? []).filter((g) => g.name.startsWith(prefix)).map((g) => g.name);
    if (this.epoch && epochs.includes(this.epoch)) {
      this.advanceCheckpoint(groups!.filter((g) => !g.name.startsWith(EPOCH_GROUP_PREFIX)));
      return;
    }
    if (!this.epoch && epochs.length > 0) {
      this.epoch = epochs[0];
      return;
    }
    await this.republishSinceCheckpoint();
  }

  private async republishSinceCheckpoint() {
    const { prisma, redis, producer, logger } = this.options;
    const since = this.checkpoint;
    const republished = since
      ? await prisma.$executeRaw`UPDATE outbox_events SET published_at = NULL WHERE producer = ${producer} AND published_at >= ${since}`
      : await prisma.$executeRaw`UPDATE outbox_events SET published_at = NULL WHERE producer = ${producer} AND published_at IS NOT NULL`;
    if (this.epoch || republished > 0) {
      logger.warn({ producer, republished, since }, 'the event stream lost what was published (Redis restarted empty?); publishing it again');
    }
    const epoch = `${EPOCH_GROUP_PREFIX}${producer}:${randomUUID()}`;
    await redis.xgroupCreate(DOMAIN_EVENTS_STREAM, epoch);
    this.epoch = epoch;
    // Marks are positions in the lost stream; the checkpoint stays until the new stream's move it on.
    this.marks = [];
  }

  /**
   * Moves the checkpoint to the newest mark every consumer group has acknowledged (groups read in
   * one step, so they are of one stream). A group acknowledged every entry before its oldest
   * pending one, or up to its last delivered one when none is pending. With no group yet, nothing
   * is acknowledged: a group created later reads the stream from its start.
   */
  private advanceCheckpoint(groups: StreamGroup[]) {
    if (groups.length === 0) return;
    const acknowledged = (id: string) =>
      groups.every((g) => (g.oldestPendingId ? compareStreamIds(id, g.oldestPendingId) < 0 : compareStreamIds(id, g.lastDeliveredId) <= 0));
    let newest = -1;
    while (newest + 1 < this.marks.length && acknowledged(this.marks[newest + 1]!.id)) newest++;
    if (newest < 0) return;
    this.checkpoint = new Date(this.marks[newest]!.publishedAt.getTime() - (this.options.republishMarginMs ?? 60_000));
    this.marks.splice(0, newest + 1);
  }

  private mark(id: string, publishedAt: Date) {
    const last = this.marks.at(-1);
    // A later id with an earlier time is still a safe mark: one per second is enough.
    if (last && publishedAt.getTime() - last.publishedAt.getTime() < MARK_EVERY_MS) last.id = id;
    else this.marks.push({ id, publishedAt });
    if (this.marks.length > MAX_MARKS) this.marks.shift();
  }

  private async publishBatch(): Promise<number> {
    const { prisma, redis, producer } = this.options;
    const limit = this.options.batchSize ?? 200;
    const published = await prisma.$transaction(async (tx) => {
      // now() is the transaction's start, the published_at every row of the batch gets.
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT seq, id::text AS id, type, payload, occurred_at, now() AS tx_now FROM outbox_events
        WHERE producer = ${producer} AND published_at IS NULL
        ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return null;
      // Sent together (one connection keeps their order: ioredis pipelines them), so a batch costs
      // one round trip to Redis, not one per event, while the rows stay locked.
      const ids = await Promise.all(
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
      return { count: rows.length, newestId: ids.reduce((a, b) => (compareStreamIds(a, b) >= 0 ? a : b)), publishedAt: new Date(rows[0]!.tx_now) };
    }, { timeout: 30_000 });
    if (!published) return 0;
    this.mark(published.newestId, published.publishedAt);
    return published.count;
  }
}
