import { BadUserInputError } from '../../../platform/errors.js';
import { GAME_EVENTS_ON_THE_BUS } from '../contracts/events.js';
import { affectedAchievements, applyToPlayer, type CatalogIndex, type PlayerProjection } from '../domain/evaluate.js';
import type { EventPath, ValidGameEvent } from '../domain/game-events.js';
import type { EventToStore, PlayerAchievementRow, ProgressRow, ProgressStore, UnlockRow } from '../store/progress.store.js';
import type { LiveUpdates } from './live-updates.service.js';
import type { AchievementMetrics } from './metrics.service.js';
import type { CachedProjection, InMemoryProjections } from './projections.service.js';
import type { EngineWork, UnlockEffects } from './unlock-effects.service.js';

/** What recordGameEvent(s) reports per event (the GraphQL `RecordedGameEvent` mapper). */
export interface RecordedEventResult {
  id: string;
  status: 'RECORDED' | 'DUPLICATE';
  unlocked: UnlockRow[];
}

/**
 * Fewer unlocks were new to the database than to the projection the batch was evaluated on. The
 * player locks rule that out; if it happened anyway, the batch's cached projections are dropped and
 * it rolls back and runs again on what is stored, rather than notifying and rewarding an unlock twice.
 */
export class UnlockConflict extends Error {
  constructor(stale: number) {
    super(`${stale} unlock(s) of this batch were already stored; evaluating it again`);
  }
}

export interface BatchRecorderDeps {
  store: ProgressStore;
  index: CatalogIndex;
  /** Players' projections as their last committed batch left them. */
  projections: InMemoryProjections;
  unlockEffects: UnlockEffects;
  liveUpdates: LiveUpdates;
  metrics: AchievementMetrics;
}

/**
 * Applies a batch of achievement events in a unit of work: appends them to the event store, folds
 * them into per-player progress (only the rules they concern, from stored state or the in-memory
 * projection at the player's version: never by re-reading history), and writes unlocks with their
 * effects. Once the work commits, the projections it leaves are kept, and readers and live
 * subscribers are told.
 */
export class BatchRecorder {
  private readonly affectedByTypes = new Map<string, ReadonlySet<string>>();

  constructor(private readonly deps: BatchRecorderDeps) {}

  /** affectedAchievements, remembered per set of event types (a batch's players share a few). */
  private affected(types: ReadonlySet<string>): ReadonlySet<string> {
    const key = [...types].sort().join(' ');
    let affected = this.affectedByTypes.get(key);
    if (!affected) {
      affected = affectedAchievements(this.deps.index, types);
      if (this.affectedByTypes.size >= 1_000) this.affectedByTypes.clear();
      this.affectedByTypes.set(key, affected);
    }
    return affected;
  }

