import { BadUserInputError } from '../../../platform/errors.js';
import { validateMultilineText, validateNameText } from '../../../platform/text.js';

export type TournamentFormat = 'SINGLE_ELIMINATION' | 'DOUBLE_ELIMINATION' | 'ROUND_ROBIN' | 'SWISS' | 'LADDER';

/** createTournament's input as the service passes it (GraphQL nulls included). */
export interface NewTournamentInput {
  name: string;
  description?: string | null;
  format: TournamentFormat;
  formatOptions?: {
    bestOf?: number | null;
    thirdPlaceMatch?: boolean | null;
    grandFinalReset?: boolean | null;
    swissRounds?: number | null;
    ladderChallengeRange?: number | null;
  } | null;
  startsAt: Date;
  endsAt?: Date | null;
  minParticipants: number;
  maxParticipants: number;
  entryFee?: number | null;
  prizePool?: { fixed?: number | null; feeSharePercent?: number | null; distribution: readonly number[] } | null;
  minimumLevel?: number | null;
  rules?: string | null;
  requestKey?: string | null;
}

/** A valid new tournament, defaults filled in: what the store writes. */
export interface TournamentSettings {
  name: string;
  description: string;
  format: TournamentFormat;
  bestOf: number;
  thirdPlaceMatch: boolean;
  grandFinalReset: boolean;
  swissRounds: number | null;
  ladderRange: number | null;
  startsAt: Date;
  endsAt: Date | null;
  minParticipants: number;
  maxParticipants: number;
  entryFee: number;
  prizeFixed: number;
  prizeFeeShare: number;
  prizeSplit: number[];
  minimumLevel: number;
  rules: string;
  requestKey: string | null;
}

export const LIMITS = {
  nameLength: 100,
  descriptionLength: 2_000,
  rulesLength: 10_000,
  maxParticipants: 1_024,
  entryFee: 1_000_000,
  prizeFixed: 100_000_000,
  maxLevel: 100,
  places: 32,
  swissRounds: 20,
  ladderRange: 10,
  /** How far ahead a tournament may be scheduled. */
  scheduleAheadMs: 366 * 24 * 3600 * 1000,
} as const;

const BEST_OF = [1, 3, 5, 7];
export const DEFAULT_LADDER_RANGE = 3;

const intIn = (value: number, min: number, max: number, field: string, what: string) => {
  if (!Number.isInteger(value) || value < min || value > max) throw new BadUserInputError(`${what} must be a whole number from ${min} to ${max}.`, field);
  return value;
};

/** Which format an option belongs to. */
const OPTION_FORMAT = {
  thirdPlaceMatch: 'SINGLE_ELIMINATION',
  grandFinalReset: 'DOUBLE_ELIMINATION',
  swissRounds: 'SWISS',
  ladderChallengeRange: 'LADDER',
} as const;

/**
 * A new tournament's settings, or BadUserInputError naming the first field that is wrong (dotted
 * inside nested inputs: `formatOptions.swissRounds`, `prizePool.distribution`). `now` is the clock.
 */
