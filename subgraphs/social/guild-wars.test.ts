import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import type { DomainError } from '../../platform/errors.js';
import type { AfterCommit } from '../../platform/events/consumer.js';
import type { DomainEvent } from '../../platform/events/types.js';
import { JobRunner } from '../../platform/jobs/index.js';
import { newTestRedis, openTestDatabase } from '../../platform/testing.js';
import type { CoinOperation, WalletPort } from '../../platform/wallet-debit.js';
import { WAR_WIN_COINS, WAR_WIN_XP } from './domain/guild-wars.js';
import { socialSubgraph } from './subgraph.js';

// Guild wars at the subgraph (issue 16, item 5), on a fake clock: the schedule on durable jobs
// (nothing early, once with two replicas, a replica built later — a restart — finds the timers),
// scoring from the bus events, the end with XP, the outbox event and rewards exactly once.

/** The users ledger, in memory: one operation per key, a repeat replays. */
class Ledger implements WalletPort {
  readonly applied = new Map<string, CoinOperation>();
  failNext = 0;
  async apply(op: CoinOperation): Promise<{ replayed: boolean }> {
    if (this.failNext > 0) {
      this.failNext--;
      const { ServiceUnavailableError } = await import('../../platform/errors.js');
      throw new ServiceUnavailableError('users');
    }
    if (this.applied.has(op.idempotencyKey)) return { replayed: true };
    this.applied.set(op.idempotencyKey, op);
    return { replayed: false };
  }
  creditsOf(userId: string) {
    return [...this.applied.values()].filter((op) => op.userId === userId && op.reason === 'guild_war_reward').map((op) => op.amount);
  }
}

const HOUR = 3_600_000;
let now = new Date('2026-03-02T18:00:00Z'); // a Monday evening
const queue = `test-guild-war-${randomUUID().slice(0, 8)}`;
const ledger = new Ledger();
let db: Database;
let social: ReturnType<typeof socialSubgraph.create>;
const registry = new Registry();

const build = (metrics?: Registry) =>
  socialSubgraph.create({ db, redis: newTestRedis(), wallet: ledger, config: { SOCIAL_GUILD_CREATION_FEE: 0 }, now: () => now, guildWarQueue: queue, ...(metrics ? { metrics } : {}) });

beforeAll(async () => {
  db = await openTestDatabase();
  social = build(registry);
}, 60_000);
afterAll(async () => {
  await db?.close();
});

const runnersOf = (built: typeof social) => (built.parts.workers as unknown[]).filter((w): w is JobRunner => w instanceof JobRunner);
/** Runs every due job of the given replicas at once, and what those enqueue. */
async function runJobs(...replicas: (typeof social)[]) {
  for (let i = 0; i < 3; i++) await Promise.all(replicas.flatMap(runnersOf).map((r) => r.poke()));
}
/** The database's clock catches up with ours: every war job still waiting is due now. */
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

/** A guild with a master and `extra` members (ranks: MEMBER, then promoted as asked). */
async function guildWith(extra = 0) {
  const master = await player();
  const guild = await ctx(master).guilds.createGuild(master, { name: `War ${randomUUID().slice(0, 8)}`, tag: randomUUID().replace(/-/g, '').slice(0, 5).toUpperCase() });
  const members: Viewer[] = [];
  for (let i = 0; i < extra; i++) {
    const p = await player();
    await ctx(p).guilds.joinGuild(p, guild.id);
    members.push(p);
  }
  return { guild, master, members };
}
const warOf = (id: string) => db.prisma.guildWar.findUniqueOrThrow({ where: { id } });

/** Delivers a domain event to social's consumer handler as the bus would (its transaction, then its after-commit). */
async function deliver(type: 'game.event_reported' | 'tournament.match_won', payload: Record<string, unknown>, id = randomUUID()) {
  const handler = (social.parts.consumer.handlers as Record<string, (e: DomainEvent, tx: unknown) => Promise<void | AfterCommit>>)[type]!;
  const event = { id, type, producer: 'test', payload, occurredAt: now.toISOString() } as unknown as DomainEvent;
  const after = await db.prisma.$transaction((tx) => handler(event, tx));
  await after?.();
  return id;
}
const combatWon = (userId: string, at = now) => deliver('game.event_reported', { eventId: randomUUID(), userId, type: 'COMBAT_WON', occurredAt: at.toISOString() });

async function gauge(): Promise<number> {
  const metric = await registry.getSingleMetric('guild_wars_active')!.get();
  return metric.values[0]!.value;
}

