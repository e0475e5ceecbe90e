// No N+1 (issue 14, item 4; docs/database.md, "No N+1: the guard test"). For every list or
// connection field of object type in the composed API, and for every entity type each subgraph
// resolves (`_entities`), a case runs the same operation over a small and a large list and asserts
// that each subgraph sent the same statements to the database for both: a field resolved per item
// that is not batched shows up as one more statement per item. Sizes are 10 and 1,000, or the API's
// cap where it has one (pages: 100, `users(ids:)`: 100, `recordGameEvents`: 500 events, a wallet
// operation: 20 changes, hourly metrics: 744 buckets). Cases that cross subgraphs also run through
// the gateway and assert how often it called each subgraph: once per entity path of the plan (one
// `_entities` batch for all the items at that path), whatever the size.
//
// A new list field without a case fails "every list field has a case" below: add a case to CASES
// (or, where batching cannot apply, a reason to NOT_APPLICABLE).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kind, parse, type ConstDirectiveNode, type TypeNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../platform/auth.js';
import { SUPERGRAPH_PATH, SUBGRAPHS, type SubgraphName } from '../platform/subgraph/names.js';
import { pairKey } from '../subgraphs/social/domain/chat-rooms.js';
import { singleElimination } from '../subgraphs/tournaments/domain/brackets/single-elimination.js';
import { gql } from './support/platform.js';
import { startCountingPlatform, type CountingPlatform, type Measured } from './support/round-trips.js';

let platform: CountingPlatform;

beforeAll(async () => {
  // Limits are not what this measures: the largest pages here cost more than the default budget.
  platform = await startCountingPlatform({ GATEWAY_MAX_COST: '10000000', GATEWAY_RATE_LIMIT_POINTS: '100000' });
}, 120_000);
afterAll(() => platform?.close());

/** One run of a case at one size: who asks, with what, how many items came back, what to remove after. */
interface Scenario {
  viewer: Viewer;
  variables: Record<string, unknown>;
  /** The items the answer holds (so a case cannot pass on an empty or failed answer). */
  count(data: Record<string, unknown>): number;
  /** Removes what the scenario added to lists every test sees (the catalog, room and tournament lists). */
  cleanup?: () => Promise<void>;
}

interface GuardCase {
  name: string;
  /** What it guards: `Type.field` list fields, and `_entities <subgraph>.<Type>` entity batches. */
  covers: readonly string[];
  /** Straight to this subgraph, or through the gateway. */
  via: SubgraphName | 'gateway';
  sizes: readonly [small: number, large: number];
  query: string;
  scenario(n: number): Promise<Scenario>;
  /** Through the gateway: the operations each subgraph must receive (one per entity path of the plan, never per item). */
  fetches?: Partial<Record<SubgraphName, number>>;
}

/**
 * List fields where the guard does not apply, and why. Connection `edges` are not listed: they are
 * paged by the field that returns the connection, and covered with it.
 */
const NOT_APPLICABLE: Record<string, string> = {
  'Wallet.balances': 'one entry per currency (three), read from the balances the wallet already loaded; its size never grows with data',
  'TrackEventsPayload.rejected': 'built in memory from checking the call\'s own events (at most 500); nothing is read per item',
  'LeaderboardUpdate.top': "a subscription payload: the same read as Leaderboard.top (one Redis range, one statement for the page's details), once per event for every subscriber",
  'RankChange.passedBy': 'a subscription payload: ids carried by the event (at most 100), nothing read per item; the players are one _entities batch in users',
  'PersonalizedExperience.recommendedQuests':
    "ranked in memory from the content catalog and the model the replica holds; the players' facts are one DataLoader batch per request (subgraphs/analytics/personalization.test.ts counts it)",
  'PersonalizedExperience.recommendedCharacters': 'ranked in memory like recommendedQuests; nothing is read per item',
  'PersonalizedExperience.personalizedRewards': "the recommended quests' catalog rewards with the player's multiplier, in memory; nothing is read per item",
  'Experiment.variants': "at most 10, a JSON column of the experiment's own row; nothing is read per item",
  'ExperimentResults.variants': "at most 10 (the experiment's variants), from two grouped counts per call (exposures, conversions by variant); nothing is read per item",
};

/**
 * Work in progress may park its list fields here, with the reason, until its cases can run (and may
 * name fields not in the schema yet). Nothing is pending today.
 */
const PENDING: Record<string, string> = {};

// ---------------------------------------------------------------------------------------------
// Scenarios: seeded straight into the database (fast), with fresh rows per run so caches start cold.

const db = () => platform.db;
const tagOf = () => `n1_${randomUUID().slice(0, 8)}`;
const player = (userId: string): Viewer => ({ userId, role: 'PLAYER' });
const admin = (userId: string): Viewer => ({ userId, role: 'ADMIN' });
const service = (...scopes: string[]): Viewer => ({ userId: null, role: null, kind: 'service', scopes, serviceId: randomUUID() });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const lengthAt = (path: string) => (data: Record<string, unknown>) =>
  (path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], data) as unknown[] | undefined)?.length ?? -1;
const edgesAt = (path: string) => lengthAt(`${path}.edges`);

/** `n` players, each with some XP (a level to read). */
async function players(n: number): Promise<string[]> {
  const tag = tagOf();
  const ids = range(n).map(() => randomUUID());
  await db().prisma.user.createMany({
    data: ids.map((id, i) => ({ id, username: `${tag}_${i}`, usernameKey: `${tag}_${i}`, email: `${tag}_${i}@example.com`, passwordHash: 'x', displayName: `${tag} ${i}` })),
  });
  await db().prisma.walletBalance.createMany({ data: ids.map((userId, i) => ({ userId, asset: 'XP', balance: BigInt(100 * (i + 1)) })) });
  return ids;
}

/** Players the achievements subgraph knows (as `user.registered` from the bus would make them), active now. */
async function knownPlayers(ids: readonly string[]): Promise<void> {
  await db().prisma.achievementPlayer.createMany({ data: ids.map((userId) => ({ userId, lastEventAt: new Date() })) });
}

/** Each player unlocked `first_blood` and is half-way to `combat_master`. */
async function withProgress(ids: readonly string[]): Promise<void> {
  await knownPlayers(ids);
  await db().prisma.userAchievement.createMany({ data: ids.map((userId) => ({ userId, achievementId: 'first_blood' })) });
  await db().prisma.achievementProgress.createMany({
    data: ids.map((userId) => ({ userId, achievementId: 'combat_master', state: { kind: 'count', total: 50, done: false }, current: 50, target: 100, completed: false, updatedAt: new Date() })),
  });
}

/** A guild holding all these players. */
async function guildOf(ids: readonly string[]): Promise<string> {
  const tag = tagOf();
  const guild = await db().prisma.guild.create({ data: { name: tag, nameKey: tag, tag: tag.slice(-4).toUpperCase() } });
  await db().prisma.guildMember.createMany({ data: ids.map((userId, i) => ({ userId, guildId: guild.id, role: i === 0 ? 'MASTER' : 'MEMBER' })) });
  return guild.id;
}

/**
 * `n` achievement definitions outside the catalog file (CREATIVE and LEGENDARY, a pair the catalog
 * does not use), every other one hidden, each with two prerequisites; removed by the cleanup.
 */
async function definitions(n: number): Promise<{ ids: string[]; cleanup: () => Promise<void> }> {
  const tag = tagOf();
  const ids = range(n).map((i) => `${tag}_${i}`);
  await db().prisma.achievementDefinition.createMany({
    data: ids.map((id, i) => ({
      id,
      name: `Guard ${i}`,
      description: `Guard achievement ${i}.`,
      category: 'CREATIVE',
      rarity: 'LEGENDARY',
      icon: `achievements/${id}`,
      hidden: i % 2 === 0,
      points: 5,
      rule: { type: 'count', event: 'GUARD_EVENT', target: 10 },
      rewards: [{ kind: 'XP', amount: 10 }],
      prerequisites: ['first_blood', 'combat_master'],
      catalogVersion: 0,
      sortOrder: 100_000 + i,
    })),
  });
  return {
    ids,
    cleanup: async () => {
      const where = { achievementId: { in: ids } };
      await db().prisma.notification.deleteMany({ where });
      await db().prisma.achievementProgress.deleteMany({ where });
      await db().prisma.userAchievement.deleteMany({ where });
      await db().prisma.achievementDefinition.deleteMany({ where: { id: { in: ids } } });
    },
  };
}

