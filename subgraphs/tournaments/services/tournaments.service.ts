import type { TournamentStatus } from '../../../generated/prisma/client.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { tournamentKey, type TournamentRow, type TournamentsStore } from '../store/tournaments.store.js';

export class TournamentsService {
  constructor(private readonly store: TournamentsStore) {}

  /** A page of tournaments, soonest start first. */
  async listTournaments(filter: { status?: TournamentStatus | null }, args: ConnectionArgs): Promise<Connection<TournamentRow>> {
    const page = timeIdPageRequest(args);
    return toConnection(await this.store.page(filter, page), page, tournamentKey);
  }
}
