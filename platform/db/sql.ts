import type pg from 'pg';
import type { PrismaClient, Tx } from './index.js';

/**
 * A connection to run SQL on, inside a transaction or not, whichever driver holds it: a Prisma
 * transaction client (`prismaSql`) or a `pg` client of the pool Prisma itself runs on (`pgSql`).
 * Hot batch paths write SQL against this port and run on `pg` directly (Database.transaction):
 * Prisma's client runtime costs ≈ 28 ms of CPU to pass one 2,500-row array statement that `pg`
 * passes in ≈ 6 (docs/decisions.md, "Hot batch statements run on pg"; figures in bench/RESULTS.md, "Tuning history").
 *
 * Values read back are the same on both: int8 as bigint, json/jsonb parsed, timestamptz as Date,
 * int4 and float8 as number (arrays of int8 are not supported by Prisma on the embedded database). Parameters are positional (`$1`); cast them in the SQL.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** The port over a Prisma client or transaction client. */
export function prismaSql(client: Tx | PrismaClient): Sql {
  // One statement at a time, in call order: callers may issue several without awaiting (the
  // engine does, for pg's pipeline mode), and Prisma promises no order for concurrent calls on one
  // transaction, nor that one still runs inside it after another failed.
  let previous: Promise<unknown> = Promise.resolve();
  return {
    query: <T>(text: string, params: readonly unknown[] = []) => {
      const result = previous.then(() => client.$queryRawUnsafe<T[]>(text, ...params));
      previous = result.catch(() => undefined);
      return result;
    },
  };
}

/** Either kind of transaction a store function may be handed: normalized to the port. */
export function asSql(client: Sql | Tx | PrismaClient): Sql {
  return '$queryRawUnsafe' in client ? prismaSql(client) : client;
}

const INT8_OID = 20;

/** pg's own parsers, except int8 as bigint (pg reads it as a string), as Prisma reads it. */
function typesFor(types: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      if (oid === INT8_OID) return (value: string) => BigInt(value);
      return types.getTypeParser(oid, format) as (value: string) => unknown;
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** The port over a `pg` client (a pooled connection, normally inside Database.transaction). */
export function pgSql(client: pg.ClientBase, types: typeof pg.types): Sql {
  const custom = typesFor(types);
  return {
    query: async <T>(text: string, params: readonly unknown[] = []) => {
      const result = await client.query({ text, values: [...params], types: custom });
      return result.rows as T[];
    },
  };
}

const NEEDS_ESCAPE = /["\\]/;

/**
 * A PostgreSQL array literal (`{"a","b\\"c",NULL}`) for a one-dimensional array parameter, cast in
 * the SQL (`$1::text[]`). pg would build the same text from a JS array, escaping every element with
 * two regular expressions; for the engine's 2,500-row batches that was ≈ 5% of its CPU. Strings are
 * always quoted (so empty strings, `NULL`, commas and braces stay strings); null and undefined are
 * NULL; booleans t/f; numbers as JavaScript prints them.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const value = values[i];
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'string') out += `"${NEEDS_ESCAPE.test(value) ? value.replace(/["\\]/g, '\\$&') : value}"`;
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else out += Number.isFinite(value) ? String(value) : `"${String(value)}"`;
  }
  return `${out}}`;
}
