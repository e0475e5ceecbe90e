import type { ChatMessage, ChatRoomKind } from '../../../generated/prisma/client.js';
import { pgArray, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';
import type { PageRequest } from '../../../platform/pagination.js';

/** A chat message row as resolvers receive it (the GraphQL `ChatMessage` mapper). */
export type ChatMessageRow = ChatMessage;

/** A room as a send sees it under its lock: whether chat is allowed, and its newest position. */
export interface LockedRoom {
  kind: ChatRoomKind;
  /** The seq of the room's newest message; null before its first. */
  lastSeq: bigint | null;
}

/** One room's page of messages: the room and where the page starts. */
export interface MessagePageKey {
  roomId: string;
  request: PageRequest<bigint>;
}

// Past every real position (PostgreSQL's largest bigint), for pages without a cursor.
const END = 9_223_372_036_854_775_807n;

export class ChatMessagesStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot read (pages). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(ChatMessageRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.chatMessage.findMany({ where: { id: { in: uuids } } }));
  }

  /**
   * The room's kind and newest position, taking a lock on the room until the transaction ends:
   * senders to one room queue here, so a room's positions commit in the order they were given out
   * and each send knows the position just before its own.
   */
  async lockRoom(tx: Tx, roomId: string): Promise<LockedRoom | undefined> {
    if (!isUuid(roomId)) return undefined;
    const [room] = await tx.$queryRaw<{ kind: ChatRoomKind; lastSeq: bigint | number | string | null }[]>`
      SELECT kind::text AS kind, last_seq AS "lastSeq" FROM chat_rooms WHERE id = ${roomId}::uuid FOR UPDATE`;
    return room && { kind: room.kind, lastSeq: room.lastSeq == null ? null : BigInt(room.lastSeq) };
  }

  /** Stores a message and makes it its room's newest (call with the room locked). */
  async create(tx: Tx, data: { roomId: string; authorId: string; text: string }): Promise<ChatMessageRow> {
    const message = await tx.chatMessage.create({ data });
    await tx.chatRoom.update({ where: { id: message.roomId }, data: { lastSeq: message.seq }, select: { id: true } });
    return message;
  }

  /** Messages stored after a position in a room, oldest first. */
  after(roomId: string, seq: bigint, limit: number): Promise<ChatMessageRow[]> {
    return this.prisma.chatMessage.findMany({ where: { roomId, seq: { gt: seq } }, orderBy: { seq: 'asc' }, take: limit });
  }

  /**
   * One keyset page per room (plus one row to tell whether more exist), in the request's
   * direction, for rooms sharing the same request: one query for any number of rooms. Raw SQL:
   * `unnest` + `CROSS JOIN LATERAL (… LIMIT n)`; on the port (docs/database.md, hot path) since
   * every chat page reads it and Prisma's runtime was ≈ 23% of this process's busy CPU (issue 14).
   */
  async pages(roomIds: readonly string[], request: PageRequest<bigint>): Promise<ChatMessageRow[][]> {
    const valid = [...new Set(roomIds.filter(isUuid))];
    const forward = request.direction === 'forward';
    const rows = !valid.length
      ? []
      : forward
        ? await this.sql.query<ChatMessageRow>(
            `SELECT m.seq, m.id::text AS id, m.room_id::text AS "roomId", m.author_id::text AS "authorId", m.text, m.sent_at AS "sentAt"
             FROM unnest($1::uuid[]) AS r(id)
             CROSS JOIN LATERAL (
               SELECT * FROM chat_messages c WHERE c.room_id = r.id AND c.seq > $2::int8
               ORDER BY c.seq ASC LIMIT $3::int
             ) m`,
            [pgArray(valid), String(request.cursor ?? 0n), request.take],
          )
        : await this.sql.query<ChatMessageRow>(
            `SELECT m.seq, m.id::text AS id, m.room_id::text AS "roomId", m.author_id::text AS "authorId", m.text, m.sent_at AS "sentAt"
             FROM unnest($1::uuid[]) AS r(id)
             CROSS JOIN LATERAL (
               SELECT * FROM chat_messages c WHERE c.room_id = r.id AND c.seq < $2::int8
               ORDER BY c.seq DESC LIMIT $3::int
             ) m`,
            [pgArray(valid), String(request.cursor ?? END), request.take],
          );
    const byRoom = new Map<string, ChatMessageRow[]>();
    // The port reads seq (int8) as bigint and sent_at as a Date on both drivers.
    for (const row of rows) byRoom.set(row.roomId, [...(byRoom.get(row.roomId) ?? []), row]);
    // LATERAL keeps each room's rows in its subquery's order; sort anyway, as SQL promises nothing.
    for (const list of byRoom.values()) list.sort((a, b) => (a.seq < b.seq ? -1 : 1) * (forward ? 1 : -1));
    return roomIds.map((id) => byRoom.get(id) ?? []);
  }
}
