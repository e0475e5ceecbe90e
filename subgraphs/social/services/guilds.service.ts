import { requireUser, type Viewer } from '../../../platform/auth.js';
import type { Tx } from '../../../platform/db/index.js';
import { BadUserInputError, ConflictError, DomainError, InsufficientFundsError, NotFoundError } from '../../../platform/errors.js';
import { enqueueJob } from '../../../platform/jobs/index.js';
import { feeKey, refundKey, type WalletPort } from '../../../platform/wallet-debit.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { pageRequest, timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { prefixQuery, searchTerms } from '../../../platform/search-text.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { guildNotification, guildUpdated, type GuildNotificationEvent } from '../contracts/live.js';
import { contributionXp, GUILD_MAX_LEVEL, guildLevelFor, maxMembersAt, validateContribution, validateRequestKey } from '../domain/guild-levels.js';
import {
  assertMayAct,
  assertMayKick,
  GUILD_ROLES,
  mayAct,
  rankAfterChange,
  type GuildRole,
} from '../domain/guild-permissions.js';
import {
  alreadyInGuild,
  assertHasSeat,
  assertMeetsLevel,
  goneAnswer,
  assertTransferTarget,
  joinOutcome,
  leaveOutcome,
  notInGuild,
  validateGuildInput,
  validateSettingsChange,
  type GuildInput,
  type GuildSettings,
  type GuildSettingsChange,
} from '../domain/guilds.js';
import {
  createdKey,
  type GuildContributionRow,
  type GuildFoundingRow,
  type GuildInvitationRow,
  type GuildJoinRequestRow,
  type GuildMemberRow,
  type GuildNotificationRow,
  type GuildRow,
  type GuildsStore,
} from '../store/guilds.store.js';
import type { GuildPagesCache } from '../store/guild-pages.cache.js';
import type { PlayersStore } from '../store/players.store.js';
import type { ChatMembershipService } from './chat-membership.service.js';
import type { GuildDrivesService } from './guild-drives.service.js';
import { requireKnownPlayer } from './known-players.js';

export interface GuildsServiceDeps {
  work: UnitOfWork;
  store: GuildsStore;
  redis: RedisPort;
  /** The guild's GUILD chat room follows its membership, in the same unit of work. */
  chat: Pick<ChatMembershipService, 'createGuildRoom' | 'ensureGuildRoom' | 'addGuildMember' | 'removeGuildMember'>;
  /** How many members a new guild holds. */
  maxMembers: number;
  /** The users subgraph's ledger: the creation fee is debited there. */
  wallet: WalletPort;
  /** The creation fee in COINS (0: free). */
  fee: number;
  /** Social's projection of registered players: an invitation names a real one (absent in some tests). */
  players?: PlayersStore;
  /** When the settle job looks at a founding the player's call did not finish. */
  settleDelayMs: number;
  /** Cached guild pages, dropped after each change commits (absent in some tests). */
  pages?: Pick<GuildPagesCache, 'forget'>;
  /** The guild's open contribution drive counts each contribution as it settles (absent in some tests). */
  drives?: Pick<GuildDrivesService, 'countContribution'>;
  now?: () => Date;
}

export type JoinGuildResult = { status: 'JOINED' | 'REQUESTED'; guild: GuildRow; request: GuildJoinRequestRow | null };

/** The ranks whose members are told of join requests: those the matrix lets manage them. */
const REQUEST_HANDLERS = GUILD_ROLES.filter((role) => mayAct(role, 'MANAGE_JOIN_REQUESTS'));

const playerLock = (userId: string) => `guild-player:${userId}`;

/** Joins of one popular guild queue on its row lock: wait for a connection and the lock rather than fail. */
const QUEUED_ON_GUILD = { maxWait: 10_000, timeout: 15_000 };

/** The durable jobs that settle foundings the player's call did not finish. */
export const GUILD_FOUNDING_QUEUE = 'social.guild-founding';
/** The durable jobs that settle contributions the player's call did not finish. */
export const GUILD_CONTRIBUTION_QUEUE = 'social.guild-contribution';

