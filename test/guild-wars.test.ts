import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gameServerToken } from './support/game-server.js';
import { bringWarForward } from './support/guild-wars.js';
import { gql, gqlData, gqlRefusal, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { subscribe, untilListening } from './support/ws.js';

// Guild wars through the gateway (issue 16, item 5), as a game studio uses them: an officer
// declares, the refusals store nothing, the live score follows a game server's combat wins and
// quests, and at the end the winner's members are paid in the real wallet and unlock war_hero.
// The war's 24 h and 72 h are brought forward in the database (the timers' own fake-clock test is
// subgraphs/social/guild-wars.test.ts); the durable jobs and the bus run as in production.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ SOCIAL_GUILD_CREATION_FEE: '0' }, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = Awaited<ReturnType<typeof registerPlayer>>;
const must = <T>(player: Player | undefined, query: string, variables: Record<string, unknown> = {}) => gqlData<T>(url, query, variables, player?.token);
const refusal = (player: Player | undefined, query: string, variables: Record<string, unknown> = {}) => gqlRefusal(url, query, variables, player?.token);

let tags = 0;
const freshTag = () => `W${(Date.now() % 1296).toString(36)}${(tags++ % 36).toString(36)}${Math.floor(Math.random() * 36).toString(36)}`.toUpperCase().slice(0, 5);
async function guildOf(size: number) {
  const master = await registerPlayer(url);
  const guild = (await must<{ createGuild: { guild: { id: string } } }>(master, `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`, { input: { name: uniqueName('war'), tag: freshTag() } })).createGuild.guild;
  const members: Player[] = [];
  for (let i = 1; i < size; i++) {
    const p = await registerPlayer(url);
    await must(p, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guild.id });
    members.push(p);
  }
  return { id: guild.id, master, members };
}

const DECLARE = `mutation($g: ID!) { declareWar(defendingGuildId: $g) { war { id status attacker { id } defender { id } attackerPoints defenderPoints declaredAt startsAt endsAt endedAt winner { id } isDraw } } }`;
type War = { id: string; status: string; attacker: { id: string }; defender: { id: string }; attackerPoints: number; defenderPoints: number; declaredAt: string; startsAt: string; endsAt: string; endedAt: string | null; winner: { id: string } | null; isDraw: boolean };
const WAR = `query($id: ID!) { guildWar(id: $id) { id status attackerPoints defenderPoints winner { id xp } isDraw } }`;
const warOf = async (id: string) => (await must<{ guildWar: { status: string; attackerPoints: number; defenderPoints: number; winner: { id: string; xp: number } | null; isDraw: boolean } | null }>(undefined, WAR, { id })).guildWar;
const warsCount = (ids: string[]) => platform.runtime.db.prisma.guildWar.count({ where: { attackerId: { in: ids } } });

const bringForward = (warId: string, phase: 'START' | 'END') => bringWarForward(platform, warId, phase);

