import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gqlData, gqlRefusal, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { subscribe, untilListening } from './support/ws.js';

// Contribution drives through the gateway (issue 16), as a game client uses them: an officer
// starts one, the refusals store nothing, members' contributions (real wallet debits) raise it
// live on guildUpdated, the goal completes it with its bonus XP once, its top contributors come
// with their player fields; a drive short of its goal expires at its deadline (brought forward in
// the database; the timer's fake-clock test is subgraphs/social/guild-drives.test.ts).

const ADMIN = uniqueName('driveadmin');
let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ ADMIN_USERNAMES: ADMIN, SOCIAL_GUILD_CREATION_FEE: '0' }, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = Awaited<ReturnType<typeof registerPlayer>>;
const must = <T>(player: Player | undefined, query: string, variables: Record<string, unknown> = {}) => gqlData<T>(url, query, variables, player?.token);
const refusal = (player: Player | undefined, query: string, variables: Record<string, unknown> = {}) => gqlRefusal(url, query, variables, player?.token);

let admin: Player | undefined;
async function funded(coins: number) {
  const player = await registerPlayer(url);
  admin ??= await registerPlayer(url, ADMIN);
  await must(admin, `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
    input: { userId: player.id, idempotencyKey: `drive-test-${player.id}`, reason: 'test', changes: [{ currency: 'COINS', amount: coins }] },
  });
  return player;
}
let tags = 0;
const freshTag = () => `D${(Date.now() % 1296).toString(36)}${(tags++ % 36).toString(36)}${Math.floor(Math.random() * 36).toString(36)}`.toUpperCase().slice(0, 5);
async function guildOf(size: number, coins = 5_000) {
  const master = await funded(coins);
  const guild = (await must<{ createGuild: { guild: { id: string } } }>(master, `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`, { input: { name: uniqueName('drive'), tag: freshTag() } })).createGuild.guild;
  const members: Player[] = [];
  for (let i = 1; i < size; i++) {
    const p = await funded(coins);
    await must(p, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guild.id });
    members.push(p);
  }
  return { id: guild.id, master, members };
}

const START = `mutation($input: StartContributionDriveInput!) { startContributionDrive(input: $input) { drive { id status goal raised bonusXp contributorCount startedAt endsAt endedAt startedBy { id username } guild { id } } } }`;
const CONTRIBUTE = `mutation($input: ContributeToGuildInput!) { contributeToGuild(input: $input) { guild { xp } } }`;
const give = (player: Player, coins: number, requestKey = `drive-${player.id}-${coins}-${Math.random().toString(36).slice(2)}`) => must(player, CONTRIBUTE, { input: { coins, requestKey } });
const DRIVES = `query($g: ID!) { guild(id: $g) { xp activeDrive { id status raised } drives { id status goal raised bonusXp contributorCount endedAt topContributors(first: 5) { coins user { id username } } } } }`;
type Drive = { id: string; status: string; goal: number; raised: number; bonusXp: number; contributorCount: number; endedAt: string | null; topContributors: { coins: number; user: { id: string; username: string } }[] };
const drivesOf = async (guildId: string) => (await must<{ guild: { xp: number; activeDrive: { id: string; status: string; raised: number } | null; drives: Drive[] } }>(undefined, DRIVES, { g: guildId })).guild;
const countDrives = (guildId: string) => platform.runtime.db.prisma.guildContributionDrive.count({ where: { guildId } });

describe('contribution drives through the gateway', () => {
  it('refuses what the rules forbid and stores nothing; an officer starts one, contributions raise it live, the goal completes it with its bonus once', { timeout: 60_000 }, async () => {
    const g = await guildOf(3);
    const [officer, member] = g.members;
    const input = { goal: 1_000, durationHours: 24 };
    expect(await refusal(undefined, START, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(member, START, { input })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') });
    expect(await refusal(await registerPlayer(url), START, { input })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(g.master, START, { input: { goal: 50, durationHours: 24 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goal' });
    expect(await refusal(g.master, START, { input: { goal: 1_000, durationHours: 200 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'durationHours' });
    expect(await countDrives(g.id)).toBe(0);

    // Promoted twice, the officer may start it.
    for (let i = 0; i < 2; i++) await must(g.master, `mutation($u: ID!) { promoteGuildMember(input: { userId: $u }) { member { role } } }`, { u: officer!.id });
    const live = subscribe(client(), `subscription($g: ID!) { guildUpdated(guildId: $g) { xp activeDrive { raised status } } }`, { g: g.id });
    await untilListening(platform.runtime.redis, liveChannel('social', 'guildUpdated', g.id));
    const drive = (await must<{ startContributionDrive: { drive: Drive & { startedAt: string; endsAt: string; startedBy: { id: string; username: string }; guild: { id: string } } } }>(officer, START, { input })).startContributionDrive.drive;
    expect(drive).toMatchObject({ status: 'ACTIVE', goal: 1_000, raised: 0, bonusXp: 200, contributorCount: 0, endedAt: null, startedBy: { id: officer!.id, username: officer!.username }, guild: { id: g.id } });
    expect(Date.parse(drive.endsAt) - Date.parse(drive.startedAt)).toBe(24 * 3_600_000);
    expect(await refusal(g.master, START, { input })).toMatchObject({ code: 'CONFLICT', reason: 'DRIVE_OPEN', driveId: drive.id });
    expect(await countDrives(g.id)).toBe(1);

    // 400 + 300 (a retry of the same key counts once), then 500 past the goal.
    await give(member!, 400, `drive-key-${member!.id}`);
    await give(member!, 400, `drive-key-${member!.id}`);
    await give(g.master, 300);
    expect((await drivesOf(g.id)).activeDrive).toMatchObject({ id: drive.id, status: 'ACTIVE', raised: 700 });
    await give(officer!, 500);
    const after = await drivesOf(g.id);
    expect(after.activeDrive).toBeNull();
    expect(after.xp).toBe(1_200 + 200);
    expect(after.drives).toHaveLength(1);
    expect(after.drives[0]).toMatchObject({ id: drive.id, status: 'COMPLETED', raised: 1_200, contributorCount: 3, endedAt: expect.any(String) });
    expect(after.drives[0]!.topContributors).toEqual([
      { coins: 500, user: { id: officer!.id, username: officer!.username } },
      { coins: 400, user: { id: member!.id, username: member!.username } },
      { coins: 300, user: { id: g.master.id, username: g.master.username } },
    ]);
    expect(await refusal(undefined, `query($g: ID!) { guild(id: $g) { drives { topContributors(first: 51) { coins } } } }`, { g: g.id })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });

    // The wallets paid each contribution once.
    const coins = async (p: Player) => (await must<{ me: { wallet: { balances: { currency: string; amount: number }[] } } }>(p, `query { me { wallet { balances { currency amount } } } }`)).me.wallet.balances.find((b) => b.currency === 'COINS')?.amount;
    expect(await coins(member!)).toBe(4_600);

    // Live: the start, each counted contribution, the completion.
    await expect.poll(() => live.results.at(-1)?.data?.guildUpdated, { timeout: 5_000 }).toEqual({ xp: 1_400, activeDrive: null });
    const seen = live.results.map((r) => (r.data?.guildUpdated as { activeDrive: { raised: number } | null }).activeDrive?.raised ?? null);
    expect(seen).toEqual(expect.arrayContaining([0, 400, 700]));
    live.stop();
  });

  it('a drive short of its goal expires at its deadline, without bonus; the guild may start the next', { timeout: 60_000 }, async () => {
    const g = await guildOf(1);
    const drive = (await must<{ startContributionDrive: { drive: { id: string } } }>(g.master, START, { input: { goal: 10_000, durationHours: 1 } })).startContributionDrive.drive;
    await give(g.master, 250);
    const db = platform.runtime.db.prisma;
    await db.guildContributionDrive.update({ where: { id: drive.id }, data: { endsAt: new Date(Date.now() - 1) } });
    await db.job.updateMany({ where: { queue: 'social.guild-drive', status: 'PENDING', payload: { equals: { driveId: drive.id } } }, data: { runAt: new Date(Date.now() - 1_000) } });
    await expect.poll(async () => (await drivesOf(g.id)).drives[0]?.status, { timeout: 10_000, interval: 200 }).toBe('EXPIRED');
    const after = await drivesOf(g.id);
    expect(after).toMatchObject({ xp: 250, activeDrive: null });
    expect(after.drives[0]).toMatchObject({ raised: 250, contributorCount: 1, endedAt: expect.any(String) });
    await must(g.master, START, { input: { goal: 100, durationHours: 1 } });
    expect((await drivesOf(g.id)).drives.map((d) => d.status)).toEqual(['ACTIVE', 'EXPIRED']);
  });
});
