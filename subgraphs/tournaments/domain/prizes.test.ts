import { describe, expect, it } from 'vitest';
import { prizePoolTotal, prizesByPlace } from './prizes.js';

describe('prizePoolTotal', () => {
  it.each([
    [{ fixed: 0, feeSharePercent: 0 }, 500, 0],
    [{ fixed: 1_000, feeSharePercent: 0 }, 500, 1_000],
    [{ fixed: 1_000, feeSharePercent: 50 }, 500, 1_250],
    // 33% of 10 is 3.3: rounded down.
    [{ fixed: 0, feeSharePercent: 33 }, 10, 3],
    [{ fixed: 0, feeSharePercent: 100 }, 8 * 25, 200],
  ])('%j with %i in fees holds %i', (pool, fees, total) => {
    expect(prizePoolTotal(pool, fees)).toBe(total);
  });
});

describe('prizesByPlace', () => {
  it.each([
    ['all to first', 1_000, [100], 4, [1_000, 0, 0, 0]],
    ['60/30/10', 1_000, [60, 30, 10], 8, [600, 300, 100, 0, 0, 0, 0, 0]],
    // 50/30/20 of 101: 50.5, 30.3, 20.2 → 50, 30, 20; the coin left over goes to first.
    ['rounding leftovers to first', 101, [50, 30, 20], 3, [51, 30, 20]],
    // Three places paid but two players: the third place’s 20% is not paid.
    ['fewer players than paid places', 1_000, [50, 30, 20], 2, [500, 300]],
    ['an empty pool', 0, [70, 30], 4, [0, 0, 0, 0]],
  ])('%s', (_name, total, distribution, players, prizes) => {
    const paid = prizesByPlace(total, distribution, players);
    expect(paid).toEqual(prizes);
    expect(paid.reduce((s, p) => s + p, 0)).toBeLessThanOrEqual(total);
  });
});
