import type { BracketMatch } from './types.js';

/**
 * Round robin by the circle method for `n` players (2 or more) in seed order: seed 1 stays put,
 * the others turn one place a round. Every pair meets exactly once over `n − 1` rounds (`n` when
 * `n` is odd: a ghost joins and whoever meets it sits the round out, a bye, which is no match).
 */
export function roundRobin(n: number): BracketMatch[] {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`round robin needs at least 2 players, got ${n}`);
  const ghost = n % 2 === 1 ? n + 1 : 0;
  const circle = Array.from({ length: ghost ? n + 1 : n }, (_, i) => i + 1);
  const size = circle.length;
  const matches: BracketMatch[] = [];
  for (let round = 1; round < size; round++) {
    let position = 0;
    for (let i = 0; i < size / 2; i++) {
      const a = circle[i]!;
      const b = circle[size - 1 - i]!;
      if (a === ghost || b === ghost) continue;
      position++;
      const [home, away] = a < b ? [a, b] : [b, a];
      matches.push({ key: `RR${round}-${position}`, side: 'ROUND_ROBIN', round, position, players: [{ seed: home }, { seed: away }] });
    }
    circle.splice(1, 0, circle.pop()!);
  }
  return matches;
}
