import DataLoader from 'dataloader';
import type { EntriesStore } from './entries.store.js';
import type { MatchRow, MatchesStore } from './matches.store.js';
import type { TournamentRow, TournamentsStore } from './tournaments.store.js';

export interface TournamentsLoaders {
  tournamentById: DataLoader<string, TournamentRow | undefined>;
  participantCount: DataLoader<string, number>;
  bracket: DataLoader<string, MatchRow[]>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: TournamentsStore, entries: EntriesStore, matches: MatchesStore): TournamentsLoaders {
  return {
    tournamentById: new DataLoader((ids) => store.findByIds(ids)),
    participantCount: new DataLoader((ids) => entries.participantCounts(ids)),
    bracket: new DataLoader((ids) => matches.byTournaments(ids)),
  };
}
