/**
 * A player's engagement over the last 7 days, 0–100 (the SDL documents it):
 * 100 × (0.5 × activeDays ÷ 7 + 0.25 × min(sessions ÷ 14, 1) + 0.25 × min(avg session minutes ÷ 30, 1)).
 * Showing up on many days weighs most; sessions and their length saturate at two a day and half an hour.
 */
export const ENGAGEMENT = {
  days: 7,
  weights: { activeDays: 0.5, sessions: 0.25, sessionLength: 0.25 },
  /** Sessions in the 7 days that count as full marks. */
  fullSessions: 14,
  /** Mean session minutes that count as full marks. */
  fullSessionMinutes: 30,
} as const;

export interface EngagementInputs {
  /** UTC days with at least one event among the last 7. */
  activeDays: number;
  /** Sessions started in those days. */
  sessions: number;
  /** Their total length in seconds. */
  sessionSeconds: number;
}

export function engagementScore({ activeDays, sessions, sessionSeconds }: EngagementInputs): number {
  const { weights, days, fullSessions, fullSessionMinutes } = ENGAGEMENT;
  const averageMinutes = sessions > 0 ? sessionSeconds / sessions / 60 : 0;
  const score =
    weights.activeDays * Math.min(activeDays / days, 1) +
    weights.sessions * Math.min(sessions / fullSessions, 1) +
    weights.sessionLength * Math.min(averageMinutes / fullSessionMinutes, 1);
  return Math.round(score * 1000) / 10;
}
