import { randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, verifyAccessToken, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { openRedis, type RedisPort } from '../../platform/redis/index.js';
import { newTestRedis, openTestDatabase, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { usersSubgraph } from './subgraph.js';
import { LoginLimiter } from './services/rate-limits.service.js';

// Sessions, lockout, roles, API keys and profiles, through the subgraph's GraphQL API on a real
// database (PGlite, or DATABASE_URL's PostgreSQL). With REDIS_URL set, the lockout counters live in Redis.
const JWT_SECRET = 'users-sessions-test-secret-long-enough-012';
let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;
let limiterRedis: RedisPort;
// A client address nobody else used, so counters left in a shared Redis by an earlier run do not interfere.
const clientAddress = `2001:db8::${randomUUID().slice(0, 4)}`;
let fromAddress: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  limiterRedis = openRedis(process.env.REDIS_URL);
  const definition = usersSubgraph.create({
    db,
    redis: newTestRedis(),
    config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 },
    loginLimiter: new LoginLimiter(limiterRedis),
  });
  client = subgraphClient(definition);
  // The same subgraph as the gateway will call it once it forwards the client's address.
  fromAddress = subgraphClient<Context>({ ...definition, createContext: (viewer): Context => ({ ...definition.createContext(viewer), clientAddress }) });
  await client.server.start();
  await fromAddress.server.start();
});
afterAll(async () => {
  await client.server.stop();
  await fromAddress.server.stop();
  await limiterRedis.close();
  await db.close();
});

