import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

/** A commit that records each group and resolves when the test says so. */
function controlledCommit<I>(result: (item: I) => I = (item) => item) {
  const groups: I[][] = [];
  const gates: (() => void)[] = [];
  let failWhen: ((items: I[]) => boolean) | undefined;
  const commit = async (items: I[]) => {
    groups.push(items);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (failWhen?.(items)) throw new Error(`group of ${items.length} failed`);
    return items.map(result);
  };
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    gates.shift()!();
    await new Promise((r) => setTimeout(r, 1));
  };
  return { commit, groups, openNext, failOn: (f: (items: I[]) => boolean) => (failWhen = f) };
}

describe('GroupCommit', () => {
  it('commits an item at once when nothing is in flight, and groups what arrives meanwhile', async () => {
    const c = controlledCommit<number>((n) => n * 10);
    const gc = new GroupCommit<number, number>({ commit: c.commit, inFlight: 1, maxWeight: 100 });
    const first = gc.add(1);
    const rest = [gc.add(2), gc.add(3), gc.add(4)];
    expect(c.groups).toEqual([[1]]);
    await c.openNext();
    expect(await first).toBe(10);
    expect(c.groups).toEqual([[1], [2, 3, 4]]);
    await c.openNext();
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('runs up to inFlight groups at once and caps a group by weight', async () => {
    const c = controlledCommit<number>();
    const gc = new GroupCommit<number, number>({ commit: c.commit, inFlight: 2, maxWeight: 5, weight: (n) => n });
    const all = [gc.add(1), gc.add(1), gc.add(3), gc.add(2), gc.add(4), gc.add(9)];
    // Two go at once; then 3+2 (5), then 4, then 9 alone (heavier than the cap).
    expect(c.groups).toEqual([[1], [1]]);
    for (let i = 0; i < 5; i++) await c.openNext();
    expect(c.groups).toEqual([[1], [1], [3, 2], [4], [9]]);
    expect(await Promise.all(all)).toEqual([1, 1, 3, 2, 4, 9]);
  });

  it('keeps keys apart: one key waiting does not hold another', async () => {
    const c = controlledCommit<string>();
    const gc = new GroupCommit<string, string>({ commit: c.commit, inFlight: 1, maxWeight: 10 });
    void gc.add('a1', 'a');
    void gc.add('a2', 'a');
    void gc.add('b1', 'b');
    expect(c.groups).toEqual([['a1'], ['b1']]);
  });

  it('fails every caller of a failed group by default', async () => {
    const c = controlledCommit<number>();
    c.failOn((items) => items.includes(3));
    const gc = new GroupCommit<number, number>({ commit: c.commit, inFlight: 1, maxWeight: 10 });
    const first = gc.add(1);
    const group = Promise.allSettled([gc.add(2), gc.add(3)]);
    await c.openNext();
    await first;
    await c.openNext();
    const settled = await group;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('with each-alone, commits the items of a failed group one by one: only the bad one fails', async () => {
    const c = controlledCommit<number>();
    c.failOn((items) => items.includes(3));
    const gc = new GroupCommit<number, number>({ commit: c.commit, inFlight: 1, maxWeight: 10, onGroupFailure: 'each-alone' });
    const first = gc.add(1);
    const group = Promise.allSettled([gc.add(2), gc.add(3), gc.add(4)]);
    await c.openNext();
    await first;
    for (let i = 0; i < 4; i++) await c.openNext();
    expect(c.groups).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
    const settled = await group;
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
