import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/auth.js';
import type { Database, PrismaClient } from '../../platform/db/index.js';
import { encodeCursor } from '../../platform/pagination.js';
import { newTestRedis, openTestDatabase, subgraphClient, recordingPrisma } from '../../platform/testing.js';
import type { Context } from './context.js';
import { tournamentsSubgraph as subgraph } from './subgraph.js';

let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;

const tournamentsSubgraph = (prisma: PrismaClient) => subgraph.create({ db: { ...db, prisma }, redis: newTestRedis() });

beforeAll(async () => {
  db = await openTestDatabase();
  client = subgraphClient(tournamentsSubgraph(db.prisma));
  await client.server.start();
  // Opening PGlite and migrating it takes seconds on a busy machine.
}, 60_000);
afterAll(async () => {
  await client.server.stop();
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

type Status = 'REGISTRATION' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';
type Page = {
  edges: { cursor: string; node: { id: string; name: string; status: Status } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};
const TOURNAMENTS = `query($status: TournamentStatus, $first: Int, $after: String, $last: Int, $before: String) {
  tournaments(status: $status, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id name status } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const tournaments = async (variables: Record<string, unknown>) => {
  const result = await client.execute<{ tournaments: Page }>(ANONYMOUS, TOURNAMENTS, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.tournaments;
};
const names = (page: Page) => page.edges.map((e) => e.node.name);

/**
 * Scenario: five COMPLETED tournaments at the end of the schedule (the middle two starting at the
 * same moment) and one still in REGISTRATION between them. Returns names in schedule order.
 */
async function season() {
  const at = laterWindow();
  const prefix = `cup_${randomUUID().slice(0, 8)}`;
  const plan: [number, Status][] = [[0, 'COMPLETED'], [1, 'COMPLETED'], [1, 'REGISTRATION'], [2, 'COMPLETED'], [2, 'COMPLETED'], [3, 'COMPLETED']];
  const rows = plan.map(([second, status], i) => ({
    id: randomUUID(),
    name: `${prefix}_${i}`,
    format: 'SWISS' as const,
    status,
    maxParticipants: 16,
    minParticipants: 4,
    startsAt: at(second),
  }));
  await db.prisma.tournament.createMany({ data: rows });
  // Same-moment starts are ordered by id; PostgreSQL compares UUIDs as their hex text does.
  const ordered = [...rows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
  return {
    from: at(0),
    all: ordered.map((r) => r.name),
    completed: ordered.filter((r) => r.status === 'COMPLETED').map((r) => r.name),
    registration: rows[2]!.name,
  };
}

describe('tournaments subgraph: listing', () => {
  it('pages backward and forward, soonest first, with correct pageInfo', async () => {
    const { completed: [c0, c1, c2, c3, c4], from } = await season();

    const last = await tournaments({ status: 'COMPLETED', last: 3 });
    expect(names(last)).toEqual([c2, c3, c4]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect([last.pageInfo.startCursor, last.pageInfo.endCursor]).toEqual([last.edges[0]!.cursor, last.edges[2]!.cursor]);

    const before = await tournaments({ status: 'COMPLETED', last: 2, before: last.pageInfo.startCursor });
    expect(names(before)).toEqual([c0, c1]);
    const earlier = await db.prisma.tournament.count({ where: { status: 'COMPLETED', startsAt: { lt: from } } });
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: earlier > 0 });

    // Forward from the first; the page boundary falls between the two same-moment starts.
    const page1 = await tournaments({ status: 'COMPLETED', first: 2, after: before.edges[0]!.cursor });
    expect(names(page1)).toEqual([c1, c2]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const page2 = await tournaments({ status: 'COMPLETED', first: 2, after: page1.pageInfo.endCursor });
    expect(names(page2)).toEqual([c3, c4]);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const past = await tournaments({ status: 'COMPLETED', first: 2, after: page2.pageInfo.endCursor });
    expect(past).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it('lists every status without a filter and only one status with it', async () => {
    const { all, registration: open } = await season();
    const unfiltered = await tournaments({ last: 6 });
    expect(names(unfiltered)).toEqual(all);
    const registration = await tournaments({ status: 'REGISTRATION', last: 1 });
    expect(names(registration)).toEqual([open]);
    const firstPage = await tournaments({ status: 'REGISTRATION', first: 100 });
    expect(firstPage.pageInfo.hasPreviousPage).toBe(false);
    expect(firstPage.edges.every((e) => e.node.status === 'REGISTRATION')).toBe(true);
  });

  it('takes an explicit null status as no filter, finished and cancelled tournaments included', async () => {
    const { all } = await season();
    const at = laterWindow();
    const called = { id: randomUUID(), name: `off_${randomUUID().slice(0, 8)}`, format: 'SWISS' as const, status: 'CANCELLED' as const, maxParticipants: 8, minParticipants: 2, startsAt: at(0) };
    await db.prisma.tournament.create({ data: called });
    const page = await tournaments({ status: null, last: 7 });
    expect(names(page)).toEqual([...all, called.name]);
    expect(page.edges.at(-1)!.node.status).toBe('CANCELLED');
  });

  it.each([
    ['first', { first: 1000 }],
    ['first', { first: 1, last: 1 }],
    ['after', { first: 2, after: 'not-a-cursor' }],
    ['after', { first: 2, after: encodeCursor(['2026-01-01', 'x']) }],
    ['before', { last: 2, before: encodeCursor({ at: 'soon', id: randomUUID() }) }],
  ])('refuses a bad %s (%j) with BAD_USER_INPUT', async (field, variables) => {
    const result = await client.execute(ANONYMOUS, TOURNAMENTS, variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('tournaments subgraph: lookups', () => {
  it('answers one tournament by id, null for unknown and malformed ids', async () => {
    const { all } = await season();
    const row = await db.prisma.tournament.findFirstOrThrow({ where: { name: all[0] } });
    const QUERY = `query($id: ID!) { tournament(id: $id) { id name format status maxParticipants minParticipants entryFee description startsAt } }`;
    const found = await client.execute(ANONYMOUS, QUERY, { id: row.id });
    expect(found.data).toEqual({
      tournament: { id: row.id, name: row.name, format: 'SWISS', status: 'COMPLETED', maxParticipants: 16, minParticipants: 4, entryFee: 0, description: '', startsAt: row.startsAt.toISOString() },
    });
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expect((await client.execute(ANONYMOUS, QUERY, { id })).data).toEqual({ tournament: null });
    }
  });

  it('resolves references in one query', async () => {
    const operations: string[] = [];
    const counted = recordingPrisma(db.prisma, operations);
    const counting = subgraphClient(tournamentsSubgraph(counted));
    await counting.server.start();
    try {
      const { all } = await season();
      const rows = await db.prisma.tournament.findMany({ where: { name: { in: all } } });
      const byName = new Map(rows.map((r) => [r.name, r.id]));
      const ids = [...all.map((n) => byName.get(n)!), randomUUID(), 'not-a-uuid'];
      operations.length = 0;
      const result = await counting.execute<{ _entities: ({ name: string } | null)[] }>(
        ANONYMOUS,
        `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Tournament { name } } }`,
        { reps: ids.map((id) => ({ __typename: 'Tournament', id })) },
      );
      expect(result.data!._entities).toEqual([...all.map((name) => ({ name })), null, null]);
      expect(operations).toEqual(['Tournament.findMany']);
    } finally {
      await counting.server.stop();
    }
  });
});
