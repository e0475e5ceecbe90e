import type { Tournament, TournamentStatus as StoredStatus } from '../../../generated/prisma/client.js';
import type { Prisma, PrismaClient, Tx } from '../../../platform/db/index.js';
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

export class TournamentsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  findByIds(ids: readonly string[]): Promise<(TournamentRow | undefined)[]> {
    return findByUuids(ids, (uuids) => this.prisma.tournament.findMany({ where: { id: { in: uuids } } }));
  }

  /** Writes a new tournament in REGISTRATION (a duplicate request key throws the unique violation). */
  create(tx: Tx, settings: TournamentSettings, createdBy: string): Promise<TournamentRow> {
    return tx.tournament.create({ data: { ...settings, createdBy } });
  }

  setStatus(tx: Tx, id: string, status: TournamentStatus): Promise<TournamentRow> {
    return tx.tournament.update({ where: { id }, data: { status } });
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
