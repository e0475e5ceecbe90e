/** How a GroupCommit batches. */
export interface GroupCommitOptions<I, R> {
  /** Commits a group: one result per item, in the items' order. */
  commit(items: I[]): Promise<R[]>;
  /** Groups committing at once for one key. */
  inFlight: number;
  /** Largest group, by the items' weight; an item heavier than this goes alone. */
  maxWeight: number;
  /** An item's weight (1 by default): the wallet counts operations, the engine events. */
  weight?(item: I): number;
  /**
   * When a group of several items fails: `each-alone` commits each item again on its own, so one
   * bad item fails only its caller; `fail-all` (default) hands the error to every caller.
   */
  onGroupFailure?: 'each-alone' | 'fail-all';
}

interface Pending<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface Lane<I, R> {
  waiting: Pending<I, R>[];
  inFlight: number;
}

/**
 * Group commit: an item goes to the database at once while fewer than `inFlight` groups of its key
 * are committing; items that arrive meanwhile wait and then go together, in one commit. Without
 * contention nothing waits; under load many callers share one transaction (and one WAL flush).
 */
export class GroupCommit<I, R> {
  private readonly lanes = new Map<string, Lane<I, R>>();

  constructor(private readonly options: GroupCommitOptions<I, R>) {}

  /** Commits the item in the next group of its key; resolves with its own result. */
  add(item: I, key = ''): Promise<R> {
    return new Promise((resolve, reject) => {
      let lane = this.lanes.get(key);
      if (!lane) this.lanes.set(key, (lane = { waiting: [], inFlight: 0 }));
      lane.waiting.push({ item, resolve, reject });
      this.start(key, lane);
    });
  }

  private weightOf(item: I) {
    return this.options.weight?.(item) ?? 1;
  }

  private start(key: string, lane: Lane<I, R>) {
    while (lane.inFlight < this.options.inFlight && lane.waiting.length > 0) {
      const group = [lane.waiting.shift()!];
      let weight = this.weightOf(group[0]!.item);
      while (lane.waiting.length > 0 && weight + this.weightOf(lane.waiting[0]!.item) <= this.options.maxWeight) {
        weight += this.weightOf(lane.waiting[0]!.item);
        group.push(lane.waiting.shift()!);
      }
      lane.inFlight += 1;
      void this.commit(group).finally(() => {
        lane.inFlight -= 1;
        if (lane.inFlight === 0 && lane.waiting.length === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
        else this.start(key, lane);
      });
    }
  }

  private async commit(group: Pending<I, R>[]): Promise<void> {
    try {
      const results = await this.options.commit(group.map((p) => p.item));
      group.forEach((p, i) => p.resolve(results[i]!));
      return;
    } catch (error) {
      if (group.length === 1 || this.options.onGroupFailure !== 'each-alone') {
        for (const p of group) p.reject(error);
        return;
      }
    }
    for (const p of group) {
      await this.options.commit([p.item]).then(([result]) => p.resolve(result!), p.reject);
    }
  }
}
