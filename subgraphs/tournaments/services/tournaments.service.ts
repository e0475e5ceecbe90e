import type { TournamentStatus } from '../../../generated/prisma/client.js';
import { pageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { parseTournamentKey, tournamentKey, type TournamentRow, type TournamentsStore } from '../store/tournaments.store.js';

export class TournamentsService {
  constructor(private readonly store: TournamentsStore) {}

  /** A page of tournaments, soonest start first. */
  async listTournaments(filter: { status?: TournamentStatus | null }, args: ConnectionArgs): Promise<Connection<TournamentRow>> {
    const request = pageRequest<unknown>(args);
    const field = request.direction === 'forward' ? 'after' : 'before';
    const page = { ...request, cursor: request.cursor == null ? null : parseTournamentKey(request.cursor, field) };
    return toConnection(await this.store.page(filter, page), page, tournamentKey);
  }
}
