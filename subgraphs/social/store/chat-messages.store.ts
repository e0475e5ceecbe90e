import type { ChatMessage } from '../../../generated/prisma/client.js';
import { asSql, pgArray, prismaSql, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';
import type { PageRequest } from '../../../platform/pagination.js';

/** A chat message row as resolvers receive it (the GraphQL `ChatMessage` mapper). */
export type ChatMessageRow = ChatMessage;

/** What happened to a message, in a room's event stream. */
export type ChatRoomEventType = 'ADDED' | 'EDITED' | 'DELETED';

/**
 * One event of a room's stream (the GraphQL `ChatRoomEvent` mapper): the message as it is now, and
 * the event's position (the message's seq when ADDED, its changed_seq when EDITED or DELETED).
 */
export interface ChatRoomEventRow {
  type: ChatRoomEventType;
  position: bigint;
  message: ChatMessageRow;
}

/** One room's page of messages: the room and where the page starts. */
export interface MessagePageKey {
  roomId: string;
  request: PageRequest<bigint>;
}

/** A new message's row. */
export interface NewMessage {
  roomId: string;
  authorId: string | null;
  kind: ChatMessageRow['kind'];
  subjectId?: string | null;
  text: string;
  originalText?: string | null;
  clientMessageId?: string | null;
  recipientId?: string | null;
  recipientSeq?: bigint | null;
}

// Past every real position (PostgreSQL's largest bigint), for pages without a cursor.
const END = 9_223_372_036_854_775_807n;

// Every column of `chat_messages` (as `m`), aliased to the ChatMessage field, as Prisma reads them.
const MESSAGE_COLUMNS = `m.seq, m.id::text AS id, m.room_id::text AS "roomId", m.author_id::text AS "authorId",
  m.kind::text AS kind, m.subject_id::text AS "subjectId", m.text, m.original_text AS "originalText",
  m.client_message_id AS "clientMessageId", m.sent_at AS "sentAt", m.edited_at AS "editedAt",
  m.deleted_at AS "deletedAt", m.deleted_by::text AS "deletedBy", m.changed_seq AS "changedSeq",
  m.recipient_id::text AS "recipientId", m.recipient_seq AS "recipientSeq"`;

export class ChatMessagesStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot read (pages). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[], client: PrismaClient | Tx = this.prisma): Promise<(ChatMessageRow | undefined)[]> {
    return findByUuids(ids, (uuids) => client.chatMessage.findMany({ where: { id: { in: uuids } } }));
  }

  /** Rows for the positions, in the same order, undefined where missing (a room's newest message). */
  async findBySeqs(seqs: readonly bigint[]): Promise<(ChatMessageRow | undefined)[]> {
    const rows = seqs.length ? await this.prisma.chatMessage.findMany({ where: { seq: { in: [...new Set(seqs)] } } }) : [];
    const bySeq = new Map(rows.map((r) => [r.seq, r]));
    return seqs.map((seq) => bySeq.get(seq));
  }

  /**
   * The messages stored under these (author, idempotency key) pairs, by `clientKey(author, key)`:
   * one statement for a group of sends (bench/RESULTS.md, "Chat").
   */
  async findByClientIds(keys: readonly { authorId: string; clientMessageId: string }[], client: Sql | Tx = this.sql): Promise<Map<string, ChatMessageRow>> {
    if (keys.length === 0) return new Map();
    const rows = await asSql(client).query<ChatMessageRow>(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_messages m
       JOIN unnest($1::uuid[], $2::text[]) AS k(author_id, client_message_id)
         ON m.author_id = k.author_id AND m.client_message_id = k.client_message_id`,
      [keys.map((k) => k.authorId), keys.map((k) => k.clientMessageId)],
    );
    return new Map(rows.map(normalize).map((row) => [clientKey(row.authorId!, row.clientMessageId!), row]));
  }

  /** When the author last posted in the room (slow mode), or null. */
  async lastSentAt(tx: Tx, roomId: string, authorId: string): Promise<Date | null> {
    const last = await tx.chatMessage.findFirst({ where: { authorId, roomId }, orderBy: { seq: 'desc' }, select: { sentAt: true } });
    return last?.sentAt ?? null;
  }

  /**
   * The next position in the player's private inbox, taking a lock on their inbox row until the
   * transaction ends, so their inbox positions commit in the order given out (raw SQL: an upsert
   * that returns the new counter, which Prisma cannot express with the lock held).
   */
  async nextInboxSeq(tx: Tx, userId: string): Promise<{ seq: bigint; previous: bigint | null }> {
    const [row] = await prismaSql(tx).query<{ lastSeq: bigint }>(
      `INSERT INTO chat_inboxes (user_id, last_seq) VALUES ($1::uuid, 1)
       ON CONFLICT (user_id) DO UPDATE SET last_seq = chat_inboxes.last_seq + 1
       RETURNING last_seq AS "lastSeq"`,
      [userId],
    );
    const seq = BigInt(row!.lastSeq);
    return { seq, previous: seq === 1n ? null : seq - 1n };
  }

  /**
   * Stores a message and makes it its room's newest message and newest event (call with the room
   * locked).
   */
  async create(tx: Tx, data: NewMessage): Promise<ChatMessageRow> {
    const message = await tx.chatMessage.create({ data });
    await tx.chatRoom.update({
      where: { id: message.roomId },
      data: { lastSeq: message.seq, lastEventSeq: message.seq, lastActivityAt: message.sentAt },
      select: { id: true },
    });
    return message;
  }

  /**
   * Several players' messages to one room (call with the room locked), in one statement, taking
   * positions in the order given; the room's newest positions follow the last. Raw SQL: one INSERT
   * of many rows with RETURNING and the room's update in the same statement — one round trip for a
   * group of sends however large (Prisma's createMany returns no rows); on the port, so the open
   * room's send path runs without Prisma's runtime (hot path: bench/RESULTS.md, "Chat").
   */
  async createMany(client: Sql | Tx, roomId: string, data: readonly Pick<NewMessage, 'authorId' | 'text' | 'originalText' | 'clientMessageId'>[]): Promise<ChatMessageRow[]> {
    const rows = await asSql(client).query<ChatMessageRow>(
      `WITH input AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS i(author_id, text, original_text, client_message_id, ord)
       ), inserted AS (
         INSERT INTO chat_messages (id, room_id, author_id, kind, text, original_text, client_message_id)
         SELECT gen_random_uuid(), $1::uuid, author_id, 'PLAYER', text, original_text, client_message_id FROM input ORDER BY ord
         RETURNING *
       ), newest AS (
         UPDATE chat_rooms r SET last_seq = n.seq, last_event_seq = n.seq, last_activity_at = n.sent_at
         FROM (SELECT seq, sent_at FROM inserted ORDER BY seq DESC LIMIT 1) n
         WHERE r.id = $1::uuid
       )
       SELECT ${MESSAGE_COLUMNS} FROM inserted m ORDER BY m.seq`,
      [roomId, data.map((d) => d.authorId), data.map((d) => d.text), data.map((d) => d.originalText ?? null), data.map((d) => d.clientMessageId ?? null)],
    );
    return rows.map(normalize);
  }

  /**
   * Edits or deletes a message (call with its room locked): the change takes the next position
   * from the messages' own sequence (`changed_seq`), which becomes the room's newest event. Raw
   * SQL: `nextval` in an UPDATE … RETURNING, which Prisma cannot express.
   */
  async change(
    tx: Tx,
    messageId: string,
    change: { kind: 'edit'; text: string; originalText: string | null; at: Date } | { kind: 'delete'; by: string; originalText: string | null; at: Date },
  ): Promise<ChatMessageRow> {
    const sql = prismaSql(tx);
    const [row] =
      change.kind === 'edit'
        ? await sql.query<ChatMessageRow>(
            `UPDATE chat_messages m SET text = $2, original_text = $3, edited_at = $4::timestamptz,
               changed_seq = nextval(pg_get_serial_sequence('chat_messages', 'seq'))
             WHERE m.id = $1::uuid RETURNING ${MESSAGE_COLUMNS}`,
            [messageId, change.text, change.originalText, change.at.toISOString()],
          )
        : await sql.query<ChatMessageRow>(
            `UPDATE chat_messages m SET text = '', original_text = $2, deleted_at = $3::timestamptz, deleted_by = $4::uuid,
               changed_seq = nextval(pg_get_serial_sequence('chat_messages', 'seq'))
             WHERE m.id = $1::uuid RETURNING ${MESSAGE_COLUMNS}`,
            [messageId, change.originalText, change.at.toISOString(), change.by],
          );
    const message = normalize(row!);
    await tx.chatRoom.update({ where: { id: message.roomId }, data: { lastEventSeq: message.changedSeq }, select: { id: true } });
    return message;
  }

  /** Messages stored after a position in a room, oldest first. */
  after(roomId: string, seq: bigint, limit: number): Promise<ChatMessageRow[]> {
    return this.prisma.chatMessage.findMany({ where: { roomId, seq: { gt: seq } }, orderBy: { seq: 'asc' }, take: limit });
  }

  /**
   * A room's events stored after a position, oldest first: an ADDED event per message sent after
   * it and an EDITED or DELETED one per message changed after it (its latest change), each with the
   * message as it is now. Raw SQL: a UNION of both positions ordered together, which Prisma
   * cannot express in one statement.
   */
  async eventsAfter(roomId: string, position: bigint, limit: number): Promise<ChatRoomEventRow[]> {
    if (!isUuid(roomId)) return [];
    const rows = await this.sql.query<ChatMessageRow & { eventType: ChatRoomEventType; pos: bigint }>(
      `SELECT * FROM (
         (SELECT 'ADDED' AS "eventType", m.seq AS pos, ${MESSAGE_COLUMNS}
          FROM chat_messages m WHERE m.room_id = $1::uuid AND m.seq > $2::int8 ORDER BY m.seq LIMIT $3::int)
         UNION ALL
         (SELECT CASE WHEN m.deleted_at IS NULL THEN 'EDITED' ELSE 'DELETED' END, m.changed_seq AS pos, ${MESSAGE_COLUMNS}
          FROM chat_messages m WHERE m.room_id = $1::uuid AND m.changed_seq > $2::int8 ORDER BY m.changed_seq LIMIT $3::int)
       ) e ORDER BY pos LIMIT $3::int`,
      [roomId, String(position), limit],
    );
    return rows.map(({ eventType, pos: at, ...message }) => ({ type: eventType, position: BigInt(at), message: normalize(message) }));
  }

  /** The position of the newest private message that reached the player (0 before their first). */
  async inboxHead(userId: string): Promise<bigint> {
    if (!isUuid(userId)) return 0n;
    return (await this.prisma.chatInbox.findUnique({ where: { userId } }))?.lastSeq ?? 0n;
  }

  /** Private messages that reached the player after an inbox position, oldest first. */
  inboxAfter(userId: string, seq: bigint, limit: number): Promise<ChatMessageRow[]> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.prisma.chatMessage.findMany({ where: { recipientId: userId, recipientSeq: { gt: seq } }, orderBy: { recipientSeq: 'asc' }, take: limit });
  }

  /**
   * One keyset page per room (plus one row to tell whether more exist), in the request's
   * direction: one query for any number of rooms. Raw SQL on the port (docs/database.md, hot path)
   * since every chat page reads it and Prisma's runtime was ≈ 23% of this process's busy CPU (issue 14).
   *
   * One room (a history page, the usual case) is asked for by its id, so PostgreSQL plans with that
   * room's statistics: through `unnest` it sees only an average room and, when one room holds most
   * messages, walks the primary key backwards filtering on the room — a page of any other room
   * then reads past every newer message of the big one (≈ 0.5 s with 1,000,000 of them). Several
   * rooms share one `unnest` + `CROSS JOIN LATERAL (… LIMIT n)` (planning one branch per room
   * costs more than it saves).
   */
  async pages(roomIds: readonly string[], request: PageRequest<bigint>): Promise<ChatMessageRow[][]> {
    const valid = [...new Set(roomIds.filter(isUuid))];
    const forward = request.direction === 'forward';
    const cursor = String(request.cursor ?? (forward ? 0n : END));
    const scan = (room: string) =>
      `SELECT * FROM chat_messages c WHERE c.room_id = ${room} AND c.seq ${forward ? '>' : '<'} $2::int8
       ORDER BY c.seq ${forward ? 'ASC' : 'DESC'} LIMIT $3::int`;
    const rows = !valid.length
      ? []
      : valid.length === 1
        ? await this.sql.query<ChatMessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM (${scan('$1::uuid')}) m`, [valid[0], cursor, request.take])
        : await this.sql.query<ChatMessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM unnest($1::uuid[]) AS r(id) CROSS JOIN LATERAL (${scan('r.id')}) m`, [
            pgArray(valid),
            cursor,
            request.take,
          ]);
    const byRoom = new Map<string, ChatMessageRow[]>();
    // The port reads int8 as bigint and timestamptz as a Date on both drivers.
    for (const row of rows) {
      const list = byRoom.get(row.roomId);
      if (list) list.push(row);
      else byRoom.set(row.roomId, [row]);
    }
    // LATERAL keeps each room's rows in its subquery's order; sort anyway, as SQL promises nothing.
    for (const list of byRoom.values()) list.sort((a, b) => (a.seq < b.seq ? -1 : 1) * (forward ? 1 : -1));
    return roomIds.map((id) => byRoom.get(id) ?? []);
  }
}

/** Raw rows inside a Prisma transaction may carry int8 as number or string: as Prisma reads them. */
function normalize(row: ChatMessageRow): ChatMessageRow {
  const big = (v: unknown) => (v == null ? null : BigInt(v as string));
  return { ...row, seq: BigInt(row.seq), changedSeq: big(row.changedSeq), recipientSeq: big(row.recipientSeq) };
}

/** The key of an author's idempotency key in findByClientIds' answer. */
export const clientKey = (authorId: string, clientMessageId: string) => `${authorId} ${clientMessageId}`;