const AUTH_FIELDS = 'accessToken expiresAt refreshToken refreshTokenExpiresAt user { id username role }';
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { ${AUTH_FIELDS} } }`;
const LOGOUT = `mutation($input: LogoutInput!) { logout(input: $input) { revokedSessions } }`;
const LOGOUT_EVERYWHERE = `mutation { logoutEverywhere { revokedSessions } }`;

interface Auth {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; username: string; role: string };
}

const unique = () => `s_${randomUUID().slice(0, 8)}`;
const PASSWORD = 'password123';

async function register(): Promise<Auth> {
  const username = unique();
  const result = await client.execute<{ register: Auth }>(ANONYMOUS, REGISTER, { input: { username, email: `${username}@example.com`, password: PASSWORD } });
  expect(result.errors).toBeUndefined();
  return result.data!.register;
}
const login = (usernameOrEmail: string, password = PASSWORD, via = client) =>
  via.execute<{ login: Auth }>(ANONYMOUS, LOGIN, { input: { usernameOrEmail, password } });
const refresh = (refreshToken: string) => client.execute<{ refreshSession: Auth }>(ANONYMOUS, REFRESH, { input: { refreshToken } });
const player = (auth: Auth): Viewer => ({ userId: auth.user.id, role: 'PLAYER' });
const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

describe('users subgraph: sessions (rotating refresh tokens)', () => {
  it('signs in with an opaque refresh token that lasts 30 days and is stored only as a hash', async () => {
    const auth = await register();
    expect(auth.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    const days = (Date.parse(auth.refreshTokenExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const rows = await db.prisma.refreshToken.findMany({ where: { userId: auth.user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.tokenHash).not.toContain(auth.refreshToken);
  });

  it('rotates: a refresh returns a new access and refresh token, and the old refresh token is used up', async () => {
    const auth = await register();
    const first = await refresh(auth.refreshToken);
    expect(first.errors).toBeUndefined();
    const next = first.data!.refreshSession;
    expect(next.user.id).toBe(auth.user.id);
    expect(next.refreshToken).not.toBe(auth.refreshToken);
    expect(await verifyAccessToken(next.accessToken, JWT_SECRET)).toEqual({ userId: auth.user.id, role: 'PLAYER' });
    const [old, successor] = await db.prisma.refreshToken.findMany({ where: { userId: auth.user.id }, orderBy: { createdAt: 'asc' } });
    expect(old!.usedAt).not.toBeNull();
    expect(old!.replacedBy).toBe(successor!.id);
    expect(successor!.familyId).toBe(old!.familyId);
    // The successor works in turn.
    expect((await refresh(next.refreshToken)).errors).toBeUndefined();
  });

  it('treats a reused refresh token as theft: the whole family is revoked and the call fails UNAUTHENTICATED', async () => {
    const auth = await register();
    const rotated = (await refresh(auth.refreshToken)).data!.refreshSession;
    const reuse = await refresh(auth.refreshToken);
    expect(codeOf(reuse)).toBe('UNAUTHENTICATED');
    // The legitimate holder's newer token died with the family.
    expect(codeOf(await refresh(rotated.refreshToken))).toBe('UNAUTHENTICATED');
    const family = await db.prisma.refreshToken.findMany({ where: { userId: auth.user.id } });
    expect(family.every((t) => t.revokedAt)).toBe(true);
  });

  it('lets exactly one of several racing refreshes with the same token win, without signing the winner out', async () => {
    const auth = await register();
    // Racing means each read the token before the winner used it: the reads wait for one another here,
    // so a refresh that a loaded machine ran after the winner committed (reuse by the SDL's rule, which
    // signs the session out) cannot make the race a different case.
    const racers = 5;
    let arrived = 0;
    let allRead!: () => void;
    const barrier = new Promise<void>((resolve) => (allRead = resolve));
    const racing = subgraphClient(
      usersSubgraph.create({
        db: {
          ...db,
          prisma: db.prisma.$extends({
            query: {
              refreshToken: {
                async findUnique({ args, query }) {
                  const row = await query(args);
                  if (++arrived === racers) allRead();
                  await barrier;
                  return row;
                },
              },
            },
          }) as unknown as Database['prisma'],
        },
        redis: newTestRedis(),
        config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 },
      }),
    );
    await racing.server.start();
    const attempts = await Promise.all(
      Array.from({ length: racers }, () => racing.execute<{ refreshSession: Auth }>(ANONYMOUS, REFRESH, { input: { refreshToken: auth.refreshToken } })),
    ).finally(() => racing.server.stop());
    const winners = attempts.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(attempts.filter((r) => codeOf(r) === 'UNAUTHENTICATED')).toHaveLength(4);
    expect(await db.prisma.refreshToken.count({ where: { userId: auth.user.id } })).toBe(2);
    expect((await refresh(winners[0]!.data!.refreshSession.refreshToken)).errors).toBeUndefined();
  });

  it('refuses unknown and expired refresh tokens', async () => {
    expect(codeOf(await refresh('not-a-token'))).toBe('UNAUTHENTICATED');
    const auth = await register();
    await db.prisma.refreshToken.updateMany({ where: { userId: auth.user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await refresh(auth.refreshToken))).toBe('UNAUTHENTICATED');
  });

  it('logout signs out that session only; an unknown token revokes nothing', async () => {
    const auth = await register();
    const phone = (await login(auth.user.username)).data!.login;
    const laptop = (await refresh(auth.refreshToken)).data!.refreshSession;
    const out = await client.execute(ANONYMOUS, LOGOUT, { input: { refreshToken: laptop.refreshToken } });
    expect(out.data).toEqual({ logout: { revokedSessions: 1 } }); // the laptop family's one working token (the used one already refreshed nothing)
    expect(codeOf(await refresh(laptop.refreshToken))).toBe('UNAUTHENTICATED');
    expect((await refresh(phone.refreshToken)).errors).toBeUndefined();
    expect((await client.execute(ANONYMOUS, LOGOUT, { input: { refreshToken: 'nope' } })).data).toEqual({ logout: { revokedSessions: 0 } });
  });

  it('logoutEverywhere signs the viewer out of every session, and needs a signed-in viewer', async () => {
    const auth = await register();
    const other = await register();
    const second = (await login(auth.user.username)).data!.login;
    const result = await client.execute(player(auth), LOGOUT_EVERYWHERE);
    expect(result.data).toEqual({ logoutEverywhere: { revokedSessions: 2 } });
    for (const token of [auth.refreshToken, second.refreshToken]) expect(codeOf(await refresh(token))).toBe('UNAUTHENTICATED');
    expect((await refresh(other.refreshToken)).errors).toBeUndefined();
    expect(codeOf(await client.execute(ANONYMOUS, LOGOUT_EVERYWHERE))).toBe('UNAUTHENTICATED');
  });
});

describe('users subgraph: login lockout', () => {
  it('locks an account for a minute after 5 failures, refusing even the right password, with the time left', async () => {
    const auth = await register();
    for (let i = 0; i < 5; i++) expect(codeOf(await login(auth.user.username, 'wrong-password'))).toBe('UNAUTHENTICATED');
    const locked = await login(`${auth.user.username}@example.com`); // the right password, by email this time
    expect(locked.data).toBeNull();
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfterMs = locked.errors![0]!.extensions!.retryAfterMs as number;
    expect(retryAfterMs).toBeGreaterThan(50_000);
    expect(retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('locks unknown names the same way, so a lockout does not reveal whether an account exists', async () => {
    const name = unique();
    for (let i = 0; i < 5; i++) expect(codeOf(await login(name, 'wrong-password'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(name, 'wrong-password'))).toBe('RATE_LIMITED');
  });

  it('forgets an account\'s failures after a successful sign-in', async () => {
    const auth = await register();
    for (let i = 0; i < 4; i++) await login(auth.user.username, 'wrong-password');
    expect((await login(auth.user.username)).errors).toBeUndefined();
    for (let i = 0; i < 4; i++) await login(auth.user.username, 'wrong-password');
    expect((await login(auth.user.username)).errors).toBeUndefined();
  });

  it('locks a client address for 10 minutes after 10 failures, across accounts', async () => {
    const victim = await register();
    // Ten different names, two failures each at most: no single account reaches its limit.
    for (let i = 0; i < 10; i++) expect(codeOf(await login(unique(), 'wrong-password', fromAddress))).toBe('UNAUTHENTICATED');
    const locked = await login(victim.user.username, PASSWORD, fromAddress);
    expect(locked.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfterMs = locked.errors![0]!.extensions!.retryAfterMs as number;
    expect(retryAfterMs).toBeGreaterThan(9 * 60_000);
    expect(retryAfterMs).toBeLessThanOrEqual(10 * 60_000);
    // The same player from elsewhere is not affected.
    expect((await login(victim.user.username)).errors).toBeUndefined();
  });
});

const SET_ROLE = `mutation($input: SetRoleInput!) { setRole(input: $input) { user { id role } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name scopes createdAt revokedAt } } }`;
const REVOKE_KEY = `mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { apiKey { id revokedAt } } }`;
const ISSUE = `mutation($input: IssueServiceTokenInput!) { issueServiceToken(input: $input) { accessToken expiresAt scopes } }`;
const admin = (): Viewer => ({ userId: randomUUID(), role: 'ADMIN' });

describe('users subgraph: roles', () => {
  it('lets an admin change a player\'s role, which their next refresh carries', async () => {
    const auth = await register();
    const result = await client.execute(admin(), SET_ROLE, { input: { userId: auth.user.id, role: 'MODERATOR' } });
    expect(result.data).toEqual({ setRole: { user: { id: auth.user.id, role: 'MODERATOR' } } });
    const refreshed = (await refresh(auth.refreshToken)).data!.refreshSession;
    expect(await verifyAccessToken(refreshed.accessToken, JWT_SECRET)).toEqual({ userId: auth.user.id, role: 'MODERATOR' });
  });

  it('refuses setRole to players and moderators (FORBIDDEN), anonymous viewers (UNAUTHENTICATED), and admins on themselves', async () => {
    const auth = await register();
    const input = { userId: auth.user.id, role: 'ADMIN' };
    expect(codeOf(await client.execute(player(auth), SET_ROLE, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute({ userId: randomUUID(), role: 'MODERATOR' }, SET_ROLE, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute(ANONYMOUS, SET_ROLE, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await client.execute({ userId: auth.user.id, role: 'ADMIN' }, SET_ROLE, { input: { userId: auth.user.id, role: 'PLAYER' } }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute(admin(), SET_ROLE, { input: { userId: randomUUID(), role: 'ORGANIZER' } }))).toBe('NOT_FOUND');
    expect((await db.prisma.user.findUnique({ where: { id: auth.user.id } }))!.role).toBe('PLAYER');
  });

  it('refuses role and key management to a service token with FORBIDDEN, whatever its scopes', async () => {
    const auth = await register();
    const service: Viewer = { userId: null, role: null, kind: 'service', serviceId: randomUUID(), scopes: ['MANAGE_WALLET', 'REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS'] };
    expect(codeOf(await client.execute(service, SET_ROLE, { input: { userId: auth.user.id, role: 'ADMIN' } }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute(service, CREATE_KEY, { input: { name: 'more', scopes: ['MANAGE_WALLET'] } }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute(service, '{ apiKeys { id } }'))).toBe('FORBIDDEN');
    expect((await db.prisma.user.findUnique({ where: { id: auth.user.id } }))!.role).toBe('PLAYER');
  });
});

describe('users subgraph: API keys and service tokens', () => {
  it('lets an admin create a key whose secret is shown once and stored only as a hash', async () => {
    const result = await client.execute<{ createApiKey: { secret: string; apiKey: { id: string; scopes: string[]; revokedAt: null } } }>(admin(), CREATE_KEY, {
      input: { name: ' EU game servers ', scopes: ['REPORT_MATCH_RESULTS', 'REPORT_GAME_EVENTS', 'REPORT_GAME_EVENTS'] },
    });
    expect(result.errors).toBeUndefined();
    const { secret, apiKey } = result.data!.createApiKey;
    expect(secret).toMatch(/^gpk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'EU game servers', scopes: ['REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS'], revokedAt: null });
    const row = await db.prisma.apiKey.findUnique({ where: { id: apiKey.id } });
    expect(row!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = await client.execute<{ apiKeys: { id: string }[] }>(admin(), '{ apiKeys { id name } }');
    expect(listed.data!.apiKeys.some((k) => k.id === apiKey.id)).toBe(true);
  });

  it('refuses key management to players (FORBIDDEN) and anonymous viewers (UNAUTHENTICATED), storing nothing', async () => {
    const auth = await register();
    // A name of its own, so what is counted is this test's (the database may be shared with tests running alongside).
    const input = { name: `mine-${randomUUID()}`, scopes: ['REPORT_MATCH_RESULTS'] };
    const stored = () => db.prisma.apiKey.count({ where: { name: input.name } });
    expect(codeOf(await client.execute(player(auth), CREATE_KEY, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute({ userId: randomUUID(), role: 'ORGANIZER' }, CREATE_KEY, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute(ANONYMOUS, CREATE_KEY, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await client.execute(player(auth), REVOKE_KEY, { input: { id: randomUUID() } }))).toBe('FORBIDDEN');
    expect(codeOf(await client.execute(player(auth), '{ apiKeys { id } }'))).toBe('FORBIDDEN');
    expect(await stored()).toBe(0);
  });

  it('refuses a key without scopes or with a bad name, naming the field', async () => {
    const noScopes = await client.execute(admin(), CREATE_KEY, { input: { name: 'x', scopes: [] } });
    expect(noScopes.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    const noName = await client.execute(admin(), CREATE_KEY, { input: { name: '  ', scopes: ['MANAGE_WALLET'] } });
    expect(noName.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('exchanges a live key for a short-lived service token with its scopes, and a revoked key for nothing', async () => {
    const created = await client.execute<{ createApiKey: { secret: string; apiKey: { id: string } } }>(admin(), CREATE_KEY, {
      input: { name: 'game server', scopes: ['REPORT_GAME_EVENTS', 'MANAGE_WALLET'] },
    });
    const { secret, apiKey } = created.data!.createApiKey;
    const issued = await client.execute<{ issueServiceToken: { accessToken: string; expiresAt: string; scopes: string[] } }>(ANONYMOUS, ISSUE, {
      input: { apiKey: secret },
    });
    expect(issued.errors).toBeUndefined();
    const { accessToken, expiresAt, scopes } = issued.data!.issueServiceToken;
    expect(scopes).toEqual(['MANAGE_WALLET', 'REPORT_GAME_EVENTS']);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(900_000);
    const { payload } = await jwtVerify(accessToken, new TextEncoder().encode(JWT_SECRET), { issuer: 'game-platform', audience: 'game-service' });
    expect(payload).toMatchObject({ sub: apiKey.id, kind: 'service', scopes: ['MANAGE_WALLET', 'REPORT_GAME_EVENTS'] });
    expect(payload.role).toBeUndefined();
    // Verified as a service, never mistaken for a player.
    expect(await verifyAccessToken(accessToken, JWT_SECRET)).toEqual({
      userId: null,
      role: null,
      kind: 'service',
      scopes: ['MANAGE_WALLET', 'REPORT_GAME_EVENTS'],
      serviceId: apiKey.id,
    });

    const revoked = await client.execute<{ revokeApiKey: { apiKey: { revokedAt: string | null } } }>(admin(), REVOKE_KEY, { input: { id: apiKey.id } });
    expect(revoked.data!.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    expect(codeOf(await client.execute(ANONYMOUS, ISSUE, { input: { apiKey: secret } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await client.execute(ANONYMOUS, ISSUE, { input: { apiKey: 'gpk_wrong' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await client.execute(admin(), REVOKE_KEY, { input: { id: randomUUID() } }))).toBe('NOT_FOUND');
  });
});

const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName avatarUrl bio timezone } } }`;

