import type { PrismaClient, Tx } from '../../../platform/db/index.js';

/** What analytics keeps of users' announcements: players' levels (targeting) and roles (the dashboard's re-check). */
export class PlayerProjectionsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** The newest announcement wins, whatever order the bus delivers them in. */
  async saveLevel(tx: Tx, userId: string, level: number, at: Date): Promise<void> {
    // Raw SQL: an upsert that keeps the newer row (Prisma's upsert cannot compare with the stored one).
    await tx.$executeRaw`
      INSERT INTO analytics_player_levels AS l (user_id, level, leveled_up_at) VALUES (${userId}::uuid, ${level}, ${at})
      ON CONFLICT (user_id) DO UPDATE SET level = EXCLUDED.level, leveled_up_at = EXCLUDED.leveled_up_at
      WHERE l.leveled_up_at <= EXCLUDED.leveled_up_at`;
  }

  async saveRole(tx: Tx, userId: string, role: string, at: Date): Promise<void> {
    // Raw SQL: as saveLevel.
    await tx.$executeRaw`
      INSERT INTO analytics_viewer_roles AS r (user_id, role, changed_at) VALUES (${userId}::uuid, ${role}, ${at})
      ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, changed_at = EXCLUDED.changed_at
      WHERE r.changed_at <= EXCLUDED.changed_at`;
  }

  /** The role users last announced for the player; null when it never announced one. */
  async roleOf(userId: string): Promise<string | null> {
    const row = await this.prisma.analyticsViewerRole.findUnique({ where: { userId: userId.toLowerCase() }, select: { role: true } });
    return row?.role ?? null;
  }
}
