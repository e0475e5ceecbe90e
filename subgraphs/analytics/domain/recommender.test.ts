import { describe, expect, it } from 'vitest';
import { engagement, ItemModelTrainer, rankByPopularity, rankItems, trainItemModel } from './recommender.js';

const ITEMS = ['a', 'b', 'c', 'd', 'e'];
const player = (...pairs: [string, number][]) => pairs;

describe('trainItemModel', () => {
  // Three players play a and b; two play c and d; one plays a and c; e is played alone.
  const model = trainItemModel(
    ITEMS,
    [
      player(['a', 1], ['b', 1]),
      player(['a', 1], ['b', 1]),
      player(['a', 1], ['b', 1]),
      player(['c', 1], ['d', 1]),
      player(['c', 1], ['d', 1]),
      player(['a', 1], ['c', 1]),
      player(['e', 1]),
      player(['not-in-catalog', 9]),
    ],
    { shrinkage: 0 },
  );

  it('counts players and interactions from catalog items only', () => {
    expect(model.players).toBe(7);
    expect(model.interactions).toBe(13);
    expect(Object.fromEntries(model.popularity)).toEqual({ a: 4, b: 3, c: 3, d: 2, e: 1 });
  });

  it('is the cosine over players: a·b = 3 players out of √4·√3', () => {
    const ab = model.neighbors.get('a')!.find((n) => n.itemKey === 'b')!.similarity;
    expect(ab).toBeCloseTo(3 / Math.sqrt(4 * 3), 10);
    const cd = model.neighbors.get('c')!.find((n) => n.itemKey === 'd')!.similarity;
    expect(cd).toBeCloseTo(2 / Math.sqrt(3 * 2), 10);
  });

  it('lists the most similar first and nothing never played together', () => {
    expect(model.neighbors.get('a')!.map((n) => n.itemKey)).toEqual(['b', 'c']);
    expect(model.neighbors.get('e')).toBeUndefined();
  });

  it('shrinks pairs few players share', () => {
    const shrunk = trainItemModel(ITEMS, [player(['a', 1], ['b', 1]), player(['a', 1], ['b', 1])], { shrinkage: 2 });
    expect(shrunk.neighbors.get('a')![0]!.similarity).toBeCloseTo(1 * (2 / 4), 10);
  });

  it('keeps only the configured neighbours', () => {
    const one = trainItemModel(ITEMS, [player(['a', 1], ['b', 1], ['c', 1])], { neighbors: 1 });
    expect(one.neighbors.get('a')).toHaveLength(1);
  });

  it('damps repeated play: strength 50 engages log(51), not 50', () => {
    expect(engagement(50)).toBeCloseTo(Math.log(51), 10);
    expect(engagement(0)).toBe(0);
    expect(engagement(-3)).toBe(0);
  });

  it('trains the same streamed one player at a time', () => {
    const trainer = new ItemModelTrainer(ITEMS, { shrinkage: 0 });
    trainer.addPlayer(new Map([['a', 2], ['b', 1]]));
    trainer.addPlayer([]);
    expect(trainer.finish().players).toBe(1);
  });
});

describe('rankItems', () => {
  const model = trainItemModel(ITEMS, [
    player(['a', 1], ['b', 1]),
    player(['a', 1], ['b', 1]),
    player(['a', 1], ['c', 1]),
    player(['d', 1]),
    player(['d', 1]),
    player(['d', 1]),
    player(['d', 1]),
  ]);

  it('recommends what players of the same items played, then the popular rest, never what the player has', () => {
    const ranked = rankItems(model, new Map([['a', 1]]), ITEMS);
    expect(ranked.map((r) => [r.itemKey, r.basis])).toEqual([
      ['b', 'COLLABORATIVE'],
      ['c', 'COLLABORATIVE'],
      ['d', 'POPULARITY'],
      ['e', 'POPULARITY'],
    ]);
  });

  it('gives a cold-start player the popularity ranking (ties in the order given)', () => {
    const ranked = rankItems(model, new Map(), ITEMS);
    expect(ranked.map((r) => r.itemKey)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(ranked.every((r) => r.basis === 'POPULARITY')).toBe(true);
    expect(ranked[0]!.score).toBeCloseTo(4 / 7, 10);
  });

  it('ranks by popularity alone as the baseline, and with no model in the order given', () => {
    expect(rankByPopularity(model, new Map([['a', 1]]), ITEMS).map((r) => r.itemKey)).toEqual(['d', 'b', 'c', 'e']);
    expect(rankItems(null, new Map([['c', 1]]), ITEMS).map((r) => r.itemKey)).toEqual(['a', 'b', 'd', 'e']);
  });
});