/** `n` GLOBAL chat rooms, each with messages by distinct authors; removed by the cleanup. */
async function rooms(n: number, messagesPerRoom: number): Promise<{ ids: string[]; authors: string[]; cleanup: () => Promise<void> }> {
  const tag = tagOf();
  const authors = await players(messagesPerRoom);
  const ids = range(n).map(() => randomUUID());
  await db().prisma.chatRoom.createMany({ data: ids.map((id, i) => ({ id, name: `${tag} ${i}`, kind: 'GLOBAL', maxMembers: 1000 })) });
  await db().prisma.chatMessage.createMany({
    data: ids.flatMap((roomId) => authors.map((authorId, i) => ({ roomId, authorId, text: `message ${i}` }))),
  });
  await db().sql.query(`UPDATE chat_rooms r SET last_seq = (SELECT max(seq) FROM chat_messages m WHERE m.room_id = r.id) WHERE r.id = ANY($1::uuid[])`, [
    `{${ids.join(',')}}`,
  ]);
  return { ids, authors, cleanup: async () => void (await db().prisma.chatRoom.deleteMany({ where: { id: { in: ids } } })) };
}

/**
 * Rooms only their members read, one per list of members (the first owns a party), each with one
 * message by every member in list order; every member but the first has read up to the newest.
 * Seeded in the tables, as sends are limited to 3 per second per player. Removed by the cleanup.
 */
async function memberRooms(
  kind: 'GUILD' | 'PARTY' | 'PRIVATE',
  memberLists: readonly (readonly string[])[],
  guildId?: string,
): Promise<{ ids: string[]; cleanup: () => Promise<void> }> {
  const tag = tagOf();
  const ids = memberLists.map(() => randomUUID());
  const joined = Date.now() - 60_000;
  await db().prisma.chatRoom.createMany({
    data: ids.map((id, i) => {
      const members = memberLists[i]!;
      return {
        id,
        name: `${tag} ${i}`,
        kind,
        maxMembers: Math.max(members.length, 2),
        memberCount: members.length,
        createdBy: members[0],
        guildId: kind === 'GUILD' ? guildId : undefined,
        pairKey: kind === 'PRIVATE' ? pairKey(members[0]!, members[1]!) : undefined,
      };
    }),
  });
  await db().prisma.chatRoomMember.createMany({
    data: ids.flatMap((roomId, i) =>
      memberLists[i]!.map((userId, j) => ({ roomId, userId, role: kind === 'PARTY' && j === 0 ? ('OWNER' as const) : ('MEMBER' as const), joinedAt: new Date(joined + j) })),
    ),
  });
  await db().prisma.chatMessage.createMany({ data: ids.flatMap((roomId, i) => memberLists[i]!.map((authorId, j) => ({ roomId, authorId, text: `message ${j}` }))) });
  const rooms = `{${ids.join(',')}}`;
  await db().sql.query(
    `UPDATE chat_rooms r SET last_seq = m.seq, last_event_seq = m.seq, last_activity_at = now()
     FROM (SELECT room_id, max(seq) AS seq FROM chat_messages WHERE room_id = ANY($1::uuid[]) GROUP BY room_id) m WHERE r.id = m.room_id`,
    [rooms],
  );
  await db().sql.query(
    `UPDATE chat_room_members cm SET last_read_seq = r.last_seq, last_read_at = now()
     FROM chat_rooms r WHERE r.id = cm.room_id AND cm.room_id = ANY($1::uuid[]) AND cm.user_id <> r.created_by`,
    [rooms],
  );
  return { ids, cleanup: async () => void (await db().prisma.chatRoom.deleteMany({ where: { id: { in: ids } } })) };
}

/** A player with `n` friends (accepted both ways). */
async function friendsOf(n: number): Promise<{ me: string; friends: string[] }> {
  const [me, ...friends] = await players(n + 1);
  await db().prisma.friendship.createMany({
    data: friends.flatMap((other, i) => {
      const updatedAt = new Date(Date.now() - i * 1000);
      return [
        { userId: me!, otherId: other, state: 'FRIEND' as const, updatedAt },
        { userId: other, otherId: me!, state: 'FRIEND' as const, updatedAt },
      ];
    }),
  });
  return { me: me!, friends };
}

const reps = (typename: string, ids: readonly string[]) => ids.map((id) => ({ __typename: typename, id }));
const ENTITIES = (fragment: string) => `query($reps: [_Any!]!) { _entities(representations: $reps) { ${fragment} } }`;

// ---------------------------------------------------------------------------------------------
// The cases.

