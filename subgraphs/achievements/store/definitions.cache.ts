import type { Logger } from 'pino';
import type { AchievementRow, CatalogFilter } from './achievements.store.js';

/** What a check reads: the table's fingerprint, and every row (in catalog order) only when it is not `known`. */
export interface DefinitionsCheck {
  fingerprint: string;
  /** Null when the fingerprint was `known` (nothing to reload). */
  rows: AchievementRow[] | null;
}

/** Where the definitions come from (AchievementsStore.definitionsIfChanged: one statement, one snapshot). */
export interface DefinitionsSource {
  definitionsIfChanged(known: string | null): Promise<DefinitionsCheck>;
}

export interface DefinitionsCacheOptions {
  /**
   * How long a snapshot is served before the next read checks the fingerprint (in the background:
   * the read is answered from the snapshot). 0: every read waits for a check of its own (tests
   * that write definitions straight into the table).
   */
  recheckMs: number;
  logger?: Logger;
  now?: () => number;
}

interface Snapshot {
  fingerprint: string;
  rows: readonly AchievementRow[];
  byId: ReadonlyMap<string, AchievementRow>;
}

/**
 * The achievement catalog (every definition row) held in memory. A catalog is configuration: it
 * changes when a replica syncs a new catalog version at start (that replica calls `refresh`), so
 * the others see it within `recheckMs`, when a read finds the table's fingerprint moved. The first
 * read waits for the load (concurrent first reads share it); later reads never wait (except with
 * `recheckMs` 0). A failed check is logged and the snapshot kept; the next check is `recheckMs` later.
 *
 * Rows are shared by every request: resolvers must not change them (asSeenBy copies).
 */
export class DefinitionsCache {
  private snapshot: Snapshot | null = null;
  /** When the last check started (whatever its outcome). */
  private checkedAt = Number.NEGATIVE_INFINITY;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly source: DefinitionsSource,
    private readonly options: DefinitionsCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The catalog in its file's order (sortOrder, then id), filtered; a new array each call. */
  async list(filter: CatalogFilter): Promise<AchievementRow[]> {
    const { rows } = await this.current();
    return rows.filter((row) => (!filter.category || row.category === filter.category) && (!filter.rarity || row.rarity === filter.rarity));
  }

  /** Rows for the ids, in the same order, undefined where missing. */
  async findByIds(ids: readonly string[]): Promise<(AchievementRow | undefined)[]> {
    const { byId } = await this.current();
    return ids.map((id) => byId.get(id));
  }

  /**
   * Resolves after a check that started after this call (reloading if the table changed): the
   * replica that synced a catalog calls it, so it serves the new catalog at once. Rejects when
   * that check fails.
   */
  refresh(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    // The running check may have read the table before the caller's change: one more after it,
    // shared by everyone who asks meanwhile.
    const queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start();
      });
    this.queued = queued;
    return queued;
  }

  private async current(): Promise<Snapshot> {
    if (!this.snapshot) {
      await (this.running ?? this.refresh());
      // A concurrent check may have replaced it meanwhile; either is current.
      return this.snapshot!;
    }
    const { recheckMs } = this.options;
    if (recheckMs === 0) {
      await this.refresh().catch((error: unknown) => this.checkFailed(error));
    } else if (!this.running && this.now() - this.checkedAt >= recheckMs) {
      void this.start().catch((error: unknown) => this.checkFailed(error));
    }
    return this.snapshot;
  }

  private start(): Promise<void> {
    const run = this.check().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }

  private async check(): Promise<void> {
    this.checkedAt = this.now();
    const known = this.snapshot?.fingerprint ?? null;
    const { fingerprint, rows } = await this.source.definitionsIfChanged(known);
    if (rows === null) return;
    this.snapshot = { fingerprint, rows, byId: new Map(rows.map((row) => [row.id, row])) };
  }

  private checkFailed(error: unknown): void {
    this.options.logger?.warn({ err: error }, 'checking the achievement catalog failed; serving the one in memory');
  }
}