describe('guild wars through the gateway', () => {
  it('refuses what the rules forbid and stores nothing', async () => {
    const a = await guildOf(2);
    const b = await guildOf(1);
    const [member] = a.members;
    expect(await refusal(undefined, DECLARE, { g: b.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(member, DECLARE, { g: b.id })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') });
    expect(await refusal(await registerPlayer(url), DECLARE, { g: b.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(a.master, DECLARE, { g: a.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'defendingGuildId' });
    expect(await refusal(a.master, DECLARE, { g: randomUUID() })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(a.master, DECLARE, { g: 'nope' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await warsCount([a.id, b.id])).toBe(0);

    const declared = (await must<{ declareWar: { war: War } }>(a.master, DECLARE, { g: b.id })).declareWar.war;
    expect(await refusal(b.master, DECLARE, { g: a.id })).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId' });
    const c = await guildOf(1);
    expect(await refusal(a.master, DECLARE, { g: c.id })).toMatchObject({ code: 'CONFLICT', reason: 'COOLDOWN', availableAt: new Date(Date.parse(declared.declaredAt) + 24 * 3_600_000).toISOString() });
    expect(await warsCount([a.id, b.id, c.id])).toBe(1);
  });

  it('declares, starts, scores live from game servers, ends with XP, coins and war_hero for the winners', { timeout: 120_000 }, async () => {
    const a = await guildOf(2);
    const b = await guildOf(2);
    const fighter = a.members[0]!;
    const declared = (await must<{ declareWar: { war: War } }>(a.master, DECLARE, { g: b.id })).declareWar.war;
    expect(declared).toMatchObject({ status: 'DECLARED', attacker: { id: a.id }, defender: { id: b.id }, attackerPoints: 0, defenderPoints: 0, endedAt: null, winner: null, isDraw: false });
    expect(Date.parse(declared.startsAt) - Date.parse(declared.declaredAt)).toBe(24 * 3_600_000);
    expect(Date.parse(declared.endsAt) - Date.parse(declared.declaredAt)).toBe(72 * 3_600_000);

    // Both guilds are told in their inbox (the declarer excepted): the defenders MEDIUM, the attackers LOW.
    const INBOX = `query { notifications(first: 10) { edges { node { kind priority title body } } } }`;
    const warNotices = async (p: Player) =>
      (await must<{ notifications: { edges: { node: { kind: string; priority: string; title: string; body: string } }[] } }>(p, INBOX)).notifications.edges.map((e) => e.node).filter((n) => n.kind === 'GUILD_WAR_DECLARED');
    const [aName, bName] = await Promise.all([a.id, b.id].map(async (id) => (await must<{ guild: { name: string; tag: string } }>(undefined, `query($g: ID!) { guild(id: $g) { name tag } }`, { g: id })).guild));
    const body = `The fighting starts at ${declared.startsAt} and ends at ${declared.endsAt}: from then, your combat wins, quests and tournament match wins score for your guild.`;
    for (const defender of [b.master, b.members[0]!]) {
      await expect.poll(() => warNotices(defender), { timeout: 15_000, interval: 250 }).toEqual([{ kind: 'GUILD_WAR_DECLARED', priority: 'MEDIUM', title: `[${aName!.tag}] ${aName!.name} declared war on your guild`, body }]);
    }
    await expect.poll(() => warNotices(fighter), { timeout: 15_000, interval: 250 }).toEqual([{ kind: 'GUILD_WAR_DECLARED', priority: 'LOW', title: `Your guild declared war on [${bName!.tag}] ${bName!.name}`, body }]);
    expect(await warNotices(a.master)).toEqual([]);

    // Both guilds list it; the page of wars is public.
    const WARS = `query($g: ID!) { guild(id: $g) { wars(first: 5) { edges { node { id status } } } } }`;
    for (const g of [a.id, b.id]) expect((await must<{ guild: { wars: { edges: { node: { id: string } }[] } } }>(undefined, WARS, { g })).guild.wars.edges.map((e) => e.node.id)).toEqual([declared.id]);

    const live = subscribe(client(), `subscription($w: ID!) { guildWarUpdated(warId: $w) { id status attackerPoints defenderPoints winner { id } } }`, { w: declared.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildWarUpdated', declared.id));

    // A combat won before the war starts does not count (it happened before startsAt, even once that is brought forward).
    const server = await gameServerToken(platform, url);
    const reportAs = (player: Player, type: string, id = `${type}-${randomUUID()}`, occurredAt?: string) =>
      gql(url, `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { status } } }`, { input: { id, userId: player.id, type, occurredAt } }, { token: server });
    expect((await reportAs(fighter, 'COMBAT_WON', undefined, new Date(Date.now() - 10 * 60_000).toISOString())).errors).toBeUndefined();

    await bringForward(declared.id, 'START');
    await expect.poll(async () => (await warOf(declared.id))?.status, { timeout: 10_000, interval: 200 }).toBe('ACTIVE');

    // Combat 1 + quest 3 for a; one combat for b; a repeated report (same id) counts once.
    const quest = `quest-${randomUUID()}`;
    await reportAs(fighter, 'COMBAT_WON');
    await reportAs(a.master, 'QUEST_COMPLETED', quest);
    await reportAs(a.master, 'QUEST_COMPLETED', quest);
    await reportAs(b.members[0]!, 'COMBAT_WON');
    await reportAs(b.master, 'COMBAT_LOST');
    await expect.poll(async () => await warOf(declared.id), { timeout: 15_000, interval: 250 }).toMatchObject({ attackerPoints: 4, defenderPoints: 1 });
    await expect
      .poll(() => live.results.at(-1)?.data?.guildWarUpdated, { timeout: 5_000 })
      .toEqual({ id: declared.id, status: 'ACTIVE', attackerPoints: 4, defenderPoints: 1, winner: null });
    expect(live.results[0]!.data!.guildWarUpdated).toMatchObject({ status: 'ACTIVE', attackerPoints: 0 });

    // Each side's top scorers, with their player fields through federation.
    const SCORERS = `query($id: ID!) { guildWar(id: $id) { attackerTopScorers { points wins user { id username } } defenderTopScorers(first: 1) { points wins user { id username } } } }`;
    type Scorer = { points: number; wins: number; user: { id: string; username: string } };
    const scorers = (await must<{ guildWar: { attackerTopScorers: Scorer[]; defenderTopScorers: Scorer[] } }>(undefined, SCORERS, { id: declared.id })).guildWar;
    expect(scorers.attackerTopScorers).toEqual([
      { points: 3, wins: 1, user: { id: a.master.id, username: a.master.username } },
      { points: 1, wins: 1, user: { id: fighter.id, username: fighter.username } },
    ]);
    expect(scorers.defenderTopScorers).toEqual([{ points: 1, wins: 1, user: { id: b.members[0]!.id, username: b.members[0]!.username } }]);
    expect(await refusal(undefined, `query($id: ID!) { guildWar(id: $id) { attackerTopScorers(first: -1) { points } } }`, { id: declared.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    await bringForward(declared.id, 'END');
    await expect.poll(async () => (await warOf(declared.id))?.status, { timeout: 10_000, interval: 200 }).toBe('ENDED');
    expect(await warOf(declared.id)).toMatchObject({ attackerPoints: 4, defenderPoints: 1, winner: { id: a.id, xp: 500 }, isDraw: false });
    await expect.poll(() => live.results.at(-1)?.data?.guildWarUpdated, { timeout: 5_000 }).toMatchObject({ status: 'ENDED', winner: { id: a.id } });
    live.stop();

    // 100 COINS to each of a's members, once; war_hero (GUILD_WAR_WON) unlocked over the bus; nothing for b.
    const LEDGER = `query { me { wallet { ledger(first: 50) { edges { node { amount reason } } } } achievements(status: UNLOCKED) { achievement { id } } } }`;
    type Me = { me: { wallet: { ledger: { edges: { node: { amount: number; reason: string } }[] } }; achievements: { achievement: { id: string } }[] } };
    for (const p of [a.master, fighter]) {
      await expect
        .poll(async () => (await must<Me>(p, LEDGER)).me.wallet.ledger.edges.map((e) => e.node).filter((n) => n.reason === 'guild_war_reward'), { timeout: 15_000, interval: 250 })
        .toEqual([{ amount: 100, reason: 'guild_war_reward' }]);
    }
    // war_hero needs sworn_in (joining a guild) first: the fighter joined; the master founded.
    await expect.poll(async () => (await must<Me>(fighter, LEDGER)).me.achievements.map((u) => u.achievement.id), { timeout: 15_000, interval: 250 }).toContain('war_hero');
    const loser = await must<Me>(b.members[0], LEDGER);
    expect(loser.me.wallet.ledger.edges.filter((e) => e.node.reason === 'guild_war_reward')).toEqual([]);
    expect(loser.me.achievements.map((u) => u.achievement.id)).not.toContain('war_hero');

    // A win reported after the end changes nothing.
    await reportAs(b.master, 'COMBAT_WON');
    await new Promise((r) => setTimeout(r, 500));
    expect(await warOf(declared.id)).toMatchObject({ attackerPoints: 4, defenderPoints: 1 });
  });
});
