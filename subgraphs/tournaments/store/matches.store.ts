import { asSql, pgArray, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import type { TournamentMatch } from '../../../generated/prisma/client.js';
import { isUuid } from '../../../platform/ids.js';
import type { BracketMatch, Source } from '../domain/brackets/types.js';
import type { BracketSlot, Claim, MatchState, SlotUpdate } from '../domain/results.js';

/** A match row as stored, with where its players come from and the players' reports. */
export type StoredMatch = TournamentMatch;
/**
 * A match as resolvers receive it (the GraphQL `TournamentMatch` mapper): the stored row without its
 * JSON columns, which the bracket view never shows and which cost half of reading 1,000 matches.
 */
export type MatchRow = Omit<StoredMatch, 'sourceA' | 'sourceB' | 'claimA' | 'claimB'>;

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

/** Every column of a match row as Prisma names it (prefixed by `m.`), for raw statements that return rows. */
const MATCH_COLUMN_LIST = [
  'm.id::text AS id',
  'm.tournament_id::text AS "tournamentId"',
  'm.key',
  'm.side',
  'm.round',
  'm.position',
  'm.source_a AS "sourceA"',
  'm.source_b AS "sourceB"',
  'm.player_a::text AS "playerA"',
  'm.player_b::text AS "playerB"',
  'm.conditional',
  'm.created_at AS "createdAt"',
  'm.ready_at AS "readyAt"',
  'm.status::text AS status',
  'm.winner_id::text AS "winnerId"',
  'm.score',
  'm.claim_a AS "claimA"',
  'm.claim_b AS "claimB"',
  'm.decided_by AS "decidedBy"',
  'm.completed_at AS "completedAt"',
];
const MATCH_COLUMNS = MATCH_COLUMN_LIST.join(', ');
/** The bracket view's columns: every one but the JSON ones (`MatchRow`). */
const VIEW_COLUMNS = MATCH_COLUMN_LIST.filter((c) => !/"(sourceA|sourceB|claimA|claimB)"/.test(c)).join(', ');
// The raw column list above names every field of the row: this fails to compile when a field is added.
const listed: Record<keyof StoredMatch, true> = {
  id: true, tournamentId: true, key: true, side: true, round: true, position: true, sourceA: true, sourceB: true, playerA: true, playerB: true,
  conditional: true, createdAt: true, readyAt: true, status: true, winnerId: true, score: true, claimA: true, claimB: true, decidedBy: true, completedAt: true,
};
void listed;

/** What a result needs under the tournament's lock: the match, the matches it feeds, and how many are undecided. */
export interface ResultScene {
  match: StoredMatch;
  /** The later matches whose players come from this one (its winner or loser). */
  fed: StoredMatch[];
  /** The tournament's matches neither COMPLETED nor SKIPPED (this one included, if it is). */
  undecided: number;
}

/** A match's result as written: the match COMPLETED, and advancement's changes to the matches it feeds. */
export interface DecidedResult {
  matchId: string;
  winnerId: string;
  score: string | null;
  decidedBy: string;
  at: Date;
  updates: readonly SlotUpdate[];
}

/** A tournament's matches: results and the bracket view. */
export class MatchesStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the bracket view's read. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /**
   * The match, the matches it feeds and the tournament's undecided count, in one statement (null for
   * an unknown match). Raw SQL on the port: the result path (hot path, bench/RESULTS.md
   * "Tournaments"); sent right behind the tournament's lock on the pipelined connection, it runs
   * once the lock is held and reads what the previous holder committed.
   */
  async resultScene(client: Sql | Tx, matchId: string): Promise<ResultScene | null> {
    const rows = await asSql(client).query<StoredMatch & { isMatch: boolean; undecided: number }>(
      `WITH me AS (SELECT id, tournament_id, key FROM tournament_matches WHERE id = $1::uuid)
       SELECT ${MATCH_COLUMNS}, m.id = me.id AS "isMatch",
              (SELECT count(*)::int FROM tournament_matches o WHERE o.tournament_id = me.tournament_id AND o.status NOT IN ('COMPLETED', 'SKIPPED')) AS undecided
         FROM me JOIN tournament_matches m ON m.tournament_id = me.tournament_id
        WHERE m.id = me.id
           OR m.source_a->>'winnerOf' = me.key OR m.source_a->>'loserOf' = me.key
           OR m.source_b->>'winnerOf' = me.key OR m.source_b->>'loserOf' = me.key`,
      [matchId],
    );
    const own = rows.find((r) => r.isMatch);
    if (!own) return null;
    const strip = ({ isMatch: _i, undecided: _u, ...row }: StoredMatch & { isMatch: boolean; undecided: number }): StoredMatch => row;
    return { match: strip(own), fed: rows.filter((r) => !r.isMatch).map(strip), undecided: own.undecided };
  }

  /**
   * Writes a decided result: the match COMPLETED and advancement's changes to later matches (a
   * match opening, READY, starts its clock at `at`), in one statement; returns the match, then the
   * changed matches in the updates' order. Raw SQL: set-based write on the result path (hot path).
   */
  async decide(client: Sql | Tx, tournamentId: string, result: DecidedResult): Promise<StoredMatch[]> {
    const u = result.updates;
    const rows = await asSql(client).query<StoredMatch & { ord: number }>(
      `WITH done AS (
         UPDATE tournament_matches m SET status = 'COMPLETED', winner_id = $2::uuid, score = $3, decided_by = $4, completed_at = $5::timestamptz
          WHERE m.id = $1::uuid RETURNING ${MATCH_COLUMNS}, 0 AS ord
       ), moved AS (
         UPDATE tournament_matches m
            SET player_a = COALESCE(u.player_a, m.player_a),
                player_b = COALESCE(u.player_b, m.player_b),
                status = COALESCE(u.status::"TournamentMatchStatus", m.status),
                ready_at = CASE WHEN u.status = 'READY' THEN $5::timestamptz ELSE m.ready_at END
           FROM unnest($7::text[], $8::uuid[], $9::uuid[], $10::text[]) WITH ORDINALITY AS u(key, player_a, player_b, status, ord)
          WHERE m.tournament_id = $6::uuid AND m.key = u.key
          RETURNING ${MATCH_COLUMNS}, u.ord::int AS ord
       )
       SELECT * FROM done UNION ALL SELECT * FROM moved`,
      [
        result.matchId,
        result.winnerId,
        result.score,
        result.decidedBy,
        result.at.toISOString(),
        tournamentId,
        pgArray(u.map((x) => x.key)),
        pgArray(u.map((x) => x.playerA ?? null)),
        pgArray(u.map((x) => x.playerB ?? null)),
        pgArray(u.map((x) => x.status ?? null)),
      ],
    );
    return rows.sort((a, b) => a.ord - b.ord).map(({ ord: _o, ...row }) => row);
  }

  /** Records a player's report on the match (and DISPUTED when it contradicts the other's). Raw SQL: the result path (hot path). */
  async claim(client: Sql | Tx, matchId: string, side: 'A' | 'B', claim: Claim, disputed: boolean): Promise<StoredMatch> {
    const column = side === 'A' ? 'claim_a' : 'claim_b';
    const [row] = await asSql(client).query<StoredMatch>(
      `UPDATE tournament_matches m SET ${column} = $2::jsonb, status = CASE WHEN $3::boolean THEN 'DISPUTED'::"TournamentMatchStatus" ELSE m.status END
        WHERE m.id = $1::uuid RETURNING ${MATCH_COLUMNS}`,
      [matchId, JSON.stringify(claim), disputed],
    );
    return row!;
  }

  /**
   * Writes bracket matches, players filled in where a seed decides them; a Swiss bye (a seat against
   * a bye) is written finished, won by its player. Returns them as written, in the given order. Raw SQL: set-based write (up to 2,047 rows at a start; a Swiss round inside the result
   * path's port transaction), `unnest` of one array per column.
   */
  async insert(client: Sql | Tx, tournamentId: string, matches: readonly BracketMatch[], seeds: readonly string[], at = new Date()): Promise<StoredMatch[]> {
    if (!matches.length) return [];
    const playerOf = (source: BracketMatch['players'][number]) => ('seed' in source ? seeds[source.seed - 1]! : null);
    const byeOf = (m: BracketMatch) => ('bye' in m.players[1] ? playerOf(m.players[0]) : null);
    const ready = (m: BracketMatch) => !byeOf(m) && playerOf(m.players[0]) !== null && playerOf(m.players[1]) !== null;
    const column = <T extends string | number | boolean | null>(f: (m: BracketMatch) => T) => pgArray(matches.map(f));
    const rows = await asSql(client).query<StoredMatch>(
      `INSERT INTO tournament_matches AS m (id, tournament_id, key, side, round, position, source_a, source_b, player_a, player_b, conditional, status, winner_id, decided_by, completed_at, ready_at)
       SELECT gen_random_uuid(), $1::uuid, i.key, i.side, i.round, i.position, i.source_a::jsonb, i.source_b::jsonb, i.player_a, i.player_b, i.conditional,
              i.status::"TournamentMatchStatus", i.winner_id, CASE WHEN i.winner_id IS NULL THEN NULL ELSE 'BYE' END,
              CASE WHEN i.winner_id IS NULL THEN NULL ELSE $2::timestamptz END, CASE WHEN i.status = 'READY' THEN $2::timestamptz END
         FROM unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::uuid[], $10::uuid[], $11::boolean[], $12::text[], $13::uuid[])
              WITH ORDINALITY AS i(key, side, round, position, source_a, source_b, player_a, player_b, conditional, status, winner_id, ord)
        ORDER BY i.ord
       RETURNING ${MATCH_COLUMNS}`,
      [
        tournamentId,
        at.toISOString(),
        column((m) => m.key),
        column((m) => m.side),
        column((m) => m.round),
        column((m) => m.position),
        column((m) => JSON.stringify(m.players[0])),
        column((m) => JSON.stringify(m.players[1])),
        column((m) => playerOf(m.players[0])),
        column((m) => playerOf(m.players[1])),
        column((m) => m.conditional ?? false),
        column((m) => (byeOf(m) ? 'COMPLETED' : ready(m) ? 'READY' : 'PENDING')),
        column((m) => byeOf(m)),
      ],
    );
    const order = new Map(matches.map((m, i) => [m.key, i]));
    return rows.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
  }

  /** Every match of the tournament, stored columns included (a completion, a Swiss pairing, a ladder). Raw SQL: read inside port transactions. */
  bracket(client: Sql | Tx, tournamentId: string): Promise<StoredMatch[]> {
    return asSql(client).query<StoredMatch>(`SELECT ${MATCH_COLUMNS} FROM tournament_matches m WHERE m.tournament_id = $1::uuid`, [tournamentId]);
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


  /** Every match of each tournament (the view), in the ids' order: one query for any number of tournaments. */
  async byTournaments(tournamentIds: readonly string[]): Promise<MatchRow[][]> {
    // Raw SQL on the port (docs/database.md): the read path's hot read (a 1,024-player bracket is
    // 1,023 rows; bench/RESULTS.md, "Tournaments").
    const rows = await this.sql.query<MatchRow>(`SELECT ${VIEW_COLUMNS} FROM tournament_matches m WHERE m.tournament_id = ANY($1::uuid[])`, [pgArray(tournamentIds.filter(isUuid))]);
    const by = new Map<string, MatchRow[]>(tournamentIds.map((id) => [id, []]));
    for (const row of rows) by.get(row.tournamentId)?.push(row);
    return tournamentIds.map((id) => by.get(id)!);
  }

}
