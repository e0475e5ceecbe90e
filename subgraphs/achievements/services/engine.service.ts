import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { requireScope, type Viewer } from '../../../platform/auth.js';
import type { Database, Sql } from '../../../platform/db/index.js';
import { isRetryableConflict, isUniqueViolation } from '../../../platform/db/errors.js';
import { BadUserInputError } from '../../../platform/errors.js';
import { GroupCommit } from '../../../platform/group-commit.js';
import { recordEvents } from '../../../platform/events/outbox.js';
import { liveChannel, publishLive } from '../../../platform/live.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { affectedAchievements, applyToPlayer, type CatalogIndex, type PlayerProjection } from '../domain/engine.js';
import { listPath, validateGameEvents, type EventPath, type GameEventInput, type ValidGameEvent } from '../domain/game-events.js';
import { pushesFor, unlockNotification } from '../domain/notifications.js';
import type { NotificationRow, NotificationsStore } from '../store/notifications.store.js';
import type { EventToStore, PlayerAchievementRow, ProgressRow, ProgressStore, UnlockRow } from '../store/progress.store.js';
import type { AchievementMetrics } from './metrics.js';
import type { ProgressCache } from './progress-cache.js';
import { ProjectionCache, type CachedProjection } from './projection-cache.js';
import { enqueuePush } from './push.service.js';

/** What recordGameEvent(s) reports per event (the GraphQL `RecordedGameEvent` mapper). */
export interface RecordedEventResult {
  id: string;
  status: 'RECORDED' | 'DUPLICATE';
  unlocked: UnlockRow[];
}

/** Everything a recording changed, for what must happen after it commits. */
export interface RecordEffects {
  results: RecordedEventResult[];
  unlocks: UnlockRow[];
  /** Changed progress of achievements still locked, per player. */
  progress: Map<string, PlayerAchievementRow[]>;
  notifications: NotificationRow[];
  /** Players whose achievements changed (their cache entries are stale). */
  players: string[];
  pushes: number;
  /** The projections this recording leaves, for the projection cache once it has committed. */
  projections: Map<string, CachedProjection>;
}

export const unlockChannel = (userId: string) => liveChannel('achievements', 'achievementUnlocked', userId);
export const progressChannel = (userId: string) => liveChannel('achievements', 'achievementProgress', userId);
export const notificationChannel = (userId: string) => liveChannel('achievements', 'notificationAdded', userId);

export interface EngineDeps {
  /** Game calls run in their own transactions on the raw SQL port (`pg` directly on PostgreSQL). */
  transaction: Database['transaction'];
  redis: RedisPort;
  store: ProgressStore;
  notifications: NotificationsStore;
  index: CatalogIndex;
  cache: ProgressCache;
  metrics: AchievementMetrics;
  logger: Logger;
  /** Rare unlocks are pushed through the webhook only when one is configured. */
  pushEnabled: boolean;
  /** Called after a commit that wrote outbox events (pokes the relay). */
  onEventsCommitted: () => void;
  /** Called after a commit that enqueued jobs (pokes the job runner). */
  onJobsEnqueued: () => void;
  now?: () => Date;
  /** Players whose projections are kept between batches (0: none). */
  projectionCacheSize?: number;
  /**
   * How long a game call waits for a player this subgraph has not heard of yet (registration
   * reaches it over the bus a moment after `register` answers) before refusing the id.
   */
  unknownPlayerWaitMs?: number;
}

/** A 500-event batch takes milliseconds; the margin is for a machine under load, not for waiting on locks forever. */
const TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

/** How many times a batch is retried when a concurrent writer stored the same event or version first. */
const ATTEMPTS = 3;

/**
 * Fewer unlocks were new to the database than to the projection the batch was evaluated on. The
 * player locks rule that out; if it happened anyway, the batch's cached projections are dropped and
 * it rolls back and runs again on what is stored, rather than notifying and rewarding an unlock twice.
 */
class UnlockConflict extends Error {
  constructor(stale: number) {
    super(`${stale} unlock(s) of this batch were already stored; evaluating it again`);
  }
}

/**
 * Group commit of small game calls: calls of fewer than `smallCall` events share transactions, at
 * most `inFlight` at a time, of at most `maxEvents` events; bigger calls are batches already and
 * go at once, each in its own transaction.
 */
const GROUP_COMMIT = { smallCall: 100, inFlight: 2, maxEvents: 500 };

/** Players whose projections the engine keeps between batches, by default (ACHIEVEMENTS_PROJECTION_CACHE_SIZE). */
const DEFAULT_PROJECTION_CACHE = 5_000;

/** Registration usually arrives within a few hundred ms; the bound is for a bus under load. */
const DEFAULT_UNKNOWN_PLAYER_WAIT_MS = 10_000;
const UNKNOWN_PLAYER_POLL_MS = 50;
/** Players known to exist (they are never removed), so a game call checks each one once. */
const KNOWN_PLAYERS = 100_000;

