import { describe, expect, it, vi } from 'vitest';
import type { Logger } from 'pino';
import type { AchievementRow } from './achievements.store.js';
import { DefinitionsCache, type DefinitionsCheck, type DefinitionsSource } from './definitions.cache.js';

// The catalog in memory: the first read waits for the load (concurrent first reads share it); within
// recheckMs nothing is read; after it a read is answered from memory while the fingerprint is
// checked, and the rows are reloaded only when it moved; a failed check keeps the snapshot (logged)
// and is retried recheckMs later; recheckMs 0 makes every read wait for a check of its own.

const row = (id: string, sortOrder: number, category: AchievementRow['category'] = 'COMBAT', rarity: AchievementRow['rarity'] = 'COMMON') =>
  ({ id, name: id, description: id, category, rarity, icon: id, hidden: false, points: 10, rule: {}, rewards: [], prerequisites: [], catalogVersion: 1, sortOrder, updatedAt: new Date(0) }) as unknown as AchievementRow;

/** The table as the store sees it: its rows (in catalog order), a version standing for its fingerprint, every check made. */
function fakeTable(rows: AchievementRow[]) {
  const state = { rows, version: 1, failure: null as Error | null, gate: null as Promise<void> | null };
  const checks: { known: string | null; reloaded: boolean }[] = [];
  const source: DefinitionsSource = {
    async definitionsIfChanged(known): Promise<DefinitionsCheck> {
      const fingerprint = `v${state.version}`;
      const rowsNow = [...state.rows];
      if (state.gate) await state.gate;
      if (state.failure) throw state.failure;
      const reloaded = fingerprint !== known;
      checks.push({ known, reloaded });
      return { fingerprint, rows: reloaded ? rowsNow : null };
    },
  };
  /** A definition written (by another replica's sync, or a test): the fingerprint moves. */
  const write = (next: AchievementRow[]) => {
    state.rows = next;
    state.version += 1;
  };
  return { source, state, checks, write };
}

