import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { TournamentStatus } from '../domain/lifecycle.js';
import { listingFilter, scheduleKey } from '../domain/listing.js';
import type { TournamentRow, TournamentsStore } from '../store/tournaments.store.js';

/**
 * The tournaments use cases. Today the subgraph is read-only and this only lists (lookups by id go
 * through the DataLoaders). It is where the lifecycle's writes go as they arrive: creating a
 * tournament, registering a player, starting, reporting results, completing and cancelling, each
 * checking who may do it first, deciding through domain/lifecycle.ts (`assertTransition`,
 * `assertCanRegister`, `startRefusal`) and writing in one unit of work that records its
 * `tournament.*` events (contracts/events.ts).
 */
export class TournamentsService {
  constructor(private readonly store: TournamentsStore) {}

  /** A page of tournaments, soonest start first (domain/listing.ts), optionally in one status. */
  async listTournaments(args: { status?: TournamentStatus | null }, page: ConnectionArgs): Promise<Connection<TournamentRow>> {
    const request = timeIdPageRequest(page);
    return toConnection(await this.store.page(listingFilter(args), request), request, scheduleKey);
  }
}
