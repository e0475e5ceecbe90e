import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doubleElimination } from './double-elimination.js';
import { playOut } from './play-out.js';

const seedsOf = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);

describe('double elimination', () => {
  it('4 players: the losers of round one meet, the survivor meets the winners’ final loser, then the grand final', () => {
    const matches = doubleElimination(4, { grandFinalReset: true });
    expect(matches.map((m) => [m.key, m.players])).toEqual([
      ['W1-1', [{ seed: 1 }, { seed: 4 }]],
      ['W1-2', [{ seed: 2 }, { seed: 3 }]],
      ['W2-1', [{ winnerOf: 'W1-1' }, { winnerOf: 'W1-2' }]],
      ['L1-1', [{ loserOf: 'W1-1' }, { loserOf: 'W1-2' }]],
      ['L2-1', [{ winnerOf: 'L1-1' }, { loserOf: 'W2-1' }]],
      ['GF1', [{ winnerOf: 'W2-1' }, { winnerOf: 'L2-1' }]],
      ['GF2', [{ winnerOf: 'GF1' }, { loserOf: 'GF1' }]],
    ]);
    expect(matches.at(-1)!.conditional).toBe(true);
  });

  it('2 players: the final, then the rematch as the grand final', () => {
    expect(doubleElimination(2).map((m) => [m.key, m.players])).toEqual([
      ['W1-1', [{ seed: 1 }, { seed: 2 }]],
      ['GF1', [{ winnerOf: 'W1-1' }, { loserOf: 'W1-1' }]],
    ]);
  });

  it('3 players: seed 1’s bye leaves the losers’ bracket one match short', () => {
    expect(doubleElimination(3).map((m) => [m.key, m.players])).toEqual([
      ['W1-1', [{ seed: 2 }, { seed: 3 }]],
      ['W2-1', [{ seed: 1 }, { winnerOf: 'W1-1' }]],
      ['L1-1', [{ loserOf: 'W1-1' }, { loserOf: 'W2-1' }]],
      ['GF1', [{ winnerOf: 'W2-1' }, { winnerOf: 'L1-1' }]],
    ]);
  });

  it.each([0, 1])('refuses %i players', (n) => {
    expect(() => doubleElimination(n)).toThrow(RangeError);
  });

  it('for 2–1,024 players: 2n − 2 matches (2n − 1 with the reset), everyone but the champion out after two losses, the reset only when the losers’ champion wins', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), fc.boolean(), fc.infiniteStream(fc.boolean()), (n, grandFinalReset, coin) => {
        const matches = doubleElimination(n, { grandFinalReset });
        expect(matches).toHaveLength(2 * n - 2 + (grandFinalReset ? 1 : 0));
        expect(new Set(matches.map((m) => m.key)).size).toBe(matches.length);

        const seeds = seedsOf(n);
        const results = playOut(matches, seeds, (a, b) => (coin.next().value ? a : b));
        const losses = new Map<string, number>();
        for (const r of results.values()) losses.set(r.loser, (losses.get(r.loser) ?? 0) + 1);
        const gf1 = results.get('GF1')!;
        const winnersChampion = results.get(matches.filter((m) => m.side === 'WINNERS').at(-1)!.key)!.winner;
        const resetPlayed = results.has('GF2');
        expect(resetPlayed).toBe(grandFinalReset && gf1.winner !== winnersChampion);
        const champion = resetPlayed ? results.get('GF2')!.winner : gf1.winner;
        // Without a reset a losers’ champion who wins GF1 hands the winners’ champion a first and last loss.
        expect(losses.get(champion) ?? 0).toBeLessThanOrEqual(1);
        for (const id of seeds) {
          if (id === champion) continue;
          const expected = !grandFinalReset && id === winnersChampion ? 1 : 2;
          expect(losses.get(id)).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
