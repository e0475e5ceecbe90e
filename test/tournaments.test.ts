import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { gql, gqlData, platformPerFile, registerPlayer } from './support/platform.js';
import { metric, subscribe, untilListening, wsClient } from './support/ws.js';
import { eventually } from './support/eventually.js';

// Registration with entry fees across subgraphs: the tournaments subgraph takes the fee from the
// wallet the users subgraph owns, through the gateway-facing API, exactly once.
let platform: RunningPlatform;
let url = '';
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const must = <T>(token: string, query: string, variables: Record<string, unknown> = {}) => gqlData<T>(url, query, variables, token);


/** A fresh ORGANIZER's token; `coins` credited by `admin` first (a prize pool's fixed part is the creator's). */
async function organizerToken(admin?: string, coins = 0): Promise<string> {
  const player = await registerPlayer(url);
  if (coins) {
    await must(admin!, `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: player.id, idempotencyKey: `seed-${player.id}`, reason: 'test_seed', changes: [{ currency: 'COINS', amount: coins }] },
    });
  }
  await platform.runtime.db.prisma.user.update({ where: { id: player.id }, data: { role: 'ORGANIZER' } });
  const login = await gql<{ login: { accessToken: string } }>(url, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: player.username });
  return login.data!.login.accessToken;
}

/** A player with `coins` and `xp` credited by an admin. */
async function playerWith(admin: string, coins: number, xp: number) {
  const player = await registerPlayer(url);
  const changes = [...(coins ? [{ currency: 'COINS', amount: coins }] : []), ...(xp ? [{ currency: 'XP', amount: xp }] : [])];
  if (changes.length) {
    await must(admin, `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: player.id, idempotencyKey: `seed-${player.id}`, reason: 'test_seed', changes },
    });
  }
  return player;
}

const WALLET = `{ me { wallet { balances { currency amount } ledger(first: 20) { edges { node { currency amount reason } } } } } }`;
type Wallet = { me: { wallet: { balances: { currency: string; amount: number }[]; ledger: { edges: { node: { currency: string; amount: number; reason: string } }[] } } } };
async function coinsOf(token: string) {
  const { me } = await must<Wallet>(token, WALLET);
  const coins = me.wallet.balances.find((b) => b.currency === 'COINS')?.amount ?? 0;
  const moves = me.wallet.ledger.edges.map((e) => e.node).filter((n) => n.reason.startsWith('tournament_'));
  return { coins, moves: moves.map((m) => `${m.reason} ${m.amount}`).sort() };
}

const JOIN = `mutation($id: ID!) { joinTournament(input: { tournamentId: $id }) { tournament { id participantCount } } }`;
const LEAVE = `mutation($id: ID!) { leaveTournament(input: { tournamentId: $id }) { tournament { id participantCount } } }`;
const CANCEL = `mutation($id: ID!) { cancelTournament(input: { tournamentId: $id }) { tournament { status } } }`;

