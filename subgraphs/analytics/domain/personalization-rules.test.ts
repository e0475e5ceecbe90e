import { describe, expect, it } from 'vitest';
import { applyBusinessRules, isReturningPlayer } from './personalization-rules.js';

const NOW = Date.UTC(2026, 11, 10, 12); // Thursday 10 December 2026, noon UTC
const DAY = 86_400_000;
const quests = [{ id: 'easy', difficulty: 0.2 }, { id: 'edge', difficulty: 0.5 }, { id: 'hard', difficulty: 0.51 }];
const rewards = [{ coins: 100, xp: 45 }];

describe('applyBusinessRules', () => {
  it.each([
    // sessions, last session ended, proposed difficulty → difficulty, quests offered, reward multiplier, coins, xp
    ['a brand-new player: difficulty lifted to 0.3, quests up to 0.5', 0, null, 0.2, 0.3, ['easy', 'edge'], 1, 100, 45],
    ['4 sessions is still new; a higher difficulty stays', 4, NOW - DAY, 0.45, 0.45, ['easy', 'edge'], 1, 100, 45],
    ['5 sessions is not new: every quest, difficulty as proposed', 5, NOW - DAY, 0.2, 0.2, ['easy', 'edge', 'hard'], 1, 100, 45],
    ['back after 8 days (Wednesday 2 Dec): rewards × 1.5, xp 67.5 rounds up', 12, NOW - 8 * DAY, 0.6, 0.6, ['easy', 'edge', 'hard'], 1.5, 150, 68],
    ['exactly 7 days ago is not a return', 12, NOW - 7 * DAY, 0.6, 0.6, ['easy', 'edge', 'hard'], 1, 100, 45],
    ['7 days and 1 ms ago is', 12, NOW - 7 * DAY - 1, 0.6, 0.6, ['easy', 'edge', 'hard'], 1.5, 150, 68],
    ['new and returning at once: both rules', 2, NOW - 20 * DAY, 0.1, 0.3, ['easy', 'edge'], 1.5, 150, 68],
  ])('%s', (_name, sessions, lastSessionEndedAt, difficulty, expectedDifficulty, offered, multiplier, coins, xp) => {
    const ruled = applyBusinessRules({ difficulty, quests, rewards }, { sessions, lastSessionEndedAt }, NOW);
    expect(ruled.difficulty).toBe(expectedDifficulty);
    expect(ruled.quests.map((q) => q.id)).toEqual(offered);
    expect(ruled.rewards).toEqual([{ coins, xp, multiplier }]);
  });

  it('never counts a player with no finished session as returning', () => {
    expect(isReturningPlayer({ sessions: 1, lastSessionEndedAt: null }, NOW)).toBe(false);
  });
});
