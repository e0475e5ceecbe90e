import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { InsufficientFundsError, ServiceUnavailableError, type DomainError } from '../../platform/errors.js';
import { newTestRedis, openTestDatabase } from '../../platform/testing.js';
import type { CoinOperation, WalletPort } from '../../platform/wallet-debit.js';
import { GUILD_CONTRIBUTION_QUEUE, GUILD_FOUNDING_QUEUE } from './services/guilds.service.js';
import { socialSubgraph } from './subgraph.js';

// The creation fee's crash window (issue 16): the ledger debit and the guild's commit are two
// systems, so the tests put failures between them. The ledger stand-in keeps users' rules (one
// operation per key, a repeat replays, never below zero); "crashes" are a call whose debit applied
// but whose answer was lost, and a commit that never happens.

/** The users ledger's semantics, in memory: what `wallet_apply` guarantees. */
class Ledger implements WalletPort {
  readonly balances = new Map<string, number>();
  readonly applied = new Map<string, CoinOperation>();
  /** The next call applies (or not, per `apply`) and then loses its answer. */
  loseNextAnswer: { apply: boolean } | null = null;

  async apply(op: CoinOperation): Promise<{ replayed: boolean }> {
    const lose = this.loseNextAnswer;
    this.loseNextAnswer = null;
    if (lose && !lose.apply) throw new ServiceUnavailableError('users');
    if (this.applied.has(op.idempotencyKey)) {
      if (lose) throw new ServiceUnavailableError('users');
      return { replayed: true };
    }
    const balance = this.balances.get(op.userId) ?? 0;
    if (balance + op.amount < 0) throw new InsufficientFundsError('You do not have enough coins.');
    this.balances.set(op.userId, balance + op.amount);
    this.applied.set(op.idempotencyKey, op);
    if (lose) throw new ServiceUnavailableError('users');
    return { replayed: false };
  }

  operationsOf(userId: string) {
    return [...this.applied.values()].filter((op) => op.userId === userId).map((op) => op.amount);
  }
}

const FEE = 100;
let db: Database;
const ledger = new Ledger();
let social: ReturnType<typeof socialSubgraph.create>;

beforeAll(async () => {
  db = await openTestDatabase();
  social = socialSubgraph.create({ db, redis: newTestRedis(), wallet: ledger, config: { SOCIAL_GUILD_CREATION_FEE: FEE } });
}, 60_000);
afterAll(async () => {
  await db?.close();
});

async function player(coins: number): Promise<Viewer> {
  const userId = randomUUID();
  await db.prisma.chatPlayer.create({ data: { userId, displayName: `p_${userId.slice(0, 8)}` } });
  ledger.balances.set(userId, coins);
  return { userId, role: 'PLAYER' };
}
const guilds = (viewer: Viewer) => social.createContext(viewer).guilds;
const input = () => ({ name: `Guild ${randomUUID().slice(0, 8)}`, tag: randomUUID().replace(/-/g, '').slice(0, 5).toUpperCase() });
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: DomainError) => ({ code: error.code, ...error.details }));
const guildsOf = (userId: string) => db.prisma.guild.count({ where: { createdBy: userId } });
const foundingOf = (userId: string) => db.prisma.guildFounding.findFirstOrThrow({ where: { userId } });
/** The settle job as its runner would run it, whenever it comes due. */
const runSettleJob = async (foundingId: string) => {
  const job = await db.prisma.job.findFirstOrThrow({ where: { queue: GUILD_FOUNDING_QUEUE, payload: { equals: { foundingId } } } });
  await guilds({ userId: null, role: null }).foundingHandler()(job.payload);
};

