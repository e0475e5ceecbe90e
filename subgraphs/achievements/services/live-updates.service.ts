import type { Work } from '../../../platform/unit-of-work.js';
import { achievementProgress, achievementUnlocked, notificationAdded } from '../contracts/live.js';
import type { ProgressCache } from '../store/progress.cache.js';
import type { NotificationRow } from '../store/notifications.store.js';
import type { PlayerAchievementRow, UnlockRow } from '../store/progress.store.js';

/** What a commit changed that readers and live subscribers must hear of. */
export interface CommittedChanges {
  /** Players whose achievements changed (their cached achievements are stale). */
  players: readonly string[];
  unlocks: readonly UnlockRow[];
  /** Changed progress of achievements still locked, per player. */
  progress: ReadonlyMap<string, PlayerAchievementRow[]>;
  notifications: readonly NotificationRow[];
}

/**
 * Tells readers about a change once it has committed: the players' cached achievements are
 * dropped first (a subscriber that reads on an event sees the change), then unlocks, progress and
 * notifications are published live. Registered on the change's unit of work, so none of it happens
 * if the transaction rolls back; after the commit it is best effort (the cache is versioned and
 * expires, the inbox keeps every notification).
 */
export class LiveUpdates {
  constructor(private readonly cache: ProgressCache) {}

  afterCommit(work: Pick<Work, 'publish' | 'afterCommit'>, changes: CommittedChanges): void {
    if (changes.players.length) work.afterCommit(() => this.cache.invalidate(changes.players));
    for (const unlock of changes.unlocks) work.publish(achievementUnlocked, unlock.userId, unlock);
    for (const [userId, rows] of changes.progress) work.publish(achievementProgress, userId, rows);
    for (const notification of changes.notifications) work.publish(notificationAdded, notification.userId, notification);
  }
}
