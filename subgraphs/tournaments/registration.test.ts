import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Role, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { InsufficientFundsError, ServiceUnavailableError } from '../../platform/errors.js';
import type { JobRunner } from '../../platform/jobs/index.js';
import { newTestRedis, openTestDatabase, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import type { CoinOperation, UsersPort } from './store/users.client.js';
import { tournamentsSubgraph } from './subgraph.js';

/**
 * The users subgraph's side of the contract, in memory: levels, and coin operations applied once
 * per key (a repeat changes nothing), a debit past zero refused. The real one is exercised through
 * the gateway in test/tournaments.test.ts.
 */
class FakeUsers implements UsersPort {
  readonly balance = new Map<string, number>();
  readonly level = new Map<string, number>();
  readonly applied = new Map<string, CoinOperation>();
  /** Runs before an operation is applied (to change the world while a fee is in flight). */
  beforeApply?: (op: CoinOperation) => Promise<void>;
  /** The next operation applies but its answer is lost (a timeout after the commit). */
  loseNextAnswer = false;

  async levels(ids: readonly string[]) {
    return new Map(ids.map((id) => [id, this.level.get(id) ?? 1]));
  }

  async applyCoins(op: CoinOperation) {
    const hook = this.beforeApply;
    this.beforeApply = undefined;
    await hook?.(op);
    if (this.applied.has(op.idempotencyKey)) return;
    const next = (this.balance.get(op.userId) ?? 0) + op.amount;
    if (next < 0) throw new InsufficientFundsError('Not enough coins.');
    this.balance.set(op.userId, next);
    this.applied.set(op.idempotencyKey, op);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new ServiceUnavailableError('users');
    }
  }
}

let now = new Date('2026-03-01T12:00:00Z'); // a Sunday
const users = new FakeUsers();
let db: Database;
let built: ReturnType<typeof tournamentsSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;
let runners: JobRunner[];
// This file's own job queues: another test's platform never runs them, and ours never run theirs.
const jobQueuePrefix = `tournaments-test-${randomUUID()}`;

