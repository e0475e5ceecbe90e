import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing.js';
import type { Database, TransactionOptions } from './index.js';
import { asSql, pgArray } from './sql.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS sql_port_test (id int8 PRIMARY KEY, doc jsonb, at timestamptz, ratio float8, n int4)');
});
afterAll(async () => {
  await db.prisma.$executeRawUnsafe('DROP TABLE IF EXISTS sql_port_test');
  await db.close();
});

const count = async () => (await db.prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM sql_port_test'))[0]!.n;

/** Runs a transaction that must fail: asserts it wrote nothing, and returns its error. */
async function failedTransaction(fn: Parameters<Database['transaction']>[0], options?: TransactionOptions): Promise<unknown> {
  const before = await count();
  const error = await db.transaction(fn, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  expect(await count()).toBe(before);
  return error;
}

// The same suite runs on the embedded database (a Prisma transaction under the port) and, in CI's
// second pass, on PostgreSQL (a pooled pg connection): both must read back the same values.
describe(`Database.transaction (${process.env.DATABASE_URL ? 'PostgreSQL, pg' : 'embedded, Prisma'})`, () => {
  it('commits what it wrote and reads values back as Prisma does', async () => {
    const at = new Date('2026-11-28T12:34:56.789Z');
    const rows = await db.transaction((sql) =>
      sql.query<{ id: bigint; doc: unknown; at: Date; ratio: number; n: number}>(
        `INSERT INTO sql_port_test (id, doc, at, ratio, n)
         SELECT * FROM unnest($1::int8[], $2::text[]::jsonb[], $3::timestamptz[], $4::float8[], $5::int4[])
         RETURNING id, doc, at, ratio, n`,
        [['9007199254740993'], [JSON.stringify({ a: [1, 'x'] })], [at.toISOString()], [0.25], [7]],
      ),
    );
    expect(rows).toEqual([{ id: 9007199254740993n, doc: { a: [1, 'x'] }, at, ratio: 0.25, n: 7 }]);
    expect(await count()).toBe(1);
  });

  it('rolls back everything when the function throws, and the error reaches the caller', async () => {
    const error = await failedTransaction(async (sql) => {
      await sql.query('INSERT INTO sql_port_test (id) VALUES (2), (3)');
      throw new Error('changed my mind');
    });
    expect((error as Error).message).toBe('changed my mind');
  });

  it('rolls back a transaction that runs past its timeout', async () => {
    await failedTransaction(
      async (sql) => {
        await sql.query('INSERT INTO sql_port_test (id) VALUES (4)');
        await new Promise((r) => setTimeout(r, 250));
        await sql.query('INSERT INTO sql_port_test (id) VALUES (5)');
      },
      { timeout: 100 },
    );
  });

  it('does not commit a function that returns after its timeout', async () => {
    await failedTransaction(
      async (sql) => {
        await sql.query('INSERT INTO sql_port_test (id) VALUES (6)');
        await new Promise((r) => setTimeout(r, 250));
      },
      { timeout: 100 },
    );
  });

  // PostgreSQL only: the embedded database has no server sessions to lose.
  it.runIf(Boolean(process.env.DATABASE_URL))('rejects when its connection is lost, and the pool goes on with new ones', async () => {
    const error = await db
      .transaction(async (sql) => {
        const [backend] = await sql.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await db.prisma.$queryRawUnsafe('SELECT pg_terminate_backend($1::int)', backend!.pid);
        await new Promise((r) => setTimeout(r, 50));
        await sql.query('INSERT INTO sql_port_test (id) VALUES (7)');
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const rows = await db.transaction((sql) => sql.query<{ n: number }>('SELECT 1 AS n'));
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('passes array literals (pgArray) that read back exactly as the values', async () => {
    const texts = ['plain', 'with "quotes"', 'back\\slash', 'a,b {c}', '', 'NULL', null, 'ünï  cödé', '{"json":"doc","n":[1,2]}'];
    const numbers = [0, -1.5, 1e21, 42];
    const flags = [true, false, null];
    const [row] = await db.transaction((sql) =>
      sql.query<{ texts: (string | null)[]; numbers: number[]; flags: (boolean | null)[]; docs: unknown[] }>(
        'SELECT to_json($1::text[]) AS texts, to_json($2::float8[]) AS numbers, to_json($3::boolean[]) AS flags, (SELECT json_agg(d::jsonb) FROM unnest($4::text[]) AS d) AS docs',
        [pgArray(texts), pgArray(numbers), pgArray(flags), pgArray(['{"a":"x\\"y"}', '[1,"\\\\"]'])],
      ),
    );
    expect(row).toEqual({ texts, numbers, flags, docs: [{ a: 'x"y' }, [1, '\\']] });
  });

  it('asSql takes a Prisma transaction client too', async () => {
    const rows = await db.prisma.$transaction((tx) => asSql(tx).query<{ n: bigint }>('SELECT 41::int8 + 1 AS n'));
    expect(rows).toEqual([{ n: 42n }]);
  });
});
