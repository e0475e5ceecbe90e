import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, REGISTER, registerPlayer, uniqueName } from './support/platform.js';
import { acceptanceCalls, HUGE, type Case, type Player } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { subscribe } from './support/ws.js';

// Users as a studio reads schema/users.graphql: the refusals its docstrings promise (code and
// extensions.field), limits and defaults, and hostile input on every argument, each refused with
// a code and changing nothing.

let platform: RunningPlatform;
let url: string;
// Listed in ADMIN_USERNAMES in another letter case; fresh per run, as the database may be shared.
const FIRST_ADMIN = `adm_${randomUUID().slice(0, 8)}`;
// TRUST_PROXY: the sign-in and registration limits count the X-Forwarded-For address a test sends
// (requests without one come from 127.0.0.1, which those limits exempt).
const { client } = platformPerFile({ ADMIN_USERNAMES: `someone_else,${FIRST_ADMIN.toUpperCase()}`, TRUST_PROXY: 'true' }, (started) => {
  platform = started;
  url = started.gateway.url;
});


const { must, refusal, expectRefusals } = acceptanceCalls(() => url);

describe('acceptance: registering and signing in', () => {
  it('register refuses each broken rule naming the field, and a taken username or email with CONFLICT, creating nothing', async () => {
    const taken = await registerPlayer(url);
    const name = uniqueName('acc');
    // What was sent, to count only accounts these refusals could have made: the database may be shared
    // with test files running alongside, which register players too.
    const sent: Record<string, unknown>[] = [];
    const input = (over: Record<string, unknown>) => {
      const fields = { username: name, email: `${name}@example.com`, password: 'password123', ...over };
      sent.push(fields);
      return { input: fields };
    };
    const texts = (field: string) => sent.map((fields) => fields[field]).filter((v): v is string => typeof v === 'string');
    const accounts = () =>
      platform.runtime.db.prisma.user.count({
        where: { OR: [{ usernameKey: { in: texts('username').map((u) => u.toLowerCase()) } }, { email: { in: [...texts('email'), ...texts('email').map((e) => e.toLowerCase())] } }] },
      });
    const cases: Case[] = [
      ['a 2-character username', undefined, input({ username: 'ab' }), { code: 'BAD_USER_INPUT', field: 'username' }],
      ['a 21-character username', undefined, input({ username: 'a'.repeat(21) }), { code: 'BAD_USER_INPUT', field: 'username' }],
      ['a username with a space', undefined, input({ username: 'ana bel' }), { code: 'BAD_USER_INPUT', field: 'username' }],
      ['a username with a non-ASCII letter', undefined, input({ username: 'añaaa' }), { code: 'BAD_USER_INPUT', field: 'username' }],
      ['a huge username', undefined, input({ username: HUGE }), { code: 'BAD_USER_INPUT' }],
      ['an email without @', undefined, input({ email: 'nobody.example.com' }), { code: 'BAD_USER_INPUT', field: 'email' }],
      ['an empty email', undefined, input({ email: '' }), { code: 'BAD_USER_INPUT', field: 'email' }],
      ['a 7-character password', undefined, input({ password: 'passwor' }), { code: 'BAD_USER_INPUT', field: 'password' }],
      ['a 129-character password', undefined, input({ password: 'p'.repeat(129) }), { code: 'BAD_USER_INPUT', field: 'password' }],
      ['a password with a control character', undefined, input({ password: 'password\u0007' }), { code: 'BAD_USER_INPUT', field: 'password' }],
      ['an empty display name', undefined, input({ displayName: '   ' }), { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a 33-character display name', undefined, input({ displayName: 'd'.repeat(33) }), { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a display name on two lines', undefined, input({ displayName: 'a\nb' }), { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a display name with a direction override', undefined, input({ displayName: 'abc\u202Edef' }), { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a taken username in another case', undefined, input({ username: taken.username.toUpperCase() }), { code: 'CONFLICT', field: 'username' }],
      ['a taken email', undefined, input({ email: `${taken.username}@example.com` }), { code: 'CONFLICT', field: 'email' }],
    ];
    expect(await accounts()).toBe(1); // the taken one
    await expectRefusals(REGISTER, cases);
    expect(await accounts()).toBe(1);
    // The bounds themselves are taken: 3 and 20 characters, a 128-code-point password, 32-character names.
    const short = `a${randomUUID().slice(0, 2)}`.replace(/-/g, '_');
    const ok = await must<{ register: { user: { username: string; displayName: string } } }>(undefined, REGISTER, {
      input: { username: short, email: `${short}_${Date.now()}@example.com`, password: '\u{1F600}'.repeat(128), displayName: ` ${'\u{1F600}'.repeat(32)} ` },
    }).catch((error: Error) => {
      if (/CONFLICT/.test(error.message)) return undefined; // a 3-character name taken by an earlier run on this database
      throw error;
    });
    if (ok) expect([...ok.register.user.displayName]).toHaveLength(32);
  });

  it('login: wrong credentials and hostile values are one UNAUTHENTICATED (or BAD_USER_INPUT), never a 500', async () => {
    const ana = await registerPlayer(url);
    const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { accessToken } }`;
    for (const [name, variables] of [
      ['a wrong password', { u: ana.username, p: 'wrong-password' }],
      ['an unknown user', { u: uniqueName('ghost'), p: 'password123' }],
      ['a huge name', { u: HUGE, p: 'password123' }],
      ['a huge password', { u: ana.username, p: HUGE }],
      ['empty values', { u: '', p: '' }],
    ] as const) {
      const refused = await refusal(undefined, LOGIN, variables);
      expect(refused.code, name).toMatch(/^(UNAUTHENTICATED|BAD_USER_INPUT)$/);
    }
    expect((await must<{ login: { accessToken: string } }>(undefined, LOGIN, { u: `${ana.username}@EXAMPLE.com`.toLowerCase(), p: 'password123' })).login.accessToken).toEqual(expect.any(String));
  });

  it('refreshSession and logout with garbage tokens: UNAUTHENTICATED, and an unknown token is no error for logout', async () => {
    const REFRESH = `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { accessToken } }`;
    const LOGOUT = `mutation($t: String!) { logout(input: { refreshToken: $t }) { revokedSessions } }`;
    for (const token of ['', 'garbage', HUGE, '\u0000', randomUUID()]) {
      // Empty and control-character tokens are malformed input; anything else is an unknown token.
      const expected = token === '' || token === '\u0000' ? /^(BAD_USER_INPUT|UNAUTHENTICATED)$/ : /^UNAUTHENTICATED$/;
      expect((await refusal(undefined, REFRESH, { t: token })).code, token.slice(0, 10)).toMatch(expected);
      const out = await gql<{ logout: { revokedSessions: number } }>(url, LOGOUT, { t: token });
      expect(out.status).toBeLessThan(500);
      if (out.data) expect(out.data.logout.revokedSessions).toBe(0);
      else expect(out.errors?.[0]?.extensions?.code, token.slice(0, 10)).toBe('BAD_USER_INPUT');
    }
    expect(await refusal(undefined, `mutation { logoutEverywhere { revokedSessions } }`, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('acceptance: players and profiles', () => {
  it('user, userByUsername and users: null for unknown and malformed ids, in the order asked, at most 100 ids', async () => {
    const ana = await registerPlayer(url);
    const USER = `query($id: ID!) { user(id: $id) { id email friendState } }`;
    for (const id of [randomUUID(), 'nope', '', HUGE.slice(0, 5_000), '1 OR 1=1']) {
      const result = await gql<{ user: unknown }>(url, USER, { id });
      expect(result.errors, id.slice(0, 10)).toBeUndefined();
      expect(result.data?.user).toBeNull();
    }
    const BY_NAME = `query($u: String!) { userByUsername(username: $u) { id } }`;
    expect(await must(undefined, BY_NAME, { u: ana.username.toUpperCase() })).toEqual({ userByUsername: { id: ana.id } });
    for (const u of ['', '%', '_', 'a%', HUGE.slice(0, 5_000)]) {
      const result = await gql<{ userByUsername: unknown }>(url, BY_NAME, { u });
      expect(result.status, u.slice(0, 10)).toBeLessThan(500);
      if (result.errors) expect(result.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(result.data?.userByUsername, `"${u.slice(0, 10)}" matched someone`).toBeNull();
    }
    const USERS = `query($ids: [ID!]!) { users(ids: $ids) { id } }`;
    const unknown = randomUUID();
    expect(await must(undefined, USERS, { ids: [unknown, ana.id, 'bad', ana.id] })).toEqual({ users: [null, { id: ana.id }, null, { id: ana.id }] });
    expect(await must(undefined, USERS, { ids: [] })).toEqual({ users: [] });
    expect(await refusal(undefined, USERS, { ids: Array.from({ length: 101 }, () => randomUUID()) })).toMatchObject({ code: expect.stringMatching(/^(BAD_USER_INPUT|OPERATION_LIMIT_EXCEEDED)$/) });
    // The email is the owner's only; friendState is null anonymously and about oneself.
    expect(await must(undefined, USER, { id: ana.id })).toEqual({ user: { id: ana.id, email: null, friendState: null } });
    expect(await must(ana, USER, { id: ana.id })).toEqual({ user: { id: ana.id, email: `${ana.username}@example.com`, friendState: null } });
  });

  it('updateProfile refuses each broken rule naming the field, changing nothing', async () => {
    const ana = await registerPlayer(url);
    const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName avatarUrl bio timezone } } }`;
    await expectRefusals(UPDATE, [
      ['signed out', undefined, { input: { bio: 'hi' } }, { code: 'UNAUTHENTICATED' }],
      ['a blank display name', ana, { input: { displayName: ' ' } }, { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['only zero-width', ana, { input: { displayName: '\u200B' } }, { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a 33-character display name', ana, { input: { displayName: 'd'.repeat(33) } }, { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a huge display name', ana, { input: { displayName: HUGE } }, { code: 'BAD_USER_INPUT', field: 'displayName' }],
      ['a javascript: picture', ana, { input: { avatarUrl: 'javascript:alert(1)' } }, { code: 'BAD_USER_INPUT', field: 'avatarUrl' }],
      ['a relative picture', ana, { input: { avatarUrl: '/me.png' } }, { code: 'BAD_USER_INPUT', field: 'avatarUrl' }],
      ['a 513-character picture', ana, { input: { avatarUrl: `https://cdn.example.com/${'a'.repeat(489)}` } }, { code: 'BAD_USER_INPUT', field: 'avatarUrl' }],
      ['a 281-character bio', ana, { input: { bio: 'b'.repeat(281) } }, { code: 'BAD_USER_INPUT', field: 'bio' }],
      ['a bio with an escape', ana, { input: { bio: '\u001b[31m' } }, { code: 'BAD_USER_INPUT', field: 'bio' }],
      ['an unknown time zone', ana, { input: { timezone: 'Mars/Olympus' } }, { code: 'BAD_USER_INPUT', field: 'timezone' }],
      ['an empty time zone', ana, { input: { timezone: '' } }, { code: 'BAD_USER_INPUT', field: 'timezone' }],
    ]);
    const ME = `query { me { displayName avatarUrl bio timezone } }`;
    expect(await must(ana, ME)).toEqual({ me: { displayName: ana.username, avatarUrl: null, bio: '', timezone: 'UTC' } });
    // Fields left out (or null, but for the picture) stay as they are: an update of nothing answers the profile.
    const unchanged = { displayName: ana.username, avatarUrl: null, bio: '', timezone: 'UTC' };
    expect(await must(ana, UPDATE, { input: {} })).toEqual({ updateProfile: { user: unchanged } });
    expect(await must(ana, UPDATE, { input: { displayName: null, bio: null, timezone: null } })).toEqual({ updateProfile: { user: unchanged } });
    const url512 = `https://cdn.example.com/${'a'.repeat(488)}`;
    expect(url512).toHaveLength(512);
    expect(await must(ana, UPDATE, { input: { avatarUrl: url512, bio: `${'b'.repeat(279)}\n`.padEnd(280, 'b'), timezone: 'Europe/Madrid' } })).toMatchObject({ updateProfile: { user: { avatarUrl: url512, timezone: 'Europe/Madrid' } } });
    expect(await must(ana, UPDATE, { input: { avatarUrl: '', bio: '' } })).toMatchObject({ updateProfile: { user: { avatarUrl: null, bio: '', timezone: 'Europe/Madrid' } } });
  });

  it('friends: hostile ids, the documented conflicts, and a friends list readable by its owner only', async () => {
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const op = (name: string) => `mutation($u: ID!) { ${name}(input: { userId: $u }) { __typename } }`;
    for (const name of ['sendFriendRequest', 'acceptFriendRequest', 'declineFriendRequest', 'removeFriend', 'blockUser', 'unblockUser']) {
      await expectRefusals(op(name), [
        [`${name} signed out`, undefined, { u: ben.id }, { code: 'UNAUTHENTICATED' }],
        [`${name} an unknown player`, ana, { u: randomUUID() }, { code: expect.stringMatching(/^(NOT_FOUND|CONFLICT)$/) }],
        [`${name} a malformed id`, ana, { u: 'x'.repeat(5_000) }, { code: expect.stringMatching(/^(NOT_FOUND|CONFLICT|BAD_USER_INPUT)$/) }],
      ]);
    }
    await expectRefusals(op('sendFriendRequest'), [
      ['to oneself', ana, { u: ana.id }, { code: 'BAD_USER_INPUT' }],
      ['to an unknown player', ana, { u: randomUUID() }, { code: 'NOT_FOUND' }],
    ]);
    await expectRefusals(op('acceptFriendRequest'), [['no request', ana, { u: ben.id }, { code: 'CONFLICT' }], ['an unknown player', ana, { u: randomUUID() }, { code: 'NOT_FOUND' }]]);
    await expectRefusals(op('declineFriendRequest'), [['no request', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(op('removeFriend'), [['no relation', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(op('unblockUser'), [['not blocked', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    expect(await platform.runtime.db.prisma.friendship.count({ where: { OR: [{ userId: ana.id }, { otherId: ana.id }] } })).toBe(0);
    await must(ana, op('sendFriendRequest'), { u: ben.id });
    await expectRefusals(op('sendFriendRequest'), [['a pending request', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    await must(ana, op('blockUser'), { u: cat.id });
    await expectRefusals(op('blockUser'), [['blocked already', ana, { u: cat.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(op('sendFriendRequest'), [
      ['to a player one blocked', ana, { u: cat.id }, { code: 'CONFLICT' }],
      ['to a player who blocked you', cat, { u: ana.id }, { code: 'NOT_FOUND' }],
    ]);
    const FRIENDS = `query($id: ID!, $first: Int, $last: Int, $after: String, $before: String) { user(id: $id) { friends(first: $first, last: $last, after: $after, before: $before) { edges { node { state user { id } } } } } }`;
    await expectRefusals(FRIENDS, [
      ['anonymous', undefined, { id: ana.id }, { code: 'UNAUTHENTICATED' }],
      ['another player', ben, { id: ana.id }, { code: 'FORBIDDEN' }],
      ['first 101', ana, { id: ana.id, first: 101 }, { code: 'BAD_USER_INPUT' }],
      ['first -1', ana, { id: ana.id, first: -1 }, { code: 'BAD_USER_INPUT' }],
      ['last 101', ana, { id: ana.id, last: 101 }, { code: 'BAD_USER_INPUT' }],
      ['a malformed after', ana, { id: ana.id, after: 'nope' }, { code: 'BAD_USER_INPUT' }],
      ['a malformed before', ana, { id: ana.id, before: 'nope' }, { code: 'BAD_USER_INPUT' }],
    ]);
    type Friends = { user: { friends: { edges: { node: { state: string; user: { id: string } } }[] } } };
    expect((await must<Friends>(ana, FRIENDS, { id: ana.id, first: 0 })).user.friends.edges).toEqual([]);
    // most recently changed first
    expect((await must<Friends>(ana, FRIENDS, { id: ana.id })).user.friends.edges.map((e) => e.node)).toEqual([
      { state: 'BLOCKED', user: { id: cat.id } },
      { state: 'INVITE_SENT', user: { id: ben.id } },
    ]);
  });
});

describe('acceptance: admin surfaces', () => {
  it('setRole, createApiKey, revokeApiKey, apiKeys and issueServiceToken: who may, bounds, unknown ids', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const service = await gameServerToken(platform, url, ['MANAGE_WALLET']);
    const SET_ROLE = `mutation($u: ID!, $r: Role!) { setRole(input: { userId: $u, role: $r }) { user { id role } } }`;
    await expectRefusals(SET_ROLE, [
      ['signed out', undefined, { u: ana.id, r: 'ADMIN' }, { code: 'UNAUTHENTICATED' }],
      ['a player on themself', ana, { u: ana.id, r: 'ADMIN' }, { code: 'FORBIDDEN' }],
      ['a service token', service, { u: ana.id, r: 'MODERATOR' }, { code: 'FORBIDDEN' }],
      ['an unknown player', admin, { u: randomUUID(), r: 'MODERATOR' }, { code: 'NOT_FOUND' }],
      ['a malformed id', admin, { u: 'nope', r: 'MODERATOR' }, { code: 'NOT_FOUND' }],
      ['an unknown role', admin, { u: ana.id, r: 'SUPERUSER' }, { code: expect.stringMatching(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/) }],
    ]);
    expect((await platform.runtime.db.prisma.user.findUniqueOrThrow({ where: { id: ana.id } })).role).toBe('PLAYER');
    const CREATE = `mutation($n: String!, $s: [ApiKeyScope!]!) { createApiKey(input: { name: $n, scopes: $s }) { secret apiKey { id name scopes revokedAt } } }`;
    // Keys counted by the names these refusals sent (PostgreSQL text cannot hold the NUL one): the
    // database may be shared with test files running alongside, which make keys too (a valid name of
    // this test's own where the name is not the fault).
    const k = `k-${randomUUID()}`;
    const keys = () => platform.runtime.db.prisma.apiKey.count({ where: { name: { in: [k, '', 'n'.repeat(65)] } } });
    const keysBefore = await keys();
    await expectRefusals(CREATE, [
      ['a player', ana, { n: k, s: ['MANAGE_WALLET'] }, { code: 'FORBIDDEN' }],
      ['an empty name', admin, { n: '', s: ['MANAGE_WALLET'] }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 65-character name', admin, { n: 'n'.repeat(65), s: ['MANAGE_WALLET'] }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a name with a NUL', admin, { n: 'a\u0000', s: ['MANAGE_WALLET'] }, { code: 'BAD_USER_INPUT' }],
      ['no scopes', admin, { n: k, s: [] }, { code: 'BAD_USER_INPUT', field: 'scopes' }],
    ]);
    expect(await keys()).toBe(keysBefore);
    const created = await must<{ createApiKey: { secret: string; apiKey: { id: string; scopes: string[] } } }>(admin, CREATE, { n: 'n'.repeat(64), s: ['MANAGE_WALLET', 'MANAGE_WALLET'] });
    const REVOKE = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id revokedAt } } }`;
    await expectRefusals(REVOKE, [
      ['a player', ana, { id: created.createApiKey.apiKey.id }, { code: 'FORBIDDEN' }],
      ['an unknown id', admin, { id: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed id', admin, { id: 'nope' }, { code: 'NOT_FOUND' }],
    ]);
    const revoked = await must<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(admin, REVOKE, { id: created.createApiKey.apiKey.id });
    const again = await must<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(admin, REVOKE, { id: created.createApiKey.apiKey.id });
    expect(again.revokeApiKey.apiKey.revokedAt).toBe(revoked.revokeApiKey.apiKey.revokedAt);
    const ISSUE = `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken } }`;
    for (const secret of [created.createApiKey.secret, '', 'garbage', HUGE]) {
      expect((await refusal(undefined, ISSUE, { k: secret })).code, secret.slice(0, 10)).toBe('UNAUTHENTICATED');
    }
    const KEYS = `query { apiKeys { id } }`;
    expect(await refusal(ana, KEYS, {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(service, KEYS, {})).toMatchObject({ code: 'FORBIDDEN' });
    // Revoked keys are listed too (first, unless a test file sharing the database made a key since).
    expect((await must<{ apiKeys: { id: string; revokedAt: string | null }[] }>(admin, `query { apiKeys { id revokedAt } }`)).apiKeys).toContainEqual({ id: created.createApiKey.apiKey.id, revokedAt: revoked.revokeApiKey.apiKey.revokedAt });
  });

  it('applyWalletOperation: players are FORBIDDEN; hostile keys, reasons, amounts and ids are coded and change nothing', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { replayed user { wallet { balances { currency amount } } } } }`;
    const op = (over: Record<string, unknown>) => ({ input: { userId: ana.id, idempotencyKey: `key-${randomUUID()}`, reason: 'test', changes: [{ currency: 'COINS', amount: 5 }], ...over } });
    await expectRefusals(APPLY, [
      ['signed out', undefined, op({}), { code: 'UNAUTHENTICATED' }],
      ['a player on themself', ana, op({}), { code: 'FORBIDDEN' }],
      ['a 7-character key', admin, op({ idempotencyKey: 'short12' }), { code: 'BAD_USER_INPUT', field: 'idempotencyKey' }],
      ['a 201-character key', admin, op({ idempotencyKey: 'k'.repeat(201) }), { code: 'BAD_USER_INPUT', field: 'idempotencyKey' }],
      ['no changes', admin, op({ changes: [] }), { code: 'BAD_USER_INPUT' }],
      ['21 changes', admin, op({ changes: Array.from({ length: 21 }, (_, i) => ({ itemId: `item_${i}`, amount: 1 })) }), { code: 'BAD_USER_INPUT' }],
      ['one asset twice', admin, op({ changes: [{ currency: 'COINS', amount: 1 }, { currency: 'COINS', amount: 2 }] }), { code: 'BAD_USER_INPUT' }],
      ['a debit past zero', admin, op({ changes: [{ currency: 'COINS', amount: -1 }] }), { code: 'INSUFFICIENT_FUNDS' }],
      ['an unknown player', admin, op({ userId: randomUUID() }), { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
      ['a malformed player id', admin, op({ userId: 'nope' }), { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
      ['a reason with a NUL', admin, op({ reason: 'a\u0000' }), { code: 'BAD_USER_INPUT' }],
      ['an empty reason', admin, op({ reason: '' }), { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a blank reason', admin, op({ reason: '   ' }), { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a 101-character reason', admin, op({ reason: 'r'.repeat(101) }), { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a 100 KB reason', admin, op({ reason: HUGE }), { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a 201-character reference', admin, op({ reference: 'r'.repeat(201) }), { code: 'BAD_USER_INPUT', field: 'reference' }],
      ['an amount of 0', admin, op({ changes: [{ currency: 'COINS', amount: 0 }] }), { code: 'BAD_USER_INPUT' }],
      ['an amount past 1,000,000,000', admin, op({ changes: [{ currency: 'COINS', amount: 1_000_000_001 }] }), { code: 'BAD_USER_INPUT' }],
      ['an empty item id', admin, op({ changes: [{ itemId: '', amount: 1 }] }), { code: 'BAD_USER_INPUT' }],
      ['a currency and an item in one change', admin, op({ changes: [{ currency: 'COINS', itemId: 'sword', amount: 1 }] }), { code: 'BAD_USER_INPUT' }],
    ]);
    expect(await platform.runtime.db.prisma.ledgerEntry.count({ where: { userId: ana.id } })).toBe(0);
    const applied = await must<{ applyWalletOperation: { replayed: boolean } }>(admin, APPLY, op({ reason: ` ${'r'.repeat(100)} `, reference: 'r'.repeat(200) }));
    expect(applied.applyWalletOperation.replayed).toBe(false);
    const ledger = await must<{ me: { wallet: { ledger: { edges: { node: unknown }[] } } } }>(ana, `query { me { wallet { ledger(first: 5) { edges { node { reason reference amount } } } } } }`);
    expect(ledger.me.wallet.ledger.edges.map((e) => e.node)).toEqual([{ reason: 'r'.repeat(100), reference: 'r'.repeat(200), amount: 5 }]);
  });

  it('per-viewer subscriptions need a signed-in player; profileUpdated is open to anyone', async () => {
    const ana = await registerPlayer(url);
    const anonymous = client();
    for (const query of [`subscription { levelUp { level } }`, `subscription { meUpdated { id } }`, `subscription { friendUpdated { id } }`]) {
      const sub = subscribe(anonymous, query);
      await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
      const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: unknown }) : undefined);
      expect(error?.extensions, query).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const open = subscribe(anonymous, `subscription($u: ID!) { profileUpdated(userId: $u) { id bio } }`, { u: ana.id });
    // Open to anyone: a change arrives (retry the change until the upstream subscription is live).
    await expect
      .poll(
        async () => {
          await must(ana, `mutation($b: String!) { updateProfile(input: { bio: $b }) { user { id } } }`, { b: `bio ${Date.now()}` });
          return open.results.length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(open.results[0]!.errors).toBeUndefined();
    const unknown = subscribe(anonymous, `subscription($u: ID!) { profileUpdated(userId: $u) { id } }`, { u: 'x'.repeat(5_000) });
    await new Promise((r) => setTimeout(r, 300));
    if (unknown.results[0]?.errors) expect(unknown.results[0].errors[0]!.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    unknown.stop();
    open.stop();
  });
});

describe('acceptance: concurrent retries never double-apply', () => {
  it('friend requests, blocks, key revocations and wallet operations sent five times at once apply once; the rest are CONFLICT or replays', async () => {
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const admin = await signInAsAdmin(platform, url);
    const fiveTimes = <T>(token: string, query: string, variables: Record<string, unknown>) =>
      Promise.all(Array.from({ length: 5 }, () => gql<T>(url, query, variables, { token })));
    const codes = (results: { errors?: { extensions?: Record<string, unknown> }[] }[]) => results.map((r) => (r.errors ? r.errors[0]!.extensions?.code : 'OK')).sort();

    const requests = await fiveTimes(ana.token, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { friend { state } } }`, { u: ben.id });
    expect(codes(requests)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    const blocks = await fiveTimes(ana.token, `mutation($u: ID!) { blockUser(input: { userId: $u }) { friend { state } } }`, { u: cat.id });
    expect(codes(blocks)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
    expect(await platform.runtime.db.prisma.friendship.count({ where: { userId: ana.id } })).toBe(2);

    const key = await must<{ createApiKey: { apiKey: { id: string } } }>(admin, `mutation { createApiKey(input: { name: "race", scopes: [MANAGE_WALLET] }) { apiKey { id } } }`);
    const revokes = await fiveTimes<{ revokeApiKey: { apiKey: { revokedAt: string } } }>(admin, `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } } }`, { id: key.createApiKey.apiKey.id });
    expect(codes(revokes)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(new Set(revokes.map((r) => r.data!.revokeApiKey.apiKey.revokedAt)).size).toBe(1);

    const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId replayed } }`;
    const input = { userId: ana.id, idempotencyKey: `race-${randomUUID()}`, reason: 'race', changes: [{ currency: 'COINS', amount: 7 }] };
    const applied = await fiveTimes<{ applyWalletOperation: { operationId: string; replayed: boolean } }>(admin, APPLY, { input });
    expect(codes(applied)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(new Set(applied.map((r) => r.data!.applyWalletOperation.operationId)).size).toBe(1);
    expect(applied.filter((r) => !r.data!.applyWalletOperation.replayed)).toHaveLength(1);
    const wallet = await must<{ me: { wallet: { balances: { currency: string; amount: number }[] } } }>(ana, `query { me { wallet { balances { currency amount } } } }`);
    expect(wallet.me.wallet.balances.find((b) => b.currency === 'COINS')?.amount).toBe(7);
  });
});

// What follows checks, promise by promise, the behaviour the docstrings describe beyond refusals:
// sessions, the sign-in lock, the wallet's ledger and idempotency, and the friends rules.

const AUTH = `accessToken expiresAt refreshToken refreshTokenExpiresAt user { id username role lastSeenAt }`;
type Auth = { accessToken: string; expiresAt: string; refreshToken: string; refreshTokenExpiresAt: string; user: { id: string; username: string; role: string; lastSeenAt: string | null } };
const REGISTER_FULL = `mutation($input: RegisterInput!) { register(input: $input) { ${AUTH} } }`;
const LOGIN_FULL = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { ${AUTH} } }`;
const REFRESH_FULL = `mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { ${AUTH} } }`;
const LOGOUT_OP = `mutation($t: String!) { logout(input: { refreshToken: $t }) { revokedSessions } }`;

describe('acceptance: sessions', () => {
  const signUp = async () => {
    const name = uniqueName('ses');
    const { register } = await must<{ register: Auth }>(undefined, REGISTER_FULL, { input: { username: name, email: `${name}@example.com`, password: 'password123' } });
    return register;
  };
  const login = async (username: string) => (await must<{ login: Auth }>(undefined, LOGIN_FULL, { u: username, p: 'password123' })).login;
  const refresh = async (token: string) => (await must<{ refreshSession: Auth }>(undefined, REFRESH_FULL, { t: token })).refreshSession;
  const logout = async (token: string) => (await must<{ logout: { revokedSessions: number } }>(undefined, LOGOUT_OP, { t: token })).logout.revokedSessions;

  it('register and login answer a working session; lastSeenAt is null until the first sign-in', async () => {
    const before = Date.now();
    const registered = await signUp();
    expect(registered.user.lastSeenAt).toBeNull();
    expect(Date.parse(registered.expiresAt)).toBeGreaterThan(before);
    expect(Date.parse(registered.refreshTokenExpiresAt)).toBeGreaterThan(Date.parse(registered.expiresAt));
    expect(await must(registered.accessToken, `query { me { id } }`)).toEqual({ me: { id: registered.user.id } });
    const signedIn = await login(registered.user.username.toUpperCase());
    expect(signedIn.user.id).toBe(registered.user.id);
    expect(Date.parse(signedIn.user.lastSeenAt!)).toBeGreaterThanOrEqual(before - 1_000);
    expect(signedIn.refreshToken).not.toBe(registered.refreshToken);
  });

  it('refreshSession: a token works once; presenting an exchanged one signs the whole session out', async () => {
    const first = await signUp();
    const second = await refresh(first.refreshToken);
    expect(second.user.id).toBe(first.user.id);
    expect(await must(second.accessToken, `query { me { id } }`)).toEqual({ me: { id: first.user.id } });
    const third = await refresh(second.refreshToken);
    // The exchanged token again: UNAUTHENTICATED, and the session's live token stops working too.
    expect(await refusal(undefined, REFRESH_FULL, { t: first.refreshToken })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(undefined, REFRESH_FULL, { t: third.refreshToken })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Another sign-in of the same player is another session: untouched.
    const other = await login(first.user.username);
    expect((await refresh(other.refreshToken)).user.id).toBe(first.user.id);
  });

  it('logout signs out the whole session and counts the refresh tokens that stopped working; logoutEverywhere every session', async () => {
    const registered = await signUp();
    // A session refreshed twice holds one working token: logging out stops that one.
    const s1 = await login(registered.user.username);
    const s2 = await refresh(s1.refreshToken);
    const s3 = await refresh(s2.refreshToken);
    expect(await logout(s3.refreshToken)).toBe(1);
    expect(await logout(s3.refreshToken)).toBe(0); // already signed out
    expect(await refusal(undefined, REFRESH_FULL, { t: s3.refreshToken })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Logging out with an older token of the session stops the token refreshed from it.
    const t1 = await login(registered.user.username);
    const t2 = await refresh(t1.refreshToken);
    expect(await logout(t1.refreshToken)).toBe(1);
    expect(await refusal(undefined, REFRESH_FULL, { t: t2.refreshToken })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Access tokens already issued keep working until they expire.
    expect(await must(t2.accessToken, `query { me { id } }`)).toEqual({ me: { id: registered.user.id } });
    // Everywhere: the registration's session, one fresh sign-in and one refreshed once: 3 working tokens.
    const u1 = await login(registered.user.username);
    const v1 = await login(registered.user.username);
    const v2 = await refresh(v1.refreshToken);
    const everywhere = await must<{ logoutEverywhere: { revokedSessions: number } }>(v2.accessToken, `mutation { logoutEverywhere { revokedSessions } }`);
    expect(everywhere.logoutEverywhere.revokedSessions).toBe(3);
    for (const token of [registered.refreshToken, u1.refreshToken, v2.refreshToken]) {
      expect(await refusal(undefined, REFRESH_FULL, { t: token })).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect((await must<{ logoutEverywhere: { revokedSessions: number } }>(v2.accessToken, `mutation { logoutEverywhere { revokedSessions } }`)).logoutEverywhere.revokedSessions).toBe(0);
  });

  it('one refresh token sent three times at once is exchanged once; the others are UNAUTHENTICATED', async () => {
    const registered = await signUp();
    const results = await Promise.all([0, 1, 2].map(() => gql<{ refreshSession: Auth }>(url, REFRESH_FULL, { t: registered.refreshToken })));
    expect(results.filter((r) => r.data?.refreshSession)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED')).toHaveLength(2);
    // Whether the winner's session survives depends on whether a loser came after it (a reuse): not asserted.
    expect(await platform.runtime.db.prisma.refreshToken.count({ where: { userId: registered.user.id } })).toBe(2);
  });

  it('setRole applies from the next refresh; an admin cannot change their own role', async () => {
    const player = await signUp();
    const admin = await signInAsAdmin(platform, url);
    const adminId = (await must<{ me: { id: string } }>(admin, `query { me { id } }`)).me.id;
    expect(await refusal(admin, `mutation($u: ID!) { setRole(input: { userId: $u, role: PLAYER }) { user { id } } }`, { u: adminId })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await must(admin, `mutation($u: ID!) { setRole(input: { userId: $u, role: ADMIN }) { user { id role } } }`, { u: player.user.id })).toEqual({ setRole: { user: { id: player.user.id, role: 'ADMIN' } } });
    // The token issued before the change still acts as a player; the refreshed one as ADMIN.
    expect(await refusal(player.accessToken, `query { apiKeys { id } }`, {})).toMatchObject({ code: 'FORBIDDEN' });
    const refreshed = await refresh(player.refreshToken);
    expect(refreshed.user.role).toBe('ADMIN');
    expect((await gql(url, `query { apiKeys { id } }`, {}, { token: refreshed.accessToken })).errors).toBeUndefined();
  });
});

describe('acceptance: the sign-in lock', () => {
  it('after 5 attempts on one account, sign-in is RATE_LIMITED for a minute even with the right password; unknown names alike', async () => {
    const ana = await registerPlayer(url);
    const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { accessToken } }`;
    for (let i = 0; i < 5; i++) expect(await refusal(undefined, LOGIN, { u: ana.username, p: `wrong-${i}-password` })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const locked = await refusal(undefined, LOGIN, { u: ana.username, p: 'password123' });
    expect(locked).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(locked.retryAfterMs as number).toBeGreaterThan(0);
    expect(locked.retryAfterMs as number).toBeLessThanOrEqual(60_000);
    // By email the same account is locked too.
    expect(await refusal(undefined, LOGIN, { u: `${ana.username}@example.com`, p: 'password123' })).toMatchObject({ code: 'RATE_LIMITED' });
    // A name nobody holds locks the same way, so a lock reveals no account.
    const ghost = uniqueName('ghost');
    for (let i = 0; i < 5; i++) expect(await refusal(undefined, LOGIN, { u: ghost, p: 'password123' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(undefined, LOGIN, { u: ghost, p: 'password123' })).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('a successful sign-in does not count towards the lock', async () => {
    const ana = await registerPlayer(url);
    const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { accessToken } }`;
    for (let i = 0; i < 8; i++) await must(undefined, LOGIN, { u: ana.username, p: 'password123' });
    for (let i = 0; i < 4; i++) expect(await refusal(undefined, LOGIN, { u: ana.username, p: 'wrong-password' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    await must(undefined, LOGIN, { u: ana.username, p: 'password123' });
  });
});

describe('acceptance: the wallet', () => {
  const APPLY = `mutation($input: ApplyWalletOperationInput!) {
    applyWalletOperation(input: $input) { operationId replayed entries { id currency itemId amount balanceAfter reason reference } }
  }`;
  type Entry = { id: string; currency: string | null; itemId: string | null; amount: number; balanceAfter: number; reason: string; reference: string | null };
  type Applied = { applyWalletOperation: { operationId: string; replayed: boolean; entries: Entry[] } };
  const WALLET = `query { me { wallet { balances { currency amount } } inventory { itemId quantity } } }`;
  type Wallet = { me: { wallet: { balances: { currency: string; amount: number }[] }; inventory: { itemId: string; quantity: number }[] } };
  const balances = async (player: Player) => {
    const { me } = await must<Wallet>(player.token, WALLET);
    return Object.fromEntries(me.wallet.balances.map((b) => [b.currency, b.amount]));
  };
  const operation = (userId: string, over: Record<string, unknown> = {}) => ({
    input: { userId, idempotencyKey: `key-${randomUUID()}`, reason: 'quest_reward', changes: [{ currency: 'COINS', amount: 10 }], ...over },
  });

  it('every currency shows 0 until credited; a wallet and inventory are their owner\'s only', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    expect(await must<Wallet>(ana.token, WALLET)).toEqual({ me: { wallet: { balances: [{ currency: 'XP', amount: 0 }, { currency: 'COINS', amount: 0 }, { currency: 'PREMIUM', amount: 0 }] }, inventory: [] } });
    const OTHER = `query($id: ID!) { user(id: $id) { wallet { balances { amount } } inventory { itemId } email } }`;
    expect(await must(ben, OTHER, { id: ana.id })).toEqual({ user: { wallet: null, inventory: null, email: null } });
    expect(await must(undefined, OTHER, { id: ana.id })).toEqual({ user: { wallet: null, inventory: null, email: null } });
    const service = await gameServerToken(platform, url, ['MANAGE_WALLET']);
    expect(await must(service, OTHER, { id: ana.id })).toEqual({ user: { wallet: null, inventory: null, email: null } });
  });

  it('a service token needs MANAGE_WALLET; with it, credits, debits and items apply all together and answer the new balances', async () => {
    const ana = await registerPlayer(url);
    const [wallet, reporter] = [await gameServerToken(platform, url, ['MANAGE_WALLET']), await gameServerToken(platform, url, ['REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS'])];
    expect(await refusal(reporter, APPLY, operation(ana.id))).toMatchObject({ code: 'FORBIDDEN' });
    const credit = await must<Applied>(wallet, APPLY, operation(ana.id, { reference: 'quest-7', changes: [{ currency: 'COINS', amount: 100 }, { itemId: 'legendary_sword', amount: 2 }, { currency: 'PREMIUM', amount: 5 }] }));
    expect(credit.applyWalletOperation.replayed).toBe(false);
    expect(credit.applyWalletOperation.entries.map(({ id: _id, ...e }) => e).sort((a, b) => String(a.currency ?? a.itemId).localeCompare(String(b.currency ?? b.itemId)))).toEqual([
      { currency: 'COINS', itemId: null, amount: 100, balanceAfter: 100, reason: 'quest_reward', reference: 'quest-7' },
      { currency: null, itemId: 'legendary_sword', amount: 2, balanceAfter: 2, reason: 'quest_reward', reference: 'quest-7' },
      { currency: 'PREMIUM', itemId: null, amount: 5, balanceAfter: 5, reason: 'quest_reward', reference: 'quest-7' },
    ]);
    // A debit past zero in one change refuses the whole operation: the credit beside it is not applied.
    const refused = await refusal(wallet, APPLY, operation(ana.id, { changes: [{ currency: 'COINS', amount: 50 }, { currency: 'PREMIUM', amount: -6 }] }));
    expect(refused).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await balances(ana)).toEqual({ XP: 0, COINS: 100, PREMIUM: 5 });
    const spend = await must<Applied & { applyWalletOperation: { user: { wallet: { balances: { currency: string; amount: number }[] }; inventory: unknown[] } } }>(
      wallet,
      `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { replayed user { wallet { balances { currency amount } } inventory { itemId quantity } } } }`,
      operation(ana.id, { reason: 'shop_purchase', changes: [{ currency: 'COINS', amount: -100 }, { itemId: 'legendary_sword', amount: -2 }, { itemId: 'shield', amount: 1 }] }),
    );
    expect(spend.applyWalletOperation.user).toEqual({
      wallet: { balances: [{ currency: 'XP', amount: 0 }, { currency: 'COINS', amount: 0 }, { currency: 'PREMIUM', amount: 5 }] },
      inventory: [{ itemId: 'shield', quantity: 1 }],
    });
  });

  it('idempotency: a retry replays the first result; the same key with other parameters or for another player is CONFLICT on idempotencyKey', async () => {
    const [ana, ben, admin] = [await registerPlayer(url), await registerPlayer(url), await signInAsAdmin(platform, url)];
    const first = operation(ana.id, { reference: 'match-1', changes: [{ currency: 'COINS', amount: 30 }, { currency: 'PREMIUM', amount: 3 }] });
    const applied = await must<Applied>(admin, APPLY, first);
    // The changes in another order are the same operation.
    const retry = await must<Applied>(admin, APPLY, { input: { ...first.input, changes: [...first.input.changes].reverse() } });
    expect(retry.applyWalletOperation).toEqual({ ...applied.applyWalletOperation, replayed: true });
    expect(await balances(ana)).toEqual({ XP: 0, COINS: 30, PREMIUM: 3 });
    const conflict = { code: 'CONFLICT', field: 'idempotencyKey' };
    await expectRefusals(APPLY, [
      ['another amount', admin, { input: { ...first.input, changes: [{ currency: 'COINS', amount: 31 }, { currency: 'PREMIUM', amount: 3 }] } }, conflict],
      ['fewer changes', admin, { input: { ...first.input, changes: [{ currency: 'COINS', amount: 30 }] } }, conflict],
      ['another reason', admin, { input: { ...first.input, reason: 'other_reason' } }, conflict],
      ['another reference', admin, { input: { ...first.input, reference: 'match-2' } }, conflict],
      ['no reference', admin, { input: { ...first.input, reference: null } }, conflict],
      ['another player', admin, { input: { ...first.input, userId: ben.id } }, conflict],
    ]);
    expect(await balances(ana)).toEqual({ XP: 0, COINS: 30, PREMIUM: 3 });
    expect(await balances(ben)).toEqual({ XP: 0, COINS: 0, PREMIUM: 0 });
    // A replay answers the first result even when the operation could not be applied now.
    const spend = operation(ana.id, { changes: [{ currency: 'COINS', amount: -30 }] });
    await must<Applied>(admin, APPLY, spend);
    expect((await must<Applied>(admin, APPLY, spend)).applyWalletOperation.replayed).toBe(true);
    expect(await balances(ana)).toEqual({ XP: 0, COINS: 0, PREMIUM: 3 });
    // A refused operation used nothing: its key applies once the funds are there.
    const early = operation(ana.id, { changes: [{ currency: 'PREMIUM', amount: -5 }] });
    expect(await refusal(admin, APPLY, early)).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await must(admin, APPLY, operation(ana.id, { changes: [{ currency: 'PREMIUM', amount: 2 }] }));
    expect((await must<Applied>(admin, APPLY, early)).applyWalletOperation.replayed).toBe(false);
    expect(await balances(ana)).toEqual({ XP: 0, COINS: 0, PREMIUM: 0 });
  });

  it('lengths are counted in characters (code points): an idempotency key of 8–200, an API key name of 1–64', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const pad = '\u{1F3AE}'; // one character, two UTF-16 units
    await expectRefusals(APPLY, [
      ['a key of 4 emoji', admin, operation(ana.id, { idempotencyKey: pad.repeat(4) }), { code: 'BAD_USER_INPUT', field: 'idempotencyKey' }],
      ['a key of 201 emoji', admin, operation(ana.id, { idempotencyKey: pad.repeat(201) }), { code: 'BAD_USER_INPUT', field: 'idempotencyKey' }],
      ['a key with a NUL', admin, operation(ana.id, { idempotencyKey: `key-${randomUUID()}\u0000` }), { code: 'BAD_USER_INPUT' }],
    ]);
    const key = `${pad.repeat(150)}-${randomUUID()}`; // 187 characters, 337 UTF-16 units
    expect((await must<Applied>(admin, APPLY, operation(ana.id, { idempotencyKey: key }))).applyWalletOperation.replayed).toBe(false);
    expect((await must<Applied>(admin, APPLY, operation(ana.id, { idempotencyKey: key }))).applyWalletOperation.replayed).toBe(true);
    const CREATE = `mutation($n: String!) { createApiKey(input: { name: $n, scopes: [REPORT_GAME_EVENTS] }) { apiKey { name } } }`;
    expect(await must(admin, CREATE, { n: pad.repeat(64) })).toEqual({ createApiKey: { apiKey: { name: pad.repeat(64) } } });
    expect(await refusal(admin, CREATE, { n: pad.repeat(65) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('concurrent debits with their own keys never overdraw: of 6 spending 3 from 10, exactly 3 apply', async () => {
    const [ana, service] = [await registerPlayer(url), await gameServerToken(platform, url, ['MANAGE_WALLET'])];
    await must(service, APPLY, operation(ana.id, { changes: [{ currency: 'COINS', amount: 10 }] }));
    const spends = await Promise.all(Array.from({ length: 6 }, () => gql<Applied>(url, APPLY, operation(ana.id, { changes: [{ currency: 'COINS', amount: -3 }] }), { token: service })));
    const codes = spends.map((r) => (r.errors ? r.errors[0]!.extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS', 'INSUFFICIENT_FUNDS', 'OK', 'OK', 'OK']);
    const after = spends.filter((r) => r.data).map((r) => r.data!.applyWalletOperation.entries[0]!.balanceAfter).sort();
    expect(after).toEqual([1, 4, 7]);
    expect(await balances(ana)).toEqual({ XP: 0, COINS: 1, PREMIUM: 0 });
    // The same key sent at once with different amounts: one applies, the others are CONFLICT or its replay.
    const key = `race-${randomUUID()}`;
    const racing = await Promise.all([1, 2, 3, 1].map((amount) => gql<Applied>(url, APPLY, operation(ana.id, { idempotencyKey: key, changes: [{ currency: 'PREMIUM', amount }] }), { token: service })));
    const applied = racing.filter((r) => r.data && !r.data.applyWalletOperation.replayed);
    expect(applied).toHaveLength(1);
    const won = applied[0]!.data!.applyWalletOperation.entries[0]!.amount;
    for (const result of racing) {
      if (result.data) expect(result.data.applyWalletOperation.entries[0]!.amount).toBe(won);
      else expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    }
    expect((await balances(ana)).PREMIUM).toBe(won);
  });

  it('XP credits at once: one key sent five times applies once, five keys apply five times', async () => {
    const [ana, service] = [await registerPlayer(url), await gameServerToken(platform, url, ['MANAGE_WALLET'])];
    const send = (input: ReturnType<typeof operation>) => gql<Applied>(url, APPLY, input, { token: service });
    const same = operation(ana.id, { changes: [{ currency: 'XP', amount: 7 }] });
    const retried = await Promise.all(Array.from({ length: 5 }, () => send(same)));
    expect(retried.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(new Set(retried.map((r) => r.data!.applyWalletOperation.operationId)).size).toBe(1);
    expect(retried.filter((r) => !r.data!.applyWalletOperation.replayed)).toHaveLength(1);
    const distinct = await Promise.all(Array.from({ length: 5 }, () => send(operation(ana.id, { changes: [{ currency: 'XP', amount: 3 }, { currency: 'COINS', amount: 2 }] }))));
    expect(distinct.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    // Each operation saw the one before it: the balances after are 10, 13, … 22 and 2, 4, … 10.
    const after = (currency: string) => distinct.map((r) => r.data!.applyWalletOperation.entries.find((e) => e.currency === currency)!.balanceAfter).sort((a, b) => a - b);
    expect(after('XP')).toEqual([10, 13, 16, 19, 22]);
    expect(after('COINS')).toEqual([2, 4, 6, 8, 10]);
    expect(await balances(ana)).toEqual({ XP: 22, COINS: 10, PREMIUM: 0 });
  });

  it('a credit past 9,007,199,254,740,991 is BAD_USER_INPUT and changes nothing', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const gem = (amount: number) => ({ itemId: 'acceptance_gem', amount });
    await must(admin, APPLY, operation(ana.id, { changes: [gem(1)] }));
    await platform.runtime.db.prisma.$executeRaw`UPDATE wallet_balances SET balance = 9007199254740990 WHERE user_id = ${ana.id}::uuid AND asset = 'item:acceptance_gem'`;
    expect(await refusal(admin, APPLY, operation(ana.id, { changes: [{ currency: 'PREMIUM', amount: 1 }, gem(2)] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await must<Wallet>(ana, WALLET)).toMatchObject({ me: { wallet: { balances: [{ amount: 0 }, { amount: 0 }, { amount: 0 }] }, inventory: [{ itemId: 'acceptance_gem', quantity: 9007199254740990 }] } });
    expect((await must<Applied>(admin, APPLY, operation(ana.id, { changes: [gem(1)] }))).applyWalletOperation.entries[0]!.balanceAfter).toBe(9007199254740991);
    expect(await refusal(admin, APPLY, operation(ana.id, { changes: [gem(1)] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('XP decides the level (100·(L−1)² XP for level L, at most 100) and is never debited', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const LEVEL = `query { me { xp level xpIntoLevel xpForNextLevel } }`;
    // From the doc's formula. Level-up achievements may add XP of their own, so the expectation follows the XP read.
    const expected = (xp: number) => {
      const level = Math.min(100, Math.floor(Math.sqrt(xp / 100)) + 1);
      const at = (l: number) => 100 * (l - 1) ** 2;
      return { xp, level, xpIntoLevel: xp - at(level), xpForNextLevel: level === 100 ? null : at(level + 1) - at(level) };
    };
    expect(await must(ana, LEVEL)).toEqual({ me: { xp: 0, level: 1, xpIntoLevel: 0, xpForNextLevel: 100 } });
    expect(await refusal(admin, APPLY, operation(ana.id, { changes: [{ currency: 'XP', amount: -1 }] }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    await must(admin, APPLY, operation(ana.id, { changes: [{ currency: 'XP', amount: 100 }] }));
    expect(await must(ana, LEVEL)).toEqual({ me: { xp: 100, level: 2, xpIntoLevel: 0, xpForNextLevel: 300 } });
    for (const [credit, atLeast] of [[8_050, 10], [1_000_000, 100]] as const) {
      await must(admin, APPLY, operation(ana.id, { changes: [{ currency: 'XP', amount: credit }] }));
      const { me } = await must<{ me: { xp: number; level: number } }>(ana, LEVEL);
      expect(me).toEqual(expected(me.xp));
      expect(me.level).toBeGreaterThanOrEqual(atLeast);
    }
  });

  it('the ledger: newest first, pages both ways without gaps or repeats, and hostile cursors are BAD_USER_INPUT', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    for (let i = 1; i <= 5; i++) await must(admin, APPLY, operation(ana.id, { reference: `r${i}`, changes: [{ currency: 'COINS', amount: i }] }));
    const LEDGER = `query($first: Int, $after: String, $last: Int, $before: String) { me { wallet { ledger(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { reference amount balanceAfter } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;
    type Page = { me: { wallet: { ledger: { edges: { cursor: string; node: { reference: string; amount: number; balanceAfter: number } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } } } };
    const page = async (variables: Record<string, unknown>) => (await must<Page>(ana, LEDGER, variables)).me.wallet.ledger;
    const all = await page({});
    expect(all.edges.map((e) => e.node)).toEqual([5, 4, 3, 2, 1].map((i) => ({ reference: `r${i}`, amount: i, balanceAfter: (i * (i + 1)) / 2 })));
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const p1 = await page({ first: 2 });
    expect(p1.edges.map((e) => e.node.reference)).toEqual(['r5', 'r4']);
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: p1.edges[0]!.cursor, endCursor: p1.edges[1]!.cursor });
    const p2 = await page({ first: 2, after: p1.pageInfo.endCursor });
    expect(p2.edges.map((e) => e.node.reference)).toEqual(['r3', 'r2']);
    expect(p2.pageInfo.hasNextPage).toBe(true);
    const p3 = await page({ first: 2, after: p2.pageInfo.endCursor });
    expect(p3.edges.map((e) => e.node.reference)).toEqual(['r1']);
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const back = await page({ last: 2, before: p3.edges[0]!.cursor });
    expect(back.edges.map((e) => e.node.reference)).toEqual(['r3', 'r2']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const last = await page({ last: 2 });
    expect(last.edges.map((e) => e.node.reference)).toEqual(['r2', 'r1']);
    const b64 = (value: string) => Buffer.from(value).toString('base64url');
    await expectRefusals(LEDGER, [
      ['first 101', ana, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['last 101', ana, { last: 101 }, { code: 'BAD_USER_INPUT', field: 'last' }],
      ['first -1', ana, { first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a garbage after', ana, { first: 2, after: 'nope' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a cursor holding a word', ana, { first: 2, after: b64('"abc"') }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a cursor holding an object', ana, { first: 2, after: b64('{"at":1}') }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a cursor holding a huge number', ana, { first: 2, after: b64('"99999999999999999999999999"') }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a cursor holding 1e999', ana, { first: 2, after: b64('1e999') }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a garbage before', ana, { last: 2, before: b64('"-"') }, { code: 'BAD_USER_INPUT', field: 'before' }],
    ]);
  });
});

describe('acceptance: friends and blocks', () => {
  const act = (name: string, fields = '__typename') => `mutation($u: ID!) { ${name}(input: { userId: $u }) { ${fields} } }`;
  const STATE = `query($id: ID!) { user(id: $id) { friendState } }`;
  const stateOf = async (viewer: Player, other: { id: string }) => (await must<{ user: { friendState: string | null } }>(viewer, STATE, { id: other.id })).user.friendState;
  const FRIENDS = `query($id: ID!, $state: FriendState, $first: Int, $after: String, $last: Int, $before: String) { user(id: $id) {
    friends(state: $state, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { state updatedAt user { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
  type Page = { user: { friends: { edges: { cursor: string; node: { state: string; updatedAt: string; user: { id: string } } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } } };
  const listOf = async (owner: Player, variables: Record<string, unknown> = {}) =>
    (await must<Page>(owner, FRIENDS, { id: owner.id, ...variables })).user.friends;
  const relations = async (owner: Player) => (await listOf(owner)).edges.map((e) => [e.node.user.id, e.node.state]);

  it('each side of a request, asking back is accepting, and decline or withdraw leave nothing on either side', async () => {
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    expect(await must(ana, act('sendFriendRequest', 'friend { state user { id friendState } }'), { u: ben.id })).toEqual({
      sendFriendRequest: { friend: { state: 'INVITE_SENT', user: { id: ben.id, friendState: 'INVITE_SENT' } } },
    });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual(['INVITE_SENT', 'INVITE_RECEIVED']);
    // Only the receiver accepts or declines; only the sender withdraws.
    await expectRefusals(act('acceptFriendRequest'), [['the sender accepting', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(act('declineFriendRequest'), [['the sender declining', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(act('removeFriend'), [['the receiver withdrawing', ben, { u: ana.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(act('sendFriendRequest'), [['asking again', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    // Asking back is accepting.
    expect(await must(ben, act('sendFriendRequest', 'friend { state }'), { u: ana.id })).toEqual({ sendFriendRequest: { friend: { state: 'FRIEND' } } });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual(['FRIEND', 'FRIEND']);
    await expectRefusals(act('sendFriendRequest'), [['already friends', ana, { u: ben.id }, { code: 'CONFLICT' }]]);
    await expectRefusals(act('acceptFriendRequest'), [['already friends', ben, { u: ana.id }, { code: 'CONFLICT' }]]);
    // Either friend may end it; nothing remains on either side.
    expect(await must(ben, act('removeFriend', 'user { id friendState }'), { u: ana.id })).toEqual({ removeFriend: { user: { id: ana.id, friendState: null } } });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual([null, null]);
    // Accept and decline.
    await must(cat, act('sendFriendRequest'), { u: ana.id });
    expect(await must(ana, act('declineFriendRequest', 'user { id friendState }'), { u: cat.id })).toEqual({ declineFriendRequest: { user: { id: cat.id, friendState: null } } });
    expect([await stateOf(ana, cat), await stateOf(cat, ana)]).toEqual([null, null]);
    await must(cat, act('sendFriendRequest'), { u: ana.id });
    expect(await must(ana, act('acceptFriendRequest', 'friend { state user { id } }'), { u: cat.id })).toEqual({ acceptFriendRequest: { friend: { state: 'FRIEND', user: { id: cat.id } } } });
    // Withdrawing one's own request.
    await must(ana, act('sendFriendRequest'), { u: ben.id });
    await must(ana, act('removeFriend'), { u: ben.id });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual([null, null]);
    expect(await relations(ana)).toEqual([[cat.id, 'FRIEND']]);
    expect(await relations(ben)).toEqual([]);
  });

  it('a block ends the relation, is never revealed to the blocked player, and unblocking leaves no relation', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await must(ana, act('sendFriendRequest'), { u: ben.id });
    await must(ben, act('acceptFriendRequest'), { u: ana.id });
    expect(await must(ana, act('blockUser', 'friend { state user { id friendState } }'), { u: ben.id })).toEqual({
      blockUser: { friend: { state: 'BLOCKED', user: { id: ben.id, friendState: 'BLOCKED' } } },
    });
    // Ben sees no relation at all, and an unknown player where Ana is concerned.
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual(['BLOCKED', null]);
    expect(await relations(ben)).toEqual([]);
    expect(await relations(ana)).toEqual([[ben.id, 'BLOCKED']]);
    const unknown = await refusal(ben, act('sendFriendRequest'), { u: randomUUID() });
    const blocked = await refusal(ben, act('sendFriendRequest'), { u: ana.id });
    expect(blocked.code).toBe('NOT_FOUND');
    expect(blocked.message.replace(ana.id, '<id>')).toBe(unknown.message.replace(/[0-9a-f-]{36}/, '<id>'));
    await expectRefusals(act('removeFriend'), [['no longer friends', ben, { u: ana.id }, { code: 'CONFLICT' }]]);
    // Ben may block Ana too; each block is its owner's to lift.
    await must(ben, act('blockUser'), { u: ana.id });
    expect(await must(ana, act('unblockUser', 'user { id friendState }'), { u: ben.id })).toEqual({ unblockUser: { user: { id: ben.id, friendState: null } } });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual([null, 'BLOCKED']);
    await expectRefusals(act('sendFriendRequest'), [['blocked by the other', ana, { u: ben.id }, { code: 'NOT_FOUND' }]]);
    await must(ben, act('unblockUser'), { u: ana.id });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual([null, null]);
    await must(ana, act('sendFriendRequest'), { u: ben.id });
    expect(await stateOf(ben, ana)).toBe('INVITE_RECEIVED');
    // Blocking a player with a pending request to the viewer ends the request on both sides.
    await must(ben, act('blockUser'), { u: ana.id });
    expect([await stateOf(ana, ben), await stateOf(ben, ana)]).toEqual([null, 'BLOCKED']);
  });

  it('friends requires a signed-in player; service tokens and players calling for others are refused', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const service = await gameServerToken(platform, url, ['MANAGE_WALLET']);
    for (const name of ['sendFriendRequest', 'acceptFriendRequest', 'declineFriendRequest', 'removeFriend', 'blockUser', 'unblockUser']) {
      const refused = await refusal(service, act(name), { u: ben.id });
      expect(refused.code, name).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    }
    expect((await refusal(service, FRIENDS, { id: ana.id })).code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    expect(await must(service, STATE, { id: ana.id })).toEqual({ user: { friendState: null } });
    expect(await must(undefined, STATE, { id: ana.id })).toEqual({ user: { friendState: null } });
    expect(await platform.runtime.db.prisma.friendship.count({ where: { OR: [{ userId: ben.id }, { otherId: ben.id }] } })).toBe(0);
  });

  it('the friends list: most recently changed first, filtered by state, 20 by default, paged both ways', async () => {
    const owner = await registerPlayer(url);
    const others = await Promise.all(Array.from({ length: 23 }, () => registerPlayer(url)));
    // One at a time, so each relation changes after the previous one.
    for (const [i, other] of others.entries()) {
      if (i % 3 === 0) await must(owner, act('blockUser'), { u: other.id });
      else if (i % 3 === 1) await must(owner, act('sendFriendRequest'), { u: other.id });
      else await must(other, act('sendFriendRequest'), { u: owner.id });
    }
    const expected = others.map((o, i) => [o.id, ['BLOCKED', 'INVITE_SENT', 'INVITE_RECEIVED'][i % 3]]).reverse();
    const first = await listOf(owner);
    expect(first.edges.map((e) => [e.node.user.id, e.node.state])).toEqual(expected.slice(0, 20));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await listOf(owner, { first: 20, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => [e.node.user.id, e.node.state])).toEqual(expected.slice(20));
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const updated = first.edges.map((e) => Date.parse(e.node.updatedAt));
    expect([...updated].sort((a, b) => b - a)).toEqual(updated);
    const back = await listOf(owner, { last: 5, before: rest.edges[0]!.cursor });
    expect(back.edges.map((e) => e.node.user.id)).toEqual(expected.slice(15, 20).map(([id]) => id));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    for (const state of ['BLOCKED', 'INVITE_SENT', 'INVITE_RECEIVED', 'FRIEND']) {
      const page = await listOf(owner, { state, first: 100 });
      expect(page.edges.map((e) => e.node.user.id), state).toEqual(expected.filter(([, s]) => s === state).map(([id]) => id));
    }
    // Accepting moves a relation to the top.
    const oldest = others[2]!;
    await must(owner, act('acceptFriendRequest'), { u: oldest.id });
    expect((await listOf(owner, { first: 1 })).edges.map((e) => [e.node.user.id, e.node.state])).toEqual([[oldest.id, 'FRIEND']]);
    await expectRefusals(FRIENDS, [
      ['first and last', owner, { id: owner.id, first: 1, last: 1 }, { code: 'BAD_USER_INPUT' }],
      ['a forged cursor', owner, { id: owner.id, after: Buffer.from('{"at":"x","id":"y"}').toString('base64url') }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ]);
  });
});

describe('acceptance: per-address limits and the first admin', () => {
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
  // An address of our own per test (random, so reruns on a shared Redis are apart).
  const freshAddress = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

  it('register: every call counts against the address, refused ones too; past 10 an hour, RATE_LIMITED with retryAfterMs', async () => {
    const ip = freshAddress();
    const input = (over: Record<string, unknown> = {}) => {
      const name = uniqueName('reg');
      return { input: { username: name, email: `${name}@example.com`, password: 'password123', ...over } };
    };
    for (let i = 0; i < 5; i++) expect((await gql(url, REGISTER, input({ username: 'x' }), from(ip))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
    for (let i = 0; i < 5; i++) expect((await gql(url, REGISTER, input(), from(ip))).errors).toBeUndefined();
    const refused = await gql(url, REGISTER, input(), from(ip));
    expect(refused.status).toBeLessThan(500);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(refused.errors![0]!.extensions!.retryAfterMs as number).toBeGreaterThan(3_500_000);
    expect(refused.errors![0]!.extensions!.retryAfterMs as number).toBeLessThanOrEqual(3_600_000);
    expect((await gql(url, REGISTER, input(), from(freshAddress()))).errors).toBeUndefined();
  });

  it('login: after 10 attempts from one address, any sign-in from it is RATE_LIMITED for 10 minutes, even with the right password', async () => {
    const ana = await registerPlayer(url);
    const ip = freshAddress();
    const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { accessToken } }`;
    for (let i = 0; i < 10; i++) {
      expect((await gql(url, LOGIN, { u: uniqueName('ghost'), p: 'password123' }, from(ip))).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const refused = await gql(url, LOGIN, { u: ana.username, p: 'password123' }, from(ip));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(refused.errors![0]!.extensions!.retryAfterMs as number).toBeGreaterThan(9 * 60_000);
    expect(refused.errors![0]!.extensions!.retryAfterMs as number).toBeLessThanOrEqual(10 * 60_000);
    // The account itself is not locked: from elsewhere it signs in.
    expect((await gql(url, LOGIN, { u: ana.username, p: 'password123' }, from(freshAddress()))).errors).toBeUndefined();
  });

  it('a username listed in ADMIN_USERNAMES (any letter case) is created ADMIN; others are PLAYER', async () => {
    const made = await must<{ register: Auth }>(undefined, REGISTER_FULL, { input: { username: FIRST_ADMIN, email: `${FIRST_ADMIN}@example.com`, password: 'password123' } });
    expect(made.register.user.role).toBe('ADMIN');
    expect((await gql(url, `query { apiKeys { id } }`, {}, { token: made.register.accessToken })).errors).toBeUndefined();
    const other = uniqueName('plain');
    expect((await must<{ register: Auth }>(undefined, REGISTER_FULL, { input: { username: other, email: `${other}@example.com`, password: 'password123' } })).register.user.role).toBe('PLAYER');
  });
});

describe('acceptance: service credentials', () => {
  it('issueServiceToken carries the key\'s scopes; revoking stops new exchanges, tokens already issued work until they expire', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const created = await must<{ createApiKey: { secret: string; apiKey: { id: string; name: string; scopes: string[]; createdAt: string; revokedAt: null } } }>(
      admin,
      `mutation { createApiKey(input: { name: "  EU game servers  ", scopes: [MANAGE_WALLET, REPORT_GAME_EVENTS] }) { secret apiKey { id name scopes createdAt revokedAt } } }`,
    );
    expect(created.createApiKey.apiKey).toMatchObject({ revokedAt: null });
    expect([...created.createApiKey.apiKey.scopes].sort()).toEqual(['MANAGE_WALLET', 'REPORT_GAME_EVENTS']);
    const ISSUE = `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken expiresAt scopes } }`;
    const before = Date.now();
    const issued = (await must<{ issueServiceToken: { accessToken: string; expiresAt: string; scopes: string[] } }>(undefined, ISSUE, { k: created.createApiKey.secret })).issueServiceToken;
    expect([...issued.scopes].sort()).toEqual(['MANAGE_WALLET', 'REPORT_GAME_EVENTS']);
    expect(Date.parse(issued.expiresAt)).toBeGreaterThan(before);
    const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { replayed } }`;
    const credit = () => ({ input: { userId: ana.id, idempotencyKey: `svc-${randomUUID()}`, reason: 'service_test', changes: [{ currency: 'COINS', amount: 1 }] } });
    await must(issued.accessToken, APPLY, credit());
    // A service token acts for no player and holds no role.
    expect(await must(issued.accessToken, `query { me { id } }`)).toEqual({ me: null });
    expect(await refusal(issued.accessToken, `mutation { createApiKey(input: { name: "x", scopes: [MANAGE_WALLET] }) { secret } }`, {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(issued.accessToken, `mutation($u: ID!) { setRole(input: { userId: $u, role: ADMIN }) { user { id } } }`, { u: ana.id })).toMatchObject({ code: 'FORBIDDEN' });
    const revoked = await must<{ revokeApiKey: { apiKey: { id: string; revokedAt: string } } }>(admin, `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id revokedAt } } }`, { id: created.createApiKey.apiKey.id });
    expect(Date.parse(revoked.revokeApiKey.apiKey.revokedAt)).toBeGreaterThanOrEqual(before - 1_000);
    expect(await refusal(undefined, ISSUE, { k: created.createApiKey.secret })).toMatchObject({ code: 'UNAUTHENTICATED' });
    await must(issued.accessToken, APPLY, credit());
    // Listed with its revocation, newest first.
    const newer = await must<{ createApiKey: { apiKey: { id: string } } }>(admin, `mutation { createApiKey(input: { name: "newer", scopes: [REPORT_MATCH_RESULTS] }) { apiKey { id } } }`);
    const { apiKeys } = await must<{ apiKeys: { id: string; name: string; revokedAt: string | null }[] }>(admin, `query { apiKeys { id name revokedAt } }`);
    const ids = apiKeys.map((k) => k.id);
    expect(ids.indexOf(newer.createApiKey.apiKey.id)).toBeLessThan(ids.indexOf(created.createApiKey.apiKey.id));
    expect(apiKeys.find((k) => k.id === created.createApiKey.apiKey.id)).toEqual({ id: created.createApiKey.apiKey.id, name: 'EU game servers', revokedAt: revoked.revokeApiKey.apiKey.revokedAt });
  });
});

describe('acceptance: live updates of players', () => {
  it('meUpdated sends the player\'s own profile, email included, for changes made from another device', async () => {
    const ana = await registerPlayer(url);
    const otherDevice = (await must<{ login: { accessToken: string } }>(undefined, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: ana.username })).login.accessToken;
    const sub = subscribe(client(ana.token), `subscription { meUpdated { id email bio } }`);
    await expect
      .poll(
        async () => {
          await must(otherDevice, `mutation($b: String!) { updateProfile(input: { bio: $b }) { user { id } } }`, { b: `bio ${Date.now()}` });
          return sub.results.length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(sub.results[0]!.errors).toBeUndefined();
    expect(sub.results[0]!.data).toMatchObject({ meUpdated: { id: ana.id, email: `${ana.username}@example.com`, bio: expect.stringMatching(/^bio /) } });
    sub.stop();
  });

  it('levelUp: the player hears each level reached through XP credits', async () => {
    const [ana, admin] = [await registerPlayer(url), await signInAsAdmin(platform, url)];
    const sub = subscribe(client(ana.token), `subscription { levelUp { level previousLevel user { id level } } }`);
    const APPLY = `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { replayed } }`;
    // One level per credit until the stream is live and hears one: 100·(L−1)² XP reaches level L.
    const levels: number[] = [];
    await expect
      .poll(
        async () => {
          const { me } = await must<{ me: { xp: number; level: number } }>(ana, `query { me { xp level } }`);
          levels.push(me.level);
          await must(admin, APPLY, { input: { userId: ana.id, idempotencyKey: `lvl-${randomUUID()}`, reason: 'probe', changes: [{ currency: 'XP', amount: 100 * me.level ** 2 - me.xp }] } });
          return sub.results.length;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBeGreaterThan(0);
    expect(sub.results[0]!.errors).toBeUndefined();
    const event = (sub.results[0]!.data as { levelUp: { level: number; previousLevel: number; user: { id: string; level: number } } }).levelUp;
    expect(levels).toContain(event.previousLevel);
    expect(event).toMatchObject({ level: event.previousLevel + 1, user: { id: ana.id } });
    expect(event.user.level).toBeGreaterThanOrEqual(event.level);
    sub.stop();
  });

  it('friendUpdated sends friends\' changes only: not a stranger\'s, and no longer a removed friend\'s', async () => {
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    await must(ana, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: ben.id });
    await must(ben, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { __typename } }`, { u: ana.id });
    const sub = subscribe(client(ana.token), `subscription { friendUpdated { id bio } }`);
    const bio = (player: Player, text: string) => must(player, `mutation($b: String!) { updateProfile(input: { bio: $b }) { user { id } } }`, { b: text });
    await expect
      .poll(
        async () => {
          await bio(ben, `probe ${Date.now()}`);
          return sub.results.length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    const seen = () => sub.results.map((r) => r.data?.friendUpdated as { id: string; bio: string } | undefined);
    // A stranger's change, then a friend's: only the friend's arrives (events come in order).
    await bio(cat, 'stranger');
    await bio(ben, 'marker-1');
    await expect.poll(() => seen().some((e) => e?.bio === 'marker-1'), { timeout: 10_000 }).toBe(true);
    expect(seen().every((e) => e?.id === ben.id)).toBe(true);
    await must(ana, `mutation($u: ID!) { removeFriend(input: { userId: $u }) { __typename } }`, { u: ben.id });
    // No longer friends: ben's change is not sent, cat's after becoming a friend is.
    await bio(ben, 'after-removal');
    await must(cat, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: ana.id });
    await must(ana, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { __typename } }`, { u: cat.id });
    await bio(cat, 'marker-2');
    await expect.poll(() => seen().some((e) => e?.bio === 'marker-2'), { timeout: 10_000 }).toBe(true);
    expect(seen().some((e) => e?.bio === 'after-removal' || e?.bio === 'stranger')).toBe(false);
    sub.stop();
  });
});

describe('acceptance: anonymous and hostile callers', () => {
  it('a bad bearer token is UNAUTHENTICATED (never a 500 nor an anonymous answer); no token reads me as null', async () => {
    expect(await must(undefined, `query { me { id } }`)).toEqual({ me: null });
    for (const header of ['Bearer garbage', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'x'.repeat(5_000)}`, 'Bearer a.b.c']) {
      const result = await gql(url, `query { me { id } }`, {}, { headers: { authorization: header } });
      expect(result.status, header.slice(0, 12)).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code, header.slice(0, 12)).toBe('UNAUTHENTICATED');
      expect(result.data?.me ?? null).toBeNull();
    }
  });

  it('wrong credentials say nothing about which part was wrong; a taken email in another case is CONFLICT on email', async () => {
    const ana = await registerPlayer(url);
    const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { accessToken } }`;
    const wrongPassword = await refusal(undefined, LOGIN, { u: ana.username, p: 'not-her-password' });
    const unknownUser = await refusal(undefined, LOGIN, { u: uniqueName('nobody'), p: 'password123' });
    const unknownEmail = await refusal(undefined, LOGIN, { u: `${uniqueName('nobody')}@example.com`, p: 'password123' });
    expect(wrongPassword).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(unknownUser).toEqual(wrongPassword);
    expect(unknownEmail).toEqual(wrongPassword);
    const name = uniqueName('dup');
    expect(await refusal(undefined, REGISTER, { input: { username: name, email: `${ana.username}@EXAMPLE.COM`, password: 'password123' } })).toMatchObject({ code: 'CONFLICT', field: 'email' });
  });

  it('a service token is refused where a player is required, and changes nothing', async () => {
    const service = await gameServerToken(platform, url, ['MANAGE_WALLET', 'REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS']);
    for (const [name, query] of [
      ['logoutEverywhere', `mutation { logoutEverywhere { revokedSessions } }`],
      ['updateProfile', `mutation { updateProfile(input: { bio: "service" }) { user { id } } }`],
      ['apiKeys', `query { apiKeys { id } }`],
    ] as const) {
      expect((await refusal(service, query, {})).code, name).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
    }
  });
});

describe('acceptance: profile fields', () => {
  it('avatarUrl null or "" removes the picture; bio keeps line breaks; fields left out stay', async () => {
    const ana = await registerPlayer(url);
    const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName avatarUrl bio timezone } } }`;
    const pic = 'https://cdn.example.com/ana.png';
    expect(await must(ana, UPDATE, { input: { avatarUrl: pic, bio: 'line one\nline two', displayName: '  Ana  ' } })).toEqual({
      updateProfile: { user: { displayName: 'Ana', avatarUrl: pic, bio: 'line one\nline two', timezone: 'UTC' } },
    });
    expect(await must(ana, UPDATE, { input: { avatarUrl: null } })).toEqual({ updateProfile: { user: { displayName: 'Ana', avatarUrl: null, bio: 'line one\nline two', timezone: 'UTC' } } });
    await must(ana, UPDATE, { input: { avatarUrl: pic } });
    expect(await must(ana, UPDATE, { input: { avatarUrl: '', timezone: 'America/New_York' } })).toEqual({ updateProfile: { user: { displayName: 'Ana', avatarUrl: null, bio: 'line one\nline two', timezone: 'America/New_York' } } });
    // Another player sees the public profile.
    const ben = await registerPlayer(url);
    expect(await must(ben, `query($id: ID!) { user(id: $id) { displayName bio timezone avatarUrl } }`, { id: ana.id })).toEqual({ user: { displayName: 'Ana', bio: 'line one\nline two', timezone: 'America/New_York', avatarUrl: null } });
  });
});

describe('acceptance: subscriptions for services', () => {
  it('per-viewer streams refuse a service token with FORBIDDEN: it is no signed-in player', async () => {
    const service = await gameServerToken(platform, url, ['MANAGE_WALLET']);
    const ws = client(service);
    for (const query of [`subscription { levelUp { level } }`, `subscription { meUpdated { id } }`, `subscription { friendUpdated { id } }`]) {
      const sub = subscribe(ws, query);
      await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
      const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: unknown }) : undefined);
      // FORBIDDEN, as everywhere a service token meets a player-only field (friendUpdated's doc says
      // UNAUTHENTICATED "otherwise": reported as an SDL wording to fix).
      expect(error?.extensions, query).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

describe('acceptance: registrations at once', () => {
  it('one username or one email sent five times at once makes one account; the others are CONFLICT naming the field', async () => {
    const name = uniqueName('race');
    const byName = await Promise.all([0, 1, 2, 3, 4].map((i) => gql(url, REGISTER, { input: { username: name, email: `${name}_${i}@example.com`, password: 'password123' } })));
    expect(byName.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of byName.filter((r) => r.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const email = `${uniqueName('mail')}@example.com`;
    const byEmail = await Promise.all([0, 1, 2, 3, 4].map(() => {
      const other = uniqueName('race');
      return gql(url, REGISTER, { input: { username: other, email, password: 'password123' } });
    }));
    expect(byEmail.filter((r) => !r.errors)).toHaveLength(1);
    for (const r of byEmail.filter((r) => r.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(await platform.runtime.db.prisma.user.count({ where: { OR: [{ usernameKey: name.toLowerCase() }, { email }] } })).toBe(2);
  });
});

describe('acceptance: passwords as typed', () => {
  it('a password is not trimmed, and is compared after NFC (é typed either way signs in)', async () => {
    const LOGIN = `mutation($u: String!, $p: String!) { login(input: { usernameOrEmail: $u, password: $p }) { user { id } } }`;
    const spaced = uniqueName('pw');
    const made = await must<{ register: Auth }>(undefined, REGISTER_FULL, { input: { username: spaced, email: `${spaced}@example.com`, password: '  password123  ' } });
    expect(await refusal(undefined, LOGIN, { u: spaced, p: 'password123' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await must(undefined, LOGIN, { u: spaced, p: '  password123  ' })).toEqual({ login: { user: { id: made.register.user.id } } });
    const accented = uniqueName('pw');
    const composed = 'caf\u00e9 au lait';
    const other = await must<{ register: Auth }>(undefined, REGISTER_FULL, { input: { username: accented, email: `${accented}@example.com`, password: composed } });
    expect(await must(undefined, LOGIN, { u: accented, p: composed.normalize('NFD') })).toEqual({ login: { user: { id: other.register.user.id } } });
  });
});

describe('acceptance: what live profiles reveal', () => {
  it('profileUpdated is the public profile, even to its owner; friendUpdated shows a friend as the viewer sees them', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await must(ana, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: ben.id });
    await must(ben, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { __typename } }`, { u: ana.id });
    const PRIVATE = `id email friendState wallet { balances { amount } } inventory { itemId }`;
    const open = subscribe(client(), `subscription($u: ID!) { profileUpdated(userId: $u) { ${PRIVATE} } }`, { u: ben.id });
    const own = subscribe(client(ben.token), `subscription($u: ID!) { profileUpdated(userId: $u) { ${PRIVATE} } }`, { u: ben.id });
    const friend = subscribe(client(ana.token), `subscription { friendUpdated { ${PRIVATE} } }`);
    await expect
      .poll(
        async () => {
          await must(ben, `mutation($b: String!) { updateProfile(input: { bio: $b }) { user { id } } }`, { b: `bio ${Date.now()}` });
          return [open, own, friend].every((s) => s.results.length > 0);
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(true);
    const hidden = { id: ben.id, email: null, wallet: null, inventory: null };
    expect(open.results[0]).toEqual({ data: { profileUpdated: { ...hidden, friendState: null } } });
    expect(own.results[0]).toEqual({ data: { profileUpdated: { ...hidden, friendState: null } } });
    expect(friend.results[0]).toEqual({ data: { friendUpdated: { ...hidden, friendState: 'FRIEND' } } });
    for (const s of [open, own, friend]) s.stop();
  });
});
