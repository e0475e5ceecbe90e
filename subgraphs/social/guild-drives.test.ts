import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import type { DomainError } from '../../platform/errors.js';
import { JobRunner } from '../../platform/jobs/index.js';
import { newTestRedis, openTestDatabase } from '../../platform/testing.js';
import type { CoinOperation, WalletPort } from '../../platform/wallet-debit.js';
import { socialSubgraph } from './subgraph.js';

// Contribution drives at the subgraph (issue 16), on a fake clock: who may start one and the
// refusals that store nothing, one open drive per guild under a race, contributions counted
// toward it as they settle (once per requestKey), the goal completing it with its bonus XP paid
// once, and the deadline on a durable job (nothing early; once with two replicas; a contribution
// after the deadline not counted).

/** The users ledger, in memory: one operation per key, a repeat replays. */
class Ledger implements WalletPort {
  readonly applied = new Map<string, CoinOperation>();
  async apply(op: CoinOperation): Promise<{ replayed: boolean }> {
    if (this.applied.has(op.idempotencyKey)) return { replayed: true };
    this.applied.set(op.idempotencyKey, op);
    return { replayed: false };
  }
}

const HOUR = 3_600_000;
let now = new Date('2026-03-02T18:00:00Z'); // a Monday evening
const queue = `test-guild-drive-${randomUUID().slice(0, 8)}`;
const ledger = new Ledger();
let db: Database;
let social: ReturnType<typeof socialSubgraph.create>;

const build = () =>
  socialSubgraph.create({ db, redis: newTestRedis(), wallet: ledger, config: { SOCIAL_GUILD_CREATION_FEE: 0 }, now: () => now, guildDriveQueue: queue, guildWarQueue: `${queue}-wars` });

beforeAll(async () => {
  db = await openTestDatabase();
  social = build();
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const runnersOf = (built: typeof social) => (built.parts.workers as unknown[]).filter((w): w is JobRunner => w instanceof JobRunner);
async function runJobs(...replicas: (typeof social)[]) {
  for (let i = 0; i < 3; i++) await Promise.all(replicas.flatMap(runnersOf).map((r) => r.poke()));
}
/** The database's clock catches up with ours: every drive job still waiting is due now. */
const jobsDueNow = () => db.prisma.job.updateMany({ where: { queue, status: 'PENDING' }, data: { runAt: new Date(Date.now() - 1000) } });
const advance = async (ms: number) => {
  now = new Date(now.getTime() + ms);
  await jobsDueNow();
};

async function player(): Promise<Viewer> {
  const userId = randomUUID();
  await db.prisma.chatPlayer.create({ data: { userId, displayName: `p_${userId.slice(0, 8)}` } });
  return { userId, role: 'PLAYER' };
}
const ctx = (viewer: Viewer) => social.createContext(viewer);
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: DomainError) => ({ code: error.code, message: error.message, ...error.details }));

async function guildWith(extra = 0) {
  const master = await player();
  const guild = await ctx(master).guilds.createGuild(master, { name: `Drive ${randomUUID().slice(0, 8)}`, tag: randomUUID().replace(/-/g, '').slice(0, 5).toUpperCase() });
  const members: Viewer[] = [];
  for (let i = 0; i < extra; i++) {
    const p = await player();
    await ctx(p).guilds.joinGuild(p, guild.id);
    members.push(p);
  }
  return { guild, master, members };
}
const start = (viewer: Viewer, goal = 1_000, durationHours = 24) => ctx(viewer).guildDrives.startDrive(viewer, { goal, durationHours });
const give = (viewer: Viewer, coins: number, requestKey = `drive-${randomUUID()}`) => ctx(viewer).guilds.contributeToGuild(viewer, { coins, requestKey });
const driveOf = (id: string) => db.prisma.guildContributionDrive.findUniqueOrThrow({ where: { id } });
const xpOf = async (guildId: string) => Number((await db.prisma.guild.findUniqueOrThrow({ where: { id: guildId } })).xp);
const endedEvents = async (driveId: string) =>
  (await db.prisma.outboxEvent.findMany({ where: { type: 'guild.drive_ended' } })).map((e) => e.payload as { driveId: string; status: string; bonusXp: number; raised: number }).filter((p) => p.driveId === driveId);

