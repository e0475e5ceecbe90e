import { doubleElimination } from './double-elimination.js';
import { roundRobin } from './round-robin.js';
import { singleElimination } from './single-elimination.js';
import { pairSwissRound } from './swiss.js';
import type { BracketMatch } from './types.js';

export type { BracketMatch, Source } from './types.js';

/**
 * The matches known when play starts, for `players` seeds (1 = top): the whole bracket for the
 * elimination formats and round robin, round one for Swiss (later rounds are paired from results),
 * none for a ladder (players challenge each other).
 */
export function openingBracket(
  format: 'SINGLE_ELIMINATION' | 'DOUBLE_ELIMINATION' | 'ROUND_ROBIN' | 'SWISS' | 'LADDER',
  players: number,
  options: { thirdPlaceMatch: boolean; grandFinalReset: boolean },
): BracketMatch[] {
  switch (format) {
    case 'SINGLE_ELIMINATION':
      return singleElimination(players, { thirdPlace: options.thirdPlaceMatch });
    case 'DOUBLE_ELIMINATION':
      return doubleElimination(players, { grandFinalReset: options.grandFinalReset });
    case 'ROUND_ROBIN':
      return roundRobin(players);
    case 'SWISS': {
      const seeds = Array.from({ length: players }, (_, i) => ({ id: String(i + 1), seed: i + 1, score: 0, opponents: [], hadBye: false }));
      return pairSwissRound(seeds).pairs.map(([a, b], i) => ({
        key: `S1-${i + 1}`,
        side: 'SWISS',
        round: 1,
        position: i + 1,
        players: [{ seed: Number(a) }, { seed: Number(b) }],
      }));
    }
    case 'LADDER':
      return [];
  }
}