export function validateNewTournament(input: NewTournamentInput, now: Date): TournamentSettings {
  const name = validateNameText(input.name, { field: 'name', label: 'Name', minLength: 3, maxLength: LIMITS.nameLength });
  const description = validateMultilineText(input.description ?? '', { field: 'description', label: 'Description', minLength: 0, maxLength: LIMITS.descriptionLength });

  const options = input.formatOptions ?? {};
  for (const [option, format] of Object.entries(OPTION_FORMAT)) {
    const value = options[option as keyof typeof OPTION_FORMAT];
    if (value != null && value !== false && input.format !== format) {
      throw new BadUserInputError(`${option} applies to ${format} tournaments only.`, `formatOptions.${option}`);
    }
  }
  const bestOf = options.bestOf ?? 1;
  if (!BEST_OF.includes(bestOf)) throw new BadUserInputError('bestOf must be 1, 3, 5 or 7.', 'formatOptions.bestOf');

  if (input.startsAt.getTime() <= now.getTime()) throw new BadUserInputError('startsAt must be in the future.', 'startsAt');
  if (input.startsAt.getTime() > now.getTime() + LIMITS.scheduleAheadMs) throw new BadUserInputError('startsAt must be at most a year ahead.', 'startsAt');
  const endsAt = input.endsAt ?? null;
  if (endsAt && endsAt.getTime() <= input.startsAt.getTime()) throw new BadUserInputError('endsAt must be after startsAt.', 'endsAt');

  const minParticipants = intIn(input.minParticipants, 2, LIMITS.maxParticipants, 'minParticipants', 'minParticipants');
  const maxParticipants = intIn(input.maxParticipants, minParticipants, LIMITS.maxParticipants, 'maxParticipants', 'maxParticipants');

  const swissRounds = options.swissRounds == null ? null : intIn(options.swissRounds, 1, Math.min(LIMITS.swissRounds, maxParticipants - 1), 'formatOptions.swissRounds', 'swissRounds');
  const ladderRange = input.format === 'LADDER' ? intIn(options.ladderChallengeRange ?? DEFAULT_LADDER_RANGE, 1, LIMITS.ladderRange, 'formatOptions.ladderChallengeRange', 'ladderChallengeRange') : null;

  const entryFee = intIn(input.entryFee ?? 0, 0, LIMITS.entryFee, 'entryFee', 'entryFee');
  const pool = input.prizePool;
  const prizeFixed = intIn(pool?.fixed ?? 0, 0, LIMITS.prizeFixed, 'prizePool.fixed', 'fixed');
  const prizeFeeShare = intIn(pool?.feeSharePercent ?? 0, 0, 100, 'prizePool.feeSharePercent', 'feeSharePercent');
  const prizeSplit = pool ? validateDistribution(pool.distribution) : [100];
  if (prizeSplit.length > maxParticipants) throw new BadUserInputError('distribution names more places than the tournament has players.', 'prizePool.distribution');

  const minimumLevel = intIn(input.minimumLevel ?? 1, 1, LIMITS.maxLevel, 'minimumLevel', 'minimumLevel');
  const rules = validateMultilineText(input.rules ?? '', { field: 'rules', label: 'Rules', minLength: 0, maxLength: LIMITS.rulesLength });
  const requestKey = validateRequestKey(input.requestKey);

  return {
    name,
    description,
    format: input.format,
    bestOf,
    thirdPlaceMatch: options.thirdPlaceMatch ?? false,
    grandFinalReset: options.grandFinalReset ?? false,
    swissRounds,
    ladderRange,
    startsAt: input.startsAt,
    endsAt,
    minParticipants,
    maxParticipants,
    entryFee,
    prizeFixed,
    prizeFeeShare,
    prizeSplit,
    minimumLevel,
    rules,
    requestKey,
  };
}

/** The organizer's idempotency key (8–200 characters), or null without one. */
export function validateRequestKey(requestKey: string | null | undefined): string | null {
  if (requestKey == null) return null;
  if (requestKey.length < 8 || requestKey.length > 200) throw new BadUserInputError('requestKey must be 8–200 characters.', 'requestKey');
  return requestKey;
}

/** Percent per place: 1–32 places, each at least 1 and none above the one before, adding up to 100. */
function validateDistribution(split: readonly number[]): number[] {
  const field = 'prizePool.distribution';
  if (split.length < 1 || split.length > LIMITS.places) throw new BadUserInputError(`distribution must name 1 to ${LIMITS.places} places.`, field);
  split.forEach((percent, i) => {
    if (!Number.isInteger(percent) || percent < 1) throw new BadUserInputError('Each place’s percent must be a whole number of at least 1.', field);
    if (i > 0 && percent > split[i - 1]!) throw new BadUserInputError('A place may not get more than the place above it.', field);
  });
  if (split.reduce((a, b) => a + b, 0) !== 100) throw new BadUserInputError('distribution must add up to 100.', field);
  return [...split];
}
