import type { Logger } from 'pino';
import { Repeater } from '@repeaterjs/repeater';
import { requireRole, requireScope, requireUser, type Viewer } from '../../../platform/auth.js';
import type { Sql } from '../../../platform/db/index.js';
import { BadUserInputError, ConflictError, DomainError, UnauthenticatedError } from '../../../platform/errors.js';
import { isUuid } from '../../../platform/ids.js';
import { enqueueJob, type JobHandler } from '../../../platform/jobs/index.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { textLength, validateNameText } from '../../../platform/text.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { leaderboardChanged, rankChanged, type LeaderboardChangedEvent } from '../contracts/leaderboard-live.js';
import type { CommittedGroup, LeaderboardSubmissions } from './leaderboard-submissions.service.js';
import {
  checkLeaderboardId,
  checkResetSchedule,
  checkScore,
  mergeRankChanges,
  nextReset,
  SCORE_LIMIT,
  sortRecords,
  type PlayerRankChange,
  type ScoreOperator,
  type ScoreSource,
  type SortOrder,
} from '../domain/leaderboards.js';
import { encodeCursor, decodeCursor, MAX_PAGE_SIZE } from '../../../platform/pagination.js';
import type { LeaderboardRanking, RankedEntry, RankingRef } from '../store/leaderboard-ranking.store.js';
import type { FriendsPort } from '../store/leaderboard-friends.client.js';
import type { KnownPlayers } from '../store/known-players.js';
import type { CurrentBoards } from '../store/current-boards.store.js';
import type { RankListeners } from '../store/leaderboard-listeners.store.js';
import type { LeaderboardRow, LeaderboardsStore, LeaderboardUpdateRef, PeriodRef, PeriodRow, RankedRecordRow } from '../store/leaderboards.store.js';

export type Scope = 'GLOBAL' | 'FRIENDS' | 'GUILD';

export interface DefineLeaderboardInput {
  id: string;
  title: string;
  sortOrder?: SortOrder | null;
  operator?: ScoreOperator | null;
  resetSchedule?: string | null;
  follows?: ScoreSource[] | null;
  metadata?: string | null;
}

export interface SubmitScoreInput {
  leaderboardId: string;
  userId: string;
  score: number;
  subscore?: number | null;
  metadata?: string | null;
  submissionId: string;
}

/** Records a FRIENDS or GUILD scope ranks at most. */
export const SCOPE_LIMIT = 1_000;
const METADATA_LIMIT = 2_048;
/** How long a leaderboardUpdated stream reuses the current period it read (changes naming another period read it at once). */
const LIVE_PERIOD_MS = 1_000;
/** When a reset job finds the period not yet due (clocks differ), it looks again this much later at most. */
const RESET_RECHECK_MS = 60_000;

/** A JSON object as text, at most 2,048 characters, kept as sent; `{}` when absent. */
function checkMetadata(text: string | null | undefined, field: string): string {
  if (text == null) return '{}';
  if (textLength(text) > METADATA_LIMIT) throw new BadUserInputError(`metadata must be at most ${METADATA_LIMIT} characters.`, field);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BadUserInputError('metadata must be a JSON object.', field);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new BadUserInputError('metadata must be a JSON object.', field);
  return text;
}

/**
 * Leaderboards: definitions (ADMIN), submissions by the game server or from bus events, reads by
 * scope, live updates, and scheduled resets. PostgreSQL holds every record; the ranking in Redis
 * (store/leaderboard-ranking.store.ts) is applied after each commit and rebuilt when lost.
 */