function clock(start = Date.parse('2026-03-01T10:00:00.000Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const gate = () => {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
};

/** Lets background checks run to the end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const silent = () => ({ warn: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> };

const [sword, shield, map] = [row('sword', 0), row('shield', 1, 'COMBAT', 'RARE'), row('map', 2, 'EXPLORATION')];

describe('DefinitionsCache', () => {
  it('serves list (filtered, in catalog order) and findByIds (undefined where missing) from one load', async () => {
    const table = fakeTable([sword, shield, map]);
    const cache = new DefinitionsCache(table.source, { recheckMs: 1_000, now: clock().now });
    expect((await cache.list({})).map((r) => r.id)).toEqual(['sword', 'shield', 'map']);
    expect((await cache.list({ category: 'COMBAT' })).map((r) => r.id)).toEqual(['sword', 'shield']);
    expect((await cache.list({ category: 'COMBAT', rarity: 'RARE' })).map((r) => r.id)).toEqual(['shield']);
    expect((await cache.list({ category: null, rarity: null })).map((r) => r.id)).toEqual(['sword', 'shield', 'map']);
    expect(await cache.findByIds(['map', 'nope', 'sword'])).toEqual([map, undefined, sword]);
    // The rows themselves, not copies; every list a new array.
    expect((await cache.findByIds(['sword']))[0]).toBe(sword);
    expect(await cache.list({})).not.toBe(await cache.list({}));
    expect(table.checks).toEqual([{ known: null, reloaded: true }]);
  });

  it('makes concurrent first reads share one load', async () => {
    const table = fakeTable([sword, shield]);
    const opened = gate();
    table.state.gate = opened.promise;
    const cache = new DefinitionsCache(table.source, { recheckMs: 1_000, now: clock().now });
    const reads = Promise.all([cache.list({}), cache.findByIds(['shield']), cache.list({ rarity: 'RARE' })]);
    opened.open();
    const [all, byId, rare] = await reads;
    expect([all.length, byId, rare.map((r) => r.id)]).toEqual([2, [shield], ['shield']]);
    expect(table.checks).toHaveLength(1);
  });

  it.each([
    // [case, ms after the load when read again, written meanwhile, checks after the load, ids served by the read, then]
    ['read again within recheckMs: nothing is checked', 999, false, [], ['sword'], ['sword']],
    ['after recheckMs, unchanged: checked, nothing reloaded', 1_000, false, [{ known: 'v1', reloaded: false }], ['sword'], ['sword']],
    ['after recheckMs, changed: the read is answered from memory, the next from the reload', 1_000, true, [{ known: 'v1', reloaded: true }], ['sword'], ['sword', 'map']],
    ['changed, but within recheckMs: not seen yet', 500, true, [], ['sword'], ['sword']],
  ] as const)('%s', async (_case, after, written, checks, served, then) => {
    const table = fakeTable([sword]);
    const time = clock();
    const cache = new DefinitionsCache(table.source, { recheckMs: 1_000, now: time.now });
    await cache.list({});
    table.checks.length = 0;
    if (written) table.write([sword, map]);
    time.advance(after);
    expect((await cache.list({})).map((r) => r.id)).toEqual(served);
    await settle();
    expect(table.checks).toEqual(checks);
    expect((await cache.list({})).map((r) => r.id)).toEqual(then);
  });

  it('checks once while a background check runs, and again only recheckMs after it started', async () => {
    const table = fakeTable([sword]);
    const time = clock();
    const cache = new DefinitionsCache(table.source, { recheckMs: 1_000, now: time.now });
    await cache.list({});
    const opened = gate();
    table.state.gate = opened.promise;
    time.advance(1_000);
    await Promise.all([cache.list({}), cache.list({}), cache.findByIds(['sword'])]);
    opened.open();
    await settle();
    time.advance(999);
    await cache.list({});
    await settle();
    expect(table.checks).toEqual([{ known: null, reloaded: true }, { known: 'v1', reloaded: false }]);
  });

  it('keeps serving the snapshot when a check fails, logs it, and checks again recheckMs later', async () => {
    const table = fakeTable([sword]);
    const time = clock();
    const logger = silent();
    const cache = new DefinitionsCache(table.source, { recheckMs: 1_000, now: time.now, logger });
    await cache.list({});
    table.write([sword, map]);
    table.state.failure = new Error('connection terminated');
    time.advance(1_000);
    expect((await cache.list({})).map((r) => r.id)).toEqual(['sword']);
    await settle();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]![0]).toEqual({ err: table.state.failure });

    table.state.failure = null;
    time.advance(999);
    await cache.list({});
    await settle();
    expect(table.checks).toHaveLength(1); // the load only: not retried before recheckMs
    time.advance(1);
    await cache.list({});
    await settle();
    expect((await cache.list({})).map((r) => r.id)).toEqual(['sword', 'map']);
  });

  it('fails the first read when the first load fails, and loads again on the next', async () => {
    const table = fakeTable([sword]);
    table.state.failure = new Error('connection refused');
    const cache = new DefinitionsCache(table.source, { recheckMs: 1_000, now: clock().now });
    await expect(Promise.all([cache.list({}), cache.findByIds(['sword'])])).rejects.toThrow('connection refused');
    table.state.failure = null;
    expect(await cache.findByIds(['sword'])).toEqual([sword]);
  });

  it('with recheckMs 0, makes every read wait for a check, so a write is seen by the next read', async () => {
    const table = fakeTable([sword]);
    const cache = new DefinitionsCache(table.source, { recheckMs: 0, now: clock().now });
    await cache.list({});
    await cache.list({});
    table.write([sword, map]);
    expect(await cache.findByIds(['map'])).toEqual([map]);
    expect(table.checks).toEqual([
      { known: null, reloaded: true },
      { known: 'v1', reloaded: false },
      { known: 'v1', reloaded: true },
    ]);
  });

  it('refresh: waits for a check that starts after it was called, shared by every caller meanwhile', async () => {
    const table = fakeTable([sword]);
    const cache = new DefinitionsCache(table.source, { recheckMs: 60_000, now: clock().now });
    await cache.list({});
    const opened = gate();
    table.state.gate = opened.promise;
    const running = cache.refresh(); // read the table before the write below
    table.write([sword, map]); // another replica's sync commits
    const afterWrite = [cache.refresh(), cache.refresh()];
    table.state.gate = null;
    opened.open();
    await Promise.all([running, ...afterWrite]);
    expect(table.checks).toEqual([
      { known: null, reloaded: true },
      { known: 'v1', reloaded: false },
      { known: 'v1', reloaded: true },
    ]);
    expect((await cache.list({})).map((r) => r.id)).toEqual(['sword', 'map']);
  });
});
