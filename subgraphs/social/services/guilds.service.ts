import { requireUser, type Viewer } from '../../../platform/auth.js';
import { ConflictError, NotFoundError } from '../../../platform/errors.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { guildNotification, type GuildNotificationEvent } from '../contracts/live.js';
import {
  adjacentRank,
  assertMayAct,
  assertMayChangeRank,
  assertMayKick,
  GUILD_ROLES,
  mayAct,
  type GuildRole,
} from '../domain/guild-permissions.js';
import {
  alreadyInGuild,
  assertHasSeat,
  assertTransferTarget,
  joinOutcome,
  leaveOutcome,
  notInGuild,
  validateGuildInput,
  type GuildInput,
} from '../domain/guilds.js';
import {
  createdKey,
  type GuildJoinRequestRow,
  type GuildMemberRow,
  type GuildNotificationRow,
  type GuildRow,
  type GuildsStore,
} from '../store/guilds.store.js';
import type { ChatMembershipService } from './chat-membership.service.js';

export interface GuildsServiceDeps {
  work: UnitOfWork;
  store: GuildsStore;
  redis: RedisPort;
  /** The guild's GUILD chat room follows its membership, in the same unit of work. */
  chat: Pick<ChatMembershipService, 'createGuildRoom' | 'addGuildMember' | 'removeGuildMember'>;
  /** How many members a new guild holds. */
  maxMembers: number;
  now?: () => Date;
}

export type JoinGuildResult = { status: 'JOINED' | 'REQUESTED'; guild: GuildRow; request: GuildJoinRequestRow | null };

/** The ranks whose members are told of join requests: those the matrix lets manage them. */
const REQUEST_HANDLERS = GUILD_ROLES.filter((role) => mayAct(role, 'MANAGE_JOIN_REQUESTS'));

const playerLock = (userId: string) => `guild-player:${userId}`;

