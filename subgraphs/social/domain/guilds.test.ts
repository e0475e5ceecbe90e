import { describe, expect, it } from 'vitest';
import { goneAnswer, guildNameKey, joinOutcome, leaveOutcome, topListSize, validateGuildInput, validateSettingsChange } from './guilds.js';

const VALID = { name: 'Night Owls', tag: 'owl' };

describe('validateGuildInput', () => {
  it('fills the defaults and keys name and tag case-insensitively', () => {
    expect(validateGuildInput(VALID)).toEqual({
      name: 'Night Owls',
      nameKey: 'night owls',
      tag: 'OWL',
      tagKey: 'OWL',
      description: '',
      isPublic: true,
      requiresApproval: false,
      minLevel: 1,
    });
  });

  it.each([
    ['a 2-character tag', { tag: 'ab' }, 'AB'],
    ['a 5-character tag with digits', { tag: 'Ab12Z' }, 'AB12Z'],
  ])('accepts %s', (_label, patch, tag) => expect(validateGuildInput({ ...VALID, ...patch }).tag).toBe(tag));

  it.each([
    ['a 1-character tag', { tag: 'A' }, 'tag'],
    ['a 6-character tag', { tag: 'ABCDEF' }, 'tag'],
    ['a tag with a space', { tag: 'A B' }, 'tag'],
    ['a tag with a symbol', { tag: 'A-B' }, 'tag'],
    ['a tag with a non-ASCII letter', { tag: 'ÄB' }, 'tag'],
    ['a 2-character name', { name: 'ab' }, 'name'],
    ['a 33-character name', { name: 'x'.repeat(33) }, 'name'],
    ['a blank name', { name: '    ' }, 'name'],
    ['a two-line name', { name: 'Night\nOwls' }, 'name'],
    ['a 501-character description', { description: 'd'.repeat(501) }, 'description'],
    ['minimum level 0', { minLevel: 0 }, 'minLevel'],
    ['minimum level 101', { minLevel: 101 }, 'minLevel'],
    ['a fractional minimum level', { minLevel: 1.5 }, 'minLevel'],
  ])('refuses %s (BAD_USER_INPUT on %s)', (_label, patch, field) => {
    expect(() => validateGuildInput({ ...VALID, ...patch })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field }) }));
  });

  it.each([
    ['Night Owls', 'NIGHT OWLS'],
    ['Éclair', 'éclair'],
  ])('%s and %s have one key', (a, b) => expect(guildNameKey(a)).toBe(guildNameKey(b)));
});

describe('joinOutcome', () => {
  const open = { isPublic: true, requiresApproval: false, minLevel: 5, maxMembers: 3 };
  it.each([
    ['public, no approval, a seat left', open, 2, 5, 'JOINED'],
    ['public with approval', { ...open, requiresApproval: true }, 2, 9, 'REQUESTED'],
    ['not public (by request only)', { ...open, isPublic: false }, 0, 5, 'REQUESTED'],
    ['below the minimum level', open, 0, 4, 'FORBIDDEN'],
    ['full', open, 3, 5, 'CONFLICT'],
    ['full, with approval', { ...open, requiresApproval: true }, 3, 5, 'CONFLICT'],
  ] as const)('%s → %s', (_label, guild, members, level, expected) => {
    if (expected === 'JOINED' || expected === 'REQUESTED') expect(joinOutcome(guild, members, level)).toBe(expected);
    else expect(() => joinOutcome(guild, members, level)).toThrow(expect.objectContaining({ code: expected }));
  });
});

describe('leaveOutcome', () => {
  it.each([
    ['a member of several', 'MEMBER', 5, 'LEFT'],
    ['an officer of two', 'OFFICER', 2, 'LEFT'],
    ['the last member', 'MASTER', 1, 'DISBANDED'],
    ['the master with others', 'MASTER', 2, 'FORBIDDEN'],
  ] as const)('%s → %s', (_label, role, members, expected) => {
    if (expected === 'FORBIDDEN') expect(() => leaveOutcome(role, members)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'TRANSFER_FIRST' } }));
    else expect(leaveOutcome(role, members)).toBe(expected);
  });
});

describe('validateSettingsChange', () => {
  it.each([
    [{}, {}],
    [{ description: '  New words.  ', isPublic: null }, { description: 'New words.' }],
    [{ isPublic: false, requiresApproval: true, minLevel: 7 }, { isPublic: false, requiresApproval: true, minLevel: 7 }],
  ])('%j → %j', (input, change) => expect(validateSettingsChange(input)).toEqual(change));
  it.each([
    [{ minLevel: 0 }, 'minLevel'],
    [{ description: 'x'.repeat(501) }, 'description'],
  ])('refuses %j', (input, field) => expect(() => validateSettingsChange(input)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field }) })));
});

describe('topListSize', () => {
  it.each([
    [undefined, 10], // the default
    [null, 10],
    [0, 0],
    [50, 50],
  ])('first %s → %i', (first, size) => expect(topListSize(first)).toBe(size));
  it.each([[-1], [51], [2.5]])('refuses first %s', (first) => expect(() => topListSize(first)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'first' } })));
});

describe('goneAnswer', () => {
  const A = 'guild-a';
  const B = 'guild-b';
  it.each([
    ['a request whose player joined another guild before it was decided', { kind: 'GuildJoinRequest', guildId: A, decided: false, playerGuildId: B }, 'CONFLICT'],
    ['an invitation whose player joined another guild', { kind: 'GuildInvitation', guildId: A, decided: false, playerGuildId: B }, 'CONFLICT'],
    ['an unknown id (no notice names it)', { kind: 'GuildJoinRequest', guildId: null, decided: false, playerGuildId: B }, 'NOT_FOUND'],
    ['a request approved (its player is in its guild)', { kind: 'GuildJoinRequest', guildId: A, decided: false, playerGuildId: A }, 'NOT_FOUND'],
    ['a request rejected before its player joined elsewhere', { kind: 'GuildJoinRequest', guildId: A, decided: true, playerGuildId: B }, 'NOT_FOUND'],
    ['a request cancelled or declined by a player in no guild', { kind: 'GuildInvitation', guildId: A, decided: false, playerGuildId: null }, 'NOT_FOUND'],
  ] as const)('%s: %s', (_label, gone, code) => {
    expect(goneAnswer({ id: 'x', ...gone })).toMatchObject({ code });
  });
});
