import { resolveByes } from './elimination.js';
import { bracketSize, standardSeedOrder } from './seeding.js';
import { BYE, type BracketMatch, type Source } from './types.js';

/** Seeds 1..n in round-one slot order for a bracket of `size`; seeds past n are byes. */
export function firstRoundSources(n: number, size: number): Source[] {
  return standardSeedOrder(size).map((seed) => (seed <= n ? { seed } : BYE));
}

/** The winners' bracket of `size` slots as raw matches `W<round>-<position>`, round one first. */
export function winnersBracket(n: number, size: number) {
  const matches: { key: string; side: 'WINNERS'; round: number; players: [Source, Source] }[] = [];
  let sources = firstRoundSources(n, size);
  for (let round = 1; sources.length > 1; round++) {
    const next: Source[] = [];
    for (let i = 0; i < sources.length; i += 2) {
      const key = `W${round}-${i / 2 + 1}`;
      matches.push({ key, side: 'WINNERS', round, players: [sources[i]!, sources[i + 1]!] });
      next.push({ winnerOf: key });
    }
    sources = next;
  }
  return matches;
}

/**
 * Single elimination for `n` players (2 or more) in seed order: `n − 1` matches; when the count is
 * not a power of two the top seeds skip round one (byes). With `thirdPlace`, the semi-final losers
 * play for third (when there are two semi-finals to lose).
 */
export function singleElimination(n: number, options: { thirdPlace?: boolean } = {}): BracketMatch[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`single elimination needs at least 2 players, got ${n}`);
  const size = bracketSize(n);
  const raw: Parameters<typeof resolveByes>[0][number][] = winnersBracket(n, size);
  const rounds = Math.log2(size);
  if (options.thirdPlace && rounds >= 2) {
    raw.push({ key: '3P', side: 'THIRD_PLACE', round: rounds, players: [{ loserOf: `W${rounds - 1}-1` }, { loserOf: `W${rounds - 1}-2` }] });
  }
  return resolveByes(raw);
}
