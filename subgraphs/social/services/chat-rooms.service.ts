import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { readableRoomKinds } from '../domain/chat-messages.js';
import { DEFAULT_ROOMS, type ChatRoomKind } from '../domain/chat-rooms.js';
import { chatRoomKey, type ChatRoomRow, type ChatRoomsStore } from '../store/chat-rooms.store.js';

export class ChatRoomsService {
  constructor(private readonly store: ChatRoomsStore) {}

  /** A page of the rooms the viewer may read, oldest first. */
  async listRooms(filter: { kind?: ChatRoomKind | null }, args: ConnectionArgs): Promise<Connection<ChatRoomRow>> {
    const page = timeIdPageRequest(args);
    return toConnection(await this.store.page({ kinds: readableRoomKinds(filter.kind) }, page), page, chatRoomKey);
  }

  /** Makes sure the rooms every player expects exist; safe to run on every boot of every replica. */
  async ensureDefaultRooms(): Promise<void> {
    for (const room of DEFAULT_ROOMS) await this.store.ensure(room);
  }
}
