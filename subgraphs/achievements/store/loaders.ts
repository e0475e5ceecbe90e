import DataLoader from 'dataloader';
import type { ProgressCache } from '../services/progress-cache.js';
import type { ProgressService } from '../services/progress.service.js';
import type { AchievementRow, AchievementsStore, StoredUnlock } from './achievements.store.js';
import type { PlayerAchievementRow, ProgressStore } from './progress.store.js';

export interface AchievementsLoaders {
  achievementById: DataLoader<string, AchievementRow | undefined>;
  /** A player's unlocks, newest first. */
  unlocksByUser: DataLoader<string, StoredUnlock[]>;
  /** A player's achievement score. */
  pointsByUser: DataLoader<string, number>;
  /** A player's unlocked and in-progress achievements (through the Redis cache). */
  achievementsByUser: DataLoader<string, PlayerAchievementRow[]>;
  /** How many players unlocked an achievement, and the share of active players. */
  unlockStatsById: DataLoader<string, { unlockedBy: number; unlockPercentage: number }>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(deps: { store: AchievementsStore; progressStore: ProgressStore; progress: ProgressService; cache: ProgressCache }): AchievementsLoaders {
  const { store, progressStore, progress, cache } = deps;
  return {
    achievementById: new DataLoader((ids) => store.findByIds(ids)),
    unlocksByUser: new DataLoader((userIds) => store.unlocksOf(userIds)),
    pointsByUser: new DataLoader((userIds) => store.pointsOf(userIds)),
    achievementsByUser: new DataLoader((userIds) => cache.load(userIds, (missing) => progressStore.achievementsOf(missing))),
    unlockStatsById: new DataLoader((ids) => progress.unlockStats(ids)),
  };
}
