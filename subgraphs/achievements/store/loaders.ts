import DataLoader from 'dataloader';
import type { AchievementRow, AchievementsStore, StoredUnlock } from './achievements.store.js';
import type { DefinitionsCache } from './definitions.cache.js';
import type { ProgressCache } from './progress.cache.js';
import type { PlayerAchievementRow, ProgressStore } from './progress.store.js';

/** How many players unlocked an achievement, and the share of active players. */
export interface UnlockStats {
  unlockedBy: number;
  unlockPercentage: number;
}

export interface AchievementsLoaders {
  achievementById: DataLoader<string, AchievementRow | undefined>;
  /** A player's unlocks, newest first. */
  unlocksByUser: DataLoader<string, StoredUnlock[]>;
  /** A player's achievement score. */
  pointsByUser: DataLoader<string, number>;
  /** A player's unlocked and in-progress achievements (through the Redis cache). */
  achievementsByUser: DataLoader<string, PlayerAchievementRow[]>;
  /** How many players unlocked an achievement, and the share of active players. */
  unlockStatsById: DataLoader<string, UnlockStats>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(deps: {
  store: AchievementsStore;
  definitions: DefinitionsCache;
  progressStore: ProgressStore;
  cache: ProgressCache;
  /** Unlock statistics per achievement, in order (ProgressService.unlockStats: counted as of now). */
  unlockStats: (achievementIds: readonly string[]) => Promise<UnlockStats[]>;
}): AchievementsLoaders {
  const { store, definitions, progressStore, cache, unlockStats } = deps;
  return {
    achievementById: new DataLoader((ids) => definitions.findByIds(ids)),
    unlocksByUser: new DataLoader((userIds) => store.unlocksOf(userIds)),
    pointsByUser: new DataLoader((userIds) => store.pointsOf(userIds)),
    achievementsByUser: new DataLoader((userIds) => cache.load(userIds, (missing) => progressStore.achievementsOf(missing))),
    unlockStatsById: new DataLoader((ids) => unlockStats(ids)),
  };
}
