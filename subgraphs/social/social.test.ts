import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/auth.js';
import type { Database, PrismaClient, Sql } from '../../platform/db/index.js';
import { encodeCursor } from '../../platform/pagination.js';
import type { BackgroundWorker } from '../../platform/subgraph/serve.js';
import { newTestRedis, openTestDatabase, subgraphClient, recordingPrisma, recordingSql } from '../../platform/testing.js';
import type { Context } from './context.js';
import { DEFAULT_ROOMS } from './domain/chat-rooms.js';
import { socialSubgraph } from './subgraph.js';

let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;
let started: BackgroundWorker[] = [];

const social = (prisma: PrismaClient, sql: Sql = db.sql) => socialSubgraph.create({ db: { ...db, prisma, sql }, redis: newTestRedis() });
/** The subgraph's own default-rooms worker (the kit puts the outbox relay before it). */
const defaultRooms = (prisma: PrismaClient) => social(prisma).parts.workers[0]!;

beforeAll(async () => {
  db = await openTestDatabase();
  const definition = social(db.prisma);
  // As serveSubgraph does before listening.
  for (const worker of definition.workers ?? []) await worker.start();
  started = definition.workers ?? [];
  client = subgraphClient(definition);
  await client.server.start();
  // Opening PGlite and migrating it takes seconds on a busy machine.
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  for (const worker of [...started].reverse()) await worker.stop();
  await db.close();
});

// The database may be shared with other test files (CI's PostgreSQL pass) and with earlier runs.
// Each scenario gets a window of virtual time far ahead, where one real millisecond is one virtual
// second: every scenario, in this run or a later one, lies after all earlier ones, so the end of a
// list is the newest scenario's.
const FAR_AHEAD = Date.UTC(3000, 0, 1);
let lastStart = 0;
const laterWindow = () => {
  lastStart = Math.max(lastStart + 60_000, FAR_AHEAD + (Date.now() - Date.UTC(2026, 0, 1)) * 1000);
  const start = lastStart;
  return (offsetSeconds: number) => new Date(start + offsetSeconds * 1000);
};
const unique = (prefix: string) => `${prefix}_${randomUUID().slice(0, 8)}`;

