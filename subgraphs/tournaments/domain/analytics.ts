import type { MatchStatus } from './results.js';

/** A match as the figures see it: `playerB` null for a bye. */
export interface AnalyticsMatch {
  status: MatchStatus;
  playerA: string | null;
  playerB: string | null;
  winnerId: string | null;
  readyAt: Date | null;
  completedAt: Date | null;
}

export interface TournamentFigures<M> {
  totalMatches: number;
  completedMatches: number;
  /** Percent, 0–100. */
  completionRate: number;
  /** Percent, 0–100. */
  participationRate: number;
  averageMatchDurationSeconds: number | null;
  upsets: number;
  longestMatch: M | null;
  shortestMatch: M | null;
}

/** Whole seconds from opening to result, or null while unfinished (or for a bye). */
export function matchSeconds(m: Pick<AnalyticsMatch, 'readyAt' | 'completedAt' | 'playerB'>): number | null {
  if (!m.readyAt || !m.completedAt || m.playerB === null) return null;
  return Math.max(0, Math.floor((m.completedAt.getTime() - m.readyAt.getTime()) / 1000));
}

/**
 * The brief's tournament figures. Byes and SKIPPED matches are not matches. An upset is a completed
 * match won by the larger seed number (`seedOf`; players without a seed never count). Rates are
 * percents rounded to two decimals; durations run from a match opening to its result. On a tie for
 * longest or shortest, the match that completed first.
 */
export function tournamentFigures<M extends AnalyticsMatch>(matches: readonly M[], participants: number, maxParticipants: number, seedOf: (userId: string) => number | undefined): TournamentFigures<M> {
  const real = matches.filter((m) => m.status !== 'SKIPPED' && !(m.status === 'COMPLETED' && m.playerB === null));
  const completed = real.filter((m) => m.status === 'COMPLETED').sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0));
  const timed = completed.flatMap((m) => {
    const seconds = matchSeconds(m);
    return seconds === null ? [] : [{ m, seconds }];
  });
  let longest: (typeof timed)[number] | null = null;
  let shortest: (typeof timed)[number] | null = null;
  for (const t of timed) {
    if (!longest || t.seconds > longest.seconds) longest = t;
    if (!shortest || t.seconds < shortest.seconds) shortest = t;
  }
  let upsets = 0;
  for (const m of completed) {
    const loser = m.winnerId === m.playerA ? m.playerB : m.playerA;
    const [w, l] = [seedOf(m.winnerId!), loser ? seedOf(loser) : undefined];
    if (w !== undefined && l !== undefined && w > l) upsets++;
  }
  const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : 0);
  return {
    totalMatches: real.length,
    completedMatches: completed.length,
    completionRate: percent(completed.length, real.length),
    participationRate: percent(participants, maxParticipants),
    averageMatchDurationSeconds: timed.length ? Math.round((timed.reduce((s, t) => s + t.seconds, 0) / timed.length) * 100) / 100 : null,
    upsets,
    longestMatch: longest?.m ?? null,
    shortestMatch: shortest?.m ?? null,
  };
}
