import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingBracket } from './index.js';
import { bracketSize, seedByRating, standardSeedOrder } from './seeding.js';

describe('standard seed order', () => {
  it.each([
    [1, [1]],
    [2, [1, 2]],
    [4, [1, 4, 2, 3]],
    [8, [1, 8, 4, 5, 2, 7, 3, 6]],
    [16, [1, 16, 8, 9, 4, 13, 5, 12, 2, 15, 7, 10, 3, 14, 6, 11]],
  ])('%i slots → %j', (size, order) => {
    expect(standardSeedOrder(size)).toEqual(order);
  });

  it('refuses a size that is not a power of two', () => {
    expect(() => standardSeedOrder(6)).toThrow(RangeError);
  });

  it('for every size up to 1,024: each seed once, round-one neighbours add up to size + 1, 1 and 2 in opposite halves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), (power) => {
        const size = 2 ** power;
        const order = standardSeedOrder(size);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, i) => i + 1));
        for (let i = 0; i < size; i += 2) expect(order[i]! + order[i + 1]!).toBe(size + 1);
        expect(order.indexOf(1) < size / 2).not.toBe(order.indexOf(2) < size / 2);
      }),
    );
  });

  it.each([
    [2, 2],
    [3, 4],
    [5, 8],
    [8, 8],
    [1000, 1024],
  ])('%i players need a bracket of %i', (n, size) => {
    expect(bracketSize(n)).toBe(size);
  });
});

describe('seeding by rating', () => {
  it('ranks the highest rating first, equal ratings by earlier sign-up, then id', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute)); // Sunday 1 March 2026
    const players = [
      { id: 'c', rating: 1200, registeredAt: at(5) },
      { id: 'a', rating: 1500, registeredAt: at(9) },
      { id: 'd', rating: 1200, registeredAt: at(1) },
      { id: 'b', rating: 1200, registeredAt: at(1) },
    ];
    expect(seedByRating(players).map((p) => p.id)).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('the opening bracket per format', () => {
  it.each([
    ['SINGLE_ELIMINATION', 8, 7],
    ['DOUBLE_ELIMINATION', 8, 14],
    ['ROUND_ROBIN', 5, 10],
    ['SWISS', 6, 3],
    ['LADDER', 6, 0],
  ] as const)('%s with %i players opens with %i matches', (format, players, count) => {
    expect(openingBracket(format, players, { thirdPlaceMatch: false, grandFinalReset: false })).toHaveLength(count);
  });

  it('Swiss round one pairs top half against bottom half by seed', () => {
    expect(openingBracket('SWISS', 4, { thirdPlaceMatch: false, grandFinalReset: false }).map((m) => [m.key, m.players])).toEqual([
      ['S1-1', [{ seed: 1 }, { seed: 3 }]],
      ['S1-2', [{ seed: 2 }, { seed: 4 }]],
    ]);
  });
});
