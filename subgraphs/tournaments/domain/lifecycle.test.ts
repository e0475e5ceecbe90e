import { describe, expect, it } from 'vitest';
import {
  TOURNAMENT_STATUSES,
  assertCanLeave,
  assertCanRegister,
  assertCanStart,
  assertLevelAllowed,
  entryFeeKey,
  entryRefundKey,
  leaveRefusal,
  assertTransition,
  canManage,
  canMoveTo,
  isFinished,
  registrationRefusal,
  startRefusal,
  type RegistrationState,
  type TournamentStatus,
} from './lifecycle.js';

describe('status transitions', () => {
  // Every pair of statuses: [from, to, allowed].
  const table: [TournamentStatus, TournamentStatus, boolean][] = [
    ['REGISTRATION', 'REGISTRATION', false],
    ['REGISTRATION', 'IN_PROGRESS', true], // sign-ups close, play begins
    ['REGISTRATION', 'COMPLETED', false], // no standings without play
    ['REGISTRATION', 'CANCELLED', true], // called off before it starts
    ['IN_PROGRESS', 'REGISTRATION', false], // sign-ups never reopen
    ['IN_PROGRESS', 'IN_PROGRESS', false],
    ['IN_PROGRESS', 'COMPLETED', true], // final standings
    ['IN_PROGRESS', 'CANCELLED', true], // called off mid-play
    ['COMPLETED', 'REGISTRATION', false],
    ['COMPLETED', 'IN_PROGRESS', false],
    ['COMPLETED', 'COMPLETED', false],
    ['COMPLETED', 'CANCELLED', false], // final standings stay final
    ['CANCELLED', 'REGISTRATION', false],
    ['CANCELLED', 'IN_PROGRESS', false],
    ['CANCELLED', 'COMPLETED', false],
    ['CANCELLED', 'CANCELLED', false],
  ];

  it('covers every pair of statuses', () => {
    expect(table).toHaveLength(TOURNAMENT_STATUSES.length ** 2);
  });

  it.each(table)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { field: 'status' } }));
  });

  it.each<[TournamentStatus, boolean]>([
    ['REGISTRATION', false],
    ['IN_PROGRESS', false],
    ['COMPLETED', true],
    ['CANCELLED', true],
  ])('%s is finished: %s', (status, finished) => {
    expect(isFinished(status)).toBe(finished);
  });
});

describe('registration', () => {
  const open: RegistrationState = { status: 'REGISTRATION', maxParticipants: 16, participants: 0, alreadyRegistered: false };

  it.each<[string, Partial<RegistrationState>, ReturnType<typeof registrationRefusal>]>([
    ['the first player', {}, null],
    ['the last free place', { participants: 15 }, null],
    ['a full tournament', { participants: 16 }, 'FULL'],
    ['past capacity (capacity lowered after sign-ups)', { participants: 17 }, 'FULL'],
    ['a player already in', { participants: 3, alreadyRegistered: true }, 'ALREADY_REGISTERED'],
    ['a tournament in play', { status: 'IN_PROGRESS' }, 'NOT_OPEN'],
    ['a completed tournament', { status: 'COMPLETED' }, 'NOT_OPEN'],
    ['a cancelled tournament', { status: 'CANCELLED' }, 'NOT_OPEN'],
    // Closed comes first: a full tournament in play is "not open", not "full".
    ['a full tournament in play', { status: 'IN_PROGRESS', participants: 16 }, 'NOT_OPEN'],
  ])('%s → %s', (_name, change, refusal) => {
    const state = { ...open, ...change };
    expect(registrationRefusal(state)).toBe(refusal);
    if (refusal) expect(() => assertCanRegister(state)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { field: 'tournamentId', reason: refusal } }));
    else expect(() => assertCanRegister(state)).not.toThrow();
  });

  it.each([
    [1, 1, true],
    [7, 5, true],
    [4, 5, false],
  ])('level %i with a minimum of %i may register: %s', (level, minimum, allowed) => {
    if (allowed) expect(() => assertLevelAllowed(level, minimum)).not.toThrow();
    else expect(() => assertLevelAllowed(level, minimum)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: { reason: 'LEVEL_TOO_LOW', minimumLevel: minimum, level } }));
  });
});

describe('leaving', () => {
  it.each<[TournamentStatus, boolean, ReturnType<typeof leaveRefusal>]>([
    ['REGISTRATION', true, null],
    ['REGISTRATION', false, 'NOT_REGISTERED'],
    ['IN_PROGRESS', true, 'NOT_OPEN'], // no refunds once play has started
    ['CANCELLED', true, 'NOT_OPEN'],
  ])('%s, registered %s → %s', (status, registered, refusal) => {
    expect(leaveRefusal({ status, registered })).toBe(refusal);
    if (refusal) expect(() => assertCanLeave({ status, registered })).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { field: 'tournamentId', reason: refusal } }));
  });
});

describe('entry fee keys', () => {
  const T = '0190a000-0000-7000-8000-000000000001';
  const U = '0190a000-0000-7000-8000-00000000000b';
  it('name the tournament, the player and the attempt; fee and refund differ', () => {
    expect(entryFeeKey(T, U, 1)).toBe(`tournament:${T}:entry:${U}:1:fee`);
    expect(entryRefundKey(T, U, 1)).toBe(`tournament:${T}:entry:${U}:1:refund`);
    expect(entryFeeKey(T, U, 2)).not.toBe(entryFeeKey(T, U, 1));
    // The users subgraph takes keys of 8–200 characters.
    expect(entryRefundKey(T, U, 1024).length).toBeLessThanOrEqual(200);
  });
});

describe('start', () => {
  it.each<[string, { status: TournamentStatus; minParticipants: number; participants: number }, ReturnType<typeof startRefusal>]>([
    ['exactly the minimum', { status: 'REGISTRATION', minParticipants: 4, participants: 4 }, null],
    ['more than the minimum', { status: 'REGISTRATION', minParticipants: 4, participants: 16 }, null],
    ['one short', { status: 'REGISTRATION', minParticipants: 4, participants: 3 }, 'TOO_FEW_PARTICIPANTS'],
    ['nobody', { status: 'REGISTRATION', minParticipants: 2, participants: 0 }, 'TOO_FEW_PARTICIPANTS'],
    ['already started', { status: 'IN_PROGRESS', minParticipants: 4, participants: 8 }, 'NOT_IN_REGISTRATION'],
    ['cancelled', { status: 'CANCELLED', minParticipants: 4, participants: 8 }, 'NOT_IN_REGISTRATION'],
  ])('%s → %s', (_name, state, refusal) => {
    expect(startRefusal(state)).toBe(refusal);
    if (refusal) expect(() => assertCanStart(state)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { field: 'tournamentId', reason: refusal } }));
    else expect(() => assertCanStart(state)).not.toThrow();
  });
});

describe('who manages a tournament', () => {
  const organizer = '0190a000-0000-7000-8000-0000000000aa';
  it.each([
    ['its organizer', { userId: organizer, role: 'ORGANIZER' }, true],
    ['another organizer', { userId: 'someone-else', role: 'ORGANIZER' }, false],
    ['an admin', { userId: 'admin', role: 'ADMIN' }, true],
    ['its organizer demoted to player', { userId: organizer, role: 'PLAYER' }, false],
    ['a moderator', { userId: 'mod', role: 'MODERATOR' }, false],
  ])('%s → %s', (_who, viewer, allowed) => {
    expect(canManage(viewer, { createdBy: organizer })).toBe(allowed);
  });
});
