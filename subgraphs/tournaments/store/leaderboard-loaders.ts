import DataLoader from 'dataloader';
import type { LeaderboardRow, LeaderboardsStore, PeriodRow, RecordDetails } from './leaderboards.store.js';

export interface LeaderboardLoaders {
  leaderboardById: DataLoader<string, LeaderboardRow | undefined>;
  /** A board's current period. */
  currentPeriod: DataLoader<string, PeriodRow | undefined>;
  /** A record's stored details by `<periodId> <userId>`: one statement for a page of records. */
  recordDetails: DataLoader<string, RecordDetails | undefined>;
}

/** Fresh per request, like the tournaments' loaders. */
export function createLeaderboardLoaders(store: LeaderboardsStore): LeaderboardLoaders {
  return {
    leaderboardById: new DataLoader((ids) => store.findByIds(ids)),
    currentPeriod: new DataLoader((ids) => store.currentPeriods(ids)),
    recordDetails: new DataLoader((keys) => store.details(keys)),
  };
}
