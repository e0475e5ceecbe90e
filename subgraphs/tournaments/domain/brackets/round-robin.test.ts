import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundRobin } from './round-robin.js';

describe('round robin', () => {
  it('4 players: three rounds, seed 1 fixed, the others turning', () => {
    expect(roundRobin(4).map((m) => [m.key, seedPairsOf(m)])).toEqual([
      ['RR1-1', [1, 4]], ['RR1-2', [2, 3]],
      ['RR2-1', [1, 3]], ['RR2-2', [2, 4]],
      ['RR3-1', [1, 2]], ['RR3-2', [3, 4]],
    ]);
  });

  it('3 players: three rounds, one player sitting out each', () => {
    expect(roundRobin(3).map((m) => [m.round, seedPairsOf(m)])).toEqual([[1, [2, 3]], [2, [1, 3]], [3, [1, 2]]]);
  });

  it('refuses a single player', () => {
    expect(() => roundRobin(1)).toThrow(RangeError);
  });

  it('for 2–1,024 players: every pair exactly once, nobody twice in a round, n − 1 rounds (n when odd)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), (n) => {
        const matches = roundRobin(n);
        expect(matches).toHaveLength((n * (n - 1)) / 2);
        const pairs = new Set(matches.map((m) => seedPairsOf(m).join(':')));
        expect(pairs.size).toBe(matches.length);
        const rounds = new Map<number, number[]>();
        for (const m of matches) {
          const players = rounds.get(m.round) ?? [];
          players.push(...seedPairsOf(m));
          rounds.set(m.round, players);
        }
        expect(rounds.size).toBe(n % 2 === 0 ? n - 1 : n);
        const sizes = [...rounds.values()].map((players) => [new Set(players).size, players.length]);
        expect(sizes).toEqual(sizes.map(() => [n - (n % 2), n - (n % 2)]));
      }),
      { numRuns: 15 },
    );
  });
});

function seedPairsOf(m: ReturnType<typeof roundRobin>[number]): number[] {
  return m.players.map((p) => (p as { seed: number }).seed);
}
