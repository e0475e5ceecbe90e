import type { ChatRoom, ChatRoomKind } from '../../../generated/prisma/client.js';
import { pgArray, type Prisma, type PrismaClient, type Sql } from '../../../platform/db/index.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { findByUuids } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';
import type { RoomSpec } from '../domain/chat-rooms.js';

/** A chat room row as resolvers receive it (the GraphQL `ChatRoom` mapper). */
export type ChatRoomRow = ChatRoom;

/** Where a room sits in the list: rooms are listed oldest first, ties broken by id. */
export const chatRoomKey = (row: ChatRoomRow): TimeIdKey => ({ at: row.createdAt, id: row.id });

export class ChatRoomsStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot read (findByIds). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /**
   * Rows for the ids, in the same order, undefined where missing: one query for any number. Raw
   * SQL on the port (docs/database.md, hot path): every chat page resolves its room here, and
   * Prisma's runtime was ≈ 23% of this process's busy CPU there (issue 14). Every column of
   * `ChatRoom`, aliased to its field.
   */
  findByIds(ids: readonly string[]): Promise<(ChatRoomRow | undefined)[]> {
    return findByUuids(ids, (uuids) =>
      this.sql.query<ChatRoomRow>(
        `SELECT id::text AS id, name, kind::text AS kind, description, max_members AS "maxMembers",
                created_by::text AS "createdBy", created_at AS "createdAt", last_seq AS "lastSeq"
         FROM chat_rooms WHERE id = ANY($1::uuid[])`,
        [pgArray(uuids)],
      ),
    );
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
