import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';

// Registration with entry fees across subgraphs: the tournaments subgraph takes the fee from the
// wallet the users subgraph owns, through the gateway-facing API, exactly once.
let platform: RunningPlatform;
let url = '';
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

async function must<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(url, query, variables, { token });
  if (!result.data || result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Passes once `check` does (refunds are durable jobs that run just after the change that owes them). */
async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function organizerToken(): Promise<string> {
  const player = await registerPlayer(url);
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
