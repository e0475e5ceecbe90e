import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from './index.js';

// The same on both databases: a transaction whose COMMIT fails throws, and stored nothing.
let db: Database;
beforeAll(async () => {
  db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' });
  await db.prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS commit_probe (v text)');
  await db.prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION commit_probe_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.v = 'refused at commit' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$`);
  await db.prisma.$executeRawUnsafe('DROP TRIGGER IF EXISTS commit_probe_refuse ON commit_probe');
  await db.prisma.$executeRawUnsafe(
    'CREATE CONSTRAINT TRIGGER commit_probe_refuse AFTER INSERT ON commit_probe DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION commit_probe_refuse()',
  );
});
afterAll(async () => {
  await db.prisma.$executeRawUnsafe('DROP TABLE IF EXISTS commit_probe');
  await db.close();
});

it.each([
  ['a Prisma transaction', (v: string) => db.prisma.$transaction(async (tx) => void (await tx.$executeRawUnsafe('INSERT INTO commit_probe VALUES ($1)', v)))],
  ['a raw SQL transaction', (v: string) => db.transaction(async (sql) => void (await sql.query('INSERT INTO commit_probe VALUES ($1)', [v])))],
])('%s whose COMMIT fails rejects, and nothing is stored', async (_what, insert) => {
  await expect(insert('refused at commit')).rejects.toThrow(/refused at commit/);
  await insert('kept');
  const rows = await db.prisma.$queryRawUnsafe<{ v: string }[]>('SELECT v FROM commit_probe');
  expect(rows.map((r) => r.v)).toEqual(expect.arrayContaining(['kept']));
  expect(rows.map((r) => r.v)).not.toContain('refused at commit');
  await db.prisma.$executeRawUnsafe('DELETE FROM commit_probe');
});
