import type { Logger } from 'pino';
import type { Sql } from '../../../platform/db/index.js';
import { Poller } from '../../../platform/poller.js';
import type { BackgroundWorker } from '../../../platform/subgraph/serve.js';
import type { LeaderboardRanking } from '../store/leaderboard-ranking.store.js';
import type { LeaderboardsStore } from '../store/leaderboards.store.js';

/** Owed writes one repair transaction takes. */
const REPAIR_BATCH = 200;

/**
 * The periodic Redis/PostgreSQL check: every transaction that changes leaderboard records also
 * notes a ranking write owed to Redis (`leaderboard_ranking_writes`), and the submission settles it
 * once its records reached the ranking. A note older than `afterMs` means the process died (or
 * Redis failed) between the commit and the Redis write: this worker reads those players' records
 * as PostgreSQL holds them now and applies them to the period's ranking (versioned: only newer
 * versions replace what Redis holds, so a late or repeated repair changes nothing), then deletes
 * the notes, in one transaction per batch (SKIP LOCKED: replicas share the work; a failed Redis
 * write rolls the batch back for the next run).
 */
export class LeaderboardRepair implements BackgroundWorker {
  private readonly poller: Poller;

  constructor(
    private readonly deps: {
      sql: { transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T> };
      store: LeaderboardsStore;
      ranking: LeaderboardRanking;
      logger: Logger;
      intervalMs: number;
      afterMs: number;
    },
  ) {
    this.poller = new Poller({
      work: () => this.repairOwed(),
      intervalMs: deps.intervalMs,
      onError: (error) => deps.logger.warn({ err: error }, 'leaderboard repair failed (tried again next run)'),
    });
  }

  start() {
    this.poller.start();
  }

  async stop() {
    await this.poller.stop();
  }

  /** Runs the check now (or once more after the run in progress). */
  poke(): Promise<void> {
    return this.poller.poke();
  }

  /** Re-applies every owed ranking write older than `afterMs`; returns how many records it applied. */
  async repairOwed(): Promise<number> {
    let total = 0;
    for (;;) {
      const { writes, records } = await this.deps.sql.transaction(async (sql) => {
        const owed = await this.deps.store.claimOwedRankingWrites(sql, this.deps.afterMs, REPAIR_BATCH);
        let applied = 0;
        const byPeriod = new Map<string, (typeof owed)[number] & { users: Set<string> }>();
        for (const w of owed) {
          const entry = byPeriod.get(w.periodId) ?? { ...w, users: new Set<string>() };
          for (const userId of w.userIds) entry.users.add(userId);
          byPeriod.set(w.periodId, entry);
        }
        for (const { periodId, sortOrder, archived, users } of byPeriod.values()) {
          const records = await this.deps.store.recordsOf(periodId, [...users], sql);
          if (records.length) await this.deps.ranking.apply({ periodId, sort: sortOrder, archived }, records);
          applied += records.length;
        }
        return { writes: owed.length, records: applied };
      });
      total += records;
      if (writes) this.deps.logger.info({ writes, records }, 'leaderboard repair re-applied ranking writes that had not reached Redis');
      if (writes < REPAIR_BATCH || this.poller.stopped) return total;
    }
  }
}
