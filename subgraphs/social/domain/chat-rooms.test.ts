import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import {
  announcesJoin,
  assertKickable,
  assertMayLeave,
  assertMayManageMembers,
  assertMayModerate,
  assertMayPost,
  assertReadable,
  assertRoomHasSpace,
  isOpenToJoin,
  mayRead,
  pairKey,
  validatePartySize,
  validateSlowMode,
} from './chat-rooms.js';

const failure = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return { code: (error as DomainError).code, ...(error as DomainError).details } as { code: string; [key: string]: unknown };
  }
  return null;
};

const player = { userId: 'p1', role: 'PLAYER' as const };
const moderator = { userId: 'm1', role: 'MODERATOR' as const };
const nobody = { userId: null, role: null };

describe('who may read a room', () => {
  it.each([
    ['GLOBAL', nobody, false, true],
    ['SYSTEM', nobody, false, true],
    ['GLOBAL', player, false, true],
    ['PARTY', player, true, true],
    ['PARTY', player, false, false],
    ['PARTY', nobody, false, false],
    ['PRIVATE', player, true, true],
    ['PRIVATE', moderator, false, false], // private stays private; reports show moderators the message
    ['GUILD', player, false, false],
    ['GUILD', player, true, true],
  ] as const)('%s room, reader %j, member %s → %s', (kind, reader, member, readable) => {
    expect(mayRead({ kind }, reader, member)).toBe(readable);
  });

  it('answers NOT_FOUND for an unknown room and a hidden one alike', () => {
    expect(failure(() => assertReadable(undefined, 'r1', player, false))).toEqual({ code: 'NOT_FOUND', entity: 'ChatRoom', id: 'r1' });
    expect(failure(() => assertReadable({ kind: 'PARTY' }, 'r1', player, false))).toEqual({ code: 'NOT_FOUND', entity: 'ChatRoom', id: 'r1' });
  });
});

describe('who may post', () => {
  it.each([
    ['GLOBAL', 'MEMBERS', 'PLAYER', null],
    ['SYSTEM', 'NOBODY', 'ADMIN', 'READ_ONLY'],
    ['SYSTEM', 'MEMBERS', 'ADMIN', 'READ_ONLY'], // SYSTEM rooms whatever their setting
    ['PARTY', 'NOBODY', 'PLAYER', 'READ_ONLY'],
    ['GLOBAL', 'MODERATORS', 'PLAYER', 'MODERATORS_ONLY'],
    ['GLOBAL', 'MODERATORS', 'MODERATOR', null],
    ['GUILD', 'MODERATORS', 'ADMIN', null],
  ] as const)('%s room, %s may post; a %s → %s', (kind, postPolicy, role, reason) => {
    const refusal = failure(() => assertMayPost({ kind, postPolicy }, role));
    expect(refusal && { code: refusal.code, reason: refusal.reason }).toEqual(reason && { code: 'FORBIDDEN', reason });
  });
});

describe('joining and leaving', () => {
  it.each([
    ['GLOBAL', true, true],
    ['SYSTEM', true, false], // members silently: announcements only
    ['PARTY', false, true],
    ['GUILD', false, true],
    ['PRIVATE', false, false],
  ] as const)('%s: open to join %s, posts the join message %s', (kind, open, announces) => {
    expect(isOpenToJoin(kind)).toBe(open);
    expect(announcesJoin(kind)).toBe(announces);
  });

  it.each([
    ['GLOBAL', null],
    ['SYSTEM', null],
    ['PARTY', null],
    ['GUILD', 'FORBIDDEN'],
    ['PRIVATE', 'FORBIDDEN'],
  ] as const)('leaving a %s room → %s', (kind, code) => {
    expect(failure(() => assertMayLeave(kind))?.code ?? null).toBe(code);
  });

  it.each([
    [7, 8, null],
    [8, 8, 'ROOM_FULL'],
    [9, 8, 'ROOM_FULL'],
  ])('%s members of %s: one more → %s', (memberCount, maxMembers, reason) => {
    expect(failure(() => assertRoomHasSpace({ memberCount, maxMembers }))?.reason ?? null).toBe(reason);
  });
});

describe('who manages a party', () => {
  it.each([
    ['its owner', 'PARTY', { role: 'PLAYER' as const, isOwner: true }, null],
    ['a member', 'PARTY', { role: 'PLAYER' as const, isOwner: false }, 'FORBIDDEN'],
    ['a moderator', 'PARTY', { role: 'MODERATOR' as const, isOwner: false }, null],
    ['an admin, in a guild room', 'GUILD', { role: 'ADMIN' as const, isOwner: false }, 'FORBIDDEN'],
    ['an admin, in a global room', 'GLOBAL', { role: 'ADMIN' as const, isOwner: false }, 'FORBIDDEN'],
  ] as const)('invites and kicks: %s of a %s room → %s', (_case, kind, actor, code) => {
    expect(failure(() => assertMayManageMembers({ kind }, actor))?.code ?? null).toBe(code);
  });

  it.each([
    ['a party owner in their party', 'PARTY', { role: 'PLAYER' as const, isOwner: true }, null],
    ['a party member', 'PARTY', { role: 'PLAYER' as const, isOwner: false }, 'FORBIDDEN'],
    ['a player in the global room', 'GLOBAL', { role: 'PLAYER' as const, isOwner: false }, 'FORBIDDEN'],
    ['a moderator in the global room', 'GLOBAL', { role: 'MODERATOR' as const, isOwner: false }, null],
    ['an admin in a guild room', 'GUILD', { role: 'ADMIN' as const, isOwner: false }, null],
  ] as const)('settings and mutes: %s → %s', (_case, kind, actor, code) => {
    expect(failure(() => assertMayModerate({ kind }, actor))?.code ?? null).toBe(code);
  });

  it.each([
    ['a member', { userId: 'p2', role: 'MEMBER' as const }, null],
    ['the owner', { userId: 'p2', role: 'OWNER' as const }, 'FORBIDDEN'],
    ['oneself', { userId: 'p1', role: 'MEMBER' as const }, 'BAD_USER_INPUT'],
  ])('kicking %s → %s', (_case, target, code) => {
    expect(failure(() => assertKickable(target, 'p1'))?.code ?? null).toBe(code);
  });
});

describe('settings and sizes', () => {
  it.each([
    [0, 0],
    [30, 30],
    [3_600, 3_600],
  ])('slow mode %s s is kept as %s', (seconds, kept) => {
    expect(validateSlowMode(seconds)).toBe(kept);
  });
  it.each([[-1], [3_601], [0.5]])('slow mode %s s is refused on "slowModeSeconds"', (seconds) => {
    expect(failure(() => validateSlowMode(seconds))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slowModeSeconds' });
  });
  it.each([
    [undefined, 8],
    [2, 2],
    [8, 8],
  ])('a party of %s holds %s', (size, kept) => {
    expect(validatePartySize(size, 8)).toBe(kept);
  });
  it.each([[1], [9], [2.5]])('a party of %s is refused on "maxMembers"', (size) => {
    expect(failure(() => validatePartySize(size, 8))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxMembers' });
  });
  it('names a pair the same whoever opens it', () => {
    expect(pairKey('b', 'a')).toBe('a:b');
    expect(pairKey('a', 'b')).toBe('a:b');
  });
});
