import type { Logger } from 'pino';
import { isRetryableConflict } from '../../../platform/db/errors.js';
import type { Sql } from '../../../platform/db/index.js';
import { DomainError } from '../../../platform/errors.js';
import { GroupCommit } from '../../../platform/group-commit.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { leaderboardChanged, rankChanged, type LeaderboardChangedEvent } from '../contracts/leaderboard-live.js';
import { mergeRankChanges, PASSED_LIMIT, planSubmissions, rankChangesOf, repeatRefusal, type PlayerRankChange, type SubmissionInput, type SubmissionOutcome } from '../domain/leaderboards.js';
import type { RankListeners } from '../store/leaderboard-listeners.store.js';
import type { LeaderboardRanking } from '../store/leaderboard-ranking.store.js';
import type { LeaderboardRow, LeaderboardsStore, PeriodRow, StoredRecord } from '../store/leaderboards.store.js';

/** One checked submission (the game server's, or a bus event's). */
export interface Submission extends SubmissionInput {
  submissionId: string;
}

/** A submission's answer: the record right after it (as it is now, for a repeat) and its 0-based rank. */
export interface SubmittedRecord {
  board: LeaderboardRow;
  period: PeriodRow;
  record: StoredRecord & { rank: number };
}

/** A committed group of submissions to one board, whose records the ranking still has to take. */
export interface CommittedGroup {
  board: LeaderboardRow;
  period: PeriodRow;
  submissions: readonly Submission[];
  outcomes: SubmissionOutcome[];
  /** Every player of the group's record after it (absent: no record in the period). */
  records: Map<string, StoredRecord>;
  /** The owed ranking write noted with the group (null when it changed no record). */
  owed: bigint | null;
}

type Answer = { refused: unknown } | { ranked: Promise<(SubmittedRecord | null)[]>; index: number };

/** A first record that a concurrent transaction created meanwhile: the group runs again (it then finds it). */
class RecordRaceError extends Error {}

const MAX_ATTEMPTS = 3;

/**
 * Submissions, in groups: while a group of a board commits, the board's later submissions wait and
 * go together in the next transaction (platform/group-commit.ts, as chat's sends to a room do). A
 * group costs a constant number of statements, pipelined: the period FOR SHARE with the board, the
 * submission ids (set-based, so a retry or a concurrent twin applies once), the players' records FOR
 * UPDATE in player order, the sequence values for the new versions; then the inserts, updates and an
 * owed ranking write (docs/decisions.md, "Leaderboard submissions commit in groups"). After the
 * commit the group's records reach Redis in one script, one leaderboardChanged goes out for the
 * group and each passed player hears their pass once.
 */
export class LeaderboardSubmissions {
  private readonly groups = new GroupCommit<Submission & { leaderboardId: string }, Answer>({
    commit: (items) => this.commitGroup(items),
    // One group of a board at a time per replica: its submissions take their versions in arrival
    // order (ties go to who got there first); the next group commits while this one's records go to Redis.
    inFlight: 1,
    maxWeight: 250,
    onGroupFailure: 'each-alone',
  });
  private readonly owed: bigint[] = [];
  private settling: Promise<void> | null = null;

  constructor(
    private readonly deps: {
      sql: { transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> };
      store: LeaderboardsStore;
      ranking: LeaderboardRanking;
      listeners: RankListeners;
      redis: RedisPort;
      logger: Logger;
      now?: () => Date;
    },
  ) {}

  /**
   * Submits in the board's next group; resolves with its own answer once the group reached the
   * ranking. The caller has checked the submission (its player included: leaderboards.service.ts).
   */
  async submit(leaderboardId: string, submission: Submission): Promise<SubmittedRecord> {
    const answer = await this.groups.add({ leaderboardId, ...submission }, leaderboardId);
    if ('refused' in answer) throw answer.refused;
    return (await answer.ranked)[answer.index]!;
  }

