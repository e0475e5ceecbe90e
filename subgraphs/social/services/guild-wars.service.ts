import type { Logger } from 'pino';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import type { Tx } from '../../../platform/db/index.js';
import { DomainError, NotFoundError } from '../../../platform/errors.js';
import type { AfterCommit } from '../../../platform/events/consumer.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import type { WalletPort } from '../../../platform/wallet-debit.js';
import { guildUpdated, guildWarUpdated } from '../contracts/live.js';
import { guildLevelFor, maxMembersAt } from '../domain/guild-levels.js';
import { assertMayAct } from '../domain/guild-permissions.js';
import {
  assertMayDeclare,
  dueStatus,
  mayMove,
  WAR_WIN_COINS,
  WAR_WIN_XP,
  warPointsFor,
  warRewardKey,
  warSchedule,
  warWinner,
  type GuildWarStatus,
} from '../domain/guild-wars.js';
import { notInGuild } from '../domain/guilds.js';
import type { GuildPagesCache } from '../store/guild-pages.cache.js';
import type { GuildWarRow, GuildWarsStore } from '../store/guild-wars.store.js';
import type { GuildsStore } from '../store/guilds.store.js';

export interface GuildWarsServiceDeps {
  work: UnitOfWork;
  wars: GuildWarsStore;
  guilds: GuildsStore;
  redis: RedisPort;
  /** The users subgraph's ledger: the winners' rewards are credited there, once per war and member. */
  wallet: WalletPort;
  /** The durable job queue of the wars' timers (start, end, rewards). */
  queue: string;
  /** How many members a new guild holds (the base of the level table's seats). */
  maxMembers: number;
  /** Cached guild pages, dropped after the winner's XP commits. */
  pages?: Pick<GuildPagesCache, 'forget'>;
  logger: Logger;
  now?: () => Date;
}

/** One timer of a war: its start, its end, or the crediting of its rewards. */
export interface WarJob {
  warId: string;
  step: 'START' | 'END' | 'REWARD';
}

/** What one reported event is, for scoring. */
export interface WarEvent {
  /** The domain event's id: the event scores at most once per war. */
  eventId: string;
  userId: string;
  /** COMBAT_WON, QUEST_COMPLETED or TOURNAMENT_MATCH_WON (anything else scores nothing). */
  kind: string;
  occurredAt: Date;
}

const warLock = (a: string, b: string) => `guild-war:${[a, b].sort().join(':')}`;

