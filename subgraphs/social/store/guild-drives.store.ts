import type { ContributionDriveStatus, GuildContributionDrive } from '../../../generated/prisma/client.js';
import { pgArray, prismaSql, type PrismaClient, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';

/** A drive as resolvers receive it (the GraphQL `ContributionDrive` mapper). */
export type ContributionDriveRow = GuildContributionDrive;

/** One member's total in a drive. */
export interface DriveContributorRow {
  userId: string;
  coins: bigint;
}

/** A drive's top contributors, `take` of them. */
export interface TopContributorsKey {
  driveId: string;
  take: number;
}

/** How many drives Guild.drives lists. */
export const RECENT_DRIVES = 10;

const DRIVE_COLUMNS = `d.id::text AS id, d.guild_id::text AS "guildId", d.open_guild_id::text AS "openGuildId", d.started_by::text AS "startedBy",
  d.status::text AS status, d.goal, d.raised, d.bonus_xp AS "bonusXp", d.contributor_count AS "contributorCount",
  d.started_at AS "startedAt", d.ends_at AS "endsAt", d.ended_at AS "endedAt"`;

export class GuildDrivesStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing. */
  findByIds(ids: readonly string[]): Promise<(ContributionDriveRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.guildContributionDrive.findMany({ where: { id: { in: uuids } } }));
  }

  /** Each guild's ACTIVE drive (undefined when none), in the order of the ids: one query for any number. */
  async activeOf(guildIds: readonly string[]): Promise<(ContributionDriveRow | undefined)[]> {
    const valid = guildIds.filter(isUuid);
    const rows = valid.length ? await this.prisma.guildContributionDrive.findMany({ where: { openGuildId: { in: valid } } }) : [];
    const byGuild = new Map(rows.map((r) => [r.guildId, r]));
    return guildIds.map((id) => byGuild.get(id));
  }

  /** Each guild's last RECENT_DRIVES drives, newest first, in one statement (a LATERAL page per guild). */
  async recentOf(guildIds: readonly string[]): Promise<ContributionDriveRow[][]> {
    const rows = await prismaSql(this.prisma).query<ContributionDriveRow & { i: bigint | number }>(
      `SELECT k.i AS i, ${DRIVE_COLUMNS}
       FROM unnest($1::uuid[]) WITH ORDINALITY AS k(guild_id, i)
       CROSS JOIN LATERAL (
         SELECT * FROM guild_contribution_drives x WHERE x.guild_id = k.guild_id ORDER BY x.started_at DESC, x.id DESC LIMIT ${RECENT_DRIVES}
       ) d
       ORDER BY k.i, d.started_at DESC, d.id DESC`,
      [pgArray(guildIds.map((id) => (isUuid(id) ? id : null)))],
    );
    const lists = guildIds.map((): ContributionDriveRow[] => []);
    for (const { i, ...row } of rows) lists[Number(i) - 1]!.push({ ...row, raised: BigInt(row.raised) });
    return lists;
  }

  /** Each drive's biggest contributors, most coins first (ties: who got there first), in one statement. */
  async topContributors(keys: readonly TopContributorsKey[]): Promise<DriveContributorRow[][]> {
    const rows = await prismaSql(this.prisma).query<DriveContributorRow & { i: bigint | number }>(
      `SELECT k.i AS i, c.user_id::text AS "userId", c.coins
       FROM unnest($1::uuid[], $2::int[]) WITH ORDINALITY AS k(drive_id, take, i)
       CROSS JOIN LATERAL (
         SELECT * FROM guild_drive_contributions x WHERE x.drive_id = k.drive_id ORDER BY x.coins DESC, x.updated_at, x.user_id LIMIT k.take
       ) c
       ORDER BY k.i, c.coins DESC, c.updated_at, c.user_id`,
      [pgArray(keys.map((k) => (isUuid(k.driveId) ? k.driveId : null))), pgArray(keys.map((k) => k.take))],
    );
    const lists = keys.map((): DriveContributorRow[] => []);
    for (const { i, ...row } of rows) lists[Number(i) - 1]!.push({ userId: row.userId, coins: BigInt(row.coins) });
    return lists;
  }

  /** The guild's ACTIVE drive, locked until the transaction ends (raw SQL: `FOR UPDATE`). */
  async lockActive(tx: Tx, guildId: string): Promise<ContributionDriveRow | undefined> {
    const [row] = await prismaSql(tx).query<ContributionDriveRow>(`SELECT ${DRIVE_COLUMNS} FROM guild_contribution_drives d WHERE d.open_guild_id = $1::uuid FOR UPDATE`, [guildId]);
    return row && { ...row, raised: BigInt(row.raised) };
  }

  /** The drive, locked until the transaction ends: its end and the contributions counted queue on it. */
  async lock(tx: Tx, driveId: string): Promise<ContributionDriveRow | undefined> {
    if (!isUuid(driveId)) return undefined;
    const [row] = await prismaSql(tx).query<ContributionDriveRow>(`SELECT ${DRIVE_COLUMNS} FROM guild_contribution_drives d WHERE d.id = $1::uuid FOR UPDATE`, [driveId]);
    return row && { ...row, raised: BigInt(row.raised) };
  }

  create(tx: Tx, data: { guildId: string; startedBy: string; goal: number; bonusXp: number; startedAt: Date; endsAt: Date }): Promise<ContributionDriveRow> {
    return tx.guildContributionDrive.create({ data: { ...data, openGuildId: data.guildId } });
  }

  /**
   * Adds a member's coins to the locked drive: their total (one row per member) and the drive's,
   * counting a new contributor once.
   */
  async addContribution(tx: Tx, input: { driveId: string; userId: string; coins: number; raised: bigint; at: Date }): Promise<ContributionDriveRow> {
    const [{ created }] = await prismaSql(tx).query<{ created: boolean }>(
      `INSERT INTO guild_drive_contributions (drive_id, user_id, coins, updated_at) VALUES ($1::uuid, $2::uuid, $3::bigint, $4::timestamptz)
       ON CONFLICT (drive_id, user_id) DO UPDATE SET coins = guild_drive_contributions.coins + EXCLUDED.coins, updated_at = EXCLUDED.updated_at
       RETURNING (xmax = 0) AS created`,
      [input.driveId, input.userId, String(input.coins), input.at.toISOString()],
    ) as [{ created: boolean }];
    return tx.guildContributionDrive.update({
      where: { id: input.driveId },
      data: { raised: input.raised, ...(created ? { contributorCount: { increment: 1 } } : {}) },
    });
  }

  /** Ends the locked ACTIVE drive: its guild may open another. */
  end(tx: Tx, driveId: string, status: Exclude<ContributionDriveStatus, 'ACTIVE'>, endedAt: Date): Promise<ContributionDriveRow> {
    return tx.guildContributionDrive.update({ where: { id: driveId }, data: { status, endedAt, openGuildId: null } });
  }
}
