import type { ChatMessage, ChatRoomKind } from '../../../generated/prisma/client.js';
import type { PrismaClient, Tx } from '../../../platform/db/index.js';
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
  constructor(private readonly prisma: PrismaClient) {}

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
   * direction, for rooms sharing the same request: one query for any number of rooms.
   */
  async pages(roomIds: readonly string[], request: PageRequest<bigint>): Promise<ChatMessageRow[][]> {
    const valid = [...new Set(roomIds.filter(isUuid))];
    const rows = !valid.length
      ? []
      : request.direction === 'forward'
        ? await this.prisma.$queryRaw<RawMessage[]>`
            SELECT m.seq, m.id::text AS id, m.room_id::text AS "roomId", m.author_id::text AS "authorId", m.text, m.sent_at AS "sentAt"
            FROM unnest(${valid}::uuid[]) AS r(id)
            CROSS JOIN LATERAL (
              SELECT * FROM chat_messages c WHERE c.room_id = r.id AND c.seq > ${request.cursor ?? 0n}
              ORDER BY c.seq ASC LIMIT ${request.take}
            ) m`
        : await this.prisma.$queryRaw<RawMessage[]>`
            SELECT m.seq, m.id::text AS id, m.room_id::text AS "roomId", m.author_id::text AS "authorId", m.text, m.sent_at AS "sentAt"
            FROM unnest(${valid}::uuid[]) AS r(id)
            CROSS JOIN LATERAL (
              SELECT * FROM chat_messages c WHERE c.room_id = r.id AND c.seq < ${request.cursor ?? END}
              ORDER BY c.seq DESC LIMIT ${request.take}
            ) m`;
    const byRoom = new Map<string, ChatMessageRow[]>();
    for (const raw of rows) {
      const row = { ...raw, seq: BigInt(raw.seq), sentAt: new Date(raw.sentAt) };
      byRoom.set(row.roomId, [...(byRoom.get(row.roomId) ?? []), row]);
    }
    // LATERAL keeps each room's rows in its subquery's order; sort anyway, as SQL promises nothing.
    const forward = request.direction === 'forward';
    for (const list of byRoom.values()) list.sort((a, b) => (a.seq < b.seq ? -1 : 1) * (forward ? 1 : -1));
    return roomIds.map((id) => byRoom.get(id) ?? []);
  }
}

/** A row from raw SQL: drivers differ in how they hand back bigint and timestamptz. */
type RawMessage = Omit<ChatMessageRow, 'seq' | 'sentAt'> & { seq: bigint | number | string; sentAt: Date | string };
