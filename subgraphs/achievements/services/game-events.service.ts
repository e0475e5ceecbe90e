import { LRUCache } from 'lru-cache';
import { requireScope, type Viewer } from '../../../platform/auth.js';
import { isRetryableConflict, isUniqueViolation } from '../../../platform/db/errors.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { GroupCommit } from '../../../platform/group-commit.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import type { CatalogIndex } from '../domain/evaluate.js';
import { listPath, validateGameEvents, type EventPath, type GameEventInput, type ValidGameEvent } from '../domain/game-events.js';
import type { ProgressStore } from '../store/progress.store.js';
import type { InMemoryProjections } from './projections.service.js';
import { UnlockConflict, type BatchRecorder, type RecordedEventResult } from './record-batch.service.js';

export interface GameEventsDeps {
  work: UnitOfWork;
  store: ProgressStore;
  index: CatalogIndex;
  batches: BatchRecorder;
  /** The batches' in-memory projections (what tests and the bench read hits and misses from). */
  projections: InMemoryProjections;
  /**
   * How long a game call waits for a player this subgraph has not heard of yet (registration
   * reaches it over the bus a moment after `register` answers) before refusing the id.
   */
  unknownPlayerWaitMs: number;
  now?: () => Date;
}

/** A 500-event batch takes milliseconds; the margin is for a machine under load, not for waiting on locks forever. */
const TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

/** How many times a batch is retried when a concurrent writer stored the same event or version first. */
const ATTEMPTS = 3;

/**
 * Group commit of small game calls: calls of fewer than `smallCall` events share transactions, at
 * most `inFlight` at a time, of at most `maxEvents` events; bigger calls are batches already and
 * go at once, each in its own transaction.
 */
const GROUP_COMMIT = { smallCall: 100, inFlight: 2, maxEvents: 500 };

const UNKNOWN_PLAYER_POLL_MS = 50;
/** Players known to exist (they are never removed), so a game call checks each one once. */
const KNOWN_PLAYERS = 100_000;

/** A recordGameEvent(s) call in a group commit. */
interface GameCall {
  events: readonly ValidGameEvent[];
  pathOf: EventPath;
}

/**
 * What game servers report (recordGameEvent(s)): checked, then recorded in units of work on the
 * raw SQL port, small calls sharing transactions (group commit), each transaction retried when a
 * concurrent writer won a race. Recording itself (evaluation, unlocks, live updates) is the
 * BatchRecorder's.
 */
export class GameEventsService {
  private readonly calls: GroupCommit<GameCall, RecordedEventResult[]>;
  private readonly knownPlayers = new LRUCache<string, true>({ max: KNOWN_PLAYERS });

  constructor(private readonly deps: GameEventsDeps) {
    // Small game calls share transactions; a group that fails is retried call by call, so one
    // call's error (a bad event, say) is that call's alone, with its own field paths.
    this.calls = new GroupCommit({
      commit: (calls) => this.recordCalls(calls),
      inFlight: GROUP_COMMIT.inFlight,
      maxWeight: GROUP_COMMIT.maxEvents,
      weight: (call) => call.events.length,
      onGroupFailure: 'each-alone',
    });
  }

  /**
   * A player this subgraph has just learned of (its `user.registered` committed here): game calls
   * for them skip the existence check. Players learned of by another replica are checked once.
   */
  playerKnown(userId: string): void {
    this.knownPlayers.set(userId, true);
  }

  /** The batches' in-memory projections (hits and misses for tests and the bench). */
  get projections(): InMemoryProjections {
    return this.deps.projections;
  }

  /**
   * recordGameEvent(s): service credentials only; every event checked before anything is stored.
   * Errors name the bad field at `pathOf(i)` (`input.events.3.type`, or `input.type` for one event).
   */
  async recordGameEvents(viewer: Viewer, inputs: readonly GameEventInput[], field: string, pathOf: EventPath = listPath(field)): Promise<RecordedEventResult[]> {
    requireScope(viewer, 'REPORT_GAME_EVENTS');
    const events = validateGameEvents(inputs, this.deps.index.eventTypes, this.deps.now?.() ?? new Date(), field, pathOf);
    await this.untilPlayersKnown(events, pathOf);
    if (events.length >= GROUP_COMMIT.smallCall) return this.record(events, 'game', { knownPlayersAt: pathOf });
    return this.calls.add({ events, pathOf });
  }

  /**
   * A game server may report events for a player it registered a moment ago, before
   * `user.registered` has reached this subgraph: the call waits for it (polling, up to
   * unknownPlayerWaitMs) instead of refusing the id. An id still unknown after that is refused
   * (BAD_USER_INPUT at the event's userId) and nothing is stored.
   */
  private async untilPlayersKnown(events: readonly ValidGameEvent[], pathOf: EventPath): Promise<void> {
    const unknown = new Set<string>();
    for (const e of events) if (!this.knownPlayers.has(e.userId)) unknown.add(e.userId);
    if (unknown.size === 0) return;
    const deadline = Date.now() + this.deps.unknownPlayerWaitMs;
    for (;;) {
      const known = await this.deps.work.runSql(({ sql }) => this.deps.store.knownPlayerIds(sql, [...unknown]), TRANSACTION);
      for (const userId of known) {
        unknown.delete(userId);
        this.knownPlayers.set(userId, true);
      }
      if (unknown.size === 0) return;
      if (Date.now() >= deadline) {
        const i = events.findIndex((e) => unknown.has(e.userId));
        throw new BadUserInputError(`No player has the id "${events[i]!.userId}".`, `${pathOf(i)}.userId`);
      }
      await new Promise((resolve) => setTimeout(resolve, UNKNOWN_PLAYER_POLL_MS));
    }
  }

  private async recordCalls(calls: GameCall[]): Promise<RecordedEventResult[][]> {
    if (calls.length === 1) return [await this.record(calls[0]!.events, 'game', { knownPlayersAt: calls[0]!.pathOf })];
    const results = await this.record(
      calls.flatMap((call) => call.events),
      'game',
      { knownPlayersAt: (i) => `events.${i}` },
    );
    let offset = 0;
    return calls.map((call) => results.slice(offset, (offset += call.events.length)));
  }

  /**
   * Records events in their own unit of work, retrying when a concurrent writer won a race. What
   * the recording publishes and caches happens once it has committed, before this returns.
   */
  async record(events: readonly ValidGameEvent[], source: string, options: { knownPlayersAt?: EventPath } = {}): Promise<RecordedEventResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.deps.work.runSql((work) => this.deps.batches.recordIn(work, events, source, options), TRANSACTION);
      } catch (error) {
        // Another writer stored one of these event ids (or this player's next version) first:
        // run again, and the stored events read as duplicates. A deadlock or serialization
        // failure aborted the whole transaction: nothing was stored, run it again.
        if (attempt < ATTEMPTS && (isUniqueViolation(error) || isRetryableConflict(error) || error instanceof UnlockConflict)) continue;
        throw error;
      }
    }
  }
}
