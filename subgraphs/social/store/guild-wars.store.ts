import type { GuildWar, GuildWarStatus } from '../../../generated/prisma/client.js';
import { pgArray, prismaSql, type PrismaClient, type Tx } from '../../../platform/db/index.js';
import { findByUuids, isUuid } from '../../../platform/ids.js';
import type { PageRequest, TimeIdKey } from '../../../platform/pagination.js';

/** A war as resolvers receive it (the GraphQL `GuildWar` mapper). */
export type GuildWarRow = GuildWar;

/** One guild's page of wars, newest declaration first. */
export interface WarPageKey {
  guildId: string;
  request: PageRequest<TimeIdKey>;
}

/** One side's top scorers of a war, `take` of them. */
export interface TopScorersKey {
  warId: string;
  side: 'ATTACKER' | 'DEFENDER';
  take: number;
}

/** A member's part in a war: the points and the wins they scored for their side. */
export interface WarScorerRow {
  userId: string;
  points: number;
  wins: number;
}

/** Where a war sits in Guild.wars: newest declaration first, ties broken by id. */
export const guildWarKey = (row: GuildWarRow): TimeIdKey => ({ at: row.declaredAt, id: row.id });

const WAR_COLUMNS = `w.id::text AS id, w.attacker_id::text AS "attackerId", w.defender_id::text AS "defenderId", w.declared_by::text AS "declaredBy",
  w.status::text AS status, w.declared_at AS "declaredAt", w.starts_at AS "startsAt", w.ends_at AS "endsAt", w.ended_at AS "endedAt",
  w.attacker_points AS "attackerPoints", w.defender_points AS "defenderPoints", w.winner_id::text AS "winnerId",
  w.rewarded_ids::text[] AS "rewardedIds"`;