describe('tournament registration through the gateway', () => {
  it('takes the fee once, refuses who cannot pay or is below the level, refunds once on leaving and on cancelling', async () => {
    const admin = await signInAsAdmin(platform, url);
    const organizer = await organizerToken();
    const created = await must<{ createTournament: { tournament: { id: string } } }>(
      organizer,
      `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`,
      { input: { name: 'Gateway Cup', format: 'SWISS', startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 8, entryFee: 40, minimumLevel: 2 } },
    );
    const id = created.createTournament.tournament.id;

    const ana = await playerWith(admin, 100, 100); // level 2
    const joined = await gql<{ joinTournament: { tournament: { participantCount: number } } }>(url, JOIN, { id }, { token: ana.token });
    expect(joined.errors).toBeUndefined();
    expect(joined.data!.joinTournament.tournament.participantCount).toBe(1);
    const again = await gql(url, JOIN, { id }, { token: ana.token });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
    expect(await coinsOf(ana.token)).toEqual({ coins: 60, moves: ['tournament_entry_fee -40'] });

    const poor = await playerWith(admin, 39, 100);
    const refused = await gql(url, JOIN, { id }, { token: poor.token });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await coinsOf(poor.token)).toEqual({ coins: 39, moves: [] });

    const novice = await playerWith(admin, 100, 0); // level 1
    const tooLow = await gql(url, JOIN, { id }, { token: novice.token });
    expect(tooLow.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW', minimumLevel: 2, level: 1 });
    expect(await coinsOf(novice.token)).toEqual({ coins: 100, moves: [] });

    const left = await gql<{ leaveTournament: { tournament: { participantCount: number } } }>(url, LEAVE, { id }, { token: ana.token });
    expect(left.data!.leaveTournament.tournament.participantCount).toBe(0);
    await eventually(async () => expect(await coinsOf(ana.token)).toEqual({ coins: 100, moves: ['tournament_entry_fee -40', 'tournament_entry_refund 40'] }));

    // Joining again pays again; cancelling refunds that attempt once.
    await must(ana.token, JOIN, { id });
    const cancelled = await gql<{ cancelTournament: { tournament: { status: string } } }>(url, CANCEL, { id }, { token: organizer });
    expect(cancelled.data).toEqual({ cancelTournament: { tournament: { status: 'CANCELLED' } } });
    const twice = await gql(url, CANCEL, { id }, { token: organizer });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
    await eventually(async () =>
      expect(await coinsOf(ana.token)).toEqual({ coins: 100, moves: ['tournament_entry_fee -40', 'tournament_entry_fee -40', 'tournament_entry_refund 40', 'tournament_entry_refund 40'] }),
    );
  });

  it('plays a bracket: the game server and the players report results, the winners move on, players named through federation', async () => {
    const organizer = await organizerToken();
    const created = await must<{ createTournament: { tournament: { id: string } } }>(
      organizer,
      `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`,
      { input: { name: 'Bracket Cup', format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 4, maxParticipants: 4 } },
    );
    const id = created.createTournament.tournament.id;
    const players: Awaited<ReturnType<typeof registerPlayer>>[] = [];
    for (let i = 0; i < 4; i++) {
      const p = await registerPlayer(url);
      await must(p.token, JOIN, { id });
      players.push(p);
    }
    await must(organizer, `mutation($id: ID!) { startTournament(input: { tournamentId: $id }) { tournament { status } } }`, { id });

    type Seat = { id: string; username: string } | null;
    type Match = { id: string; key: string; status: string; playerA: Seat; playerB: Seat; winner: Seat };
    const bracket = async () =>
      (
        await must<{ tournament: { bracket: { round: number; matches: Match[] }[] } }>(
          organizer,
          `query($id: ID!) { tournament(id: $id) { bracket { round matches { id key status playerA { id username } playerB { id username } winner { id username } } } } }`,
          { id },
        )
      ).tournament.bracket.flatMap((r) => r.matches);
    const opening = await bracket();
    expect(opening.map((m) => m.key)).toEqual(['W1-1', 'W1-2', 'W2-1']);
    const names = new Set(players.map((p) => p.username));
    for (const m of opening.slice(0, 2)) expect([names.has(m.playerA!.username), names.has(m.playerB!.username)]).toEqual([true, true]);

    const REPORT = `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { status winner { username } } } }`;
    const [w11, w12] = opening;
    const server = await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']);
    const byServer = await must<{ reportMatchResult: { match: { status: string; winner: { username: string } } } }>(server, REPORT, { input: { matchId: w11!.id, winnerId: w11!.playerA!.id, score: '2-0' } });
    expect(byServer.reportMatchResult.match).toEqual({ status: 'COMPLETED', winner: { username: w11!.playerA!.username } });

    const tokenOf = (userId: string) => players.find((p) => p.id === userId)!.token;
    const input = { matchId: w12!.id, winnerId: w12!.playerB!.id };
    expect((await must<{ reportMatchResult: { match: { status: string } } }>(tokenOf(w12!.playerA!.id), REPORT, { input })).reportMatchResult.match.status).toBe('READY');
    expect((await must<{ reportMatchResult: { match: { status: string } } }>(tokenOf(w12!.playerB!.id), REPORT, { input })).reportMatchResult.match.status).toBe('COMPLETED');

    const final = (await bracket()).find((m) => m.key === 'W2-1')!;
    expect(final).toMatchObject({ status: 'READY', playerA: { username: w11!.playerA!.username }, playerB: { username: w12!.playerB!.username } });
  });

  it('refuses joining for anonymous callers and unknown tournaments', async () => {
    const anonymous = await gql(url, JOIN, { id: '0190a000-0000-7000-8000-000000000001' });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const player = await registerPlayer(url);
    const unknown = await gql(url, JOIN, { id: '0190a000-0000-7000-8000-000000000001' }, { token: player.token });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

const CREATE = `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`;
const REPORT = `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { id key status winner { id } } } }`;
const START = `mutation($id: ID!) { startTournament(input: { tournamentId: $id }) { tournament { status } } }`;
type Seat = { id: string; username: string } | null;
type BracketMatch = { id: string; key: string; status: string; playerA: Seat; playerB: Seat; winner: Seat };
const bracketOf = async (token: string | undefined, id: string) =>
  (
    await gql<{ tournament: { bracket: { matches: BracketMatch[] }[] } }>(url, `query($id: ID!) { tournament(id: $id) { bracket { matches { id key status playerA { id username } playerB { id username } winner { id username } } } } }`, { id }, { token })
  ).data!.tournament.bracket.flatMap((r) => r.matches);
const tournamentsUrl = () => platform.subgraphs.find((s) => s.name === 'tournaments')!.url;

describe('a tournament to its end, watched live', () => {
  it('spectators follow matches and the tournament over graphql-ws; the last result ranks the field, pays each prize once into the wallet and reaches achievements', async () => {
    const admin = await signInAsAdmin(platform, url);
    const organizer = await organizerToken(admin, 300);
    // Four players pay 50 each: the pool is 300 fixed (paid by the organizer) + 50% of 200 = 400, split 75/25.
    const { createTournament } = await must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE, {
      input: { name: 'Spectator Cup', format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 4, maxParticipants: 4, entryFee: 50, prizePool: { fixed: 300, feeSharePercent: 50, distribution: [75, 25] } },
    });
    const id = createTournament.tournament.id;
    expect(await coinsOf(organizer)).toEqual({ coins: 0, moves: ['tournament_prize_pool -300'] });
    const players: Awaited<ReturnType<typeof playerWith>>[] = [];
    for (let i = 0; i < 4; i++) players.push(await playerWith(admin, 50, 0));

    // Anonymous spectators: public streams.
    const spectator = wsClient(url);
    const tournamentLive = subscribe(spectator, `subscription($id: ID!) { tournamentUpdated(id: $id) { id status participantCount standings { placement prize player { username } } } }`, { id });
    const matchesLive = subscribe(spectator, `subscription($id: ID!) { matchUpdated(tournamentId: $id) { key status playerA { username } playerB { username } winner { username } durationSeconds } }`, { id });
    await untilListening(platform.runtime.redis, liveChannel('tournaments', 'tournamentUpdated', id));
    await untilListening(platform.runtime.redis, liveChannel('tournaments', 'matchUpdated', id));

    for (const p of players) await must(p.token, JOIN, { id });
    await must(organizer, START, { id });
    await expect.poll(() => tournamentLive.results.length, { timeout: 5_000 }).toBe(5); // four joins, the start
    expect(tournamentLive.results.map((r) => (r.data!.tournamentUpdated as { participantCount: number }).participantCount)).toEqual([1, 2, 3, 4, 4]);
    expect((tournamentLive.results[4]!.data!.tournamentUpdated as { status: string }).status).toBe('IN_PROGRESS');
    expect(await metric(tournamentsUrl(), 'tournaments_active')).toBeGreaterThanOrEqual(1);

    const server = await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']);
    const [w11, w12] = await bracketOf(organizer, id);
    await must(server, REPORT, { input: { matchId: w11!.id, winnerId: w11!.playerA!.id } });
    // W1-1 completed, and the final receiving its first player.
    await expect.poll(() => matchesLive.results.length, { timeout: 5_000 }).toBe(2);
    expect(matchesLive.results.map((r) => r.data!.matchUpdated)).toEqual([
      { key: 'W1-1', status: 'COMPLETED', playerA: { username: w11!.playerA!.username }, playerB: { username: w11!.playerB!.username }, winner: { username: w11!.playerA!.username }, durationSeconds: expect.any(Number) },
      { key: 'W2-1', status: 'PENDING', playerA: { username: w11!.playerA!.username }, playerB: null, winner: null, durationSeconds: null },
    ]);
    await must(server, REPORT, { input: { matchId: w12!.id, winnerId: w12!.playerB!.id } });
    const final = (await bracketOf(undefined, id)).find((m) => m.key === 'W2-1')!;
    expect(final.status).toBe('READY');
    await must(server, REPORT, { input: { matchId: final.id, winnerId: final.playerB!.id } });
    await expect.poll(() => matchesLive.results.length, { timeout: 5_000 }).toBe(5);
    expect((matchesLive.results[4]!.data!.matchUpdated as { key: string; winner: Seat }).winner!.username).toBe(final.playerB!.username);

    // The tournament completes: standings and prizes, told live too.
    await expect.poll(() => tournamentLive.results.length, { timeout: 5_000 }).toBe(6);
    const done = tournamentLive.results[5]!.data!.tournamentUpdated as { status: string; standings: { placement: number; prize: number; player: { username: string } }[] };
    expect(done.status).toBe('COMPLETED');
    expect(done.standings.map((s) => [s.placement, s.prize, s.player.username])).toEqual([
      [1, 300, final.playerB!.username],
      [2, 100, final.playerA!.username],
      [3, 0, expect.any(String)],
      [4, 0, expect.any(String)],
    ]);
    const tokenOf = (userId: string) => players.find((p) => p.id === userId)!.token;
    await eventually(async () => expect(await coinsOf(tokenOf(final.playerB!.id))).toEqual({ coins: 300, moves: ['tournament_entry_fee -50', 'tournament_prize 300'] }));
    await eventually(async () => expect(await coinsOf(tokenOf(final.playerA!.id))).toEqual({ coins: 100, moves: ['tournament_entry_fee -50', 'tournament_prize 100'] }));

    // Every player finds the result in their inbox.
    await eventually(async () => {
      const { notifications } = await must<{ notifications: { edges: { node: { kind: string; priority: string; title: string; body: string } }[] } }>(
        tokenOf(final.playerB!.id),
        `query { notifications(first: 10) { edges { node { kind priority title body } } } }`,
      );
      expect(notifications.edges.map((e) => e.node).filter((n) => n.kind === 'TOURNAMENT_COMPLETED')).toEqual([
        { kind: 'TOURNAMENT_COMPLETED', priority: 'HIGH', title: 'Spectator Cup is over: you placed 1st', body: 'You won 300 coins; they are in your wallet.' },
      ]);
    });
    for (const p of players.filter((p) => p.id !== final.playerB!.id)) {
      await eventually(async () => {
        const { notifications } = await must<{ notifications: { edges: { node: { kind: string; title: string } }[] } }>(p.token, `query { notifications(first: 10) { edges { node { kind title } } } }`);
        expect(notifications.edges.filter((e) => e.node.kind === 'TOURNAMENT_COMPLETED')).toHaveLength(1);
      });
    }

    // TOURNAMENT_COMPLETED with placement 1 reaches achievements through the outbox: grand_champion.
    await eventually(async () => {
      const { me } = await must<{ me: { achievements: { achievement: { id: string } }[] } }>(tokenOf(final.playerB!.id), `query { me { achievements(status: UNLOCKED) { achievement { id } } } }`);
      expect(me.achievements.map((a) => a.achievement.id)).toContain('grand_champion');
    }, 20_000);

    // Figures, read by anyone.
    const { tournament } = await must<{ tournament: { analytics: Record<string, unknown> } }>(
      undefined as unknown as string,
      `query($id: ID!) { tournament(id: $id) { analytics { totalMatches completedMatches completionRate participationRate upsets averageMatchDurationSeconds longestMatch { key } shortestMatch { key } } } }`,
      { id },
    );
    expect(tournament.analytics).toMatchObject({ totalMatches: 3, completedMatches: 3, completionRate: 100, participationRate: 100 });
    expect(typeof tournament.analytics.averageMatchDurationSeconds).toBe('number');
    tournamentLive.stop();
    matchesLive.stop();
    await spectator.dispose();
  });

  it('finds tournaments by words of their name and description, with status and format filters, page by page', async () => {
    const organizer = await organizerToken();
    const word = `z${Math.random().toString(36).slice(2, 9)}`;
    const create = (name: string, format: string, description = '') =>
      must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE, { input: { name, description, format, startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 8 } });
    const spring = (await create(`${word} Spring Cup`, 'SWISS')).createTournament.tournament.id;
    const winter = (await create(`Winter Open`, 'SINGLE_ELIMINATION', `The ${word} winter edition`)).createTournament.tournament.id;
    const SEARCH = `query($text: String, $status: TournamentStatus, $format: TournamentFormat, $first: Int, $after: String) {
      searchTournaments(text: $text, status: $status, format: $format, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Found = { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const search = async (variables: Record<string, unknown>) => (await gql<{ searchTournaments: Found }>(url, SEARCH, variables)).data!.searchTournaments;
    // The name outranks the description; a prefix is enough.
    expect((await search({ text: word.slice(0, 6) })).edges.map((e) => e.node.id)).toEqual([spring, winter]);
    expect((await search({ text: `${word} spr` })).edges.map((e) => e.node.id)).toEqual([spring]);
    expect((await search({ text: word, format: 'SINGLE_ELIMINATION' })).edges.map((e) => e.node.id)).toEqual([winter]);
    expect((await search({ text: word, status: 'COMPLETED' })).edges).toEqual([]);
    const first = await search({ text: word, first: 1 });
    expect(first).toMatchObject({ edges: [{ node: { id: spring } }], pageInfo: { hasNextPage: true } });
    expect((await search({ text: word, first: 1, after: first.pageInfo.endCursor })).edges.map((e) => e.node.id)).toEqual([winter]);
    for (const [variables, field] of [[{ text: '!!!' }, 'text'], [{ text: 'x'.repeat(101) }, 'text'], [{ text: word, first: 101 }, 'first'], [{ text: word, after: 'nope' }, 'after']] as const) {
      expect((await gql(url, SEARCH, variables)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('prize pools and ladder ends, through the gateway', () => {
  const CREATE_POOL = `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id status prizePool { fixed total } } } }`;
  const END = `mutation($id: ID!) { endLadder(input: { tournamentId: $id }) { tournament { id status standings { placement player { id } } } } }`;
  const CANCEL = `mutation($id: ID!) { cancelTournament(input: { tournamentId: $id }) { tournament { status } } }`;
  const refusal = async (token: string | undefined, query: string, variables: Record<string, unknown>) => (await gql(url, query, variables, { token })).errors?.[0]?.extensions;
  const ladderInput = (name: string, fixed: number, requestKey?: string) => ({
    name, format: 'LADDER', startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 8, prizePool: { fixed, distribution: [100] }, ...(requestKey ? { requestKey } : {}),
  });

  it('the creator pays the fixed part once (INSUFFICIENT_FUNDS creates nothing) and a cancellation gives it back once', async () => {
    const admin = await signInAsAdmin(platform, url);
    const organizer = await organizerToken(admin, 200);
    const word = `pool${Math.random().toString(36).slice(2, 9)}`;
    expect(await refusal(organizer, CREATE_POOL, { input: ladderInput(`${word} Too Rich`, 500) })).toMatchObject({ code: 'INSUFFICIENT_FUNDS', field: 'prizePool.fixed' });
    expect(await coinsOf(organizer)).toEqual({ coins: 200, moves: [] });
    const found = await gql<{ searchTournaments: { edges: unknown[] } }>(url, `query($t: String) { searchTournaments(text: $t) { edges { node { id } } } }`, { t: word });
    expect(found.data!.searchTournaments.edges).toEqual([]);

    const key = `pool-${word}`;
    const made = await must<{ createTournament: { tournament: { id: string; prizePool: { fixed: number; total: number } } } }>(organizer, CREATE_POOL, { input: ladderInput(`${word} Ladder`, 150, key) });
    expect(made.createTournament.tournament.prizePool).toEqual({ fixed: 150, total: 150 });
    const again = await must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE_POOL, { input: ladderInput(`${word} Ladder`, 150, key) });
    expect(again.createTournament.tournament.id).toBe(made.createTournament.tournament.id);
    expect(await coinsOf(organizer)).toEqual({ coins: 50, moves: ['tournament_prize_pool -150'] });

    const id = made.createTournament.tournament.id;
    await must(organizer, CANCEL, { id });
    await eventually(async () => expect(await coinsOf(organizer)).toEqual({ coins: 200, moves: ['tournament_prize_pool -150', 'tournament_prize_pool_refund 150'] }));
    expect(await refusal(organizer, CANCEL, { id })).toMatchObject({ code: 'CONFLICT' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await coinsOf(organizer)).toEqual({ coins: 200, moves: ['tournament_prize_pool -150', 'tournament_prize_pool_refund 150'] });
  });

  it('endLadder: only its organizer (or an admin) ends a ladder without endsAt; the ladder becomes the standings', async () => {
    const admin = await signInAsAdmin(platform, url);
    const organizer = await organizerToken();
    const { createTournament } = await must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE_POOL, { input: ladderInput('Open Ladder', 0) });
    const id = createTournament.tournament.id;
    const [a, b] = [await playerWith(admin, 0, 0), await playerWith(admin, 0, 0)];
    await must(a.token, JOIN, { id });
    await must(b.token, JOIN, { id });
    await must(organizer, START, { id });
    const server = await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']);
    expect(await refusal(undefined, END, { id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(a.token, END, { id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(server, END, { id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(await organizerToken(), END, { id })).toMatchObject({ code: 'FORBIDDEN' });
    const status = async () => (await must<{ tournament: { status: string } }>(organizer, `query($id: ID!) { tournament(id: $id) { status } }`, { id })).tournament.status;
    expect(await status()).toBe('IN_PROGRESS');

    const ended = await must<{ endLadder: { tournament: { status: string; standings: { placement: number; player: { id: string } }[] } } }>(organizer, END, { id });
    expect(ended.endLadder.tournament.status).toBe('COMPLETED');
    expect(ended.endLadder.tournament.standings.map((s) => s.placement)).toEqual([1, 2]);
    expect(new Set(ended.endLadder.tournament.standings.map((s) => s.player.id))).toEqual(new Set([a.id, b.id]));
    expect((await must<{ endLadder: { tournament: { status: string } } }>(admin, END, { id })).endLadder.tournament.status).toBe('COMPLETED');
  });
});

describe('bad input changes nothing', () => {
  it('a result for a finished match, a winner not in the match, a non-participant reporting; joining twice, a full tournament, a fee the player cannot pay, a level too low', async () => {
    const admin = await signInAsAdmin(platform, url);
    const organizer = await organizerToken();
    const { createTournament } = await must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE, {
      input: { name: 'Strict Cup', format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 2, entryFee: 10, minimumLevel: 2 },
    });
    const id = createTournament.tournament.id;
    const state = async () => (await must<{ tournament: { participantCount: number; status: string } }>(organizer, `query($id: ID!) { tournament(id: $id) { participantCount status } }`, { id })).tournament;
    const refusal = async (token: string, query: string, variables: Record<string, unknown>) => (await gql(url, query, variables, { token })).errors?.[0]?.extensions;

    const [a, b] = [await playerWith(admin, 10, 100), await playerWith(admin, 30, 100)]; // level 2
    await must(a.token, JOIN, { id });
    // Joining twice: CONFLICT, paid once.
    expect(await refusal(a.token, JOIN, { id })).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
    expect(await coinsOf(a.token)).toEqual({ coins: 0, moves: ['tournament_entry_fee -10'] });
    // A fee the player cannot pay: INSUFFICIENT_FUNDS, no registration.
    const poor = await playerWith(admin, 9, 100);
    expect(await refusal(poor.token, JOIN, { id })).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(await coinsOf(poor.token)).toEqual({ coins: 9, moves: [] });
    // A level below the requirement.
    const novice = await playerWith(admin, 10, 0);
    expect(await refusal(novice.token, JOIN, { id })).toMatchObject({ code: 'FORBIDDEN', reason: 'LEVEL_TOO_LOW' });
    expect(await coinsOf(novice.token)).toEqual({ coins: 10, moves: [] });
    expect(await state()).toEqual({ participantCount: 1, status: 'REGISTRATION' });
    // A full tournament.
    await must(b.token, JOIN, { id });
    const late = await playerWith(admin, 10, 100);
    expect(await refusal(late.token, JOIN, { id })).toMatchObject({ code: 'CONFLICT', reason: 'FULL' });
    expect(await coinsOf(late.token)).toEqual({ coins: 10, moves: [] });
    expect(await state()).toEqual({ participantCount: 2, status: 'REGISTRATION' });

    await must(organizer, START, { id });
    const [match] = await bracketOf(organizer, id);
    const outsider = await registerPlayer(url);
    // A non-participant reporting.
    expect(await refusal(outsider.token, REPORT, { input: { matchId: match!.id, winnerId: outsider.id } })).toMatchObject({ code: 'FORBIDDEN' });
    // A winner not in the match.
    expect(await refusal(organizer, REPORT, { input: { matchId: match!.id, winnerId: outsider.id } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'winnerId' });
    expect((await bracketOf(organizer, id))[0]).toMatchObject({ status: 'READY', winner: null });
    await must(organizer, REPORT, { input: { matchId: match!.id, winnerId: a.id } });
    // A result for a finished match.
    expect(await refusal(organizer, REPORT, { input: { matchId: match!.id, winnerId: b.id } })).toMatchObject({ code: 'CONFLICT', reason: 'MATCH_FINISHED' });
    expect((await bracketOf(organizer, id))[0]).toMatchObject({ status: 'COMPLETED', winner: { id: a.id } });
    expect(await state()).toEqual({ participantCount: 2, status: 'COMPLETED' });
  });
});

describe('every documented refusal, through the gateway, changes nothing', () => {
  const refusal = async (token: string | undefined, query: string, variables: Record<string, unknown>) => (await gql(url, query, variables, { token })).errors?.[0]?.extensions;
  const input = (change: Record<string, unknown> = {}) => ({ name: `Refusal Cup ${Math.random().toString(36).slice(2, 8)}`, format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3600_000).toISOString(), minParticipants: 2, maxParticipants: 4, ...change });
  const LEAVE = `mutation($id: ID!) { leaveTournament(input: { tournamentId: $id }) { tournament { id } } }`;
  const CANCEL = `mutation($id: ID!) { cancelTournament(input: { tournamentId: $id }) { tournament { status } } }`;
  const CHALLENGE = `mutation($t: ID!, $d: ID!) { challengeOnLadder(input: { tournamentId: $t, defenderId: $d }) { match { id } } }`;
  const LIST = `query($first: Int, $last: Int, $after: String) { tournaments(first: $first, last: $last, after: $after) { edges { node { id } } } }`;

  it('createTournament, the lists, leave, start, cancel, report and challenge refuse with the documented codes', async () => {
    const admin = await signInAsAdmin(platform, url);
    const organizer = await organizerToken();
    const player = await registerPlayer(url);
    const server = await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']);
    const count = async () => (await platform.runtime.db.prisma.tournament.count());

    // createTournament: who may, and what is valid (nothing stored on a refusal).
    const before = await count();
    expect(await refusal(undefined, CREATE, { input: input() })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(player.token, CREATE, { input: input() })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(server, CREATE, { input: input() })).toMatchObject({ code: 'FORBIDDEN' });
    for (const [change, field] of [
      [{ name: 'ab' }, 'name'],
      [{ formatOptions: { swissRounds: 3 } }, 'formatOptions.swissRounds'],
      [{ prizePool: { distribution: [50, 30, 10, 5, 5] } }, 'prizePool.distribution'],
      [{ prizePool: { distribution: [40, 60] } }, 'prizePool.distribution'],
      [{ requestKey: 'short' }, 'requestKey'],
      [{ maxParticipants: 1_025 }, 'maxParticipants'],
      [{ minimumLevel: 101 }, 'minimumLevel'],
      [{ endsAt: new Date(Date.now() + 60_000).toISOString() }, 'endsAt'],
    ] as const) {
      expect(await refusal(organizer, CREATE, { input: input(change) })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await count()).toBe(before);

    // The list's page bounds and cursors.
    expect(await refusal(undefined, LIST, { first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await refusal(undefined, LIST, { first: 1, last: 1 })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(undefined, LIST, { first: 1, after: 'not-a-cursor' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    // leave and start before play; another organizer may not start or cancel.
    const { createTournament } = await must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE, { input: input() });
    const id = createTournament.tournament.id;
    expect(await refusal(player.token, LEAVE, { id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_REGISTERED' });
    expect(await refusal(undefined, START, { id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(await organizerToken(), START, { id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(await organizerToken(), CANCEL, { id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(admin, START, { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(organizer, START, { id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'TOO_FEW_PARTICIPANTS' });
    const [a, b] = [await playerWith(admin, 0, 0), await playerWith(admin, 0, 0)];
    await must(a.token, JOIN, { id });
    await must(b.token, JOIN, { id });
    await must(organizer, START, { id });
    expect(await refusal(organizer, START, { id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_REGISTRATION' });
    expect(await refusal(a.token, LEAVE, { id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_OPEN' });

    // reportMatchResult: who, which match, what score.
    const [match] = await bracketOf(organizer, id);
    const winner = match!.playerA!.id;
    expect(await refusal(undefined, REPORT, { input: { matchId: match!.id, winnerId: winner } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(await gameServerToken(platform, url, ['REPORT_GAME_EVENTS']), REPORT, { input: { matchId: match!.id, winnerId: winner } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(server, REPORT, { input: { matchId: 'nope', winnerId: winner } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(server, REPORT, { input: { matchId: match!.id, winnerId: winner, score: '  ' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    expect(await refusal(server, REPORT, { input: { matchId: match!.id, winnerId: winner, score: 'x'.repeat(33) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    expect((await bracketOf(organizer, id))[0]).toMatchObject({ status: 'READY', winner: null });

    // A player reporting into a dispute, and a result once the tournament is cancelled.
    await must(a.token, REPORT, { input: { matchId: match!.id, winnerId: a.id } });
    expect(await refusal(a.token, REPORT, { input: { matchId: match!.id, winnerId: b.id } })).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REPORTED' });
    await must(b.token, REPORT, { input: { matchId: match!.id, winnerId: b.id } });
    expect((await bracketOf(organizer, id))[0]).toMatchObject({ status: 'DISPUTED' });
    await must(organizer, CANCEL, { id });
    expect(await refusal(organizer, CANCEL, { id })).toMatchObject({ code: 'CONFLICT', field: 'status' });
    expect(await refusal(server, REPORT, { input: { matchId: match!.id, winnerId: winner } })).toMatchObject({ code: 'CONFLICT', field: 'matchId', reason: 'NOT_IN_PROGRESS' });
    expect((await bracketOf(organizer, id))[0]).toMatchObject({ status: 'DISPUTED', winner: null });

    // challengeOnLadder: another format, before play, and places out of reach (with reasons).
    expect(await refusal(a.token, CHALLENGE, { t: id, d: b.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tournamentId' });
    const ladder = (await must<{ createTournament: { tournament: { id: string } } }>(organizer, CREATE, { input: input({ format: 'LADDER', formatOptions: { ladderChallengeRange: 1 } }) })).createTournament.tournament.id;
    const climbers = [await playerWith(admin, 0, 300), await playerWith(admin, 0, 200), await playerWith(admin, 0, 0)]; // seeded by level: 1st, 2nd, 3rd
    for (const c of climbers) await must(c.token, JOIN, { id: ladder });
    expect(await refusal(climbers[2]!.token, CHALLENGE, { t: ladder, d: climbers[1]!.id })).toMatchObject({ code: 'CONFLICT', field: 'tournamentId', reason: 'NOT_IN_PROGRESS' });
    await must(organizer, START, { id: ladder });
    expect(await refusal(undefined, CHALLENGE, { t: ladder, d: climbers[1]!.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(server, CHALLENGE, { t: ladder, d: climbers[1]!.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(player.token, CHALLENGE, { t: ladder, d: climbers[1]!.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(climbers[2]!.token, CHALLENGE, { t: ladder, d: climbers[0]!.id })).toMatchObject({ code: 'CONFLICT', field: 'defenderId', reason: 'OUT_OF_RANGE', range: 1 });
    expect(await refusal(climbers[1]!.token, CHALLENGE, { t: ladder, d: climbers[2]!.id })).toMatchObject({ code: 'CONFLICT', field: 'defenderId', reason: 'NOT_ABOVE' });
    expect(await refusal(climbers[1]!.token, CHALLENGE, { t: ladder, d: player.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'defenderId' });
    const ladderView = await must<{ tournament: { ladder: { id: string }[]; bracket: unknown[] } }>(organizer, `query($id: ID!) { tournament(id: $id) { ladder { id } bracket { round } } }`, { id: ladder });
    expect(ladderView.tournament.ladder.map((u) => u.id)).toEqual(climbers.map((c) => c.id));
    expect(ladderView.tournament.bracket).toEqual([]);
  });
});