/** Guilds: founding, joining (at once or by request), leaving, kicks, ranks, mastership. */
export class GuildsService {
  constructor(private readonly deps: GuildsServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Founds a guild with the viewer as its MASTER and its GUILD chat room, paying the creation fee
   * exactly once (docs/decisions.md, "Fees paid before an action exists"): the founding is
   * recorded with its settle job, the fee is debited under the founding's key, then the guild is
   * committed. Name, tag and the founder are locked first, so two foundings racing for a name, a
   * tag or a player queue and the second sees the first (a founding still settling holds its name
   * and tag). A retry after an unknown outcome resumes the same founding (same key: no second
   * debit); a retry after success answers the guild.
   */
  async createGuild(viewer: Viewer, input: GuildInput): Promise<GuildRow> {
    const userId = requireUser(viewer);
    const settings = validateGuildInput(input);
    const begun = await this.deps.work.run(async (work): Promise<{ guild: GuildRow } | { founding: GuildFoundingRow }> => {
      const { tx } = work;
      await this.lockFounding(tx, settings, userId);
      const member = await this.deps.store.membership(tx, userId);
      if (member) {
        // A retry of a founding that went through answers the guild it founded.
        const own = await this.deps.store.findOne(tx, member.guildId);
        if (own && member.role === 'MASTER' && own.nameKey === settings.nameKey && own.createdBy === userId) return { guild: own };
        throw alreadyInGuild();
      }
      const pending = await this.deps.store.pendingFoundingOf(tx, userId);
      if (pending) {
        if (pending.nameKey === settings.nameKey && pending.tagKey === settings.tagKey) return { founding: pending };
        throw conflict('Your previous guild founding is still being settled: try again in a minute.');
      }
      await this.assertNameAndTagFree(tx, settings, userId);
      if (this.deps.fee === 0) return { guild: await this.found(work, settings, userId) };
      const founding = await this.deps.store.createFounding(tx, { userId, nameKey: settings.nameKey, tagKey: settings.tagKey, settings, fee: this.deps.fee });
      await enqueueJob(tx, GUILD_FOUNDING_QUEUE, { foundingId: founding.id }, { runAt: new Date(this.now().getTime() + this.deps.settleDelayMs), maxAttempts: 10 });
      return { founding };
    });
    return 'guild' in begun ? begun.guild : this.settleFounding(begun.founding.id);
  }

  /**
   * Brings a founding to its end: PENDING takes the fee (again under the same key: a replay if it
   * was taken) and founds the guild, or, when it can no longer be founded, refunds the fee;
   * REFUND_DUE refunds. Run by the player's call and by the settle job, in either order, any number
   * of times: one debit, at most one refund, at most one guild. Throws the player's outcome
   * (INSUFFICIENT_FUNDS, the refusal that made it refund, SERVICE_UNAVAILABLE while users is down).
   */
  async settleFounding(foundingId: string): Promise<GuildRow> {
    const founding = await this.deps.work.run(({ tx }) => this.deps.store.findFounding(tx, foundingId));
    if (!founding) throw new NotFoundError('GuildFounding', foundingId);
    const action = `guild-founding:${founding.id}`;
    if (founding.status === 'PENDING') {
      try {
        await this.deps.wallet.apply({ userId: founding.userId, idempotencyKey: feeKey(action), amount: -founding.fee, reason: 'guild_creation_fee', reference: founding.id });
      } catch (error) {
        if (error instanceof InsufficientFundsError) await this.deps.work.run(({ tx }) => this.deps.store.moveFounding(tx, founding.id, 'PENDING', 'FAILED'));
        throw error;
      }
      try {
        return await this.deps.work.run((work) => this.completeFounding(work, founding));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await this.deps.work.run(({ tx }) => this.deps.store.moveFounding(tx, founding.id, 'PENDING', 'REFUND_DUE'));
        await this.refundFounding(founding, action);
        throw error;
      }
    }
    if (founding.status === 'DONE') {
      const [guild] = await this.deps.store.findByIds([founding.guildId!]);
      if (guild) return guild;
      throw new NotFoundError('Guild', founding.guildId!);
    }
    if (founding.status === 'FAILED') throw new InsufficientFundsError('You did not have enough coins for the guild creation fee.');
    if (founding.status === 'REFUND_DUE') await this.refundFounding(founding, action);
    throw conflict('The guild could not be founded; the fee was refunded.');
  }

  /** The settle job: a founding's outcome for the player is final; only an unknown one is tried again. */
  foundingHandler() {
    return async (payload: unknown) => {
      try {
        await this.settleFounding((payload as { foundingId: string }).foundingId);
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'SERVICE_UNAVAILABLE') return;
        throw error;
      }
    };
  }

  /**
   * Pays coins into the viewer's guild, exactly once per `requestKey` (the same protocol as a
   * founding: an intent row and a settle job, the keyed debit, then the guild's XP, level and seats
   * and the member's total in one transaction). A retry with the same key and amount answers the
   * same contribution; the same key with another amount is CONFLICT on requestKey.
   */
  async contributeToGuild(viewer: Viewer, input: { coins: number; requestKey: string }): Promise<GuildRow> {
    const userId = requireUser(viewer);
    const coins = validateContribution(input.coins);
    const requestKey = validateRequestKey(input.requestKey);
    const contribution = await this.deps.work.run(async ({ tx }) => {
      await this.deps.store.lockKeys(tx, [playerLock(userId)]);
      const existing = await this.deps.store.findContributionByKey(tx, userId, requestKey);
      if (existing) {
        if (existing.coins !== coins) throw conflict('This requestKey was used for another contribution.', 'requestKey');
        return existing;
      }
      const member = await this.deps.store.membership(tx, userId);
      if (!member) throw notInGuild();
      const created = await this.deps.store.createContribution(tx, { userId, guildId: member.guildId, coins, requestKey });
      await enqueueJob(tx, GUILD_CONTRIBUTION_QUEUE, { contributionId: created.id }, { runAt: new Date(this.now().getTime() + this.deps.settleDelayMs), maxAttempts: 10 });
      return created;
    });
    return this.settleContribution(contribution.id);
  }

