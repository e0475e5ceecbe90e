import { describe, expect, it } from 'vitest';
import { interactionsOf } from '../domain/interactions.js';
import { CHARACTERS, QUESTS } from './content.js';

describe('the content catalog', () => {
  it('has unique ids an event can name', () => {
    for (const list of [QUESTS, CHARACTERS]) {
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
    }
    for (const quest of QUESTS) expect(interactionsOf('QUEST_STARTED', { questId: quest.id })).toHaveLength(1);
    for (const character of CHARACTERS) expect(interactionsOf('MATCH_STARTED', { characterId: character.id })).toHaveLength(1);
  });

  it('keeps difficulties within 0–1 and offers a new player (≤ 0.5) enough quests', () => {
    for (const quest of QUESTS) {
      expect(quest.difficulty).toBeGreaterThanOrEqual(0);
      expect(quest.difficulty).toBeLessThanOrEqual(1);
    }
    expect(QUESTS.filter((q) => q.difficulty <= 0.5).length).toBeGreaterThanOrEqual(10);
  });

  it('pays more for harder quests', () => {
    const byDifficulty = [...QUESTS].sort((a, b) => a.difficulty - b.difficulty);
    for (let i = 1; i < byDifficulty.length; i++) expect(byDifficulty[i]!.reward.coins).toBeGreaterThanOrEqual(byDifficulty[i - 1]!.reward.coins);
    expect(QUESTS.find((q) => q.id === 'training-grounds')!.reward).toEqual({ coins: 100, xp: 40 });
  });
});
