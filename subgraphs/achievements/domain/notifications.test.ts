import { describe, expect, it } from 'vitest';
import { priorityFor, pushesFor, unlockNotification, tournamentNotification, warDeclaredNotifications } from './notifications.js';

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

describe('warDeclaredNotifications', () => {
  const war = {
    attacker: { name: 'Night Owls', tag: 'OWL', memberIds: ['master-a', 'member-a'] },
    defender: { name: 'Red Foxes', tag: 'FOX', memberIds: ['master-d', 'member-d'] },
    declaredBy: 'master-a',
    startsAt: '2026-03-03T18:00:00.000Z', // the declaration (a Monday evening) + 24 h
    endsAt: '2026-03-05T18:00:00.000Z',
  };
  const body = 'The fighting starts at 2026-03-03T18:00:00.000Z and ends at 2026-03-05T18:00:00.000Z: from then, your combat wins, quests and tournament match wins score for your guild.';

  it('tells the defenders (MEDIUM) and the attackers (LOW), but not the member who declared', () => {
    expect(warDeclaredNotifications(war)).toEqual([
      { userId: 'master-d', priority: 'MEDIUM', title: '[OWL] Night Owls declared war on your guild', body },
      { userId: 'member-d', priority: 'MEDIUM', title: '[OWL] Night Owls declared war on your guild', body },
      { userId: 'member-a', priority: 'LOW', title: 'Your guild declared war on [FOX] Red Foxes', body },
    ]);
  });

  it('tells each player once, as a defender, should they be listed on both sides', () => {
    const notices = warDeclaredNotifications({ ...war, attacker: { ...war.attacker, memberIds: ['master-a', 'both'] }, defender: { ...war.defender, memberIds: ['both'] } });
    expect(notices.map((n) => [n.userId, n.priority])).toEqual([['both', 'MEDIUM']]);
  });

  it('a lone declarer attacking an empty guild tells nobody', () => {
    expect(warDeclaredNotifications({ ...war, attacker: { ...war.attacker, memberIds: ['master-a'] }, defender: { ...war.defender, memberIds: [] } })).toEqual([]);
  });
});