describe('guild creation fee: exactly once across the ledger and the guild', () => {
  it('takes the fee once and founds the guild, with a settle job recorded for the founding', async () => {
    const master = await player(150);
    const guild = await guilds(master).createGuild(master, input());
    expect(ledger.balances.get(master.userId!)).toBe(50);
    expect(ledger.operationsOf(master.userId!)).toEqual([-FEE]);
    expect(await foundingOf(master.userId!)).toMatchObject({ status: 'DONE', guildId: guild.id });
    // The job that comes due later finds the founding done and changes nothing.
    await runSettleJob((await foundingOf(master.userId!)).id);
    expect(ledger.operationsOf(master.userId!)).toEqual([-FEE]);
    expect(await guildsOf(master.userId!)).toBe(1);
  });

  it('refuses an unaffordable fee with INSUFFICIENT_FUNDS: nothing taken, no guild', async () => {
    const poor = await player(99);
    expect(await failure(guilds(poor).createGuild(poor, input()))).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    expect(ledger.balances.get(poor.userId!)).toBe(99);
    expect(await guildsOf(poor.userId!)).toBe(0);
    expect((await foundingOf(poor.userId!)).status).toBe('FAILED');
    expect(await db.prisma.guildMember.count({ where: { userId: poor.userId! } })).toBe(0);
  });

  it('debit applied, answer lost, the process gone before the commit: the settle job founds it, no second debit', async () => {
    const master = await player(100);
    ledger.loseNextAnswer = { apply: true };
    expect(await failure(guilds(master).createGuild(master, input()))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(ledger.balances.get(master.userId!)).toBe(0);
    expect(await guildsOf(master.userId!)).toBe(0);
    const founding = await foundingOf(master.userId!);
    expect(founding.status).toBe('PENDING');

    await runSettleJob(founding.id);
    expect(await guildsOf(master.userId!)).toBe(1);
    expect(ledger.operationsOf(master.userId!)).toEqual([-FEE]);
    expect((await foundingOf(master.userId!)).status).toBe('DONE');
  });

  it('the player retrying after a lost answer resumes the same founding: one debit, one guild, and the retry after success answers it', async () => {
    const master = await player(250);
    const wanted = input();
    ledger.loseNextAnswer = { apply: true };
    expect(await failure(guilds(master).createGuild(master, wanted))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const guild = await guilds(master).createGuild(master, wanted);
    expect(await guilds(master).createGuild(master, wanted)).toMatchObject({ id: guild.id });
    expect(ledger.operationsOf(master.userId!)).toEqual([-FEE]);
    expect(ledger.balances.get(master.userId!)).toBe(150);
    expect(await guildsOf(master.userId!)).toBe(1);
  });

  it('a debit that never reached the ledger is taken by the settle job, under the same key', async () => {
    const master = await player(100);
    ledger.loseNextAnswer = { apply: false };
    expect(await failure(guilds(master).createGuild(master, input()))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(ledger.balances.get(master.userId!)).toBe(100);
    await runSettleJob((await foundingOf(master.userId!)).id);
    expect(ledger.balances.get(master.userId!)).toBe(0);
    expect(await guildsOf(master.userId!)).toBe(1);
  });

  it('refunds once when the guild can no longer be founded after the fee was taken, and a late debit cannot turn the refund into new coins', async () => {
    const master = await player(100);
    ledger.loseNextAnswer = { apply: true };
    expect(await failure(guilds(master).createGuild(master, input()))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const founding = await foundingOf(master.userId!);
    // Meanwhile the player joined another guild: this one can no longer be founded.
    const other = await player(100);
    const otherGuild = await guilds(other).createGuild(other, input());
    await guilds(master).joinGuild(master, otherGuild.id);

    await runSettleJob(founding.id);
    expect((await foundingOf(master.userId!)).status).toBe('REFUNDED');
    expect(ledger.operationsOf(master.userId!)).toEqual([-FEE, FEE]);
    expect(ledger.balances.get(master.userId!)).toBe(100);
    // The original debit arriving late, and the job running again: replays, nothing moves.
    await ledger.apply({ userId: master.userId!, idempotencyKey: `guild-founding:${founding.id}:fee`, amount: -FEE, reason: 'guild_creation_fee', reference: founding.id });
    await runSettleJob(founding.id);
    expect(ledger.balances.get(master.userId!)).toBe(100);
    expect(await guildsOf(master.userId!)).toBe(0);
  });

  it('the player and the settle job racing on one founding: one debit, one guild', async () => {
    const master = await player(100);
    ledger.loseNextAnswer = { apply: false };
    const wanted = input();
    await failure(guilds(master).createGuild(master, wanted));
    const founding = await foundingOf(master.userId!);
    const outcomes = await Promise.allSettled([guilds(master).createGuild(master, wanted), runSettleJob(founding.id), guilds(master).settleFounding(founding.id)]);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(ledger.operationsOf(master.userId!)).toEqual([-FEE]);
    expect(await guildsOf(master.userId!)).toBe(1);
  });

  it('a founding still settling holds its name and tag against other players', async () => {
    const master = await player(100);
    const wanted = input();
    ledger.loseNextAnswer = { apply: false };
    await failure(guilds(master).createGuild(master, wanted));
    const rival = await player(100);
    expect(await failure(guilds(rival).createGuild(rival, wanted))).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(await failure(guilds(rival).createGuild(rival, { ...input(), tag: wanted.tag.toLowerCase() }))).toMatchObject({ code: 'CONFLICT', field: 'tag' });
    expect(ledger.balances.get(rival.userId!)).toBe(100);
  });
});

describe('contributions: the same protocol', () => {
  const contributionJob = async (userId: string) => {
    const contribution = await db.prisma.guildContribution.findFirstOrThrow({ where: { userId } });
    const job = await db.prisma.job.findFirstOrThrow({ where: { queue: GUILD_CONTRIBUTION_QUEUE, payload: { equals: { contributionId: contribution.id } } } });
    await guilds({ userId: null, role: null }).contributionHandler()(job.payload);
    return db.prisma.guildContribution.findUniqueOrThrow({ where: { id: contribution.id } });
  };

  it('a lost answer: the settle job credits the guild once; a retry with the key answers it without paying again', async () => {
    const master = await player(100);
    const guild = await guilds(master).createGuild(master, input());
    const member = await player(1_500);
    await guilds(member).joinGuild(member, guild.id);
    ledger.loseNextAnswer = { apply: true };
    expect(await failure(guilds(member).contributeToGuild(member, { coins: 1_000, requestKey: 'drive-0001' }))).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((await contributionJob(member.userId!)).status).toBe('DONE');
    expect(await guilds(member).contributeToGuild(member, { coins: 1_000, requestKey: 'drive-0001' })).toMatchObject({ level: 2, xp: 1_000n, maxMembers: 55 });
    expect(ledger.operationsOf(member.userId!)).toEqual([-1_000]);
    expect((await db.prisma.guildMember.findUniqueOrThrow({ where: { userId: member.userId! } })).contributed).toBe(1_000n);
  });

  it('the contributor left before the commit: refunded once, the guild unchanged', async () => {
    const master = await player(100);
    const guild = await guilds(master).createGuild(master, input());
    const member = await player(500);
    await guilds(member).joinGuild(member, guild.id);
    ledger.loseNextAnswer = { apply: true };
    await failure(guilds(member).contributeToGuild(member, { coins: 300, requestKey: 'drive-0002' }));
    await guilds(member).leaveGuild(member);
    expect((await contributionJob(member.userId!)).status).toBe('REFUNDED');
    expect(await contributionJob(member.userId!)).toMatchObject({ status: 'REFUNDED' });
    expect(ledger.operationsOf(member.userId!)).toEqual([-300, 300]);
    expect(ledger.balances.get(member.userId!)).toBe(500);
    expect((await db.prisma.guild.findUniqueOrThrow({ where: { id: guild.id } })).xp).toBe(0n);
  });
});
