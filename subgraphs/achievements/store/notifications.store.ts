import type { Notification } from '../../../generated/prisma/client.js';
import type { PrismaClient, Sql } from '../../../platform/db/index.js';
import type { PageRequest } from '../../../platform/pagination.js';
import type { NotificationPriority } from '../domain/notifications.js';

/** A notification as resolvers receive it (the GraphQL `Notification` mapper). Live events carry it through JSON. */
export type NotificationRow = Omit<Notification, 'createdAt' | 'readAt'> & { createdAt: Date | string; readAt: Date | string | null };

export interface NewNotification {
  id: string;
  userId: string;
  kind: 'ACHIEVEMENT_UNLOCKED' | 'TOURNAMENT_COMPLETED' | 'GUILD_WAR_DECLARED';
  priority: NotificationPriority;
  title: string;
  body: string;
  achievementId: string | null;
  createdAt: Date;
}

const json = (value: unknown) => JSON.stringify(value);

export class NotificationsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Inserts notifications in order; returns them with their sequence numbers. */
  async insert(sql: Sql, notifications: readonly NewNotification[]): Promise<NotificationRow[]> {
    if (notifications.length === 0) return [];
    const values = notifications.map((n, position) => ({
      position,
      id: n.id,
      user_id: n.userId,
      kind: n.kind,
      priority: n.priority,
      title: n.title,
      body: n.body,
      achievement_id: n.achievementId,
      created_at: n.createdAt.toISOString(),
    }));
    // One statement; ORDER BY position keeps the sequence in the given order.
    return sql.query<NotificationRow>(
      `INSERT INTO notifications (id, user_id, kind, priority, title, body, achievement_id, created_at)
       SELECT id, user_id, kind, priority::"NotificationPriority", title, body, achievement_id, created_at
       FROM jsonb_to_recordset($1::jsonb)
         AS n(position int, id uuid, user_id uuid, kind text, priority text, title text, body text, achievement_id text, created_at timestamptz)
       ORDER BY position
       RETURNING seq, id::text, user_id::text AS "userId", kind, priority::text, title, body, achievement_id AS "achievementId",
                 created_at AS "createdAt", read_at AS "readAt"`,
      [json(values)],
    );
  }

  /** One keyset page of a player's inbox, newest first (cursor = seq). */
  page(userId: string, request: PageRequest<bigint>, unreadOnly: boolean): Promise<NotificationRow[]> {
    const { cursor, take, direction } = request;
    const forward = direction === 'forward';
    return this.prisma.notification.findMany({
      where: {
        userId,
        ...(unreadOnly ? { readAt: null } : {}),
        ...(cursor == null ? {} : { seq: forward ? { lt: cursor } : { gt: cursor } }),
      },
      orderBy: { seq: forward ? 'desc' : 'asc' },
      take,
    });
  }

  /** A player's notifications after `seq`, oldest first: the replay of a resuming subscriber. */
  after(userId: string, seq: bigint, limit: number): Promise<NotificationRow[]> {
    return this.prisma.notification.findMany({ where: { userId, seq: { gt: seq } }, orderBy: { seq: 'asc' }, take: limit });
  }

  unreadCount(userId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
  }

  async markRead(userId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({
      where: { userId, readAt: null, ...(ids === 'all' ? {} : { id: { in: [...ids] } }) },
      data: { readAt: at },
    });
    return count;
  }
}
