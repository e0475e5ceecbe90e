import type { ChatMute, ChatReport } from '../../../generated/prisma/client.js';
import { asSql, pgArray, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';

/** A report row (the GraphQL `ChatReport` mapper). */
export type ChatReportRow = ChatReport;
/** A mute row (the GraphQL `ChatMute` mapper). */
export type ChatMuteRow = ChatMute;

/** Where a report sits in the queue: oldest first, ties broken by id. */
export const chatReportKey = (row: ChatReportRow): TimeIdKey => ({ at: row.createdAt, id: row.id });

/** Reports of messages and mutes of players in rooms. */
export class ModerationStore {
  constructor(private readonly prisma: PrismaClient) {}

  findReports(ids: readonly string[], client: PrismaClient | Tx = this.prisma): Promise<(ChatReportRow | undefined)[]> {
    return findByUuids(ids, (uuids) => client.chatReport.findMany({ where: { id: { in: uuids } } }));
  }

  /**
   * Files a report unless the reporter already reported the message (ON CONFLICT on the pair, so
   * two concurrent reports make one); answers the report and whether it is new.
   */
  async report(tx: Tx, data: { messageId: string; roomId: string; reporterId: string; reason: string }): Promise<{ report: ChatReportRow; created: boolean }> {
    const { count } = await tx.chatReport.createMany({ data: [data], skipDuplicates: true });
    const report = await tx.chatReport.findUniqueOrThrow({ where: { messageId_reporterId: { messageId: data.messageId, reporterId: data.reporterId } } });
    return { report, created: count > 0 };
  }

  /** Resolves an open report; null when it was not open (unknown, or resolved already). */
  async resolve(tx: Tx, reportId: string, data: { by: string; resolution: string | null; at: Date }): Promise<ChatReportRow | null> {
    if (!isUuid(reportId)) return null;
    const { count } = await tx.chatReport.updateMany({
      where: { id: reportId, status: 'OPEN' },
      data: { status: 'RESOLVED', resolvedBy: data.by, resolution: data.resolution, resolvedAt: data.at },
    });
    return count ? tx.chatReport.findUnique({ where: { id: reportId } }) : null;
  }

  /** One keyset page of the queue (plus one row), oldest first. */
  reportsPage(status: ChatReportRow['status'], request: PageRequest<TimeIdKey>): Promise<ChatReportRow[]> {
    const keyset = timeIdKeyset({ time: 'createdAt', id: 'id' }, request);
    return this.prisma.chatReport.findMany({
      where: keyset.where ? { AND: [{ status }, keyset.where] } : { status },
      orderBy: keyset.orderBy,
      take: request.take,
    });
  }

  /** The player's mute in the room (ended or not), or null. */
  muteOf(roomId: string, userId: string, client: PrismaClient | Tx = this.prisma): Promise<ChatMuteRow | null> {
    return client.chatMute.findUnique({ where: { roomId_userId: { roomId, userId } } });
  }

  /**
   * The mutes of several players in one room (one query), by player. Raw SQL on the port: read by
   * every group of sends to an open room (hot path: bench/RESULTS.md, "Chat"). A room id that is
   * not a uuid (no such room) has none: read together with the room's lock, it must not fail.
   */
  async mutesOf(roomId: string, userIds: readonly string[], client: Sql | Tx): Promise<Map<string, ChatMuteRow>> {
    if (!isUuid(roomId)) return new Map();
    const rows = await asSql(client).query<ChatMuteRow>(
      `SELECT room_id::text AS "roomId", user_id::text AS "userId", muted_by::text AS "mutedBy", muted_at AS "mutedAt", until
       FROM chat_mutes WHERE room_id = $1::uuid AND user_id = ANY($2::uuid[])`,
      [roomId, pgArray([...new Set(userIds)])],
    );
    return new Map(rows.map((r) => [r.userId, r]));
  }

  /** Sets the player's mute in the room (replacing any). */
  mute(tx: Tx, data: { roomId: string; userId: string; mutedBy: string; until: Date; at: Date }): Promise<ChatMuteRow> {
    const row = { mutedBy: data.mutedBy, until: data.until, mutedAt: data.at };
    return tx.chatMute.upsert({ where: { roomId_userId: { roomId: data.roomId, userId: data.userId } }, create: { roomId: data.roomId, userId: data.userId, ...row }, update: row });
  }

  /** Lifts the player's mute in the room. */
  async unmute(tx: Tx, roomId: string, userId: string): Promise<void> {
    await tx.chatMute.deleteMany({ where: { roomId, userId } });
  }
}