beforeAll(async () => {
  db = await openTestDatabase();
  built = tournamentsSubgraph.create({ db, redis: newTestRedis(), now: () => now, users, jobQueuePrefix });
  runners = built.parts.workers as JobRunner[];
  client = subgraphClient(built);
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

/** Runs every due tournaments job, and what those enqueue. */
async function runJobs() {
  for (let i = 0; i < 3; i++) await Promise.all(runners.map((r) => r.poke()));
}
/** The database's clock catches up with ours: every job of ours still waiting is due now. */
async function jobsDueNow() {
  await db.prisma.job.updateMany({ where: { queue: { startsWith: `${jobQueuePrefix}.` }, status: 'PENDING' }, data: { runAt: new Date(Date.now() - 1000) } });
}

const player = (coins = 0, level = 1, role: Role = 'PLAYER'): Viewer => {
  const userId = randomUUID();
  users.balance.set(userId, coins);
  users.level.set(userId, level);
  return { userId, role };
};
// Rich enough to fund every prize pool this file creates (the fixed part is the creator's).
const organizer = player(1_000_000_000, 1, 'ORGANIZER');
const coins = (viewer: Viewer) => users.balance.get(viewer.userId!);

const CREATE = `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`;
async function tournament(change: Record<string, unknown> = {}, by: Viewer = organizer): Promise<string> {
  const result = await client.execute<{ createTournament: { tournament: { id: string } } }>(by, CREATE, {
    input: { name: `Cup ${randomUUID().slice(0, 8)}`, format: 'SINGLE_ELIMINATION', startsAt: new Date(now.getTime() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 8, ...change },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createTournament.tournament.id;
}

const STATE = `query($id: ID!) { tournament(id: $id) { status participantCount } }`;
const stateOf = async (id: string) => (await client.execute<{ tournament: { status: string; participantCount: number } }>(ANONYMOUS, STATE, { id })).data!.tournament;

const mutate = (name: string) => `mutation($id: ID!) { ${name}(input: { tournamentId: $id }) { tournament { id status participantCount } } }`;
const join = (viewer: Viewer, id: string) => client.execute(viewer, mutate('joinTournament'), { id });
const leave = (viewer: Viewer, id: string) => client.execute(viewer, mutate('leaveTournament'), { id });
const start = (viewer: Viewer, id: string) => client.execute(viewer, mutate('startTournament'), { id });
const cancel = (viewer: Viewer, id: string) => client.execute(viewer, mutate('cancelTournament'), { id });
const codeOf = (result: Awaited<ReturnType<typeof join>>) => result.errors?.[0]?.extensions;

describe('joinTournament', () => {
  it('registers a player in a free tournament, once', async () => {
    const id = await tournament();
    const ana = player();
    const joined = await join(ana, id);
    expect(joined.errors).toBeUndefined();
    expect(joined.data).toEqual({ joinTournament: { tournament: { id, status: 'REGISTRATION', participantCount: 1 } } });
    expect(codeOf(await join(ana, id))).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'ALREADY_REGISTERED' });
    expect(await stateOf(id)).toEqual({ status: 'REGISTRATION', participantCount: 1 });
  });

  it('takes the entry fee exactly once, however many times the same join is sent at once', async () => {
    const id = await tournament({ entryFee: 30 });
    const bo = player(100);
    const results = await Promise.all([1, 2, 3, 4].map(() => join(bo, id)));
    const outcomes = results.map((r) => (r.errors ? r.errors[0]!.extensions!.reason : 'joined'));
    expect(outcomes).toContain('joined');
    for (const o of outcomes) expect(['joined', 'ALREADY_REGISTERED']).toContain(o);
    expect(coins(bo)).toBe(70);
    expect(await stateOf(id)).toMatchObject({ participantCount: 1 });
  });

  it('a player who cannot pay gets INSUFFICIENT_FUNDS and no registration; with the coins, a new attempt pays', async () => {
    const id = await tournament({ entryFee: 50 });
    const cy = player(49);
    expect(codeOf(await join(cy, id))).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(coins(cy)).toBe(49);
    expect(await stateOf(id)).toMatchObject({ participantCount: 0 });
    users.balance.set(cy.userId!, 60);
    expect((await join(cy, id)).errors).toBeUndefined();
    expect(coins(cy)).toBe(10);
  });

  it('a retry after a lost answer pays once and registers', async () => {
    const id = await tournament({ entryFee: 25 });
    const di = player(100);
    users.loseNextAnswer = true;
    expect(codeOf(await join(di, id))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(coins(di)).toBe(75); // taken, but the join did not hear it
    expect((await join(di, id)).errors).toBeUndefined();
    expect(coins(di)).toBe(75);
    expect(await stateOf(id)).toMatchObject({ participantCount: 1 });
  });

  it('a join left unfinished is settled by its job: the fee it took keeps the place', async () => {
    const id = await tournament({ entryFee: 20 });
    const ed = player(100);
    users.loseNextAnswer = true;
    await join(ed, id);
    await jobsDueNow();
    await runJobs();
    expect(coins(ed)).toBe(80);
    expect(await stateOf(id)).toMatchObject({ participantCount: 1 });
  });

  it('refuses a full tournament with CONFLICT FULL, taking nothing', async () => {
    const id = await tournament({ entryFee: 10, maxParticipants: 2 });
    for (const p of [player(10), player(10)]) expect((await join(p, id)).errors).toBeUndefined();
    const late = player(10);
    expect(codeOf(await join(late, id))).toMatchObject({ code: 'CONFLICT', reason: 'FULL' });
    expect(coins(late)).toBe(10);
  });

  it('refuses a level below the minimum with FORBIDDEN LEVEL_TOO_LOW, taking nothing', async () => {
    const id = await tournament({ entryFee: 10, minimumLevel: 5 });
    const low = player(100, 4);
    expect(codeOf(await join(low, id))).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minimumLevel: 5, level: 4 });
    expect(coins(low)).toBe(100);
    expect((await join(player(100, 5), id)).errors).toBeUndefined();
  });

  it('refunds the fee when the tournament stops taking players while it is being paid', async () => {
    const id = await tournament({ entryFee: 40 });
    const fi = player(100);
    users.beforeApply = async () => {
      expect((await cancel(organizer, id)).errors).toBeUndefined();
    };
    expect(codeOf(await join(fi, id))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_OPEN' });
    await runJobs();
    expect(coins(fi)).toBe(100);
    expect(await stateOf(id)).toEqual({ status: 'CANCELLED', participantCount: 0 });
  });

  it.each<[string, Viewer, string]>([
    ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
    ['a game server', { userId: null, role: null, kind: 'service', scopes: ['MANAGE_WALLET'], serviceId: randomUUID() }, 'FORBIDDEN'],
  ])('%s cannot join', async (_who, viewer, code) => {
    const id = await tournament();
    expect(codeOf(await join(viewer, id))).toMatchObject({ code });
  });

  it('answers NOT_FOUND for an unknown or malformed tournament id', async () => {
    for (const id of [randomUUID(), 'nope']) expect(codeOf(await join(player(), id))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('leaveTournament', () => {
  it('refunds exactly once before the start; joining again pays again', async () => {
    const id = await tournament({ entryFee: 30 });
    const gil = player(100);
    await join(gil, id);
    expect(coins(gil)).toBe(70);
    const left = await leave(gil, id);
    expect(left.errors).toBeUndefined();
    expect(left.data).toMatchObject({ leaveTournament: { tournament: { participantCount: 0 } } });
    expect(codeOf(await leave(gil, id))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_REGISTERED' });
    await runJobs();
    await runJobs();
    expect(coins(gil)).toBe(100);
    await join(gil, id);
    expect(coins(gil)).toBe(70);
  });

  it('refuses once play has started', async () => {
    const id = await tournament();
    const [a, b] = [player(), player()];
    await join(a, id);
    await join(b, id);
    const started = await start(organizer, id);
    expect(started.errors).toBeUndefined();
    expect(codeOf(await leave(a, id))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_OPEN' });
  });
});

describe('starting and cancelling', () => {
  it('at the start time the job seeds by level and draws the bracket; nothing before; once with two replicas', async () => {
    const id = await tournament({ format: 'SINGLE_ELIMINATION', minParticipants: 4 });
    const players = [3, 9, 5, 7, 1].map((level) => player(0, level));
    for (const p of players) await join(p, id);
    await jobsDueNow();
    await runJobs(); // our clock says not yet
    expect(await stateOf(id)).toMatchObject({ status: 'REGISTRATION' });

    now = new Date(now.getTime() + 3600_000);
    await jobsDueNow();
    const replica = tournamentsSubgraph.create({ db, redis: newTestRedis(), now: () => now, users, jobQueuePrefix });
    await Promise.all([runJobs(), ...(replica.parts.workers as JobRunner[]).map((r) => r.poke())]);
    expect(await stateOf(id)).toEqual({ status: 'IN_PROGRESS', participantCount: 5 });
    const entries = await db.prisma.tournamentEntry.findMany({ where: { tournamentId: id }, orderBy: { seed: 'asc' } });
    expect(entries.map((e) => e.rating)).toEqual([9, 7, 5, 3, 1]);
    const matches = await db.prisma.tournamentMatch.findMany({ where: { tournamentId: id }, orderBy: [{ round: 'asc' }, { position: 'asc' }] });
    expect(matches).toHaveLength(4); // n − 1
    // Round one: seed 4 (level 3) meets seed 5 (level 1); seeds 1–3 have byes.
    const bySeed = new Map(entries.map((e) => [e.seed, e.userId]));
    expect([matches[0]!.playerA, matches[0]!.playerB]).toEqual([bySeed.get(4), bySeed.get(5)]);
    const started = await db.prisma.outboxEvent.count({ where: { type: 'tournament.started', payload: { path: ['tournamentId'], equals: id } } });
    expect(started).toBe(1);
  });

  it('at the start time with too few players the job cancels and refunds everyone exactly once', async () => {
    const id = await tournament({ entryFee: 15, minParticipants: 3 });
    const [a, b] = [player(15), player(20)];
    await join(a, id);
    await join(b, id);
    now = new Date(now.getTime() + 3600_000);
    await jobsDueNow();
    await runJobs();
    await runJobs();
    expect(await stateOf(id)).toMatchObject({ status: 'CANCELLED' });
    expect([coins(a), coins(b)]).toEqual([15, 20]);
    expect(codeOf(await cancel(organizer, id))).toMatchObject({ code: 'CONFLICT' });
    await runJobs();
    expect([coins(a), coins(b)]).toEqual([15, 20]);
  });

  it('the organizer may start early with enough players; others may not', async () => {
    const id = await tournament({ format: 'DOUBLE_ELIMINATION', formatOptions: { grandFinalReset: true }, minParticipants: 3 });
    const [a, b] = [player(), player()];
    await join(a, id);
    await join(b, id);
    expect(codeOf(await start(organizer, id))).toMatchObject({ code: 'CONFLICT', reason: 'TOO_FEW_PARTICIPANTS' });
    await join(player(), id);
    expect(codeOf(await start(player(0, 1, 'ORGANIZER'), id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(await start(a, id))).toMatchObject({ code: 'FORBIDDEN' });
    const started = await start(organizer, id);
    expect(started.data).toMatchObject({ startTournament: { tournament: { status: 'IN_PROGRESS', participantCount: 3 } } });
    expect(await db.prisma.tournamentMatch.count({ where: { tournamentId: id } })).toBe(2 * 3 - 1);
    expect(codeOf(await start(organizer, id))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_REGISTRATION' });
  });

  it('an admin may cancel; every fee is refunded once even if cancelling is retried', async () => {
    const id = await tournament({ entryFee: 5 });
    const admin = player(0, 1, 'ADMIN');
    const [a, b] = [player(5), player(5)];
    await join(a, id);
    await join(b, id);
    const results = await Promise.all([cancel(admin, id), cancel(admin, id)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    await runJobs();
    await runJobs();
    expect([coins(a), coins(b)]).toEqual([5, 5]);
  });
});

describe('reportMatchResult', () => {
  const BRACKET = `query($id: ID!) { tournament(id: $id) { bracket { side round matches { id key status playerA { id } playerB { id } winner { id } score } } } }`;
  type Match = { id: string; key: string; status: string; playerA: { id: string } | null; playerB: { id: string } | null; winner: { id: string } | null; score: string | null };
  const bracketOf = async (id: string) =>
    (await client.execute<{ tournament: { bracket: { side: string; round: number; matches: Match[] }[] } }>(ANONYMOUS, BRACKET, { id })).data!.tournament.bracket;
  const matchNamed = async (id: string, key: string) => (await bracketOf(id)).flatMap((r) => r.matches).find((m) => m.key === key)!;
  const REPORT = `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { key status winner { id } score } } }`;
  const report = (viewer: Viewer, matchId: string, winnerId: string, score?: string) => client.execute(viewer, REPORT, { input: { matchId, winnerId, score } });
  const gameServer: Viewer = { userId: null, role: null, kind: 'service', scopes: ['REPORT_MATCH_RESULTS'], serviceId: randomUUID() };

  /** Four players (levels 4, 3, 2, 1: seeds 1–4) in a started single-elimination tournament. */
  async function started(change: Record<string, unknown> = {}) {
    const id = await tournament({ minParticipants: 2, ...change });
    const players = [4, 3, 2, 1].map((level) => player(0, level));
    for (const p of players) await join(p, id);
    expect((await start(organizer, id)).errors).toBeUndefined();
    return { id, players: players.map((p) => p.userId!) };
  }

  it('draws the bracket in rounds, players known where seeds decide', async () => {
    const { id, players: [s1, s2, s3, s4] } = await started({ formatOptions: { thirdPlaceMatch: true } });
    const bracket = await bracketOf(id);
    expect(bracket.map((r) => [r.side, r.round, r.matches.map((m) => [m.key, m.status, m.playerA?.id ?? null, m.playerB?.id ?? null])])).toEqual([
      ['WINNERS', 1, [['W1-1', 'READY', s1, s4], ['W1-2', 'READY', s2, s3]]],
      ['WINNERS', 2, [['W2-1', 'PENDING', null, null]]],
      ['THIRD_PLACE', 1, [['3P', 'PENDING', null, null]]],
    ]);
  });

  it('the game server decides; winners move on, losers to the third-place match; a retry changes nothing', async () => {
    const { id, players: [s1, s2, s3, s4] } = await started({ formatOptions: { thirdPlaceMatch: true } });
    const w11 = await matchNamed(id, 'W1-1');
    const retries = await Promise.all([1, 2, 3, 4].map(() => report(gameServer, w11.id, s1!, '2-0')));
    for (const r of retries) expect(r.data).toEqual({ reportMatchResult: { match: { key: 'W1-1', status: 'COMPLETED', winner: { id: s1 }, score: '2-0' } } });
    expect(await db.prisma.outboxEvent.count({ where: { type: 'tournament.match_won', payload: { path: ['matchId'], equals: w11.id } } })).toBe(1);
    expect(await matchNamed(id, 'W2-1')).toMatchObject({ status: 'PENDING', playerA: { id: s1 }, playerB: null });
    expect(await matchNamed(id, '3P')).toMatchObject({ status: 'PENDING', playerA: { id: s4 }, playerB: null });

    await report(gameServer, (await matchNamed(id, 'W1-2')).id, s3!);
    expect(await matchNamed(id, 'W2-1')).toMatchObject({ status: 'READY', playerA: { id: s1 }, playerB: { id: s3 } });
    expect(await matchNamed(id, '3P')).toMatchObject({ status: 'READY', playerA: { id: s4 }, playerB: { id: s2 } });

    expect(codeOf(await report(gameServer, w11.id, s4!))).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'MATCH_FINISHED' });
    expect(codeOf(await report(gameServer, (await matchNamed(id, 'W2-1')).id, s2!))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'winnerId' });
  });

  it('players decide together: agreeing completes, disagreeing disputes, the organizer settles', async () => {
    const { id, players: [s1, s2, s3, s4] } = await started();
    const [a, b, c, d] = [s1, s2, s3, s4].map((userId) => ({ userId: userId!, role: 'PLAYER' as const }));
    const w11 = await matchNamed(id, 'W1-1');
    expect((await report(a!, w11.id, s4!)).data).toMatchObject({ reportMatchResult: { match: { status: 'READY', winner: null } } });
    expect((await report(d!, w11.id, s4!, '2-1')).data).toMatchObject({ reportMatchResult: { match: { status: 'COMPLETED', winner: { id: s4 } } } });

    const w12 = await matchNamed(id, 'W1-2');
    expect(codeOf(await report(a!, w12.id, s2!))).toMatchObject({ code: 'FORBIDDEN' });
    await report(b!, w12.id, s2!);
    expect((await report(c!, w12.id, s3!)).data).toMatchObject({ reportMatchResult: { match: { status: 'DISPUTED' } } });
    expect(codeOf(await report(c!, w12.id, s2!))).toMatchObject({ code: 'CONFLICT', reason: 'DISPUTED' });
    expect((await report(organizer, w12.id, s3!)).data).toMatchObject({ reportMatchResult: { match: { status: 'COMPLETED', winner: { id: s3 } } } });
    expect(await matchNamed(id, 'W2-1')).toMatchObject({ status: 'READY', playerA: { id: s4 }, playerB: { id: s3 } });
  });

  it.each<[string, Viewer, string]>([
    ['anonymous', ANONYMOUS, 'UNAUTHENTICATED'],
    ['a service token without the scope', { userId: null, role: null, kind: 'service', scopes: ['REPORT_GAME_EVENTS'], serviceId: randomUUID() }, 'FORBIDDEN'],
    ['another organizer', player(0, 1, 'ORGANIZER'), 'FORBIDDEN'],
  ])('%s may not report', async (_who, viewer, code) => {
    const { id, players } = await started();
    expect(codeOf(await report(viewer, (await matchNamed(id, 'W1-1')).id, players[0]!))).toMatchObject({ code });
  });

  it('answers NOT_FOUND for an unknown match and MATCH_NOT_READY before its players are known', async () => {
    const { id, players } = await started();
    expect(codeOf(await report(gameServer, randomUUID(), players[0]!))).toMatchObject({ code: 'NOT_FOUND' });
    expect(codeOf(await report(gameServer, (await matchNamed(id, 'W2-1')).id, players[0]!))).toMatchObject({ code: 'CONFLICT', reason: 'MATCH_NOT_READY' });
  });

  it.each([
    ['the losers’ champion wins the first final: the reset is played', 'B', 'READY'],
    ['the winners’ champion wins the first final: the reset is skipped', 'A', 'SKIPPED'],
  ])('double elimination with a reset: %s', async (_name, gf1Winner, reset) => {
    const id = await tournament({ format: 'DOUBLE_ELIMINATION', formatOptions: { grandFinalReset: true }, minParticipants: 2 });
    const [a, b] = [player(0, 2), player(0, 1)];
    await join(a, id);
    await join(b, id);
    expect((await start(organizer, id)).errors).toBeUndefined();
    await report(gameServer, (await matchNamed(id, 'W1-1')).id, a.userId!);
    const gf1 = await matchNamed(id, 'GF1');
    expect(gf1).toMatchObject({ status: 'READY', playerA: { id: a.userId }, playerB: { id: b.userId } });
    await report(gameServer, gf1.id, gf1Winner === 'A' ? a.userId! : b.userId!);
    const gf2 = await matchNamed(id, 'GF2');
    expect(gf2.status).toBe(reset);
    if (reset === 'SKIPPED') expect(codeOf(await report(gameServer, gf2.id, a.userId!))).toMatchObject({ code: 'CONFLICT', reason: 'MATCH_NOT_READY' });
    else expect((await report(gameServer, gf2.id, b.userId!)).data).toMatchObject({ reportMatchResult: { match: { status: 'COMPLETED', winner: { id: b.userId } } } });
  });

  it('Swiss: a finished round pairs the next without rematches, byes to different players, and stops after the last round', async () => {
    const id = await tournament({ format: 'SWISS', formatOptions: { swissRounds: 3 }, minParticipants: 2 });
    const players = [5, 4, 3, 2, 1].map((level) => player(0, level));
    for (const p of players) await join(p, id);
    expect((await start(organizer, id)).errors).toBeUndefined();
    const met = new Set<string>();
    const byes: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const matches = (await bracketOf(id)).filter((r) => r.round === round).flatMap((r) => r.matches);
      expect(matches).toHaveLength(3); // two games and a bye
      for (const m of matches) {
        if (!m.playerB) {
          expect(m).toMatchObject({ status: 'COMPLETED', winner: { id: m.playerA!.id } });
          byes.push(m.playerA!.id);
          continue;
        }
        const pair = [m.playerA!.id, m.playerB.id].sort().join(':');
        expect(met.has(pair)).toBe(false);
        met.add(pair);
        expect(codeOf(await report(gameServer, m.id, m.playerB.id))).toBeUndefined();
      }
    }
    expect(new Set(byes).size).toBe(3);
    expect((await bracketOf(id)).map((r) => r.round)).toEqual([1, 2, 3]);
  });

  it('reads the bracket in the same statements for 4 players and for 32', async () => {
    const operations: string[] = [];
    const { recordingPrisma } = await import('../../platform/testing.js');
    const counting = subgraphClient(tournamentsSubgraph.create({ db: { ...db, prisma: recordingPrisma(db.prisma, operations) }, redis: newTestRedis(), now: () => now, users, jobQueuePrefix }));
    await counting.server.start();
    try {
      const small = (await started()).id;
      const large = await tournament({ maxParticipants: 32 });
      for (let i = 0; i < 32; i++) await join(player(), large);
      await start(organizer, large);
      const statements = async (id: string) => {
        operations.length = 0;
        const result = await counting.execute(ANONYMOUS, BRACKET, { id });
        expect(result.errors).toBeUndefined();
        return [...operations];
      };
      expect(await statements(large)).toEqual(await statements(small));
    } finally {
      await counting.server.stop();
    }
  });

  const FINAL = `query($id: ID!) { tournament(id: $id) { status completedAt prizePool { total } standings { placement prize player { id } } } }`;
  type Final = { status: string; completedAt: string | null; prizePool: { total: number }; standings: { placement: number; prize: number; player: { id: string } }[] };
  const finalOf = async (id: string) => (await client.execute<{ tournament: Final }>(ANONYMOUS, FINAL, { id })).data!.tournament;
  const prizesPaid = (id: string) => [...users.applied.values()].filter((op) => op.reason === 'tournament_prize' && op.reference === id);

  /** Plays every open match of the tournament, the favourite (lower seed number) winning, until none is open. */
  async function playOut(id: string, seeds: string[], favourite = true) {
    for (let guard = 0; guard < 50; guard++) {
      const open = (await bracketOf(id)).flatMap((r) => r.matches).filter((m) => m.status === 'READY');
      if (!open.length) return;
      for (const m of open) {
        const [a, b] = [m.playerA!.id, m.playerB!.id];
        const better = seeds.indexOf(a) < seeds.indexOf(b) ? a : b;
        expect(codeOf(await report(gameServer, m.id, favourite ? better : better === a ? b : a))).toBeUndefined();
      }
    }
  }

  it('the last result completes the tournament: standings, prizes paid once by their jobs, tournament.completed with places and prizes', async () => {
    // 4 players pay 100 each: the pool is 1,000 fixed + 50% of 400 = 1,200, split 50/30/20.
    const id = await tournament({ entryFee: 100, formatOptions: { thirdPlaceMatch: true }, prizePool: { fixed: 1_000, feeSharePercent: 50, distribution: [50, 30, 20] } });
    const players = [4, 3, 2, 1].map((level) => player(100, level));
    for (const p of players) expect(codeOf(await join(p, id))).toBeUndefined();
    expect((await start(organizer, id)).errors).toBeUndefined();
    const seeds = players.map((p) => p.userId!);
    await playOut(id, seeds);

    const final = await finalOf(id);
    expect(final).toMatchObject({ status: 'COMPLETED', prizePool: { total: 1_200 } });
    expect(final.completedAt).not.toBeNull();
    expect(final.standings).toEqual([
      { placement: 1, prize: 600, player: { id: seeds[0] } },
      { placement: 2, prize: 360, player: { id: seeds[1] } },
      { placement: 3, prize: 240, player: { id: seeds[2] } },
      { placement: 4, prize: 0, player: { id: seeds[3] } },
    ]);
    const completed = await db.prisma.outboxEvent.findMany({ where: { type: 'tournament.completed', payload: { path: ['tournamentId'], equals: id } } });
    expect(completed).toHaveLength(1);
    expect((completed[0]!.payload as { placements: unknown[] }).placements).toEqual([
      { userId: seeds[0], placement: 1, prize: 600 },
      { userId: seeds[1], placement: 2, prize: 360 },
      { userId: seeds[2], placement: 3, prize: 240 },
      { userId: seeds[3], placement: 4, prize: 0 },
    ]);
    // The prizes are jobs: run them twice over (a second replica), nothing is paid twice.
    await runJobs();
    await runJobs();
    expect(prizesPaid(id).map((op) => [op.userId, op.amount]).sort()).toEqual([[seeds[0], 600], [seeds[1], 360], [seeds[2], 240]].sort());
    expect(players.map(coins)).toEqual([600, 360, 240, 0]);
    // A late retry of the final's result changes nothing.
    const last = (await bracketOf(id)).flatMap((r) => r.matches).find((m) => m.key === 'W2-1')!;
    expect((await report(gameServer, last.id, last.winner!.id)).errors).toBeUndefined();
    expect(await db.prisma.outboxEvent.count({ where: { type: 'tournament.completed', payload: { path: ['tournamentId'], equals: id } } })).toBe(1);
    expect(codeOf(await report(gameServer, last.id, last.winner!.id === seeds[0] ? seeds[1]! : seeds[0]!))).toMatchObject({ code: 'CONFLICT', reason: 'MATCH_FINISHED' });
  });

  it('a prize credited whose answer was lost (the crash window) is paid once when its job runs again', async () => {
    const id = await tournament({ prizePool: { fixed: 500, distribution: [100] } });
    const [a, b] = [player(0, 2), player(0, 1)];
    await join(a, id);
    await join(b, id);
    expect((await start(organizer, id)).errors).toBeUndefined();
    users.loseNextAnswer = true; // the ledger applies the credit, then the job sees a timeout
    await report(gameServer, (await matchNamed(id, 'W1-1')).id, b.userId!);
    expect((await finalOf(id)).standings.map((s) => [s.player.id, s.prize])).toEqual([[b.userId, 500], [a.userId, 0]]);
    await runJobs();
    expect(coins(b)).toBe(500);
    const job = await db.prisma.job.findFirstOrThrow({ where: { queue: `${jobQueuePrefix}.prize`, payload: { path: ['tournamentId'], equals: id } } });
    expect(job.status).toBe('PENDING'); // the lost answer counts as a failure: it will run again
    await db.prisma.job.update({ where: { id: job.id }, data: { runAt: new Date(Date.now() - 1000) } });
    await runJobs();
    expect(coins(b)).toBe(500);
    expect(prizesPaid(id)).toHaveLength(1);
    expect((await db.prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe('DONE');
  });

  it.each([
    ['DOUBLE_ELIMINATION', { grandFinalReset: true }, 4],
    ['ROUND_ROBIN', {}, 5],
    ['SWISS', { swissRounds: 3 }, 6],
  ])('%s completes with every player placed once', async (format, formatOptions, n) => {
    const id = await tournament({ format, formatOptions, maxParticipants: 8, prizePool: { fixed: 100, distribution: [70, 30] } });
    const players = Array.from({ length: n }, (_, i) => player(0, n - i));
    for (const p of players) await join(p, id);
    expect((await start(organizer, id)).errors).toBeUndefined();
    const seeds = players.map((p) => p.userId!);
    await playOut(id, seeds);
    const final = await finalOf(id);
    expect(final.status).toBe('COMPLETED');
    expect(final.standings.map((s) => s.placement)).toEqual(seeds.map((_, i) => i + 1));
    expect(new Set(final.standings.map((s) => s.player.id))).toEqual(new Set(seeds));
    // Favourites always won: the top seed wins, and the prizes are 70 and 30.
    expect(final.standings[0]!.player.id).toBe(seeds[0]);
    expect(final.standings.map((s) => s.prize).slice(0, 3)).toEqual([70, 30, 0]);
  });

  it('LADDER: challenges up to the range as matches, the winner takes the place, the end time ranks the ladder and pays', async () => {
    const endsAt = new Date(now.getTime() + 2 * 3600_000);
    const id = await tournament({ format: 'LADDER', formatOptions: { ladderChallengeRange: 2 }, endsAt: endsAt.toISOString(), prizePool: { fixed: 90, distribution: [100] } });
    const [a, b, c, d] = [4, 3, 2, 1].map((level) => player(0, level));
    for (const p of [a, b, c, d]) await join(p!, id);
    expect((await start(organizer, id)).errors).toBeUndefined();
    const CHALLENGE = `mutation($t: ID!, $d: ID!) { challengeOnLadder(input: { tournamentId: $t, defenderId: $d }) { match { id key status playerA { id } playerB { id } } } }`;
    const challenge = (by: Viewer, defender: Viewer) => client.execute<{ challengeOnLadder: { match: Match } }>(by, CHALLENGE, { t: id, d: defender.userId });
    const LADDER = `query($id: ID!) { tournament(id: $id) { ladder { id } bracket { side round matches { key status } } } }`;
    const ladderOf = async () => (await client.execute<{ tournament: { ladder: { id: string }[] } }>(ANONYMOUS, LADDER, { id })).data!.tournament.ladder.map((u) => u.id);
    expect(await ladderOf()).toEqual([a, b, c, d].map((p) => p!.userId));

    // d (4th) may reach b (2nd) with a range of 2, not a (1st); nobody challenges down.
    expect(codeOf(await challenge(d!, a!))).toMatchObject({ code: 'CONFLICT', field: 'defenderId' });
    expect(codeOf(await challenge(b!, c!))).toMatchObject({ code: 'CONFLICT', field: 'defenderId' });
    expect(codeOf(await challenge(d!, player()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'defenderId' });
    expect(codeOf(await challenge(player(), a!))).toMatchObject({ code: 'FORBIDDEN' });
    const made = await challenge(d!, b!);
    expect(made.errors).toBeUndefined();
    expect(made.data!.challengeOnLadder.match).toMatchObject({ key: 'LD1', status: 'READY', playerA: { id: d!.userId }, playerB: { id: b!.userId } });
    expect((await challenge(d!, b!)).data!.challengeOnLadder.match.id).toBe(made.data!.challengeOnLadder.match.id); // a retry
    expect(codeOf(await challenge(c!, b!))).toMatchObject({ code: 'CONFLICT', reason: 'DEFENDER_BUSY' });
    expect(codeOf(await challenge(d!, c!))).toMatchObject({ code: 'CONFLICT', reason: 'CHALLENGER_BUSY' });

    await report(gameServer, made.data!.challengeOnLadder.match.id, d!.userId!);
    expect(await ladderOf()).toEqual([a, d, b, c].map((p) => p!.userId));
    // c (now 4th) challenges d (2nd, two places up) and loses: nothing moves; b challenges d and it is left undecided.
    const secondly = await challenge(c!, d!);
    expect(secondly.errors).toBeUndefined();
    const second = secondly.data!.challengeOnLadder.match;
    await report(gameServer, second.id, d!.userId!);
    const undecided = (await challenge(b!, d!)).data!.challengeOnLadder.match;
    expect(await ladderOf()).toEqual([a, d, b, c].map((p) => p!.userId));
    expect(await stateOf(id)).toMatchObject({ status: 'IN_PROGRESS' });

    // The end time: the ladder is the final standings; the undecided challenge is skipped.
    const before = now;
    now = new Date(endsAt.getTime() + 1_000);
    try {
      await jobsDueNow();
      await runJobs();
    } finally {
      now = before;
    }
    expect((await finalOf(id)).standings.map((s) => [s.placement, s.player.id, s.prize])).toEqual([
      [1, a!.userId, 90],
      [2, d!.userId, 0],
      [3, b!.userId, 0],
      [4, c!.userId, 0],
    ]);
    expect(await matchNamed(id, 'LD3')).toMatchObject({ id: undecided.id, status: 'SKIPPED' });
    await runJobs();
    expect(coins(a!)).toBe(90);
    expect(codeOf(await challenge(c!, b!))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_PROGRESS' });
  });
});

describe('prize pools: the fixed part is paid by the creator', () => {
  const CREATE_KEYED = `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id prizePool { fixed total } } } }`;
  const create = (by: Viewer, fixed: number, change: Record<string, unknown> = {}) =>
    client.execute<{ createTournament: { tournament: { id: string; prizePool: { fixed: number; total: number } } } }>(by, CREATE_KEYED, {
      input: { name: `Pool ${randomUUID().slice(0, 8)}`, format: 'SINGLE_ELIMINATION', startsAt: new Date(now.getTime() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 8, prizePool: { fixed, distribution: [100] }, ...change },
    });
  const poolMoves = (userId: string) => [...users.applied.values()].filter((op) => op.userId === userId && op.reason.startsWith('tournament_prize_pool')).map((op) => `${op.reason} ${op.amount}`);
  const createdBy = (viewer: Viewer) => db.prisma.tournament.findMany({ where: { createdBy: viewer.userId! } });

  it('takes the fixed part from the creator once, before the tournament exists; INSUFFICIENT_FUNDS creates nothing, and the same key pays after a top-up', async () => {
    const org = player(1_000, 1, 'ORGANIZER');
    const made = await create(org, 600);
    expect(made.errors).toBeUndefined();
    expect(made.data!.createTournament.tournament.prizePool).toEqual({ fixed: 600, total: 600 });
    expect(coins(org)).toBe(400);
    expect(poolMoves(org.userId!)).toEqual(['tournament_prize_pool -600']);

    const poor = player(100, 1, 'ORGANIZER');
    const refused = await create(poor, 600, { requestKey: 'poor-cup-1' });
    expect(codeOf(refused)).toMatchObject({ code: 'INSUFFICIENT_FUNDS', field: 'prizePool.fixed' });
    expect(await createdBy(poor)).toEqual([]);
    expect(coins(poor)).toBe(100);
    // The settle job leaves a refused payment alone: nothing is taken later behind the creator's back.
    await jobsDueNow();
    await runJobs();
    expect(await createdBy(poor)).toEqual([]);
    expect(coins(poor)).toBe(100);
    users.balance.set(poor.userId!, 700);
    const retried = await create(poor, 600, { requestKey: 'poor-cup-1' });
    expect(retried.errors).toBeUndefined();
    expect(coins(poor)).toBe(100);
    expect((await createdBy(poor)).map((t) => t.id)).toEqual([retried.data!.createTournament.tournament.id]);
    expect((await create(poor, 600, { requestKey: 'poor-cup-1' })).data!.createTournament.tournament.id).toBe(retried.data!.createTournament.tournament.id);
    expect(poolMoves(poor.userId!)).toEqual(['tournament_prize_pool -600']);
  });

  it('the same request sent four times at once makes one tournament and one debit', async () => {
    const org = player(1_000, 1, 'ORGANIZER');
    const results = await Promise.all([1, 2, 3, 4].map(() => create(org, 250, { requestKey: 'concurrent-cup' })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data!.createTournament.tournament.id)).size).toBe(1);
    expect(await createdBy(org)).toHaveLength(1);
    expect(coins(org)).toBe(750);
    expect(poolMoves(org.userId!)).toEqual(['tournament_prize_pool -250']);
  });

  it('a debit whose answer was lost: the retry with the key, or else the settle job, creates the tournament without a second debit', { timeout: 60_000 }, async () => {
    const org = player(1_000, 1, 'ORGANIZER');
    users.loseNextAnswer = true;
    expect(codeOf(await create(org, 300, { requestKey: 'lost-answer-1' }))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(coins(org)).toBe(700);
    expect(await createdBy(org)).toEqual([]);
    const retried = await create(org, 300, { requestKey: 'lost-answer-1' });
    expect(retried.errors).toBeUndefined();
    expect(coins(org)).toBe(700);

    users.loseNextAnswer = true;
    expect(codeOf(await create(org, 200))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await createdBy(org)).toHaveLength(1);
    // The settle job (a job that fails, on a busy machine, runs again after its backoff).
    await expect
      .poll(async () => {
        await jobsDueNow();
        await runJobs();
        return (await createdBy(org)).length;
      }, { timeout: 30_000, interval: 200 })
      .toBe(2);
    const made = await createdBy(org);
    expect(made.map((t) => t.prizeFixed).sort()).toEqual([200, 300]);
    expect(made.map((t) => t.prizeFunded).sort()).toEqual([200, 300]);
    expect(coins(org)).toBe(500);
    expect(poolMoves(org.userId!).sort()).toEqual(['tournament_prize_pool -200', 'tournament_prize_pool -300']);
  });

  it('a cancellation gives the fixed part back once, beside every entry fee', async () => {
    const org = player(1_000, 1, 'ORGANIZER');
    const id = (await create(org, 400, { entryFee: 30 })).data!.createTournament.tournament.id;
    const p = player(30);
    expect(codeOf(await join(p, id))).toBeUndefined();
    expect(coins(org)).toBe(600);
    expect((await cancel(org, id)).errors).toBeUndefined();
    await runJobs();
    await runJobs();
    expect(coins(org)).toBe(1_000);
    expect(coins(p)).toBe(30);
    expect(codeOf(await cancel(org, id))).toMatchObject({ code: 'CONFLICT', field: 'status' });
    await runJobs();
    expect(coins(org)).toBe(1_000);
    expect(poolMoves(org.userId!)).toEqual(['tournament_prize_pool -400', 'tournament_prize_pool_refund 400']);
  });

  it('a start with too few players cancels and gives the fixed part back too', async () => {
    const org = player(500, 1, 'ORGANIZER');
    const id = (await create(org, 500, { minParticipants: 3 })).data!.createTournament.tournament.id;
    await join(player(), id);
    expect(coins(org)).toBe(0);
    const before = now;
    now = new Date(now.getTime() + 3600_000 + 1_000);
    try {
      await jobsDueNow();
      await runJobs();
      await runJobs();
    } finally {
      now = before;
    }
    expect(await stateOf(id)).toMatchObject({ status: 'CANCELLED' });
    expect(coins(org)).toBe(500);
    expect(poolMoves(org.userId!)).toEqual(['tournament_prize_pool -500', 'tournament_prize_pool_refund 500']);
  });

  it('places nobody reached leave their share of the fixed part to the creator at completion', async () => {
    const org = player(1_000, 1, 'ORGANIZER');
    // 100 fixed split 50/30/20 between two players: 50 and 30 paid, 20 back to the organizer.
    const id = (await create(org, 100, { prizePool: { fixed: 100, distribution: [50, 30, 20] } })).data!.createTournament.tournament.id;
    const [a, b] = [player(0, 2), player(0, 1)];
    await join(a, id);
    await join(b, id);
    expect((await start(org, id)).errors).toBeUndefined();
    const server: Viewer = { userId: null, role: null, kind: 'service', scopes: ['REPORT_MATCH_RESULTS'], serviceId: randomUUID() };
    const match = await db.prisma.tournamentMatch.findFirstOrThrow({ where: { tournamentId: id } });
    const reported = await client.execute(server, `mutation($m: ID!, $w: ID!) { reportMatchResult(input: { matchId: $m, winnerId: $w }) { match { status } } }`, { m: match.id, w: a.userId });
    expect(reported.errors).toBeUndefined();
    await runJobs();
    await runJobs();
    expect([coins(a), coins(b)]).toEqual([50, 30]);
    expect(coins(org)).toBe(920);
    expect(poolMoves(org.userId!)).toEqual(['tournament_prize_pool -100', 'tournament_prize_pool_refund 20']);
  });
});

describe('endLadder', () => {
  const END = `mutation($id: ID!) { endLadder(input: { tournamentId: $id }) { tournament { id status completedAt standings { placement prize player { id } } } } }`;
  type Ended = { endLadder: { tournament: { id: string; status: string; completedAt: string | null; standings: { placement: number; prize: number; player: { id: string } }[] } } };
  const end = (viewer: Viewer, id: string) => client.execute<Ended>(viewer, END, { id });
  const CHALLENGE = `mutation($t: ID!, $d: ID!) { challengeOnLadder(input: { tournamentId: $t, defenderId: $d }) { match { id } } }`;

  it('ends a ladder without endsAt: its order is the standings, undecided challenges SKIPPED, prizes paid once, a retry changes nothing', async () => {
    const org = player(1_000, 1, 'ORGANIZER');
    const id = await tournament({ format: 'LADDER', prizePool: { fixed: 120, distribution: [75, 25] } }, org);
    const [a, b, c] = [3, 2, 1].map((level) => player(0, level));
    for (const p of [a, b, c]) await join(p!, id);

    expect(codeOf(await end(org, id))).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_PROGRESS' });
    expect((await start(org, id)).errors).toBeUndefined();
    // Refusals change nothing.
    expect(codeOf(await end(ANONYMOUS, id))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(codeOf(await end(a!, id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(await end(player(0, 1, 'ORGANIZER'), id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(await end({ userId: null, role: null, kind: 'service', scopes: ['REPORT_MATCH_RESULTS'], serviceId: randomUUID() }, id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(codeOf(await end(org, randomUUID()))).toMatchObject({ code: 'NOT_FOUND' });
    expect(codeOf(await end(org, 'not-an-id'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await stateOf(id)).toMatchObject({ status: 'IN_PROGRESS' });

    const undecided = await client.execute<{ challengeOnLadder: { match: { id: string } } }>(c!, CHALLENGE, { t: id, d: b!.userId });
    expect(undecided.errors).toBeUndefined();
    const ended = await end(org, id);
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endLadder.tournament).toMatchObject({ id, status: 'COMPLETED', completedAt: expect.any(String) });
    expect(ended.data!.endLadder.tournament.standings.map((s) => [s.placement, s.player.id, s.prize])).toEqual([
      [1, a!.userId, 90],
      [2, b!.userId, 30],
      [3, c!.userId, 0],
    ]);
    expect((await db.prisma.tournamentMatch.findUniqueOrThrow({ where: { id: undecided.data!.challengeOnLadder.match.id } })).status).toBe('SKIPPED');
    await runJobs();
    await runJobs();
    expect([coins(a!), coins(b!), coins(c!)]).toEqual([90, 30, 0]);

    // A retry (or an admin's second call) answers the ended ladder; nothing completes or pays twice.
    const again = await end({ userId: randomUUID(), role: 'ADMIN' }, id);
    expect(again.errors).toBeUndefined();
    expect(again.data!.endLadder.tournament.completedAt).toBe(ended.data!.endLadder.tournament.completedAt);
    await runJobs();
    expect([coins(a!), coins(b!), coins(c!)]).toEqual([90, 30, 0]);
    expect(await db.prisma.outboxEvent.count({ where: { type: 'tournament.completed', payload: { path: ['tournamentId'], equals: id } } })).toBe(1);
    expect(codeOf(await client.execute(a!, CHALLENGE, { t: id, d: b!.userId }))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_PROGRESS' });
  });

  it('refuses other formats (BAD_USER_INPUT) and a cancelled ladder (CONFLICT)', async () => {
    const elimination = await tournament();
    await join(player(), elimination);
    await join(player(), elimination);
    expect((await start(organizer, elimination)).errors).toBeUndefined();
    expect(codeOf(await end(organizer, elimination))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tournamentId' });
    expect(await stateOf(elimination)).toMatchObject({ status: 'IN_PROGRESS' });

    const ladder = await tournament({ format: 'LADDER' });
    expect((await cancel(organizer, ladder)).errors).toBeUndefined();
    expect(codeOf(await end(organizer, ladder))).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_PROGRESS' });
    expect(await stateOf(ladder)).toMatchObject({ status: 'CANCELLED' });
  });
});
