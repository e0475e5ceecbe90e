import type { AchievementDefinition as DefinitionModel, UserAchievement } from '../../../generated/prisma/client.js';
import { pgArray, prismaSql, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';
import type { AchievementDefinition, AchievementRule, Reward } from '../domain/catalog.js';

/** A catalog entry as resolvers receive it (the GraphQL `Achievement` mapper). */
export type AchievementRow = Omit<DefinitionModel, 'rewards' | 'rule'> & { rewards: Reward[]; rule: AchievementRule };
/** One player's unlock (the GraphQL `PlayerAchievement` mapper). */
export type StoredUnlock = UserAchievement;
/** A player owned by the users subgraph; this subgraph knows only the id. */
export interface UserRef {
  id: string;
}

export interface CatalogFilter {
  category?: AchievementRow['category'] | null;
  rarity?: AchievementRow['rarity'] | null;
}

// The JSON columns are only ever written from a validated catalog (see syncCatalog).
const toRow = (model: DefinitionModel): AchievementRow => model as AchievementRow;

export class AchievementsStore {
  /**
   * `sql`: the raw SQL port outside a transaction (`Database.sql`) for the hot read (pointsOf);
   * callers that never use it (syncCatalog) may leave it out.
   */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql = prismaSql(prisma),
  ) {}

  async list(filter: CatalogFilter): Promise<AchievementRow[]> {
    const rows = await this.prisma.achievementDefinition.findMany({
      where: { category: filter.category ?? undefined, rarity: filter.rarity ?? undefined },
      orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toRow);
  }

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  async findByIds(ids: readonly string[]): Promise<(AchievementRow | undefined)[]> {
    const rows = await this.prisma.achievementDefinition.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(rows.map((r) => [r.id, toRow(r)]));
    return ids.map((id) => byId.get(id));
  }

  /** Each player's unlocks, newest first, in the order of `userIds`: one query for any number. */
  async unlocksOf(userIds: readonly string[]): Promise<StoredUnlock[][]> {
    // Ids that are not UUIDs match nobody; PostgreSQL would reject them in the query.
    const valid = userIds.filter(isUuid);
    const rows = valid.length
      ? await this.prisma.userAchievement.findMany({
          where: { userId: { in: valid } },
          orderBy: [{ unlockedAt: 'desc' }, { achievementId: 'asc' }],
        })
      : [];
    const byUser = new Map<string, StoredUnlock[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    return userIds.map((id) => byUser.get(id) ?? []);
  }

  /**
   * Each player's achievement score, in the order of `userIds`: one query for any number. Raw SQL:
   * an aggregate across a join; on the port (docs/database.md, hot path) since every author on the
   * chat page asks for it and Prisma's runtime was ≈ 23% of this process's busy CPU there (issue 14).
   */
  async pointsOf(userIds: readonly string[]): Promise<number[]> {
    const valid = userIds.filter(isUuid);
    const rows = valid.length
      ? await this.sql.query<{ userId: string; points: number }>(
          `SELECT ua.user_id::text AS "userId", SUM(d.points)::int AS points
           FROM user_achievements ua
           JOIN achievement_definitions d ON d.id = ua.achievement_id
           WHERE ua.user_id = ANY($1::uuid[])
           GROUP BY ua.user_id`,
          [pgArray(valid)],
        )
      : [];
    const byUser = new Map(rows.map((r) => [r.userId, Number(r.points)]));
    return userIds.map((id) => byUser.get(id) ?? 0);
  }

  async latestCatalogVersion(tx: Tx): Promise<number | null> {
    const { _max } = await tx.achievementDefinition.aggregate({ _max: { catalogVersion: true } });
    return _max.catalogVersion;
  }

  upsertDefinition(tx: Tx, definition: AchievementDefinition, catalogVersion: number, sortOrder: number): Promise<unknown> {
    // Parsed from JSON, so they are JSON; zod's loose rule type just cannot say so.
    const data = { ...definition, rule: definition.rule as Prisma.InputJsonValue, catalogVersion, sortOrder };
    const { id: _id, ...update } = data;
    return tx.achievementDefinition.upsert({ where: { id: definition.id }, create: data, update });
  }
}
