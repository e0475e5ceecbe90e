import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { projectPath } from '../paths.js';
import { applyMigrations, readMigrations, type SqlConnection } from './migrate.js';

export { PrismaClient };
export type { Prisma } from '../../generated/prisma/client.js';
/** The client handed to a transaction callback. */
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const MIGRATIONS_DIR = projectPath('prisma', 'migrations');

export interface Database {
  prisma: PrismaClient;
  kind: 'postgres' | 'pglite';
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
    // (prisma/orm#26786), whatever the server's default zone is.
    const adapter = new PrismaPg({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, options: '-c timezone=UTC' });
    const prisma = new PrismaClient({ adapter, errorFormat: 'minimal' });
    return {
      prisma,
      kind: 'postgres',
      ping: async () => void (await prisma.$queryRaw`SELECT 1`),
      close: () => prisma.$disconnect(),
    };
  }
  const pglite = await openPGlite(options.dataDir);
  await applyMigrations(pgliteConnection(pglite), migrations);
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; the runtime
  // protocol is the same (the test suite runs every query through it).
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  const prisma = new PrismaClient({ adapter, errorFormat: 'minimal' });
  return {
    prisma,
    kind: 'pglite',
    ping: async () => void (await pglite.query('SELECT 1')),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
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
    query: async (sql, params) => (await client.query(sql, params)).rows,
  };
}

function pgliteConnection(db: PGlite): SqlConnection {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}
