import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { acceptanceCalls, type Player } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { bringWarForward } from './support/guild-wars.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { subscribe, untilListening } from './support/ws.js';

// Guild wars and contribution drives as a studio reads schema/social/guild-wars.graphql and
// guild-drives.graphql: every rank of the permission matrix, service tokens of either scope, the
// cooldown measured from the guild's own declarations, what scores (members when the win arrives,
// in [startsAt, endsAt), each event once however it is retried or raced), draws and the winners'
// rewards to the members at the end, Guild.wars pages, and drives raced by officers and members.
// The 24 h / 72 h schedule and drive deadlines are brought forward in the database; the durable
// jobs and the bus run as in production.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ SOCIAL_GUILD_CREATION_FEE: '0' }, (started) => {
  platform = started;
  url = started.gateway.url;
});
const { must, refusal, expectRefusals } = acceptanceCalls(() => url);

let admin: string | undefined;
const adminToken = async () => (admin ??= await signInAsAdmin(platform, url));
let events: string | undefined;
let matches: string | undefined;
/** A game server allowed to report game events (what scores combats and quests). */
const eventsServer = async () => (events ??= await gameServerToken(platform, url, ['REPORT_GAME_EVENTS']));
/** A game server allowed to report tournament matches only. */
const matchServer = async () => (matches ??= await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']));

async function fund(player: Player, coins: number) {
  await must(await adminToken(), `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
    input: { userId: player.id, idempotencyKey: `acc-war-${randomUUID()}`, reason: 'test', changes: [{ currency: 'COINS', amount: coins }] },
  });
  return player;
}
const LEDGER = `query { me { wallet { ledger(first: 50) { edges { node { amount reason } } } } } }`;
const warRewards = async (player: Player) =>
  (await must<{ me: { wallet: { ledger: { edges: { node: { amount: number; reason: string } }[] } } } }>(player, LEDGER)).me.wallet.ledger.edges
    .map((e) => e.node)
    .filter((n) => n.reason === 'guild_war_reward');

let tags = 0;
const freshTag = () => `${(Date.now() % 1_679_616).toString(36)}${(tags++ % 36).toString(36)}`.toUpperCase().slice(-5);
type Guild = { id: string; master: Player; members: Player[] };
async function guildOf(size: number): Promise<Guild> {
  const master = await registerPlayer(url);
  const guild = (await must<{ createGuild: { guild: { id: string } } }>(master, `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`, { input: { name: uniqueName('accwar'), tag: freshTag() } })).createGuild.guild;
  const members: Player[] = [];
  for (let i = 1; i < size; i++) members.push(await join(await registerPlayer(url), guild.id));
  return { id: guild.id, master, members };
}
async function join(player: Player, guildId: string) {
  await must(player, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guildId });
  return player;
}
const leave = (player: Player) => must(player, `mutation { leaveGuild { guildId disbanded } }`);
/** Moves a member `times` ranks up (MEMBER → VETERAN → OFFICER) or down (MEMBER → RECRUIT with a negative count). */
async function rank(master: Player, member: Player, times: number) {
  const op = times > 0 ? 'promoteGuildMember' : 'demoteGuildMember';
  for (let i = 0; i < Math.abs(times); i++) await must(master, `mutation($u: ID!) { ${op}(input: { userId: $u }) { member { role } } }`, { u: member.id });
}

const DECLARE = `mutation($g: ID!) { declareWar(defendingGuildId: $g) { war { id status attacker { id } defender { id } declaredAt startsAt endsAt } } }`;
type Declared = { id: string; status: string; declaredAt: string; startsAt: string; endsAt: string };
const declare = async (by: Player, on: string) => (await must<{ declareWar: { war: Declared } }>(by, DECLARE, { g: on })).declareWar.war;
const WAR = `query($id: ID!) { guildWar(id: $id) { id status attacker { id } defender { id } attackerPoints defenderPoints endedAt winner { id xp level maxMembers } isDraw
  attackerTopScorers { points wins user { id } } defenderTopScorers { points wins user { id } } } }`;
type Scorer = { points: number; wins: number; user: { id: string } };
type War = {
  id: string;
  status: string;
  attacker: { id: string } | null;
  defender: { id: string } | null;
  attackerPoints: number;
  defenderPoints: number;
  endedAt: string | null;
  winner: { id: string; xp: number; level: number; maxMembers: number } | null;
  isDraw: boolean;
  attackerTopScorers: Scorer[];
  defenderTopScorers: Scorer[];
};
const warOf = async (id: string) => (await must<{ guildWar: War | null }>(undefined, WAR, { id })).guildWar!;
/** Wars stored between these guilds (either side): never database-wide totals. */
const warsAmong = (ids: string[]) => platform.runtime.db.prisma.guildWar.count({ where: { attackerId: { in: ids }, defenderId: { in: ids } } });

const bringForward = (warId: string, phase: 'START' | 'END') => bringWarForward(platform, warId, phase);
const untilStatus = (warId: string, status: string) => expect.poll(async () => (await warOf(warId)).status, { timeout: 15_000, interval: 200 }).toBe(status);

const RECORD = `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { status } } }`;
const reportWin = async (player: Player, type = 'COMBAT_WON', id = `${type}-${randomUUID()}`, occurredAt?: string) =>
  gql(url, RECORD, { input: { id, userId: player.id, type, occurredAt } }, { token: await eventsServer() });

describe('acceptance: who may declare a war', () => {
  it('OFFICER and MASTER may; VETERAN, MEMBER, RECRUIT are FORBIDDEN naming DECLARE_WAR; service tokens of any scope and guildless players (admins too) are FORBIDDEN', async () => {
    const a = await guildOf(5);
    const [officer, veteran, member, recruit] = a.members as [Player, Player, Player, Player];
    await rank(a.master, officer, 2);
    await rank(a.master, veteran, 1);
    await rank(a.master, recruit, -1);
    const [b, c] = [await guildOf(1), await guildOf(1)];
    const adminInNoGuild = await adminToken();
    await expectRefusals(DECLARE, [
      ['signed out', undefined, { g: b.id }, { code: 'UNAUTHENTICATED' }],
      ['a REPORT_GAME_EVENTS service token', await eventsServer(), { g: b.id }, { code: 'FORBIDDEN' }],
      ['a REPORT_MATCH_RESULTS service token', await matchServer(), { g: b.id }, { code: 'FORBIDDEN' }],
      ['an admin in no guild', adminInNoGuild, { g: b.id }, { code: 'FORBIDDEN' }],
      ['a VETERAN', veteran, { g: b.id }, { code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') }],
      ['a MEMBER', member, { g: b.id }, { code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') }],
      ['a RECRUIT', recruit, { g: b.id }, { code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') }],
      ['an OFFICER on its own guild', officer, { g: a.id }, { code: 'BAD_USER_INPUT', field: 'defendingGuildId' }],
      ['an OFFICER on an unknown guild', officer, { g: randomUUID() }, { code: 'NOT_FOUND' }],
    ]);
    expect(await warsAmong([a.id, b.id, c.id])).toBe(0);
    const war = await declare(officer, b.id);
    expect(war).toMatchObject({ status: 'DECLARED', attacker: { id: a.id }, defender: { id: b.id } });
    // The cooldown is the guild's, whichever of its officers declares.
    expect(await refusal(a.master, DECLARE, { g: c.id })).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId', reason: 'COOLDOWN' });
    // Being declared on starts no cooldown: the defender may declare on a third guild at once.
    expect(await declare(b.master, c.id)).toMatchObject({ status: 'DECLARED', attacker: { id: b.id }, defender: { id: c.id } });
    expect(await warsAmong([a.id, b.id, c.id])).toBe(2);
  });
});

describe('acceptance: who is told of a war', () => {
  it('an OFFICER declaring: every other member of both guilds (the MASTER included) gets one GUILD_WAR_DECLARED notice, the declarer none', async () => {
    const a = await guildOf(3);
    const b = await guildOf(2);
    const [officer, member] = a.members as [Player, Player];
    await rank(a.master, officer, 2);
    const war = await declare(officer, b.id);
    const INBOX = `query { notifications(first: 20) { edges { node { kind priority } } } }`;
    const notices = async (p: Player) =>
      (await must<{ notifications: { edges: { node: { kind: string; priority: string } }[] } }>(p, INBOX)).notifications.edges.map((e) => e.node).filter((n) => n.kind === 'GUILD_WAR_DECLARED');
    for (const p of [b.master, b.members[0]!]) await expect.poll(() => notices(p), { timeout: 15_000, interval: 250 }).toEqual([{ kind: 'GUILD_WAR_DECLARED', priority: 'MEDIUM' }]);
    for (const p of [a.master, member]) await expect.poll(() => notices(p), { timeout: 15_000, interval: 250 }).toEqual([{ kind: 'GUILD_WAR_DECLARED', priority: 'LOW' }]);
    expect(await notices(officer)).toEqual([]);
    // A player who joins after the declaration is not told of it.
    const late = await join(await registerPlayer(url), b.id);
    await new Promise((r) => setTimeout(r, 300));
    expect(await notices(late)).toEqual([]);
    expect((await warOf(war.id)).status).toBe('DECLARED');
  });
});

describe('acceptance: declarations raced and retried', () => {
  it('the same declaration sent six times at once makes one war; the others are CONFLICT on defendingGuildId', async () => {
    const [a, b] = [await guildOf(1), await guildOf(1)];
    const answers = await Promise.all(Array.from({ length: 6 }, () => gql<{ declareWar: { war: { id: string } } }>(url, DECLARE, { g: b.id }, { token: a.master.token })));
    const won = answers.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const r of answers.filter((x) => x.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId' });
    expect(await warsAmong([a.id, b.id])).toBe(1);
  });

  it('one guild declaring on two guilds at once makes one war (the other is the COOLDOWN); two guilds declaring on each other at once make one', async () => {
    const [a, b, c] = [await guildOf(2), await guildOf(1), await guildOf(1)];
    await rank(a.master, a.members[0]!, 2);
    const two = await Promise.all([gql(url, DECLARE, { g: b.id }, { token: a.master.token }), gql(url, DECLARE, { g: c.id }, { token: a.members[0]!.token })]);
    expect(two.filter((r) => !r.errors)).toHaveLength(1);
    expect(two.find((r) => r.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId', reason: 'COOLDOWN' });
    expect(await warsAmong([a.id, b.id, c.id])).toBe(1);

    const [d, e] = [await guildOf(1), await guildOf(1)];
    const each = await Promise.all([gql(url, DECLARE, { g: e.id }, { token: d.master.token }), gql(url, DECLARE, { g: d.id }, { token: e.master.token })]);
    expect(each.filter((r) => !r.errors)).toHaveLength(1);
    expect(each.find((r) => r.errors)!.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId' });
    expect(await warsAmong([d.id, e.id])).toBe(1);
  });

  it('past the 24-hour cooldown: a war not ENDED still blocks the pair (CONFLICT, not COOLDOWN), another guild may be declared on; an ENDED war frees the pair', async () => {
    const [a, b, c] = [await guildOf(1), await guildOf(1), await guildOf(1)];
    const first = await declare(a.master, b.id);
    const db = platform.runtime.db.prisma;
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await db.guildWar.update({ where: { id: first.id }, data: { declaredAt: dayAgo } });
    const pair = await refusal(a.master, DECLARE, { g: b.id });
    expect(pair).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId' });
    expect(pair.reason).toBeUndefined();
    const second = await declare(a.master, c.id);
    await db.guildWar.update({ where: { id: second.id }, data: { declaredAt: dayAgo } });
    await bringForward(first.id, 'START');
    await untilStatus(first.id, 'ACTIVE');
    await bringForward(first.id, 'END');
    await untilStatus(first.id, 'ENDED');
    const again = await declare(a.master, b.id);
    expect(again.id).not.toBe(first.id);
    expect(await warsAmong([a.id, b.id, c.id])).toBe(3);
  });
});

describe('acceptance: what scores in a war', () => {
  it('members when the win arrives, in [startsAt, endsAt): 1 / 3 / 5 points; each event once however often or concurrently it is reported; players and other scopes cannot report', async () => {
    const a = await guildOf(3);
    const b = await guildOf(2);
    const [fighter, leaver] = a.members as [Player, Player];
    const war = await declare(a.master, b.id);
    const live = subscribe(client(), `subscription($w: ID!) { guildWarUpdated(warId: $w) { id status attackerPoints defenderPoints } }`, { w: war.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildWarUpdated', war.id));

    // A win before startsAt scores nothing (reported while DECLARED, dated before the start brought forward).
    expect((await reportWin(fighter, 'COMBAT_WON', undefined, new Date(Date.now() - 10 * 60_000).toISOString())).errors).toBeUndefined();
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    await expect.poll(() => live.results.at(-1)?.data?.guildWarUpdated, { timeout: 5_000 }).toEqual({ id: war.id, status: 'ACTIVE', attackerPoints: 0, defenderPoints: 0 });

    // Who may report: a player (even for themselves), a match-results server, nobody signed out.
    const cheat = { input: { id: `cheat-${randomUUID()}`, userId: fighter.id, type: 'QUEST_COMPLETED' } };
    expect((await refusal(fighter, RECORD, cheat)).code).toBe('FORBIDDEN');
    expect((await refusal(await matchServer(), RECORD, cheat)).code).toBe('FORBIDDEN');
    expect((await refusal(undefined, RECORD, cheat)).code).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);

    // One combat reported eight times at once, and again later: 1 point.
    const combat = `combat-${randomUUID()}`;
    const raced = await Promise.all(Array.from({ length: 8 }, async () => reportWin(fighter, 'COMBAT_WON', combat)));
    for (const r of raced) expect(r.errors).toBeUndefined();
    await reportWin(fighter, 'COMBAT_WON', combat);
    // A quest, retried in a batch with another combat: 3 + 1.
    const quest = `quest-${randomUUID()}`;
    await reportWin(leaver, 'QUEST_COMPLETED', quest);
    const batch = await gql(url, `mutation($input: RecordGameEventsInput!) { recordGameEvents(input: $input) { events { status } } }`, {
      input: { events: [{ id: quest, userId: leaver.id, type: 'QUEST_COMPLETED' }, { id: `combat-${randomUUID()}`, userId: leaver.id, type: 'COMBAT_WON' }] },
    }, { token: await eventsServer() });
    expect(batch.errors).toBeUndefined();
    // A loss, an outsider's win and a win of the past (before startsAt) score nothing.
    await reportWin(a.master, 'COMBAT_LOST');
    await reportWin(await registerPlayer(url), 'QUEST_COMPLETED');
    await reportWin(b.master, 'COMBAT_WON', undefined, new Date(Date.now() - 5 * 60_000).toISOString());
    // A player who joins the defenders during the war scores for them from then on.
    const recruit = await join(await registerPlayer(url), b.id);
    await reportWin(recruit, 'QUEST_COMPLETED');
    await expect.poll(async () => { const w = await warOf(war.id); return [w.attackerPoints, w.defenderPoints]; }, { timeout: 15_000, interval: 250 }).toEqual([5, 3]);

    // The leaver still counts for the attackers after leaving; a later win of theirs scores nothing.
    await leave(leaver);
    await reportWin(leaver, 'QUEST_COMPLETED');
    // Equal points: who scored their last point first ranks first.
    await reportWin(fighter, 'QUEST_COMPLETED');
    await expect.poll(async () => (await warOf(war.id)).attackerPoints, { timeout: 15_000, interval: 250 }).toBe(8);
    const now = await warOf(war.id);
    expect(now.attackerTopScorers).toEqual([
      { points: 4, wins: 2, user: { id: leaver.id } },
      { points: 4, wins: 2, user: { id: fighter.id } },
    ]);
    expect(now.defenderTopScorers).toEqual([{ points: 3, wins: 1, user: { id: recruit.id } }]);
    await expect.poll(() => live.results.at(-1)?.data?.guildWarUpdated, { timeout: 5_000 }).toEqual({ id: war.id, status: 'ACTIVE', attackerPoints: 8, defenderPoints: 3 });
    live.stop();

    // The war ends: the attackers win; the members at that moment (not the leaver) get 100 COINS once.
    await bringForward(war.id, 'END');
    await untilStatus(war.id, 'ENDED');
    const ended = await warOf(war.id);
    expect(ended).toMatchObject({ winner: { id: a.id, xp: 500 }, isDraw: false, endedAt: expect.any(String) });
    for (const p of [a.master, fighter]) await expect.poll(() => warRewards(p), { timeout: 15_000, interval: 250 }).toEqual([{ amount: 100, reason: 'guild_war_reward' }]);
    expect(await warRewards(leaver)).toEqual([]);
    expect(await warRewards(recruit)).toEqual([]);
  });

  it('a win of a member of a guild in two wars scores in both', async () => {
    const [a, b, c] = [await guildOf(2), await guildOf(1), await guildOf(1)];
    const onB = await declare(a.master, b.id);
    const fromC = await declare(c.master, a.id);
    for (const w of [onB, fromC]) await bringForward(w.id, 'START');
    for (const w of [onB, fromC]) await untilStatus(w.id, 'ACTIVE');
    await reportWin(a.members[0]!, 'QUEST_COMPLETED');
    await expect.poll(async () => [(await warOf(onB.id)).attackerPoints, (await warOf(fromC.id)).defenderPoints], { timeout: 15_000, interval: 250 }).toEqual([3, 3]);
  });

  it('a tournament match won scores 5, once, whoever reports it and however often', { timeout: 60_000 }, async () => {
    const a = await guildOf(2);
    const b = await guildOf(1);
    const war = await declare(a.master, b.id);
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    const org = await registerPlayer(url);
    await platform.runtime.db.prisma.user.update({ where: { id: org.id }, data: { role: 'ORGANIZER' } });
    const orgToken = (await must<{ login: { accessToken: string } }>(undefined, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: org.username })).login.accessToken;
    const tournament = (await must<{ createTournament: { tournament: { id: string } } }>(orgToken, `mutation($input: CreateTournamentInput!) { createTournament(input: $input) { tournament { id } } }`, {
      input: { name: `War Cup ${randomUUID().slice(0, 6)}`, format: 'SINGLE_ELIMINATION', startsAt: new Date(Date.now() + 3_600_000).toISOString(), minParticipants: 2, maxParticipants: 2 },
    })).createTournament.tournament;
    const [winner, loser] = [a.members[0]!, b.master];
    for (const p of [winner, loser]) await must(p, `mutation($t: ID!) { joinTournament(input: { tournamentId: $t }) { tournament { id } } }`, { t: tournament.id });
    await must(orgToken, `mutation($t: ID!) { startTournament(input: { tournamentId: $t }) { tournament { id } } }`, { t: tournament.id });
    const matchId = (await must<{ tournament: { bracket: { matches: { id: string }[] }[] } }>(undefined, `query($t: ID!) { tournament(id: $t) { bracket { matches { id } } } }`, { t: tournament.id })).tournament.bracket[0]!.matches[0]!.id;
    const REPORT = `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { status } } }`;
    const input = { input: { matchId, winnerId: winner.id } };
    expect((await refusal(await eventsServer(), REPORT, input)).code).toBe('FORBIDDEN');
    const reports = await Promise.all([gql(url, REPORT, input, { token: await matchServer() }), gql(url, REPORT, input, { token: await matchServer() })]);
    for (const r of reports) expect(r.errors).toBeUndefined();
    await gql(url, REPORT, input, { token: await matchServer() });
    await expect.poll(async () => (await warOf(war.id)).attackerPoints, { timeout: 15_000, interval: 250 }).toBe(5);
    await new Promise((r) => setTimeout(r, 300));
    expect(await warOf(war.id)).toMatchObject({ attackerPoints: 5, defenderPoints: 0, attackerTopScorers: [{ points: 5, wins: 1, user: { id: winner.id } }] });
  });
});

describe('acceptance: the end of a war', () => {
  it('the window is [startsAt, endsAt): a win at startsAt counts, one a millisecond before does not; one a millisecond before endsAt counts, one at endsAt does not', async () => {
    const a = await guildOf(1);
    const b = await guildOf(1);
    const war = await declare(a.master, b.id);
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    // A window of whole seconds around now (a game server may date a win up to 5 minutes ahead).
    const startsAt = new Date(Math.floor(Date.now() / 1_000) * 1_000 - 30_000);
    const endsAt = new Date(startsAt.getTime() + 120_000);
    await platform.runtime.db.prisma.guildWar.update({ where: { id: war.id }, data: { startsAt, endsAt } });
    const at = (ms: number) => new Date(ms).toISOString();
    await reportWin(a.master, 'QUEST_COMPLETED', undefined, at(startsAt.getTime() - 1)); // before: 0
    await reportWin(a.master, 'COMBAT_WON', undefined, at(startsAt.getTime())); // at the start: 1
    await reportWin(b.master, 'QUEST_COMPLETED', undefined, at(endsAt.getTime() - 1)); // just before the end: 3
    await reportWin(b.master, 'COMBAT_WON', undefined, at(endsAt.getTime())); // at the end: 0
    await reportWin(b.master, 'COMBAT_WON'); // a marker that the ones before were handled: 1
    await expect.poll(async () => { const w = await warOf(war.id); return [w.attackerPoints, w.defenderPoints]; }, { timeout: 15_000, interval: 250 }).toEqual([1, 4]);
  });

  it('an end timer run three times at once and the rewards run again end the war once: 500 XP and 100 COINS per member once, endedAt at or after endsAt', { timeout: 60_000 }, async () => {
    const a = await guildOf(2);
    const b = await guildOf(1);
    const war = await declare(a.master, b.id);
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    await reportWin(a.members[0]!, 'COMBAT_WON');
    await expect.poll(async () => (await warOf(war.id)).attackerPoints, { timeout: 15_000, interval: 250 }).toBe(1);
    // Its end, and the end again twice and the rewards again, all due at once (a retried or duplicated timer).
    const db = platform.runtime.db.prisma;
    const endsAt = new Date(Date.now() - 1);
    await db.guildWar.update({ where: { id: war.id }, data: { endsAt } });
    const due = new Date(Date.now() - 1_000);
    await db.job.createMany({
      data: [
        { id: randomUUID(), queue: 'social.guild-war', payload: { warId: war.id, step: 'END' }, maxAttempts: 20, runAt: due },
        { id: randomUUID(), queue: 'social.guild-war', payload: { warId: war.id, step: 'END' }, maxAttempts: 20, runAt: due },
      ],
    });
    await db.job.updateMany({ where: { queue: 'social.guild-war', status: 'PENDING', payload: { equals: { warId: war.id, step: 'END' } } }, data: { runAt: due } });
    await untilStatus(war.id, 'ENDED');
    for (const p of [a.master, a.members[0]!]) await expect.poll(() => warRewards(p), { timeout: 15_000, interval: 250 }).toEqual([{ amount: 100, reason: 'guild_war_reward' }]);
    await db.job.create({ data: { id: randomUUID(), queue: 'social.guild-war', payload: { warId: war.id, step: 'REWARD' }, maxAttempts: 20, runAt: due } });
    await expect.poll(() => db.job.count({ where: { queue: 'social.guild-war', status: 'PENDING', payload: { path: ['warId'], equals: war.id } } }), { timeout: 15_000, interval: 200 }).toBe(0);
    const ended = await warOf(war.id);
    expect(ended).toMatchObject({ status: 'ENDED', winner: { id: a.id, xp: 500 } });
    expect(Date.parse(ended.endedAt!)).toBeGreaterThanOrEqual(endsAt.getTime());
    for (const p of [a.master, a.members[0]!]) expect(await warRewards(p)).toEqual([{ amount: 100, reason: 'guild_war_reward' }]);
  });

  it('equal points are a draw: ENDED, isDraw, no winner, no XP, no coins; the live stream (anonymous) ends with it', async () => {
    const a = await guildOf(1);
    const b = await guildOf(1);
    const war = await declare(a.master, b.id);
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    await reportWin(a.master, 'COMBAT_WON');
    await reportWin(b.master, 'COMBAT_WON');
    await expect.poll(async () => { const w = await warOf(war.id); return [w.attackerPoints, w.defenderPoints]; }, { timeout: 15_000, interval: 250 }).toEqual([1, 1]);
    const live = subscribe(client(), `subscription($w: ID!) { guildWarUpdated(warId: $w) { status isDraw winner { id } endedAt } }`, { w: war.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildWarUpdated', war.id));
    await bringForward(war.id, 'END');
    await untilStatus(war.id, 'ENDED');
    expect(await warOf(war.id)).toMatchObject({ status: 'ENDED', isDraw: true, winner: null, endedAt: expect.any(String) });
    await expect.poll(() => live.results.at(-1)?.data?.guildWarUpdated, { timeout: 5_000 }).toMatchObject({ status: 'ENDED', isDraw: true, winner: null });
    live.stop();
    const xp = async (g: string) => (await must<{ guild: { xp: number } }>(undefined, `query($g: ID!) { guild(id: $g) { xp } }`, { g })).guild.xp;
    expect([await xp(a.id), await xp(b.id)]).toEqual([0, 0]);
    await new Promise((r) => setTimeout(r, 500));
    expect([await warRewards(a.master), await warRewards(b.master)]).toEqual([[], []]);
  });

  it("the defender winning earns its 500 XP on the level table (level and seats), paid to the defenders' members", async () => {
    const a = await guildOf(1);
    const b = await guildOf(2);
    await fund(b.master, 600);
    await must(b.master, `mutation($k: String!) { contributeToGuild(input: { coins: 600, requestKey: $k }) { guild { id } } }`, { k: `war-${randomUUID()}` });
    const seats = (await must<{ guild: { maxMembers: number } }>(undefined, `query($g: ID!) { guild(id: $g) { maxMembers } }`, { g: b.id })).guild.maxMembers;
    const war = await declare(a.master, b.id);
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    await reportWin(b.members[0]!, 'COMBAT_WON');
    await expect.poll(async () => (await warOf(war.id)).defenderPoints, { timeout: 15_000, interval: 250 }).toBe(1);
    const guildLive = subscribe(client(), `subscription($g: ID!) { guildUpdated(guildId: $g) { xp level maxMembers } }`, { g: b.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildUpdated', b.id));
    await bringForward(war.id, 'END');
    await untilStatus(war.id, 'ENDED');
    expect((await warOf(war.id)).winner).toEqual({ id: b.id, xp: 1_100, level: 2, maxMembers: seats + 5 });
    // The war won goes out on guildUpdated, to anonymous subscribers too.
    await expect.poll(() => guildLive.results.at(-1)?.data?.guildUpdated, { timeout: 5_000 }).toEqual({ xp: 1_100, level: 2, maxMembers: seats + 5 });
    guildLive.stop();
    for (const p of [b.master, b.members[0]!]) await expect.poll(() => warRewards(p), { timeout: 15_000, interval: 250 }).toEqual([{ amount: 100, reason: 'guild_war_reward' }]);
    expect(await warRewards(a.master)).toEqual([]);
  });

  it('a disbanded guild leaves its side null; the other guild still lists the war', async () => {
    const a = await guildOf(1);
    const b = await guildOf(1);
    const war = await declare(a.master, b.id);
    expect(await leave(a.master)).toMatchObject({ leaveGuild: { disbanded: true } });
    expect(await warOf(war.id)).toMatchObject({ id: war.id, attacker: null, defender: { id: b.id } });
    const listed = await must<{ guild: { wars: { edges: { node: { id: string; attacker: unknown } }[] } } }>(undefined, `query($g: ID!) { guild(id: $g) { wars { edges { node { id attacker { id } } } } } }`, { g: b.id });
    expect(listed.guild.wars.edges.map((e) => e.node)).toEqual([{ id: war.id, attacker: null }]);
  });
});

describe('acceptance: Guild.wars pages', () => {
  it('top scorers and top contributors list 10 by default, up to 50 when asked', { timeout: 90_000 }, async () => {
    const a = await guildOf(12);
    const b = await guildOf(1);
    const war = await declare(a.master, b.id);
    await bringForward(war.id, 'START');
    await untilStatus(war.id, 'ACTIVE');
    const everyone = [a.master, ...a.members];
    const drive = await startDrive(a.master, 1_000_000);
    // Player i scores i + 1 combats and contributes (i + 1) × 10 coins: distinct totals, a known order.
    await Promise.all(
      everyone.map(async (p, i) => {
        await gql(url, `mutation($input: RecordGameEventsInput!) { recordGameEvents(input: $input) { events { status } } }`, {
          input: { events: Array.from({ length: i + 1 }, () => ({ id: `combat-${randomUUID()}`, userId: p.id, type: 'COMBAT_WON' })) },
        }, { token: await eventsServer() });
        await fund(p, 1_000);
        await must(p, CONTRIBUTE, { c: (i + 1) * 10, k: `many-${randomUUID()}` });
      }),
    );
    await expect.poll(async () => (await warOf(war.id)).attackerPoints, { timeout: 20_000, interval: 250 }).toBe((12 * 13) / 2);
    const byPoints = [...everyone].reverse().map((p) => p.id);
    const TOPS = `query($w: ID!, $g: ID!, $first: Int) { guildWar(id: $w) { attackerTopScorers(first: $first) { user { id } points wins } }
      guild(id: $g) { activeDrive { id topContributors(first: $first) { user { id } coins } } } }`;
    type Tops = { guildWar: { attackerTopScorers: { user: { id: string }; points: number; wins: number }[] }; guild: { activeDrive: { id: string; topContributors: { user: { id: string }; coins: number }[] } } };
    const defaults = await must<Tops>(undefined, TOPS, { w: war.id, g: a.id });
    expect(defaults.guildWar.attackerTopScorers.map((s) => s.user.id)).toEqual(byPoints.slice(0, 10));
    expect(defaults.guildWar.attackerTopScorers[0]).toMatchObject({ points: 12, wins: 12 });
    expect(defaults.guild.activeDrive.id).toBe(drive.id);
    expect(defaults.guild.activeDrive.topContributors.map((c) => c.user.id)).toEqual(byPoints.slice(0, 10));
    expect(defaults.guild.activeDrive.topContributors[0]!.coins).toBe(120);
    const all = await must<Tops>(undefined, TOPS, { w: war.id, g: a.id, first: 50 });
    expect(all.guildWar.attackerTopScorers.map((s) => s.user.id)).toEqual(byPoints);
    expect(all.guild.activeDrive.topContributors.map((c) => c.user.id)).toEqual(byPoints);
  });

  it('newest declaration first, 20 by default, 0 gives none, pages go on with after', async () => {
    const target = await guildOf(1);
    const attackers = [await guildOf(1), await guildOf(1), await guildOf(1)];
    const ids: string[] = [];
    for (const g of attackers) ids.push((await declare(g.master, target.id)).id);
    const WARS = `query($g: ID!, $first: Int, $after: String) { guild(id: $g) { wars(first: $first, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = { guild: { wars: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const page = async (variables: Record<string, unknown>) => (await must<Page>(undefined, WARS, { g: target.id, ...variables })).guild.wars;
    expect((await page({})).edges.map((e) => e.node.id)).toEqual([...ids].reverse());
    expect((await page({ first: 0 })).edges).toEqual([]);
    const first = await page({ first: 2 });
    expect(first.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await page({ first: 100 })).edges).toHaveLength(3);
    expect(await refusal(undefined, WARS, { g: target.id, first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    // The scorer lists' bounds: 0 gives none, 50 is allowed, 51 is refused.
    const TOP = `query($id: ID!, $first: Int) { guildWar(id: $id) { defenderTopScorers(first: $first) { points } } }`;
    expect(await must(undefined, TOP, { id: ids[0], first: 0 })).toEqual({ guildWar: { defenderTopScorers: [] } });
    expect(await must(undefined, TOP, { id: ids[0], first: 50 })).toEqual({ guildWar: { defenderTopScorers: [] } });
    expect(await refusal(undefined, TOP, { id: ids[0], first: 51 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

const START = `mutation($goal: Int!, $h: Int!) { startContributionDrive(input: { goal: $goal, durationHours: $h }) { drive { id status goal raised bonusXp contributorCount startedBy { id } startedAt endsAt endedAt } } }`;
type Drive = { id: string; status: string; goal: number; raised: number; bonusXp: number; contributorCount: number; startedAt: string; endsAt: string; endedAt: string | null };
const startDrive = async (by: Player, goal: number, h = 1) => (await must<{ startContributionDrive: { drive: Drive } }>(by, START, { goal, h })).startContributionDrive.drive;
const CONTRIBUTE = `mutation($c: Int!, $k: String!) { contributeToGuild(input: { coins: $c, requestKey: $k }) { guild { id } } }`;
const DRIVES = `query($g: ID!) { guild(id: $g) { xp activeDrive { id } drives { id status raised contributorCount endsAt endedAt topContributors { coins user { id } } } } }`;
type Drives = { xp: number; activeDrive: { id: string } | null; drives: (Drive & { topContributors: { coins: number; user: { id: string } }[] })[] };
const drivesOf = async (g: string) => (await must<{ guild: Drives }>(undefined, DRIVES, { g })).guild;

describe('acceptance: contribution drives', () => {
  it('OFFICER and MASTER may start one; VETERAN, MEMBER, RECRUIT are FORBIDDEN naming START_CONTRIBUTION_DRIVE; service tokens FORBIDDEN; bonusXp is 20% rounded down', async () => {
    const g = await guildOf(5);
    const [officer, veteran, member, recruit] = g.members as [Player, Player, Player, Player];
    await rank(g.master, officer, 2);
    await rank(g.master, veteran, 1);
    await rank(g.master, recruit, -1);
    await expectRefusals(START, [
      ['a REPORT_GAME_EVENTS service token', await eventsServer(), { goal: 100, h: 1 }, { code: 'FORBIDDEN' }],
      ['a REPORT_MATCH_RESULTS service token', await matchServer(), { goal: 100, h: 1 }, { code: 'FORBIDDEN' }],
      ['a VETERAN', veteran, { goal: 100, h: 1 }, { code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') }],
      ['a MEMBER', member, { goal: 100, h: 1 }, { code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') }],
      ['a RECRUIT', recruit, { goal: 100, h: 1 }, { code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') }],
    ]);
    expect((await drivesOf(g.id)).drives).toEqual([]);
    const drive = await startDrive(officer, 999, 1);
    expect(drive).toMatchObject({ status: 'ACTIVE', goal: 999, raised: 0, bonusXp: 199, contributorCount: 0, endedAt: null });
    expect(Date.parse(drive.endsAt) - Date.parse(drive.startedAt)).toBe(3_600_000);
    // Boundaries accepted: 100 coins (bonus 20) and 1,000,000 coins (bonus 200,000) over 168 hours.
    const [h, k] = [await guildOf(1), await guildOf(1)];
    expect(await startDrive(h.master, 100, 168)).toMatchObject({ goal: 100, bonusXp: 20 });
    expect(await startDrive(k.master, 1_000_000, 1)).toMatchObject({ goal: 1_000_000, bonusXp: 200_000 });
  });

  it('six starts at once make one drive; every other answer is CONFLICT DRIVE_OPEN naming it', async () => {
    const g = await guildOf(2);
    await rank(g.master, g.members[0]!, 2);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => gql<{ startContributionDrive: { drive: { id: string } } }>(url, START, { goal: 100 + i, h: 1 }, { token: (i % 2 ? g.members[0]! : g.master).token })),
    );
    const started = answers.filter((r) => !r.errors);
    expect(started).toHaveLength(1);
    const id = started[0]!.data!.startContributionDrive.drive.id;
    for (const r of answers.filter((x) => x.errors)) expect(r.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRIVE_OPEN', driveId: id });
    expect((await drivesOf(g.id)).drives.map((d) => d.id)).toEqual([id]);
  });

  it('contributions racing past the goal complete it once: raised stops at the completing one, the bonus is paid once, later coins still earn XP; a retried key counts once', async () => {
    const g = await guildOf(4);
    const everyone = [g.master, ...g.members];
    for (const p of everyone) await fund(p, 1_000);
    const live = subscribe(client(), `subscription($g: ID!) { guildUpdated(guildId: $g) { xp activeDrive { id raised } } }`, { g: g.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildUpdated', g.id));
    const drive = await startDrive(g.master, 100);
    const keys = everyone.map(() => `race-${randomUUID()}`);
    const answers = await Promise.all(everyone.map((p, i) => gql(url, CONTRIBUTE, { c: 60, k: keys[i] }, { token: p.token })));
    for (const r of answers) expect(r.errors).toBeUndefined();
    // Each retried with its key: paid and counted once.
    await Promise.all(everyone.map((p, i) => must(p, CONTRIBUTE, { c: 60, k: keys[i] })));
    const after = await drivesOf(g.id);
    expect(after.activeDrive).toBeNull();
    expect(after.drives).toHaveLength(1);
    expect(after.drives[0]).toMatchObject({ id: drive.id, status: 'COMPLETED', raised: 120, contributorCount: 2, endedAt: expect.any(String) });
    expect(after.drives[0]!.topContributors.map((c) => c.coins)).toEqual([60, 60]);
    expect(after.xp).toBe(4 * 60 + 20);
    await expect.poll(() => live.results.at(-1)?.data?.guildUpdated, { timeout: 5_000 }).toEqual({ xp: 260, activeDrive: null });
    // Each event shows the guild as it is when delivered: racing contributions may skip the 60 in between.
    const seen = live.results.map((r) => (r.data?.guildUpdated as { activeDrive: { raised: number } | null }).activeDrive?.raised ?? null);
    expect(seen[0]).toBe(0);
    for (const raised of seen.slice(1)) expect([60, null]).toContain(raised);
    live.stop();
    const coins = async (p: Player) => (await must<{ me: { wallet: { balances: { currency: string; amount: number }[] } } }>(p, `query { me { wallet { balances { currency amount } } } }`)).me.wallet.balances.find((b) => b.currency === 'COINS')?.amount;
    for (const p of everyone) expect(await coins(p)).toBe(940);
  });

  it('top contributors: most coins first, ties by who reached their total first; first 0 gives none', async () => {
    const g = await guildOf(3);
    const [ana, ben] = g.members as [Player, Player];
    for (const p of [g.master, ana, ben]) await fund(p, 1_000);
    const drive = await startDrive(g.master, 10_000);
    await must(ben, CONTRIBUTE, { c: 50, k: `top-${randomUUID()}` });
    await must(ana, CONTRIBUTE, { c: 50, k: `top-${randomUUID()}` });
    await must(g.master, CONTRIBUTE, { c: 30, k: `top-${randomUUID()}` });
    await must(g.master, CONTRIBUTE, { c: 40, k: `top-${randomUUID()}` });
    const TOP = `query($g: ID!, $first: Int) { guild(id: $g) { activeDrive { id raised contributorCount topContributors(first: $first) { coins user { id } } } } }`;
    type Top = { guild: { activeDrive: { id: string; raised: number; contributorCount: number; topContributors: { coins: number; user: { id: string } }[] } } };
    const top = (await must<Top>(undefined, TOP, { g: g.id })).guild.activeDrive;
    expect(top).toEqual({
      id: drive.id,
      raised: 170,
      contributorCount: 3,
      topContributors: [
        { coins: 70, user: { id: g.master.id } },
        { coins: 50, user: { id: ben.id } },
        { coins: 50, user: { id: ana.id } },
      ],
    });
    expect((await must<Top>(undefined, TOP, { g: g.id, first: 0 })).guild.activeDrive.topContributors).toEqual([]);
    expect((await must<Top>(undefined, TOP, { g: g.id, first: 1 })).guild.activeDrive.topContributors).toEqual([{ coins: 70, user: { id: g.master.id } }]);
  });

  it('past its deadline a contribution no longer counts (its XP is earned); the timer expires it, live to anonymous subscribers; nothing is paid back', { timeout: 60_000 }, async () => {
    const g = await guildOf(1);
    await fund(g.master, 1_000);
    const drive = await startDrive(g.master, 10_000);
    await must(g.master, CONTRIBUTE, { c: 100, k: `late-${randomUUID()}` });
    const db = platform.runtime.db.prisma;
    const deadline = new Date(Date.now() - 1_000);
    await db.guildContributionDrive.update({ where: { id: drive.id }, data: { endsAt: deadline } });
    await must(g.master, CONTRIBUTE, { c: 200, k: `late-${randomUUID()}` });
    expect(await drivesOf(g.id)).toMatchObject({ xp: 300, drives: [{ raised: 100, contributorCount: 1 }] });
    const live = subscribe(client(), `subscription($g: ID!) { guildUpdated(guildId: $g) { activeDrive { id } drives { id status } } }`, { g: g.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildUpdated', g.id));
    await db.job.updateMany({ where: { queue: 'social.guild-drive', status: 'PENDING', payload: { equals: { driveId: drive.id } } }, data: { runAt: new Date(Date.now() - 1_000) } });
    await expect.poll(() => live.results.at(-1)?.data?.guildUpdated, { timeout: 15_000, interval: 200 }).toEqual({ activeDrive: null, drives: [{ id: drive.id, status: 'EXPIRED' }] });
    live.stop();
    const after = await drivesOf(g.id);
    expect(after).toMatchObject({ xp: 300, activeDrive: null, drives: [{ status: 'EXPIRED', raised: 100 }] });
    expect(Date.parse(after.drives[0]!.endedAt!)).toBeGreaterThanOrEqual(deadline.getTime());
    const ledger = (await must<{ me: { wallet: { ledger: { edges: { node: { amount: number; reason: string } }[] } } } }>(g.master, LEDGER)).me.wallet.ledger.edges.map((e) => e.node);
    expect(ledger.filter((n) => n.reason === 'guild_contribution_refund')).toEqual([]);
  });

  it('Guild.drives lists the last 10, newest first, the ACTIVE one included', { timeout: 90_000 }, async () => {
    const g = await guildOf(1);
    await fund(g.master, 2_000);
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      ids.push((await startDrive(g.master, 100)).id);
      await must(g.master, CONTRIBUTE, { c: 100, k: `ten-${randomUUID()}` });
    }
    ids.push((await startDrive(g.master, 100)).id);
    const listed = await drivesOf(g.id);
    expect(listed.activeDrive).toEqual({ id: ids.at(-1) });
    expect(listed.drives.map((d) => d.id)).toEqual(ids.slice(-10).reverse());
    expect(listed.drives.map((d) => d.status)).toEqual(['ACTIVE', ...Array(9).fill('COMPLETED')]);
  });
});

describe('acceptance: hostile input', () => {
  it('values GraphQL cannot take are refused as input, never a server error; ids of the wrong shape read as null', async () => {
    const g = await guildOf(1);
    const huge = 'x'.repeat(60_000);
    for (const [query, variables] of [
      [START, { goal: 100.5, h: 1 }],
      [START, { goal: 2_147_483_648, h: 1 }],
      [START, { goal: '100', h: 1 }],
      [START, { goal: 100, h: null }],
      [DECLARE, { g: null }],
      [DECLARE, { g: { id: 'x' } }],
    ] as const) {
      const result = await gql(url, query, variables, { token: g.master.token });
      expect(result.status, JSON.stringify(variables)).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    }
    expect((await drivesOf(g.id)).drives).toEqual([]);
    expect(await must(undefined, `query($id: ID!) { guildWar(id: $id) { id } }`, { id: huge })).toEqual({ guildWar: null });
    expect(await refusal(undefined, `query($g: ID!, $after: String) { guild(id: $g) { wars(after: $after) { edges { cursor } } } }`, { g: g.id, after: huge })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // A subscription to a war nobody declared is accepted and quiet, not an error.
    const quiet = subscribe(client(), `subscription($w: ID!) { guildWarUpdated(warId: $w) { id } }`, { w: randomUUID() });
    await new Promise((r) => setTimeout(r, 300));
    expect(quiet.error).toBeUndefined();
    expect(quiet.results).toEqual([]);
    quiet.stop();
  });
});