describe('starting a drive', () => {
  it('MASTER and OFFICER may; other ranks, outsiders and bad input are refused and store nothing', async () => {
    const a = await guildWith(2);
    const [officer, member] = a.members;
    const outsider = await player();
    expect(await failure(start(member!))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') });
    await ctx(a.master).guilds.changeRank(a.master, officer!.userId!, 'up'); // MEMBER → VETERAN
    expect(await failure(start(officer!))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('START_CONTRIBUTION_DRIVE') });
    expect(await failure(start(outsider))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(start({ userId: null, role: 'ANONYMOUS' } as unknown as Viewer))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await failure(start(a.master, 99))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goal' });
    expect(await failure(start(a.master, 1_000_001))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goal' });
    expect(await failure(start(a.master, 1_000, 0))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'durationHours' });
    expect(await failure(start(a.master, 1_000, 169))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'durationHours' });
    expect(await db.prisma.guildContributionDrive.count({ where: { guildId: a.guild.id } })).toBe(0);

    await ctx(a.master).guilds.changeRank(a.master, officer!.userId!, 'up'); // VETERAN → OFFICER
    const drive = await start(officer!, 2_500, 48);
    expect(drive).toMatchObject({ guildId: a.guild.id, startedBy: officer!.userId, status: 'ACTIVE', goal: 2_500, raised: 0n, bonusXp: 500, contributorCount: 0, endedAt: null });
    expect(drive.endsAt.toISOString()).toBe('2026-03-04T18:00:00.000Z');
    const jobs = await db.prisma.job.findMany({ where: { queue, payload: { path: ['driveId'], equals: drive.id } } });
    expect(jobs.map((j) => j.runAt.toISOString())).toEqual(['2026-03-04T18:00:00.000Z']);

    // One open drive: the master's start (a retry's too) is CONFLICT naming it.
    expect(await failure(start(a.master))).toMatchObject({ code: 'CONFLICT', reason: 'DRIVE_OPEN', driveId: drive.id });
    expect(await db.prisma.guildContributionDrive.count({ where: { guildId: a.guild.id } })).toBe(1);
  });

  it('two officers starting at the same moment make one drive', async () => {
    const a = await guildWith(1);
    await ctx(a.master).guilds.changeRank(a.master, a.members[0]!.userId!, 'up');
    await ctx(a.master).guilds.changeRank(a.master, a.members[0]!.userId!, 'up');
    const outcomes = await Promise.all([failure(start(a.master)), failure(start(a.members[0]!)), failure(start(a.master))]);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    for (const o of outcomes.filter((o) => o !== null)) expect(o).toMatchObject({ code: 'CONFLICT', reason: 'DRIVE_OPEN' });
    expect(await db.prisma.guildContributionDrive.count({ where: { guildId: a.guild.id } })).toBe(1);
  });
});

