import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playOut } from './play-out.js';
import { bracketSize } from './seeding.js';
import { singleElimination } from './single-elimination.js';
import { isSeed, type BracketMatch } from './types.js';

const seedsOf = (n: number) => Array.from({ length: n }, (_, i) => `p${i + 1}`);
const seedNumber = (id: string) => Number(id.slice(1));
const firstRoundSeeds = (matches: BracketMatch[]) => matches.flatMap((m) => m.players.filter(isSeed).map((s) => s.seed));

describe('single elimination', () => {
  it('8 players: seeds meet in standard order, 1 and 2 only in the final', () => {
    const matches = singleElimination(8);
    expect(matches.map((m) => [m.key, m.round, m.position])).toEqual([
      ['W1-1', 1, 1], ['W1-2', 1, 2], ['W1-3', 1, 3], ['W1-4', 1, 4],
      ['W2-1', 2, 1], ['W2-2', 2, 2],
      ['W3-1', 3, 1],
    ]);
    expect(matches.filter((m) => m.round === 1).map((m) => m.players)).toEqual([
      [{ seed: 1 }, { seed: 8 }], [{ seed: 4 }, { seed: 5 }], [{ seed: 2 }, { seed: 7 }], [{ seed: 3 }, { seed: 6 }],
    ]);
    expect(matches.at(-1)!.players).toEqual([{ winnerOf: 'W2-1' }, { winnerOf: 'W2-2' }]);
  });

  it('6 players: seeds 1 and 2 get byes into round two, 3–6 and 4–5 play round one', () => {
    const matches = singleElimination(6);
    expect(matches.filter((m) => m.round === 1).map((m) => m.players)).toEqual([[{ seed: 4 }, { seed: 5 }], [{ seed: 3 }, { seed: 6 }]]);
    expect(matches.filter((m) => m.round === 2).map((m) => m.players)).toEqual([
      [{ seed: 1 }, { winnerOf: 'W1-1' }],
      [{ seed: 2 }, { winnerOf: 'W1-2' }],
    ]);
    expect(matches).toHaveLength(5);
  });

  it('a third-place match between the semi-final losers, when asked for and there are two semi-finals', () => {
    expect(singleElimination(8, { thirdPlace: true }).at(-1)).toMatchObject({ key: '3P', side: 'THIRD_PLACE', players: [{ loserOf: 'W2-1' }, { loserOf: 'W2-2' }] });
    expect(singleElimination(2, { thirdPlace: true })).toHaveLength(1);
    // 3 players: seed 1's semi-final is a bye, so nobody loses it; no third-place match.
    expect(singleElimination(3, { thirdPlace: true }).map((m) => [m.key, m.players])).toEqual([
      ['W1-1', [{ seed: 2 }, { seed: 3 }]],
      ['W2-1', [{ seed: 1 }, { winnerOf: 'W1-1' }]],
    ]);
  });

  it.each([0, 1, 2.5])('refuses %s players', (n) => {
    expect(() => singleElimination(n)).toThrow(RangeError);
  });

  it('for 2–1,024 players: n − 1 matches (+1 third place from 4), byes to the top seeds, everyone but the champion out once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), fc.boolean(), fc.infiniteStream(fc.boolean()), (n, thirdPlace, coin) => {
        const matches = singleElimination(n, { thirdPlace });
        const extra = thirdPlace && n >= 4 ? 1 : 0;
        expect(matches).toHaveLength(n - 1 + extra);
        const size = bracketSize(n);
        const byes = size - n;
        // Round one holds exactly the seeds without a bye, each meeting its standard opponent.
        const round1 = matches.filter((m) => m.side === 'WINNERS' && m.round === 1);
        for (const m of round1) expect((m.players[0] as { seed: number }).seed + (m.players[1] as { seed: number }).seed).toBe(size + 1);
        expect(firstRoundSeeds(round1).sort((a, b) => a - b)).toEqual(Array.from({ length: n - byes }, (_, i) => byes + i + 1));
        // Seeds with a bye enter in round two.
        const round2Seeds = firstRoundSeeds(matches.filter((m) => m.side === 'WINNERS' && m.round === 2));
        expect(round2Seeds.sort((a, b) => a - b)).toEqual(Array.from({ length: byes }, (_, i) => i + 1));

        const seeds = seedsOf(n);
        const results = playOut(matches, seeds, (a, b) => (coin.next().value ? a : b));
        const losses = new Map<string, number>();
        for (const r of results.values()) losses.set(r.loser, (losses.get(r.loser) ?? 0) + 1);
        const final = results.get(matches.filter((m) => m.side === 'WINNERS').at(-1)!.key)!;
        expect(losses.has(final.winner)).toBe(false);
        for (const id of seeds) if (id !== final.winner) expect(losses.get(id)).toBe(extra && results.get('3P')?.loser === id ? 2 : 1);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('with every favourite winning, seed 1 meets seed 2 in the final', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1024 }), (n) => {
        const matches = singleElimination(n);
        const results = playOut(matches, seedsOf(n), (a, b) => (seedNumber(a) < seedNumber(b) ? a : b));
        expect(results.get(matches.at(-1)!.key)).toEqual({ winner: 'p1', loser: 'p2' });
      }),
      { numRuns: 60 },
    );
  });
});
