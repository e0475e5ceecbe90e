import { requireUser, type Viewer } from '../../../platform/auth.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { decodeCursor } from '../../../platform/pagination.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { nextReadMark, parseMessageKey, UNREAD_CAP } from '../domain/chat-messages.js';
import {
  announcesJoin,
  assertKickable,
  assertMayLeave,
  assertMayManageMembers,
  assertMayModerate,
  assertReadable,
  assertRoomHasSpace,
  isOpenToJoin,
  joinedText,
  validatePartySize,
  validateRoomName,
  validateSlowMode,
  type ChatPostPolicy,
} from '../domain/chat-rooms.js';
import type { BlocksStore } from '../store/blocks.store.js';
import type { ChatMemberRow, ChatMembersStore } from '../store/chat-members.store.js';
import type { ChatMessageRow } from '../store/chat-messages.store.js';
import type { ChatRoomRow, ChatRoomsStore } from '../store/chat-rooms.store.js';
import type { PlayersStore } from '../store/players.store.js';
import type { ChatMessagesService } from './chat-messages.service.js';
import { readerOf } from './chat-rooms.service.js';
import { requireKnownPlayer, waitForPlayer } from './known-players.js';

export interface ChatMembershipServiceDeps {
  work: UnitOfWork;
  rooms: ChatRoomsStore;
  members: ChatMembersStore;
  blocks: BlocksStore;
  players: PlayersStore;
  messages: ChatMessagesService;
  /** The most players a party may hold. */
  partyMaxMembers: number;
  now?: () => Date;
}

/** How many messages joinRoom answers with. */
export const JOIN_HISTORY = 50;