describe('users subgraph: profile', () => {
  it('starts with an empty bio, UTC and no picture, and shows lastSeenAt once the player signs in', async () => {
    const auth = await register();
    const QUERY = `query($id: ID!) { user(id: $id) { avatarUrl bio timezone lastSeenAt } }`;
    expect((await client.execute(ANONYMOUS, QUERY, { id: auth.user.id })).data).toEqual({ user: { avatarUrl: null, bio: '', timezone: 'UTC', lastSeenAt: null } });
    await login(auth.user.username);
    const after = await client.execute<{ user: { lastSeenAt: string } }>(ANONYMOUS, QUERY, { id: auth.user.id });
    expect(Date.now() - Date.parse(after.data!.user.lastSeenAt)).toBeLessThan(60_000);
  });

  it('updates the picture, bio and time zone; leaves out what is not given; a null picture removes it', async () => {
    const auth = await register();
    const changed = await client.execute(player(auth), UPDATE_PROFILE, {
      input: { avatarUrl: 'https://cdn.example.com/ana.png', bio: ' Healer main. ', timezone: 'europe/madrid' },
    });
    expect(changed.data).toEqual({
      updateProfile: { user: { displayName: auth.user.username, avatarUrl: 'https://cdn.example.com/ana.png', bio: 'Healer main.', timezone: 'Europe/Madrid' } },
    });
    const cleared = await client.execute(player(auth), UPDATE_PROFILE, { input: { avatarUrl: null } });
    expect(cleared.data).toEqual({
      updateProfile: { user: { displayName: auth.user.username, avatarUrl: null, bio: 'Healer main.', timezone: 'Europe/Madrid' } },
    });
    // Each change is a domain event, committed with it.
    const events = await db.prisma.outboxEvent.findMany({ where: { type: 'user.profile_updated' }, orderBy: { seq: 'asc' } });
    const mine = events.map((e) => e.payload as { userId: string; changed: string[] }).filter((p) => p.userId === auth.user.id);
    expect(mine.map((p) => p.changed.sort())).toEqual([['avatarUrl', 'bio', 'timezone'], ['avatarUrl']]);
  });

  it.each([
    ['avatarUrl', { avatarUrl: 'javascript:alert(1)' }],
    ['avatarUrl', { avatarUrl: `https://e.com/${'a'.repeat(600)}` }],
    ['bio', { bio: 'x'.repeat(281) }],
    ['timezone', { timezone: 'Mars/Olympus_Mons' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, changing nothing', async (field, input) => {
    const auth = await register();
    const result = await client.execute(player(auth), UPDATE_PROFILE, { input: { ...input, displayName: 'Changed' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const row = await db.prisma.user.findUnique({ where: { id: auth.user.id } });
    expect(row).toMatchObject({ displayName: auth.user.username, avatarUrl: null, bio: '', timezone: 'UTC' });
    const events = await db.prisma.outboxEvent.findMany({ where: { type: 'user.profile_updated' } });
    expect(events.some((e) => (e.payload as { userId: string }).userId === auth.user.id)).toBe(false);
  });
});

describe('users subgraph: timezone in domain events', () => {
  const eventsOf = (type: 'user.registered' | 'user.profile_updated', userId: string) =>
    db.prisma.outboxEvent.findMany({ where: { producer: 'users', type, payload: { path: ['userId'], equals: userId } }, orderBy: { seq: 'asc' } });

  it("carries the account's timezone on user.registered (UTC by default) and the new one on user.profile_updated", async () => {
    const auth = await register();
    const [registered] = await eventsOf('user.registered', auth.user.id);
    expect(registered!.payload).toMatchObject({ userId: auth.user.id, timezone: 'UTC' });

    ok(await client.execute(player(auth), UPDATE_PROFILE, { input: { timezone: 'america/new_york' } }));
    ok(await client.execute(player(auth), UPDATE_PROFILE, { input: { bio: 'No zone change.' } }));
    const updates = (await eventsOf('user.profile_updated', auth.user.id)).map((e) => e.payload);
    expect(updates).toEqual([
      { userId: auth.user.id, changed: ['timezone'], updatedAt: expect.any(String), timezone: 'America/New_York' },
      // Without a timezone change, the payload leaves it out.
      { userId: auth.user.id, changed: ['bio'], updatedAt: expect.any(String) },
    ]);
  });
});

function ok(result: { errors?: readonly unknown[] }) {
  expect(result.errors).toBeUndefined();
}
