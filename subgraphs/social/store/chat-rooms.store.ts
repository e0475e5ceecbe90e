import type { ChatRoom, ChatRoomKind } from '../../../generated/prisma/client.js';
import type { Prisma, PrismaClient } from '../../../platform/db/index.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import type { PageRequest } from '../../../platform/pagination.js';
import type { RoomSpec } from '../domain/chat-rooms.js';

/** A chat room row as resolvers receive it (the GraphQL `ChatRoom` mapper). */
export type ChatRoomRow = ChatRoom;

/** Where a room sits in the list: rooms are listed oldest first, ties broken by id. */
export type ChatRoomKey = { createdAt: Date; id: string };
export const chatRoomKey = (row: ChatRoomRow): ChatRoomKey => ({ createdAt: row.createdAt, id: row.id });

/** The key a client sent back in a cursor; anything else is their mistake, not ours. */
export function parseChatRoomKey(raw: unknown, field: string): ChatRoomKey {
  const { createdAt, id } = (raw ?? {}) as Record<string, unknown>;
  const at = typeof createdAt === 'string' ? new Date(createdAt) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw new BadUserInputError(`${field} is not a valid cursor.`, field);
  }
  return { createdAt: at, id };
}

export class ChatRoomsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  async findByIds(ids: readonly string[]): Promise<(ChatRoomRow | undefined)[]> {
    // Ids that are not UUIDs match nobody; PostgreSQL would reject them in the query.
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.prisma.chatRoom.findMany({ where: { id: { in: valid } } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** One keyset page (plus one row to tell whether more exist), in the request's direction. */
  page(filter: { kind?: ChatRoomKind | null }, request: PageRequest<ChatRoomKey>): Promise<ChatRoomRow[]> {
    const forward = request.direction === 'forward';
    const where: Prisma.ChatRoomWhereInput = filter.kind ? { kind: filter.kind } : {};
    const cursor = request.cursor;
    const beyond = <V>(value: V) => (forward ? { gt: value } : { lt: value });
    return this.prisma.chatRoom.findMany({
      where: cursor
        ? { AND: [where, { OR: [{ createdAt: beyond(cursor.createdAt) }, { createdAt: cursor.createdAt, id: beyond(cursor.id) }] }] }
        : where,
      orderBy: forward ? [{ createdAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }],
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
