import type { ChatRoom, ChatRoomKind } from '../../../generated/prisma/client.js';
import type { Prisma, PrismaClient } from '../../../platform/db/index.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { findByUuids } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';
import type { RoomSpec } from '../domain/chat-rooms.js';

/** A chat room row as resolvers receive it (the GraphQL `ChatRoom` mapper). */
export type ChatRoomRow = ChatRoom;

/** Where a room sits in the list: rooms are listed oldest first, ties broken by id. */
export const chatRoomKey = (row: ChatRoomRow): TimeIdKey => ({ at: row.createdAt, id: row.id });

export class ChatRoomsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(ChatRoomRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.chatRoom.findMany({ where: { id: { in: uuids } } }));
  }

  /** One keyset page of rooms of these kinds (plus one row to tell whether more exist), in the request's direction. */
  page(filter: { kinds: readonly ChatRoomKind[] }, request: PageRequest<TimeIdKey>): Promise<ChatRoomRow[]> {
    const where: Prisma.ChatRoomWhereInput = { kind: { in: [...filter.kinds] } };
    const keyset = timeIdKeyset({ time: 'createdAt', id: 'id' }, request);
    return this.prisma.chatRoom.findMany({
      where: keyset.where ? { AND: [where, keyset.where] } : where,
      orderBy: keyset.orderBy,
      take: request.take,
    });
  }


  /**
   * Creates the room if its id is new and leaves an existing one (and any edits to it) alone.
   * ON CONFLICT DO NOTHING, so replicas booting together cannot trip over each other.
   */
  async ensure(room: RoomSpec): Promise<boolean> {
    const { count } = await this.prisma.chatRoom.createMany({ data: [room], skipDuplicates: true });
    return count > 0;
  }
}
