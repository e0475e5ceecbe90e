// The achievements subgraph's live channels: what its Subscription resolvers listen to. Published
// only through a unit of work (`work.publish`), so nothing goes out before its commit.
import { defineLiveChannel } from '../../../platform/live.js';
import type { NotificationRow } from '../store/notifications.store.js';
import type { PlayerAchievementRow, UnlockRow } from '../store/progress.store.js';

/** A player's new unlock, one message each; one channel per player. */
export const achievementUnlocked = defineLiveChannel<UnlockRow>('achievements', 'achievementUnlocked');

/** The achievements still locked whose progress one commit changed, one message per player and commit. */
export const achievementProgress = defineLiveChannel<PlayerAchievementRow[]>('achievements', 'achievementProgress');

/** A notification added to a player's inbox; one channel per player. */
export const notificationAdded = defineLiveChannel<NotificationRow>('achievements', 'notificationAdded');