const CASES: GuardCase[] = [
  {
    name: 'users(ids:) with every per-player field, on the users subgraph',
    covers: ['Query.users'],
    via: 'users',
    sizes: [10, 100], // users(ids:) takes at most 100 ids
    query: `query($ids: [ID!]!) {
      users(ids: $ids) { id username displayName email role xp level xpIntoLevel xpForNextLevel friendState avatarUrl bio
        createdAt lastSeenAt wallet { balances { currency amount } } inventory { itemId quantity } }
    }`,
    async scenario(n) {
      const { me, friends } = await friendsOf(n - 1);
      return { viewer: player(me), variables: { ids: [me, ...friends] }, count: (d) => (d.users as unknown[]).filter(Boolean).length };
    },
  },
  {
    name: 'users(ids:) through the gateway: levels, achievements and guilds of every player',
    covers: ['Query.users', 'User.achievements'],
    via: 'gateway',
    sizes: [10, 100],
    query: `query($ids: [ID!]!) {
      users(ids: $ids) { id username level achievementPoints
        achievements { id status percent achievement { id name unlockedBy unlockPercentage } }
        guild { id name memberCount } guildRole }
    }`,
    fetches: { users: 1, achievements: 1, social: 1 },
    async scenario(n) {
      const ids = await players(n);
      await withProgress(ids);
      await guildOf(ids);
      return { viewer: player(ids[0]!), variables: { ids }, count: (d) => (d.users as { guild: unknown }[]).filter((u) => u?.guild).length };
    },
  },
  {
    name: 'User entities on the users subgraph',
    covers: ['_entities users.User'],
    via: 'users',
    sizes: [10, 1000],
    query: ENTITIES('... on User { id username displayName email xp level xpIntoLevel xpForNextLevel friendState lastSeenAt }'),
    async scenario(n) {
      const { me, friends } = await friendsOf(n - 1);
      return { viewer: player(me), variables: { reps: reps('User', [me, ...friends]) }, count: lengthAt('_entities') };
    },
  },
  {
    name: "a player's friends, on the users subgraph",
    covers: ['User.friends'],
    via: 'users',
    sizes: [10, 100], // a page holds at most 100
    query: `query($n: Int!) {
      me { friends(first: $n) { edges { cursor node { state updatedAt user { id username level friendState } } } pageInfo { hasNextPage } } }
    }`,
    async scenario(n) {
      const { me } = await friendsOf(n);
      return { viewer: player(me), variables: { n }, count: edgesAt('me.friends') };
    },
  },
  {
    name: 'the profile page through the gateway: friends with their scores and guilds',
    covers: ['User.friends', 'User.achievements'],
    via: 'gateway',
    sizes: [10, 100],
    query: `query($n: Int!) {
      me { level achievements { achievement { name rarity } } guild { name }
        friends(first: $n) { edges { node { user { username level achievementPoints guild { name } } } } } }
    }`,
    // One fetch per subgraph per entity path: the player's own fields, then all friends' at once.
    fetches: { users: 1, achievements: 2, social: 2 },
    async scenario(n) {
      const { me, friends } = await friendsOf(n);
      await withProgress([me, ...friends]);
      await guildOf([me, ...friends]);
      return { viewer: player(me), variables: { n }, count: edgesAt('me.friends') };
    },
  },
  {
    name: "a player's inventory",
    covers: ['User.inventory'],
    via: 'users',
    sizes: [10, 1000],
    query: `{ me { inventory { itemId quantity } } }`,
    async scenario(n) {
      const [me] = await players(1);
      await db().prisma.walletBalance.createMany({ data: range(n).map((i) => ({ userId: me!, asset: `item:guard_${i}`, balance: 1n })) });
      return { viewer: player(me!), variables: {}, count: lengthAt('me.inventory') };
    },
  },
  {
    name: "a player's ledger",
    covers: ['Wallet.ledger'],
    via: 'users',
    sizes: [10, 100], // a page holds at most 100
    query: `query($n: Int!) {
      me { wallet { balances { currency amount }
        ledger(first: $n) { edges { cursor node { id currency itemId amount balanceAfter reason reference createdAt } } pageInfo { hasNextPage } } } }
    }`,
    async scenario(n) {
      const [me] = await players(1);
      const assets = range(n).map((i) => `item:guard_${i}`);
      await db().sql.query(`SELECT * FROM wallet_apply($1::uuid, $2::uuid, $3, 'guard', NULL, $4::text[], $5::bigint[])`, [
        randomUUID(),
        me,
        randomUUID(),
        `{${assets.join(',')}}`,
        `{${assets.map(() => 1).join(',')}}`,
      ]);
      return { viewer: player(me!), variables: { n }, count: edgesAt('me.wallet.ledger') };
    },
  },
  {
    name: 'a wallet operation with many changes',
    covers: ['ApplyWalletOperationPayload.entries'],
    via: 'users',
    sizes: [10, 20], // an operation changes 1 to 20 assets
    query: `mutation($input: ApplyWalletOperationInput!) {
      applyWalletOperation(input: $input) { operationId replayed entries { id currency itemId amount balanceAfter reason reference createdAt } user { id level } }
    }`,
    async scenario(n) {
      const [operator, payee] = await players(2);
      const changes = range(n).map((i) => (i === 0 ? { currency: 'COINS', amount: 5 } : { itemId: `guard_${i}`, amount: 1 }));
      return {
        viewer: admin(operator!),
        variables: { input: { userId: payee, idempotencyKey: randomUUID(), reason: 'guard', changes } },
        count: lengthAt('applyWalletOperation.entries'),
      };
    },
  },
  {
    name: 'API keys (ADMIN)',
    covers: ['Query.apiKeys'],
    via: 'users',
    sizes: [10, 1000],
    query: `{ apiKeys { id name scopes createdAt revokedAt } }`,
    async scenario(n) {
      const [operator] = await players(1);
      const tag = tagOf();
      const ids = range(n).map(() => randomUUID());
      await db().prisma.apiKey.createMany({ data: ids.map((id, i) => ({ id, name: `${tag} ${i}`, secretHash: `${tag}_${i}`, scopes: ['REPORT_GAME_EVENTS'] })) });
      return {
        viewer: admin(operator!),
        variables: {},
        // Every key is listed (there is no paging): count this scenario's.
        count: (d) => (d.apiKeys as { name: string }[]).filter((k) => k.name.startsWith(tag)).length,
        cleanup: async () => void (await db().prisma.apiKey.deleteMany({ where: { id: { in: ids } } })),
      };
    },
  },
  {
    name: 'the achievements catalog, with prerequisites, rewards and unlock statistics',
    covers: ['Query.achievements', 'Achievement.rewards'],
    via: 'achievements',
    sizes: [10, 1000],
    query: `{
      achievements(category: CREATIVE, rarity: LEGENDARY) { id name description hidden points icon
        rewards { kind amount itemId } prerequisites { id name unlockedBy } unlockedBy unlockPercentage }
    }`,
    async scenario(n) {
      const existing = await db().prisma.achievementDefinition.count({ where: { category: 'CREATIVE', rarity: 'LEGENDARY' } });
      const { ids, cleanup } = await definitions(n);
      // The viewer unlocked some hidden ones, so masking reads their unlocks (once).
      const [me] = await players(1);
      await knownPlayers([me!]);
      await db().prisma.userAchievement.createMany({ data: ids.slice(0, 4).map((achievementId) => ({ userId: me!, achievementId })) });
      return { viewer: player(me!), variables: {}, count: (d) => lengthAt('achievements')(d) - existing, cleanup };
    },
  },
  {
    name: "an achievement's prerequisites",
    covers: ['Achievement.prerequisites'],
    via: 'achievements',
    sizes: [10, 1000],
    query: `query($id: ID!) {
      achievement(id: $id) { id prerequisites { id name description unlockedBy unlockPercentage prerequisites { id name } } }
    }`,
    async scenario(n) {
      const { ids, cleanup } = await definitions(n + 1);
      const [root, ...prerequisites] = ids;
      await db().prisma.achievementDefinition.update({ where: { id: root }, data: { prerequisites } });
      const [me] = await players(1);
      return { viewer: player(me!), variables: { id: root }, count: lengthAt('achievement.prerequisites'), cleanup };
    },
  },
  {
    name: "a player's achievements (unlocked and in progress)",
    covers: ['User.achievements'],
    via: 'achievements',
    sizes: [10, 1000],
    query: ENTITIES(`... on User { achievementPoints
      achievements { id status current target percent unlockedAt achievement { id name unlockedBy prerequisites { id } } } }`),
    async scenario(n) {
      const { ids, cleanup } = await definitions(n);
      const [me] = await players(1);
      await knownPlayers([me!]);
      const half = Math.floor(n / 2);
      await db().prisma.userAchievement.createMany({ data: ids.slice(0, half).map((achievementId) => ({ userId: me!, achievementId })) });
      await db().prisma.achievementProgress.createMany({
        data: ids.slice(half).map((achievementId) => ({ userId: me!, achievementId, state: { kind: 'count', total: 3, done: false }, current: 3, target: 10, completed: false, updatedAt: new Date() })),
      });
      return { viewer: player(me!), variables: { reps: reps('User', [me!]) }, count: lengthAt('_entities.0.achievements'), cleanup };
    },
  },
  {
    name: 'User entities on the achievements subgraph',
    covers: ['_entities achievements.User'],
    via: 'achievements',
    sizes: [10, 1000],
    query: ENTITIES(`... on User { id achievementPoints
      achievements { id status current target percent unlockedAt achievement { id name description unlockedBy prerequisites { id } } } }`),
    async scenario(n) {
      const ids = await players(n);
      await withProgress(ids);
      return { viewer: player(ids[0]!), variables: { reps: reps('User', ids) }, count: (d) => (d._entities as { achievements: unknown[] }[]).filter((u) => u.achievements.length === 2).length };
    },
  },
  {
    name: 'Achievement entities',
    covers: ['_entities achievements.Achievement'],
    via: 'achievements',
    sizes: [10, 1000],
    query: ENTITIES('... on Achievement { id name description points rewards { kind } prerequisites { id name } unlockedBy unlockPercentage }'),
    async scenario(n) {
      const { ids, cleanup } = await definitions(n);
      const [me] = await players(1);
      return { viewer: player(me!), variables: { reps: reps('Achievement', ids) }, count: (d) => (d._entities as unknown[]).filter(Boolean).length, cleanup };
    },
  },
  {
    name: "a player's notifications",
    covers: ['Query.notifications'],
    via: 'achievements',
    sizes: [10, 100], // a page holds at most 100
    query: `query($n: Int!) {
      notifications(first: $n) { edges { cursor node { id kind priority title body createdAt readAt achievement { id name unlockedBy } } } pageInfo { hasNextPage } }
    }`,
    async scenario(n) {
      const [me] = await players(1);
      const { ids, cleanup } = await definitions(n);
      await db().prisma.notification.createMany({
        data: ids.map((achievementId) => ({ id: randomUUID(), userId: me!, kind: 'ACHIEVEMENT_UNLOCKED', priority: 'LOW' as const, title: 'Unlocked', body: achievementId, achievementId })),
      });
      return { viewer: player(me!), variables: { n }, count: edgesAt('notifications'), cleanup };
    },
  },
  {
    name: 'recording game events that unlock achievements',
    covers: ['RecordGameEventsPayload.events', 'RecordedGameEvent.unlocked'],
    via: 'achievements',
    sizes: [10, 500], // at most 500 events per call
    query: `mutation($input: RecordGameEventsInput!) {
      recordGameEvents(input: $input) { events { id status unlocked { unlockedAt user { id } achievement { id name unlockedBy } } } }
    }`,
    async scenario(n) {
      const ids = await players(n);
      await knownPlayers(ids);
      const events = ids.map((userId) => ({ id: randomUUID(), userId, type: 'COMBAT_WON' }));
      return {
        viewer: service('REPORT_GAME_EVENTS'),
        variables: { input: { events } },
        count: (d) => (d.recordGameEvents as { events: { unlocked: unknown[] }[] }).events.filter((e) => e.unlocked.length === 1).length,
      };
    },
  },
  {
    name: 'recording game events through the gateway: who unlocked what',
    covers: ['RecordedGameEvent.unlocked'],
    via: 'gateway',
    sizes: [10, 500],
    query: `mutation($input: RecordGameEventsInput!) {
      recordGameEvents(input: $input) { events { id unlocked { achievement { name } user { username level } } } }
    }`,
    fetches: { achievements: 1, users: 1 },
    async scenario(n) {
      const ids = await players(n);
      await knownPlayers(ids);
      return {
        viewer: service('REPORT_GAME_EVENTS'),
        variables: { input: { events: ids.map((userId) => ({ id: randomUUID(), userId, type: 'COMBAT_WON' })) } },
        count: (d) => (d.recordGameEvents as { events: { unlocked: { user: { username: string } }[] }[] }).events.filter((e) => e.unlocked[0]?.user.username).length,
      };
    },
  },
  {
    name: 'User entities on the social subgraph (guilds)',
    covers: ['_entities social.User'],
    via: 'social',
    sizes: [10, 1000],
    query: ENTITIES('... on User { id guildRole guild { id name tag memberCount createdAt } }'),
    async scenario(n) {
      const ids = await players(n);
      await guildOf(ids);
      return { viewer: player(ids[0]!), variables: { reps: reps('User', ids) }, count: (d) => (d._entities as { guild: unknown }[]).filter((u) => u.guild).length };
    },
  },
  {
    name: 'Guild entities',
    covers: ['_entities social.Guild'],
    via: 'social',
    sizes: [10, 1000],
    query: ENTITIES('... on Guild { id name tag memberCount createdAt }'),
    async scenario(n) {
      const members = await players(n);
      const tag = tagOf();
      const ids = members.map(() => randomUUID());
      await db().prisma.guild.createMany({ data: ids.map((id, i) => ({ id, name: `${tag} ${i}`, nameKey: `${tag}_${i}`, tag: 'GRD' })) });
      // One member each: the member counts are read for every guild.
      await db().prisma.guildMember.createMany({ data: ids.map((guildId, i) => ({ userId: members[i]!, guildId, role: 'MASTER' as const })) });
      return { viewer: player(members[0]!), variables: { reps: reps('Guild', ids) }, count: (d) => (d._entities as { memberCount: number }[]).filter((g) => g?.memberCount === 1).length };
    },
  },
  {
    name: "a guild's members with their players' fields, through the gateway",
    covers: ['Guild.members'],
    via: 'gateway',
    sizes: [10, 100], // a page holds at most 100
    query: `query($g: ID!, $n: Int!) {
      guild(id: $g) { members(first: $n) { edges { cursor node { role permissions joinedAt user { id username level achievementPoints } } } pageInfo { hasNextPage } } }
    }`,
    // The guild and its page from social, then every member's fields in one fetch per subgraph.
    fetches: { social: 1, users: 1, achievements: 1 },
    async scenario(n) {
      const ids = await players(n);
      const guildId = await guildOf(ids);
      return { viewer: player(ids[0]!), variables: { g: guildId, n }, count: edgesAt('guild.members') };
    },
  },
  {
    name: 'guild search, with member counts',
    covers: ['Query.searchGuilds'],
    via: 'social',
    sizes: [10, 100],
    query: `query($text: String!, $n: Int!) { searchGuilds(text: $text, hasSpace: true, first: $n) { edges { cursor node { id name tag level xp memberCount } } } }`,
    async scenario(n) {
      const masters = await players(n);
      const word = `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      await db().prisma.guild.createMany({ data: masters.map((_, i) => ({ name: `${word} ${i}`, nameKey: `${word}_${i}`, tag: 'GRD' })) });
      const guilds = await db().prisma.guild.findMany({ where: { nameKey: { startsWith: word } }, select: { id: true } });
      await db().prisma.guildMember.createMany({ data: guilds.map((g, i) => ({ userId: masters[i]!, guildId: g.id, role: 'MASTER' as const })) });
      return { viewer: player(masters[0]!), variables: { text: word, n }, count: edgesAt('searchGuilds') };
    },
  },
  {
    name: 'guilds found by search, each with its wars and both sides of each war',
    covers: ['Guild.wars'],
    via: 'social',
    sizes: [10, 100],
    query: `query($text: String!, $n: Int!) { searchGuilds(text: $text, first: $n) { edges { node { id
      wars(first: 5) { edges { cursor node { id status attackerPoints attacker { id name memberCount } defender { id name memberCount } winner { id } } } } } } } }`,
    async scenario(n) {
      const word = `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const rival = randomUUID();
      await db().prisma.guild.create({ data: { id: rival, name: `rival ${rival}`, nameKey: `rival_${rival}`, tag: 'RIV' } });
      const ids = range(n).map(() => randomUUID());
      await db().prisma.guild.createMany({ data: ids.map((id, i) => ({ id, name: `${word} ${i}`, nameKey: `${word}_${i}`, tag: 'GRD' })) });
      // Every guild attacked the rival (who is not among the found: its name lacks the word).
      const at = new Date();
      await db().prisma.guildWar.createMany({
        data: ids.map((attackerId) => ({ attackerId, defenderId: rival, declaredBy: randomUUID(), declaredAt: at, startsAt: at, endsAt: at })),
      });
      return {
        viewer: { userId: null, role: null },
        variables: { text: word, n },
        count: (d) => ((d.searchGuilds as { edges: { node: { wars: { edges: unknown[] } } }[] }).edges.filter((e) => e.node.wars.edges.length === 1)).length,
      };
    },
  },
  {
    name: 'guilds found by search, each with its drives and their top contributors',
    covers: ['Guild.drives', 'ContributionDrive.topContributors'],
    via: 'social',
    sizes: [10, 100],
    query: `query($text: String!, $n: Int!) { searchGuilds(text: $text, first: $n) { edges { node { id
      drives { id status goal raised topContributors(first: 5) { coins user { id } } startedBy { id } } } } } }`,
    async scenario(n) {
      const word = `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const ids = range(n).map(() => randomUUID());
      await db().prisma.guild.createMany({ data: ids.map((id, i) => ({ id, name: `${word} ${i}`, nameKey: `${word}_${i}`, tag: 'GRD' })) });
      const at = new Date();
      const drives = ids.map((guildId) => ({ id: randomUUID(), guildId, startedBy: randomUUID(), status: 'COMPLETED' as const, goal: 100, raised: 150n, bonusXp: 20, contributorCount: 2, startedAt: at, endsAt: at, endedAt: at }));
      await db().prisma.guildContributionDrive.createMany({ data: drives });
      await db().prisma.guildDriveContribution.createMany({
        data: drives.flatMap((d) => [100n, 50n].map((coins) => ({ driveId: d.id, userId: randomUUID(), coins, updatedAt: at }))),
      });
      type Found = { node: { drives: { topContributors: unknown[] }[] } };
      return {
        viewer: { userId: null, role: null },
        variables: { text: word, n },
        count: (d) => (d.searchGuilds as { edges: Found[] }).edges.filter((e) => e.node.drives.length === 1 && e.node.drives[0]!.topContributors.length === 2).length,
      };
    },
  },
  {
    name: "guilds found by search, each with its wars and both sides' top scorers",
    covers: ['GuildWar.attackerTopScorers', 'GuildWar.defenderTopScorers'],
    via: 'social',
    sizes: [10, 100],
    query: `query($text: String!, $n: Int!) { searchGuilds(text: $text, first: $n) { edges { node { id
      wars(first: 5) { edges { node { id attackerTopScorers(first: 3) { points wins user { id } } defenderTopScorers(first: 3) { points user { id } } } } } } } } }`,
    async scenario(n) {
      const word = `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const rival = randomUUID();
      await db().prisma.guild.create({ data: { id: rival, name: `rival ${rival}`, nameKey: `rival_${rival}`, tag: 'RIV' } });
      const ids = range(n).map(() => randomUUID());
      await db().prisma.guild.createMany({ data: ids.map((id, i) => ({ id, name: `${word} ${i}`, nameKey: `${word}_${i}`, tag: 'GRD' })) });
      const at = new Date();
      const wars = ids.map((attackerId) => ({ id: randomUUID(), attackerId, defenderId: rival, declaredBy: randomUUID(), declaredAt: at, startsAt: at, endsAt: at }));
      await db().prisma.guildWar.createMany({ data: wars });
      // One scorer on each side of every war.
      await db().prisma.guildWarScore.createMany({
        data: wars.flatMap((w) => [w.attackerId, rival].map((guildId) => ({ warId: w.id, eventId: randomUUID(), guildId, userId: randomUUID(), kind: 'COMBAT_WON', points: 10, occurredAt: at }))),
      });
      type Found = { node: { wars: { edges: { node: { attackerTopScorers: unknown[]; defenderTopScorers: unknown[] } }[] } } };
      return {
        viewer: { userId: null, role: null },
        variables: { text: word, n },
        count: (d) =>
          (d.searchGuilds as { edges: Found[] }).edges.filter((e) => e.node.wars.edges.length === 1 && e.node.wars.edges[0]!.node.attackerTopScorers.length === 1 && e.node.wars.edges[0]!.node.defenderTopScorers.length === 1).length,
      };
    },
  },
  {
    name: "a guild's pending join requests, for its master",
    covers: ['Guild.joinRequests'],
    via: 'social',
    sizes: [10, 100],
    query: `query($g: ID!, $n: Int!) { guild(id: $g) { joinRequests(first: $n) { edges { cursor node { id createdAt user { id } guild { id name } } } } } }`,
    async scenario(n) {
      const [master, ...askers] = await players(n + 1);
      const guildId = await guildOf([master!]);
      await db().prisma.guildJoinRequest.createMany({ data: askers.map((userId) => ({ guildId, userId })) });
      return { viewer: player(master!), variables: { g: guildId, n }, count: edgesAt('guild.joinRequests') };
    },
  },
  {
    name: "a player's guild inbox",
    covers: ['User.guildNotifications'],
    via: 'social',
    sizes: [10, 100],
    query: `query($reps: [_Any!]!, $n: Int!) { _entities(representations: $reps) { ... on User { guildNotifications(first: $n) { edges { cursor node { id kind guildId guildName requestId createdAt subject { id } } } } } } }`,
    async scenario(n) {
      const [me, ...askers] = await players(n + 1);
      const guildId = randomUUID();
      await db().prisma.guildNotification.createMany({ data: askers.map((subjectId) => ({ userId: me!, kind: 'JOIN_REQUESTED' as const, guildId, guildName: 'Guard', subjectId })) });
      return { viewer: player(me!), variables: { reps: reps('User', [me!]), n }, count: edgesAt('_entities.0.guildNotifications') };
    },
  },
  {
    name: 'ChatMessage entities',
    covers: ['_entities social.ChatMessage'],
    via: 'social',
    sizes: [10, 1000],
    query: ENTITIES('... on ChatMessage { id text sentAt cursor author { id } room { id name } }'),
    async scenario(n) {
      const seeded = await rooms(n, 1);
      const messages = await db().prisma.chatMessage.findMany({ where: { roomId: { in: seeded.ids } }, select: { id: true } });
      return {
        viewer: player(seeded.authors[0]!),
        variables: { reps: reps('ChatMessage', messages.map((m) => m.id)) },
        count: (d) => (d._entities as unknown[]).filter(Boolean).length,
        cleanup: seeded.cleanup,
      };
    },
  },
  {
    name: "a chat room's online members through the gateway, with their profiles",
    covers: ['ChatRoom.onlineMembers'],
    via: 'gateway',
    sizes: [10, 100], // onlineMembers(first:) takes at most 100
    query: `query($id: ID!, $n: Int!) { chatRoom(id: $id) { onlineCount onlineMembers(first: $n) { id username level } } }`,
    fetches: { social: 1, users: 1 },
    async scenario(n) {
      const ids = await players(n);
      const room = await db().prisma.chatRoom.create({ data: { name: tagOf(), kind: 'GLOBAL', maxMembers: 1000 } });
      // Presence is in Redis: each player's heartbeat, through the subgraph, before the measured call.
      for (const id of ids) {
        const beat = await platform.subgraphs.social.execute(player(id), 'mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { onlineUntil } }', { ids: [room.id] });
        expect(beat.errors).toBeUndefined();
      }
      return {
        viewer: player(ids[0]!),
        variables: { id: room.id, n },
        count: (d) => (lengthAt('chatRoom.onlineMembers')(d) === (d.chatRoom as { onlineCount: number }).onlineCount ? lengthAt('chatRoom.onlineMembers')(d) : -1),
        cleanup: async () => void (await db().prisma.chatRoom.delete({ where: { id: room.id } })),
      };
    },
  },
  {
    name: "heartbeat and goOffline's rooms with their presence, public and party rooms, on the social subgraph",
    covers: ['HeartbeatPayload.rooms', 'GoOfflinePayload.rooms'],
    via: 'social',
    sizes: [10, 20], // at most 20 rooms per call
    query: `mutation($ids: [ID!]!) {
      heartbeat(input: { roomIds: $ids }) { onlineUntil rooms { id name onlineCount onlineMembers(first: 5) { id } } }
      goOffline(input: { roomIds: $ids }) { rooms { id onlineCount } }
    }`,
    async scenario(n) {
      const [me] = await players(1);
      const tag = tagOf();
      const ids = range(n).map(() => randomUUID());
      // Every other room a party the player belongs to: who may read it is a membership read.
      await db().prisma.chatRoom.createMany({ data: ids.map((id, i) => ({ id, name: `${tag} ${i}`, kind: i % 2 ? ('PARTY' as const) : ('GLOBAL' as const), maxMembers: 10 })) });
      await db().prisma.chatRoomMember.createMany({ data: ids.filter((_, i) => i % 2).map((roomId) => ({ roomId, userId: me! })) });
      type Rooms = { rooms: { onlineCount: number }[] };
      return {
        viewer: player(me!),
        variables: { ids },
        count: (d) => {
          const [online, offline] = [(d.heartbeat as Rooms).rooms, (d.goOffline as Rooms).rooms];
          return online.filter((r) => r.onlineCount === 1).length === offline.filter((r) => r.onlineCount === 0).length ? online.length : -1;
        },
        cleanup: async () => void (await db().prisma.chatRoom.deleteMany({ where: { id: { in: ids } } })),
      };
    },
  },
  {
    name: "a player's parties with their latest messages, members and own membership",
    covers: ['Query.chatRooms', 'ChatRoom.members', 'ChatRoom.messages'],
    via: 'social',
    sizes: [10, 100], // a page holds at most 100
    query: `query($n: Int!) {
      chatRooms(kind: PARTY, first: $n) { edges { cursor node { id name kind memberCount createdAt viewerMembership { role joinedAt }
        members(first: 5) { role joinedAt user { id } }
        messages(last: 3) { edges { cursor node { id kind text sentAt cursor author { id } room { id name } } } pageInfo { hasPreviousPage } } } }
        pageInfo { hasNextPage } }
    }`,
    async scenario(n) {
      const party = await players(4);
      const { cleanup } = await memberRooms('PARTY', range(n).map(() => party));
      type Party = { node: { viewerMembership: { role: string } | null; members: unknown[]; messages: { edges: unknown[] } } };
      return {
        viewer: player(party[0]!),
        variables: { n },
        count: (d) =>
          (d.chatRooms as { edges: Party[] }).edges.filter(({ node }) => node.viewerMembership?.role === 'OWNER' && node.members.length === 4 && node.messages.edges.length === 3).length,
        cleanup,
      };
    },
  },
  {
    name: "a player's private conversations with the other player's read marks",
    covers: ['Query.chatRooms', 'ChatRoom.readReceipts'],
    via: 'social',
    sizes: [10, 100],
    query: `query($n: Int!) {
      chatRooms(kind: PRIVATE, first: $n) { edges { node { id readReceipts { lastReadCursor readAt user { id } }
        messages(last: 1) { edges { node { id cursor author { id } } } } } } }
    }`,
    async scenario(n) {
      const [me, ...others] = await players(n + 1);
      const { cleanup } = await memberRooms('PRIVATE', others.map((other) => [me!, other]));
      type Conversation = { node: { readReceipts: { lastReadCursor: string | null; user: { id: string } }[]; messages: { edges: { node: { cursor: string } }[] } } };
      return {
        viewer: player(me!),
        variables: { n },
        // The other player read up to the newest message (their own).
        count: (d) =>
          (d.chatRooms as { edges: Conversation[] }).edges.filter(
            ({ node }) => node.readReceipts.length === 1 && node.readReceipts[0]!.user.id !== me && node.readReceipts[0]!.lastReadCursor === node.messages.edges[0]?.node.cursor,
          ).length,
        cleanup,
      };
    },
  },
  {
    name: "a guild room's messages, for a member",
    covers: ['ChatRoom.messages'],
    via: 'social',
    sizes: [10, 100], // a page holds at most 100
    query: `query($id: ID!, $n: Int!) {
      chatRoom(id: $id) { id messages(last: $n) { edges { cursor node { id kind text originalText sentAt editedAt deletedAt cursor
        author { id } subject { id } room { id name kind } } } pageInfo { hasPreviousPage startCursor } } }
    }`,
    async scenario(n) {
      const authors = await players(n);
      const { ids, cleanup } = await memberRooms('GUILD', [authors], await guildOf(authors));
      return { viewer: player(authors[0]!), variables: { id: ids[0], n }, count: edgesAt('chatRoom.messages'), cleanup };
    },
  },
  {
    name: 'the chat page through the gateway: a guild room with its authors, their levels, scores and guild',
    covers: ['ChatRoom.messages'],
    via: 'gateway',
    sizes: [10, 100],
    query: `query($id: ID!, $n: Int!) {
      chatRoom(id: $id) { name messages(last: $n) { edges { node { text sentAt author { username displayName level achievementPoints guild { name } } } } } }
    }`,
    // The room, its page and the authors' guilds from social; every author's fields once from users and achievements.
    fetches: { social: 1, users: 1, achievements: 1 },
    async scenario(n) {
      const authors = await players(n);
      await withProgress(authors);
      const { ids, cleanup } = await memberRooms('GUILD', [authors], await guildOf(authors));
      type Page = { messages: { edges: { node: { author: { username: string; guild: { name: string } | null } | null } }[] } };
      return {
        viewer: player(authors[0]!),
        variables: { id: ids[0], n },
        count: (d) => (d.chatRoom as Page).messages.edges.filter(({ node }) => node.author?.username && node.author.guild?.name).length,
        cleanup,
      };
    },
  },
  {
    name: 'ChatRoom entities, for a member of each',
    covers: ['_entities social.ChatRoom', 'ChatRoom.messages', 'ChatRoom.members'],
    via: 'social',
    sizes: [10, 1000],
    query: ENTITIES(`... on ChatRoom { id name kind memberCount viewerMembership { role } members(first: 2) { role user { id } }
      messages(last: 2) { edges { node { id author { id } room { id } } } } }`),
    async scenario(n) {
      const [me, ...others] = await players(n + 1);
      const { ids, cleanup } = await memberRooms('PARTY', others.map((other) => [me!, other]));
      type Room = { members: unknown[]; messages: { edges: unknown[] } } | null;
      return {
        viewer: player(me!),
        variables: { reps: reps('ChatRoom', ids) },
        count: (d) => (d._entities as Room[]).filter((r) => r?.members.length === 2 && r.messages.edges.length === 2).length,
        cleanup,
      };
    },
  },
  {
    name: "joining a room answers its newest messages",
    covers: ['JoinRoomPayload.messages'],
    via: 'social',
    sizes: [10, 50], // joinRoom answers the newest 50
    query: `mutation($id: ID!) {
      joinRoom(input: { roomId: $id }) { joined room { id memberCount } messages { id kind text sentAt cursor author { id } subject { id } room { id name } } }
    }`,
    async scenario(n) {
      // n - 1 messages by as many players, then the joiner's own join message.
      const [me, ...authors] = await players(n);
      await db().prisma.chatPlayer.create({ data: { userId: me!, displayName: 'Guard joiner' } });
      const room = await db().prisma.chatRoom.create({ data: { name: tagOf(), kind: 'GLOBAL', maxMembers: 1000 } });
      await db().prisma.chatMessage.createMany({ data: authors.map((authorId, i) => ({ roomId: room.id, authorId, text: `message ${i}` })) });
      await db().sql.query(`UPDATE chat_rooms r SET last_seq = (SELECT max(seq) FROM chat_messages m WHERE m.room_id = r.id) WHERE r.id = $1::uuid`, [room.id]);
      type Joined = { joined: boolean; messages: { kind: string; subject: { id: string } | null }[] };
      return {
        viewer: player(me!),
        variables: { id: room.id },
        count: (d) => {
          const { joined, messages } = d.joinRoom as Joined;
          return joined && messages.at(-1)?.kind === 'MEMBER_JOINED' && messages.at(-1)?.subject?.id === me ? messages.length : -1;
        },
        cleanup: async () => void (await db().prisma.chatRoom.delete({ where: { id: room.id } })),
      };
    },
  },
  {
    name: 'the moderation queue (MODERATOR)',
    covers: ['Query.chatReports'],
    via: 'social',
    sizes: [10, 100], // a page holds at most 100
    query: `query($n: Int!) {
      chatReports(first: $n) { edges { cursor node { id reason status createdAt resolvedAt resolution reporter { id } resolvedBy { id }
        message { id text originalText cursor author { id } room { id name kind } } } } pageInfo { hasNextPage } }
    }`,
    async scenario(n) {
      const [moderator, reporter, ...authors] = await players(n + 2);
      const { ids: rooms, cleanup } = await memberRooms('GUILD', [[reporter!, ...authors]], await guildOf([reporter!, ...authors]));
      const messages = await db().prisma.chatMessage.findMany({ where: { roomId: rooms[0], authorId: { in: authors } }, orderBy: { seq: 'asc' } });
      const tag = tagOf();
      // Older than any report another test left: this scenario's come first in the queue (oldest first).
      const base = Date.UTC(2001, 0, 1);
      const reports = messages.map((m, i) => ({ id: randomUUID(), messageId: m.id, roomId: m.roomId, reporterId: reporter!, reason: `${tag} ${i}`, createdAt: new Date(base + i) }));
      await db().prisma.chatReport.createMany({ data: reports });
      type Report = { node: { reason: string; message: { room: { id: string } } } };
      return {
        viewer: { userId: moderator!, role: 'MODERATOR' },
        variables: { n },
        count: (d) => (d.chatReports as { edges: Report[] }).edges.filter(({ node }) => node.reason.startsWith(tag) && node.message.room.id === rooms[0]).length,
        cleanup: async () => {
          await db().prisma.chatReport.deleteMany({ where: { id: { in: reports.map((r) => r.id) } } });
          await cleanup();
        },
      };
    },
  },
  {
    name: "a player's rooms with their unread counts and newest messages",
    covers: ['User.chatRooms'],
    via: 'social',
    sizes: [10, 100], // at most 100 rooms
    query: `query($reps: [_Any!]!, $n: Int!) { _entities(representations: $reps) { ... on User {
      chatRooms(first: $n) { unreadCount lastMessage { id text cursor sentAt author { id } room { id } } room { id name kind memberCount viewerMembership { role } } } } } }`,
    async scenario(n) {
      const [me, ...others] = await players(n + 1);
      const { cleanup } = await memberRooms('PARTY', others.map((other) => [me!, other]));
      type Mine = { unreadCount: number; lastMessage: { author: { id: string } } | null };
      return {
        viewer: player(me!),
        variables: { reps: reps('User', [me!]), n },
        // In each, the other member's message is unread and the newest.
        count: (d) => ((d._entities as { chatRooms: Mine[] }[])[0]!.chatRooms.filter((r) => r.unreadCount === 1 && r.lastMessage?.author.id !== me)).length,
        cleanup,
      };
    },
  },
  {
    name: "a player's chat list through the gateway: unread counts and who wrote last",
    covers: ['User.chatRooms'],
    via: 'gateway',
    sizes: [10, 100],
    query: `query($n: Int!) {
      me { username chatRooms(first: $n) { unreadCount room { name memberCount } lastMessage { text sentAt author { username displayName level } } } }
    }`,
    // The viewer from users, their rooms from social, then every last author at once from users.
    fetches: { users: 2, social: 1 },
    async scenario(n) {
      const [me, ...others] = await players(n + 1);
      const { cleanup } = await memberRooms('PARTY', others.map((other) => [me!, other]));
      type Mine = { unreadCount: number; lastMessage: { author: { username: string } | null } | null };
      return {
        viewer: player(me!),
        variables: { n },
        count: (d) => (d.me as { chatRooms: Mine[] }).chatRooms.filter((r) => r.unreadCount === 1 && r.lastMessage?.author?.username).length,
        cleanup,
      };
    },
  },
  {
    name: 'tournaments',
    covers: ['Query.tournaments'],
    via: 'tournaments',
    sizes: [10, 100], // a page holds at most 100
    query: `query($n: Int!) {
      tournaments(status: CANCELLED, first: $n) { edges { cursor node { id name description format status maxParticipants minParticipants entryFee startsAt createdAt } } }
    }`,
    async scenario(n) {
      const ids = await tournaments(n);
      return { viewer: player(randomUUID()), variables: { n }, count: edgesAt('tournaments'), cleanup: async () => void (await db().prisma.tournament.deleteMany({ where: { id: { in: ids } } })) };
    },
  },
  {
    name: 'Tournament entities',
    covers: ['_entities tournaments.Tournament'],
    via: 'tournaments',
    sizes: [10, 1000],
    query: ENTITIES('... on Tournament { id name format status startsAt entryFee }'),
    async scenario(n) {
      const ids = await tournaments(n);
      return {
        viewer: player(randomUUID()),
        variables: { reps: reps('Tournament', ids) },
        count: (d) => (d._entities as unknown[]).filter(Boolean).length,
        cleanup: async () => void (await db().prisma.tournament.deleteMany({ where: { id: { in: ids } } })),
      };
    },
  },
  {
    name: "a tournament's bracket with its players' names, through the gateway",
    covers: ['Tournament.bracket', 'BracketRound.matches'],
    via: 'gateway',
    sizes: [10, 1000],
    query: `query($id: ID!) { tournament(id: $id) { bracket { side round matches { key status score playerA { id username } playerB { id username } winner { id } } } } }`,
    fetches: { tournaments: 1, users: 2 }, // one per entity path: playerA's names, playerB's names
    async scenario(n) {
      const userIds = await players(n);
      const [id] = await tournaments(1);
      const seat = (source: { seed: number } | object) => ('seed' in source ? userIds[source.seed - 1]! : null);
      await db().prisma.tournamentMatch.createMany({
        data: singleElimination(n).map((m) => ({ tournamentId: id!, key: m.key, side: m.side, round: m.round, position: m.position, sourceA: m.players[0], sourceB: m.players[1], playerA: seat(m.players[0]), playerB: seat(m.players[1]) })),
      });
      return {
        viewer: player(randomUUID()),
        variables: { id },
        // Every player is seated once, in round one or (with a bye) round two: n players named.
        count: (d) => {
          type Seat = { id: string; username: string } | null;
          const matches = (d.tournament as { bracket: { matches: { playerA: Seat; playerB: Seat }[] }[] }).bracket.flatMap((r) => r.matches);
          return new Set(matches.flatMap((m) => [m.playerA, m.playerB]).filter((p) => p?.username).map((p) => p!.id)).size;
        },
        cleanup: async () => {
          await db().prisma.tournamentMatch.deleteMany({ where: { tournamentId: id! } });
          await db().prisma.tournament.deleteMany({ where: { id: id! } });
        },
      };
    },
  },
  {
    name: 'searched tournaments with their pools, standings and figures',
    covers: ['Query.searchTournaments'],
    via: 'tournaments',
    sizes: [10, 100], // a page holds at most 100
    query: `query($text: String!, $n: Int!) {
      searchTournaments(text: $text, first: $n) { edges { cursor node { id name participantCount prizePool { total } standings { placement prize player { id } } analytics { totalMatches upsets longestMatch { key } } } } }
    }`,
    async scenario(n) {
      const tag = tagOf();
      const ids = range(n).map(() => randomUUID());
      await db().prisma.tournament.createMany({
        data: ids.map((id, i) => ({ id, name: `${tag} cup ${i}`, format: 'SWISS', status: 'COMPLETED', maxParticipants: 8, minParticipants: 2, startsAt: new Date(Date.UTC(2990, 0, 1, 0, i)) })),
      });
      const [first, second] = await players(2);
      await db().prisma.tournamentEntry.createMany({
        data: ids.flatMap((tournamentId) => [first!, second!].map((userId, i) => ({ tournamentId, userId, attempt: 1, status: 'ACTIVE' as const, fee: 10, rating: 1, seed: i + 1, placement: i + 1, prize: 10 - i * 10 }))),
      });
      return {
        viewer: player(randomUUID()),
        variables: { text: tag, n },
        count: (d) => (d.searchTournaments as { edges: { node: { standings: unknown[] } }[] }).edges.filter((e) => e.node.standings.length === 2).length,
        cleanup: async () => {
          await db().prisma.tournamentEntry.deleteMany({ where: { tournamentId: { in: ids } } });
          await db().prisma.tournament.deleteMany({ where: { id: { in: ids } } });
        },
      };
    },
  },
  {
    name: "a ladder's ranking with its players' names, through the gateway",
    covers: ['Tournament.ladder'],
    via: 'gateway',
    sizes: [10, 1000],
    query: `query($id: ID!) { tournament(id: $id) { ladder { id username } } }`,
    fetches: { tournaments: 1, users: 1 },
    async scenario(n) {
      const userIds = await players(n);
      const id = randomUUID();
      await db().prisma.tournament.create({ data: { id, name: tagOf(), format: 'LADDER', status: 'IN_PROGRESS', maxParticipants: 1024, minParticipants: 2, ladderRange: 3, startsAt: new Date(Date.UTC(2990, 0, 1)) } });
      await db().prisma.tournamentEntry.createMany({ data: userIds.map((userId, i) => ({ tournamentId: id, userId, attempt: 1, status: 'ACTIVE' as const, fee: 0, rating: 1, seed: i + 1 })) });
      // One decided challenge: the last player took the first place.
      await db().prisma.tournamentMatch.create({
        data: { tournamentId: id, key: 'LD1', side: 'LADDER', round: 1, position: 1, sourceA: { seed: n }, sourceB: { seed: 1 }, playerA: userIds[n - 1]!, playerB: userIds[0]!, status: 'COMPLETED', winnerId: userIds[n - 1]!, completedAt: new Date() },
      });
      return {
        viewer: player(randomUUID()),
        variables: { id },
        count: (d) => (d.tournament as { ladder: { username: string | null }[] }).ladder.filter((u) => u.username).length,
        cleanup: async () => {
          await db().prisma.tournamentMatch.deleteMany({ where: { tournamentId: id } });
          await db().prisma.tournamentEntry.deleteMany({ where: { tournamentId: id } });
          await db().prisma.tournament.deleteMany({ where: { id } });
        },
      };
    },
  },
  {
    name: "a tournament's standings with its players' names, through the gateway",
    covers: ['Tournament.standings'],
    via: 'gateway',
    sizes: [10, 1000],
    query: `query($id: ID!) { tournament(id: $id) { standings { placement prize player { id username } } } }`,
    fetches: { tournaments: 1, users: 1 },
    async scenario(n) {
      const userIds = await players(n);
      const [id] = await tournaments(1);
      await db().prisma.tournamentEntry.createMany({
        data: userIds.map((userId, i) => ({ tournamentId: id!, userId, attempt: 1, status: 'ACTIVE' as const, fee: 0, rating: 1, seed: i + 1, placement: i + 1, prize: i === 0 ? 100 : 0 })),
      });
      return {
        viewer: player(randomUUID()),
        variables: { id },
        count: (d) => (d.tournament as { standings: { player: { username: string } | null }[] }).standings.filter((s) => s.player?.username).length,
        cleanup: async () => {
          await db().prisma.tournamentEntry.deleteMany({ where: { tournamentId: id! } });
          await db().prisma.tournament.deleteMany({ where: { id: id! } });
        },
      };
    },
  },
  {
    name: 'an hourly event metric (ADMIN)',
    covers: ['EventMetric.buckets'],
    via: 'analytics',
    sizes: [10, 744], // hourly buckets cover at most 31 days
    query: `query($name: String!, $from: DateTime!, $to: DateTime!) {
      eventMetric(name: $name, from: $from, to: $to, interval: HOUR) { name total buckets { start count } }
    }`,
    async scenario(n) {
      const name = tagOf();
      const from = new Date('2026-06-01T00:00:00.000Z');
      const hour = (i: number) => new Date(from.getTime() + i * 3_600_000);
      await db().prisma.analyticsEvent.createMany({ data: range(n).map((i) => ({ id: randomUUID(), name, occurredAt: hour(i) })) });
      const [operator] = await players(1);
      return { viewer: admin(operator!), variables: { name, from: from.toISOString(), to: hour(n).toISOString() }, count: lengthAt('eventMetric.buckets') };
    },
  },
  {
    name: 'daily activity over many days (ADMIN)',
    covers: ['Query.dailyActivity'],
    via: 'analytics',
    sizes: [10, 366], // at most 366 days
    query: `query($from: DateTime!, $to: DateTime!) { dailyActivity(from: $from, to: $to) { day events activePlayers newPlayers } }`,
    async scenario(n) {
      const type = tagOf().toUpperCase();
      const from = new Date('1981-01-01T00:00:00.000Z');
      const day = (i: number) => new Date(from.getTime() + i * 86_400_000);
      await db().prisma.analyticsDailyRollup.createMany({ data: range(n).map((i) => ({ day: day(i), eventType: type, events: 1 })) });
      const [operator] = await players(1);
      return { viewer: admin(operator!), variables: { from: from.toISOString(), to: day(n).toISOString() }, count: lengthAt('dailyActivity') };
    },
  },
  {
    name: 'retention cohorts over many days (ADMIN)',
    covers: ['Query.retentionCohorts', 'RetentionCohort.retained'],
    via: 'analytics',
    sizes: [10, 92], // at most 92 days
    query: `query($from: DateTime!, $to: DateTime!) { retentionCohorts(from: $from, to: $to) { day players retained { day players rate } } }`,
    async scenario(n) {
      const from = new Date('1982-01-01T00:00:00.000Z');
      const day = (i: number) => new Date(from.getTime() + i * 86_400_000);
      const ids = range(n).map(() => randomUUID());
      await db().prisma.analyticsPlayer.createMany({ data: ids.map((userId, i) => ({ userId, firstSeenAt: day(i), lastSeenAt: day(i + 1), events: 2 })) });
      await db().prisma.analyticsDailyPlayer.createMany({ data: ids.flatMap((userId, i) => [{ day: day(i), userId, events: 1 }, { day: day(i + 1), userId, events: 1 }]) });
      const [operator] = await players(1);
      return { viewer: admin(operator!), variables: { from: from.toISOString(), to: day(n).toISOString() }, count: lengthAt('retentionCohorts') };
    },
  },
  {
    name: 'the live dashboard’s events by type (ADMIN)',
    covers: ['RealtimeMetrics.eventsByType'],
    via: 'analytics',
    sizes: [10, 1000],
    query: `{ realtimeMetrics { activePlayers eventsByType { eventType count } } }`,
    async scenario(n) {
      const tag = tagOf().toUpperCase();
      // A slice a minute before the window's end: inside the window for the next four minutes.
      const slice = new Date(Math.floor(Date.now() / 30_000) * 30_000 - 60_000);
      await db().prisma.analyticsWindowSlice.createMany({ data: range(n).map((i) => ({ sliceStart: slice, eventType: `${tag}_${i}`, events: 1 })) });
      const [operator] = await players(1);
      return {
        viewer: admin(operator!),
        variables: {},
        count: (data) => (data.realtimeMetrics as { eventsByType: { eventType: string }[] }).eventsByType.filter((e) => e.eventType.startsWith(tag)).length,
        cleanup: async () => void (await db().prisma.analyticsWindowSlice.deleteMany({ where: { eventType: { startsWith: tag } } })),
      };
    },
  },
  {
    name: 'a player’s events by type',
    covers: ['PlayerMetrics.eventsByType'],
    via: 'analytics',
    sizes: [10, 1000],
    query: `query($u: ID!) { playerMetrics(userId: $u) { events sessions engagementScore eventsByType { eventType count } } }`,
    async scenario(n) {
      const userId = randomUUID();
      const tag = tagOf().toUpperCase();
      await db().prisma.analyticsPlayer.create({ data: { userId, firstSeenAt: new Date(), lastSeenAt: new Date(), events: n } });
      await db().prisma.analyticsPlayerEventCount.createMany({ data: range(n).map((i) => ({ userId, eventType: `${tag}_${i}`, events: 1 })) });
      return { viewer: player(userId), variables: { u: userId }, count: lengthAt('playerMetrics.eventsByType') };
    },
  },
  {
    name: 'leaderboards by id',
    covers: ['Query.leaderboards'],
    via: 'tournaments',
    sizes: [10, 100],
    query: `query($after: ID!, $n: Int) { leaderboards(first: $n, after: $after) { id title sortOrder operator follows metadata nextResetAt } }`,
    async scenario(n) {
      const tag = tagOf().replace('_', '-');
      const ids = await leaderboards(n, tag);
      return { viewer: player(randomUUID()), variables: { after: tag, n }, count: lengthAt('leaderboards'), cleanup: () => dropLeaderboards(ids) };
    },
  },
  {
    name: "a leaderboard's top and around, with players' names, through the gateway",
    covers: ['Leaderboard.top', 'LeaderboardPeriod.top', 'Leaderboard.around', 'LeaderboardPeriod.around'],
    via: 'gateway',
    sizes: [10, 100],
    query: `query($id: ID!, $n: Int, $half: Int, $u: ID!) { leaderboard(id: $id) {
      top(first: $n) { edges { node { rank score subscore metadata submissions updatedAt player { id username } } } }
      around(userId: $u, n: $half) { rank score metadata player { id username } }
      period(previous: 0) { recordCount top(first: $n) { edges { node { rank metadata player { id } } } } around(userId: $u, n: $half) { rank submissions } }
    } }`,
    fetches: { tournaments: 1, users: 2 }, // one per entity path: top's players, around's players
    async scenario(n) {
      const userIds = await players(n);
      const [id] = await leaderboards(1, tagOf().replace('_', '-'));
      const period = await db().prisma.leaderboardPeriod.findFirstOrThrow({ where: { leaderboardId: id! } });
      await db().prisma.leaderboardRecord.createMany({ data: userIds.map((userId, i) => ({ periodId: period.id, userId, score: i, metadata: { i } })) });
      return {
        viewer: player(randomUUID()),
        variables: { id, n, half: Math.floor(n / 2), u: userIds[Math.floor(n / 2)] },
        count: (d) => (d.leaderboard as { top: { edges: { node: { player: { username: string } } }[] } }).top.edges.filter((e) => e.node.player.username).length,
        cleanup: () => dropLeaderboards([id!]),
      };
    },
  },
  {
    name: 'Leaderboard entities',
    covers: ['_entities tournaments.Leaderboard'],
    via: 'tournaments',
    sizes: [10, 100],
    query: ENTITIES('... on Leaderboard { id title sortOrder nextResetAt period { number startedAt } }'),
    async scenario(n) {
      const ids = await leaderboards(n, tagOf().replace('_', '-'));
      return { viewer: player(randomUUID()), variables: { reps: reps('Leaderboard', ids) }, count: lengthAt('_entities'), cleanup: () => dropLeaderboards(ids) };
    },
  },
];

