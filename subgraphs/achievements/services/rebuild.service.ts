import type { Logger } from 'pino';
import type { Database } from '../../../platform/db/index.js';
import { applyToPlayer, type CatalogIndex, type PlayerProjection } from '../domain/engine.js';
import type { ProgressRow, ProgressStore, UnlockRow } from '../store/progress.store.js';
import type { AchievementEngine, RecordEffects } from './engine.service.js';

export interface RebuildResult {
  players: number;
  events: number;
  progressRows: number;
  /** Unlocks the replay found that were not recorded yet (e.g. a rule's target was lowered). */
  newUnlocks: number;
}

/**
 * Replays the event store into fresh projections, player by player: deletes the player's
 * progress, folds their events in stream order with the same `applyToPlayer` the live path uses,
 * and writes the result. Run it after a rule changes (`npm run achievements:rebuild`).
 *
 * Unlocks are forever: the replay never removes one. Unlocks it finds that were not recorded are
 * written with all their effects (notification, reward event, push), exactly as live ones; the
 * users ledger's idempotency key keeps a reward from being paid twice in any case.
 * Each player is rebuilt in one transaction holding their row lock, so live events for that
 * player wait and then apply on top of the rebuilt state.
 */
export async function rebuildProjections(
  deps: { transaction: Database['transaction']; store: ProgressStore; engine: AchievementEngine; index: CatalogIndex; logger: Logger },
  options: { userIds?: readonly string[]; pageSize?: number } = {},
): Promise<RebuildResult> {
  const result: RebuildResult = { players: 0, events: 0, progressRows: 0, newUnlocks: 0 };
  const pageSize = options.pageSize ?? 5_000;
  const rebuildOne = async (userId: string) => {
    const effects = await deps.transaction(
      async (tx): Promise<RecordEffects | null> => {
        const [player] = await deps.store.lockPlayers(tx, [userId]);
        if (!player) return null;
        await deps.store.deleteProgress(tx, userId);
        const projection: PlayerProjection = { userId, timezone: player.timezone, unlocked: new Set(), progress: new Map() };
        const unlocks: UnlockRow[] = [];
        for (let after = 0; ; ) {
          const page = await deps.store.eventsAfter(tx, userId, after, pageSize);
          for (const event of page) {
            const outcome = applyToPlayer(deps.index, projection, { ...event, occurredAt: new Date(event.occurredAt) });
            for (const unlock of outcome.unlocks) unlocks.push({ userId, ...unlock });
          }
          result.events += page.length;
          if (page.length < pageSize) break;
          after = page.at(-1)!.version;
        }
        const rows: ProgressRow[] = [...projection.progress].map(([achievementId, entry]) => ({ userId, achievementId, ...entry }));
        await deps.store.saveProgress(tx, rows);
        result.progressRows += rows.length;
        const added = await deps.store.insertUnlocks(tx, unlocks);
        result.newUnlocks += added.length;
        const written = await deps.engine.writeUnlockEffects(tx, added);
        return { results: [], unlocks: added, progress: new Map(), notifications: written.notifications, players: [userId], pushes: written.pushes, projections: new Map() };
      },
      // A veteran's whole history is replayed in this transaction.
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
    if (!effects) return;
    result.players++;
    await deps.engine.afterCommit(effects);
  };

  if (options.userIds) {
    for (const userId of options.userIds) await rebuildOne(userId);
  } else {
    for (let after: string | null = null; ; ) {
      const ids = await deps.store.playerIdsAfter(after, 500);
      for (const userId of ids) await rebuildOne(userId);
      if (ids.length < 500) break;
      after = ids.at(-1)!;
      deps.logger.info({ ...result }, 'achievements rebuild progress');
    }
  }
  return result;
}