type Page = {
  edges: { cursor: string; node: { id: string; name: string; kind: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};
const CHAT_ROOMS = `query($kind: ChatRoomKind, $first: Int, $after: String, $last: Int, $before: String) {
  chatRooms(kind: $kind, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id name kind } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const chatRooms = async (variables: Record<string, unknown>) => {
  const result = await client.execute<{ chatRooms: Page }>(ANONYMOUS, CHAT_ROOMS, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.chatRooms;
};
const names = (page: Page) => page.edges.map((e) => e.node.name);

/** Scenario: five GLOBAL rooms at the end of the list; the middle two created in the same millisecond. */
async function fiveGlobalRooms() {
  const at = laterWindow();
  const prefix = unique('global');
  const rooms = [0, 1, 2, 2, 3].map((second, i) => ({
    id: randomUUID(),
    name: `${prefix}_${i}`,
    kind: 'GLOBAL' as const,
    maxMembers: 4,
    createdAt: at(second),
  }));
  await db.prisma.chatRoom.createMany({ data: rooms });
  // Same-millisecond rooms are ordered by id; PostgreSQL compares UUIDs as their hex text does.
  const ordered = [...rooms].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return { names: ordered.map((r) => r.name), from: at(0) };
}

describe('social subgraph: chat rooms', () => {
  it('has the default GLOBAL room "General", and seeding it again changes nothing', async () => {
    const general = DEFAULT_ROOMS[0]!;
    await defaultRooms(db.prisma).start();
    await Promise.all([1, 2, 3].map(() => defaultRooms(db.prisma).start()));
    expect(await db.prisma.chatRoom.count({ where: { id: general.id } })).toBe(1);
    const result = await client.execute(ANONYMOUS, `query($id: ID!) { chatRoom(id: $id) { id name kind maxMembers } }`, { id: general.id });
    expect(result.data).toEqual({ chatRoom: { id: general.id, name: 'General', kind: 'GLOBAL', maxMembers: general.maxMembers } });
    const globals = await chatRooms({ kind: 'GLOBAL', first: 100 });
    expect(globals.edges.map((e) => e.node.id)).toContain(general.id);
  });

  it('pages backward and forward through rooms, oldest first, with correct pageInfo', async () => {
    const { names: [r0, r1, r2, r3, r4], from } = await fiveGlobalRooms();

    const last = await chatRooms({ kind: 'GLOBAL', last: 3 });
    expect(names(last)).toEqual([r2, r3, r4]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(last.pageInfo.startCursor).toBe(last.edges[0]!.cursor);
    expect(last.pageInfo.endCursor).toBe(last.edges[2]!.cursor);

    const before = await chatRooms({ kind: 'GLOBAL', last: 2, before: last.pageInfo.startCursor });
    expect(names(before)).toEqual([r0, r1]);
    const older = await db.prisma.chatRoom.count({ where: { kind: 'GLOBAL', createdAt: { lt: from } } });
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: older > 0 });

    // Forward from the first room; the page boundary falls between the two same-millisecond rooms.
    const page1 = await chatRooms({ kind: 'GLOBAL', first: 2, after: before.edges[0]!.cursor });
    expect(names(page1)).toEqual([r1, r2]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const page2 = await chatRooms({ kind: 'GLOBAL', first: 2, after: page1.pageInfo.endCursor });
    expect(names(page2)).toEqual([r3, r4]);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const past = await chatRooms({ kind: 'GLOBAL', first: 2, after: page2.pageInfo.endCursor });
    expect(past).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it('starts a forward list with no previous page, and filters by kind', async () => {
    await fiveGlobalRooms();
    const first = await chatRooms({ kind: 'GLOBAL', first: 1 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const all = await chatRooms({ first: 100 });
    expect(all.edges.length).toBeGreaterThan(0);
    const globals = await chatRooms({ kind: 'GLOBAL', first: 100 });
    expect(globals.edges.length).toBeGreaterThan(0);
    expect(globals.edges.every((e) => e.node.kind === 'GLOBAL')).toBe(true);
  });

  it("lists only rooms the viewer may read: others' guild and party rooms stay out of every page", async () => {
    const at = laterWindow();
    const hidden = (['GUILD', 'PARTY'] as const).map((kind, i) => ({ id: randomUUID(), name: unique(kind.toLowerCase()), kind, maxMembers: 4, createdAt: at(i) }));
    await db.prisma.chatRoom.createMany({ data: hidden });
    const hiddenIds: string[] = hidden.map((r) => r.id);
    // The newest rooms of all: the last page would show them if anything did.
    for (const variables of [{ last: 100 }, { kind: 'GUILD', last: 100 }, { kind: 'PARTY', first: 100 }]) {
      const page = await chatRooms(variables);
      expect(page.edges.filter((e) => hiddenIds.includes(e.node.id)), JSON.stringify(variables)).toEqual([]);
      expect(page.edges.every((e) => e.node.kind === 'GLOBAL' || e.node.kind === 'SYSTEM')).toBe(true);
    }
    expect(await chatRooms({ kind: 'PARTY', first: 10 })).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it.each([
    ['first', { first: 1000 }],
    ['last', { last: -1 }],
    ['after', { first: 2, after: 'not-a-cursor' }],
    ['after', { first: 2, after: encodeCursor(42) }],
    ['before', { last: 2, before: encodeCursor({ at: 'yesterday', id: randomUUID() }) }],
    ['before', { last: 2, before: encodeCursor({ at: new Date().toISOString(), id: 'nope' }) }],
  ])('refuses a bad %s (%j) with BAD_USER_INPUT', async (field, variables) => {
    const result = await client.execute(ANONYMOUS, CHAT_ROOMS, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers null for unknown and malformed ids', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const result = await client.execute(ANONYMOUS, `query($id: ID!) { chatRoom(id: $id) { id } guild(id: $id) { id } }`, { id });
      expect(result).toEqual({ data: { chatRoom: null, guild: null } });
    }
  });
});

/** Scenario: a guild with a master and `members` more members; returns ids. */
async function guildWithMembers(members: number) {
  const name = unique('Guild');
  const guild = await db.prisma.guild.create({ data: { name, nameKey: name.toLowerCase(), tag: name.slice(-4).toUpperCase() } });
  const master = randomUUID();
  const others = Array.from({ length: members }, () => randomUUID());
  await db.prisma.guildMember.createMany({
    data: [{ userId: master, guildId: guild.id, role: 'MASTER' as const }, ...others.map((userId) => ({ userId, guildId: guild.id, role: 'MEMBER' as const }))],
  });
  return { guild, master, others };
}

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on User { id guildRole guild { id name } }
  ... on Guild { id name tag memberCount }
  ... on ChatRoom { id name }
} }`;
const users = (ids: string[]) => ids.map((id) => ({ __typename: 'User', id }));

describe('social subgraph: guilds', () => {
  it('shows a guild with its member count', async () => {
    const { guild } = await guildWithMembers(2);
    const result = await client.execute(ANONYMOUS, `query($id: ID!) { guild(id: $id) { id name tag memberCount createdAt } }`, { id: guild.id });
    expect(result.data).toEqual({
      guild: { id: guild.id, name: guild.name, tag: guild.tag, memberCount: 3, createdAt: guild.createdAt.toISOString() },
    });
  });

  it("adds a player's guild and rank to User, null when they have none", async () => {
    const { guild, master, others } = await guildWithMembers(1);
    const result = await client.execute<{ _entities: unknown[] }>(ANONYMOUS, ENTITIES, {
      reps: users([master, others[0]!, randomUUID(), 'not-a-uuid']),
    });
    expect(result.errors).toBeUndefined();
    const inGuild = { id: guild.id, name: guild.name };
    expect(result.data!._entities).toEqual([
      { id: master, guildRole: 'MASTER', guild: inGuild },
      { id: others[0], guildRole: 'MEMBER', guild: inGuild },
      { id: expect.any(String), guildRole: null, guild: null },
      { id: 'not-a-uuid', guildRole: null, guild: null },
    ]);
  });

  describe('batching', () => {
    const operations: string[] = [];
    let counting: ReturnType<typeof subgraphClient<Context>>;

    beforeAll(async () => {
      const counted = recordingPrisma(db.prisma, operations);
      counting = subgraphClient(social(counted, recordingSql(db.sql, operations)));
      await counting.server.start();
    });
    afterAll(() => counting.server.stop());

    it("reads several guilds' drives, their top contributors, wars and each side's top scorers in one statement each", async () => {
      const now = new Date();
      const guilds = await Promise.all([1, 2, 3].map((n) => guildWithMembers(n)));
      const [a, b, c] = guilds;
      for (const g of guilds) {
        const drive = await db.prisma.guildContributionDrive.create({
          data: { guildId: g.guild.id, openGuildId: g.guild.id, startedBy: g.master, goal: 1_000, bonusXp: 200, startedAt: now, endsAt: new Date(now.getTime() + 3_600_000) },
        });
        await db.prisma.guildDriveContribution.createMany({ data: [g.master, ...g.others].map((userId, i) => ({ driveId: drive.id, userId, coins: 10 * (i + 1), updatedAt: now })) });
      }
      const war = (attacker: typeof a, defender: typeof a) =>
        db.prisma.guildWar.create({ data: { attackerId: attacker!.guild.id, defenderId: defender!.guild.id, declaredBy: attacker!.master, status: 'ACTIVE', declaredAt: now, startsAt: now, endsAt: new Date(now.getTime() + 3_600_000) } });
      for (const w of [await war(a, b), await war(b, c)]) {
        const sides = [(await db.prisma.guildWar.findUniqueOrThrow({ where: { id: w.id } })).attackerId, w.defenderId];
        for (const guildId of sides) {
          const member = guilds.find((g) => g.guild.id === guildId)!;
          await db.prisma.guildWarScore.createMany({ data: [member.master, ...member.others].map((userId, i) => ({ warId: w.id, eventId: `e-${userId}`, guildId, userId, kind: 'COMBAT_WON', points: i + 1, occurredAt: now })) });
        }
      }
      operations.length = 0;
      const result = await counting.execute<{ _entities: { activeDrive: { topContributors: { coins: number; user: { id: string } }[] }; drives: { id: string }[]; wars: { edges: { node: { attackerTopScorers: { points: number }[]; defenderTopScorers: { points: number; user: { id: string } }[] } }[] } }[] }>(
        ANONYMOUS,
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Guild {
          activeDrive { topContributors(first: 2) { coins user { id } } } drives { id }
          wars(first: 5) { edges { node { attackerTopScorers { points } defenderTopScorers(first: 1) { points user { id } } } } } } } }`,
        { reps: guilds.map((g) => ({ __typename: 'Guild', id: g.guild.id })) },
      );
      expect(result.errors).toBeUndefined();
      const [ea, eb, ec] = result.data!._entities;
      expect(ec!.activeDrive.topContributors).toEqual([{ coins: 40, user: { id: c!.others[2] } }, { coins: 30, user: { id: c!.others[1] } }]);
      expect([ea, eb, ec].map((e) => e!.drives.length)).toEqual([1, 1, 1]);
      // b attacked c and defended against a: its page lists both wars; c's top defender scored 3.
      expect(eb!.wars.edges).toHaveLength(2);
      expect(ec!.wars.edges[0]!.node.defenderTopScorers).toEqual([{ points: 4, user: { id: c!.others[2] } }]);
      expect(ea!.wars.edges[0]!.node.attackerTopScorers.map((s) => s.points)).toEqual([2, 1]);
      // One statement per kind of read, whatever the number of guilds and wars: the guilds, their
      // active drives, their recent drives, the drives' top contributors, the war pages, the wars' top
      // scorers (the last four raw through Prisma, recorded alike).
      expect(operations.sort()).toEqual([
        '$raw.$queryRawUnsafe',
        '$raw.$queryRawUnsafe',
        '$raw.$queryRawUnsafe',
        '$raw.$queryRawUnsafe',
        '$sql:SELECT id::text AS id, name, name_key AS "nameKey", tag, tag_key AS "tagKey", description, is_public AS "isPublic",',
        'GuildContributionDrive.findMany',
      ]);
    });

    it('resolves guild and guildRole for 20 users in one query', async () => {
      const a = await guildWithMembers(9);
      const b = await guildWithMembers(8);
      const players = [a.master, ...a.others, b.master, ...b.others, randomUUID()];
      expect(players).toHaveLength(20);
      operations.length = 0;
      const result = await counting.execute<{ _entities: { guildRole: string | null; guild: { id: string } | null }[] }>(ANONYMOUS, ENTITIES, {
        reps: users(players),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((u) => u.guild?.id ?? null)).toEqual([...Array(10).fill(a.guild.id), ...Array(9).fill(b.guild.id), null]);
      expect(operations).toEqual(['GuildMember.findMany']);
    });

    it('reads member counts with the guilds (no count query), and looks up guilds and rooms in one each', async () => {
      const guilds = await Promise.all([1, 2, 3].map((n) => guildWithMembers(n)));
      const { names: rooms } = await fiveGlobalRooms();
      const roomIds = (await db.prisma.chatRoom.findMany({ where: { name: { in: rooms } } })).map((r) => r.id);
      operations.length = 0;
      const result = await counting.execute<{ _entities: ({ memberCount: number } | { name: string })[] }>(ANONYMOUS, ENTITIES, {
        reps: [...guilds.map((g) => ({ __typename: 'Guild', id: g.guild.id })), ...roomIds.map((id) => ({ __typename: 'ChatRoom', id }))],
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.slice(0, 3)).toMatchObject([{ memberCount: 2 }, { memberCount: 3 }, { memberCount: 4 }]);
      expect(result.data!._entities).toHaveLength(8);
      // Rooms and guilds by id: ChatRoomsStore.findByIds and GuildsStore.findByIds on the raw SQL port (first line of each statement).
      expect(operations.sort()).toEqual([
        '$sql:SELECT id::text AS id, name, kind::text AS kind, description, max_members AS "maxMembers",',
        '$sql:SELECT id::text AS id, name, name_key AS "nameKey", tag, tag_key AS "tagKey", description, is_public AS "isPublic",',
      ]);
    });
  });
});