/** A recordGameEvent(s) call in a group commit. */
interface GameCall {
  events: readonly ValidGameEvent[];
  pathOf: EventPath;
}

/**
 * The achievements engine: appends events to the store, folds them into per-player progress
 * (only the rules they concern, from stored state: never by re-reading history), and writes
 * unlocks with their effects (inbox notification, reward event for the users ledger, push job)
 * in the same transaction. Live messages and cache invalidation follow the commit.
 */
export class AchievementEngine {
  private readonly calls: GroupCommit<GameCall, RecordedEventResult[]>;
  readonly projections: ProjectionCache;
  private readonly affectedByTypes = new Map<string, ReadonlySet<string>>();
  private readonly knownPlayers = new LRUCache<string, true>({ max: KNOWN_PLAYERS });

  constructor(private readonly deps: EngineDeps) {
    this.projections = new ProjectionCache(deps.projectionCacheSize ?? DEFAULT_PROJECTION_CACHE);
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

  private now() {
    return this.deps.now?.() ?? new Date();
  }

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
   * recordGameEvent(s): service credentials only; every event checked before anything is stored.
   * Errors name the bad field at `pathOf(i)` (`input.events.3.type`, or `input.type` for one event).
   */
  async recordGameEvents(viewer: Viewer, inputs: readonly GameEventInput[], field: string, pathOf: EventPath = listPath(field)): Promise<RecordedEventResult[]> {
    requireScope(viewer, 'REPORT_GAME_EVENTS');
    const events = validateGameEvents(inputs, this.deps.index.eventTypes, this.now(), field, pathOf);
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
    const deadline = Date.now() + (this.deps.unknownPlayerWaitMs ?? DEFAULT_UNKNOWN_PLAYER_WAIT_MS);
    for (;;) {
      const known = await this.deps.transaction((sql) => this.deps.store.knownPlayerIds(sql, [...unknown]), TRANSACTION);
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

  /** Records events in their own transaction, retrying when a concurrent writer won a race. */
  async record(events: readonly ValidGameEvent[], source: string, options: { knownPlayersAt?: EventPath } = {}): Promise<RecordedEventResult[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const effects = await this.deps.transaction((sql) => this.recordIn(sql, events, source, options), TRANSACTION);
        await this.afterCommit(effects);
        return effects.results;
      } catch (error) {
        // Another writer stored one of these event ids (or this player's next version) first:
        // run again, and the stored events read as duplicates. A deadlock or serialization
        // failure aborted the whole transaction: nothing was stored, run it again.
        if (attempt < ATTEMPTS && (isUniqueViolation(error) || isRetryableConflict(error) || error instanceof UnlockConflict)) continue;
        throw error;
      }
    }
  }

  /**
   * Records events inside the caller's transaction (the bus consumer's, whose processed-event
   * row commits with them, through `prismaSql(tx)`; or record's own). With `knownPlayersAt`, an event for a player this subgraph has
   * never heard of is refused (BAD_USER_INPUT at `<path of event i>.userId`); otherwise the player is
   * created (bus events come from subgraphs that know their players).
   */
  async recordIn(tx: Sql, events: readonly ValidGameEvent[], source: string, options: { knownPlayersAt?: EventPath } = {}): Promise<RecordEffects> {
    const { store, index } = this.deps;
    const effects: RecordEffects = { results: [], unlocks: [], progress: new Map(), notifications: [], players: [], pushes: 0, projections: new Map() };
    if (events.length === 0) return effects;
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
      effects.results.push(result);
      if (result.status === 'RECORDED') fresh.push({ event, result });
      seen.add(event.id);
    }
    if (fresh.length === 0) return effects;

    // Load only the progress rows these events can touch, and of those only the ones the
    // projection cache does not hold at this player's version.
    const typesByUser = new Map<string, Set<string>>();
    for (const { event } of fresh) typesByUser.set(event.userId, (typesByUser.get(event.userId) ?? new Set()).add(event.type));
    const projections = new Map<string, PlayerProjection>();
    const known = new Map<string, ReadonlySet<string>>();
    const keys: { userId: string; achievementId: string }[] = [];
    const uncached: string[] = [];
    let hits = 0;
    for (const [userId, types] of typesByUser) {
      const player = players.get(userId)!;
      const cached = this.projections.get(userId, player.version, player.epoch);
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
      if (live.length) effects.progress.set(userId, live);
    }

    // Every write in one round trip: none needs another's result. The unlocks' notifications and
    // outbox rows are written from `newUnlocks`, which the player locks make exact (the projection
    // is as of this version); the RETURNING count checks it, and a difference rolls everything back.
    const [, , inserted, written] = await Promise.all([
      store.appendEvents(tx, toStore),
      store.saveProgress(tx, progressRows),
      store.insertUnlocks(tx, newUnlocks),
      this.writeUnlockEffects(tx, newUnlocks),
      store.advancePlayers(
        tx,
        [...lastEventAt].map(([userId, at]) => ({ userId, version: players.get(userId)!.version, lastEventAt: at })),
      ),
    ]);
    if (inserted.length !== newUnlocks.length) {
      // Here, not in record(): the bus consumer's redelivery must not meet the same stale entry.
      for (const userId of userIds) this.projections.delete(userId);
      throw new UnlockConflict(newUnlocks.length - inserted.length);
    }
    effects.unlocks = inserted;
    effects.notifications = written.notifications;
    effects.pushes = written.pushes;
    effects.players = [...changed.keys()];
    for (const [userId, projection] of projections) {
      const player = players.get(userId)!;
      effects.projections.set(userId, { version: player.version, epoch: player.epoch, unlocked: projection.unlocked, progress: projection.progress, known: known.get(userId)! });
    }
    return effects;
  }

