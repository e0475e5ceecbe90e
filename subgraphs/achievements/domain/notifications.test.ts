import { describe, expect, it } from 'vitest';
import { priorityFor, pushesFor, unlockNotification } from './notifications.js';

describe('notification priority and push', () => {
  it.each([
    ['COMMON', 'LOW', false],
    ['UNCOMMON', 'LOW', false],
    ['RARE', 'LOW', true],
    ['EPIC', 'MEDIUM', true],
    ['LEGENDARY', 'HIGH', true],
  ] as const)('%s → priority %s, push %s', (rarity, priority, push) => {
    expect(priorityFor(rarity)).toBe(priority);
    expect(pushesFor(rarity)).toBe(push);
  });

  it('names the achievement in the title and explains it in the body', () => {
    expect(unlockNotification({ name: 'First Blood', description: 'Win your first combat.', rarity: 'EPIC' })).toEqual({
      priority: 'MEDIUM',
      title: 'Achievement unlocked: First Blood',
      body: 'Win your first combat.',
    });
  });
});
