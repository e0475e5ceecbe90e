import DataLoader from 'dataloader';
import type { TournamentRow, TournamentsStore } from './tournaments.store.js';

export interface TournamentsLoaders {
  tournamentById: DataLoader<string, TournamentRow | undefined>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: TournamentsStore): TournamentsLoaders {
  return {
    tournamentById: new DataLoader((ids) => store.findByIds(ids)),
  };
}