describe('a drive reaching its goal', () => {
  it('counts each settled contribution once, completes on the one that reaches the goal, pays the bonus XP once', async () => {
    const a = await guildWith(2);
    const [m1, m2] = a.members;
    await give(m1!, 50); // before the drive: earns XP, counts toward nothing
    const drive = await start(a.master, 1_000);
    await give(m1!, 300, 'drive-key-m1-1');
    await give(m1!, 300, 'drive-key-m1-1'); // the same requestKey: the same contribution
    await give(m2!, 200);
    expect(await driveOf(drive.id)).toMatchObject({ status: 'ACTIVE', raised: 500n, contributorCount: 2 });
    expect(await xpOf(a.guild.id)).toBe(550);

    // Two members at once take it past the goal: one of them completes it, the bonus is paid once.
    await Promise.all([give(m2!, 400), give(a.master, 400)]);
    const done = await driveOf(drive.id);
    expect(done).toMatchObject({ status: 'COMPLETED', raised: 1_300n, contributorCount: 3, openGuildId: null });
    expect(done.endedAt?.toISOString()).toBe(now.toISOString());
    expect(await xpOf(a.guild.id)).toBe(50 + 1_300 + 200); // contributions + 20% of the 1,000 goal
    expect(await endedEvents(drive.id)).toEqual([expect.objectContaining({ status: 'COMPLETED', bonusXp: 200, raised: 1_300 })]);

    // Its top contributors, most coins first; a contribution now counts toward nothing; the next drive may start.
    const loaders = ctx(a.master).loaders;
    expect(await loaders.driveTopContributors.load({ driveId: drive.id, take: 3 })).toEqual([
      { userId: m2!.userId, coins: 600n },
      { userId: a.master.userId, coins: 400n },
      { userId: m1!.userId, coins: 300n },
    ]);
    expect(await loaders.driveTopContributors.load({ driveId: drive.id, take: 1 })).toEqual([{ userId: m2!.userId, coins: 600n }]);
    await give(m1!, 100);
    expect(await driveOf(drive.id)).toMatchObject({ raised: 1_300n });
    expect(await xpOf(a.guild.id)).toBe(1_650);
    const next = await start(a.master, 500, 1);
    expect((await ctx(a.master).loaders.activeDrive.load(a.guild.id))?.id).toBe(next.id);
    expect((await ctx(a.master).loaders.recentDrives.load(a.guild.id)).map((d) => d.id)).toEqual([next.id, drive.id]);

    // The deadline timer of the completed drive finds nothing to do.
    await advance(25 * HOUR);
    await runJobs(social);
    expect(await driveOf(drive.id)).toMatchObject({ status: 'COMPLETED' });
    expect(await endedEvents(drive.id)).toHaveLength(1);
    expect(await xpOf(a.guild.id)).toBe(1_650);
  });
});

describe('a drive running out of time', () => {
  it('expires at its deadline on the durable job (nothing early; once with two replicas); later contributions do not count', async () => {
    const a = await guildWith(1);
    const drive = await start(a.master, 5_000, 2);
    await give(a.members[0]!, 1_000);

    // Run early (the database's clock ahead of ours), the job waits.
    await advance(1 * HOUR);
    await runJobs(social);
    expect(await driveOf(drive.id)).toMatchObject({ status: 'ACTIVE', raised: 1_000n });

    // At the deadline, before the job ran: a contribution settling now does not count.
    await advance(1 * HOUR);
    await give(a.master, 4_000);
    expect(await driveOf(drive.id)).toMatchObject({ status: 'ACTIVE', raised: 1_000n });

    const replica = build();
    await runJobs(social, replica);
    const expired = await driveOf(drive.id);
    expect(expired).toMatchObject({ status: 'EXPIRED', raised: 1_000n, openGuildId: null });
    expect(expired.endedAt?.toISOString()).toBe(now.toISOString());
    expect(await endedEvents(drive.id)).toEqual([expect.objectContaining({ status: 'EXPIRED', bonusXp: 0, raised: 1_000 })]);
    expect(await xpOf(a.guild.id)).toBe(5_000); // the contributions' own XP, no bonus
    expect(await ctx(a.master).loaders.activeDrive.load(a.guild.id)).toBeUndefined();
  });

  it('a disbanded guild takes its drive with it; the deadline job then does nothing', async () => {
    const a = await guildWith();
    const drive = await start(a.master, 1_000, 1);
    await ctx(a.master).guilds.disband(a.master);
    await advance(2 * HOUR);
    await runJobs(social);
    expect(await db.prisma.guildContributionDrive.count({ where: { id: drive.id } })).toBe(0);
    expect(await db.prisma.job.count({ where: { queue, status: 'FAILED' } })).toBe(0);
  });
});
