// Prisma CLI configuration (migrate dev/diff, generate). Runtime code does not read this file:
// services apply prisma/migrations themselves (platform/db/migrate.ts).
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

// prisma/orm#27403: adapter-pg cannot decode PostgreSQL's internal `name` (19) and `"char"` (18)
// columns that migration introspection reads; present them as text (25).
const INTERNAL_TEXT_OIDS = new Set([18, 19]);
// eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with .call/.apply on the client below
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
type Result = { fields?: { dataTypeID: number }[] };
const asText = (result: Result | Result[]) => {
  for (const r of Array.isArray(result) ? result : [result]) {
    r?.fields?.forEach((f) => { if (INTERNAL_TEXT_OIDS.has(f.dataTypeID)) f.dataTypeID = 25; });
  }
  return result;
};
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const last = args[args.length - 1];
  if (typeof last === 'function') {
    const cb = args.pop() as (e: unknown, r: Result) => void;
    return originalQuery.call(this, ...args, (e: unknown, r: Result) => cb(e, e ? r : (asText(r) as Result)));
  }
  const out = originalQuery.apply(this, args) as Promise<Result> | undefined;
  return out && typeof out.then === 'function' ? out.then(asText) : out;
};

const url = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const connection = {
  host: url.hostname,
  port: Number(url.port || 5432),
  user: decodeURIComponent(url.username),
  password: decodeURIComponent(url.password) || undefined,
  database: url.pathname.slice(1),
};

// adapter-pg would point the shadow database at the main one; give it its own, dropped afterwards.
class PgWithShadowDatabase extends PrismaPg {
  override async connectToShadowDb() {
    const admin = await new PrismaPg(connection).connect();
    const database = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...connection, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  adapter: async () => new PgWithShadowDatabase(connection),
});
