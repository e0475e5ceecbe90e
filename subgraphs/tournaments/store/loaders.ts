import DataLoader from 'dataloader';
import type { EntriesStore, EntryRow } from './entries.store.js';
import type { MatchRow, MatchesStore } from './matches.store.js';
import type { TournamentRow, TournamentsStore } from './tournaments.store.js';

export interface TournamentsLoaders {
  tournamentById: DataLoader<string, TournamentRow | undefined>;
  participantCount: DataLoader<string, number>;
  feesCollected: DataLoader<string, number>;
  bracket: DataLoader<string, MatchRow[]>;
  standings: DataLoader<string, EntryRow[]>;
  seeds: DataLoader<string, Map<string, number>>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: TournamentsStore, entries: EntriesStore, matches: MatchesStore): TournamentsLoaders {
  return {
    tournamentById: new DataLoader((ids) => store.findByIds(ids)),
    participantCount: new DataLoader((ids) => entries.participantCounts(ids)),
    feesCollected: new DataLoader((ids) => entries.feesCollected(ids)),
    bracket: new DataLoader((ids) => matches.byTournaments(ids)),
    standings: new DataLoader((ids) => entries.standingsOf(ids)),
    seeds: new DataLoader((ids) => entries.seedsOf(ids)),
  };
}

/**
 * Forgets what the loaders read: a subscription's context lives as long as the subscription, and
 * each event must read the tournament's counts and standings as they are then.
 */
export function forgetReads(loaders: TournamentsLoaders): void {
  for (const loader of Object.values(loaders) as DataLoader<string, unknown>[]) loader.clearAll();
}