/** `n` leaderboards whose ids start with `tag`, each with its first period. */
async function leaderboards(n: number, tag: string): Promise<string[]> {
  const ids = range(n).map((i) => `${tag}-${String(i).padStart(4, '0')}`);
  await db().prisma.leaderboard.createMany({ data: ids.map((id) => ({ id, title: id, sortOrder: 'DESC' as const, operator: 'BEST' as const })) });
  await db().prisma.leaderboardPeriod.createMany({ data: ids.map((leaderboardId) => ({ leaderboardId, number: 1, startedAt: new Date() })) });
  return ids;
}
const dropLeaderboards = async (ids: string[]) => void (await db().prisma.leaderboard.deleteMany({ where: { id: { in: ids } } }));

/** `n` cancelled tournaments, far in the future (after any other test's). */
async function tournaments(n: number): Promise<string[]> {
  const tag = tagOf();
  const ids = range(n).map(() => randomUUID());
  await db().prisma.tournament.createMany({
    data: ids.map((id, i) => ({ id, name: `${tag} ${i}`, format: 'SWISS', status: 'CANCELLED', maxParticipants: 8, minParticipants: 2, startsAt: new Date(Date.UTC(2990, 0, 1, 0, i)) })),
  });
  return ids;
}

// ---------------------------------------------------------------------------------------------
// What the schema says must be covered.

