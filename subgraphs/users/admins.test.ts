import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, startWorkers } from '../../platform/testing.js';
import { loadUsersConfig } from './config.js';
import { usersSubgraph } from './subgraph.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const newAccount = async (username: string) =>
  db.prisma.user.create({ data: { username, usernameKey: username.toLowerCase(), email: `${randomUUID()}@x.io`, passwordHash: 'x', displayName: username } });

describe('ADMIN_USERNAMES', () => {
  it('is parsed as trimmed, lower-cased names; unset means none', () => {
    expect(loadUsersConfig({ ADMIN_USERNAMES: ' Ana, bo ,,' }).ADMIN_USERNAMES).toEqual(['ana', 'bo']);
    expect(loadUsersConfig({}).ADMIN_USERNAMES).toEqual([]);
  });

  it('promotes listed accounts that registered earlier when the service starts, and nobody else', async () => {
    const late = await newAccount(`Late_${randomUUID().slice(0, 8)}`);
    const other = await newAccount(`other_${randomUUID().slice(0, 8)}`);
    const definition = usersSubgraph.create({
      db,
      redis: newTestRedis(),
      config: { JWT_SECRET: 'admins-test-secret-that-is-long-enough-0123', ACCESS_TOKEN_TTL_SECONDS: 900, ADMIN_USERNAMES: [late.username.toUpperCase(), 'not_registered'] },
    });
    // Starting the workers promotes ADMIN_USERNAMES; stopping them right away is enough.
    await (await startWorkers(definition.workers))();
    const roles = await db.prisma.user.findMany({ where: { id: { in: [late.id, other.id] } }, select: { id: true, role: true } });
    expect(Object.fromEntries(roles.map((r) => [r.id, r.role]))).toEqual({ [late.id]: 'ADMIN', [other.id]: 'PLAYER' });
  });
});
