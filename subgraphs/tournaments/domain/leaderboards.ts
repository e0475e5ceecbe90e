// Leaderboard rules, pure: how a submitted score changes a record, how records are ordered (ties go
// to who got there first), the ranking member Redis orders, when a period resets, and what a
// player who was passed hears.
import { CronExpressionParser } from 'cron-parser';
import { BadUserInputError, ConflictError } from '../../../platform/errors.js';

export type SortOrder = 'DESC' | 'ASC';
export type ScoreOperator = 'BEST' | 'SET' | 'INCREMENT' | 'DECREMENT';
export type ScoreSource = 'ACHIEVEMENT_POINTS' | 'TOURNAMENT_PLACEMENT' | 'GUILD_CONTRIBUTION';

/** Scores and subscores are finite numbers within ±SCORE_LIMIT (so sums stay exact integers up to it). */
export const SCORE_LIMIT = 1e15;

export interface Score {
  score: number;
  subscore: number;
}

/** A finite number within ±SCORE_LIMIT, else BAD_USER_INPUT on `field`. */
export function checkScore(value: number, field: string): number {
  if (!Number.isFinite(value)) throw new BadUserInputError(`${field} must be a finite number.`, `input.${field}`);
  if (Math.abs(value) > SCORE_LIMIT) throw new BadUserInputError(`${field} must be between -${SCORE_LIMIT} and ${SCORE_LIMIT}.`, `input.${field}`);
  return value === 0 ? 0 : value; // -0 orders as 0
}

/** Whether `a` ranks ahead of `b` on score, then subscore (equal: neither). */
export function ranksAhead(sort: SortOrder, a: Score, b: Score): boolean {
  const sign = sort === 'DESC' ? 1 : -1;
  return (a.score - b.score) * sign > 0 || (a.score === b.score && (a.subscore - b.subscore) * sign > 0);
}

/**
 * The record after a submission: BEST keeps the better of the two (score, then subscore), SET
 * replaces, INCREMENT and DECREMENT add or subtract both. `changed` is false when the record stays
 * as it was (a BEST that is not better, an increment by zero): the player keeps their place in ties.
 * A result outside ±SCORE_LIMIT is BAD_USER_INPUT.
 */
export function applySubmission(operator: ScoreOperator, sort: SortOrder, previous: Score | null, submitted: Score): Score & { changed: boolean } {
  let next: Score;
  if (!previous) next = operator === 'DECREMENT' ? { score: -submitted.score, subscore: -submitted.subscore } : submitted;
  else if (operator === 'BEST') next = ranksAhead(sort, submitted, previous) ? submitted : previous;
  else if (operator === 'SET') next = submitted;
  else {
    const sign = operator === 'INCREMENT' ? 1 : -1;
    next = { score: previous.score + sign * submitted.score, subscore: previous.subscore + sign * submitted.subscore };
  }
  checkScore(next.score, 'score');
  checkScore(next.subscore, 'subscore');
  const changed = !previous || next.score !== previous.score || next.subscore !== previous.subscore;
  return { score: next.score === 0 ? 0 : next.score, subscore: next.subscore === 0 ? 0 : next.subscore, changed };
}

/** A submission as a group of them is planned: who, what, and the metadata it would keep. */
export interface SubmissionInput extends Score {
  userId: string;
  metadata: string;
}

/** A record's values and version (`seq`). */
export interface VersionedScore extends Score {
  seq: bigint;
}

/** What one submission of a group comes to. */
export type SubmissionOutcome =
  /** Applied (whether or not it changed the record): the record right after it, and its version. */
  | { kind: 'applied'; userId: string; record: VersionedScore; changed: boolean }
  /** Refused (its sum would leave the score range): nothing of it is stored. */
  | { kind: 'refused'; error: unknown }
  /** Accepted before (a retry, or the same submissionId earlier in the group): answered with the record as it is after the group. */
  | { kind: 'repeat'; userId: string };

/** One player's record after a group: what to insert or update. */
export interface RecordWrite extends VersionedScore {
  userId: string;
  /** False: the player had no record in the period (an insert). */
  existed: boolean;
  /** Submissions of the group that reached it. */
  submissions: number;
  /** The metadata of the last submission that changed it, or null when none did. */
  metadata: string | null;
}

