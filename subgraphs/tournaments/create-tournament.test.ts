import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Role, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { tournamentsSubgraph } from './subgraph.js';

const NOW = new Date('2026-03-01T12:00:00Z'); // a Sunday
let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;

beforeAll(async () => {
  db = await openTestDatabase();
  // Its own job queues: the start jobs it schedules are nobody else's to run.
  // A wallet that always pays: the prize pool's fixed part is the creator's (registration.test.ts
  // covers a creator who cannot pay, and the ledger's exactly-once keys).
  const users = { levels: async () => new Map<string, number>(), applyCoins: async () => undefined };
  client = subgraphClient(tournamentsSubgraph.create({ db, redis: newTestRedis(), now: () => NOW, users, jobQueuePrefix: `tournaments-test-${randomUUID()}` }));
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

const player = (role: Role): Viewer => ({ userId: randomUUID(), role });
const CREATE = `mutation($input: CreateTournamentInput!) {
  createTournament(input: $input) {
    tournament {
      id name description format status minParticipants maxParticipants entryFee startsAt endsAt minimumLevel rules
      formatOptions { bestOf thirdPlaceMatch grandFinalReset swissRounds ladderChallengeRange }
      prizePool { fixed feeSharePercent distribution }
    }
  }
}`;
type Created = { createTournament: { tournament: { id: string; name: string; [field: string]: unknown } } };
const spring = (change: Record<string, unknown> = {}) => ({
  name: `Spring Cup ${randomUUID().slice(0, 6)}`,
  format: 'DOUBLE_ELIMINATION',
  startsAt: '2026-03-08T18:00:00.000Z',
  minParticipants: 4,
  maxParticipants: 16,
  ...change,
});
const countNamed = (name: string) => db.prisma.tournament.count({ where: { name } });

describe('createTournament', () => {
  it('an organizer creates a tournament in REGISTRATION with every setting, readable by anyone', async () => {
    const input = spring({
      description: 'Open to all.',
      formatOptions: { bestOf: 3, grandFinalReset: true },
      endsAt: '2026-03-08T23:00:00.000Z',
      entryFee: 50,
      prizePool: { fixed: 1000, feeSharePercent: 80, distribution: [60, 30, 10] },
      minimumLevel: 5,
      rules: 'Best of three.',
    });
    const result = await client.execute<Created>(player('ORGANIZER'), CREATE, { input });
    expect(result.errors).toBeUndefined();
    const created = result.data!.createTournament.tournament;
    expect(created).toEqual({
      id: expect.any(String),
      name: input.name,
      description: 'Open to all.',
      format: 'DOUBLE_ELIMINATION',
      status: 'REGISTRATION',
      minParticipants: 4,
      maxParticipants: 16,
      entryFee: 50,
      startsAt: '2026-03-08T18:00:00.000Z',
      endsAt: '2026-03-08T23:00:00.000Z',
      minimumLevel: 5,
      rules: 'Best of three.',
      formatOptions: { bestOf: 3, thirdPlaceMatch: false, grandFinalReset: true, swissRounds: null, ladderChallengeRange: null },
      prizePool: { fixed: 1000, feeSharePercent: 80, distribution: [60, 30, 10] },
    });
    const read = await client.execute<{ tournament: unknown }>(ANONYMOUS, `query($id: ID!) { tournament(id: $id) { name prizePool { distribution } } }`, { id: created.id });
    expect(read.data).toEqual({ tournament: { name: input.name, prizePool: { distribution: [60, 30, 10] } } });
  });

  it('an admin may create one; defaults fill what is left out', async () => {
    const input = spring({ format: 'LADDER' });
    const result = await client.execute<Created>(player('ADMIN'), CREATE, { input });
    expect(result.data!.createTournament.tournament).toMatchObject({
      entryFee: 0,
      minimumLevel: 1,
      endsAt: null,
      rules: '',
      formatOptions: { bestOf: 1, ladderChallengeRange: 3 },
      prizePool: { fixed: 0, feeSharePercent: 0, distribution: [100] },
    });
  });

  it.each<[string, string, Viewer]>([
    ['anonymous', 'UNAUTHENTICATED', ANONYMOUS],
    ['a player', 'FORBIDDEN', player('PLAYER')],
    ['a moderator', 'FORBIDDEN', player('MODERATOR')],
    ['a game server', 'FORBIDDEN', { userId: null, role: null, kind: 'service', scopes: ['REPORT_MATCH_RESULTS', 'MANAGE_WALLET'], serviceId: randomUUID() }],
  ])('%s is refused with %s and nothing is stored', async (_who, code, viewer) => {
    const input = spring();
    const result = await client.execute(viewer, CREATE, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await countNamed(input.name)).toBe(0);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a start in the past', 'startsAt', { startsAt: '2026-02-28T12:00:00.000Z' }],
    ['a maximum below the minimum', 'maxParticipants', { maxParticipants: 3 }],
    ['an option of another format', 'formatOptions.swissRounds', { formatOptions: { swissRounds: 3 } }],
    ['a distribution not adding up to 100', 'prizePool.distribution', { prizePool: { distribution: [50, 30] } }],
    ['an entry fee below zero', 'entryFee', { entryFee: -10 }],
  ])('refuses %s with BAD_USER_INPUT naming %s; nothing is stored', async (_name, field, change) => {
    const input = spring(change);
    const result = await client.execute(player('ORGANIZER'), CREATE, { input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await countNamed(String(input.name))).toBe(0);
  });

  it('a retried or concurrent request with the same request key creates one tournament', async () => {
    const organizer = player('ORGANIZER');
    const input = spring({ requestKey: `spring-${randomUUID()}` });
    const results = await Promise.all([1, 2, 3].map(() => client.execute<Created>(organizer, CREATE, { input })));
    const ids = results.map((r) => r.data?.createTournament.tournament.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toEqual(expect.any(String));
    const retry = await client.execute<Created>(organizer, CREATE, { input: { ...input, name: 'Changed mind' } });
    expect(retry.data!.createTournament.tournament).toMatchObject({ id: ids[0], name: input.name });
    expect(await countNamed(input.name)).toBe(1);
    // The key is the organizer's own: another organizer's same key makes their own tournament.
    const other = await client.execute<Created>(player('ORGANIZER'), CREATE, { input });
    expect(other.data!.createTournament.tournament.id).not.toBe(ids[0]);
  });
});
