import type { Viewer } from '../../../platform/auth.js';
import { BadUserInputError, NotFoundError } from '../../../platform/errors.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { assertReadable, DEFAULT_ROOMS, isRestricted, mayRead, PUBLIC_ROOM_KINDS, type ChatRoomKind, type Reader } from '../domain/chat-rooms.js';
import type { ChatMemberRow, ChatMembersStore } from '../store/chat-members.store.js';
import type { SocialLoaders } from '../store/loaders.js';
import { chatRoomKey, type ChatRoomRow, type ChatRoomsStore } from '../store/chat-rooms.store.js';

export interface ChatRoomsServiceDeps {
  store: ChatRoomsStore;
  members: ChatMembersStore;
}

/** Who reads, as the room rules see them: a service token reads as nobody. */
export const readerOf = (viewer: Viewer): Reader => (viewer.kind === 'service' ? { userId: null, role: null } : { userId: viewer.userId, role: viewer.role });

export class ChatRoomsService {
  constructor(private readonly deps: ChatRoomsServiceDeps) {}

  /** A page of the rooms the viewer may read (public ones and those they belong to), oldest first. */
  async listRooms(viewer: Viewer, filter: { kind?: ChatRoomKind | null }, args: ConnectionArgs): Promise<Connection<ChatRoomRow>> {
    const page = timeIdPageRequest(args);
    const rows = await this.deps.store.page({ publicKinds: PUBLIC_ROOM_KINDS, memberId: readerOf(viewer).userId, kind: filter.kind }, page);
    return toConnection(rows, page, chatRoomKey);
  }

  /**
   * The room, read now, when the viewer may read it (mayRead in domain/chat-rooms.ts); NOT_FOUND
   * otherwise, exactly as for an unknown id, so a restricted room's existence is never revealed.
   * For subscribe-time checks and any code outside a request (no DataLoader: reads are fresh).
   */
  async requireReadable(viewer: Viewer, roomId: string): Promise<ChatRoomRow> {
    const [room] = await this.deps.store.findByIds([roomId]);
    const reader = readerOf(viewer);
    const isMember = room && isRestricted(room.kind) && reader.userId ? Boolean(await this.deps.members.findOne(roomId, reader.userId)) : false;
    return assertReadable(room, roomId, reader, isMember);
  }

  /**
   * Whether the viewer may read the room right now: the boolean form of requireReadable for
   * per-event checks on live streams (a member removed stops receiving at the next event). One
   * primary-key read per call for restricted rooms; none for public ones when `room` is given.
   */
  async canRead(viewer: Viewer, room: string | { id: string; kind: ChatRoomKind }): Promise<boolean> {
    const reader = readerOf(viewer);
    const row = typeof room === 'string' ? (await this.deps.store.findByIds([room]))[0] : room;
    if (!row) return false;
    if (!isRestricted(row.kind)) return true;
    if (!reader.userId) return false;
    return mayRead(row, reader, Boolean(await this.deps.members.findOne(row.id, reader.userId)));
  }

  /**
   * The room when the viewer may read it, or null (unknown, or restricted and not theirs): what
   * `chatRoom(id)` and entity references answer. Through the request's loaders, so a list of rooms
   * costs one membership query.
   */
  async readableRoom(viewer: Viewer, roomId: string, loaders: SocialLoaders): Promise<ChatRoomRow | null> {
    const room = await loaders.chatRoomById.load(roomId);
    if (!room) return null;
    return (await this.mayReadLoaded(viewer, room, loaders)) ? room : null;
  }

  /** The room as given, when the viewer may read it; NOT_FOUND otherwise (a room reached through a moderator's report, say). */
  async assertReadableLoaded(viewer: Viewer, room: ChatRoomRow, loaders: SocialLoaders): Promise<ChatRoomRow> {
    if (!(await this.mayReadLoaded(viewer, room, loaders))) throw new NotFoundError('ChatRoom', room.id);
    return room;
  }

  private async mayReadLoaded(viewer: Viewer, room: ChatRoomRow, loaders: SocialLoaders): Promise<boolean> {
    if (!isRestricted(room.kind)) return true;
    const reader = readerOf(viewer);
    if (!reader.userId) return false;
    return mayRead(room, reader, Boolean(await loaders.membership.load({ roomId: room.id, userId: reader.userId })));
  }

  /** A restricted room's members (at most `first`), for viewers who may read it; none for public rooms. */
  async members(viewer: Viewer, room: ChatRoomRow, first: number | null | undefined, loaders: SocialLoaders): Promise<ChatMemberRow[]> {
    const count = pageSize(first, 50, 'first');
    if (!isRestricted(room.kind) || !(await this.mayReadLoaded(viewer, room, loaders))) return [];
    return (await loaders.roomMembers.load(room.id)).slice(0, count);
  }

  /** The other member's read mark in a PRIVATE room the viewer reads; none elsewhere. */
  async readReceipts(viewer: Viewer, room: ChatRoomRow, loaders: SocialLoaders): Promise<ChatMemberRow[]> {
    if (room.kind !== 'PRIVATE' || !(await this.mayReadLoaded(viewer, room, loaders))) return [];
    return (await loaders.roomMembers.load(room.id)).filter((m) => m.userId !== viewer.userId);
  }

  /** The viewer's own membership of the room, or null. */
  async viewerMembership(viewer: Viewer, room: ChatRoomRow, loaders: SocialLoaders): Promise<ChatMemberRow | null> {
    const { userId } = readerOf(viewer);
    return userId ? ((await loaders.membership.load({ roomId: room.id, userId })) ?? null) : null;
  }

  /** The player's rooms, most recent activity first: for the player only (null for anyone else). */
  async myRooms(viewer: Viewer, userId: string, first: number | null | undefined): Promise<ChatMemberRow[] | null> {
    const count = pageSize(first, 50, 'first');
    if (readerOf(viewer).userId !== userId) return null;
    return this.deps.members.roomsOf(userId, count);
  }

  /** Makes sure the rooms every player expects exist; safe to run on every boot of every replica. */
  async ensureDefaultRooms(): Promise<void> {
    for (const room of DEFAULT_ROOMS) await this.deps.store.ensure(room);
  }
}

/** A list size argument: 0–100, `fallback` when not given. */
function pageSize(value: number | null | undefined, fallback: number, field: string): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > 100) throw new BadUserInputError(`${field} must be between 0 and 100.`, field);
  return size;
}
