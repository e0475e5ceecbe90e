/** The sliding window of the live dashboard: 5 minutes, sliding every 30 seconds. */
export const SLICE_MS = 30_000;
export const WINDOW_MS = 5 * 60_000;
export const DAY_MS = 24 * 3_600_000;

/** The start of the 30-second slice holding `at` (ms). */
export const sliceStart = (at: number): number => Math.floor(at / SLICE_MS) * SLICE_MS;

/**
 * The window at `now`: the 30-second slice holding `now` and the nine before it, so an event is
 * counted from the moment it is processed; it slides at each 30-second boundary. `end` is the
 * current slice's end (after `now`).
 */
export function windowAt(now: number): { start: number; end: number } {
  const end = sliceStart(now) + SLICE_MS;
  return { start: end - WINDOW_MS, end };
}

/** Seconds the window has covered at `now` (270–300): what the events are divided by for a rate. */
export const windowSeconds = (now: number): number => (now - windowAt(now).start) / 1000;

/** The start of the UTC day holding `at` (ms). */
export const utcDay = (at: number): number => Math.floor(at / DAY_MS) * DAY_MS;

/**
 * Events older than this (by their timestamp) are not added to window slices when processed:
 * the window never reaches back that far, and the slices table stays a few hours long.
 */
export const SLICE_HORIZON_MS = 15 * 60_000;