/**
 * A group of submissions to one period, in arrival order, as if each ran alone after the one
 * before it: `current` holds the players' locked records, `fresh(i)` says whether submission i is
 * new (its submissionId was never accepted), and each change takes the next of `seqs` (ascending,
 * at least one per fresh submission), so ties still go to whoever got there first. A refused
 * submission (a sum outside ±SCORE_LIMIT) changes nothing and the next one sees the record as before.
 */
export function planSubmissions(
  operator: ScoreOperator,
  sort: SortOrder,
  current: ReadonlyMap<string, VersionedScore>,
  submissions: readonly SubmissionInput[],
  fresh: (index: number) => boolean,
  seqs: readonly bigint[],
): { outcomes: SubmissionOutcome[]; writes: RecordWrite[] } {
  const records = new Map<string, RecordWrite>();
  let nextSeq = 0;
  const outcomes = submissions.map((s, i): SubmissionOutcome => {
    if (!fresh(i)) return { kind: 'repeat', userId: s.userId };
    const write = records.get(s.userId);
    const previous = write ?? current.get(s.userId) ?? null;
    let next: ReturnType<typeof applySubmission>;
    try {
      next = applySubmission(operator, sort, previous, s);
    } catch (error) {
      return { kind: 'refused', error };
    }
    const seq = next.changed ? seqs[nextSeq++] : previous!.seq;
    if (seq === undefined) throw new Error('planSubmissions: fewer sequence values than changes');
    const record = { score: next.score, subscore: next.subscore, seq };
    records.set(s.userId, {
      userId: s.userId,
      existed: write?.existed ?? current.has(s.userId),
      ...record,
      submissions: (write?.submissions ?? 0) + 1,
      metadata: next.changed ? s.metadata : (write?.metadata ?? null),
    });
    return { kind: 'applied', userId: s.userId, record, changed: next.changed };
  });
  return { outcomes, writes: [...records.values()] };
}

/**
 * What a submission whose submissionId the board took before comes to, once its group is planned:
 * the same player's retry is answered with their record as it is now; the id taken for another
 * player is a new submission under a used id (the Stripe rule, as chat's clientMessageId); and a
 * retry whose player has no record in the current period applied in a period that has since ended,
 * which has no record to answer with. Only the player is compared: the board keeps no more of a
 * submission. Null: answer the record.
 */
export function repeatRefusal(takenFor: string, userId: string, hasCurrentRecord: boolean): ConflictError | null {
  if (takenFor !== userId) return new ConflictError('This submissionId was already used on this leaderboard for another player: use a new one for a new submission.', 'input.submissionId');
  if (!hasCurrentRecord) return new ConflictError('This submissionId was applied in a period of this leaderboard that has since ended: it applies nothing to the current period, where the player has no record.', 'input.submissionId');
  return null;
}

/** A double's bits as 16 hex digits whose byte order is the numbers' order (negatives flipped). */
export function orderedHex(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value === 0 ? 0 : value);
  let bits = view.getBigUint64(0);
  bits = bits >> 63n ? ~bits & 0xffff_ffff_ffff_ffffn : bits | (1n << 63n);
  return bits.toString(16).padStart(16, '0');
}

const decoding = new DataView(new ArrayBuffer(8));

/** orderedHex back to the double (read for every record a page shows: two 32-bit halves, no BigInt). */
export function fromOrderedHex(hex: string): number {
  let high = parseInt(hex.slice(0, 8), 16);
  let low = parseInt(hex.slice(8, 16), 16);
  if (high >= 0x8000_0000) high -= 0x8000_0000;
  else [high, low] = [0xffff_ffff - high, 0xffff_ffff - low];
  decoding.setUint32(0, high);
  decoding.setUint32(4, low);
  return decoding.getFloat64(0);
}

const SEQ_MAX = (1n << 62n) - 1n;

/**
 * The member a record is in the period's sorted set (its score is the record's score). Redis orders
 * equal scores by member, so the member carries the subscore and then when the record reached its
 * value (`seq`, from one database sequence): on a DESC board, read in reverse, the sequence is
 * inverted so the earlier record still comes first. The player's id ends it.
 */
export function rankingMember(sort: SortOrder, subscore: number, seq: bigint, userId: string): string {
  const order = sort === 'DESC' ? SEQ_MAX - seq : seq;
  return `${orderedHex(subscore)}${order.toString(16).padStart(16, '0')}${userId}`;
}

