import { BadUserInputError } from '../../../platform/errors.js';
import { DAY_MS, utcDay } from './window.js';

/** The retention days measured for every cohort. */
export const RETENTION_DAYS = [1, 7, 30] as const;
export const MAX_COHORT_DAYS = 92;
export const MAX_ACTIVITY_DAYS = 366;

/** The UTC days [from's day, to) as day starts (ms), refused past `maxDays` or when empty. */
export function daysOf(from: Date, to: Date, maxDays: number): number[] {
  const first = utcDay(from.getTime());
  if (to.getTime() <= from.getTime()) throw new BadUserInputError('`to` must be later than `from`.', 'to');
  // Counted before listing, so a range of centuries is refused without building it.
  const count = Math.ceil((to.getTime() - first) / DAY_MS);
  if (count > maxDays) throw new BadUserInputError(`The range spans at most ${maxDays} days.`, 'to', { maxDays });
  return Array.from({ length: count }, (_, i) => first + i * DAY_MS);
}

/**
 * The retention days of a cohort that can be measured on `today` (a day start): day n counts once
 * cohort + n has ended, i.e. is before today.
 */
export const measurableDays = (cohortDay: number, today: number): number[] =>
  RETENTION_DAYS.filter((n) => cohortDay + n * DAY_MS < today);

/** The cohort day whose day-n retention is the newest measurable one: n + 1 days before today. */
export const latestCohortFor = (n: number, today: number): number => today - (n + 1) * DAY_MS;

/** retained ÷ players, or null for an empty cohort. */
export const rate = (retained: number, players: number): number | null => (players > 0 ? retained / players : null);

/** (now − before) ÷ before; null when before is 0. */
export const growthRate = (current: number, previous: number): number | null => (previous > 0 ? (current - previous) / previous : null);
