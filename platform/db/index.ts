import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { projectPath } from '../paths.js';
import { PGliteWithCommitErrors } from './pglite-adapter.js';
import { applyMigrations, readMigrations, type SqlConnection } from './migrate.js';
import { pgSql, prismaSql, type Sql } from './sql.js';

export { PrismaClient };
export { asSql, pgArray, prismaSql, type Sql } from './sql.js';
export type { Prisma } from '../../generated/prisma/client.js';
/** The client handed to a transaction callback. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const MIGRATIONS_DIR = projectPath('prisma', 'migrations');

export interface TransactionOptions {
  /** Longest the transaction may run (ms) before it is rolled back. */
  timeout?: number;
  /** Longest to wait for a connection (ms). */
  maxWait?: number;
}

export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
  /**
   * Runs `fn` in a transaction on the raw SQL port: on PostgreSQL a connection of the pool Prisma
   * runs on, used through `pg` directly (no Prisma runtime on the way); on the embedded database a
   * Prisma transaction. Commits when `fn` resolves, rolls back when it throws.
   */
  transaction<T>(fn: (sql: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * The raw SQL port outside any transaction, for hot reads docs/database.md allows: each statement
   * on a pooled `pg` connection (PostgreSQL; no Prisma runtime on the way, no query compilation),
   * or through Prisma on the embedded database.
   */
  sql: Sql;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; without it the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder for the embedded database; `memory://` keeps nothing. */
  dataDir: string;
  /** Connections in the pool (PostgreSQL only). */
  poolSize?: number;
}

/**
 * Opens the database, applies pending migrations and returns a Prisma client on the right
 * driver adapter. Called once per process; every service in the process shares the result.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrations = await readMigrations(MIGRATIONS_DIR);
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    try {
      await applyMigrations(pgConnection(client), migrations);
    } finally {
      await client.end();
    }
    // Sessions in UTC: adapter-pg shifts timestamptz values by the session's zone otherwise
    // (prisma/orm#26786), whatever the server's default zone is. One pool, shared by Prisma and by
    // the raw transactions (Database.transaction).
    // Pipeline mode (node-postgres's `pipeline`): a query is written at once even while the ones
    // before it on the connection are still running, so statements that do not need each other's
    // results go out together and cost one round trip, not one each (Database.transaction's BEGIN
    // with the first statements; the engine's writes). Awaiting each query, as Prisma does, works as before.
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c timezone=UTC', pipeline: true });
    // An idle connection the server closed (restart, failover) is dropped by the pool and the next
    // query opens another; without a listener its 'error' event would end the process.
    pool.on('error', () => undefined);
    const adapter = new PrismaPg(pool);
    const prisma = new PrismaClient({ adapter, errorFormat: 'minimal' });
    return {
      prisma,
      kind: 'postgres',
      transaction: (fn, transactionOptions) => pgTransaction(pool, fn, transactionOptions),
      // pg.Pool#query takes a connection for the statement and gives it back.
      sql: pgSql(pool as unknown as pg.ClientBase, pg.types),
      ping: async () => void (await prisma.$queryRaw`SELECT 1`),
      close: async () => {
        await prisma.$disconnect();
        // pool.end() waits for every checked-out connection; a caller that never returns one
        // (a worker still running) must not keep the process from shutting down.
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([pool.end(), new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
        } finally {
          clearTimeout(timer);
        }
      },
    };
  }
  const pglite = await openPGlite(options.dataDir);
  await applyMigrations(pgliteConnection(pglite), migrations);
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; the runtime
  // protocol is the same (the test suite runs every query through it). Its commit errors are kept.
  const adapter = new PGliteWithCommitErrors(pglite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter, errorFormat: 'minimal' });
  return {
    prisma,
    kind: 'pglite',
    sql: { query: (text, params = []) => prisma.$queryRawUnsafe(text, ...params) },
    transaction: (fn, transactionOptions) =>
      prisma.$transaction((tx) => fn(prismaSql(tx)), { timeout: transactionOptions?.timeout ?? DEFAULT_TIMEOUT, maxWait: transactionOptions?.maxWait ?? DEFAULT_MAX_WAIT }),
    ping: async () => void (await pglite.query('SELECT 1')),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/** How long close() waits for connections still checked out of the pool. */
const CLOSE_WAIT_MS = 5_000;

/** Prisma's interactive-transaction defaults, kept for both drivers. */
const DEFAULT_TIMEOUT = 5_000;
const DEFAULT_MAX_WAIT = 2_000;

/**
 * BEGIN … COMMIT on one pooled `pg` connection, with Prisma's limits: waiting for a connection is
 * bounded by `maxWait`, and a transaction running longer than `timeout` fails and rolls back. No
 * statement may run longer (statement_timeout), none starts after it, it does not commit after it,
 * and a transaction left idle (its function awaiting something else) is ended by the server
 * (idle_in_transaction_session_timeout), releasing its locks. `fn` must not use Prisma: with the pool
 * full, a Prisma query inside would wait for this very transaction's connection. A connection that
 * failed (lost, or its ROLLBACK failed) is discarded, not returned to the pool.
 */
async function pgTransaction<T>(pool: pg.Pool, fn: (sql: Sql) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const maxWait = options.maxWait ?? DEFAULT_MAX_WAIT;
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${maxWait} ms waiting for a database connection.`)), maxWait);
  });
  const connecting = pool.connect();
  let client: pg.PoolClient;
  try {
    client = await Promise.race([connecting, waited]);
  } catch (error) {
    // Give the connection back whenever it does come.
    void connecting.then((late) => late.release(), () => undefined);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  let broken: Error | undefined;
  // A connection lost while checked out emits 'error' (the pool listens only to idle ones): the
  // query in flight rejects, and the connection is not reused.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  const timeout = Math.max(1, Math.floor(options.timeout ?? DEFAULT_TIMEOUT));
  const deadline = Date.now() + timeout;
  const expired = () => new Error(`Transaction timed out: it ran longer than ${timeout} ms.`);
  const sql = pgSql(client, pg.types);
  // Not awaited before `fn`: on the pipelined connection its first statements follow BEGIN in the
  // same round trip, and the server still runs them in order, inside the transaction. (BEGIN
  // itself cannot fail but with the connection; a failed SET aborts the transaction, and every
  // statement after it fails.)
  const begun = client.query(`BEGIN; SET LOCAL statement_timeout = ${timeout}; SET LOCAL idle_in_transaction_session_timeout = ${timeout}`);
  begun.catch(() => undefined); // awaited below; fn's own statements fail first if it failed
  try {
    const result = await fn({
      query: (text, params) => (Date.now() > deadline ? Promise.reject(expired()) : sql.query(text, params)),
    });
    await begun;
    if (Date.now() > deadline) throw expired();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    if (!broken) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}

async function openPGlite(dataDir: string): Promise<PGlite> {
  if (dataDir.startsWith('memory://')) return PGlite.create();
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  return PGlite.create(dir);
}

function pgConnection(client: pg.Client): SqlConnection {
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

function pgliteConnection(db: PGlite): SqlConnection {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}
