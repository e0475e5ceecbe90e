import { describe, expect, it } from 'vitest';
import { levelForXp, levelProgress, MAX_LEVEL, xpForLevel } from './levels.js';

describe('the level curve', () => {
  it.each([
    [0, 1],
    [99, 1],
    [100, 2],
    [399, 2],
    [400, 3],
    [1_600, 5],
    [8_100, 10],
    [240_100, 50],
    [10_000_000, MAX_LEVEL],
  ])('%i XP is level %i', (xp, level) => {
    expect(levelForXp(xp)).toBe(level);
  });

  it('is the inverse of xpForLevel at every threshold', () => {
    for (let level = 1; level <= MAX_LEVEL; level++) {
      expect(levelForXp(xpForLevel(level))).toBe(level);
      if (level > 1) expect(levelForXp(xpForLevel(level) - 1)).toBe(level - 1);
    }
  });

  it('reports progress within the level', () => {
    expect(levelProgress(550)).toEqual({ level: 3, xpIntoLevel: 150, xpForNextLevel: 500 });
    expect(levelProgress(xpForLevel(MAX_LEVEL) + 5)).toEqual({ level: MAX_LEVEL, xpIntoLevel: 5, xpForNextLevel: null });
  });
});
