import type { TournamentStatus } from './lifecycle.js';

/**
 * What the tournaments list shows: every status (finished and cancelled ones too, for their
 * standings and refunds) unless the client asks for one.
 */
export interface ListingFilter {
  status?: TournamentStatus;
}

/** The filter a request's arguments ask for; an explicit null status is no filter. */
export const listingFilter = (args: { status?: TournamentStatus | null }): ListingFilter => (args.status ? { status: args.status } : {});

/** Where a tournament sits in every list (and its cursor): soonest start first, ties broken by id. */
export interface ScheduleKey {
  at: Date;
  id: string;
}

export const scheduleKey = (tournament: { startsAt: Date; id: string }): ScheduleKey => ({ at: tournament.startsAt, id: tournament.id });

/** The list order in memory; ids compare as PostgreSQL compares UUIDs (their lowercase hex text). */
export function compareSchedule(a: ScheduleKey, b: ScheduleKey): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
