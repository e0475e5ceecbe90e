import { describe, expect, it } from 'vitest';
import { CHARACTERS, QUESTS } from '../catalog/content.js';
import { evaluate } from './evaluate.js';

const options = { seed: 19, players: 600, weeks: 6, holdout: 0.2, minItems: 5, end: Date.UTC(2026, 11, 1), quests: QUESTS, characters: CHARACTERS };

describe('the offline evaluation', () => {
  const first = evaluate(options);

  it('is deterministic for a seed', () => {
    const again = evaluate(options);
    expect(again.quests).toEqual(first.quests);
    expect(again.events).toBe(first.events);
  });

  it('finds the structure of the synthetic players: the model beats popularity on quests', () => {
    expect(first.playersWithHeldOutQuest).toBeGreaterThan(300);
    expect(first.quests.model[10].recall).toBeGreaterThan(first.quests.popularity[10].recall);
    expect(first.quests.model[5].precision).toBeGreaterThan(first.quests.popularity[5].precision);
  });

  it('keeps every figure within its bounds, the ceiling above everything', () => {
    for (const name of ['model', 'popularity', 'served'] as const) {
      for (const k of [5, 10] as const) {
        expect(first.quests[name][k].precision).toBeLessThanOrEqual(first.quests.ceiling[k].precision);
        expect(first.quests[name][k].recall).toBeGreaterThanOrEqual(0);
        expect(first.quests[name][k].recall).toBeLessThanOrEqual(1);
      }
    }
  });
});
