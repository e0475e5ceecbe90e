import type { ChatRoom, ChatRoomKind } from '../../../generated/prisma/client.js';
import { asSql, pgArray, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';
import type { ChatPostPolicy, RoomSpec } from '../domain/chat-rooms.js';

/** A chat room row as resolvers receive it (the GraphQL `ChatRoom` mapper). */
export type ChatRoomRow = ChatRoom;

// Every column of `chat_rooms`, aliased to the ChatRoom field (the raw reads return what Prisma would).
const ROOM_COLUMNS = `id::text AS id, name, kind::text AS kind, description, max_members AS "maxMembers",
  created_by::text AS "createdBy", created_at AS "createdAt", last_seq AS "lastSeq", last_event_seq AS "lastEventSeq",
  last_activity_at AS "lastActivityAt", slow_mode_seconds AS "slowModeSeconds", post_policy::text AS "postPolicy",
  member_count AS "memberCount", guild_id::text AS "guildId", pair_key AS "pairKey"`;

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
      this.sql.query<ChatRoomRow>(`SELECT ${ROOM_COLUMNS} FROM chat_rooms WHERE id = ANY($1::uuid[])`, [pgArray(uuids)]),
    );
  }

  /**
   * The room, locked until the transaction ends (raw SQL: `FOR UPDATE`, docs/database.md): writes
   * to one room (sends, edits, joins, leaves) queue here, so its positions commit in the order given
   * out and its member count stays true.
   */
  async lock(tx: Sql | Tx, roomId: string): Promise<ChatRoomRow | undefined> {
    if (!isUuid(roomId)) return undefined;
    const [room] = await asSql(tx).query<ChatRoomRow>(`SELECT ${ROOM_COLUMNS} FROM chat_rooms WHERE id = $1::uuid FOR UPDATE`, [roomId]);
    return room && { ...room, lastSeq: toBigInt(room.lastSeq), lastEventSeq: toBigInt(room.lastEventSeq) };
  }

  /** The PRIVATE room of a pair (see pairKey), or undefined before their first message. */
  findByPairKey(key: string, client: PrismaClient | Tx = this.prisma): Promise<ChatRoomRow | null> {
    return client.chatRoom.findUnique({ where: { pairKey: key } });
  }

  /** The GUILD room of a guild, or null. */
  findByGuild(guildId: string, client: PrismaClient | Tx = this.prisma): Promise<ChatRoomRow | null> {
    return isUuid(guildId) ? client.chatRoom.findUnique({ where: { guildId } }) : Promise.resolve(null);
  }

  /** Creates a room (a party, a guild's room, a pair's private room). */
  create(
    tx: Tx,
    data: { name: string; kind: ChatRoomRow['kind']; description?: string; maxMembers: number; createdBy?: string | null; guildId?: string; pairKey?: string },
  ): Promise<ChatRoomRow> {
    return tx.chatRoom.create({ data });
  }

  /**
   * Creates the PRIVATE room of a pair unless it exists (ON CONFLICT on the pair's unique key, so
   * two first messages racing make one room), then returns it.
   */
  async ensurePrivate(tx: Tx, key: string, createdBy: string): Promise<ChatRoomRow> {
    await tx.chatRoom.createMany({ data: [{ name: 'Private conversation', kind: 'PRIVATE', maxMembers: 2, createdBy, pairKey: key }], skipDuplicates: true });
    return (await tx.chatRoom.findUnique({ where: { pairKey: key } }))!;
  }

  /** Changes a room's settings. */
  updateSettings(tx: Tx, roomId: string, data: { slowModeSeconds?: number; postPolicy?: ChatPostPolicy }): Promise<ChatRoomRow> {
    return tx.chatRoom.update({ where: { id: roomId }, data });
  }

  /**
   * One keyset page (plus one row to tell whether more exist), in the request's direction, of the
   * rooms of the public kinds and those `memberId` belongs to, of `kind` when given.
   */
  page(
    filter: { publicKinds: readonly ChatRoomKind[]; memberId: string | null; kind?: ChatRoomKind | null },
    request: PageRequest<TimeIdKey>,
  ): Promise<ChatRoomRow[]> {
    const visible: Prisma.ChatRoomWhereInput[] = [{ kind: { in: [...filter.publicKinds] } }];
    if (filter.memberId && isUuid(filter.memberId)) visible.push({ members: { some: { userId: filter.memberId } } });
    const where: Prisma.ChatRoomWhereInput = { AND: [{ OR: visible }, ...(filter.kind ? [{ kind: filter.kind }] : [])] };
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

const toBigInt = (value: bigint | number | string | null): bigint | null => (value == null ? null : BigInt(value));
