import { BadUserInputError } from '../../../platform/errors.js';

/** A metric's bucket size (UTC). */
export type MetricInterval = 'HOUR' | 'DAY';

/** A half-open time range: `from` inclusive, `to` exclusive. */
export interface TimeRange {
  from: Date;
  to: Date;
}

export interface BucketCount {
  start: Date;
  count: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const STEP_MS: Record<MetricInterval, number> = { HOUR: HOUR_MS, DAY: DAY_MS };

/** Longest range per interval, so one answer stays a few hundred buckets at most. */
export const MAX_RANGE_DAYS: Record<MetricInterval, number> = { DAY: 366, HOUR: 31 };

/** The range if it is usable for the interval; BadUserInputError naming `to` otherwise. */
export function validateRange(range: TimeRange, interval: MetricInterval): TimeRange {
  if (range.to.getTime() <= range.from.getTime()) {
    throw new BadUserInputError('`to` must be later than `from`.', 'to');
  }
  const maxDays = MAX_RANGE_DAYS[interval];
  if (range.to.getTime() - range.from.getTime() > maxDays * DAY_MS) {
    throw new BadUserInputError(`With ${interval} buckets the range spans at most ${maxDays} days.`, 'to', { maxDays });
  }
  return range;
}

/** The start of the UTC hour or day holding `at`. */
export function truncate(at: Date, interval: MetricInterval): Date {
  // UTC has no DST, so hours and days are fixed lengths from the epoch.
  const step = STEP_MS[interval];
  return new Date(Math.floor(at.getTime() / step) * step);
}

/** Every bucket overlapping the range, oldest first; the first starts at `from` truncated. */
export function bucketStarts(range: TimeRange, interval: MetricInterval): Date[] {
  const starts: Date[] = [];
  for (let t = truncate(range.from, interval).getTime(); t < range.to.getTime(); t += STEP_MS[interval]) {
    starts.push(new Date(t));
  }
  return starts;
}

/** The full bucket list with zeros where the database had no rows (it returns only non-empty buckets). */
export function fillBuckets(starts: readonly Date[], counts: readonly BucketCount[]): BucketCount[] {
  const byStart = new Map(counts.map((c) => [c.start.getTime(), c.count]));
  return starts.map((start) => ({ start, count: byStart.get(start.getTime()) ?? 0 }));
}
