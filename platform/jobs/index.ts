// A durable job queue on the `jobs` table. Library queues (pg-boss, BullMQ) need a real PostgreSQL
// or Redis server, which the embedded PGlite default does not have, and cannot enqueue inside our
// Prisma transaction; this one is a table, a lease and a poller.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { asSql, prismaSql, type PrismaClient, type Sql, type Tx } from '../db/index.js';
import { Poller } from '../poller.js';
import type { BackgroundWorker } from '../subgraph/serve.js';

export interface EnqueueOptions {
  /** Attempts before the job is left FAILED (default 3). */
  maxAttempts?: number;
  /** Not before this time (default: as soon as the transaction commits). */
  runAt?: Date;
}

/**
 * Inserts a job inside the caller's transaction: it exists (and will run) if and only if the
 * change that needs it commits. Returns the job id.
 */
export async function enqueueJob(tx: Tx | Sql, queue: string, payload: object, options: EnqueueOptions = {}): Promise<string> {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  const id = randomUUID();
  await asSql(tx).query(
    `INSERT INTO jobs (id, queue, payload, max_attempts, run_at) VALUES ($1::uuid, $2, $3::jsonb, $4::int, COALESCE($5::timestamptz, now()))`,
    [id, queue, JSON.stringify(payload), maxAttempts, options.runAt?.toISOString() ?? null],
  );
  return id;
}

export interface BackoffOptions {
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** Upper bound of any wait. */
  maxMs: number;
}

/** The wait after failed attempt `attempt` (1-based): baseMs, 2·baseMs, 4·baseMs, … capped at maxMs. */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(options.maxMs, options.baseMs * 2 ** exponent);
}

/** Jobs still to run (due or not, including ones leased right now): the backlog gauge. */
export function pendingJobs(prisma: PrismaClient, queue?: string): Promise<number> {
  return prisma.job.count({ where: { status: 'PENDING', ...(queue === undefined ? {} : { queue }) } });
}

/** What a handler learns about the job besides its payload. */
export interface JobInfo {
  id: string;
  /** 1 on the first run; a retry (or a run after a lost lease) sees a higher number. */
  attempt: number;
}

export type JobHandler = (payload: unknown, job: JobInfo) => Promise<void>;

export interface JobRunnerOptions {
  prisma: PrismaClient;
  /**
   * The queues this runner serves, each with its handler. A process gives all its queues to one
   * runner: each batch is then one statement for all of them, not one per queue.
   */
  queues: Record<string, JobHandler>;
  /** Where the claim runs (the kit's `db.sql`, on pg without Prisma's runtime); default: on `prisma`. */
  sql?: Sql;
  logger: Logger;
  /** How often to look for due jobs when nobody pokes the runner (default 500 ms). */
  pollIntervalMs?: number;
  /** Jobs claimed, and run concurrently, per batch (default 10). */
  batchSize?: number;
  /**
   * How long a claimed job is reserved for this runner (default 30 s). Must exceed the handler's
   * own timeout: when it runs out, another runner may start the same job again.
   */
  leaseMs?: number;
  /** Waits between attempts (default 1 s doubling up to 60 s). */
  backoff?: BackoffOptions;
}

interface ClaimedJob {
  id: string;
  queue: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/** last_error is for an operator to read, not an archive of a response body. */
const MAX_ERROR_LENGTH = 2_000;

/**
 * Runs the jobs of a set of queues. A batch is claimed by a single UPDATE that takes due PENDING
 * rows with FOR UPDATE SKIP LOCKED (replicas never claim the same row), counts the attempt and
 * pushes run_at forward by the lease; the same statement fails the jobs abandoned on their last
 * attempt (below), so an idle runner costs one statement per poll whatever its number of queues.
 * No transaction stays open while the handlers run (they make HTTP calls). The outcome is then
 * written with a guard on the claimed attempt, so a runner whose lease ran out cannot overwrite
 * the result of the runner that took the job over.
 *
 * Delivery is at least once: a runner that dies mid-job leaves its lease to expire and another
 * one runs the job again, so handlers must be idempotent (e.g. an Idempotency-Key the receiver
 * dedupes on). A job whose lease expired on its last attempt is left FAILED rather than run
 * again, so a job that crashes its runner cannot crash every replica forever.
 */
export class JobRunner implements BackgroundWorker {
  private readonly poller: Poller;
  private readonly queueNames: string[];
  private readonly sql: Sql;

  constructor(private readonly options: JobRunnerOptions) {
    this.queueNames = Object.keys(options.queues);
    this.sql = options.sql ?? prismaSql(options.prisma);
    if (this.queueNames.length === 0) throw new RangeError('a JobRunner needs at least one queue');
    this.poller = new Poller({
      work: () => this.drain(),
      intervalMs: options.pollIntervalMs ?? 500,
      onError: (error) => options.logger.error({ err: error, queues: this.queueNames }, 'job runner failed; will retry'),
    });
  }

