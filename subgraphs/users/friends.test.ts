import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import type { Database, PrismaClient, Sql } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, subgraphClient, recordingPrisma, recordingSql } from '../../platform/testing.js';
import type { Context } from './context.js';
import { usersSubgraph } from './subgraph.js';

const JWT_SECRET = 'users-test-secret-that-is-long-enough-0123';
let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;

const users = (prisma: PrismaClient, sql: Sql = db.sql) =>
  usersSubgraph.create({ db: { ...db, prisma, sql }, redis: newTestRedis(), config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 } });

beforeAll(async () => {
  db = await openTestDatabase();
  client = subgraphClient(users(db.prisma));
  await client.server.start();
});
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

/** Scenario: `n` fresh players (created directly; signing up is tested elsewhere). */
async function players(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const username = `f_${randomUUID().slice(0, 8)}`;
    const user = await db.prisma.user.create({
      data: { username, usernameKey: username, email: `${username}@example.com`, passwordHash: 'x', displayName: username },
    });
    ids.push(user.id);
  }
  return ids;
}
const as = (userId: string): Viewer => ({ userId, role: 'PLAYER' });

type Result = Awaited<ReturnType<typeof client.execute>>;
const MUTATIONS = {
  send: `mutation($id: ID!) { sendFriendRequest(input: { userId: $id }) { friend { state updatedAt user { id friendState } } } }`,
  accept: `mutation($id: ID!) { acceptFriendRequest(input: { userId: $id }) { friend { state user { id friendState } } } }`,
  decline: `mutation($id: ID!) { declineFriendRequest(input: { userId: $id }) { user { id friendState } } }`,
  remove: `mutation($id: ID!) { removeFriend(input: { userId: $id }) { user { id friendState } } }`,
  block: `mutation($id: ID!) { blockUser(input: { userId: $id }) { friend { state user { id friendState } } } }`,
  unblock: `mutation($id: ID!) { unblockUser(input: { userId: $id }) { user { id friendState } } }`,
};
const act = (action: keyof typeof MUTATIONS, actor: string | Viewer, other: string) =>
  client.execute(typeof actor === 'string' ? as(actor) : actor, MUTATIONS[action], { id: other });

/** How `viewer` sees `other` (User.friendState). */
async function stateOf(viewer: string, other: string): Promise<string | null> {
  const result = await client.execute<{ user: { friendState: string | null } }>(as(viewer), `query($id: ID!) { user(id: $id) { friendState } }`, { id: other });
  expect(result.errors).toBeUndefined();
  return result.data!.user.friendState;
}
const both = async (a: string, b: string) => [await stateOf(a, b), await stateOf(b, a)];
const edgesBetween = (a: string, b: string) =>
  db.prisma.friendship.findMany({ where: { OR: [{ userId: a, otherId: b }, { userId: b, otherId: a }] }, orderBy: { userId: 'asc' } });
const failure = (result: Result) => ({ code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message });
const ok = (result: Result) => {
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, Record<string, unknown>>;
};

