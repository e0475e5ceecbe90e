import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing.js';
import type { Database } from './index.js';
import { isUniqueViolation } from './errors.js';

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

  it('ignores other errors', () => {
    expect(isUniqueViolation(new Error('boom'))).toBeNull();
    expect(isUniqueViolation(null)).toBeNull();
  });
});
