import { BadUserInputError, DomainError } from '../../../platform/errors.js';

/**
 * Contribution drives: a guild's officers set a goal of coins and a deadline; members'
 * contributions during the drive raise it; reaching the goal in time earns the guild bonus XP
 * (once), running out of time ends it with nothing more. Every number of the rules is here.
 */
export type ContributionDriveStatus = 'ACTIVE' | 'COMPLETED' | 'EXPIRED';

const HOUR = 3_600_000;
export const DRIVE_MIN_GOAL = 100;
export const DRIVE_MAX_GOAL = 1_000_000;
export const DRIVE_MIN_HOURS = 1;
/** A week. */
export const DRIVE_MAX_HOURS = 168;
/** The bonus XP on reaching the goal, in percent of the goal (rounded down). */
export const DRIVE_BONUS_PERCENT = 20;

/** The bonus guild XP a drive of this goal pays when reached in time. */
export const driveBonusXp = (goal: number): number => Math.floor((goal * DRIVE_BONUS_PERCENT) / 100);

/** A drive's goal and length, checked: BAD_USER_INPUT naming the field otherwise. */
export function validateDriveInput(input: { goal: number; durationHours: number }): { goal: number; durationHours: number } {
  if (!Number.isInteger(input.goal) || input.goal < DRIVE_MIN_GOAL || input.goal > DRIVE_MAX_GOAL) {
    throw new BadUserInputError(`A drive's goal is ${DRIVE_MIN_GOAL}–${DRIVE_MAX_GOAL.toLocaleString('en')} coins.`, 'goal');
  }
  if (!Number.isInteger(input.durationHours) || input.durationHours < DRIVE_MIN_HOURS || input.durationHours > DRIVE_MAX_HOURS) {
    throw new BadUserInputError(`A drive runs ${DRIVE_MIN_HOURS}–${DRIVE_MAX_HOURS} hours.`, 'durationHours');
  }
  return { goal: input.goal, durationHours: input.durationHours };
}

/** When a drive started at `startedAt` for `durationHours` ends. */
export const driveEndsAt = (startedAt: Date, durationHours: number): Date => new Date(startedAt.getTime() + durationHours * HOUR);

/**
 * What a contribution that settled at `at` does to the drive: nothing unless the drive is ACTIVE
 * and `at` is before its deadline; otherwise the drive's new total, and whether it reached the
 * goal now (the contribution that gets there completes it, once: a COMPLETED drive counts nothing).
 */
export function driveOutcome(
  drive: { status: ContributionDriveStatus; goal: number; raised: bigint; endsAt: Date },
  coins: number,
  at: Date,
): { counts: false } | { counts: true; raised: bigint; completes: boolean } {
  if (drive.status !== 'ACTIVE' || at.getTime() >= drive.endsAt.getTime() || coins <= 0) return { counts: false };
  const raised = drive.raised + BigInt(coins);
  return { counts: true, raised, completes: raised >= BigInt(drive.goal) };
}

/** Whether the end timer should expire the drive at `now`: ACTIVE and at or past its deadline. */
export const dueToExpire = (drive: { status: ContributionDriveStatus; endsAt: Date }, now: Date): boolean =>
  drive.status === 'ACTIVE' && now.getTime() >= drive.endsAt.getTime();

/** CONFLICT with reason DRIVE_OPEN and the open drive's id: one ACTIVE drive per guild. */
export class DriveOpenError extends DomainError {
  constructor(readonly driveId: string) {
    super('CONFLICT', 'Your guild has a contribution drive under way already; start the next one when it ends.', { reason: 'DRIVE_OPEN', driveId });
  }
}
