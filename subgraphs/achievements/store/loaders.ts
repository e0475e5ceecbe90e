import DataLoader from 'dataloader';
import type { AchievementRow, AchievementsStore, UnlockRow } from './achievements.store.js';

export interface AchievementsLoaders {
  achievementById: DataLoader<string, AchievementRow | undefined>;
  /** A player's unlocks, newest first. */
  unlocksByUser: DataLoader<string, UnlockRow[]>;
  /** A player's achievement score. */
  pointsByUser: DataLoader<string, number>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(store: AchievementsStore): AchievementsLoaders {
  return {
    achievementById: new DataLoader((ids) => store.findByIds(ids)),
    unlocksByUser: new DataLoader((userIds) => store.unlocksOf(userIds)),
    pointsByUser: new DataLoader((userIds) => store.pointsOf(userIds)),
  };
}
