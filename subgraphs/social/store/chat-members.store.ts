import type { ChatRoomMember } from '../../../generated/prisma/client.js';
import { pgArray, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';
import type { ChatMemberRole } from '../domain/chat-rooms.js';

/** A player's membership of a room. */
export type ChatMemberRow = ChatRoomMember;

/** A room and one player: the key of a membership. */
export interface MemberKey {
  roomId: string;
  userId: string;
}

/** The largest page of a room's members (`ChatRoom.members(first)`). */
export const MAX_MEMBERS_PAGE = 100;

export const memberKey = ({ roomId, userId }: MemberKey) => `${roomId}|${userId}`;

export class ChatMembersStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the counts Prisma cannot express. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /** The memberships for the keys, in the same order, undefined where none: one query for any number. */
  async find(keys: readonly MemberKey[], client: PrismaClient | Tx = this.prisma): Promise<(ChatMemberRow | undefined)[]> {
    const valid = keys.filter((k) => isUuid(k.roomId) && isUuid(k.userId));
    const rows = valid.length
      ? await client.chatRoomMember.findMany({ where: { OR: valid.map(({ roomId, userId }) => ({ roomId, userId })) } })
      : [];
    const byKey = new Map(rows.map((r) => [memberKey(r), r]));
    return keys.map((k) => byKey.get(memberKey(k)));
  }

  /** One membership, read now (per-event checks on live streams, writes under the room's lock). */
  async findOne(roomId: string, userId: string, client: PrismaClient | Tx = this.prisma): Promise<ChatMemberRow | undefined> {
    const [row] = await this.find([{ roomId, userId }], client);
    return row;
  }

  /** Adds the player (call with the room locked); false when they were a member already. */
  async add(tx: Tx, data: { roomId: string; userId: string; role?: ChatMemberRole; lastReadSeq: bigint }): Promise<boolean> {
    const { count } = await tx.chatRoomMember.createMany({ data: [data], skipDuplicates: true });
    if (count) await tx.chatRoom.update({ where: { id: data.roomId }, data: { memberCount: { increment: 1 } }, select: { id: true } });
    return count > 0;
  }

  /** Removes the player (call with the room locked); false when they were not a member. */
  async remove(tx: Tx, roomId: string, userId: string): Promise<boolean> {
    const { count } = await tx.chatRoomMember.deleteMany({ where: { roomId, userId } });
    if (count) await tx.chatRoom.update({ where: { id: roomId }, data: { memberCount: { decrement: 1 } }, select: { id: true } });
    return count > 0;
  }

  /** The longest-standing member other than the owner, who inherits a party its owner left. */
  oldestMember(tx: Tx, roomId: string): Promise<ChatMemberRow | null> {
    return tx.chatRoomMember.findFirst({ where: { roomId }, orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }] });
  }

  async setRole(tx: Tx, roomId: string, userId: string, role: ChatMemberRole): Promise<void> {
    await tx.chatRoomMember.updateMany({ where: { roomId, userId }, data: { role } });
  }

  /** Moves the player's read mark forward to `seq` (never back); the membership after, or null for a non-member. */
  async markRead(roomId: string, userId: string, seq: bigint, at: Date): Promise<ChatMemberRow | null> {
    await this.prisma.chatRoomMember.updateMany({ where: { roomId, userId, lastReadSeq: { lt: seq } }, data: { lastReadSeq: seq, lastReadAt: at } });
    return this.prisma.chatRoomMember.findUnique({ where: { roomId_userId: { roomId, userId } } });
  }

  /** Moves the player's read mark to their own message just sent (their own words are read). */
  async readOwn(tx: Tx, roomId: string, userId: string, seq: bigint): Promise<void> {
    await tx.chatRoomMember.updateMany({ where: { roomId, userId, lastReadSeq: { lt: seq } }, data: { lastReadSeq: seq } });
  }

  /**
   * Each room's longest-standing members, at most `MAX_MEMBERS_PAGE` per room (the largest page
   * `ChatRoom.members` gives): one statement for any number of rooms. Raw SQL: one page per parent
   * (`CROSS JOIN LATERAL … LIMIT`), which Prisma cannot express; a guild's room holds its whole guild.
   */
  async membersOf(roomIds: readonly string[]): Promise<ChatMemberRow[][]> {
    const valid = [...new Set(roomIds.filter(isUuid))];
    const rows = valid.length
      ? await this.sql.query<ChatMemberRow>(
          `SELECT m.room_id::text AS "roomId", m.user_id::text AS "userId", m.role::text AS role, m.joined_at AS "joinedAt",
                  m.last_read_seq AS "lastReadSeq", m.last_read_at AS "lastReadAt"
           FROM unnest($1::uuid[]) AS r(id)
           CROSS JOIN LATERAL (
             SELECT * FROM chat_room_members WHERE room_id = r.id ORDER BY joined_at, user_id LIMIT ${MAX_MEMBERS_PAGE}
           ) m`,
          [pgArray(valid)],
        )
      : [];
    const byRoom = new Map<string, ChatMemberRow[]>();
    for (const row of rows) {
      const list = byRoom.get(row.roomId);
      if (list) list.push({ ...row, lastReadSeq: BigInt(row.lastReadSeq) });
      else byRoom.set(row.roomId, [{ ...row, lastReadSeq: BigInt(row.lastReadSeq) }]);
    }
    return roomIds.map((id) => byRoom.get(id) ?? []);
  }

  /** The rooms the player is a member of, most recent activity first (at most `take`). */
  async roomsOf(userId: string, take: number): Promise<ChatMemberRow[]> {
    if (!isUuid(userId)) return [];
    return this.prisma.chatRoomMember.findMany({
      where: { userId },
      orderBy: [{ room: { lastActivityAt: 'desc' } }, { roomId: 'asc' }],
      take,
    });
  }

  /**
   * Unread messages per membership, in the same order, each counted up to `cap`: messages after the
   * player's read mark that others wrote and nobody deleted. One query for any number of rooms.
   * Raw SQL on the port (docs/database.md: one bounded count per parent, `unnest` + `CROSS JOIN
   * LATERAL (… LIMIT n)`, which Prisma cannot express in one statement).
   */
  async unreadCounts(keys: readonly MemberKey[], cap: number): Promise<number[]> {
    const valid = keys.filter((k) => isUuid(k.roomId) && isUuid(k.userId));
    if (!valid.length) return keys.map(() => 0);
    const rows = await this.sql.query<{ roomId: string; userId: string; unread: number }>(
      `SELECT k.room_id::text AS "roomId", k.user_id::text AS "userId", u.unread::int AS unread
       FROM unnest($1::uuid[], $2::uuid[]) AS k(room_id, user_id)
       JOIN chat_room_members cm ON cm.room_id = k.room_id AND cm.user_id = k.user_id
       CROSS JOIN LATERAL (
         SELECT count(*) AS unread FROM (
           SELECT 1 FROM chat_messages m
           WHERE m.room_id = k.room_id AND m.seq > cm.last_read_seq
             AND m.author_id IS DISTINCT FROM k.user_id AND m.deleted_at IS NULL
           LIMIT $3::int
         ) capped
       ) u`,
      [pgArray(valid.map((k) => k.roomId)), pgArray(valid.map((k) => k.userId)), cap],
    );
    const byKey = new Map(rows.map((r) => [memberKey(r), Number(r.unread)]));
    return keys.map((k) => byKey.get(memberKey(k)) ?? 0);
  }
}
