// The leaderboards' live channels (published after the change committed and reached the ranking).
import { defineLiveChannel } from '../../../platform/live.js';
import type { PlayerRankChange } from '../domain/leaderboards.js';

/** A change of a board's current period: where the changed record is now and was (0-based), or a reset. */
export interface LeaderboardChangedEvent {
  periodId: string;
  rank: number;
  previousRank: number | null;
  reset: boolean;
}

/** One channel per leaderboard. */
export const leaderboardChanged = defineLiveChannel<LeaderboardChangedEvent>('tournaments', 'leaderboardChanged');

/** One channel per leaderboard and player (`<leaderboardId> <userId>`): the player was passed. */
export const rankChanged = defineLiveChannel<PlayerRankChange>('tournaments', 'rankChanged');