  /**
   * What an unlock brings, written in the unlock's transaction: the inbox notification, the
   * `achievement.unlocked` event the users subgraph credits the rewards from (exactly once: its
   * ledger's idempotency key is `achievement:<user>:<achievement>`), and for RARE and above a
   * push job. Whatever crashes after this commit, nothing is lost; before it, nothing happened.
   */
  async writeUnlockEffects(tx: Sql, unlocks: readonly UnlockRow[]): Promise<{ notifications: NotificationRow[]; pushes: number }> {
    if (unlocks.length === 0) return { notifications: [], pushes: 0 };
    const createdAt = this.now();
    const definitions = unlocks.map((u) => {
      const definition = this.deps.index.byId.get(u.achievementId);
      if (!definition) throw new Error(`Unlock of ${u.achievementId}, which is not in the catalog`);
      return definition;
    });
    const toNotify = unlocks.map((u, i) => ({
      id: randomUUID(),
      userId: u.userId,
      kind: 'ACHIEVEMENT_UNLOCKED' as const,
      achievementId: u.achievementId,
      createdAt,
      ...unlockNotification(definitions[i]!),
    }));
    // Sent together (one round trip on a pipelined connection): independent rows.
    const pushed = this.deps.pushEnabled
      ? unlocks.flatMap((unlock, i) => {
          const definition = definitions[i]!;
          if (!pushesFor(definition.rarity)) return [];
          const notification = toNotify[i]!;
          return [
            enqueuePush(tx, {
              notificationId: notification.id,
              userId: unlock.userId,
              achievementId: unlock.achievementId,
              rarity: definition.rarity,
              priority: notification.priority,
              title: notification.title,
              body: notification.body,
              createdAt: createdAt.toISOString(),
            }),
          ];
        })
      : [];
    const [notifications] = await Promise.all([
      this.deps.notifications.insert(tx, toNotify),
      recordEvents(
        tx,
        'achievements',
        'achievement.unlocked',
        unlocks.map((unlock, i) => ({
          userId: unlock.userId,
          achievementId: unlock.achievementId,
          rarity: definitions[i]!.rarity,
          category: definitions[i]!.category,
          rewards: definitions[i]!.rewards,
          unlockedAt: new Date(unlock.unlockedAt).toISOString(),
        })),
      ),
      ...pushed,
    ]);
    return { notifications, pushes: pushed.length };
  }

  /** After the commit: wake the relay and job runner, count unlocks, drop stale cache entries, tell live subscribers. */
  async afterCommit(effects: RecordEffects): Promise<void> {
    const { redis, metrics, index, logger } = this.deps;
    for (const [userId, projection] of effects.projections) this.projections.put(userId, projection);
    if (effects.unlocks.length) this.deps.onEventsCommitted();
    if (effects.pushes) this.deps.onJobsEnqueued();
    for (const unlock of effects.unlocks) {
      const definition = index.byId.get(unlock.achievementId)!;
      metrics.unlocked.inc({ achievement_id: definition.id, rarity: definition.rarity, category: definition.category });
    }
    metrics.eventsRecorded.inc(effects.results.filter((r) => r.status === 'RECORDED').length);
    try {
      await this.deps.cache.invalidate(effects.players);
      await Promise.all([
        ...effects.unlocks.map((u) => publishLive(redis, unlockChannel(u.userId), u)),
        ...[...effects.progress].map(([userId, rows]) => publishLive(redis, progressChannel(userId), rows)),
        ...effects.notifications.map((n) => publishLive(redis, notificationChannel(n.userId), n)),
      ]);
    } catch (error) {
      // The change is committed; live delivery and the cache are best effort (the cache is
      // versioned and expires, the inbox keeps every notification).
      logger.error({ err: error }, 'achievement live delivery or cache invalidation failed');
    }
  }
}
