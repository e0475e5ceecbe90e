import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, verifyAccessToken } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { usersSubgraph } from './subgraph.js';

const JWT_SECRET = 'users-test-secret-that-is-long-enough-0123';
let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  client = subgraphClient(
    usersSubgraph.create({
      db,
      redis: newTestRedis(),
      config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 },
    }),
  );
  await client.server.start();
});
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id username displayName email role } } }`;
const unique = () => `p_${randomUUID().slice(0, 8)}`;

describe('users subgraph: accounts', () => {
  it('registers a player, signs them in, and records a user.registered event in the same transaction', async () => {
    const username = unique();
    const result = await client.execute<{ register: { accessToken: string; user: { id: string; email: string } } }>(ANONYMOUS, REGISTER, {
      input: { username, email: `${username}@example.com`, password: 'password123' },
    });
    expect(result.errors).toBeUndefined();
    const { user, accessToken } = result.data!.register;
    expect(user).toMatchObject({ username, displayName: username, email: `${username}@example.com`, role: 'PLAYER' });
    expect(await verifyAccessToken(accessToken, JWT_SECRET)).toEqual({ userId: user.id, role: 'PLAYER' });
    const events = await db.prisma.outboxEvent.findMany({ where: { producer: 'users', type: 'user.registered' } });
    expect(events.some((e) => (e.payload as { userId: string }).userId === user.id)).toBe(true);
  });

  it.each([
    ['username', (name: string) => ({ username: name.toUpperCase(), email: `other_${name}@example.com` })],
    ['email', (name: string) => ({ username: `${name}_2`, email: `${name.toUpperCase()}@example.com` })],
  ])('refuses a taken %s with CONFLICT naming it, and stores nothing', async (field, clash) => {
    const username = unique();
    await client.execute(ANONYMOUS, REGISTER, { input: { username, email: `${username}@example.com`, password: 'password123' } });
    // Counted by the clashing username and email only: the database may be shared with tests running alongside.
    const input = clash(username);
    const holders = () => db.prisma.user.count({ where: { OR: [{ usernameKey: input.username.toLowerCase() }, { email: { equals: input.email, mode: 'insensitive' } }] } });
    expect(await holders()).toBe(1);
    const result = await client.execute(ANONYMOUS, REGISTER, { input: { ...input, password: 'password123' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field });
    expect(await holders()).toBe(1);
  });

  it('settles a race for one username with exactly one account', async () => {
    const username = unique();
    const attempts = await Promise.all(
      [1, 2, 3].map((i) => client.execute(ANONYMOUS, REGISTER, { input: { username, email: `${username}_${i}@example.com`, password: 'password123' } })),
    );
    expect(attempts.filter((r) => !r.errors)).toHaveLength(1);
    expect(attempts.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await db.prisma.user.count({ where: { usernameKey: username.toLowerCase() } })).toBe(1);
  });

  it('answers wrong credentials with one generic UNAUTHENTICATED', async () => {
    const username = unique();
    await client.execute(ANONYMOUS, REGISTER, { input: { username, email: `${username}@example.com`, password: 'password123' } });
    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { user { username } } }`;
    const ok = await client.execute(ANONYMOUS, LOGIN, { input: { usernameOrEmail: `${username}@EXAMPLE.com`, password: 'password123' } });
    expect(ok.data).toEqual({ login: { user: { username } } });
    const wrongPassword = await client.execute(ANONYMOUS, LOGIN, { input: { usernameOrEmail: username, password: 'nope-nope' } });
    const noSuchUser = await client.execute(ANONYMOUS, LOGIN, { input: { usernameOrEmail: unique(), password: 'password123' } });
    for (const result of [wrongPassword, noSuchUser]) {
      expect(result.errors?.[0]).toMatchObject({ message: 'Wrong username, email or password.', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('shows an email to its owner only, and resolves references in one batch', async () => {
    const names = [unique(), unique()];
    const ids: string[] = [];
    for (const username of names) {
      const r = await client.execute<{ register: { user: { id: string } } }>(ANONYMOUS, REGISTER, {
        input: { username, email: `${username}@example.com`, password: 'password123' },
      });
      ids.push(r.data!.register.user.id);
    }
    const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id username email } } }`;
    const reps = [...ids, randomUUID(), 'not-a-uuid'].map((id) => ({ __typename: 'User', id }));
    const result = await client.execute<{ _entities: unknown[] }>({ userId: ids[0]!, role: 'PLAYER' }, QUERY, { reps });
    expect(result.data!._entities).toEqual([
      { id: ids[0], username: names[0], email: `${names[0]}@example.com` },
      { id: ids[1], username: names[1], email: null },
      null,
      null,
    ]);
  });
});
