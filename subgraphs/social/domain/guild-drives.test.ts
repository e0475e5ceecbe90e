import { describe, expect, it } from 'vitest';
import { driveBonusXp, driveEndsAt, DriveOpenError, driveOutcome, dueToExpire, validateDriveInput } from './guild-drives.js';

const START = new Date('2026-03-02T18:00:00Z'); // a Monday evening
const ENDS = new Date('2026-03-03T18:00:00Z'); // 24 h later

describe('contribution drive input', () => {
  it.each([
    [{ goal: 100, durationHours: 1 }, null], // both at their minimum
    [{ goal: 1_000_000, durationHours: 168 }, null], // both at their maximum
    [{ goal: 99, durationHours: 24 }, 'goal'],
    [{ goal: 1_000_001, durationHours: 24 }, 'goal'],
    [{ goal: 150.5, durationHours: 24 }, 'goal'],
    [{ goal: Number.NaN, durationHours: 24 }, 'goal'],
    [{ goal: 500, durationHours: 0 }, 'durationHours'],
    [{ goal: 500, durationHours: 169 }, 'durationHours'],
    [{ goal: 500, durationHours: 1.5 }, 'durationHours'],
    [{ goal: 500, durationHours: -24 }, 'durationHours'],
  ])('%o refused on %s', (input, field) => {
    if (field === null) expect(validateDriveInput(input)).toEqual(input);
    else expect(() => validateDriveInput(input)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field } }));
  });
});

describe('contribution drive rules', () => {
  it.each([
    [100, 20],
    [999, 199], // rounded down
    [1_000_000, 200_000],
  ])('a goal of %i pays %i bonus XP', (goal, xp) => expect(driveBonusXp(goal)).toBe(xp));

  it('ends durationHours after its start', () => {
    expect(driveEndsAt(START, 24)).toEqual(ENDS);
    expect(driveEndsAt(START, 168).toISOString()).toBe('2026-03-09T18:00:00.000Z'); // the next Monday
  });

  const active = { status: 'ACTIVE' as const, goal: 1_000, raised: 600n, endsAt: ENDS };
  it.each([
    ['below the goal', active, 300, START, { counts: true, raised: 900n, completes: false }],
    ['exactly the goal', active, 400, START, { counts: true, raised: 1_000n, completes: true }],
    ['past the goal', active, 5_000, START, { counts: true, raised: 5_600n, completes: true }],
    ['a millisecond before the deadline', active, 1, new Date(ENDS.getTime() - 1), { counts: true, raised: 601n, completes: false }],
    ['at the deadline', active, 1_000, ENDS, { counts: false }],
    ['after the deadline', active, 1_000, new Date('2026-03-04T00:00:00Z'), { counts: false }],
    ['a completed drive', { ...active, status: 'COMPLETED' as const, raised: 1_000n }, 10, START, { counts: false }],
    ['an expired drive', { ...active, status: 'EXPIRED' as const }, 10, START, { counts: false }],
    ['no coins', active, 0, START, { counts: false }],
  ])('a contribution to %s', (_case, drive, coins, at, outcome) => expect(driveOutcome(drive, coins, at)).toEqual(outcome));

  it.each([
    ['ACTIVE', new Date(ENDS.getTime() - 1), false], // a millisecond early
    ['ACTIVE', ENDS, true],
    ['ACTIVE', new Date('2026-03-05T00:00:00Z'), true], // late: the servers were down
    ['COMPLETED', new Date('2026-03-05T00:00:00Z'), false],
    ['EXPIRED', new Date('2026-03-05T00:00:00Z'), false],
  ] as const)('a %s drive at %s is due to expire: %s', (status, now, due) => expect(dueToExpire({ status, endsAt: ENDS }, now)).toBe(due));

  it('a second drive is CONFLICT naming the open one', () => {
    expect(new DriveOpenError('d1')).toMatchObject({ code: 'CONFLICT', details: { reason: 'DRIVE_OPEN', driveId: 'd1' } });
  });
});
