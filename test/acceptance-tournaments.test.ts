import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { acceptanceCalls, HUGE, type Player } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { subscribe, untilListening, type Subscription } from './support/ws.js';
import { eventually } from './support/eventually.js';

// Tournaments and leaderboards as a studio reads schema/tournaments.graphql and
// schema/tournaments/leaderboards.graphql: who may call what (organizer, player, game server,
// ADMIN), each refusal's code, field and reason, defaults, retries that change nothing, and hostile
// input on every argument.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});


const { must, refusal, expectRefusals } = acceptanceCalls(() => url);

let admin: string | undefined;
const adminToken = async () => (admin ??= await signInAsAdmin(platform, url));
let reporter: string | undefined;
let eventsOnly: string | undefined;
const gameServer = async () => (reporter ??= await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']));
const otherService = async () => (eventsOnly ??= await gameServerToken(platform, url, ['REPORT_GAME_EVENTS']));
async function fund(player: Player, coins: number) {
  await must(await adminToken(), `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
    input: { userId: player.id, idempotencyKey: `acc-tour-${randomUUID()}`, reason: 'test', changes: [{ currency: 'COINS', amount: coins }] },
  });
  return player;
}
const coinsOf = async (player: Player) =>
  (await must<{ me: { wallet: { balances: { currency: string; amount: number }[] } } }>(player, `query { me { wallet { balances { currency amount } } } }`)).me.wallet.balances.find(
    (b) => b.currency === 'COINS',
  )?.amount ?? 0;
/** A fresh ORGANIZER, signed in again after the role change. */
async function organizer(coins = 0): Promise<Player> {
  const player = await registerPlayer(url);
  if (coins) await fund(player, coins);
  await platform.runtime.db.prisma.user.update({ where: { id: player.id }, data: { role: 'ORGANIZER' } });
  const login = await must<{ login: { accessToken: string } }>(undefined, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: player.username });
  return { ...player, token: login.login.accessToken };
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const CREATE = `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament {
  id name description format status maxParticipants minParticipants entryFee minimumLevel rules participantCount endsAt completedAt bracket { round } ladder { id } standings { placement }
  formatOptions { bestOf thirdPlaceMatch grandFinalReset swissRounds ladderChallengeRange } prizePool { fixed feeSharePercent distribution total } } } }`;
type Tournament = { id: string; status: string; participantCount: number; prizePool: { total: number } } & Record<string, unknown>;
const base = (over: Record<string, unknown> = {}) => ({ name: `Acceptance Cup ${randomUUID().slice(0, 6)}`, format: 'SINGLE_ELIMINATION', startsAt: inAnHour(), minParticipants: 2, maxParticipants: 8, ...over });
const create = async (org: Player | string, over: Record<string, unknown> = {}) => (await must<{ createTournament: { tournament: Tournament } }>(org, CREATE, { input: base(over) })).createTournament.tournament;
const JOIN = `mutation($t: ID!) { joinTournament(input: { tournamentId: $t }) { tournament { id participantCount } } }`;
const LEAVE = `mutation($t: ID!) { leaveTournament(input: { tournamentId: $t }) { tournament { id participantCount } } }`;
const START = `mutation($t: ID!) { startTournament(input: { tournamentId: $t }) { tournament { id status } } }`;
const CANCEL = `mutation($t: ID!) { cancelTournament(input: { tournamentId: $t }) { tournament { id status } } }`;
const REPORT = `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { id key status score winner { id } } } }`;
const BRACKET = `query($id: ID!) { tournament(id: $id) { status bracket { side round matches { id key status playerA { id } playerB { id } winner { id } } } standings { placement prize player { id } } } }`;
type Match = { id: string; key: string; status: string; playerA: { id: string } | null; playerB: { id: string } | null; winner: { id: string } | null };
type Bracket = { tournament: { status: string; bracket: { side: string; round: number; matches: Match[] }[]; standings: { placement: number; prize: number; player: { id: string } }[] } };
const bracketOf = async (id: string) => (await must<Bracket>(undefined, BRACKET, { id })).tournament;
const report = (who: Player | string, matchId: string, winnerId: string, score?: string) => must<{ reportMatchResult: { match: Match & { score: string | null } } }>(who, REPORT, { input: { matchId, winnerId, score } });

/** A started single-elimination tournament of four players (level 1 each, so seeded by sign-up). */
async function startedFour(over: Record<string, unknown> = {}) {
  const org = await organizer();
  const tournament = await create(org, { maxParticipants: 4, ...over });
  const players = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
  for (const p of players) await must(p, JOIN, { t: tournament.id });
  await must(org, START, { t: tournament.id });
  return { org, tournament, players };
}

describe('acceptance: creating tournaments', () => {
  it('createTournament: organizers and admins only; each invalid value is BAD_USER_INPUT naming its (dotted) field; nothing stored', async () => {
    const org = await organizer();
    const ana = await registerPlayer(url);
    // Tournaments bearing a name these refusals sent (none may exist): counted by name because the
    // database may be shared with test files running alongside, which create tournaments too.
    const sent: string[] = [];
    const input = (over: Record<string, unknown>) => {
      const fields = base(over);
      if (typeof fields.name === 'string') sent.push(fields.name, fields.name.trim());
      return { input: fields };
    };
    const count = () => platform.runtime.db.prisma.tournament.count({ where: { name: { in: sent } } });
    await expectRefusals(CREATE, [
      ['signed out', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['a player', ana, input({}), { code: 'FORBIDDEN' }],
      ['a game server', await gameServer(), input({}), { code: 'FORBIDDEN' }],
      ['a 2-character name', org, input({ name: 'ab' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a name of 2 characters once trimmed', org, input({ name: '   ab   ' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 101-character name', org, input({ name: 'n'.repeat(101) }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 100 KB name', org, input({ name: HUGE }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 2,001-character description', org, input({ description: 'd'.repeat(2_001) }), { code: 'BAD_USER_INPUT', field: 'description' }],
      ['a start in the past', org, input({ startsAt: new Date(Date.now() - 60_000).toISOString() }), { code: 'BAD_USER_INPUT', field: 'startsAt' }],
      ['a start more than a year ahead', org, input({ startsAt: new Date(Date.now() + 367 * 86_400_000).toISOString() }), { code: 'BAD_USER_INPUT', field: 'startsAt' }],
      ['an end before the start', org, input({ endsAt: new Date(Date.now() + 60_000).toISOString() }), { code: 'BAD_USER_INPUT', field: 'endsAt' }],
      ['a minimum of 1 player', org, input({ minParticipants: 1 }), { code: 'BAD_USER_INPUT', field: 'minParticipants' }],
      ['a maximum below the minimum', org, input({ minParticipants: 4, maxParticipants: 3 }), { code: 'BAD_USER_INPUT', field: 'maxParticipants' }],
      ['a maximum of 1,025', org, input({ maxParticipants: 1_025 }), { code: 'BAD_USER_INPUT', field: 'maxParticipants' }],
      ['a negative entry fee', org, input({ entryFee: -1 }), { code: 'BAD_USER_INPUT', field: 'entryFee' }],
      ['an entry fee of 1,000,001', org, input({ entryFee: 1_000_001 }), { code: 'BAD_USER_INPUT', field: 'entryFee' }],
      ['a minimum level of 0', org, input({ minimumLevel: 0 }), { code: 'BAD_USER_INPUT', field: 'minimumLevel' }],
      ['a minimum level of 101', org, input({ minimumLevel: 101 }), { code: 'BAD_USER_INPUT', field: 'minimumLevel' }],
      ['10,001 characters of rules', org, input({ rules: 'r'.repeat(10_001) }), { code: 'BAD_USER_INPUT', field: 'rules' }],
      ['a 7-character request key', org, input({ requestKey: 'k'.repeat(7) }), { code: 'BAD_USER_INPUT', field: 'requestKey' }],
      ['a 201-character request key', org, input({ requestKey: 'k'.repeat(201) }), { code: 'BAD_USER_INPUT', field: 'requestKey' }],
      ['best of 2', org, input({ formatOptions: { bestOf: 2 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.bestOf' }],
      ['best of 9', org, input({ formatOptions: { bestOf: 9 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.bestOf' }],
      ['a third-place match outside single elimination', org, input({ format: 'DOUBLE_ELIMINATION', formatOptions: { thirdPlaceMatch: true } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.thirdPlaceMatch' }],
      ['a reset outside double elimination', org, input({ formatOptions: { grandFinalReset: true } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.grandFinalReset' }],
      ['Swiss rounds outside Swiss', org, input({ formatOptions: { swissRounds: 3 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.swissRounds' }],
      ['0 Swiss rounds', org, input({ format: 'SWISS', formatOptions: { swissRounds: 0 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.swissRounds' }],
      ['21 Swiss rounds', org, input({ format: 'SWISS', maxParticipants: 1_024, formatOptions: { swissRounds: 21 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.swissRounds' }],
      ['a ladder range outside a ladder', org, input({ formatOptions: { ladderChallengeRange: 2 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.ladderChallengeRange' }],
      ['a ladder range of 0', org, input({ format: 'LADDER', formatOptions: { ladderChallengeRange: 0 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.ladderChallengeRange' }],
      ['a ladder range of 11', org, input({ format: 'LADDER', formatOptions: { ladderChallengeRange: 11 } }), { code: 'BAD_USER_INPUT', field: 'formatOptions.ladderChallengeRange' }],
      ['a negative fixed prize', org, input({ prizePool: { fixed: -1, distribution: [100] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.fixed' }],
      ['a fixed prize over 100,000,000', org, input({ prizePool: { fixed: 100_000_001, distribution: [100] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.fixed' }],
      ['a fee share of 101%', org, input({ prizePool: { feeSharePercent: 101, distribution: [100] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.feeSharePercent' }],
      ['a negative fee share', org, input({ prizePool: { feeSharePercent: -1, distribution: [100] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.feeSharePercent' }],
      ['no places', org, input({ prizePool: { distribution: [] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.distribution' }],
      ['places adding up to 90', org, input({ prizePool: { distribution: [60, 30] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.distribution' }],
      ['a place above the one before', org, input({ prizePool: { distribution: [40, 60] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.distribution' }],
      ['a place of 0', org, input({ prizePool: { distribution: [100, 0] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.distribution' }],
      ['33 places', org, input({ maxParticipants: 64, prizePool: { distribution: [...Array(32).fill(3), 4].sort((a, b) => b - a) } }), { code: 'BAD_USER_INPUT', field: 'prizePool.distribution' }],
      ['more places than players', org, input({ maxParticipants: 2, prizePool: { distribution: [50, 30, 20] } }), { code: 'BAD_USER_INPUT', field: 'prizePool.distribution' }],
      ['a fixed prize the organizer cannot pay', org, input({ prizePool: { fixed: 10, distribution: [100] } }), { code: 'INSUFFICIENT_FUNDS', field: 'prizePool.fixed' }],
    ]);
    // Values past Int and malformed dates are GraphQL's own refusals, never a 500.
    for (const over of [{ maxParticipants: 1e12 }, { startsAt: 'tomorrow' }, { startsAt: HUGE }, { entryFee: 1.5 }]) {
      expect((await refusal(org, CREATE, input(over))).code, JSON.stringify(over).slice(0, 40)).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    }
    expect(await count()).toBe(0);
  });

  it('defaults: free, level 1, no rules, best of 1, all to first place; a LADDER ranges 3; bracket, ladder and standings empty before play', async () => {
    const org = await organizer();
    const created = await create(org);
    expect(created).toMatchObject({
      description: '', format: 'SINGLE_ELIMINATION', status: 'REGISTRATION', entryFee: 0, minimumLevel: 1, rules: '', participantCount: 0, endsAt: null, completedAt: null,
      bracket: [], ladder: [], standings: [],
      formatOptions: { bestOf: 1, thirdPlaceMatch: false, grandFinalReset: false, swissRounds: null, ladderChallengeRange: null },
      prizePool: { fixed: 0, feeSharePercent: 0, distribution: [100], total: 0 },
    });
    expect((await create(org, { format: 'LADDER' })).formatOptions).toMatchObject({ ladderChallengeRange: 3, swissRounds: null });
    expect((await create(org, { format: 'SWISS' })).formatOptions).toMatchObject({ swissRounds: null });
    // The bounds are taken: a 100-character name, 2,000 characters of description, 1,024 players, 32 places.
    const edges = await create(org, { name: ` ${'n'.repeat(100)} `, description: 'd'.repeat(2_000), maxParticipants: 1_024, entryFee: 1_000_000, minimumLevel: 100, prizePool: { feeSharePercent: 100, distribution: [...Array(31).fill(3), 7].sort((a, b) => b - a) } });
    expect(edges).toMatchObject({ name: 'n'.repeat(100), maxParticipants: 1_024, minimumLevel: 100 });
    const TOURNAMENT = `query($id: ID!) { tournament(id: $id) { id } }`;
    for (const id of [randomUUID(), 'nope', '', HUGE.slice(0, 5_000)]) {
      const result = await gql<{ tournament: unknown }>(url, TOURNAMENT, { id });
      expect(result.errors, id.slice(0, 10)).toBeUndefined();
      expect(result.data?.tournament).toBeNull();
    }
  });

  it('a requestKey makes a retry answer the first tournament (other fields aside) and pays the fixed prize once', async () => {
    const org = await organizer(500);
    const key = `acc-${randomUUID()}`;
    const first = await create(org, { requestKey: key, prizePool: { fixed: 300, distribution: [100] } });
    expect(first.prizePool).toMatchObject({ fixed: 300, total: 300 });
    const again = await create(org, { requestKey: key, name: 'Another Name', prizePool: { fixed: 300, distribution: [100] } });
    expect(again.id).toBe(first.id);
    expect(await coinsOf(org)).toBe(200);
    // Another organizer's same key is their own.
    const other = await organizer();
    expect((await create(other, { requestKey: key })).id).not.toBe(first.id);
  });
});

describe('acceptance: registering', () => {
  it('joinTournament: the documented refusals with their reasons; the fee taken once, refunded on leaving', async () => {
    const org = await organizer();
    const tournament = await create(org, { maxParticipants: 2, entryFee: 50 });
    const high = await create(org, { minimumLevel: 20 });
    const [ana, ben, cat, poor] = [await fund(await registerPlayer(url), 100), await fund(await registerPlayer(url), 50), await fund(await registerPlayer(url), 50), await fund(await registerPlayer(url), 49)];
    await expectRefusals(JOIN, [
      ['signed out', undefined, { t: tournament.id }, { code: 'UNAUTHENTICATED' }],
      ['a game server', await gameServer(), { t: tournament.id }, { code: 'FORBIDDEN' }],
      ['an unknown tournament', ana, { t: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed id', ana, { t: 'nope' }, { code: 'NOT_FOUND' }],
      ['a huge id', ana, { t: HUGE }, { code: expect.stringMatching(/^(NOT_FOUND|BAD_USER_INPUT)$/) }],
      ['below the minimum level', ana, { t: high.id }, { code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minimumLevel: 20, level: 1 }],
      ['too few coins', poor, { t: tournament.id }, { code: 'INSUFFICIENT_FUNDS' }],
    ]);
    expect(await coinsOf(poor)).toBe(49);
    expect((await must<{ joinTournament: { tournament: { participantCount: number } } }>(ana, JOIN, { t: tournament.id })).joinTournament.tournament.participantCount).toBe(1);
    expect(await refusal(ana, JOIN, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'ALREADY_REGISTERED' });
    expect(await coinsOf(ana)).toBe(50);
    await must(ben, JOIN, { t: tournament.id });
    expect(await refusal(cat, JOIN, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'FULL' });
    expect(await coinsOf(cat)).toBe(50);

    await expectRefusals(LEAVE, [
      ['signed out', undefined, { t: tournament.id }, { code: 'UNAUTHENTICATED' }],
      ['a game server', await gameServer(), { t: tournament.id }, { code: 'FORBIDDEN' }],
      ['an unknown tournament', ana, { t: randomUUID() }, { code: 'NOT_FOUND' }],
      ['not registered', cat, { t: tournament.id }, { code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_REGISTERED' }],
    ]);
    expect((await must<{ leaveTournament: { tournament: { participantCount: number } } }>(ana, LEAVE, { t: tournament.id })).leaveTournament.tournament.participantCount).toBe(1);
    await eventually(async () => expect(await coinsOf(ana)).toBe(100));
    expect(await refusal(ana, LEAVE, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_REGISTERED' });
    // Joining again pays again.
    await must(ana, JOIN, { t: tournament.id });
    expect(await coinsOf(ana)).toBe(50);
    await must(org, START, { t: tournament.id });
    expect(await refusal(cat, JOIN, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_OPEN' });
    expect(await refusal(ana, LEAVE, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_OPEN' });
  });

  it('startTournament and cancelTournament: the organizer or an admin only; the documented conflicts; cancelling refunds fees and the fixed prize', async () => {
    const org = await organizer(100);
    const tournament = await create(org, { minParticipants: 3, entryFee: 10, prizePool: { fixed: 100, distribution: [100] } });
    const [ana, ben] = [await fund(await registerPlayer(url), 10), await fund(await registerPlayer(url), 10)];
    const otherOrg = await organizer();
    await must(ana, JOIN, { t: tournament.id });
    await must(ben, JOIN, { t: tournament.id });
    for (const op of [START, CANCEL]) {
      await expectRefusals(op, [
        ['signed out', undefined, { t: tournament.id }, { code: 'UNAUTHENTICATED' }],
        ['a player', ana, { t: tournament.id }, { code: 'FORBIDDEN' }],
        ['another organizer', otherOrg, { t: tournament.id }, { code: 'FORBIDDEN' }],
        ['a game server', await gameServer(), { t: tournament.id }, { code: 'FORBIDDEN' }],
        ['an unknown tournament', org, { t: randomUUID() }, { code: 'NOT_FOUND' }],
        ['a malformed id', org, { t: 'nope' }, { code: 'NOT_FOUND' }],
      ]);
    }
    expect(await refusal(org, START, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'TOO_FEW_PARTICIPANTS' });
    expect(await coinsOf(org)).toBe(0);
    // An admin may cancel another organizer's tournament.
    expect(await must(await adminToken(), CANCEL, { t: tournament.id })).toEqual({ cancelTournament: { tournament: { id: tournament.id, status: 'CANCELLED' } } });
    await eventually(async () => {
      expect(await coinsOf(ana)).toBe(10);
      expect(await coinsOf(ben)).toBe(10);
      expect(await coinsOf(org)).toBe(100);
    });
    expect(await refusal(org, CANCEL, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'status' });
    expect(await refusal(org, START, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_REGISTRATION' });
    expect(await refusal(ana, JOIN, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', reason: 'NOT_OPEN' });
  });
});

describe('acceptance: playing', () => {
  it('start draws the bracket: four players, two READY semi-finals, a PENDING final, keys as documented', async () => {
    const { tournament, players } = await startedFour();
    const state = await bracketOf(tournament.id);
    expect(state.status).toBe('IN_PROGRESS');
    expect(state.bracket.map((r) => [r.side, r.round, r.matches.map((m) => [m.key, m.status])])).toEqual([
      ['WINNERS', 1, [['W1-1', 'READY'], ['W1-2', 'READY']]],
      ['WINNERS', 2, [['W2-1', 'PENDING']]],
    ]);
    const seated = state.bracket[0]!.matches.flatMap((m) => [m.playerA!.id, m.playerB!.id]).sort();
    expect(seated).toEqual(players.map((p) => p.id).sort());
    // Seeds 1 and 2 (earliest sign-ups among equal levels) meet only in the final.
    expect(state.bracket[0]!.matches.map((m) => m.playerA!.id)).toEqual([players[0]!.id, players[1]!.id]);
  });

  it('reportMatchResult: who may report, hostile input, agreement, disputes and their settling, retries, and the final completing the tournament', async () => {
    const { org, tournament, players } = await startedFour({ prizePool: { distribution: [100] } });
    const [semi1, semi2] = (await bracketOf(tournament.id)).bracket[0]!.matches as [Match, Match];
    const final = (await bracketOf(tournament.id)).bracket[1]!.matches[0]!;
    const a = players.find((p) => p.id === semi1.playerA!.id)!;
    const b = players.find((p) => p.id === semi1.playerB!.id)!;
    const c = players.find((p) => p.id === semi2.playerA!.id)!;
    const d = players.find((p) => p.id === semi2.playerB!.id)!;
    const input = (over: Record<string, unknown>) => ({ input: { matchId: semi1.id, winnerId: a.id, ...over } });
    await expectRefusals(REPORT, [
      ['signed out', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['a player not in the match', c, input({}), { code: 'FORBIDDEN' }],
      ['a service token without the scope', await otherService(), input({}), { code: 'FORBIDDEN' }],
      ['an unknown match', org, input({ matchId: randomUUID() }), { code: 'NOT_FOUND' }],
      ['a malformed match', org, input({ matchId: HUGE.slice(0, 5_000) }), { code: 'NOT_FOUND' }],
      ['a winner not in the match', org, input({ winnerId: c.id }), { code: 'BAD_USER_INPUT', field: 'winnerId' }],
      ['an unknown winner', org, input({ winnerId: randomUUID() }), { code: 'BAD_USER_INPUT', field: 'winnerId' }],
      ['a blank score', org, input({ score: '   ' }), { code: 'BAD_USER_INPUT', field: 'score' }],
      ['a 33-character score', org, input({ score: 's'.repeat(33) }), { code: 'BAD_USER_INPUT', field: 'score' }],
      ['a 100 KB score', org, input({ score: HUGE }), { code: 'BAD_USER_INPUT', field: 'score' }],
      ['the final before its players are known', org, input({ matchId: final.id, winnerId: a.id }), { code: expect.stringMatching(/^(CONFLICT|BAD_USER_INPUT)$/) }],
    ]);
    expect(await refusal(org, REPORT, { input: { matchId: final.id, winnerId: a.id } })).toMatchObject({ code: 'CONFLICT' });
    // The two players agree: the first report waits, the second completes; a retry answers the match.
    expect((await report(a, semi1.id, a.id, '2-1')).reportMatchResult.match).toMatchObject({ status: 'READY', winner: null });
    expect(await refusal(a, REPORT, { input: { matchId: semi1.id, winnerId: b.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'ALREADY_REPORTED' });
    expect((await report(b, semi1.id, a.id, '2-1')).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: a.id }, score: '2-1' });
    expect((await report(b, semi1.id, a.id, '2-1')).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: a.id } });
    expect(await refusal(org, REPORT, { input: { matchId: semi1.id, winnerId: b.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'MATCH_FINISHED' });
    // They disagree: DISPUTED, players may not report into it, the organizer settles it.
    await report(c, semi2.id, c.id);
    expect((await report(d, semi2.id, d.id)).reportMatchResult.match.status).toBe('DISPUTED');
    // A player's retry of their own report answers the match; another winner into the dispute is refused.
    expect((await report(c, semi2.id, c.id)).reportMatchResult.match.status).toBe('DISPUTED');
    expect(await refusal(c, REPORT, { input: { matchId: semi2.id, winnerId: d.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'DISPUTED' });
    expect((await report(org, semi2.id, d.id)).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: d.id } });
    // The final opened with both winners; the game server decides it outright and the tournament completes.
    const opened = (await bracketOf(tournament.id)).bracket[1]!.matches[0]!;
    expect(opened).toMatchObject({ status: 'READY', playerA: { id: a.id }, playerB: { id: d.id } });
    expect((await report(await gameServer(), final.id, d.id, '3-0')).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: d.id } });
    const done = await bracketOf(tournament.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.standings.map((s) => [s.placement, s.player.id])).toEqual([[1, d.id], [2, a.id], [3, expect.any(String)], [4, expect.any(String)]]);
    expect(new Set(done.standings.slice(2).map((s) => s.player.id))).toEqual(new Set([b.id, c.id]));
    // Nothing more is taken once the tournament is over.
    expect(await refusal(org, CANCEL, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'status' });
    expect(await refusal(org, REPORT, { input: { matchId: final.id, winnerId: a.id } })).toMatchObject({ code: 'CONFLICT' });
  });

  it('a cancelled tournament takes no result: NOT_IN_PROGRESS', async () => {
    const { org, tournament } = await startedFour();
    const semi = (await bracketOf(tournament.id)).bracket[0]!.matches[0]!;
    await must(org, CANCEL, { t: tournament.id });
    expect(await refusal(org, REPORT, { input: { matchId: semi.id, winnerId: semi.playerA!.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'NOT_IN_PROGRESS' });
  });

  it('tournaments and searchTournaments: page bounds and cursors refused naming the field; hostile search text never a 500', async () => {
    const LIST = `query($first: Int, $last: Int, $after: String, $before: String) { tournaments(first: $first, last: $last, after: $after, before: $before) { edges { cursor } } }`;
    await expectRefusals(LIST, [
      ['first -1', undefined, { first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first 101', undefined, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['last 101', undefined, { last: 101 }, { code: 'BAD_USER_INPUT', field: 'last' }],
      ['a foreign after', undefined, { after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a foreign before', undefined, { before: HUGE }, { code: 'BAD_USER_INPUT', field: 'before' }],
    ]);
    expect((await refusal(undefined, LIST, { first: 1, last: 1 })).code).toBe('BAD_USER_INPUT');
    // Soonest start first, in the status asked; 20 by default; pages meet without overlap.
    const org0 = await organizer();
    await create(org0, { startsAt: new Date(Date.now() + 7_200_000).toISOString() });
    await create(org0, { startsAt: new Date(Date.now() + 5_400_000).toISOString() });
    const BY_STATUS = `query($status: TournamentStatus, $first: Int, $after: String) { tournaments(status: $status, first: $first, after: $after) { edges { cursor node { id status startsAt } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { tournaments: { edges: { cursor: string; node: { id: string; status: string; startsAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const firstPage = (await must<Page>(undefined, BY_STATUS, { status: 'REGISTRATION' })).tournaments;
    expect(firstPage.edges.length).toBeGreaterThanOrEqual(2);
    expect(firstPage.edges.length).toBeLessThanOrEqual(20);
    expect(firstPage.edges.every((e) => e.node.status === 'REGISTRATION')).toBe(true);
    const starts = firstPage.edges.map((e) => Date.parse(e.node.startsAt));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const two = (await must<Page>(undefined, BY_STATUS, { status: 'REGISTRATION', first: 2 })).tournaments;
    const next = (await must<Page>(undefined, BY_STATUS, { status: 'REGISTRATION', first: 2, after: two.pageInfo.endCursor })).tournaments;
    expect(next.edges.map((e) => e.node.id)).toEqual(firstPage.edges.slice(2, 4).map((e) => e.node.id));
    const SEARCH = `query($text: String, $first: Int, $after: String) { searchTournaments(text: $text, first: $first, after: $after) { edges { node { id } } } }`;
    await expectRefusals(SEARCH, [
      ['101 characters', undefined, { text: 'a'.repeat(101) }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['no letter or digit', undefined, { text: '!!! ---' }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['first 101', undefined, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a foreign cursor', undefined, { after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ]);
    const org = await organizer();
    const word = `zq${randomUUID().slice(0, 6).replace(/-/g, '')}`;
    const named = await create(org, { name: `Spring ${word} Cup` });
    expect((await must<{ searchTournaments: { edges: { node: { id: string } }[] } }>(undefined, SEARCH, { text: `spr ${word.slice(0, 5)}` })).searchTournaments.edges.map((e) => e.node.id)).toEqual([named.id]);
    for (const text of ["o'brien", 'a & b | !c', 'cup:*', '(((', '\\']) {
      const result = await gql(url, SEARCH, { text });
      expect(result.status, text).toBeLessThan(500);
      if (result.errors) expect(result.errors[0]!.extensions?.code, text).toBe('BAD_USER_INPUT');
    }
  });
});

describe('acceptance: formats played to the end', () => {
  const FULL = `query($id: ID!) { tournament(id: $id) { status participantCount prizePool { total }
    bracket { side round matches { id key status playerA { id } playerB { id } winner { id } startedAt completedAt durationSeconds } }
    standings { placement prize player { id } } analytics { totalMatches completedMatches completionRate participationRate upsets averageMatchDurationSeconds longestMatch { id } shortestMatch { id } } } }`;
  type Full = { tournament: Bracket['tournament'] & { prizePool: { total: number }; bracket: { side: string; round: number; matches: (Match & { durationSeconds: number | null; startedAt: string | null })[] }[]; analytics: Record<string, unknown> & { totalMatches: number } } };
  /** Reports every READY match won by its playerA (the higher seed) through the game server until nothing is READY. */
  async function playOut(id: string) {
    const server = await gameServer();
    for (let step = 0; step < 60; step++) {
      const ready = (await must<Full>(undefined, FULL, { id })).tournament.bracket.flatMap((r) => r.matches).find((m) => m.status === 'READY');
      if (!ready) break;
      await report(server, ready.id, ready.playerA!.id);
    }
    return (await must<Full>(undefined, FULL, { id })).tournament;
  }
  async function startedWith(format: string, players: number, over: Record<string, unknown> = {}) {
    const org = await organizer();
    const tournament = await create(org, { format, maxParticipants: players, ...over });
    const entrants: Player[] = [];
    for (let i = 0; i < players; i++) entrants.push(await registerPlayer(url));
    for (const p of entrants) await must(p, JOIN, { t: tournament.id });
    await must(org, START, { t: tournament.id });
    return { tournament, entrants };
  }

  it('double elimination with a reset: the winners\' champion winning the first grand final SKIPS the reset, which is no match in the analytics', async () => {
    const { tournament, entrants } = await startedWith('DOUBLE_ELIMINATION', 4, { formatOptions: { grandFinalReset: true } });
    const done = await playOut(tournament.id);
    expect(done.status).toBe('COMPLETED');
    const keys = Object.fromEntries(done.bracket.flatMap((r) => r.matches).map((m) => [m.key, m.status]));
    expect(keys).toMatchObject({ GF1: 'COMPLETED', GF2: 'SKIPPED' });
    expect(done.standings.map((s) => s.placement)).toEqual([1, 2, 3, 4]);
    expect(done.standings[0]!.player.id).toBe(entrants[0]!.id);
    const played = done.bracket.flatMap((r) => r.matches).filter((m) => m.status === 'COMPLETED').length;
    expect(done.analytics).toMatchObject({ totalMatches: played, completedMatches: played, completionRate: 100, participationRate: 100 });
    // (Upsets are not asserted: in the losers' bracket playerA need not be the higher seed.)
  });

  it('Swiss with three players: automatic rounds (2), a bye each round (no playerB, COMPLETED, no duration) that is no match in the analytics', async () => {
    const { tournament } = await startedWith('SWISS', 3);
    const done = await playOut(tournament.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.bracket.map((r) => [r.side, r.round])).toEqual([['SWISS', 1], ['SWISS', 2]]);
    for (const round of done.bracket) {
      const byes = round.matches.filter((m) => m.playerB === null);
      expect(byes, `round ${round.round}`).toHaveLength(1);
      expect(byes[0]).toMatchObject({ status: 'COMPLETED', winner: { id: byes[0]!.playerA!.id }, startedAt: null, durationSeconds: null });
    }
    // Two different players get the byes.
    expect(new Set(done.bracket.map((r) => r.matches.find((m) => m.playerB === null)!.playerA!.id)).size).toBe(2);
    expect(done.analytics).toMatchObject({ totalMatches: 2, completedMatches: 2, completionRate: 100 });
    expect(done.standings).toHaveLength(3);
  });

  it('round robin of four: six RR matches, keys RR<round>-<position>; places by wins; fee share and fixed prize paid into wallets once', async () => {
    const org = await organizer(60);
    const tournament = await create(org, { format: 'ROUND_ROBIN', maxParticipants: 4, entryFee: 100, prizePool: { fixed: 60, feeSharePercent: 50, distribution: [60, 40] } });
    const entrants: Player[] = [];
    for (let i = 0; i < 4; i++) entrants.push(await fund(await registerPlayer(url), 100));
    for (const p of entrants) await must(p, JOIN, { t: tournament.id });
    expect((await must<Full>(undefined, FULL, { id: tournament.id })).tournament.prizePool.total).toBe(60 + 200);
    await must(org, START, { t: tournament.id });
    const done = await playOut(tournament.id);
    const matches = done.bracket.flatMap((r) => r.matches);
    expect(matches).toHaveLength(6);
    expect(matches.every((m) => /^RR\d+-\d+$/.test(m.key) && m.status === 'COMPLETED')).toBe(true);
    expect(done.status).toBe('COMPLETED');
    expect(done.standings.map((s) => s.prize)).toEqual([156, 104, 0, 0]);
    const [first, second] = done.standings.map((s) => entrants.find((p) => p.id === s.player.id)!);
    await eventually(async () => {
      expect(await coinsOf(first!)).toBe(156);
      expect(await coinsOf(second!)).toBe(104);
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await coinsOf(first!)).toBe(156);
    expect(done.analytics).toMatchObject({ totalMatches: 6, completedMatches: 6, completionRate: 100, participationRate: 100 });
  });
});

describe('acceptance: ladders', () => {
  const CHALLENGE = `mutation($t: ID!, $d: ID!) { challengeOnLadder(input: { tournamentId: $t, defenderId: $d }) { match { id key side status playerA { id } playerB { id } } } }`;
  const END = `mutation($t: ID!) { endLadder(input: { tournamentId: $t }) { tournament { id status standings { placement prize player { id } } } } }`;
  const LADDER = `query($id: ID!) { tournament(id: $id) { status ladder { id } } }`;
  const ladderOf = async (id: string) => (await must<{ tournament: { ladder: { id: string }[] } }>(undefined, LADDER, { id })).tournament.ladder.map((p) => p.id);

  it('challengeOnLadder and endLadder: who may, the documented reasons and fields, the challenger taking the place, and the ladder ending as the standings with prizes paid once', async () => {
    const org = await organizer(100);
    const tournament = await create(org, { format: 'LADDER', formatOptions: { ladderChallengeRange: 2 }, prizePool: { fixed: 100, distribution: [70, 30] } });
    const p = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const player of p) await must(player, JOIN, { t: tournament.id });
    const [p0, p1, p2, p3] = p as [Player, Player, Player, Player];
    const stranger = await registerPlayer(url);
    expect(await refusal(p3, CHALLENGE, { t: tournament.id, d: p2.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_PROGRESS' });
    expect(await refusal(org, END, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_PROGRESS' });
    await must(org, START, { t: tournament.id });
    expect(await ladderOf(tournament.id)).toEqual(p.map((x) => x.id));
    const elimination = (await startedFour()).tournament;
    await expectRefusals(CHALLENGE, [
      ['signed out', undefined, { t: tournament.id, d: p2.id }, { code: 'UNAUTHENTICATED' }],
      ['a game server', await gameServer(), { t: tournament.id, d: p2.id }, { code: 'FORBIDDEN' }],
      ['a player not in it', stranger, { t: tournament.id, d: p2.id }, { code: 'FORBIDDEN' }],
      ['an unknown tournament', p3, { t: randomUUID(), d: p2.id }, { code: 'NOT_FOUND' }],
      ['a tournament of another format', p3, { t: elimination.id, d: p2.id }, { code: 'BAD_USER_INPUT', field: 'tournamentId' }],
      ['a defender not on the ladder', p3, { t: tournament.id, d: stranger.id }, { code: 'BAD_USER_INPUT', field: 'defenderId' }],
      ['an unknown defender', p3, { t: tournament.id, d: randomUUID() }, { code: 'BAD_USER_INPUT', field: 'defenderId' }],
      ['oneself', p2, { t: tournament.id, d: p2.id }, { code: 'CONFLICT', field: 'defenderId', reason: 'NOT_ABOVE' }],
      ['a player below', p1, { t: tournament.id, d: p3.id }, { code: 'CONFLICT', field: 'defenderId', reason: 'NOT_ABOVE' }],
      ['three places up with a range of 2', p3, { t: tournament.id, d: p0.id }, { code: 'CONFLICT', field: 'defenderId', reason: 'OUT_OF_RANGE', range: 2 }],
    ]);
    type Challenge = { challengeOnLadder: { match: { id: string; side: string; status: string; playerA: { id: string }; playerB: { id: string } } } };
    const challenge = (await must<Challenge>(p3, CHALLENGE, { t: tournament.id, d: p1.id })).challengeOnLadder.match;
    expect(challenge).toMatchObject({ side: 'LADDER', status: 'READY', playerA: { id: p3.id }, playerB: { id: p1.id } });
    expect((await must<Challenge>(p3, CHALLENGE, { t: tournament.id, d: p1.id })).challengeOnLadder.match.id).toBe(challenge.id);
    await expectRefusals(CHALLENGE, [
      ['a challenger with one undecided', p3, { t: tournament.id, d: p2.id }, { code: 'CONFLICT', field: 'tournamentId', reason: 'CHALLENGER_BUSY' }],
      ['a challenger who received one', p1, { t: tournament.id, d: p0.id }, { code: 'CONFLICT', field: 'tournamentId', reason: 'CHALLENGER_BUSY' }],
      ['a busy defender', p2, { t: tournament.id, d: p1.id }, { code: 'CONFLICT', field: 'defenderId', reason: 'DEFENDER_BUSY' }],
    ]);
    await report(await gameServer(), challenge.id, p3.id);
    expect(await ladderOf(tournament.id)).toEqual([p0.id, p3.id, p1.id, p2.id]);
    const open = (await must<Challenge>(p2, CHALLENGE, { t: tournament.id, d: p1.id })).challengeOnLadder.match;

    await expectRefusals(END, [
      ['signed out', undefined, { t: tournament.id }, { code: 'UNAUTHENTICATED' }],
      ['a player in it', p0, { t: tournament.id }, { code: 'FORBIDDEN' }],
      ['another organizer', await organizer(), { t: tournament.id }, { code: 'FORBIDDEN' }],
      ['a game server', await gameServer(), { t: tournament.id }, { code: 'FORBIDDEN' }],
      ['an unknown tournament', org, { t: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a tournament of another format', await adminToken(), { t: elimination.id }, { code: 'BAD_USER_INPUT', field: 'tournamentId' }],
    ]);
    const ended = (await must<{ endLadder: { tournament: { status: string; standings: { placement: number; prize: number; player: { id: string } }[] } } }>(org, END, { t: tournament.id })).endLadder.tournament;
    expect(ended.status).toBe('COMPLETED');
    expect(ended.standings.map((s) => [s.placement, s.player.id, s.prize])).toEqual([[1, p0.id, 70], [2, p3.id, 30], [3, p1.id, 0], [4, p2.id, 0]]);
    expect((await bracketOf(tournament.id)).bracket.flatMap((r) => r.matches).find((m) => m.id === open.id)?.status).toBe('SKIPPED');
    // A retry answers the ended ladder and pays nothing twice.
    expect((await must<{ endLadder: { tournament: { standings: unknown[] } } }>(org, END, { t: tournament.id })).endLadder.tournament.standings).toEqual(ended.standings);
    await eventually(async () => {
      expect(await coinsOf(p0)).toBe(70);
      expect(await coinsOf(p3)).toBe(30);
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await coinsOf(p0)).toBe(70);
    expect(await refusal(p2, CHALLENGE, { t: tournament.id, d: p1.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_PROGRESS' });
  });
});

describe('acceptance: what the SDL promises beyond the refusals', () => {
  const FULL = `query($id: ID!) { tournament(id: $id) { status completedAt formatOptions { swissRounds }
    bracket { side round matches { id key side status playerA { id } playerB { id } winner { id } completedAt } }
    standings { placement prize player { id } }
    analytics { totalMatches completedMatches completionRate participationRate upsets averageMatchDurationSeconds longestMatch { id } shortestMatch { id } } } }`;
  type FullMatch = Match & { side: string; completedAt: string | null };
  type Full = {
    status: string;
    completedAt: string | null;
    formatOptions: { swissRounds: number | null };
    bracket: { side: string; round: number; matches: FullMatch[] }[];
    standings: { placement: number; prize: number; player: { id: string } }[];
    analytics: Record<string, unknown>;
  };
  const fullOf = async (id: string) => (await must<{ tournament: Full }>(undefined, FULL, { id })).tournament;
  const matchesOf = async (id: string) => (await fullOf(id)).bracket.flatMap((r) => r.matches);
  /** A started tournament of `count` fresh level-1 players (seeded by sign-up: entrants[0] is seed 1). */
  async function started(format: string, count: number, over: Record<string, unknown> = {}, org?: Player) {
    org ??= await organizer();
    const tournament = await create(org, { format, maxParticipants: Math.max(count, 2), ...over });
    const entrants: Player[] = [];
    for (let i = 0; i < count; i++) entrants.push(await registerPlayer(url));
    for (const p of entrants) await must(p, JOIN, { t: tournament.id });
    await must(org, START, { t: tournament.id });
    return { org, tournament, entrants };
  }
  /** Reports READY matches through the game server, the winner chosen by `pick`, until none is READY. */
  async function playOut(id: string, pick: (m: FullMatch) => string = (m) => m.playerA!.id) {
    const server = await gameServer();
    for (let step = 0; step < 60; step++) {
      const ready = (await matchesOf(id)).find((m) => m.status === 'READY');
      if (!ready) break;
      await report(server, ready.id, pick(ready));
    }
    return fullOf(id);
  }

  it('tournaments pages backward with last and before, in the same soonest-first order; first or last 0 is an empty page; last -1 is refused', async () => {
    const org = await organizer();
    // Far-off start times nobody else uses, a second apart.
    const base0 = Date.now() + 200 * 86_400_000 + Math.floor(Math.random() * 3_000_000) * 1_000;
    const mine = [] as string[];
    for (let i = 0; i < 3; i++) mine.push((await create(org, { startsAt: new Date(base0 + i * 1_000).toISOString() })).id);
    const PAGE = `query($first: Int, $last: Int, $after: String, $before: String) { tournaments(status: REGISTRATION, first: $first, last: $last, after: $after, before: $before) {
      edges { cursor node { id startsAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    type Page = { tournaments: { edges: { cursor: string; node: { id: string; startsAt: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } };
    const page = async (v: Record<string, unknown>) => (await must<Page>(undefined, PAGE, v)).tournaments;
    // Walk back from the end until the three are seen: each backward page is in list order.
    const cursors = new Map<string, string>();
    let before: string | undefined;
    for (let step = 0; step < 50 && cursors.size < 3; step++) {
      const back = await page({ last: 100, before });
      const starts = back.edges.map((e) => Date.parse(e.node.startsAt));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(back.pageInfo.startCursor).toBe(back.edges[0]?.cursor ?? null);
      for (const e of back.edges) if (mine.includes(e.node.id)) cursors.set(e.node.id, e.cursor);
      if (!back.pageInfo.hasPreviousPage) break;
      before = back.pageInfo.startCursor!;
    }
    expect(cursors.size).toBe(3);
    const [c1, c2, c3] = mine.map((id) => cursors.get(id)!);
    const lastTwo = await page({ last: 2, before: c3 });
    expect(lastTwo.edges.map((e) => e.node.id)).toEqual([mine[0], mine[1]]);
    expect(lastTwo.pageInfo).toMatchObject({ startCursor: c1, endCursor: c2 });
    const lastOne = await page({ last: 1, before: c3 });
    expect(lastOne.edges.map((e) => e.node.id)).toEqual([mine[1]]);
    expect(lastOne.pageInfo.hasPreviousPage).toBe(true);
    expect((await page({ first: 2, after: c1 })).edges.map((e) => e.node.id)).toEqual([mine[1], mine[2]]);
    expect((await page({ first: 1, after: c1 })).pageInfo.hasNextPage).toBe(true);
    for (const v of [{ first: 0 }, { last: 0 }, { first: 0, after: c1 }]) expect((await page(v)).edges, JSON.stringify(v)).toEqual([]);
    expect(await refusal(undefined, PAGE, { last: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
    expect(await refusal(undefined, PAGE, { last: 1, before: 'garbage' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
  });

  it('searchTournaments: the name outranks the description, then the soonest start; up to 8 words; filters; without text by start time; first 0', async () => {
    const org = await organizer();
    const w = `zq${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const inDescription = await create(org, { name: 'Plain Open', description: `the ${w} edition`, startsAt: at(70) });
    const laterName = await create(org, { name: `${w} Late Cup`, startsAt: at(200) });
    const soonerName = await create(org, { name: `${w} Early Cup`, format: 'SWISS', startsAt: at(100) });
    const SEARCH = `query($text: String, $status: TournamentStatus, $format: TournamentFormat, $first: Int, $after: String) {
      searchTournaments(text: $text, status: $status, format: $format, first: $first, after: $after) { edges { cursor node { id startsAt } } pageInfo { hasNextPage endCursor } } }`;
    type Found = { searchTournaments: { edges: { cursor: string; node: { id: string; startsAt: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const ids = async (v: Record<string, unknown>) => (await must<Found>(undefined, SEARCH, v)).searchTournaments.edges.map((e) => e.node.id);
    expect(await ids({ text: w })).toEqual([soonerName.id, laterName.id, inDescription.id]);
    expect(await ids({ text: w, first: 2 })).toEqual([soonerName.id, laterName.id]);
    expect(await ids({ text: w, format: 'SWISS' })).toEqual([soonerName.id]);
    expect(await ids({ text: w, status: 'REGISTRATION', format: 'SINGLE_ELIMINATION' })).toEqual([laterName.id, inDescription.id]);
    expect(await ids({ text: w, status: 'IN_PROGRESS' })).toEqual([]);
    // Eight words are used, a ninth is not: it may match nothing.
    const eight = await create(org, { name: `${w} alpha bravo charlie delta echo foxtrot golf`, startsAt: at(300) });
    expect(await ids({ text: `${w} alpha bravo charlie delta echo foxtrot golf nomatchatall` })).toEqual([eight.id]);
    expect(await ids({ text: w, first: 0 })).toEqual([]);
    // Without text: every tournament (filtered) by start time, soonest first.
    const all = (await must<Found>(undefined, SEARCH, { status: 'REGISTRATION', first: 100 })).searchTournaments.edges.map((e) => Date.parse(e.node.startsAt));
    expect(all).toEqual([...all].sort((a, b) => a - b));
    expect(await refusal(undefined, SEARCH, { first: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('reportMatchResult: who may ask is checked before what they send; PENDING and SKIPPED matches are MATCH_NOT_READY; an admin decides outright; a retry answers the match', async () => {
    const { org, tournament, entrants } = await started('SINGLE_ELIMINATION', 4);
    const [semi1, semi2, final] = await matchesOf(tournament.id);
    const stranger = await registerPlayer(url);
    // A player outside the match is FORBIDDEN whatever they send.
    expect(await refusal(stranger, REPORT, { input: { matchId: semi1!.id, winnerId: semi1!.playerA!.id, score: '   ' } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(stranger, REPORT, { input: { matchId: semi1!.id, winnerId: randomUUID() } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(await otherService(), REPORT, { input: { matchId: semi1!.id, winnerId: semi1!.playerA!.id, score: 's'.repeat(40) } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(org, REPORT, { input: { matchId: final!.id, winnerId: entrants[0]!.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'MATCH_NOT_READY' });
    // A 32-character score is taken; an admin (not the organizer) decides outright.
    const admin = await adminToken();
    expect((await report(admin, semi1!.id, semi1!.playerB!.id, 's'.repeat(32))).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: semi1!.playerB!.id }, score: 's'.repeat(32) });
    // The same result again, by anyone who may report, answers the match and changes nothing.
    expect((await report(org, semi1!.id, semi1!.playerB!.id)).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', score: 's'.repeat(32) });
    expect((await report(entrants.find((p) => p.id === semi1!.playerA!.id)!, semi1!.id, semi1!.playerB!.id)).reportMatchResult.match.status).toBe('COMPLETED');
    // The organizer settles a dispute between the players.
    const [c, d] = [entrants.find((p) => p.id === semi2!.playerA!.id)!, entrants.find((p) => p.id === semi2!.playerB!.id)!];
    await report(c, semi2!.id, c.id);
    expect((await report(d, semi2!.id, d.id)).reportMatchResult.match.status).toBe('DISPUTED');
    // Changing one's report into the dispute: the organizer decides it now.
    expect(await refusal(d, REPORT, { input: { matchId: semi2!.id, winnerId: c.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'DISPUTED' });
    expect((await report(d, semi2!.id, d.id)).reportMatchResult.match.status).toBe('DISPUTED');
    expect((await report(admin, semi2!.id, c.id)).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: c.id } });

    // The grand final's reset, SKIPPED when the winners' champion wins the first final, takes no result.
    const de = await started('DOUBLE_ELIMINATION', 4, { formatOptions: { grandFinalReset: true } });
    const done = await playOut(de.tournament.id);
    const gf2 = done.bracket.flatMap((r) => r.matches).find((m) => m.key === 'GF2')!;
    expect(gf2.status).toBe('SKIPPED');
    expect(await refusal(de.org, REPORT, { input: { matchId: gf2.id, winnerId: de.entrants[0]!.id } })).toMatchObject({ code: 'CONFLICT', field: 'matchId' });
  });

  it('double elimination: the losers\' champion winning the first grand final opens the reset (READY), whose winner is first', async () => {
    const { tournament, entrants } = await started('DOUBLE_ELIMINATION', 4, { formatOptions: { grandFinalReset: true } });
    // Everyone's playerA wins, except the first grand final, won by the losers' champion (playerB).
    const done = await playOut(tournament.id, (m) => (m.key === 'GF1' ? m.playerB!.id : m.playerA!.id));
    const byKey = Object.fromEntries(done.bracket.flatMap((r) => r.matches).map((m) => [m.key, m]));
    expect(byKey.GF1).toMatchObject({ status: 'COMPLETED' });
    expect(byKey.GF2).toMatchObject({ status: 'COMPLETED', side: 'GRAND_FINAL' });
    // Sides in play order: winners', losers', grand final.
    expect([...new Set(done.bracket.map((r) => r.side))]).toEqual(['WINNERS', 'LOSERS', 'GRAND_FINAL']);
    expect(done.status).toBe('COMPLETED');
    expect(done.standings[0]!.player.id).toBe(byKey.GF2!.winner!.id);
    expect(done.standings[1]!.player.id).toBe(byKey.GF2!.winner!.id === byKey.GF2!.playerA!.id ? byKey.GF2!.playerB!.id : byKey.GF2!.playerA!.id);
    expect(done.standings).toHaveLength(entrants.length);
    expect(done.analytics).toMatchObject({ totalMatches: 7, completedMatches: 7, completionRate: 100 });
  });

  it('single elimination with a third-place match: 3P after the winners\' rounds; its winner third, its loser fourth; completedAt is the last result\'s', async () => {
    const { tournament, entrants } = await started('SINGLE_ELIMINATION', 4, { formatOptions: { thirdPlaceMatch: true } });
    const opened = await fullOf(tournament.id);
    expect(opened.bracket.map((r) => [r.side, r.round, r.matches.map((m) => [m.key, m.status])])).toEqual([
      ['WINNERS', 1, [['W1-1', 'READY'], ['W1-2', 'READY']]],
      ['WINNERS', 2, [['W2-1', 'PENDING']]],
      ['THIRD_PLACE', 1, [['3P', 'PENDING']]],
    ]);
    // The higher seeds win every match but the third-place one, won by its second player.
    const done = await playOut(tournament.id, (m) => (m.key === '3P' ? m.playerB!.id : m.playerA!.id));
    const third = done.bracket.flatMap((r) => r.matches).find((m) => m.key === '3P')!;
    expect(done.status).toBe('COMPLETED');
    expect(done.standings.map((s) => s.player.id)).toEqual([entrants[0]!.id, entrants[1]!.id, third.playerB!.id, third.playerA!.id]);
    const last = Math.max(...done.bracket.flatMap((r) => r.matches).map((m) => Date.parse(m.completedAt!)));
    expect(Date.parse(done.completedAt!)).toBe(last);
  });

  it('analytics: zeros and nulls before play; participation in percent; upsets counted by seed; longest and shortest set once matches complete', async () => {
    const org = await organizer();
    const waiting = await create(org, { maxParticipants: 8 });
    await must(await registerPlayer(url), JOIN, { t: waiting.id });
    expect((await fullOf(waiting.id)).analytics).toEqual({
      totalMatches: 0, completedMatches: 0, completionRate: 0, participationRate: 12.5, upsets: 0, averageMatchDurationSeconds: null, longestMatch: null, shortestMatch: null,
    });
    const { tournament } = await started('SINGLE_ELIMINATION', 4, {}, org);
    // Both semi-finals won by the lower seed (playerB): two upsets; the final between seeds 4 and 3 won by 3 is none.
    const done = await playOut(tournament.id, (m) => m.playerB!.id);
    expect(done.analytics).toMatchObject({ totalMatches: 3, completedMatches: 3, completionRate: 100, participationRate: 100, upsets: 2 });
    expect(done.analytics.averageMatchDurationSeconds).toEqual(expect.any(Number));
    expect(done.analytics.longestMatch).toEqual({ id: expect.any(String) });
    expect(done.analytics.shortestMatch).toEqual({ id: expect.any(String) });
  });

  it('a pool whose places outnumber the players pays the places reached and gives the rest back to the creator, up to the fixed part', async () => {
    const org = await organizer(100);
    const { tournament, entrants } = await started('SINGLE_ELIMINATION', 2, { maxParticipants: 4, prizePool: { fixed: 100, distribution: [50, 30, 20] } }, org);
    expect(await coinsOf(org)).toBe(0);
    const done = await playOut(tournament.id);
    expect(done.standings.map((s) => [s.player.id, s.prize])).toEqual([[entrants[0]!.id, 50], [entrants[1]!.id, 30]]);
    await eventually(async () => {
      expect(await coinsOf(entrants[0]!)).toBe(50);
      expect(await coinsOf(entrants[1]!)).toBe(30);
      expect(await coinsOf(org)).toBe(20);
    });
  });

  it('cancelling a tournament in play refunds every entry fee once; matches keep what they were', async () => {
    const org = await organizer();
    const tournament = await create(org, { maxParticipants: 4, entryFee: 25 });
    const entrants = [] as Player[];
    for (let i = 0; i < 4; i++) entrants.push(await fund(await registerPlayer(url), 25));
    for (const p of entrants) await must(p, JOIN, { t: tournament.id });
    await must(org, START, { t: tournament.id });
    const [semi1] = await matchesOf(tournament.id);
    await report(await gameServer(), semi1!.id, semi1!.playerA!.id);
    expect(await must(org, CANCEL, { t: tournament.id })).toEqual({ cancelTournament: { tournament: { id: tournament.id, status: 'CANCELLED' } } });
    await eventually(async () => {
      for (const p of entrants) expect(await coinsOf(p)).toBe(25);
    });
    expect((await matchesOf(tournament.id)).map((m) => [m.key, m.status])).toEqual([['W1-1', 'COMPLETED'], ['W1-2', 'READY'], ['W2-1', 'PENDING']]);
    const after = await fullOf(tournament.id);
    expect(after).toMatchObject({ status: 'CANCELLED', completedAt: null, standings: [] });
  });

  it('Swiss: formatOptions.swissRounds is played exactly (one round here), automatic stays null', async () => {
    const { tournament } = await started('SWISS', 4, { formatOptions: { swissRounds: 1 } });
    const done = await playOut(tournament.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.bracket.map((r) => [r.side, r.round, r.matches.map((m) => m.key)])).toEqual([['SWISS', 1, ['S1-1', 'S1-2']]]);
    expect(done.formatOptions.swissRounds).toBe(1);
    const auto = await started('SWISS', 4);
    const autoDone = await playOut(auto.tournament.id);
    expect(autoDone.bracket.map((r) => r.round)).toEqual([1, 2]);
    expect(autoDone.formatOptions.swissRounds).toBeNull();
    // No rematch: round two pairs players who have not met.
    const pairs = autoDone.bracket.flatMap((r) => r.matches).map((m) => [m.playerA!.id, m.playerB!.id].sort().join());
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('a ladder challenge lost leaves the ladder as it was; the players may decide it themselves; endLadder on a cancelled ladder is NOT_IN_PROGRESS', async () => {
    const CHALLENGE = `mutation($t: ID!, $d: ID!) { challengeOnLadder(input: { tournamentId: $t, defenderId: $d }) { match { id key round status playerA { id } playerB { id } } } }`;
    const END = `mutation($t: ID!) { endLadder(input: { tournamentId: $t }) { tournament { id status } } }`;
    const { org, tournament, entrants } = await started('LADDER', 3);
    const [p0, p1, p2] = entrants as [Player, Player, Player];
    const ladderNow = async () => (await must<{ tournament: { ladder: { id: string }[] } }>(undefined, `query($id: ID!) { tournament(id: $id) { ladder { id } } }`, { id: tournament.id })).tournament.ladder.map((u) => u.id);
    const first = (await must<{ challengeOnLadder: { match: { id: string; key: string; round: number } } }>(p2, CHALLENGE, { t: tournament.id, d: p0.id })).challengeOnLadder.match;
    expect(first).toMatchObject({ key: 'LD1', round: 1 });
    await report(p2, first.id, p0.id);
    expect((await report(p0, first.id, p0.id)).reportMatchResult.match).toMatchObject({ status: 'COMPLETED', winner: { id: p0.id } });
    expect(await ladderNow()).toEqual([p0.id, p1.id, p2.id]);
    const second = (await must<{ challengeOnLadder: { match: { key: string } } }>(p2, CHALLENGE, { t: tournament.id, d: p1.id })).challengeOnLadder.match;
    expect(second.key).toBe('LD2');
    await must(org, CANCEL, { t: tournament.id });
    expect(await refusal(org, END, { t: tournament.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_PROGRESS' });
  });

  it('at startsAt a tournament with enough players starts by itself, one without is cancelled and refunded; a ladder ends by itself at endsAt', async () => {
    const org = await organizer();
    const [a, b, c, d] = [await registerPlayer(url), await registerPlayer(url), await fund(await registerPlayer(url), 10), await registerPlayer(url)];
    // The joins must land before the start time: a loaded machine that misses it tries again with more room.
    let made: { enough: Tournament; tooFew: Tournament; ladder: Tournament } | undefined;
    for (const room of [8_000, 20_000, 45_000]) {
      const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
      const attempt = { enough: await create(org, { startsAt: soon(room) }), tooFew: await create(org, { startsAt: soon(room), entryFee: 10 }), ladder: await create(org, { format: 'LADDER', startsAt: soon(room), endsAt: soon(room + 3_000) }) };
      const joins: [Player, Tournament][] = [[a, attempt.enough], [b, attempt.enough], [c, attempt.tooFew], [a, attempt.ladder], [d, attempt.ladder]];
      let late = false;
      for (const [p, t] of joins) {
        const result = await gql(url, JOIN, { t: t.id }, { token: p.token });
        if (result.errors) {
          expect(result.errors[0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_OPEN' });
          late = true;
          break;
        }
      }
      if (!late) {
        made = attempt;
        break;
      }
      await eventually(async () => expect(await coinsOf(c)).toBe(10), 60_000);
    }
    const { enough, tooFew, ladder } = made!;
    expect(await coinsOf(c)).toBe(0);
    await eventually(async () => {
      const state = await fullOf(enough.id);
      expect(state.status).toBe('IN_PROGRESS');
      expect(state.bracket.flatMap((r) => r.matches).map((m) => m.status)).toEqual(['READY']);
    }, 90_000);
    await eventually(async () => {
      expect((await fullOf(tooFew.id)).status).toBe('CANCELLED');
      expect(await coinsOf(c)).toBe(10);
    }, 90_000);
    await eventually(async () => {
      const state = await fullOf(ladder.id);
      expect(state.status).toBe('COMPLETED');
      expect(state.standings.map((s) => s.player.id)).toEqual([a.id, d.id]);
    }, 90_000);
  }, 240_000);

  it('a requestKey refused for want of coins may be retried after topping up; it then creates the tournament once', async () => {
    const org = await organizer(50);
    const key = `acc-${randomUUID()}`;
    const input = { requestKey: key, prizePool: { fixed: 80, distribution: [100] } };
    expect(await refusal(org, CREATE, { input: base(input) })).toMatchObject({ code: 'INSUFFICIENT_FUNDS', field: 'prizePool.fixed' });
    await fund(org, 30);
    const made = await create(org, input);
    expect(made.prizePool).toMatchObject({ fixed: 80, total: 80 });
    expect((await create(org, input)).id).toBe(made.id);
    expect(await coinsOf(org)).toBe(0);
  });

  it('live: matchUpdated leaves out a player\'s first report and sends the dispute, the settling and the next match opening; tournamentUpdated sends the start and the completion', async () => {
    const { org, tournament, entrants } = await (async () => {
      const org = await organizer();
      const tournament = await create(org, { maxParticipants: 2 });
      const entrants = [await registerPlayer(url), await registerPlayer(url)];
      for (const p of entrants) await must(p, JOIN, { t: tournament.id });
      return { org, tournament, entrants };
    })();
    const anonymous = client();
    const matches = subscribe(anonymous, `subscription($id: ID!) { matchUpdated(tournamentId: $id) { key status winner { id } } }`, { id: tournament.id });
    const updates = subscribe(anonymous, `subscription($id: ID!) { tournamentUpdated(id: $id) { id status participantCount standings { placement } } }`, { id: tournament.id });
    const nothing = subscribe(anonymous, `subscription($id: ID!) { tournamentUpdated(id: $id) { id } }`, { id: randomUUID() });
    await untilListening(platform.runtime.redis, liveChannel('tournaments', 'matchUpdated', tournament.id));
    await untilListening(platform.runtime.redis, liveChannel('tournaments', 'tournamentUpdated', tournament.id));
    await must(org, START, { t: tournament.id });
    await expect.poll(() => updates.results.length).toBe(1);
    expect(updates.results[0]!.data!.tournamentUpdated).toMatchObject({ status: 'IN_PROGRESS', participantCount: 2 });
    const [final] = await matchesOf(tournament.id);
    const [a, b] = [entrants.find((p) => p.id === final!.playerA!.id)!, entrants.find((p) => p.id === final!.playerB!.id)!];
    await report(a, final!.id, a.id);
    await report(b, final!.id, b.id);
    await report(org, final!.id, b.id);
    await expect.poll(() => matches.results.length).toBe(2);
    expect(matches.results.map((r) => r.data!.matchUpdated)).toEqual([
      { key: 'W1-1', status: 'DISPUTED', winner: null },
      { key: 'W1-1', status: 'COMPLETED', winner: { id: b.id } },
    ]);
    await expect.poll(() => updates.results.length).toBe(2);
    expect(updates.results[1]!.data!.tournamentUpdated).toMatchObject({ status: 'COMPLETED', standings: [{ placement: 1 }, { placement: 2 }] });
    expect(nothing.results).toEqual([]);
    for (const s of [matches, updates, nothing]) s.stop();
  });

  it('single elimination: players knocked out in the same round are placed by seed; with three players seed 1 waits in W2-1 (a bye is no match)', async () => {
    const { tournament, entrants } = await started('SINGLE_ELIMINATION', 4);
    // Every match won by its second player: seeds 4 and 3 win the semi-finals, 3 the final.
    const done = await playOut(tournament.id, (m) => m.playerB!.id);
    const [s1, s2, s3, s4] = entrants.map((p) => p.id);
    expect(done.standings.map((s) => [s.placement, s.player.id])).toEqual([[1, s3], [2, s4], [3, s1], [4, s2]]);

    const three = await started('SINGLE_ELIMINATION', 3);
    const opened = await fullOf(three.tournament.id);
    expect(opened.bracket.map((r) => [r.side, r.round, r.matches.map((m) => [m.key, m.status, m.playerA?.id ?? null, m.playerB?.id ?? null])])).toEqual([
      ['WINNERS', 1, [['W1-1', 'READY', three.entrants[1]!.id, three.entrants[2]!.id]]],
      ['WINNERS', 2, [['W2-1', 'PENDING', three.entrants[0]!.id, null]]],
    ]);
    const finished = await playOut(three.tournament.id);
    expect(finished.standings.map((s) => s.player.id)).toEqual(three.entrants.map((p) => p.id));
    expect(finished.analytics).toMatchObject({ totalMatches: 2, completedMatches: 2 });
  });

  it('round robin of three: every pair once, one match a round (the one sitting out has no match), all READY from the start', async () => {
    const { tournament } = await started('ROUND_ROBIN', 3);
    const opened = await fullOf(tournament.id);
    expect(opened.bracket.map((r) => [r.side, r.round, r.matches.map((m) => [m.key, m.status])])).toEqual([
      ['ROUND_ROBIN', 1, [['RR1-1', 'READY']]],
      ['ROUND_ROBIN', 2, [['RR2-1', 'READY']]],
      ['ROUND_ROBIN', 3, [['RR3-1', 'READY']]],
    ]);
    const pairs = opened.bracket.flatMap((r) => r.matches).map((m) => [m.playerA!.id, m.playerB!.id].sort().join());
    expect(new Set(pairs).size).toBe(3);
    const done = await playOut(tournament.id);
    expect(done.status).toBe('COMPLETED');
    expect(done.analytics).toMatchObject({ totalMatches: 3, completedMatches: 3, completionRate: 100 });
  });

  it('a cursor from one list is refused by the other (BAD_USER_INPUT naming after)', async () => {
    const org = await organizer();
    const w = `zq${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    await create(org, { name: `${w} One` });
    await create(org, { name: `${w} Two` });
    const searched = await must<{ searchTournaments: { pageInfo: { endCursor: string } } }>(undefined, `query($t: String) { searchTournaments(text: $t, first: 1) { pageInfo { endCursor } } }`, { t: w });
    const listed = await must<{ tournaments: { pageInfo: { endCursor: string } } }>(undefined, `query { tournaments(first: 1) { pageInfo { endCursor } } }`);
    expect(await refusal(undefined, `query($a: String) { tournaments(first: 1, after: $a) { edges { cursor } } }`, { a: searched.searchTournaments.pageInfo.endCursor })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(await refusal(undefined, `query($a: String) { tournaments(last: 1, before: $a) { edges { cursor } } }`, { a: searched.searchTournaments.pageInfo.endCursor })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    expect(await refusal(undefined, `query($t: String, $a: String) { searchTournaments(text: $t, after: $a) { edges { cursor } } }`, { t: w, a: listed.tournaments.pageInfo.endCursor })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('a requestKey retry answers the first tournament even when its other fields are no longer valid; a start time with an offset is taken and answered in UTC', async () => {
    const org = await organizer();
    const key = `acc-${randomUUID()}`;
    // 13:45 at +02:00 is 11:45 UTC, a day ahead.
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const first = await create(org, { requestKey: key, startsAt: `${day}T13:45:00+02:00` });
    const read = await must<{ tournament: { startsAt: string; createdAt: string } }>(undefined, `query($id: ID!) { tournament(id: $id) { startsAt createdAt } }`, { id: first.id });
    expect(read.tournament.startsAt).toBe(`${day}T11:45:00.000Z`);
    expect(read.tournament.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const over of [{ startsAt: new Date(Date.now() - 60_000).toISOString() }, { name: 'ab' }, { maxParticipants: 1 }]) {
      expect((await create(org, { requestKey: key, ...over })).id, JSON.stringify(over)).toBe(first.id);
    }
    expect(await refusal(org, CREATE, { input: base({ requestKey: 'short', name: 'ab' }) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestKey' });
  });

  it('ladder live: matchUpdated sends a challenge made (READY) and, when the ladder ends, its SKIPPED; a skipped challenge is no match in the analytics', async () => {
    const CHALLENGE = `mutation($t: ID!, $d: ID!) { challengeOnLadder(input: { tournamentId: $t, defenderId: $d }) { match { id } } }`;
    const { org, tournament, entrants } = await started('LADDER', 3);
    const [p0, p1, p2] = entrants as [Player, Player, Player];
    const live = subscribe(client(), `subscription($id: ID!) { matchUpdated(tournamentId: $id) { key side status playerA { id } playerB { id } } }`, { id: tournament.id });
    await untilListening(platform.runtime.redis, liveChannel('tournaments', 'matchUpdated', tournament.id));
    const decided = (await must<{ challengeOnLadder: { match: { id: string } } }>(p1, CHALLENGE, { t: tournament.id, d: p0.id })).challengeOnLadder.match;
    await report(await gameServer(), decided.id, p0.id);
    await must(p2, CHALLENGE, { t: tournament.id, d: p0.id });
    await must(org, `mutation($t: ID!) { endLadder(input: { tournamentId: $t }) { tournament { id } } }`, { t: tournament.id });
    await expect.poll(() => live.results.length).toBe(4);
    expect(live.results.map((r) => r.data!.matchUpdated)).toEqual([
      { key: 'LD1', side: 'LADDER', status: 'READY', playerA: { id: p1.id }, playerB: { id: p0.id } },
      { key: 'LD1', side: 'LADDER', status: 'COMPLETED', playerA: { id: p1.id }, playerB: { id: p0.id } },
      { key: 'LD2', side: 'LADDER', status: 'READY', playerA: { id: p2.id }, playerB: { id: p0.id } },
      { key: 'LD2', side: 'LADDER', status: 'SKIPPED', playerA: { id: p2.id }, playerB: { id: p0.id } },
    ]);
    live.stop();
    const done = await fullOf(tournament.id);
    expect(done.bracket.map((r) => [r.side, r.round])).toEqual([['LADDER', 1], ['LADDER', 2]]);
    expect(done.analytics).toMatchObject({ totalMatches: 1, completedMatches: 1, completionRate: 100 });
  });

  it('startTournament seeds by level at the start: a player who levelled up after joining is seeded first', async () => {
    const org = await organizer();
    const tournament = await create(org, { maxParticipants: 3 });
    const entrants = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of entrants) await must(p, JOIN, { t: tournament.id });
    await must(await adminToken(), `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: entrants[2]!.id, idempotencyKey: `acc-tour-${randomUUID()}`, reason: 'test', changes: [{ currency: 'XP', amount: 1_000 }] },
    });
    await must(org, START, { t: tournament.id });
    const bracket = (await bracketOf(tournament.id)).bracket;
    // Seed 1 (the levelled-up player) waits in the final; seeds 2 and 3 (sign-up order) play round one.
    expect(bracket.map((r) => r.matches.map((m) => [m.key, m.playerA?.id ?? null, m.playerB?.id ?? null]))).toEqual([
      [['W1-1', entrants[0]!.id, entrants[1]!.id]],
      [['W2-1', entrants[2]!.id, null]],
    ]);
  });
});

describe('acceptance: live updates', () => {
  async function firstError(sub: Subscription) {
    await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
    const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: Record<string, unknown> }) : undefined);
    sub.stop();
    return error?.extensions;
  }

  it('tournamentUpdated is open to anonymous spectators; rankChanged needs a signed-in player; leaderboardUpdated refuses unknown boards and bad sizes', async () => {
    const org = await organizer();
    const tournament = await create(org);
    const anonymous = client();
    const spectator = subscribe(anonymous, `subscription($id: ID!) { tournamentUpdated(id: $id) { id participantCount } }`, { id: tournament.id });
    const ana = await registerPlayer(url);
    let joined = false;
    await expect
      .poll(
        async () => {
          if (!joined) joined = !(await gql(url, JOIN, { t: tournament.id }, { token: ana.token })).errors;
          else await gql(url, LEAVE, { t: tournament.id }, { token: ana.token }).then(() => (joined = false));
          return spectator.results.length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(spectator.results[0]!.errors).toBeUndefined();
    spectator.stop();

    const board = (await must<{ defineLeaderboard: { leaderboard: { id: string } } }>(await adminToken(), `mutation($id: ID!) { defineLeaderboard(input: { id: $id, title: "Live" }) { leaderboard { id } } }`, { id: `acc-${randomUUID().slice(0, 8)}` })).defineLeaderboard.leaderboard;
    const RANK_CHANGED = `subscription($id: ID!) { rankChanged(leaderboardId: $id) { rank } }`;
    expect(await firstError(subscribe(anonymous, RANK_CHANGED, { id: board.id }))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await firstError(subscribe(client(ana.token), RANK_CHANGED, { id: 'no-such-board' }))).toMatchObject({ code: 'NOT_FOUND', field: 'leaderboardId' });
    const UPDATED = `subscription($id: ID!, $first: Int) { leaderboardUpdated(id: $id, first: $first) { reset top { rank } } }`;
    expect(await firstError(subscribe(anonymous, UPDATED, { id: 'no-such-board' }))).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await firstError(subscribe(anonymous, UPDATED, { id: board.id, first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await firstError(subscribe(anonymous, UPDATED, { id: board.id, first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('rankChanged with a service token is FORBIDDEN', async () => {
    const board = (await must<{ defineLeaderboard: { leaderboard: { id: string } } }>(await adminToken(), `mutation($id: ID!) { defineLeaderboard(input: { id: $id, title: "Live" }) { leaderboard { id } } }`, { id: `acc-${randomUUID().slice(0, 8)}` })).defineLeaderboard.leaderboard;
    const sub = subscribe(client(await gameServer()), `subscription($id: ID!) { rankChanged(leaderboardId: $id) { rank } }`, { id: board.id });
    expect(await firstError(sub)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

const DEFINE = `mutation($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { id title sortOrder operator resetSchedule nextResetAt follows metadata } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { record { rank score subscore metadata submissions player { id } } leaderboard { id } } }`;
const TOP = `query($id: ID!, $first: Int, $after: String, $scope: LeaderboardScope) { leaderboard(id: $id) { top(first: $first, after: $after, scope: $scope) { edges { cursor node { rank score subscore player { id } } } pageInfo { hasNextPage endCursor } } } }`;
const AROUND = `query($id: ID!, $u: ID!, $n: Int) { leaderboard(id: $id) { around(userId: $u, n: $n) { rank score player { id } } } }`;
const RANK = `query($id: ID!, $u: ID!, $scope: LeaderboardScope) { leaderboard(id: $id) { rank(userId: $u, scope: $scope) { rank score subscore submissions } } }`;
type Rec = { rank: number; score: number; subscore: number; metadata: string; submissions: number; player: { id: string } };
const boardId = () => `acc-${randomUUID().slice(0, 8)}`;
async function define(input: Record<string, unknown> = {}) {
  return (await must<{ defineLeaderboard: { leaderboard: { id: string } & Record<string, unknown> } }>(await adminToken(), DEFINE, { input: { id: boardId(), title: 'Weekly kills', ...input } })).defineLeaderboard.leaderboard;
}
async function submit(leaderboardId: string, userId: string, score: number, extra: Record<string, unknown> = {}) {
  return (await must<{ submitScore: { record: Rec } }>(await gameServer(), SUBMIT, { input: { leaderboardId, userId, score, submissionId: randomUUID(), ...extra } })).submitScore.record;
}
const topOf = async (id: string, variables: Record<string, unknown> = {}) =>
  (await must<{ leaderboard: { top: { edges: { cursor: string; node: { rank: number; score: number; player: { id: string } } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }>(undefined, TOP, { id, ...variables })).leaderboard.top;

describe('acceptance: leaderboards', () => {
  it('defineLeaderboard: ADMIN only; each invalid value named as input.<name>; the documented defaults; the same definition again changes nothing; the rule is fixed', async () => {
    const ana = await registerPlayer(url);
    const admin = await adminToken();
    const input = (over: Record<string, unknown>) => ({ input: { id: boardId(), title: 'Kills', ...over } });
    await expectRefusals(DEFINE, [
      ['signed out', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['a player', ana, input({}), { code: 'FORBIDDEN' }],
      ['a game server', await gameServer(), input({}), { code: 'FORBIDDEN' }],
      ['an empty id', admin, input({ id: '' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an upper-case id', admin, input({ id: 'Weekly' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an id with a space', admin, input({ id: 'weekly kills' }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['a 65-character id', admin, input({ id: 'a'.repeat(65) }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['a 100 KB id', admin, input({ id: HUGE }), { code: 'BAD_USER_INPUT', field: 'input.id' }],
      ['an empty title', admin, input({ title: '' }), { code: 'BAD_USER_INPUT', field: 'input.title' }],
      ['a 101-character title', admin, input({ title: 't'.repeat(101) }), { code: 'BAD_USER_INPUT', field: 'input.title' }],
      ['a schedule that is not cron', admin, input({ resetSchedule: 'every monday' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['a cron of 7 fields', admin, input({ resetSchedule: '0 0 0 * * 1 2026' }), { code: 'BAD_USER_INPUT', field: 'input.resetSchedule' }],
      ['metadata that is not JSON', admin, input({ metadata: '{oops' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is an array', admin, input({ metadata: '[1,2]' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is null', admin, input({ metadata: 'null' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['2,049 characters of metadata', admin, input({ metadata: JSON.stringify({ k: 'v'.repeat(2_041) }) }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
    ]);
    const id = 'a'.repeat(54) + randomUUID().slice(0, 8) + '_-';
    expect(id).toHaveLength(64);
    const board = (await must<{ defineLeaderboard: { leaderboard: Record<string, unknown> } }>(admin, DEFINE, { input: { id, title: 't'.repeat(100) } })).defineLeaderboard.leaderboard;
    expect(board).toEqual({ id, title: 't'.repeat(100), sortOrder: 'DESC', operator: 'BEST', resetSchedule: null, nextResetAt: null, follows: [], metadata: '{}' });
    expect((await must<{ defineLeaderboard: { leaderboard: unknown } }>(admin, DEFINE, { input: { id, title: 't'.repeat(100) } })).defineLeaderboard.leaderboard).toEqual(board);
    expect(await refusal(admin, DEFINE, { input: { id, title: 'x', sortOrder: 'ASC' } })).toMatchObject({ code: 'CONFLICT', field: 'input.sortOrder' });
    expect(await refusal(admin, DEFINE, { input: { id, title: 'x', operator: 'INCREMENT' } })).toMatchObject({ code: 'CONFLICT', field: 'input.operator' });
    // Unknown ids are null; the list is by id and bounded.
    for (const unknown of ['no-such-board', '', HUGE.slice(0, 5_000)]) {
      const result = await gql<{ leaderboard: unknown }>(url, `query($id: ID!) { leaderboard(id: $id) { id } }`, { id: unknown });
      expect(result.errors, unknown.slice(0, 10)).toBeUndefined();
      expect(result.data?.leaderboard).toBeNull();
    }
    const LIST = `query($first: Int, $after: ID) { leaderboards(first: $first, after: $after) { id } }`;
    for (const first of [-1, 101]) expect((await refusal(undefined, LIST, { first })).code, String(first)).toBe('BAD_USER_INPUT');
    const listed = (await must<{ leaderboards: { id: string }[] }>(undefined, LIST, { first: 100, after: 'acc-' })).leaderboards.map((b) => b.id);
    expect(listed).toEqual([...listed].sort());
    expect(listed.every((b) => b > 'acc-')).toBe(true);
  });

  it('submitScore: the game server only; unknown boards and players, out-of-range numbers, bad metadata and ids refused naming input.<name>; nothing stored', async () => {
    const board = await define();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServer();
    const input = (over: Record<string, unknown>) => ({ input: { leaderboardId: board.id, userId: ana.id, score: 10, submissionId: randomUUID(), ...over } });
    await expectRefusals(SUBMIT, [
      ['signed out', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['the player themself', ana, input({}), { code: 'FORBIDDEN' }],
      ['an admin player', await adminToken(), input({}), { code: 'FORBIDDEN' }],
      ['a service token without the scope', await otherService(), input({}), { code: 'FORBIDDEN' }],
      ['an unknown board', server, input({ leaderboardId: 'no-such-board' }), { code: 'NOT_FOUND', field: 'input.leaderboardId' }],
      ['a malformed player id', server, input({ userId: 'nope' }), { code: 'BAD_USER_INPUT', field: 'input.userId' }],
      ['the id of no player', server, input({ userId: randomUUID() }), { code: 'BAD_USER_INPUT', field: 'input.userId' }],
      ['a score above 1e15', server, input({ score: 1e15 + 2 }), { code: 'BAD_USER_INPUT', field: 'input.score' }],
      ['a score below -1e15', server, input({ score: -1e16 }), { code: 'BAD_USER_INPUT', field: 'input.score' }],
      ['a score of 1e308', server, input({ score: 1e308 }), { code: 'BAD_USER_INPUT', field: 'input.score' }],
      ['a subscore above 1e15', server, input({ subscore: 2e15 }), { code: 'BAD_USER_INPUT', field: 'input.subscore' }],
      ['metadata that is not JSON', server, input({ metadata: 'nope' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['metadata that is a string', server, input({ metadata: '"text"' }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['2,049 characters of metadata', server, input({ metadata: JSON.stringify({ k: 'v'.repeat(2_041) }) }), { code: 'BAD_USER_INPUT', field: 'input.metadata' }],
      ['an empty submission id', server, input({ submissionId: '' }), { code: 'BAD_USER_INPUT', field: 'input.submissionId' }],
      ['a 129-character submission id', server, input({ submissionId: 's'.repeat(129) }), { code: 'BAD_USER_INPUT', field: 'input.submissionId' }],
    ]);
    // NaN and Infinity cannot be JSON numbers; a string score is GraphQL's own refusal.
    for (const score of ['NaN', 'Infinity', '12']) expect((await refusal(server, SUBMIT, input({ score }))).code, score).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    expect(await must(undefined, RANK, { id: board.id, u: ana.id })).toEqual({ leaderboard: { rank: null } });
    // The bounds themselves are taken; metadata defaults to {} and subscore to 0.
    const edge = await submit(board.id, ana.id, 1e15, { submissionId: 's'.repeat(128) });
    expect(edge).toMatchObject({ rank: 1, score: 1e15, subscore: 0, metadata: '{}', submissions: 1, player: { id: ana.id } });
    expect((await submit(board.id, ben.id, -1e15, { metadata: JSON.stringify({ k: 'v'.repeat(2_040) }) })).score).toBe(-1e15);
  });

  it('submitScore refuses the id of no player (a well-formed UUID nobody has), stores nothing, and the board reads with its players', async () => {
    const board = await define();
    const ana = await registerPlayer(url);
    await submit(board.id, ana.id, 5);
    const ghost = randomUUID();
    expect(await refusal(await gameServer(), SUBMIT, { input: { leaderboardId: board.id, userId: ghost, score: 1, submissionId: randomUUID() } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.userId',
    });
    // Nothing stored: no record for the ghost, and reads selecting the players' user fields answer.
    expect(await must(undefined, RANK, { id: board.id, u: ghost })).toEqual({ leaderboard: { rank: null } });
    const read = await must<{ leaderboard: { top: { edges: { node: { player: { id: string; username: string } } }[] } } }>(
      undefined,
      `query($id: ID!) { leaderboard(id: $id) { top(first: 10) { edges { node { player { id username } } } } } }`,
      { id: board.id },
    );
    expect(read.leaderboard.top.edges.map((e) => e.node.player)).toEqual([{ id: ana.id, username: ana.username }]);
  });

  it('submitScore is idempotent by submissionId, retried or concurrent; each operator does what it says; a sum leaving the range is refused', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServer();
    const inc = await define({ operator: 'INCREMENT' });
    const same = { leaderboardId: inc.id, userId: ana.id, score: 5, submissionId: `retry-${randomUUID()}` };
    const five = await Promise.all(Array.from({ length: 5 }, () => gql<{ submitScore: { record: Rec } }>(url, SUBMIT, { input: same }, { token: server })));
    expect(five.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect((await must<{ leaderboard: { rank: { score: number; submissions: number } } }>(undefined, RANK, { id: inc.id, u: ana.id })).leaderboard.rank).toMatchObject({ score: 5, submissions: 1 });
    expect((await submit(inc.id, ana.id, 2.5, { subscore: 1 })).score).toBe(7.5);
    await submit(inc.id, ben.id, 9e14);
    expect(await refusal(server, SUBMIT, { input: { leaderboardId: inc.id, userId: ben.id, score: 2e14, submissionId: randomUUID() } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    expect((await must<{ leaderboard: { rank: { score: number } } }>(undefined, RANK, { id: inc.id, u: ben.id })).leaderboard.rank.score).toBe(9e14);

    const dec = await define({ operator: 'DECREMENT' });
    expect((await submit(dec.id, ana.id, 3)).score).toBe(-3);
    expect((await submit(dec.id, ana.id, 2)).score).toBe(-5);
    const set = await define({ operator: 'SET' });
    await submit(set.id, ana.id, 50);
    expect((await submit(set.id, ana.id, 20)).score).toBe(20);
    const best = await define({ operator: 'BEST' });
    await submit(best.id, ana.id, 50);
    expect(await submit(best.id, ana.id, 20)).toMatchObject({ score: 50, submissions: 2 });
    expect((await submit(best.id, ana.id, 50, { subscore: 3 })).subscore).toBe(3);
    const asc = await define({ sortOrder: 'ASC', operator: 'BEST' });
    await submit(asc.id, ana.id, 61.5);
    expect((await submit(asc.id, ana.id, 70)).score).toBe(61.5);
    expect((await submit(asc.id, ana.id, 59.25)).score).toBe(59.25);
  });

  it('top, around and rank: order by score then subscore, earlier first on a tie; ASC boards; paging; null and empty for players without a record', async () => {
    const board = await define();
    const p = await Promise.all(Array.from({ length: 6 }, () => registerPlayer(url)));
    await submit(board.id, p[0]!.id, 100);
    await submit(board.id, p[1]!.id, 300);
    await submit(board.id, p[2]!.id, 200, { subscore: 1 });
    await submit(board.id, p[3]!.id, 200, { subscore: 5 });
    await submit(board.id, p[4]!.id, 100); // ties p0, later
    const order = [p[1]!, p[3]!, p[2]!, p[0]!, p[4]!].map((x) => x.id);
    const all = await topOf(board.id);
    expect(all.edges.map((e) => e.node.player.id)).toEqual(order);
    expect(all.edges.map((e) => e.node.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const page = await topOf(board.id, { first: 2 });
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, endCursor: page.edges[1]!.cursor });
    expect((await topOf(board.id, { first: 2, after: page.pageInfo.endCursor })).edges.map((e) => e.node.player.id)).toEqual(order.slice(2, 4));
    expect(await topOf(board.id, { first: 0 })).toMatchObject({ edges: [], pageInfo: { endCursor: null } });
    await expectRefusals(TOP, [
      ['first -1', undefined, { id: board.id, first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first 101', undefined, { id: board.id, first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a foreign cursor', undefined, { id: board.id, after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a huge cursor', undefined, { id: board.id, after: HUGE }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['FRIENDS signed out', undefined, { id: board.id, scope: 'FRIENDS' }, { code: 'UNAUTHENTICATED' }],
      ['GUILD signed out', undefined, { id: board.id, scope: 'GUILD' }, { code: 'UNAUTHENTICATED' }],
    ]);
    const around = async (u: string, n?: number) => (await must<{ leaderboard: { around: { rank: number; player: { id: string } }[] } }>(undefined, AROUND, { id: board.id, u, n })).leaderboard.around;
    expect((await around(p[2]!.id, 1)).map((r) => [r.rank, r.player.id])).toEqual([[2, p[3]!.id], [3, p[2]!.id], [4, p[0]!.id]]);
    expect((await around(p[1]!.id, 0)).map((r) => r.player.id)).toEqual([p[1]!.id]);
    expect((await around(p[4]!.id)).map((r) => r.player.id)).toEqual(order);
    expect(await around(p[5]!.id)).toEqual([]);
    await expectRefusals(AROUND, [
      ['n -1', undefined, { id: board.id, u: p[0]!.id, n: -1 }, { code: 'BAD_USER_INPUT', field: 'n' }],
      ['n 51', undefined, { id: board.id, u: p[0]!.id, n: 51 }, { code: 'BAD_USER_INPUT', field: 'n' }],
      ['a malformed player id', undefined, { id: board.id, u: 'nope' }, { code: 'BAD_USER_INPUT', field: 'userId' }],
    ]);
    expect(await must(undefined, RANK, { id: board.id, u: p[3]!.id })).toEqual({ leaderboard: { rank: { rank: 2, score: 200, subscore: 5, submissions: 1 } } });
    expect(await must(undefined, RANK, { id: board.id, u: p[5]!.id })).toEqual({ leaderboard: { rank: null } });
    expect(await refusal(undefined, RANK, { id: board.id, u: HUGE.slice(0, 5_000) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    // Signed in, FRIENDS ranks the player among their friends and themself.
    const friends = (await must<{ leaderboard: { top: { edges: { node: { rank: number; player: { id: string } } }[] } } }>(p[0], TOP, { id: board.id, scope: 'FRIENDS' })).leaderboard.top.edges;
    expect(friends.map((e) => [e.node.rank, e.node.player.id])).toEqual([[1, p[0]!.id]]);
    // Periods: the current one is 1; there is none before it; a negative one is refused.
    const PERIOD = `query($id: ID!, $previous: Int) { leaderboard(id: $id) { period(previous: $previous) { number recordCount archivedAt endsAt } } }`;
    expect(await must(undefined, PERIOD, { id: board.id })).toEqual({ leaderboard: { period: { number: 1, recordCount: 5, archivedAt: null, endsAt: null } } });
    expect(await must(undefined, PERIOD, { id: board.id, previous: 1 })).toEqual({ leaderboard: { period: null } });
    expect(await refusal(undefined, PERIOD, { id: board.id, previous: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'previous' });

    const asc = await define({ sortOrder: 'ASC' });
    await submit(asc.id, p[0]!.id, 61.2);
    await submit(asc.id, p[1]!.id, 59.9);
    expect((await topOf(asc.id)).edges.map((e) => e.node.player.id)).toEqual([p[1]!.id, p[0]!.id]);
  });

  it('FRIENDS and GUILD scopes rank among the viewer\'s friends and themself, or their guild; records outside the scope are null and empty', async () => {
    const [ana, ben, cat, dan] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    await must(ana, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { __typename } }`, { u: ben.id });
    await must(ben, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { __typename } }`, { u: ana.id });
    await fund(ana, 1_000);
    const guild = (await must<{ createGuild: { guild: { id: string } } }>(ana, `mutation($n: String!, $t: String!) { createGuild(input: { name: $n, tag: $t }) { guild { id } } }`, {
      n: `Scope ${randomUUID().slice(0, 8)}`,
      t: randomUUID().replace(/[^a-z0-9]/g, '').slice(0, 5).toUpperCase(),
    })).createGuild.guild;
    await must(cat, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guild.id });
    const board = await define();
    for (const [p, score] of [[ana, 10], [ben, 20], [cat, 30], [dan, 40]] as const) await submit(board.id, p.id, score);
    type Top = { leaderboard: { top: { edges: { node: { rank: number; player: { id: string } } }[] } } };
    const scoped = async (viewer: Player, scope: string) => (await must<Top>(viewer, TOP, { id: board.id, scope })).leaderboard.top.edges.map((e) => [e.node.rank, e.node.player.id]);
    await expect.poll(() => scoped(ana, 'FRIENDS'), { timeout: 10_000 }).toEqual([[1, ben.id], [2, ana.id]]);
    await expect.poll(() => scoped(ana, 'GUILD'), { timeout: 10_000 }).toEqual([[1, cat.id], [2, ana.id]]);
    expect(await scoped(dan, 'GUILD')).toEqual([]);
    expect(await scoped(dan, 'FRIENDS')).toEqual([[1, dan.id]]);
    expect(await must(ana, RANK, { id: board.id, u: dan.id, scope: 'FRIENDS' })).toEqual({ leaderboard: { rank: null } });
    expect(await must(ana, RANK, { id: board.id, u: ana.id, scope: 'GUILD' })).toMatchObject({ leaderboard: { rank: { rank: 2, score: 10 } } });
    const SCOPED_AROUND = `query($id: ID!, $u: ID!, $scope: LeaderboardScope) { leaderboard(id: $id) { around(userId: $u, n: 5, scope: $scope) { rank player { id } } } }`;
    expect(await must(ana, SCOPED_AROUND, { id: board.id, u: dan.id, scope: 'FRIENDS' })).toEqual({ leaderboard: { around: [] } });
    expect(await refusal(undefined, RANK, { id: board.id, u: ana.id, scope: 'FRIENDS' })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
