import { ConflictError, DomainError, ErrorCode } from '../../../platform/errors.js';

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

/** A CONFLICT naming `tournamentId`, with the refusal as `reason`, when the registration rule refuses. */
export function assertCanRegister(state: RegistrationState): void {
  const refusal = registrationRefusal(state);
  if (refusal) throw new DomainError(ErrorCode.CONFLICT, REGISTRATION_MESSAGES[refusal], { field: 'tournamentId', reason: refusal });
}

/** FORBIDDEN (with both levels) when the player's level is below the tournament's minimum. */
export function assertLevelAllowed(level: number, minimumLevel: number): void {
  if (level < minimumLevel) {
    throw new DomainError(ErrorCode.FORBIDDEN, `This tournament needs level ${minimumLevel}; you are level ${level}.`, { reason: 'LEVEL_TOO_LOW', minimumLevel, level });
  }
}

export type LeaveRefusal = 'NOT_OPEN' | 'NOT_REGISTERED';

/** Why a player may not leave, or null: only while registration is open, and only when registered. */
export function leaveRefusal(state: { status: TournamentStatus; registered: boolean }): LeaveRefusal | null {
  if (state.status !== 'REGISTRATION') return 'NOT_OPEN';
  if (!state.registered) return 'NOT_REGISTERED';
  return null;
}

const LEAVE_MESSAGES: Record<LeaveRefusal, string> = {
  NOT_OPEN: 'Players can only leave a tournament before it starts.',
  NOT_REGISTERED: 'You are not registered for this tournament.',
};

export function assertCanLeave(state: { status: TournamentStatus; registered: boolean }): void {
  const refusal = leaveRefusal(state);
  if (refusal) throw new DomainError(ErrorCode.CONFLICT, LEAVE_MESSAGES[refusal], { field: 'tournamentId', reason: refusal });
}

/**
 * The wallet keys of one registration attempt: the users subgraph applies each key once, so a
 * retried join pays once and a refund (leaving, a cancellation, a join that could not commit) is
 * paid once, whichever of its paths gets there first. A new attempt (joining again after leaving)
 * gets new keys.
 */
export const entryFeeKey = (tournamentId: string, userId: string, attempt: number) => `tournament:${tournamentId}:entry:${userId}:${attempt}:fee`;
export const entryRefundKey = (tournamentId: string, userId: string, attempt: number) => `tournament:${tournamentId}:entry:${userId}:${attempt}:refund`;

export type StartRefusal = 'NOT_IN_REGISTRATION' | 'TOO_FEW_PARTICIPANTS';

const START_MESSAGES: Record<StartRefusal, string> = {
  NOT_IN_REGISTRATION: 'Only a tournament in registration can start.',
  TOO_FEW_PARTICIPANTS: 'Too few players have registered to start.',
};

/** A CONFLICT (with its `reason`) when the tournament may not start. */
export function assertCanStart(state: { status: TournamentStatus; minParticipants: number; participants: number }): void {
  const refusal = startRefusal(state);
  if (refusal) throw new DomainError(ErrorCode.CONFLICT, START_MESSAGES[refusal], { field: 'tournamentId', reason: refusal });
}

/**
 * Why a tournament may not start, or null when it may: play begins only from registration and
 * with at least `minParticipants` registered.
 */
export function startRefusal(state: { status: TournamentStatus; minParticipants: number; participants: number }): StartRefusal | null {
  if (!canMoveTo(state.status, 'IN_PROGRESS')) return 'NOT_IN_REGISTRATION';
  if (state.participants < state.minParticipants) return 'TOO_FEW_PARTICIPANTS';
  return null;
}

/**
 * Who may start or cancel a tournament by hand: its organizer, or any admin. Other organizers and
 * players may not.
 */
export function canManage(viewer: { userId: string; role: string | null }, tournament: { createdBy: string | null }): boolean {
  return viewer.role === 'ADMIN' || (viewer.role === 'ORGANIZER' && tournament.createdBy === viewer.userId);
}