  /** Brings a contribution to its end, as `settleFounding` does a founding (one debit, at most one refund). */
  async settleContribution(contributionId: string): Promise<GuildRow> {
    const contribution = await this.deps.work.run(({ tx }) => this.deps.store.findContribution(tx, contributionId));
    if (!contribution) throw new NotFoundError('GuildContribution', contributionId);
    const action = `guild-contribution:${contribution.id}`;
    const refund = async () => {
      await this.deps.wallet.apply({ userId: contribution.userId, idempotencyKey: refundKey(action), amount: contribution.coins, reason: 'guild_contribution_refund', reference: contribution.id });
      await this.deps.work.run(({ tx }) => this.deps.store.moveContribution(tx, contribution.id, 'REFUND_DUE', 'REFUNDED'));
    };
    if (contribution.status === 'PENDING') {
      try {
        await this.deps.wallet.apply({ userId: contribution.userId, idempotencyKey: feeKey(action), amount: -contribution.coins, reason: 'guild_contribution', reference: contribution.id });
      } catch (error) {
        if (error instanceof InsufficientFundsError) await this.deps.work.run(({ tx }) => this.deps.store.moveContribution(tx, contribution.id, 'PENDING', 'FAILED'));
        throw error;
      }
      try {
        return await this.deps.work.run((work) => this.completeContribution(work, contribution));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        await this.deps.work.run(({ tx }) => this.deps.store.moveContribution(tx, contribution.id, 'PENDING', 'REFUND_DUE'));
        await refund();
        throw error;
      }
    }
    if (contribution.status === 'DONE') {
      const [guild] = await this.deps.store.findByIds([contribution.guildId]);
      if (guild) return guild;
      throw new NotFoundError('Guild', contribution.guildId);
    }
    if (contribution.status === 'FAILED') throw new InsufficientFundsError('You did not have enough coins for this contribution.');
    if (contribution.status === 'REFUND_DUE') await refund();
    throw conflict('The contribution could not be made (you left the guild); the coins were refunded.');
  }

