// The users subgraph's live channels: what its Subscription resolvers listen to. Producers publish
// through their unit of work (`work.publish`), so nothing goes out before its commit.
import { defineLiveChannel } from '../../../platform/live.js';

/** A player's profile changed: the key only; subscribers read the fresh row. */
export interface ProfileUpdatedEvent {
  id: string;
}

/** One of the viewer's friends changed: that player's key only; the subscriber reads the fresh row. */
export interface FriendUpdatedEvent {
  id: string;
}

/** A player crossed one or more level thresholds. */
export interface LevelUpEvent {
  userId: string;
  level: number;
  previousLevel: number;
}

/** Keyed by the player whose profile changed. */
export const profileUpdated = defineLiveChannel<ProfileUpdatedEvent>('users', 'profileUpdated');

/** Keyed by the viewer: a player's change is published once per friend (fan-out on write). */
export const friendUpdated = defineLiveChannel<FriendUpdatedEvent>('users', 'friendUpdated');

/** Keyed by the player who leveled up. */
export const levelUp = defineLiveChannel<LevelUpEvent>('users', 'levelUp');