const unwrap = (type: TypeNode): { name: string; list: boolean } => {
  let list = false;
  while (type.kind !== Kind.NAMED_TYPE) {
    if (type.kind === Kind.LIST_TYPE) list = true;
    type = type.type;
  }
  return { name: type.name.value, list };
};
const argument = (directive: ConstDirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;

/**
 * Every list or connection field whose items are objects, and every (subgraph, entity type) the
 * gateway can ask `_entities` for. A connection's `edges` is left out: the field that returns the
 * connection pages it, and its case covers both.
 */
function guardedBySchema(): { listFields: string[]; entities: string[] } {
  const document = parse(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  const composite = new Set<string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION || definition.kind === Kind.UNION_TYPE_DEFINITION) {
      composite.add(definition.name.value);
    }
  }
  const isConnection = (name: string) => composite.has(name) && name.endsWith('Connection');
  const listFields: string[] = [];
  const entities: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeName = definition.name.value;
    for (const field of definition.fields ?? []) {
      if (isConnection(typeName) && field.name.value === 'edges') continue;
      const { name, list } = unwrap(field.type);
      if ((list && composite.has(name)) || isConnection(name)) listFields.push(`${typeName}.${field.name.value}`);
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type' || !argument(directive, 'key')) continue;
      const resolvable = argument(directive, 'resolvable');
      if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
      const graph = argument(directive, 'graph');
      if (graph?.kind === Kind.ENUM) entities.push(`_entities ${graph.value.toLowerCase()}.${typeName}`);
    }
  }
  return { listFields, entities };
}

