import { describe, expect, it } from 'vitest';
import { priorityFor, pushesFor, unlockNotification, tournamentNotification } from './notifications.js';

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

describe('tournamentNotification', () => {
  it.each([
    ['the winner with a prize', { name: 'Spring Cup', placement: 1, prize: 1_200 }, { priority: 'HIGH', title: 'Spring Cup is over: you placed 1st', body: 'You won 1,200 coins; they are in your wallet.' }],
    ['a paid second place', { name: 'Spring Cup', placement: 2, prize: 300 }, { priority: 'MEDIUM', title: 'Spring Cup is over: you placed 2nd', body: 'You won 300 coins; they are in your wallet.' }],
    ['an unpaid place', { name: 'Spring Cup', placement: 13 }, { priority: 'LOW', title: 'Spring Cup is over: you placed 13th', body: 'Thanks for playing.' }],
    ['a winner without a prize, an older event without a name', { placement: 1, prize: 0 }, { priority: 'HIGH', title: 'Your tournament is over: you placed 1st', body: 'Thanks for playing.' }],
    ['22nd and 103rd', { name: 'Open', placement: 103 }, { priority: 'LOW', title: 'Open is over: you placed 103rd', body: 'Thanks for playing.' }],
  ])('%s', (_name, result, text) => {
    expect(tournamentNotification(result)).toEqual(text);
  });
});
