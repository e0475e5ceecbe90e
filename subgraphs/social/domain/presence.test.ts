import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import {
  heartbeatIntervalSeconds,
  heartbeatTransitions,
  isOnline,
  onlineUntil,
  removalTransition,
  seesPresenceOf,
  validateOnlineMembersFirst,
  validatePresenceRooms,
} from './presence.js';

const failure = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    return { code: (error as DomainError).code, ...(error as DomainError).details };
  }
  return null;
};

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0); // 2026-12-05 12:00:00 UTC
const s = (seconds: number) => NOW + seconds * 1_000;
const DEFAULT = { expiryMs: 90_000 };

describe('presence timings', () => {
  it.each([
    [90_000, 30],
    [3_000, 1],
    [1_000, 1], // never 0: a client told to heartbeat every 0 s would spin
    [2_500, 1],
    [600_000, 200],
  ])('an expiry of %i ms asks for a heartbeat every %i s', (expiryMs, seconds) => {
    expect(heartbeatIntervalSeconds({ expiryMs })).toBe(seconds);
  });

  it('a heartbeat at 12:00:00 keeps the player online until 12:01:30', () => {
    expect(onlineUntil(NOW, DEFAULT)).toBe(s(90));
  });

  it.each([
    [null, false],
    [s(1), true],
    [s(0), false], // the expiry itself is offline
    [s(-1), false], // expired, not swept yet
  ])('an entry expiring at %s is online at 12:00:00: %s', (expiresAt, online) => {
    expect(isOnline(expiresAt, NOW)).toBe(online);
  });
});

describe('heartbeatTransitions', () => {
  it.each([
    ['absent: comes online', null, [{ online: true, at: NOW }]],
    ['online until 12:01:00: nothing to tell', s(60), []],
    ['online until a millisecond from now: nothing to tell', NOW + 1, []],
    ['expired at 11:59:50, not swept yet: offline then online', s(-10), [{ online: false, at: s(-10) }, { online: true, at: NOW }]],
    ['expiring exactly now: offline then online', NOW, [{ online: false, at: NOW }, { online: true, at: NOW }]],
  ] as const)('%s', (_case, previous, transitions) => {
    expect(heartbeatTransitions(previous, NOW)).toEqual(transitions);
  });
});

describe('removalTransition', () => {
  it.each([
    ['absent: nothing', null, null],
    ['online until 12:01:00 (goOffline): offline now', s(60), { online: false, at: NOW }],
    ['expired at 11:59:58 (the sweeper): offline at its expiry', s(-2), { online: false, at: s(-2) }],
  ] as const)('%s', (_case, previous, transition) => {
    expect(removalTransition(previous, NOW)).toEqual(transition);
  });
});

describe('validatePresenceRooms', () => {
  const room = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  it.each([
    [[room(1)], [room(1)]],
    [[room(2), room(1), room(2)], [room(2), room(1)]], // repeats count once, first order kept
    [Array.from({ length: 20 }, (_, i) => room(i)), Array.from({ length: 20 }, (_, i) => room(i))],
    [[...Array.from({ length: 20 }, (_, i) => room(i)), room(0)], Array.from({ length: 20 }, (_, i) => room(i))],
  ])('keeps %j as %j', (input, rooms) => {
    expect(validatePresenceRooms(input)).toEqual(rooms);
  });

  it.each([
    ['no room', []],
    ['21 rooms', Array.from({ length: 21 }, (_, i) => room(i))],
  ])('refuses %s with BAD_USER_INPUT on roomIds', (_case, input) => {
    expect(failure(() => validatePresenceRooms(input))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomIds' });
  });
});

describe('validateOnlineMembersFirst', () => {
  it.each([
    [undefined, 50],
    [null, 50],
    [1, 1],
    [100, 100],
  ])('first = %s reads %i', (first, n) => {
    expect(validateOnlineMembersFirst(first)).toBe(n);
  });

  it.each([0, -1, 101, 1.5])('refuses first = %s with BAD_USER_INPUT on first', (first) => {
    expect(failure(() => validateOnlineMembersFirst(first))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('seesPresenceOf', () => {
  it.each([
    [{ mayReadRoom: true, blockedEitherWay: false }, true],
    [{ mayReadRoom: true, blockedEitherWay: true }, false], // a block either way hides both
    [{ mayReadRoom: false, blockedEitherWay: false }, false], // no longer a member
    [{ mayReadRoom: false, blockedEitherWay: true }, false],
  ])('%o sees: %s', (viewer, sees) => {
    expect(seesPresenceOf(viewer)).toBe(sees);
  });
});
