import type { Viewer } from '../../../platform/auth.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { assertReadable, DEFAULT_ROOMS, isRestricted, mayRead, PUBLIC_ROOM_KINDS, type ChatRoomKind, type Reader } from '../domain/chat-rooms.js';
import type { ChatMembersStore } from '../store/chat-members.store.js';
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

  /** Makes sure the rooms every player expects exist; safe to run on every boot of every replica. */
  async ensureDefaultRooms(): Promise<void> {
    for (const room of DEFAULT_ROOMS) await this.deps.store.ensure(room);
  }
}
