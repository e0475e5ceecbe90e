import { describe, expect, it } from 'vitest';
import { MeanAt, precisionRecallAt } from './metrics.js';

describe('precisionRecallAt', () => {
  it.each([
    ['2 of the top 5 were played next, of 4 played', ['a', 'x', 'b', 'y', 'z', 'c'], ['a', 'b', 'c', 'd'], 5, 0.4, 0.5],
    ['nothing right', ['x', 'y'], ['a'], 2, 0, 0],
    ['a short list still divides by k', ['a'], ['a'], 5, 0.2, 1],
    ['hits past k do not count', ['x', 'a'], ['a'], 1, 0, 0],
  ])('%s', (_name, ranked, relevant, k, precision, recall) => {
    expect(precisionRecallAt(ranked, new Set(relevant), k)).toEqual({ precision, recall });
  });

  it('refuses a player with nothing held out', () => {
    expect(() => precisionRecallAt(['a'], new Set(), 1)).toThrow(RangeError);
  });

  it('averages over players', () => {
    const mean = new MeanAt(2);
    mean.add(['a', 'b'], new Set(['a']));
    mean.add(['x', 'y'], new Set(['a', 'b']));
    expect(mean.result()).toEqual({ precision: 0.25, recall: 0.5 });
    expect(mean.players).toBe(2);
  });
});