/** The player a ranking member belongs to (what a pass needs; no number decoding). */
export const rankingMemberUserId = (member: string): string => member.slice(32);

/** What a read shows of a ranking member: its player and subscore (its version stays encoded). */
export function readRankingMember(member: string): { subscore: number; userId: string } {
  return { subscore: fromOrderedHex(member.slice(0, 16)), userId: member.slice(32) };
}

export function parseRankingMember(sort: SortOrder, member: string): { subscore: number; seq: bigint; userId: string } {
  const order = BigInt(`0x${member.slice(16, 32)}`);
  return { subscore: fromOrderedHex(member.slice(0, 16)), seq: sort === 'DESC' ? SEQ_MAX - order : order, userId: member.slice(32) };
}

export interface RankedRecord extends Score {
  userId: string;
  seq: bigint;
}

/** Records in board order: score, subscore, then who got there first (lower seq). */
export function sortRecords<T extends RankedRecord>(sort: SortOrder, records: readonly T[]): T[] {
  return [...records].sort((a, b) => (ranksAhead(sort, a, b) ? -1 : ranksAhead(sort, b, a) ? 1 : a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
}

/** A cron schedule (5 fields, or 6 with seconds) in UTC; BAD_USER_INPUT on `field` when it does not parse. */
export function checkResetSchedule(schedule: string, field: string): string {
  const trimmed = schedule.trim();
  if (trimmed.length > 100) throw new BadUserInputError('The reset schedule is at most 100 characters.', field);
  const fields = trimmed.split(/\s+/).length;
  if (!trimmed || fields < 5 || fields > 6) throw new BadUserInputError('The reset schedule is not a valid cron expression: it needs 5 fields (6 with seconds).', field);
  try {
    CronExpressionParser.parse(trimmed, { tz: 'UTC', strict: false });
  } catch (error) {
    throw new BadUserInputError(`The reset schedule is not a valid cron expression: ${(error as Error).message}`, field);
  }
  return trimmed;
}

/** The first moment strictly after `after` that the UTC cron schedule names. */
export function nextReset(schedule: string, after: Date): Date {
  return CronExpressionParser.parse(schedule, { tz: 'UTC', currentDate: after }).next().toDate();
}

/** Most players one submission tells they were passed (the nearest ones behind the new place). */
export const PASSED_LIMIT = 100;

/** What `rankChanged` delivers to a player who was passed. */
export interface PlayerRankChange {
  leaderboardId: string;
  /** 1-based rank after the change(s). */
  rank: number;
  /** 1-based rank before the first change of a coalesced run (null: they were unranked). */
  previousRank: number | null;
  /** Who passed them, in order, without repeats. */
  passedBy: string[];
}

/**
 * Each passed player's change after one submission: `passed` are the members now just behind the
 * submitter's 0-based `rank`, nearest first, so the i-th is now at rank + 2 + i (1-based) and was
 * one place higher before. Only the players `listening` are told.
 */
export function rankChangesOf(
  leaderboardId: string,
  submitterId: string,
  rank: number,
  passedUserIds: readonly string[],
  listening: (userId: string) => boolean = () => true,
): (PlayerRankChange & { userId: string })[] {
  return passedUserIds.flatMap((userId, i) => (listening(userId) ? [{ leaderboardId, userId, rank: rank + 2 + i, previousRank: rank + 1 + i, passedBy: [submitterId] }] : []));
}

/** Two changes of one player's rank in a row as one: the latest rank, the earliest previous rank, every passer once. */
export function mergeRankChanges(earlier: PlayerRankChange, later: PlayerRankChange): PlayerRankChange {
  return {
    leaderboardId: later.leaderboardId,
    rank: later.rank,
    previousRank: earlier.previousRank,
    passedBy: [...new Set([...earlier.passedBy, ...later.passedBy])],
  };
}

/** Leaderboard ids: what a game developer names a board in code. */
export function checkLeaderboardId(id: string, field: string): string {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(id)) {
    throw new BadUserInputError('A leaderboard id is 1–64 lowercase letters, digits, - or _, starting with a letter or digit.', field);
  }
  return id;
}

/** The score an event from another subgraph adds to a board that follows its source. */
export type SourceScore = { source: ScoreSource; userId: string; score: number; key: string; at: string };