describe('declaring a war', () => {
  it('a master declares: DECLARED, starting in 24 h and ending in 72 h, with both timers stored', async () => {
    const a = await guildWith();
    const b = await guildWith();
    const war = await ctx(a.master).guildWars.declareWar(a.master, b.guild.id);
    expect(war).toMatchObject({ status: 'DECLARED', attackerId: a.guild.id, defenderId: b.guild.id, attackerPoints: 0, defenderPoints: 0, winnerId: null });
    expect(war.startsAt.toISOString()).toBe('2026-03-03T18:00:00.000Z');
    expect(war.endsAt.toISOString()).toBe('2026-03-05T18:00:00.000Z');
    const jobs = await db.prisma.job.findMany({ where: { queue, payload: { path: ['warId'], equals: war.id } } });
    expect(jobs.map((j) => (j.payload as { step: string }).step).sort()).toEqual(['END', 'START']);
  });

  it('refuses, storing nothing: ranks without DECLARE_WAR, itself, an unknown guild, a second open war either way, the cooldown', async () => {
    const a = await guildWith(2);
    const b = await guildWith();
    const c = await guildWith();
    const [officer, member] = a.members;
    await ctx(a.master).guilds.changeRank(a.master, officer!.userId!, 'up'); // MEMBER → VETERAN
    expect(await failure(ctx(officer!).guildWars.declareWar(officer!, b.guild.id))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') });
    await ctx(a.master).guilds.changeRank(a.master, officer!.userId!, 'up'); // VETERAN → OFFICER
    expect(await failure(ctx(member!).guildWars.declareWar(member!, b.guild.id))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('DECLARE_WAR') });
    const outsider = await player();
    expect(await failure(ctx(outsider).guildWars.declareWar(outsider, b.guild.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure(ctx(a.master).guildWars.declareWar(a.master, a.guild.id))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'defendingGuildId' });
    expect(await failure(ctx(a.master).guildWars.declareWar(a.master, randomUUID()))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure(ctx(a.master).guildWars.declareWar(a.master, 'not-an-id'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.prisma.guildWar.count({ where: { attackerId: a.guild.id } })).toBe(0);

    // An OFFICER may; then the same pair is CONFLICT from either side, and a's cooldown runs.
    await ctx(officer!).guildWars.declareWar(officer!, b.guild.id);
    expect(await failure(ctx(b.master).guildWars.declareWar(b.master, a.guild.id))).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId' });
    const cooldown = await failure(ctx(a.master).guildWars.declareWar(a.master, c.guild.id));
    expect(cooldown).toMatchObject({ code: 'CONFLICT', field: 'defendingGuildId', reason: 'COOLDOWN', availableAt: new Date(now.getTime() + 24 * HOUR).toISOString() });
    expect(await db.prisma.guildWar.count({ where: { OR: [{ attackerId: a.guild.id }, { attackerId: b.guild.id }] } })).toBe(1);
  });

  it('two guilds declaring on each other at the same moment make one war', async () => {
    const a = await guildWith();
    const b = await guildWith();
    const outcomes = await Promise.all([failure(ctx(a.master).guildWars.declareWar(a.master, b.guild.id)), failure(ctx(b.master).guildWars.declareWar(b.master, a.guild.id))]);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.find((o) => o !== null)).toMatchObject({ code: 'CONFLICT' });
    expect(await db.prisma.guildWar.count({ where: { OR: [{ attackerId: a.guild.id }, { attackerId: b.guild.id }] } })).toBe(1);
  });
});

describe('a war from declaration to rewards', () => {
  it('runs on its timers (nothing early; once with two replicas; a replica built later takes over), scores, ends and rewards once', async () => {
    const a = await guildWith(2);
    const b = await guildWith(1);
    const war = await ctx(a.master).guildWars.declareWar(a.master, b.guild.id);
    const activeNow = () => db.prisma.guildWar.count({ where: { status: 'ACTIVE' } });
    expect(await gauge()).toBe(await activeNow());

    // During the preparation day nothing scores, and the START job run early changes nothing.
    await combatWon(a.members[0]!.userId!);
    await jobsDueNow();
    await runJobs(social);
    expect(await warOf(war.id)).toMatchObject({ status: 'DECLARED', attackerPoints: 0 });

    await advance(24 * HOUR);
    const replica = build();
    await runJobs(social, replica);
    expect(await warOf(war.id)).toMatchObject({ status: 'ACTIVE' });
    expect(await gauge()).toBe(await activeNow()); // wars of the tests above started too
    expect(await gauge()).toBeGreaterThan(0);

    // Combat (1), quest (3), tournament match (5); a redelivered event and a non-member's win count nothing.
    const first = await combatWon(a.members[0]!.userId!);
    await deliver('game.event_reported', { eventId: 'q1', userId: a.members[1]!.userId!, type: 'QUEST_COMPLETED', occurredAt: now.toISOString() });
    await deliver('tournament.match_won', { tournamentId: randomUUID(), matchId: randomUUID(), winnerId: b.members[0]!.userId!, round: 1, wonAt: now.toISOString() });
    await deliver('game.event_reported', { eventId: 'x', userId: a.members[0]!.userId!, type: 'COMBAT_WON', occurredAt: now.toISOString() }, first);
    await deliver('game.event_reported', { eventId: 'lost', userId: a.members[0]!.userId!, type: 'COMBAT_LOST', occurredAt: now.toISOString() });
    await combatWon((await player()).userId!);
    await combatWon(a.master.userId!);
    expect(await warOf(war.id)).toMatchObject({ attackerPoints: 5, defenderPoints: 5 });
    await combatWon(a.master.userId!);

    // The END job, run early, waits; at +72 h a replica built after the declaration (a restart) ends it.
    await advance(47 * HOUR);
    await runJobs(social);
    expect(await warOf(war.id)).toMatchObject({ status: 'ACTIVE' });
    await advance(1 * HOUR);
    const restarted = build();
    await runJobs(restarted, replica);
    const ended = await warOf(war.id);
    expect(ended).toMatchObject({ status: 'ENDED', attackerPoints: 6, defenderPoints: 5, winnerId: a.guild.id });
    expect(ended.endedAt?.toISOString()).toBe('2026-03-05T18:00:00.000Z');
    expect(await gauge()).toBe(await activeNow());

    // A win after the end changes nothing.
    await combatWon(b.master.userId!, new Date(now.getTime() - 1000));
    expect(await warOf(war.id)).toMatchObject({ defenderPoints: 5 });

    // The winner's XP, the outbox event naming its members, and one credit per member.
    const winner = await db.prisma.guild.findUniqueOrThrow({ where: { id: a.guild.id } });
    expect(Number(winner.xp)).toBe(WAR_WIN_XP);
    const members = [a.master, ...a.members].map((p) => p.userId!).sort();
    const outbox = await db.prisma.outboxEvent.findMany({ where: { type: 'guild.war_won' } });
    const won = outbox.filter((e) => (e.payload as { warId: string }).warId === war.id);
    expect(won).toHaveLength(1);
    expect([...(won[0]!.payload as { memberIds: string[] }).memberIds].sort()).toEqual(members);
    for (const userId of members) expect(ledger.creditsOf(userId)).toEqual([WAR_WIN_COINS]);
    for (const p of b.members) expect(ledger.creditsOf(p.userId!)).toEqual([]);

    // The reward job run again (a lost lease) credits nobody twice.
    await ctx(a.master).guildWars.jobHandler()({ warId: war.id, step: 'REWARD' });
    await ctx(a.master).guildWars.jobHandler()({ warId: war.id, step: 'END' });
    for (const userId of members) expect(ledger.creditsOf(userId)).toEqual([WAR_WIN_COINS]);
    expect(Number((await db.prisma.guild.findUniqueOrThrow({ where: { id: a.guild.id } })).xp)).toBe(WAR_WIN_XP);
  });

  it('a draw rewards nobody; a ledger outage retries the rewards until they are credited', async () => {
    const a = await guildWith();
    const b = await guildWith();
    const draw = await ctx(a.master).guildWars.declareWar(a.master, b.guild.id);
    await advance(72 * HOUR);
    await runJobs(social);
    expect(await warOf(draw.id)).toMatchObject({ status: 'ENDED', winnerId: null, rewardedIds: [] });
    expect(ledger.creditsOf(a.master.userId!)).toEqual([]);

    const c = await guildWith();
    const d = await guildWith();
    const war = await ctx(c.master).guildWars.declareWar(c.master, d.guild.id);
    await advance(24 * HOUR);
    await runJobs(social);
    await combatWon(d.master.userId!);
    ledger.failNext = 1;
    await advance(48 * HOUR);
    await runJobs(social);
    expect(await warOf(war.id)).toMatchObject({ status: 'ENDED', winnerId: d.guild.id });
    expect(ledger.creditsOf(d.master.userId!)).toEqual([]); // the first attempt met the outage
    await jobsDueNow();
    await runJobs(social);
    expect(ledger.creditsOf(d.master.userId!)).toEqual([WAR_WIN_COINS]);
  });
});
