import { describe, expect, it } from 'vitest';
import { contributionXp, GUILD_LEVELS, guildLevelFor, maxMembersAt, validateContribution, validateRequestKey, xpForNextLevel } from './guild-levels.js';

describe('guild levels', () => {
  it.each([
    [0, 1],
    [999, 1],
    [1_000, 2], // the threshold itself
    [2_999, 2],
    [3_000, 3],
    [44_999, 9],
    [45_000, 10],
    [10_000_000, 10], // past the last level
  ])('%i XP is level %i', (xp, level) => expect(guildLevelFor(xp)).toBe(level));

  it('thresholds and seats only grow', () => {
    for (let i = 1; i < GUILD_LEVELS.length; i++) {
      expect(GUILD_LEVELS[i]!.xp).toBeGreaterThan(GUILD_LEVELS[i - 1]!.xp);
      expect(GUILD_LEVELS[i]!.extraMembers).toBeGreaterThan(GUILD_LEVELS[i - 1]!.extraMembers);
      expect(GUILD_LEVELS[i]!.level).toBe(i + 1);
    }
  });

  it.each([
    [1, 1_000],
    [9, 45_000],
    [10, null],
  ])('after level %i the next needs %s XP', (level, xp) => expect(xpForNextLevel(level)).toBe(xp));

  it.each([
    [1, 50, 50],
    [2, 50, 55],
    [10, 50, 100],
    [3, 4, 14],
  ])('level %i with a base of %i holds %i members', (level, base, seats) => expect(maxMembersAt(level, base)).toBe(seats));

  it('one XP per coin', () => expect(contributionXp(250)).toBe(250));
});

describe('contribution input', () => {
  it.each([1, 500, 1_000_000])('takes %i coins', (coins) => expect(validateContribution(coins)).toBe(coins));
  it.each([0, -5, 1.5, 1_000_001])('refuses %s coins', (coins) => expect(() => validateContribution(coins)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'coins' } })));
  it.each(['contrib-1', 'a'.repeat(100), 'drive:2026.05_x'])('takes the key %s', (key) => expect(validateRequestKey(key)).toBe(key));
  it.each(['short', 'a'.repeat(101), 'has space', 'ключ-ключ'])('refuses the key %s', (key) => expect(() => validateRequestKey(key)).toThrow(expect.objectContaining({ details: { field: 'requestKey' } })));
});