/** Guilds: founding, joining (at once or by request), leaving, kicks, ranks, mastership. */
export class GuildsService {
  constructor(private readonly deps: GuildsServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Founds a guild with the viewer as its MASTER and its GUILD chat room, in one unit of work.
   * Name, tag and the founder are locked first, so two foundings racing for a name, a tag or a
   * player queue and the second sees the first.
   */
  async createGuild(viewer: Viewer, input: GuildInput): Promise<GuildRow> {
    const userId = requireUser(viewer);
    const settings = validateGuildInput(input);
    return this.deps.work.run(async (work) => {
      const { tx } = work;
      await this.deps.store.lockKeys(tx, [`guild-name:${settings.nameKey}`, `guild-tag:${settings.tagKey}`, playerLock(userId)]);
      if (await this.deps.store.membership(tx, userId)) throw alreadyInGuild();
      const taken = await this.deps.store.taken(tx, settings.nameKey, settings.tagKey);
      if (taken.name) throw conflict('A guild with this name exists already.', 'name');
      if (taken.tag) throw conflict('A guild with this tag exists already.', 'tag');
      const at = this.now();
      const guild = await this.deps.store.create(tx, { ...settings, maxMembers: this.deps.maxMembers, createdBy: userId });
      await this.deps.store.addMember(tx, { guildId: guild.id, userId, role: 'MASTER', joinedAt: at });
      await this.deps.store.deleteRequestsOf(tx, userId);
      await this.deps.chat.createGuildRoom(work, { guildId: guild.id, name: guild.name, founderId: userId, maxMembers: guild.maxMembers });
      await work.record('guild.created', { guildId: guild.id, founderId: userId, createdAt: at.toISOString() });
      return guild;
    });
  }

  /**
   * Joins a guild: at once when it is public without approval, otherwise a pending request its
   * officers are told of (inbox and live). A retry changes nothing: a member gets JOINED again, a
   * player who asked already gets their request again.
   */
  async joinGuild(viewer: Viewer, guildId: string): Promise<JoinGuildResult> {
    const userId = requireUser(viewer);
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
        return { status: 'JOINED', guild, request: null };
      }
      const request = await this.deps.store.createRequest(tx, { guildId: guild.id, userId, createdAt: this.now() });
      const officers = await this.deps.store.membersWithRoles(tx, guild.id, REQUEST_HANDLERS);
      await this.notify(work, officers, { kind: 'JOIN_REQUESTED', guild, subjectId: userId, requestId: request.id });
      return { status: 'REQUESTED', guild, request };
    });
  }

  /** An officer's yes to a pending request: the player becomes a MEMBER (a seat permitting) and is told. */
  async approveJoinRequest(viewer: Viewer, requestId: string): Promise<{ guild: GuildRow; member: GuildMemberRow }> {
    return this.decide(viewer, requestId, async (work, guild, request) => {
      await this.deps.store.lockKeys(work.tx, [playerLock(request.userId)]);
      if (await this.deps.store.membership(work.tx, request.userId)) throw conflict('The player joined another guild meanwhile.');
      assertHasSeat(guild.maxMembers, await this.deps.store.countMembers(work.tx, guild.id));
      const member = await this.admit(work, guild, request.userId);
      await this.notify(work, [request.userId], { kind: 'JOIN_APPROVED', guild, subjectId: request.userId, requestId: request.id });
      return { guild, member };
    });
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

  /** Removes a member ranked below the viewer (KICK). */
  async kickMember(viewer: Viewer, targetId: string): Promise<{ guild: GuildRow; userId: string }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, 'KICK');
      const target = await this.memberOf(work, guild, targetId);
      assertMayKick(actor.role, target.role);
      await this.dismiss(work, guild, target.userId, userId);
      return { guild, userId: target.userId };
    });
  }

  /** Moves a member one rank up or down (PROMOTE / DEMOTE), within what the viewer's rank allows. */
  async changeRank(viewer: Viewer, targetId: string, step: 'up' | 'down'): Promise<{ guild: GuildRow; member: GuildMemberRow }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const { guild, actor } = await this.actorInOwnGuild(work, userId);
      assertMayAct(actor.role, step === 'up' ? 'PROMOTE' : 'DEMOTE');
      const target = await this.memberOf(work, guild, targetId);
      const to = adjacentRank(target.role, step);
      if (!to) throw conflict(step === 'up' ? 'The member holds the highest rank.' : 'The member holds the lowest rank already.');
      assertMayChangeRank(actor.role, target.role, to);
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

  /** The viewer's guild notices as they arrive (live only: the inbox holds the ones before). */
  liveNotifications(viewer: Viewer): AsyncIterableIterator<GuildNotificationEvent> {
    return guildNotification.subscribe(this.deps.redis, requireUser(viewer));
  }

  private async decide<T>(viewer: Viewer, requestId: string, fn: (work: PrismaWork, guild: GuildRow, request: GuildJoinRequestRow) => Promise<T>): Promise<T> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const found = await this.deps.store.findRequest(work.tx, requestId);
      if (!found) throw new NotFoundError('GuildJoinRequest', requestId);
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

  private async memberOf(work: PrismaWork, guild: GuildRow, userId: string): Promise<GuildMemberRow> {
    const member = await this.deps.store.membership(work.tx, userId);
    if (!member || member.guildId !== guild.id) throw new NotFoundError('GuildMember', userId);
    return member;
  }

  /** Makes the player a MEMBER of the locked guild and of its room; their other requests lapse. */
  private async admit(work: PrismaWork, guild: GuildRow, userId: string): Promise<GuildMemberRow> {
    const at = this.now();
    const member = await this.deps.store.addMember(work.tx, { guildId: guild.id, userId, role: 'MEMBER', joinedAt: at });
    await this.deps.store.deleteRequestsOf(work.tx, userId);
    await this.deps.chat.addGuildMember(work, { guildId: guild.id, userId });
    await work.record('guild.member_joined', { guildId: guild.id, userId, joinedAt: at.toISOString() });
    return member;
  }

  private async dismiss(work: PrismaWork, guild: GuildRow, userId: string, byUserId: string | null): Promise<void> {
    await this.deps.store.removeMember(work.tx, userId);
    await this.deps.chat.removeGuildMember(work, { guildId: guild.id, userId });
    await work.record('guild.member_left', { guildId: guild.id, userId, byUserId, leftAt: this.now().toISOString() });
  }

  private async recordRole(work: PrismaWork, guild: GuildRow, member: GuildMemberRow, previousRole: GuildRole, byUserId: string): Promise<void> {
    await work.record('guild.role_changed', { guildId: guild.id, userId: member.userId, role: member.role, previousRole, byUserId, changedAt: this.now().toISOString() });
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
