import { ConflictError } from '../../../platform/errors.js';

/** Where a tournament is in its life: the SDL's and the database's TournamentStatus, as strings. */
export type TournamentStatus = 'REGISTRATION' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED';

/** Every status, in the order a tournament goes through them. */
export const TOURNAMENT_STATUSES = ['REGISTRATION', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const satisfies readonly TournamentStatus[];

/**
 * Which status may follow which. Sign-ups, then play, then final standings; a tournament not yet
 * finished may be called off (entry fees refunded). A finished or cancelled one never changes.
 */
const NEXT: Record<TournamentStatus, readonly TournamentStatus[]> = {
  REGISTRATION: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const canMoveTo = (from: TournamentStatus, to: TournamentStatus): boolean => NEXT[from].includes(to);

/** True once nothing more can happen to the tournament: its standings or its cancellation are final. */
export const isFinished = (status: TournamentStatus): boolean => NEXT[status].length === 0;

/** The move if the lifecycle allows it; ConflictError naming `status` otherwise. */
export function assertTransition(from: TournamentStatus, to: TournamentStatus): void {
  if (!canMoveTo(from, to)) {
    throw new ConflictError(`A tournament in ${from} cannot move to ${to}.`, 'status');
  }
}

/** What the registration rule needs to know about a tournament and the player asking. */
export interface RegistrationState {
  status: TournamentStatus;
  maxParticipants: number;
  /** Players registered so far. */
  participants: number;
  alreadyRegistered: boolean;
}

export type RegistrationRefusal = 'NOT_OPEN' | 'ALREADY_REGISTERED' | 'FULL';

/**
 * Why a player may not register, or null when they may: only while registration is open, once per
 * player, and never past `maxParticipants`.
 */
export function registrationRefusal(state: RegistrationState): RegistrationRefusal | null {
  if (state.status !== 'REGISTRATION') return 'NOT_OPEN';
  if (state.alreadyRegistered) return 'ALREADY_REGISTERED';
  if (state.participants >= state.maxParticipants) return 'FULL';
  return null;
}

const REGISTRATION_MESSAGES: Record<RegistrationRefusal, string> = {
  NOT_OPEN: 'This tournament is not open for registration.',
  ALREADY_REGISTERED: 'You are already registered for this tournament.',
  FULL: 'This tournament is full.',
};

/** ConflictError (with its `reason`) when the registration rule refuses. */
export function assertCanRegister(state: RegistrationState): void {
  const refusal = registrationRefusal(state);
  if (refusal) throw new ConflictError(REGISTRATION_MESSAGES[refusal], 'tournamentId');
}

export type StartRefusal = 'NOT_IN_REGISTRATION' | 'TOO_FEW_PARTICIPANTS';

/**
 * Why a tournament may not start, or null when it may: play begins only from registration and
 * with at least `minParticipants` registered.
 */
export function startRefusal(state: { status: TournamentStatus; minParticipants: number; participants: number }): StartRefusal | null {
  if (!canMoveTo(state.status, 'IN_PROGRESS')) return 'NOT_IN_REGISTRATION';
  if (state.participants < state.minParticipants) return 'TOO_FEW_PARTICIPANTS';
  return null;
}
