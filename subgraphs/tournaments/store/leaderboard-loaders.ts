import DataLoader from 'dataloader';
import type { CurrentBoards } from './current-boards.store.js';
import type { LeaderboardRow, LeaderboardsStore, PeriodRow, RecordDetails } from './leaderboards.store.js';

export interface LeaderboardLoaders {
  leaderboardById: DataLoader<string, LeaderboardRow | undefined>;
  /** A board's current period (primed by leaderboardById, which reads both from CurrentBoards). */
  currentPeriod: DataLoader<string, PeriodRow | undefined>;
  /** A record's stored details by `<periodId> <userId>`: one statement for a page of records. */
  recordDetails: DataLoader<string, RecordDetails | undefined>;
}

/** Fresh per request, like the tournaments' loaders. */
export function createLeaderboardLoaders(store: LeaderboardsStore, boards: CurrentBoards): LeaderboardLoaders {
  const currentPeriod = new DataLoader((ids: readonly string[]) => store.currentPeriods(ids));
  return {
    leaderboardById: new DataLoader(async (ids) => {
      const found = await boards.find(ids);
      for (const f of found) if (f?.period) currentPeriod.prime(f.board.id, f.period);
      return found.map((f) => f?.board);
    }),
    currentPeriod,
    recordDetails: new DataLoader((keys) => store.details(keys)),
  };
}
