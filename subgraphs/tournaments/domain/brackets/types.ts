/**
 * Where a bracket slot's player comes from: a seed (1 = the top-rated player), the winner or the
 * loser of an earlier match (by key), or nobody (a bye).
 */
export type Source = { seed: number } | { winnerOf: string } | { loserOf: string } | { bye: true };

export const BYE: Source = { bye: true };

/** Which part of a bracket a match belongs to. */
export type BracketSide = 'WINNERS' | 'LOSERS' | 'GRAND_FINAL' | 'THIRD_PLACE' | 'ROUND_ROBIN' | 'SWISS';

/** One match of a generated bracket, before anyone has played. */
export interface BracketMatch {
  /** Stable within the bracket: `W2-1` (winners' round 2, match 1), `L3-2`, `GF1`, `GF2`, `3P`, `RR4-2`. */
  key: string;
  side: BracketSide;
  /** 1-based, contiguous within its side. */
  round: number;
  /** 1-based, contiguous within its round. */
  position: number;
  players: [Source, Source];
  /** Played only when the previous match's result calls for it (the grand final's reset). */
  conditional?: boolean;
}

export const isSeed = (s: Source): s is { seed: number } => 'seed' in s;
export const isBye = (s: Source): s is { bye: true } => 'bye' in s;
