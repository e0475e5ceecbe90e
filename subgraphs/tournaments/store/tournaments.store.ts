import type { Tournament, TournamentStatus as StoredStatus } from '../../../generated/prisma/client.js';
import { asSql, prismaSql, type Prisma, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import { findByUuids } from '../../../platform/ids.js';
import { timeIdKeyset, type PageRequest, type TimeIdKey } from '../../../platform/pagination.js';
import type { TournamentStatus } from '../domain/lifecycle.js';
import type { ListingFilter } from '../domain/listing.js';
import type { TournamentSettings } from '../domain/settings.js';

/** A tournament row as resolvers receive it (the GraphQL `Tournament` mapper). */
export type TournamentRow = Tournament;

// domain/lifecycle.ts spells the statuses without Prisma: this fails to compile when the two drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesMatch: Same<TournamentStatus, StoredStatus> = true;
void statusesMatch;

/** Every column of a tournament row as Prisma names it, for raw statements that return rows. */
export const TOURNAMENT_COLUMNS = [
  'id::text AS id',
  'name',
  'description',
  'format::text AS format',
  'status::text AS status',
  'max_participants AS "maxParticipants"',
  'min_participants AS "minParticipants"',
  'entry_fee AS "entryFee"',
  'starts_at AS "startsAt"',
  'ends_at AS "endsAt"',
  'created_by::text AS "createdBy"',
  'created_at AS "createdAt"',
  'best_of AS "bestOf"',
  'third_place_match AS "thirdPlaceMatch"',
  'grand_final_reset AS "grandFinalReset"',
  'swiss_rounds AS "swissRounds"',
  'ladder_range AS "ladderRange"',
  'prize_fixed AS "prizeFixed"',
  'prize_fee_share AS "prizeFeeShare"',
  'prize_split AS "prizeSplit"',
  'minimum_level AS "minimumLevel"',
  'rules',
  'request_key AS "requestKey"',
  'completed_at AS "completedAt"',
  'prize_funded AS "prizeFunded"',
].join(', ');

// The raw column list above names every field of the row: this fails to compile when a field is added.
type Fields = keyof TournamentRow;
const listed: Record<Fields, true> = {
  id: true, name: true, description: true, format: true, status: true, maxParticipants: true, minParticipants: true, entryFee: true, startsAt: true, endsAt: true,
  createdBy: true, createdAt: true, bestOf: true, thirdPlaceMatch: true, grandFinalReset: true, swissRounds: true, ladderRange: true, prizeFixed: true,
  prizeFeeShare: true, prizeSplit: true, minimumLevel: true, rules: true, requestKey: true, completedAt: true, prizeFunded: true,
};
void listed;

export class TournamentsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(TournamentRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.tournament.findMany({ where: { id: { in: uuids } } }));
  }

  /**
   * Writes a new tournament in REGISTRATION (a duplicate request key throws the unique violation);
   * `funded` is the funding it comes from (its id and the coins its creator paid into the pool).
   */
  create(tx: Tx, settings: TournamentSettings, createdBy: string, funded?: { id: string; amount: number }): Promise<TournamentRow> {
    return tx.tournament.create({ data: { ...settings, createdBy, ...(funded ? { id: funded.id, prizeFunded: funded.amount } : {}) } });
  }

  setStatus(tx: Tx, id: string, status: TournamentStatus): Promise<TournamentRow> {
    return tx.tournament.update({ where: { id }, data: { status } });
  }

  /** The last match ended: COMPLETED at `at`. Raw SQL: inside the result path's port transaction (hot path). */
  async complete(client: Sql | Tx, id: string, at: Date): Promise<TournamentRow> {
    const [row] = await asSql(client).query<TournamentRow>(`UPDATE tournaments SET status = 'COMPLETED', completed_at = $2::timestamptz WHERE id = $1::uuid RETURNING ${TOURNAMENT_COLUMNS}`, [id, at.toISOString()]);
    return row!;
  }

  /** Tournaments being played now (the `tournaments_active` gauge). */
  countActive(): Promise<number> {
    return this.prisma.tournament.count({ where: { status: 'IN_PROGRESS' } });
  }

  /**
   * One page of a search: by relevance to `query` (a tsquery of prefixes; the name weighted above
   * the description), then the soonest start, then id; without a query by start time. Filters in
   * the same statement. Raw SQL (docs/database.md): full-text search Prisma cannot express; it
   * picks the ids, and the rows are read by id.
   */
  async search(params: { query: string | null; status: TournamentStatus | null; format: string | null; skip: number; take: number }): Promise<TournamentRow[]> {
    const ids = await prismaSql(this.prisma).query<{ id: string }>(
      `SELECT t.id::text AS id FROM tournaments t
        WHERE ($1::text IS NULL OR t.search_vector @@ to_tsquery('simple', $1))
          AND ($2::text IS NULL OR t.status::text = $2)
          AND ($3::text IS NULL OR t.format::text = $3)
        ORDER BY CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank(t.search_vector, to_tsquery('simple', $1)) END DESC,
                 t.starts_at, t.id
        OFFSET $4 LIMIT $5`,
      [params.query, params.status, params.format, params.skip, params.take],
    );
    const rows = await this.findByIds(ids.map((r) => r.id));
    return rows.filter((r): r is TournamentRow => r !== undefined);
  }

  /** The tournament an organizer created with this request key, if any. */
  findByRequestKey(createdBy: string, requestKey: string): Promise<TournamentRow | null> {
    return this.prisma.tournament.findUnique({ where: { createdBy_requestKey: { createdBy, requestKey } } });
  }

  /**
   * One keyset page (plus one row to tell whether more exist), in the request's direction, in
   * domain/listing.ts's schedule order (startsAt, then id).
   */
  page(filter: ListingFilter, request: PageRequest<TimeIdKey>): Promise<TournamentRow[]> {
    const where: Prisma.TournamentWhereInput = filter.status ? { status: filter.status } : {};
    const keyset = timeIdKeyset({ time: 'startsAt', id: 'id' }, request);
    return this.prisma.tournament.findMany({
      where: keyset.where ? { AND: [where, keyset.where] } : where,
      orderBy: keyset.orderBy,
      take: request.take,
    });
  }
}
