import { describe, expect, it } from 'vitest';
import { interactionsOf, playerItemDeltas } from './interactions.js';

describe('interactionsOf', () => {
  it.each([
    ['a quest started', 'QUEST_STARTED', { questId: 'wolf-den' }, [{ itemKey: 'quest:wolf-den', weight: 1, completions: 0 }]],
    ['a quest completed', 'QUEST_COMPLETED', { questId: 'wolf-den' }, [{ itemKey: 'quest:wolf-den', weight: 3, completions: 1 }]],
    [
      'a quest completed with its character',
      'QUEST_COMPLETED',
      { questId: 'wolf-den', characterId: 'ranger' },
      [
        { itemKey: 'quest:wolf-den', weight: 3, completions: 1 },
        { itemKey: 'character:ranger', weight: 2, completions: 1 },
      ],
    ],
    ['a match started with a character', 'MATCH_STARTED', { characterId: 'knight' }, [{ itemKey: 'character:knight', weight: 1, completions: 0 }]],
    ['a level completed with a character', 'LEVEL_COMPLETED', { characterId: 'bard' }, [{ itemKey: 'character:bard', weight: 2, completions: 1 }]],
    ['a match naming a quest: not a quest interaction', 'MATCH_COMPLETED', { questId: 'wolf-den' }, []],
    ['another event type', 'SCREEN_VIEWED', { questId: 'wolf-den', characterId: 'bard' }, []],
    ['a numeric id', 'QUEST_COMPLETED', { questId: 42 }, []],
    ['upper case', 'QUEST_COMPLETED', { questId: 'Wolf-Den' }, []],
    ['an empty id', 'QUEST_COMPLETED', { questId: '' }, []],
    ['65 characters', 'QUEST_COMPLETED', { questId: 'a'.repeat(65) }, []],
    ['64 characters', 'QUEST_STARTED', { questId: 'a'.repeat(64) }, [{ itemKey: `quest:${'a'.repeat(64)}`, weight: 1, completions: 0 }]],
    ['no properties', 'QUEST_COMPLETED', {}, []],
  ])('%s', (_name, type, properties, expected) => {
    expect(interactionsOf(type, properties)).toEqual(expected);
  });
});

describe('playerItemDeltas', () => {
  const at = Date.UTC(2026, 11, 1, 12); // Tuesday 1 December 2026, noon
  it('sums weights and completions per player and item, keeping the latest time', () => {
    const deltas = playerItemDeltas([
      { userId: 'a', eventType: 'QUEST_STARTED', occurredAt: at, properties: { questId: 'wolf-den' } },
      { userId: 'a', eventType: 'QUEST_COMPLETED', occurredAt: at + 60_000, properties: { questId: 'wolf-den' } },
      { userId: 'a', eventType: 'QUEST_STARTED', occurredAt: at - 60_000, properties: { questId: 'wolf-den' } },
      { userId: 'b', eventType: 'QUEST_STARTED', occurredAt: at, properties: { questId: 'wolf-den' } },
      { userId: 'b', eventType: 'SESSION_STARTED', occurredAt: at, properties: {} },
    ]);
    expect(deltas).toEqual([
      { userId: 'a', itemKey: 'quest:wolf-den', strength: 5, completions: 1, lastAt: at + 60_000 },
      { userId: 'b', itemKey: 'quest:wolf-den', strength: 1, completions: 0, lastAt: at },
    ]);
  });
});
