import type { PrismaClient, Sql, Tx } from '../../../platform/db/index.js';
import type { ExperimentDefinition, ExperimentStatus, PlayerProfile, Targeting, Variant, VariantCounts } from '../domain/experiments.js';

/** An experiment as stored: its definition and when it was created and last changed. */
export interface ExperimentRow extends ExperimentDefinition {
  createdAt: Date;
  updatedAt: Date;
}

type Stored = {
  key: string;
  description: string;
  status: string;
  variants: unknown;
  goals: string[];
  targeting: unknown;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

// jsonb keeps keys in its own order: rebuild the objects in the domain's, so definitions compare equal.
const targetingOf = (t: Targeting): Targeting => ({
  maxSessions: t.maxSessions ?? null,
  platforms: t.platforms ?? null,
  countries: t.countries ?? null,
  minLevel: t.minLevel ?? null,
  maxLevel: t.maxLevel ?? null,
});

const rowOf = (r: Stored): ExperimentRow => ({
  key: r.key,
  description: r.description,
  status: r.status as ExperimentStatus,
  variants: (r.variants as Variant[]).map((v) => ({ key: v.key, weight: v.weight, featureFlags: v.featureFlags })),
  goals: r.goals,
  targeting: targetingOf(r.targeting as Targeting),
  startsAt: r.startsAt,
  endsAt: r.endsAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const dataOf = (d: ExperimentDefinition) => ({
  description: d.description,
  status: d.status,
  variants: d.variants as unknown as object,
  goals: d.goals,
  targeting: d.targeting as object,
  startsAt: d.startsAt,
  endsAt: d.endsAt,
});

/** Experiments, their exposures and conversions, and the player facts targeting reads. */
export class ExperimentsStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  async find(key: string, tx: Tx | PrismaClient = this.prisma): Promise<ExperimentRow | null> {
    const row = await tx.analyticsExperiment.findUnique({ where: { key } });
    return row ? rowOf(row) : null;
  }

  /** Creates it unless the key exists (two concurrent creations: one wins); true when this call created it. */
  async create(d: ExperimentDefinition, now: Date, tx: Tx): Promise<boolean> {
    const { count } = await tx.analyticsExperiment.createMany({ data: [{ key: d.key, ...dataOf(d), createdAt: now, updatedAt: now }], skipDuplicates: true });
    return count === 1;
  }

  /** The experiment's row, locked until the transaction ends (redefinitions of one key take turns). */
  async lock(key: string, tx: Tx): Promise<void> {
    // Locking: Prisma has no SELECT … FOR UPDATE.
    await tx.$queryRaw`SELECT 1 FROM analytics_experiments WHERE key = ${key} FOR UPDATE`;
  }

  async update(d: ExperimentDefinition, now: Date, tx: Tx): Promise<ExperimentRow> {
    return rowOf(await tx.analyticsExperiment.update({ where: { key: d.key }, data: { ...dataOf(d), updatedAt: now } }));
  }

  async hasExposures(key: string, tx: Tx | PrismaClient = this.prisma): Promise<boolean> {
    return (await tx.analyticsExperimentExposure.findFirst({ where: { experimentKey: key }, select: { userId: true } })) !== null;
  }

  /**
   * What targeting knows of a player, in one round trip: sessions, latest platform and country,
   * level (1 when users never announced one). Raw SQL: a hot path (`experimentVariant`, its p99 in
   * bench/RESULTS.md) reading three tables by primary key in one statement.
   */
  async profile(userId: string): Promise<PlayerProfile> {
    const [row] = await this.sql.query<{ sessions: number; platform: string | null; country: string | null; level: number | null }>(
      `SELECT (SELECT count(*)::int FROM analytics_sessions WHERE user_id = $1::uuid) AS sessions,
              p.platform, p.country,
              (SELECT level FROM analytics_player_levels WHERE user_id = $1::uuid) AS level
       FROM (SELECT 1) AS one LEFT JOIN analytics_players p ON p.user_id = $1::uuid`,
      [userId],
    );
    return { sessions: row?.sessions ?? 0, platform: row?.platform ?? null, country: row?.country ?? null, level: row?.level ?? 1 };
  }

  /** Records the player's exposure unless one exists (concurrent calls: one row). */
  async expose(key: string, userId: string, variant: string): Promise<void> {
    await this.prisma.analyticsExperimentExposure.createMany({ data: [{ experimentKey: key, userId, variant }], skipDuplicates: true });
  }

  async exposureOf(key: string, userId: string): Promise<{ variant: string } | null> {
    return this.prisma.analyticsExperimentExposure.findUnique({ where: { experimentKey_userId: { experimentKey: key, userId } }, select: { variant: true } });
  }

  /** Records a conversion unless the player already converted on that goal; true when this call recorded it. */
  async convert(key: string, goal: string, userId: string, variant: string): Promise<boolean> {
    const { count } = await this.prisma.analyticsExperimentConversion.createMany({ data: [{ experimentKey: key, goal, userId, variant }], skipDuplicates: true });
    return count === 1;
  }

  /** Exposures and conversions on `goal` per variant (variants without any are absent). */
  async counts(key: string, goal: string): Promise<VariantCounts[]> {
    const [exposures, conversions] = await Promise.all([
      this.prisma.analyticsExperimentExposure.groupBy({ by: ['variant'], where: { experimentKey: key }, _count: { _all: true } }),
      this.prisma.analyticsExperimentConversion.groupBy({ by: ['variant'], where: { experimentKey: key, goal }, _count: { _all: true } }),
    ]);
    const converted = new Map(conversions.map((c) => [c.variant, c._count._all]));
    return exposures.map((e) => ({ variant: e.variant, exposures: e._count._all, conversions: converted.get(e.variant) ?? 0 }));
  }
}
