import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse, subscribe, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { liveChannel } from '../../platform/live.js';
import { MemoryRedisPort } from '../../platform/redis/index.js';
import { openTestDatabase, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { usersSubgraph } from './subgraph.js';

/**
 * The in-process Redis, except that published messages wait until the test delivers them: it holds
 * open the moment between a publish and its delivery, where a friendship can end.
 */
class HeldRedis extends MemoryRedisPort {
  held: { channel: string; message: string }[] = [];
  override async publish(channel: string, message: string) {
    this.held.push({ channel, message });
  }
  async deliver() {
    for (const { channel, message } of this.held.splice(0)) await super.publish(channel, message);
  }
}

const JWT_SECRET = 'users-test-secret-that-is-long-enough-0123';
const redis = new HeldRedis();
let db: Database;
let definition: ReturnType<typeof usersSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;
let schema: GraphQLSchema;

beforeAll(async () => {
  db = await openTestDatabase();
  definition = usersSubgraph.create({ db, redis, config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 } });
  client = subgraphClient(definition);
  await client.server.start();
  // The schema the subgraph serves subscriptions from (platform/subgraph.ts), run with graphql-js's own subscribe.
  schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> });
});
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

const as = (userId: string): Viewer => ({ userId, role: 'PLAYER' });

/** Scenario: `n` fresh players named after their role in the test (created directly). */
async function players<const N extends string>(...names: N[]): Promise<Record<N, string>> {
  const ids = {} as Record<N, string>;
  for (const name of names) {
    const username = `${name}_${randomUUID().slice(0, 8)}`;
    const user = await db.prisma.user.create({
      data: { username, usernameKey: username, email: `${username}@example.com`, passwordHash: 'x', displayName: username },
    });
    ids[name] = user.id;
  }
  return ids;
}

