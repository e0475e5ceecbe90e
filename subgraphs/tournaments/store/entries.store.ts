import { asSql, pgArray, prismaSql, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import type { TournamentEntry, TournamentEntryStatus } from '../../../generated/prisma/client.js';
import { TOURNAMENT_COLUMNS, type TournamentRow } from './tournaments.store.js';

export type EntryRow = TournamentEntry;
export type EntryKey = Pick<EntryRow, 'tournamentId' | 'userId' | 'attempt'>;

/** Entries that hold a place: a fee being taken, or registered. */
const HOLDING: TournamentEntryStatus[] = ['PENDING', 'ACTIVE'];

/** Registrations and the bracket's matches. */
export class EntriesStore {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * The tournament, locked until the transaction ends: registrations, leaving, starting and
   * cancelling serialise on it. Locking: SELECT … FOR UPDATE, which Prisma cannot express; the row
   * comes back from the same statement.
   */
  async lockTournament(client: Sql | Tx, id: string): Promise<TournamentRow | null> {
    const rows = await asSql(client).query<TournamentRow>(`SELECT ${TOURNAMENT_COLUMNS} FROM tournaments WHERE id = $1::uuid FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** The tournament a match belongs to, locked as `lockTournament` does, in one statement; null for an unknown match. */
  async lockTournamentOfMatch(client: Sql | Tx, matchId: string): Promise<TournamentRow | null> {
    const rows = await asSql(client).query<TournamentRow>(
      `SELECT ${TOURNAMENT_COLUMNS} FROM tournaments WHERE id = (SELECT tournament_id FROM tournament_matches WHERE id = $1::uuid) FOR UPDATE`,
      [matchId],
    );
    return rows[0] ?? null;
  }

  /** What registration needs under the lock: places held, the player's current entry, their last attempt. */
  async registrationOf(tx: Tx | PrismaClient, tournamentId: string, userId: string) {
    const [held, mine] = await Promise.all([
      tx.tournamentEntry.count({ where: { tournamentId, status: { in: HOLDING } } }),
      tx.tournamentEntry.findMany({ where: { tournamentId, userId }, orderBy: { attempt: 'desc' } }),
    ]);
    return { held, current: mine.find((e) => HOLDING.includes(e.status)) ?? null, lastAttempt: mine[0]?.attempt ?? 0 };
  }

  insert(tx: Tx, entry: Prisma.TournamentEntryUncheckedCreateInput): Promise<EntryRow> {
    return tx.tournamentEntry.create({ data: entry });
  }

  /** Moves an entry only if it is still in `from`; true when it moved. */
  async move(tx: Tx | PrismaClient, key: EntryKey, from: TournamentEntryStatus, to: TournamentEntryStatus): Promise<boolean> {
    const { count } = await tx.tournamentEntry.updateMany({ where: { ...key, status: from }, data: { status: to } });
    return count === 1;
  }

  /** Drops a PENDING entry whose fee was refused (nothing was taken, nothing is owed). */
  async drop(key: EntryKey): Promise<void> {
    await this.prisma.tournamentEntry.updateMany({ where: { ...key, status: 'PENDING' }, data: { status: 'DROPPED' } });
  }

  async statusOf(tx: Tx, key: EntryKey): Promise<TournamentEntryStatus | null> {
    return (await tx.tournamentEntry.findUnique({ where: { tournamentId_userId_attempt: key }, select: { status: true } }))?.status ?? null;
  }

  find(key: EntryKey): Promise<EntryRow | null> {
    return this.prisma.tournamentEntry.findUnique({ where: { tournamentId_userId_attempt: key } });
  }

  /** The registered players (no lock: what the start asks the users subgraph about first). */
  async activePlayerIds(tournamentId: string): Promise<string[]> {
    const rows = await this.prisma.tournamentEntry.findMany({ where: { tournamentId, status: 'ACTIVE' }, select: { userId: true } });
    return rows.map((r) => r.userId);
  }

  entriesIn(tx: Tx, tournamentId: string, status: TournamentEntryStatus): Promise<EntryRow[]> {
    return tx.tournamentEntry.findMany({ where: { tournamentId, status }, orderBy: [{ joinedAt: 'asc' }, { userId: 'asc' }] });
  }

  /**
   * Seeds the players, index 0 seed 1, in one statement (raw SQL, docs/database.md: an update per
   * player made starting 1,024 players outlast the transaction's timeout).
   */
  async setSeeds(tx: Tx, seeded: readonly EntryKey[]): Promise<void> {
    if (!seeded.length) return;
    await prismaSql(tx).query(
      `UPDATE tournament_entries e SET seed = s.seed
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[]) AS s(tournament_id, user_id, attempt, seed)
        WHERE e.tournament_id = s.tournament_id AND e.user_id = s.user_id AND e.attempt = s.attempt`,
      [pgArray(seeded.map((e) => e.tournamentId)), pgArray(seeded.map((e) => e.userId)), pgArray(seeded.map((e) => e.attempt)), pgArray(seeded.map((_, i) => i + 1))],
    );
  }

  /**
   * The players in seed order (index 0 is seed 1), once play has started. Raw SQL: read inside the
   * result path's port transaction (hot path).
   */
  async seededPlayers(client: Sql | Tx, tournamentId: string): Promise<string[]> {
    const rows = await asSql(client).query<{ userId: string }>(
      `SELECT user_id::text AS "userId" FROM tournament_entries WHERE tournament_id = $1::uuid AND status = 'ACTIVE' AND seed IS NOT NULL ORDER BY seed`,
      [tournamentId],
    );
    return rows.map((r) => r.userId);
  }

  /** Entry fees paid by the tournament's registered players. Raw SQL: read inside the result path's port transaction (a completion). */
  async feesOf(client: Sql | Tx, tournamentId: string): Promise<number> {
    const [row] = await asSql(client).query<{ fees: number }>(`SELECT COALESCE(sum(fee), 0)::int AS fees FROM tournament_entries WHERE tournament_id = $1::uuid AND status = 'ACTIVE'`, [tournamentId]);
    return row?.fees ?? 0;
  }

  /** Registered players per tournament (ACTIVE entries), in the ids' order: one query for any number. */
  async participantCounts(tournamentIds: readonly string[]): Promise<number[]> {
    const rows = await this.prisma.tournamentEntry.groupBy({ by: ['tournamentId'], where: { tournamentId: { in: [...tournamentIds] }, status: 'ACTIVE' }, _count: { _all: true } });
    const byId = new Map(rows.map((r) => [r.tournamentId, r._count._all]));
    return tournamentIds.map((id) => byId.get(id) ?? 0);
  }

  /** Entry fees paid by the players registered now, per tournament, in the ids' order: one query. */
  async feesCollected(tournamentIds: readonly string[]): Promise<number[]> {
    const rows = await this.prisma.tournamentEntry.groupBy({ by: ['tournamentId'], where: { tournamentId: { in: [...tournamentIds] }, status: 'ACTIVE' }, _sum: { fee: true } });
    const byId = new Map(rows.map((r) => [r.tournamentId, r._sum.fee ?? 0]));
    return tournamentIds.map((id) => byId.get(id) ?? 0);
  }

  /** Writes the final places and prizes (one statement for the whole field). */
  async setStandings(client: Sql | Tx, tournamentId: string, standings: readonly { userId: string; placement: number; prize: number }[]): Promise<void> {
    if (!standings.length) return;
    // Raw SQL (docs/database.md): one UPDATE … FROM unnest for up to 1,024 rows, which Prisma cannot express.
    await asSql(client).query(
      `UPDATE tournament_entries e SET placement = s.placement, prize = s.prize
         FROM unnest($2::uuid[], $3::int[], $4::int[]) AS s(user_id, placement, prize)
        WHERE e.tournament_id = $1::uuid AND e.user_id = s.user_id AND e.status = 'ACTIVE'`,
      [tournamentId, pgArray(standings.map((s) => s.userId)), pgArray(standings.map((s) => s.placement)), pgArray(standings.map((s) => s.prize))],
    );
  }

  /** Each tournament's final standings, first place first, in the ids' order: one query for any number. */
  async standingsOf(tournamentIds: readonly string[]): Promise<EntryRow[][]> {
    const rows = await this.prisma.tournamentEntry.findMany({ where: { tournamentId: { in: [...tournamentIds] }, status: 'ACTIVE', placement: { not: null } }, orderBy: { placement: 'asc' } });
    const by = new Map<string, EntryRow[]>(tournamentIds.map((id) => [id, []]));
    for (const row of rows) by.get(row.tournamentId)?.push(row);
    return tournamentIds.map((id) => by.get(id)!);
  }

  /** The seeds of each tournament's players (userId → seed), in the ids' order: one query. */
  async seedsOf(tournamentIds: readonly string[]): Promise<Map<string, number>[]> {
    const rows = await this.prisma.tournamentEntry.findMany({ where: { tournamentId: { in: [...tournamentIds] }, status: 'ACTIVE', seed: { not: null } }, select: { tournamentId: true, userId: true, seed: true } });
    const by = new Map<string, Map<string, number>>(tournamentIds.map((id) => [id, new Map()]));
    for (const row of rows) by.get(row.tournamentId)?.set(row.userId, row.seed!);
    return tournamentIds.map((id) => by.get(id)!);
  }

  matchCount(tournamentId: string): Promise<number> {
    return this.prisma.tournamentMatch.count({ where: { tournamentId } });
  }
}
