import type { Logger } from 'pino';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { applyToPlayer, type CatalogIndex, type PlayerProjection } from '../domain/evaluate.js';
import type { ProgressRow, ProgressStore, UnlockRow } from '../store/progress.store.js';
import type { LiveUpdates } from './live-updates.service.js';
import type { UnlockEffects } from './unlock-effects.service.js';

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
  deps: { work: UnitOfWork; progressStore: ProgressStore; unlockEffects: UnlockEffects; liveUpdates: LiveUpdates; index: CatalogIndex; logger: Logger },
  options: { userIds?: readonly string[]; pageSize?: number } = {},
): Promise<RebuildResult> {
  const result: RebuildResult = { players: 0, events: 0, progressRows: 0, newUnlocks: 0 };
  const pageSize = options.pageSize ?? 5_000;
  const store = deps.progressStore;
  const rebuildOne = async (userId: string) => {
    const rebuilt = await deps.work.runSql(
      async (work): Promise<boolean> => {
        const tx = work.sql;
        const [player] = await store.lockPlayers(tx, [userId]);
        if (!player) return false;
        await store.deleteProgress(tx, userId);
        const projection: PlayerProjection = { userId, timezone: player.timezone, unlocked: new Set(), progress: new Map() };
        const unlocks: UnlockRow[] = [];
        for (let after = 0; ; ) {
          const page = await store.eventsAfter(tx, userId, after, pageSize);
          for (const event of page) {
            const outcome = applyToPlayer(deps.index, projection, { ...event, occurredAt: new Date(event.occurredAt) });
            for (const unlock of outcome.unlocks) unlocks.push({ userId, ...unlock });
          }
          result.events += page.length;
          if (page.length < pageSize) break;
          after = page.at(-1)!.version;
        }
        const rows: ProgressRow[] = [...projection.progress].map(([achievementId, entry]) => ({ userId, achievementId, ...entry }));
        await store.saveProgress(tx, rows);
        result.progressRows += rows.length;
        const added = await store.insertUnlocks(tx, unlocks);
        result.newUnlocks += added.length;
        const notifications = await deps.unlockEffects.write(work, added);
        deps.liveUpdates.afterCommit(work, { players: [userId], unlocks: added, progress: new Map(), notifications });
        return true;
      },
      // A veteran's whole history is replayed in this transaction.
      { timeout: 10 * 60_000, maxWait: 60_000 },
    );
    if (rebuilt) result.players++;
  };

  if (options.userIds) {
    for (const userId of options.userIds) await rebuildOne(userId);
  } else {
    for (let after: string | null = null; ; ) {
      const ids = await store.playerIdsAfter(after, 500);
      for (const userId of ids) await rebuildOne(userId);
      if (ids.length < 500) break;
      after = ids.at(-1)!;
      deps.logger.info({ ...result }, 'achievements rebuild progress');
    }
  }
  return result;
}
