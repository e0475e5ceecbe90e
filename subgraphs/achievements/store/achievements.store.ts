import type { AchievementDefinition as DefinitionModel, UserAchievement } from '../../../generated/prisma/client.js';
import { pgArray, prismaSql, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { isUuid } from '../../../platform/ids.js';
import type { AchievementDefinition, AchievementRule, Reward } from '../domain/catalog.js';
import type { DefinitionsCheck } from './definitions.cache.js';

/**
 * A catalog entry as resolvers receive it (the GraphQL `Achievement` mapper). The JSON columns are
 * only ever written from a validated catalog (see syncCatalog).
 */
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

export class AchievementsStore {
  /**
   * `sql`: the raw SQL port outside a transaction (`Database.sql`) for the hot reads (pointsOf,
   * unlocksOf, the catalog's check); callers that never use it (syncCatalog) may leave it out.
   */
  constructor(
    prisma: PrismaClient,
    private readonly sql: Sql = prismaSql(prisma),
  ) {}

  /**
   * The table's fingerprint, and every definition in catalog order (sortOrder, then id) unless the
   * fingerprint is still `known`: one statement, so the rows and their fingerprint are one snapshot.
   * The fingerprint hashes each row's id and xmin (the transaction that wrote that version of it),
   * so any insert, update or delete moves it, whoever made it: Prisma, raw SQL or a migration.
   * (updated_at would not: Prisma sets it, from the writer's clock, to the millisecond.)
   */
  async definitionsIfChanged(known: string | null): Promise<DefinitionsCheck> {
    const rows = await this.sql.query<AchievementRow & { fingerprint: string }>(
      `WITH f AS (SELECT COALESCE(md5(string_agg(id || ':' || xmin::text, ',' ORDER BY id)), 'empty') AS fingerprint FROM achievement_definitions)
       SELECT f.fingerprint, d.id, d.name, d.description, d.category::text AS category, d.rarity::text AS rarity, d.icon, d.hidden,
              d.points, d.rule, d.rewards, COALESCE(d.prerequisites, '{}') AS prerequisites,
              d.catalog_version AS "catalogVersion", d.sort_order AS "sortOrder", d.updated_at AS "updatedAt"
       FROM f LEFT JOIN achievement_definitions d ON f.fingerprint IS DISTINCT FROM $1
       ORDER BY d.sort_order, d.id`,
      [known],
    );
    const fingerprint = rows[0]!.fingerprint;
    if (fingerprint === known) return { fingerprint, rows: null };
    // An empty table joins as one row of nulls.
    return { fingerprint, rows: rows.filter((row) => row.id !== null).map(({ fingerprint: _, ...row }) => row) };
  }

  /** Each player's unlocks, newest first, in the order of `userIds`: one query for any number. */
  async unlocksOf(userIds: readonly string[]): Promise<StoredUnlock[][]> {
    // Ids that are not UUIDs match nobody; PostgreSQL would reject them in the query.
    const valid = userIds.filter(isUuid);
    const rows = valid.length
      ? await this.sql.query<StoredUnlock>(
          `SELECT user_id::text AS "userId", achievement_id AS "achievementId", unlocked_at AS "unlockedAt", event_id AS "eventId"
           FROM user_achievements
           WHERE user_id = ANY($1::uuid[])
           ORDER BY unlocked_at DESC, achievement_id`,
          [pgArray(valid)],
        )
      : [];
    const byUser = new Map<string, StoredUnlock[]>();
    for (const row of rows) {
      const unlocks = byUser.get(row.userId);
      if (unlocks) unlocks.push(row);
      else byUser.set(row.userId, [row]);
    }
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