/** Guild wars: declaring, the timers that move them, scoring members' wins, the end and its rewards. */
export class GuildWarsService {
  constructor(private readonly deps: GuildWarsServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * The viewer's guild declares war on another (DECLARE_WAR): the war and its start and end
   * timers in one transaction. The viewer's guild is locked (its cooldown is checked one
   * declaration at a time) and so is the pair (two guilds declaring on each other at once: one war).
   */
  async declareWar(viewer: Viewer, defendingGuildId: string): Promise<GuildWarRow> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { tx } = work;
      const before = await this.deps.guilds.membership(tx, userId);
      if (!before) throw notInGuild();
      const attacker = await this.deps.guilds.lock(tx, before.guildId);
      const actor = await this.deps.guilds.membership(tx, userId);
      if (!attacker || !actor || actor.guildId !== attacker.id) throw notInGuild();
      assertMayAct(actor.role, 'DECLARE_WAR');
      const now = this.now();
      if (defendingGuildId !== attacker.id) {
        const defender = await this.deps.guilds.findOne(tx, defendingGuildId);
        if (!defender) throw new NotFoundError('Guild', defendingGuildId);
        await this.deps.guilds.lockKeys(tx, [warLock(attacker.id, defender.id)]);
      }
      assertMayDeclare({
        attackerId: attacker.id,
        defenderId: defendingGuildId,
        openWarBetween: defendingGuildId !== attacker.id && (await this.deps.wars.openBetween(tx, attacker.id, defendingGuildId)),
        lastDeclaredAt: await this.deps.wars.lastDeclaredBy(tx, attacker.id),
        now,
      });
      const war = await this.deps.wars.create(tx, { attackerId: attacker.id, defenderId: defendingGuildId, declaredBy: userId, declaredAt: now, ...warSchedule(now) });
      await this.schedule(tx, { warId: war.id, step: 'START' }, war.startsAt);
      await this.schedule(tx, { warId: war.id, step: 'END' }, war.endsAt);
      // Both guilds' members are told (the brief: "notify both guilds"): achievements writes the inbox notices from this event.
      const defender = (await this.deps.guilds.findOne(tx, war.defenderId))!;
      const side = async (guild: { id: string; name: string; tag: string }) => ({ guildId: guild.id, name: guild.name, tag: guild.tag, memberIds: await this.deps.guilds.memberIds(tx, guild.id) });
      await work.record('guild.war_declared', {
        warId: war.id,
        attacker: await side(attacker),
        defender: await side(defender),
        declaredBy: userId,
        declaredAt: war.declaredAt.toISOString(),
        startsAt: war.startsAt.toISOString(),
        endsAt: war.endsAt.toISOString(),
      });
      work.publish(guildWarUpdated, war.id, { id: war.id });
      return war;
    });
  }

  /** The wars' timers (every replica runs them; each job runs once, and each step applies once). */
  jobHandler(): (payload: unknown) => Promise<void> {
    return async (payload: unknown) => {
      const job = payload as WarJob;
      if (job.step === 'REWARD') return this.creditRewards(job.warId);
      await this.advance(job);
    };
  }

  /**
   * Moves the war as far as its schedule says it should be by now (DECLARED → ACTIVE → ENDED, one
   * step at a time, under the war's lock, so a second run or another replica finds nothing to do).
   * Run before its time (the database's clock, which made the job due, ahead of ours), the job
   * schedules itself again for the difference.
   */
  private async advance(job: WarJob): Promise<void> {
    const target: GuildWarStatus = job.step === 'START' ? 'ACTIVE' : 'ENDED';
    await this.deps.work.run(async (work) => {
      const war = await this.deps.wars.lock(work.tx, job.warId);
      if (!war) return;
      const now = this.now();
      const due = dueStatus(war, now);
      if (ORDER[war.status] >= ORDER[target]) return;
      if (ORDER[due] < ORDER[target]) {
        const at = target === 'ACTIVE' ? war.startsAt : war.endsAt;
        await this.schedule(work.tx, job, new Date(Date.now() + (at.getTime() - now.getTime())));
        return;
      }
      let current: GuildWarRow = war;
      if (mayMove(current.status, 'ACTIVE')) current = await this.deps.wars.move(work.tx, current.id, 'ACTIVE');
      if (ORDER[due] >= ORDER.ENDED && mayMove(current.status, 'ENDED')) current = await this.end(work, current, now);
      work.publish(guildWarUpdated, current.id, { id: current.id });
    });
  }

  /**
   * Ends the locked ACTIVE war: the winner by points (none for a draw) gets its guild XP, its
   * members now are recorded as the ones to reward (a job credits them), and GUILD_WAR_WON goes to
   * achievements through the outbox: all in the transaction that moves the war to ENDED.
   */
  private async end(work: PrismaWork, war: GuildWarRow, now: Date): Promise<GuildWarRow> {
    const side = warWinner({ attacker: war.attackerPoints, defender: war.defenderPoints });
    const winnerId = side === 'ATTACKER' ? war.attackerId : side === 'DEFENDER' ? war.defenderId : null;
    const winner = winnerId ? await this.deps.guilds.lock(work.tx, winnerId) : undefined;
    const rewardedIds = winner ? await this.deps.guilds.memberIds(work.tx, winner.id) : [];
    if (winner) {
      const xp = BigInt(winner.xp) + BigInt(WAR_WIN_XP);
      const level = guildLevelFor(xp);
      await this.deps.guilds.setProgress(work.tx, winner.id, { xp, level, maxMembers: Math.max(winner.maxMembers, maxMembersAt(level, this.deps.maxMembers)) });
      const pages = this.deps.pages;
      if (pages) work.afterCommit(() => pages.forget([winner.id]));
      work.publish(guildUpdated, winner.id, { id: winner.id });
    }
    const ended = await this.deps.wars.move(work.tx, war.id, 'ENDED', { endedAt: now, winnerId, rewardedIds });
    if (winner && rewardedIds.length) {
      await work.record('guild.war_won', { guildId: winner.id, warId: war.id, memberIds: rewardedIds, wonAt: now.toISOString() });
      await this.schedule(work.tx, { warId: war.id, step: 'REWARD' }, new Date());
    }
    return ended;
  }

  /**
   * Credits each rewarded member WAR_WIN_COINS under a key naming the war and the member: any
   * number of runs credit each once. A player the ledger does not know is skipped; the ledger
   * being unreachable fails the job, which runs again.
   */
  private async creditRewards(warId: string): Promise<void> {
    const [war] = await this.deps.wars.findByIds([warId]);
    if (!war || war.status !== 'ENDED') return;
    for (const userId of war.rewardedIds) {
      try {
        await this.deps.wallet.apply({ userId, idempotencyKey: warRewardKey(war.id, userId), amount: WAR_WIN_COINS, reason: 'guild_war_reward', reference: war.id });
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'SERVICE_UNAVAILABLE') {
          this.deps.logger.warn({ err: error, warId, userId }, 'a guild war reward was refused by the ledger');
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * Scores one reported win for the player's guild in each of its wars whose window holds the
   * win, in the bus consumer's transaction (its processed-event row makes a redelivery a no-op;
   * the score row makes the event count once per war anyway). The live score goes out after commit.
   */
  async scoreEvent(tx: Tx, event: WarEvent): Promise<AfterCommit | undefined> {
    const points = warPointsFor(event.kind);
    if (points === 0) return undefined;
    const member = await this.deps.guilds.membership(tx, event.userId);
    if (!member) return undefined;
    const wars = await this.deps.wars.warsAt(tx, member.guildId, event.occurredAt);
    if (wars.length === 0) return undefined;
    const { work, committed } = this.deps.work.within(tx);
    for (const war of wars) {
      const scored = await this.deps.wars.score(tx, { warId: war.id, side: war.side, eventId: event.eventId, guildId: member.guildId, userId: event.userId, kind: event.kind, points, occurredAt: event.occurredAt });
      if (scored) work.publish(guildWarUpdated, war.id, { id: war.id });
    }
    return committed;
  }

  /** The war as stored now (live events are read fresh). */
  async warNow(warId: string): Promise<GuildWarRow | null> {
    return (await this.deps.wars.findByIds([warId]))[0] ?? null;
  }

  /** A war's changes as they commit (live only). */
  liveWar(warId: string): AsyncIterableIterator<{ id: string }> {
    return guildWarUpdated.subscribe(this.deps.redis, warId);
  }

  private async schedule(tx: Tx, job: WarJob, runAt: Date): Promise<void> {
    await enqueueJob(tx, this.deps.queue, job, { runAt, maxAttempts: 20 });
  }
}

const ORDER: Record<GuildWarStatus, number> = { DECLARED: 0, ACTIVE: 1, ENDED: 2 };