  private async commitGroup(items: (Submission & { leaderboardId: string })[]): Promise<Answer[]> {
    const leaderboardId = items[0]!.leaderboardId;
    // Who listens to rankChanged, read while the group commits (a player listed later misses this group's passes).
    const listeners = this.deps.listeners.snapshot(leaderboardId);
    listeners.catch(() => undefined); // awaited by rank
    for (let attempt = 1; ; attempt++) {
      let group: CommittedGroup;
      try {
        group = await this.deps.sql.transaction((sql) => this.submitIn(sql, leaderboardId, items));
      } catch (error) {
        if (error instanceof DomainError) return items.map(() => ({ refused: error }));
        if ((error instanceof RecordRaceError || isRetryableConflict(error)) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
      const ranked = this.rank(group, listeners);
      ranked.catch(() => undefined); // every caller awaits it and sees the failure
      return group.outcomes.map((o, index) => (o.kind === 'refused' ? { refused: o.error } : { ranked, index }));
    }
  }

  /**
   * A group of submissions to one board inside a transaction (the group's own, or a bus consumer's),
   * in arrival order. NOT_FOUND when the board does not exist.
   */
  async submitIn(sql: Sql, leaderboardId: string, submissions: readonly Submission[]): Promise<CommittedGroup> {
    const first = new Map<string, number>();
    submissions.forEach((s, i) => first.has(s.submissionId) || first.set(s.submissionId, i));
    const candidates = [...first.values()].map((i) => submissions[i]!);
    const userIds = [...new Set(submissions.map((s) => s.userId))].sort();
    // Pipelined: each statement goes out without waiting for the one before (the server runs them in order).
    const [locked, fresh, current, seqs] = await Promise.all([
      this.deps.store.lockCurrentPeriodWithBoard(sql, leaderboardId),
      this.deps.store.acceptSubmissions(sql, leaderboardId, candidates),
      this.deps.store.lockCurrentRecords(sql, leaderboardId, userIds),
      this.deps.store.takeSeqs(sql, candidates.length),
    ]);
    if (!locked) throw new DomainError('NOT_FOUND', `Leaderboard ${JSON.stringify(leaderboardId)} was not found.`, { entity: 'Leaderboard', id: leaderboardId, field: 'input.leaderboardId' });
    const { board, period } = locked;
    // Only retries pay a round trip: whom their ids were taken for.
    const retried = candidates.filter((s) => !fresh.has(s.submissionId)).map((s) => s.submissionId);
    const takenBefore = await this.deps.store.submissionPlayers(sql, leaderboardId, retried);
    const plan = planSubmissions(board.operator, board.sortOrder, current, submissions, (i) => first.get(submissions[i]!.submissionId) === i && fresh.has(submissions[i]!.submissionId), seqs);
    const refused = plan.outcomes.flatMap((o, i) => (o.kind === 'refused' ? [submissions[i]!.submissionId] : []));
    const shared = refused.length ? shareRefusals(submissions, plan.outcomes) : plan.outcomes;
    const now = this.now();
    const inserts = plan.writes.filter((w) => !w.existed);
    const [inserted, , , owed] = await Promise.all([
      this.deps.store.insertRecords(sql, period.id, inserts, now),
      this.deps.store.updateRecords(sql, period.id, plan.writes.filter((w) => w.existed), now),
      this.deps.store.forgetSubmissions(sql, leaderboardId, refused),
      plan.writes.length ? this.deps.store.oweRankingWrite(sql, period.id, plan.writes.map((w) => w.userId)) : null,
    ]);
    if (inserted.size < inserts.length) throw new RecordRaceError('a first leaderboard record was created concurrently');
    const records = new Map(current);
    for (const w of plan.writes) records.set(w.userId, { userId: w.userId, score: w.score, subscore: w.subscore, seq: w.seq });
    // A repeat is answered with its player's record now, unless repeatRefusal says there is none to give.
    const takenFor = (id: string) => (fresh.has(id) ? submissions[first.get(id)!]!.userId : takenBefore.get(id));
    const outcomes = shared.map((o, i): SubmissionOutcome => {
      if (o.kind !== 'repeat') return o;
      const { submissionId, userId } = submissions[i]!;
      const error = repeatRefusal(takenFor(submissionId) ?? userId, userId, records.has(userId));
      return error ? { kind: 'refused', error } : o;
    });
    return { board, period, submissions, outcomes, records, owed };
  }

  /**
   * After the commit: the group's records into the ranking (one script, each only if newer than what
   * it holds), then what live subscribers hear, then the owed write is settled. Answers each
   * submission of the group with its record and rank (null for a refused one).
   */
  async rank(group: CommittedGroup, listening: Promise<Set<string> | null> = this.deps.listeners.snapshot(group.board.id)): Promise<(SubmittedRecord | null)[]> {
    const { board, period, outcomes } = group;
    const listeners = await listening.catch((error: unknown) => {
      this.deps.logger.warn({ err: error, leaderboardId: board.id }, 'reading rankChanged listeners failed: passes of this group are not told');
      return new Set<string>();
    });
    const ref = { periodId: period.id, sort: board.sortOrder };
    // Applied submissions in order (a player's versions in a row), then repeats with the record as it is now.
    const entries: StoredRecord[] = [];
    const at: (number | undefined)[] = outcomes.map((o) => (o.kind === 'applied' ? entries.push({ userId: o.userId, ...o.record }) - 1 : undefined));
    outcomes.forEach((o, i) => {
      const now = o.kind === 'repeat' ? group.records.get(o.userId) : undefined;
      if (now) at[i] = entries.push(now) - 1;
    });
    // Whom each submission passed is asked only when someone listens.
    const applied = entries.length ? await this.deps.ranking.apply(ref, entries, listeners?.size === 0 ? 0 : PASSED_LIMIT) : [];
    await this.publish(board, period, outcomes, at, applied, listeners);
    if (group.owed !== null) this.settle(group.owed);
    return Promise.all(
      outcomes.map(async (o, i): Promise<SubmittedRecord | null> => {
        if (o.kind === 'refused') return null;
        const record = o.kind === 'applied' ? { userId: o.userId, ...o.record } : group.records.get(o.userId);
        if (!record) throw new Error('leaderboards: a repeat without a current record was not refused');
        const rank = at[i] === undefined ? null : applied[at[i]]!.rank;
        return { board, period, record: { ...record, rank: rank ?? (await this.deps.ranking.rankOf(ref, record.userId))?.rank ?? 0 } };
      }),
    );
  }

  /**
   * One leaderboardChanged for the group (its best ranks before and after: the top filter needs no
   * more), and each passed player who listens hears their passes merged (`listeners`: the board's,
   * or null when there were too many to read: then the players passed are looked up).
   */
  private async publish(
    board: LeaderboardRow,
    period: PeriodRow,
    outcomes: SubmissionOutcome[],
    at: (number | undefined)[],
    applied: Awaited<ReturnType<LeaderboardRanking['apply']>>,
    listeners: Set<string> | null,
  ) {
    const warn = (error: unknown) => this.deps.logger.warn({ err: error, leaderboardId: board.id }, 'a leaderboard live publish failed');
    const changes: { outcome: SubmissionOutcome; rank: number; passed: string[] }[] = [];
    const summary: { change: LeaderboardChangedEvent | null } = { change: null };
    const passed = new Set<string>();
    for (let i = 0; i < outcomes.length; i++) {
      const a = at[i] === undefined ? undefined : applied[at[i]!];
      if (!a?.applied || a.rank === null) continue;
      const before = summary.change;
      summary.change = {
        periodId: period.id,
        rank: Math.min(before?.rank ?? Infinity, a.rank),
        previousRank: a.previousRank === null ? (before?.previousRank ?? null) : Math.min(before?.previousRank ?? Infinity, a.previousRank),
        reset: false,
      };
      changes.push({ outcome: outcomes[i]!, rank: a.rank, passed: a.passed });
      if (!listeners) for (const userId of a.passed) passed.add(userId);
    }
    const changed = summary.change ? leaderboardChanged.publish(this.deps.redis, board.id, summary.change).catch(warn) : undefined;
    const listening = listeners ?? (passed.size ? await this.deps.listeners.listening(board.id, [...passed]).catch((error: unknown) => (warn(error), new Set<string>())) : passed);
    const passes = new Map<string, PlayerRankChange>();
    for (const { outcome, rank, passed: them } of listening.size ? changes : []) {
      if (outcome.kind !== 'applied') continue;
      for (const { userId, ...pass } of rankChangesOf(board.id, outcome.userId, rank, them, (id) => listening.has(id))) {
        const earlier = passes.get(userId);
        passes.set(userId, earlier ? mergeRankChanges(earlier, pass) : pass);
      }
    }
    await Promise.all([changed, ...[...passes].map(([userId, pass]) => rankChanged.publish(this.deps.redis, `${board.id} ${userId}`, pass).catch(warn))]);
  }

  /** Deletes settled owed writes in batches (whatever settled while the last delete ran goes in the next). */
  private settle(id: bigint) {
    this.owed.push(id);
    if (this.settling) return;
    this.settling = (async () => {
      while (this.owed.length) {
        await this.deps.store.settleRankingWrites(this.owed.splice(0, 1_000)).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'settling leaderboard ranking writes failed (the repair will)'));
      }
    })().finally(() => {
      this.settling = null;
      if (this.owed.length) this.settle(this.owed.pop()!);
    });
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

/**
 * A later twin of a refused submission in the same group (the same submissionId sent at once) is
 * that submission: it gets the same refusal, not an answer as if it had applied.
 */
function shareRefusals(submissions: readonly Submission[], outcomes: SubmissionOutcome[]): SubmissionOutcome[] {
  const refusals = new Map<string, unknown>();
  outcomes.forEach((o, i) => o.kind === 'refused' && refusals.set(submissions[i]!.submissionId, o.error));
  return outcomes.map((o, i) => (o.kind === 'repeat' && refusals.has(submissions[i]!.submissionId) ? { kind: 'refused', error: refusals.get(submissions[i]!.submissionId) } : o));
}
