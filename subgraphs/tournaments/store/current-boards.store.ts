import type { LeaderboardRow, LeaderboardsStore, PeriodRow } from './leaderboards.store.js';

/** A board as reads start from it: the definition and its current period. */
export interface CurrentBoard {
  board: LeaderboardRow;
  period: PeriodRow | undefined;
}

/** How long this replica reuses a board and its current period it read. */
const FRESH_MS = 1_000;
/** Past this many boards kept, stale ones are dropped when the next miss is read. */
const SWEEP_ABOVE = 1_000;

/**
 * Boards with their current period, read from PostgreSQL at most once a second per board in this
 * replica (one statement for all the boards a request misses), instead of once per read: every
 * `top`, `around` and `rank` starts here. A definition or a reset made by this replica is seen at
 * once (`forget`); one made by another replica within a second (docs/decisions.md, "Leaderboard
 * reads reuse the board and its current period for a second").
 */
export class CurrentBoards {
  private readonly cached = new Map<string, { until: number; found: Promise<CurrentBoard | undefined> }>();

  constructor(
    private readonly store: LeaderboardsStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async find(ids: readonly string[]): Promise<(CurrentBoard | undefined)[]> {
    const now = this.clock();
    const missing = ids.filter((id) => !((this.cached.get(id)?.until ?? 0) > now));
    if (missing.length) {
      if (this.cached.size > SWEEP_ABOVE) for (const [id, entry] of this.cached) if (entry.until <= now) this.cached.delete(id);
      const read = this.store.findWithCurrentPeriods(missing);
      missing.forEach((id, i) => {
        const found = read.then((all) => all[i]);
        this.cached.set(id, { until: now + FRESH_MS, found });
        // A board not found (or a failed read) is not kept: the next read asks again.
        void found.then(
          (board) => board || this.drop(id, found),
          () => this.drop(id, found),
        );
      });
    }
    return Promise.all(ids.map((id) => this.cached.get(id)!.found));
  }

  /** Reads the board from PostgreSQL next time (this replica changed it). */
  forget(id: string): void {
    this.cached.delete(id);
  }

  private drop(id: string, found: Promise<CurrentBoard | undefined>) {
    if (this.cached.get(id)?.found === found) this.cached.delete(id);
  }
}