  /**
   * Records events in the work's transaction (a game call's own, or the bus consumer's, whose
   * processed-event row commits with them). With `knownPlayersAt`, an event for a player this
   * subgraph has never heard of is refused (BAD_USER_INPUT at `<path of event i>.userId`);
   * otherwise the player is created (bus events come from subgraphs that know their players).
   */
  async recordIn(work: EngineWork, events: readonly ValidGameEvent[], source: string, options: { knownPlayersAt?: EventPath } = {}): Promise<RecordedEventResult[]> {
    const { store, index } = this.deps;
    const tx = work.sql;
    const results: RecordedEventResult[] = [];
    if (events.length === 0) return results;
    const userIds = [...new Set(events.map((e) => e.userId))].sort();
    // Sent together (one round trip on a pipelined connection); the server runs them in this
    // order, so the stored ids are read under the players' locks.
    const [, locked, seen] = await Promise.all([
      options.knownPlayersAt ? undefined : store.ensurePlayers(tx, userIds.map((userId) => ({ userId }))),
      store.lockPlayers(tx, userIds),
      // Retries and redeliveries: ids already stored, or repeated within this batch, change nothing.
      store.storedEventIds(tx, events.map((e) => e.id)),
    ]);
    const players = new Map(locked.map((p) => [p.userId, p]));
    if (options.knownPlayersAt) {
      const unknown = events.findIndex((e) => !players.has(e.userId));
      if (unknown >= 0) {
        throw new BadUserInputError(`No player has the id "${events[unknown]!.userId}".`, `${options.knownPlayersAt(unknown)}.userId`);
      }
    }

    const fresh: { event: ValidGameEvent; result: RecordedEventResult }[] = [];
    for (const event of events) {
      const result: RecordedEventResult = { id: event.id, status: seen.has(event.id) ? 'DUPLICATE' : 'RECORDED', unlocked: [] };
      results.push(result);
      if (result.status === 'RECORDED') fresh.push({ event, result });
      seen.add(event.id);
    }
    if (fresh.length === 0) return results;

    // Load only the progress rows these events can touch, and of those only the ones the
    // in-memory projection does not hold at this player's version.
    const typesByUser = new Map<string, Set<string>>();
    for (const { event } of fresh) typesByUser.set(event.userId, (typesByUser.get(event.userId) ?? new Set()).add(event.type));
    const projections = new Map<string, PlayerProjection>();
    const known = new Map<string, ReadonlySet<string>>();
    const keys: { userId: string; achievementId: string }[] = [];
    const uncached: string[] = [];
    let hits = 0;
    for (const [userId, types] of typesByUser) {
      const player = players.get(userId)!;
      const cached = this.deps.projections.get(userId, player.version, player.epoch);
      if (cached) hits++;
      // The cached set is shared until this player needs a row it has not seen.
      let seen: Set<string> | undefined;
      for (const achievementId of this.affected(types)) {
        if (cached?.known.has(achievementId) || seen?.has(achievementId)) continue;
        seen ??= new Set(cached?.known);
        seen.add(achievementId);
        keys.push({ userId, achievementId });
      }
      known.set(userId, seen ?? cached?.known ?? new Set());
      // Copies: evaluation changes them, and the cached entry must stay as committed.
      projections.set(userId, { userId, timezone: player.timezone, unlocked: new Set(cached?.unlocked), progress: new Map(cached?.progress) });
      if (!cached) uncached.push(userId);
    }
    this.deps.metrics.projectionLookups.inc({ result: 'hit' }, hits);
    this.deps.metrics.projectionLookups.inc({ result: 'miss' }, typesByUser.size - hits);
    const [stored, unlocked] = await Promise.all([store.progressOf(tx, keys), uncached.length ? store.unlockedBy(tx, uncached) : undefined]);
    for (const row of stored) projections.get(row.userId)!.progress.set(row.achievementId, row);
    for (const userId of uncached) projections.get(userId)!.unlocked = unlocked!.get(userId)!;

    const toStore: EventToStore[] = [];
    const changed = new Map<string, Set<string>>();
    const newUnlocks: UnlockRow[] = [];
    const lastEventAt = new Map<string, Date>();
    for (const { event, result } of fresh) {
      const player = players.get(event.userId)!;
      player.version += 1;
      const latest = lastEventAt.get(event.userId);
      if (!latest || event.occurredAt > latest) lastEventAt.set(event.userId, event.occurredAt);
      // Spelled out: a spread of the validated event (whatever else it carries) was a slow path here.
      toStore.push({ id: event.id, userId: event.userId, type: event.type, data: event.data, occurredAt: event.occurredAt, version: player.version, source });
      const outcome = applyToPlayer(index, projections.get(event.userId)!, event);
      const touched = changed.get(event.userId) ?? new Set();
      for (const id of outcome.progressed) touched.add(id);
      changed.set(event.userId, touched);
      for (const unlock of outcome.unlocks) {
        const row: UnlockRow = { userId: event.userId, ...unlock };
        newUnlocks.push(row);
        result.unlocked.push(row);
      }
    }

    const progressRows: ProgressRow[] = [];
    const progress = new Map<string, PlayerAchievementRow[]>();
    for (const [userId, ids] of changed) {
      const projection = projections.get(userId)!;
      const live: PlayerAchievementRow[] = [];
      for (const achievementId of ids) {
        const entry = projection.progress.get(achievementId)!;
        progressRows.push({ userId, achievementId, state: entry.state, current: entry.current, target: entry.target, completed: entry.completed });
        if (!projection.unlocked.has(achievementId)) {
          live.push({ userId, achievementId, unlockedAt: null, state: null, current: entry.current, target: entry.target, timezone: projection.timezone });
        }
      }
      if (live.length) progress.set(userId, live);
    }

    // Every write in one round trip: none needs another's result. The unlocks' notifications and
    // outbox rows are written from `newUnlocks`, which the player locks make exact (the projection
    // is as of this version); the RETURNING count checks it, and a difference rolls everything back.
    const reported = source === 'game' ? fresh.filter(({ event }) => GAME_EVENTS_ON_THE_BUS.has(event.type)) : [];
    const [, , inserted, notifications] = await Promise.all([
      store.appendEvents(tx, toStore),
      store.saveProgress(tx, progressRows),
      store.insertUnlocks(tx, newUnlocks),
      this.deps.unlockEffects.write(work, newUnlocks),
      store.advancePlayers(
        tx,
        [...lastEventAt].map(([userId, at]) => ({ userId, version: players.get(userId)!.version, lastEventAt: at })),
      ),
      reported.length
        ? work.recordAll('game.event_reported', reported.map(({ event }) => ({ eventId: event.id, userId: event.userId, type: event.type, occurredAt: event.occurredAt.toISOString() })))
        : undefined,
    ]);
    if (inserted.length !== newUnlocks.length) {
      // Here, not in the caller's retry: the bus consumer's redelivery must not meet the same stale entry.
      for (const userId of userIds) this.deps.projections.delete(userId);
      throw new UnlockConflict(newUnlocks.length - inserted.length);
    }
    const committed = new Map<string, CachedProjection>();
    for (const [userId, projection] of projections) {
      const player = players.get(userId)!;
      committed.set(userId, { version: player.version, epoch: player.epoch, unlocked: projection.unlocked, progress: projection.progress, known: known.get(userId)! });
    }
    work.afterCommit(() => {
      for (const [userId, projection] of committed) this.deps.projections.put(userId, projection);
      this.deps.metrics.eventsRecorded.inc(fresh.length);
    });
    this.deps.liveUpdates.afterCommit(work, { players: [...changed.keys()], unlocks: inserted, progress, notifications });
    return results;
  }
}