/** Who belongs to which room: joining and leaving, parties, guild rooms, read marks. */
export class ChatMembershipService {
  constructor(private readonly deps: ChatMembershipServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Joins a room (GLOBAL and SYSTEM rooms: anyone signed in; the others: their members, for whom
   * it changes nothing) and answers it with its newest messages.
   */
  async joinRoom(viewer: Viewer, roomId: string): Promise<{ room: ChatRoomRow; messages: ChatMessageRow[]; joined: boolean }> {
    const userId = requireUser(viewer);
    // The join message names the player: give a registration still on the bus a moment (best effort).
    await waitForPlayer(this.deps.players, userId);
    const joined = await this.deps.work.run(async (work) => {
      const room = await this.deps.rooms.lock(work.tx, roomId);
      const member = room ? await this.deps.members.findOne(room.id, userId, work.tx) : undefined;
      if (member) return false;
      // Restricted rooms take members through their owner, guild or pair only.
      if (!room || !isOpenToJoin(room.kind)) throw new NotFoundError('ChatRoom', roomId);
      await this.addMember(work, room, userId, null);
      return true;
    });
    const [room] = await this.deps.rooms.findByIds([roomId]);
    return { room: room!, messages: await this.deps.messages.newest(roomId, JOIN_HISTORY), joined };
  }

  /** Leaves a room; a party's owner hands it to its longest-standing member. */
  async leaveRoom(viewer: Viewer, roomId: string): Promise<{ roomId: string; left: boolean }> {
    const userId = requireUser(viewer);
    return this.deps.work.run(async (work) => {
      const room = await this.deps.rooms.lock(work.tx, roomId);
      const member = room ? await this.deps.members.findOne(room.id, userId, work.tx) : undefined;
      assertReadable(room, roomId, readerOf(viewer), Boolean(member));
      assertMayLeave(room!.kind);
      if (!member) return { roomId, left: false };
      await this.removeMember(work, room!, userId, null);
      if (member.role === 'OWNER') {
        const heir = await this.deps.members.oldestMember(work.tx, roomId);
        if (heir) await this.deps.members.setRole(work.tx, roomId, heir.userId, 'OWNER');
      }
      return { roomId, left: true };
    });
  }

  /** Creates a PARTY room owned (and joined) by the viewer. */
  async createParty(viewer: Viewer, input: { name: string; maxMembers?: number | null }): Promise<ChatRoomRow> {
    const userId = requireUser(viewer);
    const name = validateRoomName(input.name);
    const maxMembers = validatePartySize(input.maxMembers, this.deps.partyMaxMembers);
    await waitForPlayer(this.deps.players, userId);
    const id = await this.deps.work.run(async (work) => {
      const created = await this.deps.rooms.create(work.tx, { name, kind: 'PARTY', maxMembers, createdBy: userId, description: '' });
      const room = (await this.deps.rooms.lock(work.tx, created.id))!;
      await this.addMember(work, room, userId, null, 'OWNER');
      return room.id;
    });
    return (await this.deps.rooms.findByIds([id]))[0]!;
  }

  /** Adds a player to a party (its owner, or staff). */
  async inviteToParty(viewer: Viewer, input: { roomId: string; userId: string }): Promise<{ room: ChatRoomRow; added: boolean }> {
    const actorId = requireUser(viewer);
    if (input.userId === actorId) throw new BadUserInputError('You are in this party already.', 'userId');
    await requireKnownPlayer(this.deps.players, input.userId);
    const added = await this.deps.work.run(async (work) => {
      const room = await this.manageableParty(work, viewer, actorId, input.roomId);
      // Someone who blocked the inviter (or whom they blocked) looks like nobody, as users answers.
      if (!isUuid(input.userId) || (await this.deps.blocks.isEitherBlocking(actorId, input.userId, work.tx))) throw new NotFoundError('User', input.userId);
      if (await this.deps.members.findOne(room.id, input.userId, work.tx)) return false;
      await this.addMember(work, room, input.userId, actorId);
      return true;
    });
    return { room: (await this.deps.rooms.findByIds([input.roomId]))[0]!, added };
  }

  /** Removes a member from a party (its owner, or staff). */
  async kickFromParty(viewer: Viewer, input: { roomId: string; userId: string }): Promise<{ room: ChatRoomRow; removed: boolean }> {
    const actorId = requireUser(viewer);
    const removed = await this.deps.work.run(async (work) => {
      const room = await this.manageableParty(work, viewer, actorId, input.roomId);
      const target = isUuid(input.userId) ? await this.deps.members.findOne(room.id, input.userId, work.tx) : undefined;
      if (!target) {
        if (input.userId === actorId) assertKickable({ userId: actorId, role: 'MEMBER' }, actorId);
        return false;
      }
      assertKickable(target, actorId);
      await this.removeMember(work, room, input.userId, actorId);
      return true;
    });
    return { room: (await this.deps.rooms.findByIds([input.roomId]))[0]!, removed };
  }

  /** Changes slow mode and who may post (staff; a party's owner in their party). */
  async updateSettings(viewer: Viewer, input: { roomId: string; slowModeSeconds?: number | null; postPolicy?: ChatPostPolicy | null }): Promise<ChatRoomRow> {
    const actorId = requireUser(viewer);
    const slowModeSeconds = input.slowModeSeconds == null ? undefined : validateSlowMode(input.slowModeSeconds);
    return this.deps.work.run(async ({ tx }) => {
      const room = await this.deps.rooms.lock(tx, input.roomId);
      const member = room ? await this.deps.members.findOne(room.id, actorId, tx) : undefined;
      assertReadable(room, input.roomId, readerOf(viewer), Boolean(member));
      if (room!.kind === 'PRIVATE' || room!.kind === 'SYSTEM') throw new ForbiddenError('Private and system rooms have no settings to change.');
      assertMayModerate(room!, { role: viewer.role, isOwner: member?.role === 'OWNER' });
      return this.deps.rooms.updateSettings(tx, room!.id, { slowModeSeconds, postPolicy: input.postPolicy ?? undefined });
    });
  }

  /** Moves the viewer's read mark in a room forward (to its newest message without `upTo`). */
  async markRead(viewer: Viewer, input: { roomId: string; upTo?: string | null }): Promise<{ room: ChatRoomRow; member: ChatMemberRow; unreadCount: number }> {
    const userId = requireUser(viewer);
    const upTo = input.upTo == null ? null : parseMessageKey(decodeCursor<unknown>(input.upTo, 'upTo'), 'upTo');
    const [room] = await this.deps.rooms.findByIds([input.roomId]);
    const member = room ? await this.deps.members.findOne(room.id, userId) : undefined;
    assertReadable(room, input.roomId, readerOf(viewer), Boolean(member));
    if (!member) throw new ForbiddenError('Only members have read marks: join the room first.');
    const newest = room!.lastSeq;
    const mark = nextReadMark(member.lastReadSeq, upTo ?? newest ?? 0n, newest);
    const updated = mark > member.lastReadSeq ? await this.deps.members.markRead(room!.id, userId, mark, this.now()) : member;
    const [unreadCount] = await this.deps.members.unreadCounts([{ roomId: room!.id, userId }], UNREAD_CAP);
    return { room: room!, member: updated ?? member, unreadCount: unreadCount! };
  }

  /**
   * Creates a guild's GUILD room inside the guild work's own unit of work (no GraphQL: the guild
   * service calls it when a guild is founded), with its founder as first member. Idempotent per
   * guild: a second call answers the existing room.
   */
  async createGuildRoom(work: PrismaWork, input: { guildId: string; name: string; founderId: string; maxMembers: number }): Promise<ChatRoomRow> {
    const existing = await this.deps.rooms.findByGuild(input.guildId, work.tx);
    if (existing) return existing;
    const created = await this.deps.rooms.create(work.tx, {
      name: validateRoomName(input.name),
      kind: 'GUILD',
      maxMembers: input.maxMembers,
      createdBy: input.founderId,
      guildId: input.guildId,
      description: '',
    });
    const room = (await this.deps.rooms.lock(work.tx, created.id))!;
    await this.addMember(work, room, input.founderId, null);
    return room;
  }

  /**
   * Gives a guild without a GUILD room (written before guilds had rooms, or by hand) its room with
   * every current member, in the guild work's unit of work (the caller holds the guild's lock): no
   * join messages, as they were members before the room. False when it has one (or no members).
   */
  async ensureGuildRoom(work: PrismaWork, input: { guildId: string; name: string; createdBy: string | null; memberIds: () => Promise<readonly string[]>; maxMembers: number }): Promise<boolean> {
    if (await this.deps.rooms.findByGuild(input.guildId, work.tx)) return false;
    const memberIds = await input.memberIds();
    if (memberIds.length === 0) return false;
    const name = (() => {
      try {
        return validateRoomName(input.name);
      } catch {
        return 'Guild chat';
      }
    })();
    const room = await this.deps.rooms.create(work.tx, { name, kind: 'GUILD', maxMembers: input.maxMembers, createdBy: input.createdBy ?? memberIds[0]!, guildId: input.guildId, description: '' });
    const at = this.now().toISOString();
    for (const userId of memberIds) {
      await this.deps.members.add(work.tx, { roomId: room.id, userId, lastReadSeq: 0n });
      await work.record('chat.member_joined', { roomId: room.id, roomKind: 'GUILD', userId, byUserId: null, at });
    }
    return true;
  }

  /**
   * Adds a guild's new member to its room, in the guild work's unit of work; false when they were
   * one already, or when the guild has no room (written before guilds had rooms, or by hand): the
   * guild's own membership never fails for its room's sake.
   */
  async addGuildMember(work: PrismaWork, input: { guildId: string; userId: string }): Promise<boolean> {
    const room = await this.guildRoomLocked(work, input.guildId);
    if (!room || (await this.deps.members.findOne(room.id, input.userId, work.tx))) return false;
    await this.addMember(work, room, input.userId, null);
    return true;
  }

  /** Removes a guild's former member from its room, in the guild work's unit of work; false when they were not one (or there is no room). */
  async removeGuildMember(work: PrismaWork, input: { guildId: string; userId: string }): Promise<boolean> {
    const room = await this.guildRoomLocked(work, input.guildId);
    return room ? this.removeMember(work, room, input.userId, null) : false;
  }

  private async guildRoomLocked(work: PrismaWork, guildId: string): Promise<ChatRoomRow | undefined> {
    const found = await this.deps.rooms.findByGuild(guildId, work.tx);
    return found ? this.deps.rooms.lock(work.tx, found.id) : undefined;
  }

  /** A PARTY the actor may manage, locked; NOT_FOUND when they may not read it. */
  private async manageableParty(work: PrismaWork, viewer: Viewer, actorId: string, roomId: string): Promise<ChatRoomRow> {
    const room = await this.deps.rooms.lock(work.tx, roomId);
    const actor = room ? await this.deps.members.findOne(room.id, actorId, work.tx) : undefined;
    assertReadable(room, roomId, readerOf(viewer), Boolean(actor));
    assertMayManageMembers(room!, { role: viewer.role, isOwner: actor?.role === 'OWNER' });
    return room!;
  }

  /**
   * Makes the player a member of the locked room (its size permitting), records it, and posts the
   * join message where the room kind announces joins; their read mark starts at the room's newest
   * message, their own join included.
   */
  private async addMember(work: PrismaWork, room: ChatRoomRow, userId: string, byUserId: string | null, role: 'OWNER' | 'MEMBER' = 'MEMBER'): Promise<void> {
    assertRoomHasSpace(room);
    await this.deps.members.add(work.tx, { roomId: room.id, userId, role, lastReadSeq: room.lastSeq ?? 0n });
    room.memberCount += 1;
    await work.record('chat.member_joined', { roomId: room.id, roomKind: room.kind, userId, byUserId, at: this.now().toISOString() });
    if (!announcesJoin(room.kind)) return;
    const name = (await this.deps.players.nameOf(userId, work.tx)) ?? 'A player';
    const message = await this.deps.messages.post(work, room, { authorId: null, kind: 'MEMBER_JOINED', subjectId: userId, text: joinedText(name) });
    await this.deps.members.readOwn(work.tx, room.id, userId, message.seq);
  }

  private async removeMember(work: PrismaWork, room: ChatRoomRow, userId: string, byUserId: string | null): Promise<boolean> {
    if (!(await this.deps.members.remove(work.tx, room.id, userId))) return false;
    room.memberCount -= 1;
    await work.record('chat.member_left', { roomId: room.id, roomKind: room.kind, userId, byUserId, at: this.now().toISOString() });
    return true;
  }
}
