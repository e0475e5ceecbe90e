import { describe, expect, it } from 'vitest';
import { contentCatalog, type CatalogQuest } from '../catalog/content.js';
import { personalize, proposedDifficulty, type PlayerFacts } from './personalization.js';
import { trainItemModel } from './recommender.js';

const NOW = Date.UTC(2026, 11, 10, 12); // Thursday 10 December 2026, noon UTC
const DAY = 86_400_000;
const q = (id: string, difficulty: number, theme: CatalogQuest['theme'] = 'COMBAT'): CatalogQuest => ({ id, name: id, difficulty, theme, reward: { coins: 100, xp: 40 } });
const catalog = contentCatalog(
  [q('q1', 0.2), q('q2', 0.4, 'PUZZLE'), q('q3', 0.8, 'PUZZLE'), q('q4', 0.3), q('q5', 0.5)],
  [
    { id: 'knight', name: 'Knight', role: 'TANK' },
    { id: 'bard', name: 'Bard', role: 'SUPPORT' },
  ],
);
const keys = ['quest:q1', 'quest:q2', 'quest:q3', 'quest:q4', 'quest:q5', 'character:knight', 'character:bard'];
// Players of q1 go on to q3 (hard) and q2; q4 is the most popular quest overall.
const model = trainItemModel(keys, [
  [['quest:q1', 4], ['quest:q3', 4], ['character:bard', 2]],
  [['quest:q1', 4], ['quest:q3', 4], ['character:bard', 2]],
  [['quest:q1', 4], ['quest:q2', 4]],
  [['quest:q4', 1]],
  [['quest:q4', 1]],
  [['quest:q4', 1]],
  [['quest:q4', 1]],
]);
const facts = (over: Partial<PlayerFacts> = {}): PlayerFacts => ({
  sessions: 10,
  lastSessionEndedAt: NOW - DAY,
  items: new Map([['quest:q1', { strength: 4, completions: 1 }]]),
  ...over,
});
const limits = { quests: 3, characters: 1 };

describe('personalize', () => {
  it('recommends what similar players played, then popular quests, with the rewards of those shown', () => {
    const x = personalize({ catalog, model, player: facts(), now: NOW, limits });
    expect(x.quests.map((r) => [r.item.id, r.basis])).toEqual([
      ['q3', 'COLLABORATIVE'],
      ['q2', 'COLLABORATIVE'],
      ['q4', 'POPULARITY'],
    ]);
    expect(x.characters.map((r) => [r.item.id, r.basis])).toEqual([['bard', 'COLLABORATIVE']]);
    expect(x.rewards.map((r) => [r.quest.id, r.coins, r.multiplier])).toEqual([
      ['q3', 100, 1],
      ['q2', 100, 1],
      ['q4', 100, 1],
    ]);
    expect(x.difficulty).toBe(0.25); // q1 (0.2) completed, one step up
    expect(x.uiHints).toEqual(['TRY_NEW_CHARACTER']);
    expect(x.favoriteQuestTheme).toBe('COMBAT');
  });

  it('keeps a new player (3 sessions) off quests harder than 0.5 and fills the list from below', () => {
    const x = personalize({ catalog, model, player: facts({ sessions: 3 }), now: NOW, limits });
    expect(x.quests.map((r) => r.item.id)).toEqual(['q2', 'q4', 'q5']);
    expect(x.difficulty).toBe(0.3);
    expect(x.newPlayer).toBe(true);
    expect(x.uiHints).toContain('ONBOARDING_TIPS');
  });

  it('pays a player back after 10 days (since Monday 30 November) one and a half times', () => {
    const x = personalize({ catalog, model, player: facts({ lastSessionEndedAt: NOW - 10 * DAY }), now: NOW, limits });
    expect(x.rewards.every((r) => r.coins === 150 && r.xp === 60 && r.multiplier === 1.5)).toBe(true);
    expect(x.returningPlayer).toBe(true);
    expect(x.uiHints).toContain('WELCOME_BACK');
  });

  it('gives a cold-start player the most popular quests, and works before any model is trained', () => {
    const cold = facts({ items: new Map(), sessions: 0, lastSessionEndedAt: null });
    const x = personalize({ catalog, model, player: cold, now: NOW, limits });
    expect(x.quests.map((r) => [r.item.id, r.basis])).toEqual([
      ['q4', 'POPULARITY'],
      ['q1', 'POPULARITY'],
      ['q2', 'POPULARITY'],
    ]);
    const untrained = personalize({ catalog, model: null, player: cold, now: NOW, limits });
    expect(untrained.quests.map((r) => r.item.id)).toEqual(['q1', 'q2', 'q4']);
    expect(untrained.favoriteQuestTheme).toBeNull();
  });
});

describe('proposedDifficulty', () => {
  it.each([
    ['no quest completed', [], 0.2],
    ['0.2 and 0.4 completed', [q('a', 0.2), q('b', 0.4)], 0.35],
    ['only the hardest', [q('a', 1)], 1],
  ])('%s → %s', (_name, completed, expected) => {
    expect(proposedDifficulty(completed)).toBe(expected);
  });
});
