import { Repeater } from '@repeaterjs/repeater';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { achievementProgress, achievementUnlocked } from '../contracts/live.js';
import { percentOf, type CatalogIndex } from '../domain/evaluate.js';
import { progressAt } from '../domain/rules.js';
import type { UnlockStats } from '../store/loaders.js';
import type { PlayerAchievementRow, ProgressStore, UnlockRow } from '../store/progress.store.js';

/** Where a player stands on an achievement, as shown now. */
export interface AchievementStanding {
  status: 'UNLOCKED' | 'IN_PROGRESS';
  current: number;
  target: number;
  percent: number;
}

export const ACTIVE_DAYS = 30;

/** Reads of players' achievements and unlock statistics, and their live streams. */
export class ProgressService {
  constructor(private readonly deps: { index: CatalogIndex; store: ProgressStore; redis: RedisPort; now?: () => Date }) {}

  /**
   * A row as the player sees it now: unlocked ones are complete; stored progress is read as of
   * now (a streak whose last day is before yesterday shows 0, rolling windows slide).
   */
  standing(row: PlayerAchievementRow): AchievementStanding {
    const definition = this.deps.index.byId.get(row.achievementId);
    if (row.unlockedAt != null) {
      const target = definition?.rule.target ?? row.target;
      return { status: 'UNLOCKED', current: target, target, percent: 100 };
    }
    let { current, target } = row;
    if (row.state && definition && row.state.kind === definition.rule.type) {
      ({ current, target } = progressAt(definition.rule, row.state, this.deps.now?.() ?? new Date(), { timezone: row.timezone }));
    }
    return { status: 'IN_PROGRESS', current, target, percent: percentOf(current, target) };
  }

  /** Unlocked first (newest first), then in progress (closest to done first), optionally one status only. */
  arrange(rows: PlayerAchievementRow[], status?: 'UNLOCKED' | 'IN_PROGRESS' | null): PlayerAchievementRow[] {
    const unlocked = rows.filter((r) => r.unlockedAt != null);
    const inProgress = rows
      .filter((r) => r.unlockedAt == null)
      .map((row) => ({ row, percent: this.standing(row).percent }))
      .sort((a, b) => b.percent - a.percent || a.row.achievementId.localeCompare(b.row.achievementId))
      .map(({ row }) => row);
    if (status === 'UNLOCKED') return unlocked;
    if (status === 'IN_PROGRESS') return inProgress;
    return [...unlocked, ...inProgress];
  }

  /** unlockedBy and the share of active players who unlocked it, per achievement, in order. */
  async unlockStats(achievementIds: readonly string[]): Promise<UnlockStats[]> {
    const activeSince = new Date((this.deps.now?.() ?? new Date()).getTime() - ACTIVE_DAYS * 86_400_000);
    const [rows, active] = await Promise.all([this.deps.store.unlockStats(achievementIds, activeSince), this.deps.store.activePlayers(activeSince)]);
    const byId = new Map(rows.map((r) => [r.achievementId, r]));
    return achievementIds.map((id) => {
      const row = byId.get(id);
      return {
        unlockedBy: row?.unlockedBy ?? 0,
        unlockPercentage: active === 0 ? 0 : Math.round(((row?.unlockedByActive ?? 0) / active) * 10_000) / 100,
      };
    });
  }

  unlocks(viewer: Viewer): AsyncIterableIterator<UnlockRow> {
    return achievementUnlocked.subscribe(this.deps.redis, requireUser(viewer));
  }

  /** Each changed achievement as its own event (one message is published per player and commit). */
  progress(viewer: Viewer): AsyncIterableIterator<PlayerAchievementRow> {
    const batches = achievementProgress.subscribe(this.deps.redis, requireUser(viewer));
    return new Repeater<PlayerAchievementRow>(async (push, stop) => {
      void stop.then(() => batches.return?.());
      for await (const batch of batches) for (const row of batch) await push(row);
      stop();
    });
  }
}