  start() {
    this.poller.start();
  }

  /** Runs due jobs now (call after a commit that enqueued some, to skip the polling delay); nothing after stop(). */
  poke(): Promise<void> {
    return this.poller.poke();
  }

  /** Stops polling and waits for the batch in progress (its handlers and their outcomes). */
  stop(): Promise<void> {
    return this.poller.stop();
  }

  /** Runs batches until none is full (or the runner stops); returns how many jobs it ran. */
  async drain(): Promise<number> {
    const batchSize = this.options.batchSize ?? 10;
    let total = 0;
    for (;;) {
      const ran = await this.runBatch(batchSize);
      total += ran;
      if (ran < batchSize || this.poller.stopped) return total;
    }
  }

  /**
   * Claims up to `limit` due jobs and runs them. The same statement fails the jobs whose lease
   * expired during their last attempt: the runner died (or overran the lease) without recording an
   * outcome, and another attempt would exceed maxAttempts. Both updates see one snapshot and take
   * disjoint rows (attempts < max_attempts or not).
   */
  private async runBatch(limit: number): Promise<number> {
    const { logger } = this.options;
    const leaseMs = Math.round(this.options.leaseMs ?? 30_000);
    const rows = await this.sql.query<ClaimedJob | { id: null; queue: string }>(
      `WITH abandoned AS (
        UPDATE jobs SET status = 'FAILED', finished_at = now(),
          last_error = COALESCE(last_error || '; ', '') || 'lease expired during the last attempt (the runner stopped or crashed)'
        WHERE queue = ANY($1::text[]) AND status = 'PENDING' AND run_at <= now() AND attempts >= max_attempts
        RETURNING queue),
      claimed AS (
        UPDATE jobs SET attempts = attempts + 1, run_at = now() + $2::int * interval '1 millisecond'
        WHERE id IN (
          SELECT id FROM jobs
          WHERE queue = ANY($1::text[]) AND status = 'PENDING' AND run_at <= now() AND attempts < max_attempts
          ORDER BY run_at
          LIMIT $3::int
          FOR UPDATE SKIP LOCKED)
        RETURNING id::text AS id, queue, payload, attempts, max_attempts)
      SELECT id, queue, payload, attempts, max_attempts FROM claimed
      UNION ALL
      SELECT NULL, queue, NULL::jsonb, NULL::int, NULL::int FROM abandoned`,
      [this.queueNames, leaseMs, limit],
    );
    const jobs = rows.filter((row): row is ClaimedJob => row.id !== null);
    const abandoned = new Map<string, number>();
    for (const row of rows) if (row.id === null) abandoned.set(row.queue, (abandoned.get(row.queue) ?? 0) + 1);
    for (const [queue, failed] of abandoned) logger.error({ queue, jobs: failed }, 'jobs failed: lease expired during their last attempt');
    await Promise.all(jobs.map((job) => this.runJob(job)));
    return jobs.length;
  }

  private async runJob(job: ClaimedJob) {
    const { prisma, logger } = this.options;
    const { queue } = job;
    const handler = this.options.queues[queue]!;
    const info: JobInfo = { id: job.id, attempt: job.attempts };
    try {
      // Through then() so a handler that throws synchronously is a failed attempt too.
      await Promise.resolve().then(() => handler(job.payload, info));
    } catch (error) {
      await this.recordFailure(job, error);
      return;
    }
    const updated = await prisma.$executeRaw`
      UPDATE jobs SET status = 'DONE', finished_at = now()
      WHERE id = ${job.id}::uuid AND status = 'PENDING' AND attempts = ${job.attempts}::int`;
    if (updated === 0) logger.warn({ queue, jobId: job.id, attempt: job.attempts }, 'job finished after its lease was taken over');
  }

  private async recordFailure(job: ClaimedJob, error: unknown) {
    const { prisma, logger } = this.options;
    const { queue } = job;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const context = { queue, jobId: job.id, attempt: job.attempts, maxAttempts: job.max_attempts, err: error };
    if (job.attempts >= job.max_attempts) {
      await prisma.$executeRaw`
        UPDATE jobs SET status = 'FAILED', last_error = ${message}, finished_at = now()
        WHERE id = ${job.id}::uuid AND status = 'PENDING' AND attempts = ${job.attempts}::int`;
      logger.error(context, 'job failed on its last attempt');
      return;
    }
    const delayMs = Math.round(backoffDelayMs(job.attempts, this.options.backoff ?? { baseMs: 1_000, maxMs: 60_000 }));
    await prisma.$executeRaw`
      UPDATE jobs SET run_at = now() + ${delayMs}::int * interval '1 millisecond', last_error = ${message}
      WHERE id = ${job.id}::uuid AND status = 'PENDING' AND attempts = ${job.attempts}::int`;
    logger.warn({ ...context, retryInMs: delayMs }, 'job attempt failed; will retry');
  }
}
