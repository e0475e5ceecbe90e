import { LRUCache } from 'lru-cache';
import type { ProgressEntry } from '../domain/evaluate.js';

/**
 * A player's projection as their last committed batch left it: where their stream ended (`version`),
 * which projection generation it belongs to (`epoch`, bumped by the rebuild), their unlocks, and
 * the progress rows it has read or written (`known`: present in `progress`, or known to have no row).
 */
export interface CachedProjection {
  version: number;
  epoch: number;
  unlocked: ReadonlySet<string>;
  progress: ReadonlyMap<string, ProgressEntry>;
  known: ReadonlySet<string>;
}

/**
 * Projections of recently active players, so the next batch of a player reads from the database
 * only the progress rows it has never seen. An entry is used only when the player's locked row
 * still has its version and epoch: any other writer (another replica, the bus consumer, the
 * rebuild) moves one of them, and the entry is dropped. Entries are put after their transaction
 * commits, never before; the database stays the truth and every change is still written to it.
 * Least recently used entries go first past `capacity` players.
 */
export class InMemoryProjections {
  /** lru-cache keeps the order and the bound; none at capacity 0 (it needs a positive `max`). */
  private readonly entries: LRUCache<string, CachedProjection> | null;
  hits = 0;
  misses = 0;

  constructor(readonly capacity: number) {
    this.entries = capacity > 0 ? new LRUCache({ max: capacity }) : null;
  }

  /** The player's cached projection if it is at exactly this version and epoch. */
  get(userId: string, version: number, epoch: number): CachedProjection | undefined {
    const entry = this.entries?.get(userId);
    if (!entry || entry.version !== version || entry.epoch !== epoch) {
      if (entry) this.entries!.delete(userId);
      this.misses++;
      return undefined;
    }
    this.hits++;
    return entry;
  }

  put(userId: string, projection: CachedProjection): void {
    this.entries?.set(userId, projection);
  }

  /** Forgets the player's entry: their next batch reads what is stored. */
  delete(userId: string): void {
    this.entries?.delete(userId);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
