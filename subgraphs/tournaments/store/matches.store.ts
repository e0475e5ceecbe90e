import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
import type { TournamentMatch } from '../../../generated/prisma/client.js';
import type { Source } from '../domain/brackets/types.js';
import type { BracketSlot, Claim, MatchState, SlotUpdate } from '../domain/results.js';

/** A match row as stored, with where its players come from and the players' reports. */
export type StoredMatch = TournamentMatch;
/**
 * A match as resolvers receive it (the GraphQL `TournamentMatch` mapper): the stored row without its
 * JSON columns, which the bracket view never shows and which cost half of reading 1,000 matches.
 */
export type MatchRow = Omit<StoredMatch, 'sourceA' | 'sourceB' | 'claimA' | 'claimB'>;
const VIEW_OMITS = { sourceA: true, sourceB: true, claimA: true, claimB: true } as const;

/** The view of a stored match (what is published live: not the players' reports). */
export const viewOf = ({ sourceA: _a, sourceB: _b, claimA: _ca, claimB: _cb, ...view }: StoredMatch): MatchRow => view;
/** One round of a bracket as resolvers receive it (the GraphQL `BracketRound` mapper). */
export interface RoundOf {
  side: string;
  round: number;
  matches: MatchRow[];
}

/** The order sides are shown (and played) in. */
const SIDE_ORDER = ['WINNERS', 'LOSERS', 'GRAND_FINAL', 'THIRD_PLACE', 'ROUND_ROBIN', 'SWISS', 'LADDER'];

/** A bracket's rows grouped into rounds: sides in play order, rounds in order, matches by position. */
export function roundsOf(rows: readonly MatchRow[]): RoundOf[] {
  const sorted = [...rows].sort((a, b) => SIDE_ORDER.indexOf(a.side) - SIDE_ORDER.indexOf(b.side) || a.round - b.round || a.position - b.position);
  const rounds: RoundOf[] = [];
  for (const row of sorted) {
    const last = rounds.at(-1);
    if (last && last.side === row.side && last.round === row.round) last.matches.push(row);
    else rounds.push({ side: row.side, round: row.round, matches: [row] });
  }
  return rounds;
}

export const stateOf = (row: StoredMatch): MatchState => ({
  key: row.key,
  status: row.status,
  playerA: row.playerA,
  playerB: row.playerB,
  winnerId: row.winnerId,
  claimA: row.claimA as Claim | null,
  claimB: row.claimB as Claim | null,
});

export const slotOf = (row: StoredMatch): BracketSlot => ({
  key: row.key,
  sourceA: row.sourceA as Source,
  sourceB: row.sourceB as Source,
  playerA: row.playerA,
  playerB: row.playerB,
  conditional: row.conditional,
  status: row.status,
});

/** A tournament's matches: results and the bracket view. */
export class MatchesStore {
  constructor(private readonly prisma: PrismaClient) {}

  find(tx: Tx | PrismaClient, id: string): Promise<StoredMatch | null> {
    return tx.tournamentMatch.findUnique({ where: { id } });
  }

  bracket(tx: Tx, tournamentId: string): Promise<StoredMatch[]> {
    return tx.tournamentMatch.findMany({ where: { tournamentId } });
  }

  update(tx: Tx, id: string, data: Prisma.TournamentMatchUpdateInput): Promise<StoredMatch> {
    return tx.tournamentMatch.update({ where: { id }, data });
  }

  /** Advancement's changes to later matches (a few per result); a match opening (READY) starts its clock at `at`. Returns them as changed. */
  async apply(tx: Tx, tournamentId: string, updates: readonly SlotUpdate[], at: Date): Promise<StoredMatch[]> {
    const changed: StoredMatch[] = [];
    for (const { key, ...data } of updates) {
      changed.push(await tx.tournamentMatch.update({ where: { tournamentId_key: { tournamentId, key } }, data: { ...data, ...(data.status === 'READY' ? { readyAt: at } : {}) } }));
    }
    return changed;
  }

  create(tx: Tx, data: Prisma.TournamentMatchUncheckedCreateInput): Promise<StoredMatch> {
    return tx.tournamentMatch.create({ data });
  }

  /** Closes the tournament's undecided matches (a ladder's end): SKIPPED. Returns them as changed. */
  async skipOpen(tx: Tx, tournamentId: string): Promise<StoredMatch[]> {
    const open = await tx.tournamentMatch.findMany({ where: { tournamentId, status: { in: ['READY', 'DISPUTED', 'PENDING'] } } });
    if (!open.length) return [];
    await tx.tournamentMatch.updateMany({ where: { id: { in: open.map((m) => m.id) } }, data: { status: 'SKIPPED' } });
    return open.map((m) => ({ ...m, status: 'SKIPPED' as const }));
  }

  /** One side's round of a tournament (a Swiss round just paired). */
  round(tx: Tx, tournamentId: string, side: string, round: number): Promise<StoredMatch[]> {
    return tx.tournamentMatch.findMany({ where: { tournamentId, side, round }, orderBy: { position: 'asc' } });
  }

  /** Every match of each tournament (the view), in the ids' order: one query for any number of tournaments. */
  async byTournaments(tournamentIds: readonly string[]): Promise<MatchRow[][]> {
    const rows = await this.prisma.tournamentMatch.findMany({ where: { tournamentId: { in: [...tournamentIds] } }, omit: VIEW_OMITS });
    const by = new Map<string, MatchRow[]>(tournamentIds.map((id) => [id, []]));
    for (const row of rows) by.get(row.tournamentId)?.push(row);
    return tournamentIds.map((id) => by.get(id)!);
  }
}
