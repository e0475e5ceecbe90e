import type { Tournament, TournamentStatus } from '../../../generated/prisma/client.js';
import type { Prisma, PrismaClient } from '../../../platform/db/index.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import type { PageRequest } from '../../../platform/pagination.js';

/** A tournament row as resolvers receive it (the GraphQL `Tournament` mapper). */
export type TournamentRow = Tournament;

/** Where a tournament sits in the list: soonest start first, ties broken by id. */
export type TournamentKey = { startsAt: Date; id: string };
export const tournamentKey = (row: TournamentRow): TournamentKey => ({ startsAt: row.startsAt, id: row.id });

/** The key a client sent back in a cursor; anything else is their mistake, not ours. */
export function parseTournamentKey(raw: unknown, field: string): TournamentKey {
  const { startsAt, id } = (raw ?? {}) as Record<string, unknown>;
  const at = typeof startsAt === 'string' ? new Date(startsAt) : null;
  if (!at || Number.isNaN(at.getTime()) || typeof id !== 'string' || !isUuid(id)) {
    throw new BadUserInputError(`${field} is not a valid cursor.`, field);
  }
  return { startsAt: at, id };
}

export class TournamentsStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Rows for the ids, in the same order, undefined where missing: one query for any number. */
  async findByIds(ids: readonly string[]): Promise<(TournamentRow | undefined)[]> {
    // Ids that are not UUIDs match nobody; PostgreSQL would reject them in the query.
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.prisma.tournament.findMany({ where: { id: { in: valid } } }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  /** One keyset page (plus one row to tell whether more exist), in the request's direction. */
  page(filter: { status?: TournamentStatus | null }, request: PageRequest<TournamentKey>): Promise<TournamentRow[]> {
    const forward = request.direction === 'forward';
    const where: Prisma.TournamentWhereInput = filter.status ? { status: filter.status } : {};
    const cursor = request.cursor;
    const beyond = <V>(value: V) => (forward ? { gt: value } : { lt: value });
    return this.prisma.tournament.findMany({
      where: cursor
        ? { AND: [where, { OR: [{ startsAt: beyond(cursor.startsAt) }, { startsAt: cursor.startsAt, id: beyond(cursor.id) }] }] }
        : where,
      orderBy: forward ? [{ startsAt: 'asc' }, { id: 'asc' }] : [{ startsAt: 'desc' }, { id: 'desc' }],
      take: request.take,
    });
  }
}
