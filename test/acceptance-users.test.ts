import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, REGISTER, registerPlayer, uniqueName } from './support/platform.js';
import { acceptanceCalls, HUGE, type Case } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { subscribe } from './support/ws.js';

// Users as a studio reads schema/users.graphql: the refusals its docstrings promise (code and
// extensions.field), limits and defaults, and hostile input on every argument, each refused with
// a code and changing nothing.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
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
    expect((await must<{ apiKeys: { id: string }[] }>(admin, KEYS)).apiKeys[0]!.id).toBe(created.createApiKey.apiKey.id);
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
