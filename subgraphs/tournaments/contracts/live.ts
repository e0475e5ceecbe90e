// The tournaments subgraph's live channels: what its Subscription resolvers listen to. Published
// only through a unit of work (`work.publish`), so nothing goes out before its commit.
import { defineLiveChannel } from '../../../platform/live.js';
import type { MatchRow } from '../store/matches.store.js';

/** A tournament changed (registrations, status, completion): its id; subscribers read it as it is now. */
export interface TournamentUpdatedEvent {
  id: string;
}

/** One channel per tournament. */
export const tournamentUpdated = defineLiveChannel<TournamentUpdatedEvent>('tournaments', 'tournamentUpdated');

/**
 * A match as it was committed, whole, so delivering it reads nothing. Published ones went through
 * JSON, so their dates arrive as strings.
 */
export type MatchUpdatedEvent = { [K in keyof MatchRow]: MatchRow[K] extends Date ? Date | string : MatchRow[K] extends Date | null ? Date | string | null : MatchRow[K] };

/** One channel per tournament: every change to its matches. */
export const matchUpdated = defineLiveChannel<MatchUpdatedEvent>('tournaments', 'matchUpdated');

/** A match row again from its published form. */
export const matchFromEvent = (event: MatchUpdatedEvent): MatchRow => ({
  ...event,
  createdAt: new Date(event.createdAt),
  readyAt: event.readyAt === null ? null : new Date(event.readyAt),
  completedAt: event.completedAt === null ? null : new Date(event.completedAt),
});