export class LeaderboardsService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      store: LeaderboardsStore;
      ranking: LeaderboardRanking;
      submissions: LeaderboardSubmissions;
      players: Pick<KnownPlayers, 'assertPlayer'>;
      friends: FriendsPort;
      listeners: RankListeners;
      currentBoards: CurrentBoards;
      redis: RedisPort;
      logger: Logger;
      resetQueue: string;
      poke: () => void;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  async board(id: string, field = 'id'): Promise<LeaderboardRow> {
    const [board] = await this.deps.store.findByIds([id]);
    if (!board) throw new DomainError('NOT_FOUND', `Leaderboard ${JSON.stringify(id)} was not found.`, { entity: 'Leaderboard', id, field });
    return board;
  }

  async list(first: number | null | undefined, after: string | null | undefined): Promise<LeaderboardRow[]> {
    const n = first ?? 20;
    if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
    return this.deps.store.list(n, after ?? null);
  }

  async defineLeaderboard(viewer: Viewer, input: DefineLeaderboardInput): Promise<LeaderboardRow> {
    requireRole(viewer, ['ADMIN'], 'define leaderboards');
    const id = checkLeaderboardId(input.id, 'input.id');
    const title = validateNameText(input.title, { field: 'input.title', label: 'Title', maxLength: 100 });
    // Null is "never resets"; a blank schedule is a mistake, not a way to say none.
    const resetSchedule = input.resetSchedule == null ? null : checkResetSchedule(input.resetSchedule, 'input.resetSchedule');
    const metadata = checkMetadata(input.metadata, 'input.metadata');
    const sortOrder = input.sortOrder ?? 'DESC';
    const operator = input.operator ?? 'BEST';
    const follows = [...new Set(input.follows ?? [])];
    const now = this.now();
    const endsAt = resetSchedule ? nextReset(resetSchedule, now) : null;
    const outcome = await this.deps.work.run(async (work) => {
      const existing = await this.deps.store.findIn(work.tx, id);
      if (existing && existing.sortOrder !== sortOrder) throw new ConflictError(`Leaderboard ${id} ranks ${existing.sortOrder}; its sort order cannot change.`, 'input.sortOrder');
      if (existing && existing.operator !== operator) throw new ConflictError(`Leaderboard ${id} uses ${existing.operator}; its operator cannot change.`, 'input.operator');
      const defined = await this.deps.store.define(work.tx, { id, title, sortOrder, operator, resetSchedule, follows, metadata }, now, endsAt);
      const scheduleChanged = defined.created ? resetSchedule !== null : existing!.resetSchedule !== resetSchedule;
      if (scheduleChanged && endsAt) await this.enqueueReset(work.tx, defined.period, endsAt);
      return defined;
    });
    this.deps.currentBoards.forget(id);
    if (outcome.created) await this.deps.ranking.markEmpty(outcome.period.id);
    this.deps.poke();
    return outcome.board;
  }

  private async enqueueReset(tx: Parameters<typeof enqueueJob>[0], period: PeriodRow, endsAt: Date) {
    // The job table runs on the database's clock; the handler checks ours (tests drive a fake one).
    const runAt = new Date(Date.now() + Math.max(0, endsAt.getTime() - this.now().getTime()));
    await enqueueJob(tx, this.deps.resetQueue, { leaderboardId: period.leaderboardId, periodNumber: period.number }, { runAt, maxAttempts: 10 });
  }

  /** The game server's submission (REPORT_MATCH_RESULTS scope), committed in the board's next group. */
  async submitScore(viewer: Viewer, input: SubmitScoreInput): Promise<{ board: LeaderboardRow; record: RankedRecordRow }> {
    requireScope(viewer, 'REPORT_MATCH_RESULTS');
    if (!isUuid(input.userId)) throw new BadUserInputError('userId must be a player id.', 'input.userId');
    const score = checkScore(input.score, 'score');
    const subscore = checkScore(input.subscore ?? 0, 'subscore');
    const metadata = checkMetadata(input.metadata, 'input.metadata');
    const submissionId = input.submissionId;
    const idLength = textLength(submissionId);
    if (idLength < 1 || idLength > 128) throw new BadUserInputError('submissionId must be 1–128 characters.', 'input.submissionId');
    // Before the submission joins its group: an id of no player is this caller's refusal alone, and
    // its record would null every read of the board that selects `player` (a non-null User).
    await this.deps.players.assertPlayer(input.userId, 'input.userId');
    const { board, period, record } = await this.deps.submissions.submit(input.leaderboardId, { userId: input.userId, score, subscore, metadata, submissionId });
    return { board, record: toRow(period.id, record) };
  }

  /**
   * Score events from other subgraphs, inside the consumer's transaction; returns what to do after
   * its commit. Their players are not checked with the users subgraph: the producers acted for them
   * as players already (signed-in guild members, tournament entrants, players achievements knows
   * from `user.registered`), and a check would stall the bus consumer whenever users is down.
   */
  async submitFromSource(sql: Sql, source: ScoreSource, entries: readonly { userId: string; score: number; key: string }[]): Promise<() => Promise<void>> {
    const valid = entries.filter((e) => isUuid(e.userId) && Number.isFinite(e.score) && Math.abs(e.score) <= SCORE_LIMIT);
    const groups: CommittedGroup[] = [];
    if (valid.length) {
      const submissions = valid.map((e) => ({ userId: e.userId, score: checkScore(e.score, 'score'), subscore: 0, metadata: JSON.stringify({ source }), submissionId: `${source}:${e.key}` }));
      for (const board of await this.deps.store.following(sql, source)) groups.push(await this.deps.submissions.submitIn(sql, board.id, submissions));
    }
    return async () => {
      for (const group of groups) await this.deps.submissions.rank(group);
    };
  }

  // Reads.

  async currentPeriod(board: LeaderboardRow): Promise<PeriodRow> {
    const [period] = await this.deps.store.currentPeriods([board.id]);
    return period!;
  }

  /** The period `previous` resets back, or null. */
  async periodBack(board: LeaderboardRow, previous: number, current: PeriodRow): Promise<PeriodRow | null> {
    if (!Number.isInteger(previous) || previous < 0) throw new BadUserInputError('previous must be 0 or more.', 'previous');
    if (previous === 0) return current;
    const number = current.number - previous;
    if (number < 1) return null;
    const [period] = await this.deps.store.periodsByNumber([{ boardId: board.id, number }]);
    return period ?? null;
  }

  /** The scope's members (the viewer included), or null for GLOBAL. */
  private async scopeMembers(viewer: Viewer, scope: Scope): Promise<string[] | null> {
    if (scope === 'GLOBAL') return null;
    if (!viewer.userId || viewer.kind === 'service') throw new UnauthenticatedError(`The ${scope} scope needs a signed-in player.`);
    if (scope === 'FRIENDS') return [viewer.userId, ...(await this.deps.friends.friendsOf(viewer, SCOPE_LIMIT - 1))];
    const guildId = await this.deps.store.guildOf(viewer.userId);
    return guildId ? await this.deps.store.guildMembers(guildId, SCOPE_LIMIT) : [];
  }

  /** A scope's records, ranked (at most SCOPE_LIMIT members). */
  private async scoped(ref: PeriodRef, members: string[]): Promise<RankedEntry[]> {
    const records = await this.deps.store.recordsOf(ref.period.id, members);
    return sortRecords(ref.board.sortOrder, records).map((r, i) => ({ ...r, rank: i }));
  }

  async top(viewer: Viewer, ref: PeriodRef, args: { first?: number | null; after?: string | null; scope?: Scope | null }) {
    const first = args.first ?? 10;
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}.`, 'first');
    let offset = 0;
    if (args.after) {
      const key = decodeCursor<unknown>(args.after, 'after');
      if (!Number.isInteger(key) || (key as number) < 0) throw new BadUserInputError('after is not a valid cursor.', 'after');
      offset = (key as number) + 1;
    }
    const members = await this.scopeMembers(viewer, args.scope ?? 'GLOBAL');
    const ranking = rankingOf(ref);
    const rows = members ? (await this.scoped(ref, members)).slice(offset, offset + first + 1) : await this.deps.ranking.range(ranking, offset, first + 1);
    const page = rows.slice(0, first).map((r) => toRow(ref.period.id, r));
    // Cursors are encoded only when asked for (most pages are read without them).
    const edges = page.map((node) => ({ node, get cursor() { return recordCursor(node); } }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? recordCursor(page.at(-1)!) : null } };
  }

  async around(viewer: Viewer, ref: PeriodRef, args: { userId: string; n?: number | null; scope?: Scope | null }): Promise<RankedRecordRow[]> {
    const n = args.n ?? 5;
    if (!Number.isInteger(n) || n < 0 || n > 50) throw new BadUserInputError('n must be between 0 and 50.', 'n');
    if (!isUuid(args.userId)) throw new BadUserInputError('userId must be a player id.', 'userId');
    const members = await this.scopeMembers(viewer, args.scope ?? 'GLOBAL');
    if (members) {
      const ranked = await this.scoped(ref, members);
      const at = ranked.findIndex((r) => r.userId === args.userId);
      return at < 0 ? [] : ranked.slice(Math.max(0, at - n), at + n + 1).map((r) => toRow(ref.period.id, r));
    }
    return (await this.deps.ranking.around(rankingOf(ref), args.userId, n)).map((r) => toRow(ref.period.id, r));
  }

  async rank(viewer: Viewer, ref: PeriodRef, args: { userId: string; scope?: Scope | null }): Promise<RankedRecordRow | null> {
    if (!isUuid(args.userId)) throw new BadUserInputError('userId must be a player id.', 'userId');
    const members = await this.scopeMembers(viewer, args.scope ?? 'GLOBAL');
    if (members) {
      const found = (await this.scoped(ref, members)).find((r) => r.userId === args.userId);
      return found ? toRow(ref.period.id, found) : null;
    }
    const own = await this.deps.ranking.rankOf(rankingOf(ref), args.userId);
    return own ? toRow(ref.period.id, own) : null;
  }

  recordCount(ref: PeriodRef): Promise<number> {
    return this.deps.ranking.count(rankingOf(ref));
  }

  async topNow(ref: PeriodRef, first: number): Promise<RankedRecordRow[]> {
    return (await this.deps.ranking.range(rankingOf(ref), 0, first)).map((r) => toRow(ref.period.id, r));
  }

  // Live.

  /**
   * `leaderboardUpdated`: one event per change that touches the top `first` (or a reset), and while
   * the consumer is busy delivering one, later changes collapse into the next (it reads the board
   * as it is then).
   */
  async liveTop(id: string, first: number | null | undefined): Promise<AsyncIterableIterator<LeaderboardUpdateRef>> {
    const n = first ?? 10;
    if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE_SIZE) throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
    const board = await this.board(id);
    const source = leaderboardChanged.subscribe(this.deps.redis, id);
    const relevant = (e: LeaderboardChangedEvent) => e.reset || e.rank < n || (e.previousRank !== null && e.previousRank < n);
    // What a run of changes needs to keep: the periods it touched, and those a reset started.
    const merge = (run: { periods: Set<string>; resets: Set<string> } | undefined, e: LeaderboardChangedEvent) => {
      const next = run ?? { periods: new Set<string>(), resets: new Set<string>() };
      next.periods.add(e.periodId);
      if (e.reset) next.resets.add(e.periodId);
      return next;
    };
    // The current period is read again when a change names another one (a reset, or a submission to
    // the period a reset just started) or after LIVE_PERIOD_MS (its end moves when the schedule does),
    // not for every update of a busy board.
    let known: { period: PeriodRow; at: number } | null = null;
    return coalesced(source, relevant, merge, async (run) => {
      if (!known || Date.now() - known.at > LIVE_PERIOD_MS || [...run.periods].some((p) => p !== known!.period.id)) known = { period: await this.currentPeriod(board), at: Date.now() };
      return { board, period: known.period, first: n, reset: run.resets.has(known.period.id) };
    });
  }

  /** `rankChanged`: the viewer's passes, coalesced while one is being delivered; the viewer is listed as listening meanwhile (RankListeners). */
  async liveRank(viewer: Viewer, leaderboardId: string): Promise<AsyncIterableIterator<PlayerRankChange>> {
    const userId = requireUser(viewer);
    await this.board(leaderboardId, 'leaderboardId');
    const source = rankChanged.subscribe(this.deps.redis, `${leaderboardId} ${userId}`);
    const merge = (acc: PlayerRankChange | undefined, e: PlayerRankChange) => (acc ? mergeRankChanges(acc, e) : e);
    return coalesced(source, () => true, merge, async (change) => change, () => this.deps.listeners.listen(leaderboardId, userId));
  }

  // Resets.

  /** Archives the period named in the job once it is due (by our clock), starts the next, schedules the one after. */
  resetHandler(): JobHandler {
    return async (payload) => {
      const { leaderboardId, periodNumber } = payload as { leaderboardId: string; periodNumber: number };
      const [board] = await this.deps.store.findByIds([leaderboardId]);
      if (!board) return;
      const now = this.now();
      const outcome = await this.deps.work.runSql(async (work) => {
        const period = await this.deps.store.lockCurrentPeriod(work.sql, leaderboardId, 'UPDATE');
        if (!period || period.number !== periodNumber || !period.endsAt || !board.resetSchedule) return null; // reset already, or the schedule changed
        const early = period.endsAt.getTime() - now.getTime();
        if (early > 0) {
          await enqueueJob(work.sql, this.deps.resetQueue, { leaderboardId, periodNumber }, { runAt: new Date(Date.now() + Math.min(early, RESET_RECHECK_MS)), maxAttempts: 10 });
          return null;
        }
        const next = await this.deps.store.startNextPeriod(work.sql, period, now, nextReset(board.resetSchedule, now));
        await this.enqueueReset(work.sql, next, next.endsAt!);
        return { archived: period, next };
      });
      if (!outcome) return;
      this.deps.currentBoards.forget(leaderboardId);
      await Promise.all([this.deps.ranking.markEmpty(outcome.next.id), this.deps.ranking.expireArchived(outcome.archived.id)]);
      await leaderboardChanged.publish(this.deps.redis, leaderboardId, { periodId: outcome.next.id, rank: 0, previousRank: null, reset: true });
      this.deps.poke();
    };
  }
}

const rankingOf = (ref: PeriodRef): RankingRef => ({ periodId: ref.period.id, sort: ref.board.sortOrder, archived: ref.period.archivedAt !== null });

function toRow(periodId: string, r: { userId: string; score: number; subscore: number; rank: number }): RankedRecordRow {
  return { periodId, userId: r.userId, score: r.score, subscore: r.subscore, rank: r.rank + 1 };
}

/** A record's cursor: its 0-based position (`top(after:)` reads on from the next one). */
export const recordCursor = (record: RankedRecordRow): string => encodeCursor(record.rank - 1);

/**
 * Events from `source` that pass `relevant`, as values built by `build` from every event that
 * arrived since the last one was taken, folded by `merge` as they arrive (so a stalled subscriber
 * holds one accumulated value, not a queue): while the subscriber is busy with one value, the next
 * collects (coalesces) whatever lands meanwhile. `hold` (optional) takes something for as long as
 * the stream is read (from its first read to its end), and gives it back.
 */
function coalesced<E, A, V>(
  source: AsyncIterableIterator<E>,
  relevant: (e: E) => boolean,
  merge: (acc: A | undefined, e: E) => A,
  build: (acc: A) => Promise<V>,
  hold?: () => Promise<() => Promise<void>>,
): AsyncIterableIterator<V> {
  return new Repeater<V>(async (push, stop) => {
    const release = await hold?.();
    void stop.then(() => release?.()).catch(() => undefined);
    const state: { pending: { acc: A } | null } = { pending: null };
    const waiter: { wake: (() => void) | null } = { wake: null };
    let ended = false;
    let failure: unknown;
    void (async () => {
      try {
        for await (const event of source) {
          if (!relevant(event)) continue;
          state.pending = { acc: merge(state.pending?.acc, event) };
          waiter.wake?.();
        }
      } catch (error) {
        failure = error;
      }
      ended = true;
      waiter.wake?.();
    })();
    void stop.then(() => {
      ended = true;
      waiter.wake?.();
      void source.return?.();
    });
    while (!ended || state.pending) {
      if (!state.pending) {
        await new Promise<void>((resolve) => (waiter.wake = resolve));
        waiter.wake = null;
        continue;
      }
      const { acc } = state.pending;
      state.pending = null;
      await push(await build(acc));
    }
    if (failure) stop(failure);
    else stop();
  });
}
