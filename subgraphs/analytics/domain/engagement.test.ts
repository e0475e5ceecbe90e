import { describe, expect, it } from 'vitest';
import { engagementScore } from './engagement.js';

describe('engagementScore', () => {
  it.each([
    ['nothing at all', { activeDays: 0, sessions: 0, sessionSeconds: 0 }, 0],
    ['every day, 14 sessions of 30 minutes', { activeDays: 7, sessions: 14, sessionSeconds: 14 * 1800 }, 100],
    ['more than full marks is still 100', { activeDays: 7, sessions: 40, sessionSeconds: 40 * 7200 }, 100],
    ['one day, one 15-minute session', { activeDays: 1, sessions: 1, sessionSeconds: 900 }, 21.4], // 7.14 + 1.79 + 12.5
    ['every day, no session reported', { activeDays: 7, sessions: 0, sessionSeconds: 0 }, 50],
    ['3 days, 7 sessions of 10 minutes', { activeDays: 3, sessions: 7, sessionSeconds: 7 * 600 }, 42.3], // 21.43 + 12.5 + 8.33
  ])('%s → %s', (_name, inputs, score) => {
    expect(engagementScore(inputs)).toBe(score);
  });
});