export class GuildWarsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(GuildWarRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.guildWar.findMany({ where: { id: { in: uuids } } }));
  }

  /**
   * One page of wars per key (either side), in one statement whatever the number of guilds (raw
   * SQL, docs/database.md: one page per parent with `CROSS JOIN LATERAL (… LIMIT n)`; each side
   * walks its own index, newest first).
   */
  async pages(keys: readonly WarPageKey[]): Promise<GuildWarRow[][]> {
    if (keys.length === 0) return [];
    const rows = await prismaSql(this.prisma).query<GuildWarRow & { i: bigint | number }>(
      `SELECT k.i AS i, ${WAR_COLUMNS}
       FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::int[]) WITH ORDINALITY AS k(guild_id, after_at, after_id, take, i)
       CROSS JOIN LATERAL (
         SELECT * FROM (
           (SELECT * FROM guild_wars a WHERE a.attacker_id = k.guild_id
              AND (k.after_at IS NULL OR (a.declared_at, a.id) < (k.after_at, k.after_id))
              ORDER BY a.declared_at DESC, a.id DESC LIMIT k.take)
           UNION ALL
           (SELECT * FROM guild_wars d WHERE d.defender_id = k.guild_id
              AND (k.after_at IS NULL OR (d.declared_at, d.id) < (k.after_at, k.after_id))
              ORDER BY d.declared_at DESC, d.id DESC LIMIT k.take)
         ) both_sides
         ORDER BY declared_at DESC, id DESC
         LIMIT k.take
       ) w
       ORDER BY k.i, w.declared_at DESC, w.id DESC`,
      [
        pgArray(keys.map((k) => (isUuid(k.guildId) ? k.guildId : null))),
        pgArray(keys.map((k) => k.request.cursor?.at.toISOString() ?? null)),
        pgArray(keys.map((k) => k.request.cursor?.id ?? null)),
        pgArray(keys.map((k) => k.request.take)),
      ],
    );
    const pages = keys.map((): GuildWarRow[] => []);
    for (const { i, ...row } of rows) pages[Number(i) - 1]!.push(row);
    return pages;
  }

  /** The war, locked until the transaction ends (raw SQL: `FOR UPDATE`): its moves and its end queue on it. */
  async lock(tx: Tx, warId: string): Promise<GuildWarRow | undefined> {
    if (!isUuid(warId)) return undefined;
    const [row] = await prismaSql(tx).query<GuildWarRow>(`SELECT ${WAR_COLUMNS} FROM guild_wars w WHERE w.id = $1::uuid FOR UPDATE`, [warId]);
    return row;
  }

  /** Whether a war between the two guilds (either side) has not ENDED. */
  async openBetween(tx: Tx, a: string, b: string): Promise<boolean> {
    const found = await tx.guildWar.findFirst({
      where: { status: { not: 'ENDED' }, OR: [{ attackerId: a, defenderId: b }, { attackerId: b, defenderId: a }] },
      select: { id: true },
    });
    return found !== null;
  }

  /** When the guild last declared a war (null: never). */
  async lastDeclaredBy(tx: Tx, guildId: string): Promise<Date | null> {
    const last = await tx.guildWar.findFirst({ where: { attackerId: guildId }, orderBy: [{ declaredAt: 'desc' }, { id: 'desc' }], select: { declaredAt: true } });
    return last?.declaredAt ?? null;
  }

  create(tx: Tx, data: { attackerId: string; defenderId: string; declaredBy: string; declaredAt: Date; startsAt: Date; endsAt: Date }): Promise<GuildWarRow> {
    return tx.guildWar.create({ data });
  }

  /** Moves the locked war on (the caller checked the move). */
  move(tx: Tx, warId: string, to: GuildWarStatus, end?: { endedAt: Date; winnerId: string | null; rewardedIds: string[] }): Promise<GuildWarRow> {
    return tx.guildWar.update({ where: { id: warId }, data: { status: to, ...(end ?? {}) } });
  }

  /**
   * The not-ended wars of the guild whose fighting window holds `at`, with the guild's side.
   */
  async warsAt(tx: Tx, guildId: string, at: Date): Promise<{ id: string; side: 'ATTACKER' | 'DEFENDER' }[]> {
    const wars = await tx.guildWar.findMany({
      where: { status: { not: 'ENDED' }, startsAt: { lte: at }, endsAt: { gt: at }, OR: [{ attackerId: guildId }, { defenderId: guildId }] },
      select: { id: true, attackerId: true },
    });
    return wars.map((w) => ({ id: w.id, side: w.attackerId === guildId ? 'ATTACKER' : 'DEFENDER' }));
  }

  /**
   * Counts one event's points for a side, once per (war, event), and only while the war has not
   * ENDED: the war is locked first, as the end job locks it, so an event that arrives after the
   * end changes nothing. True when it scored.
   */
  async score(tx: Tx, input: { warId: string; side: 'ATTACKER' | 'DEFENDER'; eventId: string; guildId: string; userId: string; kind: string; points: number; occurredAt: Date }): Promise<boolean> {
    const war = await this.lock(tx, input.warId);
    if (!war || war.status === 'ENDED') return false;
    const inserted = await tx.$executeRaw`
      INSERT INTO guild_war_scores (war_id, event_id, guild_id, user_id, kind, points, occurred_at)
      VALUES (${input.warId}::uuid, ${input.eventId}, ${input.guildId}::uuid, ${input.userId}::uuid, ${input.kind}, ${input.points}::int, ${input.occurredAt})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return false;
    const points = { increment: input.points };
    await tx.guildWar.update({ where: { id: input.warId }, data: input.side === 'ATTACKER' ? { attackerPoints: points } : { defenderPoints: points } });
    return true;
  }

  /**
   * Each war side's top scorers (points summed per member, most first; ties: who scored their
   * last point first), in one statement for any number of wars and sides: one grouped page each,
   * from the (war_id, user_id) index.
   */
  async topScorers(keys: readonly TopScorersKey[]): Promise<WarScorerRow[][]> {
    if (keys.length === 0) return [];
    const rows = await prismaSql(this.prisma).query<WarScorerRow & { i: bigint | number }>(
      `SELECT k.i AS i, s."userId", s.points, s.wins
       FROM unnest($1::uuid[], $2::text[], $3::int[]) WITH ORDINALITY AS k(war_id, side, take, i)
       CROSS JOIN LATERAL (
         SELECT x.user_id::text AS "userId", sum(x.points)::int AS points, count(*)::int AS wins, max(x.occurred_at) AS last
         FROM guild_war_scores x
         JOIN guild_wars w ON w.id = x.war_id
         WHERE x.war_id = k.war_id AND x.guild_id = CASE WHEN k.side = 'ATTACKER' THEN w.attacker_id ELSE w.defender_id END
         GROUP BY x.user_id
         ORDER BY points DESC, last, "userId"
         LIMIT k.take
       ) s
       ORDER BY k.i, s.points DESC, s.last, s."userId"`,
      [pgArray(keys.map((k) => (isUuid(k.warId) ? k.warId : null))), pgArray(keys.map((k) => k.side)), pgArray(keys.map((k) => k.take))],
    );
    const lists = keys.map((): WarScorerRow[] => []);
    for (const { i, ...row } of rows) lists[Number(i) - 1]!.push(row);
    return lists;
  }

  /** Wars ACTIVE now, for the `guild_wars_active` gauge. */
  countActive(): Promise<number> {
    return this.prisma.guildWar.count({ where: { status: 'ACTIVE' } });
  }
}