const run = async (viewer: string, query: string, variables: Record<string, unknown>) => {
  const result = await client.execute(as(viewer), query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
};
const befriend = async (a: string, b: string) => {
  await run(a, `mutation($id: ID!) { sendFriendRequest(input: { userId: $id }) { friend { state } } }`, { id: b });
  await run(b, `mutation($id: ID!) { acceptFriendRequest(input: { userId: $id }) { friend { state } } }`, { id: a });
};
const rename = (userId: string, displayName: string) =>
  run(userId, `mutation($name: String!) { updateProfile(input: { displayName: $name }) { user { id } } }`, { name: displayName });

const FRIEND_UPDATED = parse('subscription { friendUpdated { id displayName } }');
type Event = ExecutionResult<{ friendUpdated: { id: string; displayName: string } }>;
const channelOf = (viewerId: string) => liveChannel('users', 'friendUpdated', viewerId);

/** The viewer's friendUpdated stream through the subgraph's schema, listening once this resolves. */
async function friendUpdates(viewerId: string) {
  const stream = (await subscribe({ schema, document: FRIEND_UPDATED, contextValue: definition.createContext(as(viewerId)) })) as AsyncGenerator<Event>;
  let next = stream.next();
  await expect.poll(() => redis.numsub(channelOf(viewerId)), { timeout: 10_000 }).toBe(1);
  return {
    /** The next event delivered; the stream keeps listening meanwhile. */
    async take(): Promise<Event['data']> {
      const { value } = await next;
      next = stream.next();
      return (value as Event).data;
    },
    stop: () => stream.return(undefined),
  };
}

describe('users subgraph: friendUpdated', () => {
  it("fans a player's change out to their friends' channels only, in batches past 500 friends", async () => {
    const { bo, asker, asked, blocker, stranger } = await players('bo', 'asker', 'asked', 'blocker', 'stranger');
    const many = Array.from({ length: 1_001 }, (_, i) => ({ username: `many_${randomUUID().slice(0, 8)}_${i}` }));
    await db.prisma.user.createMany({ data: many.map(({ username }) => ({ username, usernameKey: username, email: `${username}@example.com`, passwordHash: 'x', displayName: username })) });
    const friends = (await db.prisma.user.findMany({ where: { username: { in: many.map((m) => m.username) } }, select: { id: true } })).map((u) => u.id);
    await db.prisma.friendship.createMany({
      data: [
        ...friends.flatMap((f) => [{ userId: bo, otherId: f, state: 'FRIEND' as const }, { userId: f, otherId: bo, state: 'FRIEND' as const }]),
        { userId: asker, otherId: bo, state: 'INVITE_SENT' },
        { userId: bo, otherId: asker, state: 'INVITE_RECEIVED' },
        { userId: bo, otherId: asked, state: 'INVITE_SENT' },
        { userId: asked, otherId: bo, state: 'INVITE_RECEIVED' },
        { userId: blocker, otherId: bo, state: 'BLOCKED' },
      ],
    });
    redis.held = [];
    await rename(bo, 'Bo the Bold');
    const fannedOut = redis.held.filter((m) => m.channel.startsWith('live:users:friendUpdated:'));
    expect(fannedOut.map((m) => m.channel).sort()).toEqual(friends.map(channelOf).sort());
    expect(new Set(fannedOut.map((m) => m.message))).toEqual(new Set([JSON.stringify({ id: bo })]));
    for (const other of [asker, asked, blocker, stranger]) expect(redis.held.map((m) => m.channel)).not.toContain(channelOf(other));
    redis.held = [];
  });

  it('delivers friends\' changes as fresh profiles, and a new friendship starts them without resubscribing', async () => {
    const { ana, bo, cy } = await players('ana', 'bo', 'cy');
    await befriend(ana, bo);
    const stream = await friendUpdates(ana);
    await rename(bo, 'Bo 1');
    await rename(cy, 'Cy 1'); // not a friend yet
    await redis.deliver();
    expect(await stream.take()).toEqual({ friendUpdated: { id: bo, displayName: 'Bo 1' } });
    await befriend(cy, ana);
    await rename(cy, 'Cy 2');
    await redis.deliver();
    expect(await stream.take()).toEqual({ friendUpdated: { id: cy, displayName: 'Cy 2' } });
    await stream.stop();
    await expect.poll(() => redis.numsub(channelOf(ana)), { timeout: 10_000 }).toBe(0);
  });

  const ENDINGS = {
    removeFriend: `mutation($id: ID!) { removeFriend(input: { userId: $id }) { user { id } } }`,
    blockUser: `mutation($id: ID!) { blockUser(input: { userId: $id }) { friend { state } } }`,
  };
  it.each<['viewer' | 'friend', keyof typeof ENDINGS]>([
    ['viewer', 'removeFriend'],
    ['friend', 'removeFriend'],
    ['viewer', 'blockUser'],
    ['friend', 'blockUser'],
  ])('skips a change published while they were friends and delivered after the %s ran %s', async (who, ending) => {
    const { ana, bo, cy } = await players('ana', 'bo', 'cy');
    await befriend(ana, bo);
    await befriend(ana, cy);
    const stream = await friendUpdates(ana);
    await rename(bo, 'Bo before');
    expect(redis.held.map((m) => m.channel)).toContain(channelOf(ana)); // published to Ana while friends
    const [actor, other] = who === 'viewer' ? [ana, bo] : [bo, ana];
    await run(actor, ENDINGS[ending], { id: other });
    await redis.deliver();
    await rename(cy, 'Cy after');
    await redis.deliver();
    // Bo's event reached Ana's stream first; it was dropped there, so Cy's is the first delivered.
    expect(await stream.take()).toEqual({ friendUpdated: { id: cy, displayName: 'Cy after' } });
    await stream.stop();
  });

  it('refuses anonymous viewers at subscribe time with UNAUTHENTICATED', async () => {
    const result = (await subscribe({ schema, document: FRIEND_UPDATED, contextValue: definition.createContext(ANONYMOUS) })) as ExecutionResult;
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