describe('the N+1 guard covers the schema', () => {
  const schema = guardedBySchema();
  const covered = new Set(CASES.flatMap((c) => c.covers));
  const accounted = (key: string) => covered.has(key) || key in NOT_APPLICABLE || key in PENDING;

  it('every list field of object type has a case (or a reason it does not apply)', () => {
    expect(schema.listFields.filter((key) => !accounted(key)), 'add a case to CASES in test/n-plus-one.test.ts for each').toEqual([]);
  });

  it('every entity type a subgraph resolves has an _entities case', () => {
    expect(schema.entities.filter((key) => !accounted(key)), 'add an _entities case to CASES for each').toEqual([]);
  });

  it('names only fields the schema has (no stale cases or exceptions)', () => {
    const known = new Set([...schema.listFields, ...schema.entities]);
    // PENDING may name fields of work that has not landed yet.
    expect([...covered, ...Object.keys(NOT_APPLICABLE)].filter((key) => !known.has(key))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The measurements.

async function run(guard: GuardCase, n: number): Promise<Measured<number>> {
  const scenario = await guard.scenario(n);
  try {
    const token = guard.via === 'gateway' ? await platform.tokenFor(scenario.viewer) : undefined;
    return await platform.measure(async () => {
      const answer =
        guard.via === 'gateway'
          ? await gql(platform.gatewayUrl, guard.query, scenario.variables, { token })
          : await platform.subgraphs[guard.via].execute(scenario.viewer, guard.query, scenario.variables);
      expect(answer.errors, `${guard.name} at ${n}`).toBeUndefined();
      return scenario.count(answer.data as Record<string, unknown>);
    });
  } finally {
    await scenario.cleanup?.();
  }
}

const ALL_ZERO = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, 0])) as Record<SubgraphName, number>;

describe('the guard sees an N+1', () => {
  it('counts a lookup that is not batched once per item, on Prisma, the SQL port and in port transactions', async () => {
    const ids = await players(12);
    const { kit } = platform.subgraphs.users.built;
    const one = (sql: { query: (text: string, params: unknown[]) => Promise<unknown> }, id: string) => sql.query('SELECT id FROM users WHERE id = $1::uuid', [id]);
    const prisma = await platform.measure(() => Promise.all(ids.map((id) => kit.prisma.user.findUnique({ where: { id } }))));
    const sql = await platform.measure(() => Promise.all(ids.map((id) => one(kit.db.sql, id))));
    const inTransaction = await platform.measure(() => kit.db.transaction((tx) => Promise.all(ids.map((id) => one(tx, id)))));
    for (const measured of [prisma, sql, inTransaction]) expect(measured.statements.users).toHaveLength(ids.length);
  });
});

describe('the same database round trips for a small and a large list', () => {
  it.each(CASES.map((c) => [`${c.name} (${c.via}, ${c.sizes[0]} vs ${c.sizes[1]})`, c] as const))('%s', async (_name, guard) => {
    const [small, large] = guard.sizes;
    const few = await run(guard, small);
    const many = await run(guard, large);
    expect(few.result, 'items in the small answer').toBe(small);
    expect(many.result, 'items in the large answer').toBe(large);
    expect(Object.values(few.statements).flat().length, 'statements recorded').toBeGreaterThan(0);
    // Per subgraph, the same statements (sorted): one more per item would be an N+1.
    expect(many.statements).toEqual(few.statements);
    if (guard.via === 'gateway') {
      expect(few.fetches, 'operations each subgraph received').toEqual({ ...ALL_ZERO, ...guard.fetches });
      expect(many.fetches).toEqual(few.fetches);
    }
  });
});