  /** The contribution's settle job (as `foundingHandler`). */
  contributionHandler() {
    return async (payload: unknown) => {
      try {
        await this.settleContribution((payload as { contributionId: string }).contributionId);
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'SERVICE_UNAVAILABLE') return;
        throw error;
      }
    };
  }

  /** The coins are taken: credits the guild once, if the contributor is still in it. */
  private async completeContribution(work: PrismaWork, contribution: GuildContributionRow): Promise<GuildRow> {
    const guild = await this.deps.store.lock(work.tx, contribution.guildId);
    const now = await this.deps.store.findContribution(work.tx, contribution.id);
    if (now?.status === 'DONE' && guild) return guild;
    if (now?.status !== 'PENDING') throw conflict('The contribution could not be made; the coins were refunded.');
    const member = await this.deps.store.membership(work.tx, contribution.userId);
    if (!guild || member?.guildId !== guild.id) throw conflict('You are no longer in this guild; the coins were refunded.');
    const bonus = (await this.deps.drives?.countContribution(work, { guildId: guild.id, userId: contribution.userId, coins: contribution.coins })) ?? 0;
    const xp = BigInt(guild.xp) + BigInt(contributionXp(contribution.coins)) + BigInt(bonus);
    const level = guildLevelFor(xp);
    const updated = await this.deps.store.addContribution(work.tx, {
      guildId: guild.id,
      userId: contribution.userId,
      coins: contribution.coins,
      xp,
      level,
      maxMembers: Math.max(guild.maxMembers, maxMembersAt(level, this.deps.maxMembers)),
    });
    await this.deps.store.moveContribution(work.tx, contribution.id, 'PENDING', 'DONE');
    await work.record('guild.contribution_made', { guildId: guild.id, userId: contribution.userId, amount: contribution.coins, contributedAt: this.now().toISOString() });
    this.changed(work, guild.id);
    work.publish(guildUpdated, guild.id, { id: guild.id });
    return updated;
  }

  private async refundFounding(founding: GuildFoundingRow, action: string): Promise<void> {
    await this.deps.wallet.apply({ userId: founding.userId, idempotencyKey: refundKey(action), amount: founding.fee, reason: 'guild_creation_fee_refund', reference: founding.id });
    await this.deps.work.run(({ tx }) => this.deps.store.moveFounding(tx, founding.id, 'REFUND_DUE', 'REFUNDED'));
  }

  /** The fee is taken: founds the guild once (the founding moves from PENDING only once). */
  private async completeFounding(work: PrismaWork, founding: GuildFoundingRow): Promise<GuildRow> {
    const settings = founding.settings as unknown as GuildSettings;
    await this.lockFounding(work.tx, settings, founding.userId);
    const now = await this.deps.store.findFounding(work.tx, founding.id);
    if (now?.status === 'DONE') return (await this.deps.store.findOne(work.tx, now.guildId!))!;
    if (now?.status !== 'PENDING') throw conflict('The guild could not be founded; the fee was refunded.');
    if (await this.deps.store.membership(work.tx, founding.userId)) throw alreadyInGuild();
    await this.assertNameAndTagFree(work.tx, settings, founding.userId);
    const guild = await this.found(work, settings, founding.userId);
    await this.deps.store.moveFounding(work.tx, founding.id, 'PENDING', 'DONE', guild.id);
    return guild;
  }

  private async lockFounding(tx: Tx, settings: GuildSettings, userId: string): Promise<void> {
    await this.deps.store.lockKeys(tx, [`guild-name:${settings.nameKey}`, `guild-tag:${settings.tagKey}`, playerLock(userId)]);
  }

  private async assertNameAndTagFree(tx: Tx, settings: GuildSettings, userId: string): Promise<void> {
    const taken = await this.deps.store.taken(tx, settings.nameKey, settings.tagKey);
    const held = await this.deps.store.pendingFoundingsHolding(tx, settings.nameKey, settings.tagKey, userId);
    if (taken.name || held.name) throw conflict('A guild with this name exists already.', 'name');
    if (taken.tag || held.tag) throw conflict('A guild with this tag exists already.', 'tag');
  }

  /** The guild, its MASTER and its room, in the caller's unit of work. */
  private async found(work: PrismaWork, settings: GuildSettings, userId: string): Promise<GuildRow> {
    const { tx } = work;
    const at = this.now();
    // The first master joined when the guild was founded: one instant for both.
    const guild = await this.deps.store.create(tx, { ...settings, maxMembers: this.deps.maxMembers, createdBy: userId, createdAt: at });
    await this.deps.store.addMember(tx, { guildId: guild.id, userId, role: 'MASTER', joinedAt: at });
    await this.deps.store.deleteRequestsOf(tx, userId);
    // The room holds as many as the guild may ever hold: the guild's own seats are the limit, checked first.
    await this.deps.chat.createGuildRoom(work, { guildId: guild.id, name: guild.name, founderId: userId, maxMembers: maxMembersAt(GUILD_MAX_LEVEL, this.deps.maxMembers) });
    await work.record('guild.created', { guildId: guild.id, founderId: userId, createdAt: at.toISOString() });
    return this.reread(work, guild);
  }

  /**
   * Joins a guild: at once when it is public without approval, otherwise a pending request its
   * officers are told of (inbox and live). A retry changes nothing: a member gets JOINED again, a
   * player who asked already gets their request again.
   */
  async joinGuild(viewer: Viewer, guildId: string): Promise<JoinGuildResult> {
    const userId = requireUser(viewer);
    // A full guild answers at once, without queueing on its lock (the locked count below decides).
    const [seen] = await this.deps.store.findByIds([guildId]);
    if (seen && seen.memberCount >= seen.maxMembers && (await this.deps.store.membershipsOf([userId]))[0]?.guildId !== guildId) assertHasSeat(seen.maxMembers, seen.memberCount);
    return this.deps.work.run(async (work) => {
      const { tx } = work;
      const guild = await this.deps.store.lock(tx, guildId);
      if (!guild) throw new NotFoundError('Guild', guildId);
      await this.deps.store.lockKeys(tx, [playerLock(userId)]);
      const current = await this.deps.store.membership(tx, userId);
      if (current?.guildId === guild.id) return { status: 'JOINED', guild, request: null };
      if (current) throw alreadyInGuild();
      const pending = await this.deps.store.findRequestOf(tx, guild.id, userId);
      if (pending) return { status: 'REQUESTED', guild, request: pending };
      const outcome = joinOutcome(guild, await this.deps.store.countMembers(tx, guild.id), await this.deps.store.levelOf(tx, userId));
      if (outcome === 'JOINED') {
        await this.admit(work, guild, userId);
        return { status: 'JOINED', guild: await this.reread(work, guild), request: null };
      }
      const request = await this.deps.store.createRequest(tx, { guildId: guild.id, userId, createdAt: this.now() });
      const officers = await this.deps.store.membersWithRoles(tx, guild.id, REQUEST_HANDLERS);
      await this.notify(work, officers, { kind: 'JOIN_REQUESTED', guild, subjectId: userId, requestId: request.id });
      return { status: 'REQUESTED', guild, request };
    }, QUEUED_ON_GUILD);
  }

  /** An officer's yes to a pending request: the player becomes a MEMBER (a seat permitting) and is told. */
  async approveJoinRequest(viewer: Viewer, requestId: string): Promise<{ guild: GuildRow; member: GuildMemberRow }> {
    return this.decide(viewer, requestId, async (work, guild, request) => {
      await this.deps.store.lockKeys(work.tx, [playerLock(request.userId)]);
      if (await this.deps.store.membership(work.tx, request.userId)) throw conflict('The player joined another guild meanwhile.');
      assertHasSeat(guild.maxMembers, await this.deps.store.countMembers(work.tx, guild.id));
      const member = await this.admit(work, guild, request.userId);
      await this.notify(work, [request.userId], { kind: 'JOIN_APPROVED', guild, subjectId: request.userId, requestId: request.id });
      return { guild: await this.reread(work, guild), member };
    }, (work, userId) => this.goneRequest(work, userId, requestId));
  }

  /**
   * An approval's answer when the request is gone: the approver's JOIN_REQUESTED notice says whose
   * it was, so one that lapsed when its player joined another guild answers CONFLICT.
   */
  private async goneRequest(work: PrismaWork, approverId: string, requestId: string): Promise<Error> {
    const { tx } = work;
    const notice = await this.deps.store.noticeAbout(tx, approverId, 'JOIN_REQUESTED', requestId);
    const approver = notice && (await this.deps.store.membership(tx, approverId));
    const mayDecide = !!notice && approver?.guildId === notice.guildId && mayAct(approver.role, 'MANAGE_JOIN_REQUESTS');
    const decided = mayDecide
      && !!((await this.deps.store.noticeAbout(tx, notice.subjectId, 'JOIN_APPROVED', requestId)) ?? (await this.deps.store.noticeAbout(tx, notice.subjectId, 'JOIN_REJECTED', requestId)));
    const player = mayDecide ? await this.deps.store.membership(tx, notice.subjectId) : null;
    return goneAnswer({ kind: 'GuildJoinRequest', id: requestId, guildId: mayDecide ? notice.guildId : null, decided, playerGuildId: player?.guildId ?? null });
  }

  /** An officer's no to a pending request: it is gone, and the player is told. */
  async rejectJoinRequest(viewer: Viewer, requestId: string): Promise<{ guild: GuildRow; requestId: string }> {
    return this.decide(viewer, requestId, async (work, guild, request) => {
      await this.deps.store.deleteRequest(work.tx, request.id);
      await this.notify(work, [request.userId], { kind: 'JOIN_REJECTED', guild, subjectId: request.userId, requestId: request.id });
      return { guild, requestId: request.id };
    });
  }

  /** The asking player withdraws their own request. */
  async cancelJoinRequest(viewer: Viewer, requestId: string): Promise<{ requestId: string }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async ({ tx }) => {
      const request = await this.deps.store.findRequest(tx, requestId);
      // Someone else's request looks like no request.
      if (!request || request.userId !== userId) throw new NotFoundError('GuildJoinRequest', requestId);
      await this.deps.store.deleteRequest(tx, request.id);
      return { requestId: request.id };
    });
  }

  /** Leaves the viewer's guild; the last member's leaving disbands it. */
  async leaveGuild(viewer: Viewer): Promise<{ guildId: string; disbanded: boolean }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      const outcome = leaveOutcome(actor.role, await this.deps.store.countMembers(work.tx, guild.id));
      await this.dismiss(work, guild, userId, null);
      if (outcome === 'DISBANDED') {
        await this.deps.store.delete(work.tx, guild.id);
        await work.record('guild.disbanded', { guildId: guild.id, disbandedAt: this.now().toISOString() });
      }
      return { guildId: guild.id, disbanded: outcome === 'DISBANDED' };
    });
  }

  /** Changes the viewer's guild's description and joining rules (EDIT_SETTINGS). */
  async updateSettings(viewer: Viewer, input: GuildSettingsChange): Promise<GuildRow> {
    const userId = requireUser(viewer);
    const change = validateSettingsChange(input);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, 'EDIT_SETTINGS');
      const updated = await this.deps.store.updateSettings(work.tx, guild.id, change);
      this.changed(work, guild.id);
      work.publish(guildUpdated, guild.id, { id: guild.id });
      return updated;
    });
  }

  /** Ends the viewer's guild (DISBAND): every member leaves it and its room; pending requests go with it. */
  async disband(viewer: Viewer): Promise<{ guildId: string }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, 'DISBAND');
      for (const memberId of await this.deps.store.memberIds(work.tx, guild.id)) await this.dismiss(work, guild, memberId, memberId === userId ? null : userId, false);
      await this.deps.store.delete(work.tx, guild.id);
      await work.record('guild.disbanded', { guildId: guild.id, disbandedAt: this.now().toISOString() });
      return { guildId: guild.id };
    });
  }

  /**
   * Invites a player who is in no guild to the viewer's guild (INVITE); they get an INVITED notice
   * and may accept, which joins them without approval. Inviting them again answers the same invitation.
   */
  async invite(viewer: Viewer, targetId: string): Promise<{ guild: GuildRow; invitation: GuildInvitationRow }> {
    const userId = requireUser(viewer);
    if (targetId === userId) throw new BadUserInputError('You are in this guild already.', 'userId');
    if (this.deps.players) await requireKnownPlayer(this.deps.players, targetId);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, 'INVITE');
      await this.deps.store.lockKeys(work.tx, [playerLock(targetId)]);
      const target = await this.deps.store.membership(work.tx, targetId);
      if (target) throw conflict(target.guildId === guild.id ? 'The player is a member already.' : 'The player is in another guild.', 'userId');
      const existing = await this.deps.store.findInvitationOf(work.tx, guild.id, targetId);
      if (existing) return { guild, invitation: existing };
      const invitation = await this.deps.store.createInvitation(work.tx, { guildId: guild.id, userId: targetId, invitedBy: userId, createdAt: this.now() });
      await this.notify(work, [targetId], { kind: 'INVITED', guild, subjectId: userId, requestId: invitation.id });
      return { guild, invitation };
    });
  }

  /** The invited player accepts: a MEMBER at once (seats and the minimum level still apply). */
  async acceptInvitation(viewer: Viewer, invitationId: string): Promise<{ guild: GuildRow; member: GuildMemberRow }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const found = await this.deps.store.findInvitation(work.tx, invitationId);
      if (!found) {
        // An invitation that lapsed when the player joined another guild: their INVITED notice names it.
        const notice = await this.deps.store.noticeAbout(work.tx, userId, 'INVITED', invitationId);
        const current = notice && (await this.deps.store.membership(work.tx, userId));
        throw goneAnswer({ kind: 'GuildInvitation', id: invitationId, guildId: notice?.guildId ?? null, decided: false, playerGuildId: current?.guildId ?? null });
      }
      // Someone else's invitation looks like no invitation.
      if (found.userId !== userId) throw new NotFoundError('GuildInvitation', invitationId);
      const guild = await this.deps.store.lock(work.tx, found.guildId);
      await this.deps.store.lockKeys(work.tx, [playerLock(userId)]);
      const invitation = await this.deps.store.findInvitation(work.tx, invitationId);
      if (!guild || !invitation) throw new NotFoundError('GuildInvitation', invitationId);
      if (await this.deps.store.membership(work.tx, userId)) throw alreadyInGuild();
      assertMeetsLevel(guild.minLevel, await this.deps.store.levelOf(work.tx, userId));
      assertHasSeat(guild.maxMembers, await this.deps.store.countMembers(work.tx, guild.id));
      const member = await this.admit(work, guild, userId);
      return { guild: await this.reread(work, guild), member };
    }, QUEUED_ON_GUILD);
  }

  /** The invited player says no: the invitation is gone. */
  async declineInvitation(viewer: Viewer, invitationId: string): Promise<{ invitationId: string }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async ({ tx }) => {
      const invitation = await this.deps.store.findInvitation(tx, invitationId);
      if (!invitation || invitation.userId !== userId) throw new NotFoundError('GuildInvitation', invitationId);
      await this.deps.store.deleteInvitation(tx, invitation.id);
      return { invitationId: invitation.id };
    });
  }

  /** Removes a member ranked below the viewer (KICK). */
  async kickMember(viewer: Viewer, targetId: string): Promise<{ guild: GuildRow; userId: string }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, 'KICK');
      const target = await this.memberOf(work, guild, targetId);
      assertMayKick(actor.role, target.role);
      await this.dismiss(work, guild, target.userId, userId);
      return { guild: await this.reread(work, guild), userId: target.userId };
    });
  }

  /** Moves a member one rank up or down (PROMOTE / DEMOTE), within what the viewer's rank allows. */
  async changeRank(viewer: Viewer, targetId: string, step: 'up' | 'down'): Promise<{ guild: GuildRow; member: GuildMemberRow }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, step === 'up' ? 'PROMOTE' : 'DEMOTE');
      const target = await this.memberOf(work, guild, targetId);
      const to = rankAfterChange(actor.role, target.role, step);
      const member = await this.deps.store.setRole(work.tx, target.userId, to);
      await this.recordRole(work, guild, member, target.role, userId);
      return { guild, member };
    });
  }

  /** Hands the MASTER rank to another member (TRANSFER_MASTERSHIP); the former master becomes an OFFICER. */
  async transferMastership(viewer: Viewer, targetId: string): Promise<{ guild: GuildRow; master: GuildMemberRow; previousMaster: GuildMemberRow }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, 'TRANSFER_MASTERSHIP');
      assertTransferTarget(userId, targetId);
      const target = await this.memberOf(work, guild, targetId);
      const master = await this.deps.store.setRole(work.tx, target.userId, 'MASTER');
      const previousMaster = await this.deps.store.setRole(work.tx, userId, 'OFFICER');
      await this.recordRole(work, guild, master, target.role, userId);
      await this.recordRole(work, guild, previousMaster, 'MASTER', userId);
      return { guild, master, previousMaster };
    });
  }

  /** A guild's pending requests (MANAGE_JOIN_REQUESTS in it); null for anyone else. */
  async joinRequests(viewer: Viewer, guild: GuildRow, args: ConnectionArgs, membership: (userId: string) => Promise<{ guildId: string; role: GuildRole } | undefined>): Promise<Connection<GuildJoinRequestRow> | null> {
    const request = timeIdPageRequest(args);
    const member = viewer.userId ? await membership(viewer.userId) : undefined;
    if (!member || member.guildId !== guild.id || !mayAct(member.role, 'MANAGE_JOIN_REQUESTS')) return null;
    return toConnection(await this.deps.store.joinRequestPage(guild.id, request), request, createdKey);
  }

  /** The viewer's own guild inbox, newest first; null for anyone else's. */
  async notifications(viewer: Viewer, userId: string, args: ConnectionArgs): Promise<Connection<GuildNotificationRow> | null> {
    const request = timeIdPageRequest(args);
    if (viewer.kind === 'service' || viewer.userId !== userId) return null;
    return toConnection(await this.deps.store.notificationPage(userId, request), request, createdKey);
  }

  /**
   * Guilds matching the text (every word a prefix of a word of the name, tag or description),
   * most relevant first (an exact tag first of all), or every guild by XP without text.
   * Cursors are positions in the ranked list.
   */
  async searchGuilds(args: { text?: string | null; isPublic?: boolean | null; hasSpace?: boolean | null; minLevel?: number | null; first?: number | null; after?: string | null }): Promise<Connection<GuildRow>> {
    const terms = searchTerms(args.text);
    const request = pageRequest<unknown>({ first: args.first, after: args.after });
    const skip = request.cursor == null ? 0 : parseOffset(request.cursor);
    if (args.minLevel != null && (!Number.isInteger(args.minLevel) || args.minLevel < 1)) throw new BadUserInputError('minLevel is a level, 1 or more.', 'minLevel');
    const rows = await this.deps.store.search({
      query: terms ? prefixQuery(terms) : null,
      tag: terms?.length === 1 ? terms[0]!.toUpperCase() : null,
      isPublic: args.isPublic ?? null,
      hasSpace: args.hasSpace ?? null,
      level: args.minLevel ?? null,
      skip,
      take: request.take,
    });
    return toConnection(rows, request, (row) => skip + rows.indexOf(row) + 1);
  }

  /** The guild as stored now, or null once disbanded. */
  async guildNow(guildId: string): Promise<GuildRow | null> {
    return (await this.deps.store.findByIds([guildId]))[0] ?? null;
  }

  /** A guild's changes as they commit (live only). */
  liveGuild(guildId: string): AsyncIterableIterator<{ id: string }> {
    return guildUpdated.subscribe(this.deps.redis, guildId);
  }

  /** The viewer's guild notices as they arrive (live only: the inbox holds the ones before). */
  liveNotifications(viewer: Viewer): AsyncIterableIterator<GuildNotificationEvent> {
    return guildNotification.subscribe(this.deps.redis, requireUser(viewer));
  }

  private async decide<T>(
    viewer: Viewer,
    requestId: string,
    fn: (work: PrismaWork, guild: GuildRow, request: GuildJoinRequestRow) => Promise<T>,
    onGone?: (work: PrismaWork, userId: string) => Promise<Error>,
  ): Promise<T> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const found = await this.deps.store.findRequest(work.tx, requestId);
      if (!found) throw onGone ? await onGone(work, userId) : new NotFoundError('GuildJoinRequest', requestId);
      const guild = await this.deps.store.lock(work.tx, found.guildId);
      const actor = await this.deps.store.membership(work.tx, userId);
      // Requests to other guilds are not the viewer's business: FORBIDDEN, as for a rank without the right.
      assertMayAct(actor?.guildId === found.guildId ? actor.role : 'RECRUIT', 'MANAGE_JOIN_REQUESTS');
      const request = await this.deps.store.findRequest(work.tx, requestId);
      if (!guild || !request) throw new NotFoundError('GuildJoinRequest', requestId);
      return fn(work, guild, request);
    });
  }

  /** The viewer's guild, locked, and their membership read under the lock. */
  private async actorInOwnGuild(work: PrismaWork, userId: string): Promise<{ guild: GuildRow; actor: GuildMemberRow }> {
    const before = await this.deps.store.membership(work.tx, userId);
    if (!before) throw notInGuild();
    const guild = await this.deps.store.lock(work.tx, before.guildId);
    const actor = await this.deps.store.membership(work.tx, userId);
    if (!guild || !actor || actor.guildId !== guild.id) throw notInGuild();
    return { guild, actor };
  }

  /** The guild as this transaction left it (its member count follows its members by trigger). */
  private async reread(work: PrismaWork, guild: GuildRow): Promise<GuildRow> {
    return (await this.deps.store.findOne(work.tx, guild.id)) ?? guild;
  }

  private async memberOf(work: PrismaWork, guild: GuildRow, userId: string): Promise<GuildMemberRow> {
    const member = await this.deps.store.membership(work.tx, userId);
    if (!member || member.guildId !== guild.id) throw new NotFoundError('GuildMember', userId);
    return member;
  }

  /** Makes the player a MEMBER of the locked guild and of its room; their other requests lapse. */
  private async admit(work: PrismaWork, guild: GuildRow, userId: string): Promise<GuildMemberRow> {
    const at = this.now();
    // The members before the newcomer (a room made now announces only the newcomer's join).
    await this.ensureRoom(work, guild);
    const member = await this.deps.store.addMember(work.tx, { guildId: guild.id, userId, role: 'MEMBER', joinedAt: at });
    await this.deps.store.deleteRequestsOf(work.tx, userId);
    await this.deps.store.deleteInvitationsOf(work.tx, userId);
    await this.deps.chat.addGuildMember(work, { guildId: guild.id, userId });
    await work.record('guild.member_joined', { guildId: guild.id, userId, joinedAt: at.toISOString() });
    this.changed(work, guild.id);
    return member;
  }

  private async dismiss(work: PrismaWork, guild: GuildRow, userId: string, byUserId: string | null, repairRoom = true): Promise<void> {
    await this.deps.store.removeMember(work.tx, userId);
    if (repairRoom) await this.ensureRoom(work, guild);
    await this.deps.chat.removeGuildMember(work, { guildId: guild.id, userId });
    await work.record('guild.member_left', { guildId: guild.id, userId, byUserId, leftAt: this.now().toISOString() });
    this.changed(work, guild.id);
  }

  /**
   * A guild written before guilds had rooms (or by hand) gets its GUILD room with its members the
   * first time its membership changes (docs/decisions.md, "Guilds without a room get one when their
   * membership changes"); for every other guild this is one lookup.
   */
  private async ensureRoom(work: PrismaWork, guild: GuildRow): Promise<void> {
    const memberIds = () => this.deps.store.memberIds(work.tx, guild.id);
    await this.deps.chat.ensureGuildRoom(work, { guildId: guild.id, name: guild.name, createdBy: guild.createdBy, memberIds, maxMembers: maxMembersAt(GUILD_MAX_LEVEL, this.deps.maxMembers) });
  }

  /** Drops the guild's cached pages once the change commits (its new version already hides them). */
  private changed(work: PrismaWork, guildId: string): void {
    const pages = this.deps.pages;
    if (pages) work.afterCommit(() => pages.forget([guildId]));
  }

  private async recordRole(work: PrismaWork, guild: GuildRow, member: GuildMemberRow, previousRole: GuildRole, byUserId: string): Promise<void> {
    await work.record('guild.role_changed', { guildId: guild.id, userId: member.userId, role: member.role, previousRole, byUserId, changedAt: this.now().toISOString() });
    this.changed(work, guild.id);
  }

  private async notify(
    work: PrismaWork,
    userIds: readonly string[],
    notice: { kind: GuildNotificationRow['kind']; guild: GuildRow; subjectId: string; requestId: string | null },
  ): Promise<void> {
    const createdAt = this.now();
    const rows = await this.deps.store.insertNotifications(
      work.tx,
      userIds.map((userId) => ({ userId, kind: notice.kind, guildId: notice.guild.id, guildName: notice.guild.name, subjectId: notice.subjectId, requestId: notice.requestId, createdAt })),
    );
    for (const row of rows) work.publish(guildNotification, row.userId, row);
  }
}

const conflict = (message: string, field?: string) => new ConflictError(message, field);

/** A search cursor: the position after which the next page starts. */
function parseOffset(raw: unknown): number {
  if (!Number.isInteger(raw) || (raw as number) < 0 || (raw as number) > 100_000) throw new BadUserInputError('after is not a valid cursor.', 'after');
  return raw as number;
}