describe('users subgraph: friends and blocks', () => {
  describe('transitions', () => {
    it('sends a request, then accepting makes both friends', async () => {
      const [ana, bo] = await players(2);
      const sent = ok(await act('send', ana!, bo!));
      expect(sent.sendFriendRequest).toMatchObject({ friend: { state: 'INVITE_SENT', user: { id: bo, friendState: 'INVITE_SENT' } } });
      expect(await both(ana!, bo!)).toEqual(['INVITE_SENT', 'INVITE_RECEIVED']);
      const accepted = ok(await act('accept', bo!, ana!));
      expect(accepted.acceptFriendRequest).toEqual({ friend: { state: 'FRIEND', user: { id: ana, friendState: 'FRIEND' } } });
      expect(await both(ana!, bo!)).toEqual(['FRIEND', 'FRIEND']);
    });

    it('asking back someone who asked you makes both friends', async () => {
      const [ana, bo] = await players(2);
      ok(await act('send', ana!, bo!));
      const back = ok(await act('send', bo!, ana!));
      expect(back.sendFriendRequest).toMatchObject({ friend: { state: 'FRIEND', user: { id: ana, friendState: 'FRIEND' } } });
      expect(await both(ana!, bo!)).toEqual(['FRIEND', 'FRIEND']);
    });

    it('declining removes the request on both sides', async () => {
      const [ana, bo] = await players(2);
      ok(await act('send', ana!, bo!));
      expect(ok(await act('decline', bo!, ana!)).declineFriendRequest).toEqual({ user: { id: ana, friendState: null } });
      expect(await both(ana!, bo!)).toEqual([null, null]);
      expect(await edgesBetween(ana!, bo!)).toEqual([]);
    });

    it('removing ends a friendship, or withdraws a request, on both sides', async () => {
      const [ana, bo, cy] = await players(3);
      ok(await act('send', ana!, bo!));
      ok(await act('accept', bo!, ana!));
      expect(ok(await act('remove', bo!, ana!)).removeFriend).toEqual({ user: { id: ana, friendState: null } });
      expect(await both(ana!, bo!)).toEqual([null, null]);
      ok(await act('send', ana!, cy!));
      ok(await act('remove', ana!, cy!));
      expect(await both(ana!, cy!)).toEqual([null, null]);
    });

    it.each<[string, (ana: string, bo: string) => Promise<unknown>, keyof typeof MUTATIONS, 'ana' | 'bo', string]>([
      ['a second request', async (a, b) => act('send', a, b), 'send', 'ana', 'You already sent this player a friend request.'],
      ['a request to a friend', async (a, b) => (await act('send', a, b), act('accept', b, a)), 'send', 'ana', 'You are already friends with this player.'],
      ['accepting without a request', async () => undefined, 'accept', 'bo', 'There is no friend request from this player to accept.'],
      ['accepting your own request', async (a, b) => act('send', a, b), 'accept', 'ana', 'There is no friend request from this player to accept.'],
      ['declining without a request', async () => undefined, 'decline', 'bo', 'There is no friend request from this player to decline.'],
      ['removing a stranger', async () => undefined, 'remove', 'ana', 'This player is not your friend and has no pending request from you.'],
      ['removing a request you received', async (a, b) => act('send', b, a), 'remove', 'ana', 'This player is not your friend and has no pending request from you.'],
      ['unblocking someone not blocked', async () => undefined, 'unblock', 'ana', 'You have not blocked this player.'],
      ['blocking twice', async (a, b) => act('block', a, b), 'block', 'ana', 'You already blocked this player.'],
      ['a request to someone you blocked', async (a, b) => act('block', a, b), 'send', 'ana', 'You blocked this player; unblock them first.'],
    ])('refuses %s with CONFLICT and changes nothing', async (_name, setup, action, actor, message) => {
      const [ana, bo] = await players(2);
      await setup(ana!, bo!);
      const before = await edgesBetween(ana!, bo!);
      const [self, other] = actor === 'ana' ? [ana!, bo!] : [bo!, ana!];
      const result = await act(action, self, other);
      expect(failure(result)).toEqual({ code: 'CONFLICT', message });
      expect(result.errors![0]!.extensions).toMatchObject({ field: 'userId' });
      expect(await edgesBetween(ana!, bo!)).toEqual(before);
    });

    it.each(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[])('%s: refuses yourself, unknown players and anonymous viewers', async (action) => {
      const [ana] = await players(1);
      expect(failure(await act(action, ana!, ana!))).toEqual({ code: 'BAD_USER_INPUT', message: 'You cannot do this to yourself.' });
      const nobody = randomUUID();
      expect(failure(await act(action, ana!, nobody))).toEqual({ code: 'NOT_FOUND', message: `User "${nobody}" was not found.` });
      expect(failure(await act(action, ana!, 'not-a-uuid'))).toMatchObject({ code: 'NOT_FOUND' });
      expect(failure(await act(action, ANONYMOUS, ana!))).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await db.prisma.friendship.count({ where: { userId: ana! } })).toBe(0);
    });
  });

  describe('blocks', () => {
    it('blocking a friend ends the friendship, hides the block from them, and records user.blocked', async () => {
      const [ana, bo] = await players(2);
      ok(await act('send', ana!, bo!));
      ok(await act('accept', bo!, ana!));
      const blocked = ok(await act('block', ana!, bo!));
      expect(blocked.blockUser).toEqual({ friend: { state: 'BLOCKED', user: { id: bo, friendState: 'BLOCKED' } } });
      // Bo sees no relation at all, as with a stranger.
      expect(await both(ana!, bo!)).toEqual(['BLOCKED', null]);
      expect((await edgesBetween(ana!, bo!)).map((e) => [e.userId, e.state])).toEqual([[ana, 'BLOCKED']]);

      const events = await db.prisma.outboxEvent.findMany({ where: { producer: 'users', type: 'user.blocked' } });
      const event = events.find((e) => (e.payload as { blockerId: string }).blockerId === ana);
      expect(event?.payload).toEqual({ blockerId: ana, blockedId: bo, blockedAt: expect.any(String) });
      const edge = (await edgesBetween(ana!, bo!))[0]!;
      expect((event!.payload as { blockedAt: string }).blockedAt).toBe(edge.updatedAt.toISOString());
    });

    it('a blocked player cannot send the blocker a request, and is answered as if the blocker did not exist', async () => {
      const [ana, bo] = await players(2);
      ok(await act('send', bo!, ana!));
      ok(await act('block', ana!, bo!));
      // Bo's pending request went away with the block.
      expect(await edgesBetween(ana!, bo!)).toHaveLength(1);
      const refused = await act('send', bo!, ana!);
      const nobody = randomUUID();
      const unknown = await act('send', bo!, nobody);
      expect(failure(refused)).toEqual({ code: 'NOT_FOUND', message: `User "${ana}" was not found.` });
      expect(failure(unknown)).toEqual({ code: 'NOT_FOUND', message: `User "${nobody}" was not found.` });
      expect(await both(ana!, bo!)).toEqual(['BLOCKED', null]);
    });

    it('unblocking leaves no relation; a block placed by the other player stands', async () => {
      const [ana, bo] = await players(2);
      ok(await act('block', ana!, bo!));
      ok(await act('block', bo!, ana!));
      expect(await both(ana!, bo!)).toEqual(['BLOCKED', 'BLOCKED']);
      expect(ok(await act('unblock', ana!, bo!)).unblockUser).toEqual({ user: { id: bo, friendState: null } });
      expect(await both(ana!, bo!)).toEqual([null, 'BLOCKED']);
      expect(failure(await act('send', ana!, bo!))).toMatchObject({ code: 'NOT_FOUND' });
      ok(await act('unblock', bo!, ana!));
      ok(await act('send', ana!, bo!));
      expect(await both(ana!, bo!)).toEqual(['INVITE_SENT', 'INVITE_RECEIVED']);
    });
  });

  describe('friends list', () => {
    const FRIENDS = `query($id: ID!, $state: FriendState, $first: Int, $after: String, $last: Int, $before: String) {
      user(id: $id) { friends(state: $state, first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { state updatedAt user { id } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      } } }`;
    type Page = { user: { friends: { edges: { cursor: string; node: { state: string; user: { id: string } } }[]; pageInfo: Record<string, unknown> } } };

    /** Scenario: Ana with friends changed one minute apart, plus a request and a block. */
    async function anaWithFriends() {
      const [ana, ...others] = await players(7);
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 12, minute)); // 2026-11-28 12:mm UTC
      const edge = (userId: string, otherId: string, state: 'FRIEND' | 'INVITE_SENT' | 'INVITE_RECEIVED' | 'BLOCKED', minute: number) =>
        ({ userId, otherId, state, updatedAt: at(minute) });
      const friends = others.slice(0, 4);
      await db.prisma.friendship.createMany({
        data: [
          ...friends.flatMap((f, i) => [edge(ana!, f, 'FRIEND', i), edge(f, ana!, 'FRIEND', i)]),
          edge(ana!, others[4]!, 'INVITE_SENT', 10),
          edge(others[4]!, ana!, 'INVITE_RECEIVED', 10),
          edge(ana!, others[5]!, 'BLOCKED', 11),
        ],
      });
      // Newest change first.
      return { ana: ana!, friends: [...friends].reverse(), invited: others[4]!, blocked: others[5]! };
    }
    const ids = (page: Page) => page.user.friends.edges.map((e) => e.node.user.id);

    it('pages forward and backward through one state, newest first', async () => {
      const { ana, friends } = await anaWithFriends();
      const first = ok(await client.execute(as(ana), FRIENDS, { id: ana, state: 'FRIEND', first: 3 })) as unknown as Page;
      expect(ids(first)).toEqual(friends.slice(0, 3));
      expect(first.user.friends.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = ok(await client.execute(as(ana), FRIENDS, { id: ana, state: 'FRIEND', first: 3, after: first.user.friends.pageInfo.endCursor })) as unknown as Page;
      expect(ids(second)).toEqual(friends.slice(3));
      expect(second.user.friends.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const back = ok(await client.execute(as(ana), FRIENDS, { id: ana, state: 'FRIEND', last: 2, before: second.user.friends.pageInfo.startCursor })) as unknown as Page;
      expect(ids(back)).toEqual(friends.slice(1, 3));
      expect(back.user.friends.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('lists every state when none is asked for', async () => {
      const { ana, friends, invited, blocked } = await anaWithFriends();
      const all = ok(await client.execute(as(ana), FRIENDS, { id: ana })) as unknown as Page;
      expect(all.user.friends.edges.map((e) => [e.node.user.id, e.node.state])).toEqual([
        [blocked, 'BLOCKED'],
        [invited, 'INVITE_SENT'],
        ...friends.map((f) => [f, 'FRIEND']),
      ]);
      const received = ok(await client.execute(as(invited), FRIENDS, { id: invited, state: 'INVITE_RECEIVED' })) as unknown as Page;
      expect(ids(received)).toEqual([ana]);
    });

    it('is visible to its owner only', async () => {
      const { ana, friends } = await anaWithFriends();
      const byFriend = await client.execute(as(friends[0]!), FRIENDS, { id: ana });
      expect(failure(byFriend)).toEqual({ code: 'FORBIDDEN', message: 'Only the player themself can see their friends list.' });
      expect(failure(await client.execute(ANONYMOUS, FRIENDS, { id: ana }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses a cursor it did not make', async () => {
      const { ana } = await anaWithFriends();
      const result = await client.execute(as(ana), FRIENDS, { id: ana, after: Buffer.from('{"x":1}').toString('base64url') });
      expect(failure(result)).toEqual({ code: 'BAD_USER_INPUT', message: 'after is not a valid cursor.' });
    });

    it('shows no friendState to anonymous viewers or to the player about themself', async () => {
      const { ana, friends } = await anaWithFriends();
      const Q = `query($id: ID!) { user(id: $id) { friendState } }`;
      expect(ok(await client.execute(ANONYMOUS, Q, { id: friends[0] })).user).toEqual({ friendState: null });
      expect(ok(await client.execute(as(ana), Q, { id: ana })).user).toEqual({ friendState: null });
    });
  });

  it('settles two players asking each other at the same moment as one friendship', async () => {
    const pairs = await Promise.all([1, 2, 3, 4, 5].map(() => players(2)));
    const results = await Promise.all(pairs.flatMap(([a, b]) => [act('send', a!, b!), act('send', b!, a!)]));
    for (const result of results) expect(result.errors).toBeUndefined();
    for (let i = 0; i < pairs.length; i++) {
      const [a, b] = pairs[i]!;
      const states = [results[2 * i], results[2 * i + 1]].map((r) => (r!.data as { sendFriendRequest: { friend: { state: string } } }).sendFriendRequest.friend.state);
      // One request arrived first; the other turned it into the friendship.
      expect(states.sort()).toEqual(['FRIEND', 'INVITE_SENT']);
      expect((await edgesBetween(a!, b!)).map((e) => e.state)).toEqual(['FRIEND', 'FRIEND']);
    }
  });

  it('serializes a block racing a request between the same players', async () => {
    const [ana, bo] = await players(2);
    const [block, request] = await Promise.all([act('block', ana!, bo!), act('send', bo!, ana!)]);
    expect(block.errors).toBeUndefined();
    // Either the request came first (and the block removed it) or the block did (and the request looked like an unknown player).
    if (request.errors) expect(failure(request)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await edgesBetween(ana!, bo!)).map((e) => [e.userId, e.state])).toEqual([[ana, 'BLOCKED']]);
  });

  describe('batching', () => {
    /** What recordingSql notes for UsersStore.findByIds (the first line of its statement on the raw SQL port). */
    const USERS_BY_ID = '$sql:SELECT u.id::text AS id, u.username, u.username_key AS "usernameKey", u.email, u.password_hash AS "passwordHash",';
    const operations: string[] = [];
    let counting: ReturnType<typeof subgraphClient<Context>>;

    beforeAll(async () => {
      const counted = recordingPrisma(db.prisma, operations);
      counting = subgraphClient(users(counted, recordingSql(db.sql, operations)));
      await counting.server.start();
    });
    afterAll(() => counting.server.stop());

    it('resolves friendState for 20 players in one query', async () => {
      const [viewer, ...others] = await players(21);
      await db.prisma.friendship.createMany({
        data: others.slice(0, 5).flatMap((o) => [
          { userId: viewer!, otherId: o, state: 'FRIEND' as const },
          { userId: o, otherId: viewer!, state: 'FRIEND' as const },
        ]),
      });
      await db.prisma.friendship.create({ data: { userId: viewer!, otherId: others[5]!, state: 'BLOCKED' } });
      operations.length = 0;
      const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { id friendState } } }`;
      const result = await counting.execute<{ _entities: { id: string; friendState: string | null }[] }>(as(viewer!), QUERY, {
        reps: others.map((id) => ({ __typename: 'User', id })),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((u) => u.friendState)).toEqual([...Array(5).fill('FRIEND'), 'BLOCKED', ...Array(14).fill(null)]);
      expect(operations.filter((op) => op.startsWith('Friendship.'))).toEqual(['Friendship.findMany']);
      expect(operations).toEqual([USERS_BY_ID, 'Friendship.findMany']);
    });

    it('loads a friends page, its players and their friendState with one query each', async () => {
      const [viewer, ...others] = await players(11);
      await db.prisma.friendship.createMany({ data: others.map((o) => ({ userId: viewer!, otherId: o, state: 'FRIEND' as const })) });
      operations.length = 0;
      const result = await counting.execute(as(viewer!), `query($id: ID!) { user(id: $id) { friends(first: 10) { edges { node { user { id username friendState } } } } } }`, {
        id: viewer,
      });
      expect(result.errors).toBeUndefined();
      expect(operations).toEqual([USERS_BY_ID, 'Friendship.findMany', USERS_BY_ID, 'Friendship.findMany']);
    });
  });
});
