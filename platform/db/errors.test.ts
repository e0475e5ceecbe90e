import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing.js';
import type { Database } from './index.js';
import { createErrorFormatter } from '../errors.js';
import { isDatabaseBusy, isRetryableConflict, isUniqueViolation } from './errors.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

describe('isUniqueViolation', () => {
  it('recognizes a unique violation from the configured driver adapter and names the column', async () => {
    const key = `dup_${Date.now()}`;
    const data = { username: key, usernameKey: key, email: `${key}@x.io`, passwordHash: 'x', displayName: key };
    await db.prisma.user.create({ data });
    const error = await db.prisma.$transaction((tx) => tx.user.create({ data: { ...data, email: `${key}_2@x.io` } })).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toContain('username_key');
  });

  it('recognizes one from a raw SQL transaction (Database.transaction)', async () => {
    const key = `dup_raw_${Date.now()}`;
    const insert = (email: string) =>
      db.transaction((sql) =>
        sql.query(`INSERT INTO users (id, username, username_key, email, password_hash, display_name, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, 'x', $1, now())`, [key, email]),
      );
    await insert(`${key}@x.io`);
    const error = await insert(`${key}_2@x.io`).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toMatch(/username_key|unique/);
  });

  it('ignores other errors', () => {
    expect(isUniqueViolation(new Error('boom'))).toBeNull();
    expect(isUniqueViolation(null)).toBeNull();
  });
});

describe('isRetryableConflict', () => {
  // PostgreSQL reports these SQLSTATEs for a deadlock victim and a serialization failure; raising
  // them ourselves goes through the same driver adapter path as the real thing.
  const raise = (sqlstate: string) =>
    db.prisma
      .$transaction((tx) => tx.$queryRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '${sqlstate}'; END $$`))
      .catch((e: unknown) => e);

  it.each(['40P01', '40001'])('recognizes SQLSTATE %s from the configured driver adapter', async (sqlstate) => {
    expect(isRetryableConflict(await raise(sqlstate))).toBe(true);
  });

  it.each(['40P01', '40001'])('recognizes SQLSTATE %s from a raw SQL transaction', async (sqlstate) => {
    const error = await db
      .transaction((sql) => sql.query(`DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '${sqlstate}'; END $$`))
      .catch((e: unknown) => e);
    expect(isRetryableConflict(error)).toBe(true);
  });

  it('ignores other errors', async () => {
    expect(isRetryableConflict(await raise('23505'))).toBe(false);
    expect(isRetryableConflict(new Error('boom'))).toBe(false);
    expect(isRetryableConflict(null)).toBe(false);
  });
});

describe('isUniqueViolation of a raw query through adapter-pg (P2010)', () => {
  it.each([
    ['the SQLSTATE in meta', { code: 'P2010', meta: { code: '23505', message: 'duplicate key value violates unique constraint "k"' } }, true],
    ['the SQLSTATE only in the message', { code: 'P2010', message: 'Raw query failed. Code: `23505`. Message: `duplicate key value`' }, true],
    ['another raw failure', { code: 'P2010', meta: { code: '23503' }, message: 'Raw query failed. Code: `23503`.' }, false],
  ])('%s', (_what, error, unique) => {
    expect(isUniqueViolation(error) !== null).toBe(unique);
  });
});

describe('isDatabaseBusy', () => {
  it.each([
    ["Prisma could not start a transaction in time (P2028)", { code: 'P2028', message: 'Transaction API error: Unable to start a transaction in the given time.' }, true],
    ["pg-pool's connection timeout", new Error('timeout exceeded when trying to connect'), true],
    ['a unique violation', { code: 'P2002' }, false],
    ['anything else', new Error('boom'), false],
    ['nothing', null, false],
  ])('%s', (_what, error, busy) => {
    expect(isDatabaseBusy(error)).toBe(busy);
  });

  it('is answered SERVICE_UNAVAILABLE with a retry hint, not an internal error', () => {
    const unexpected: unknown[] = [];
    const format = createErrorFormatter({ includeStack: false, onUnexpected: (e) => unexpected.push(e) });
    const busy = { code: 'P2028', message: 'Transaction API error: Unable to start a transaction in the given time.' };
    expect(format({ message: 'x', path: ['sendMessage'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, busy)).toEqual({
      message: 'The service is busy and did not do this; try again shortly.',
      path: ['sendMessage'],
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterMs: 1_000 },
    });
    expect(unexpected).toEqual([busy]);
  });
});
