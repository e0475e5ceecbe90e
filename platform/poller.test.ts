import { describe, expect, it } from 'vitest';
import { Poller } from './poller.js';

/** A poller (not started: no ticks) counting its runs; each run takes `runMs`. */
function counting(options: { coalesceMs?: number; runMs?: number } = {}) {
  const runs: number[] = [];
  const poller = new Poller({
    work: async () => {
      runs.push(performance.now());
      await new Promise((r) => setTimeout(r, options.runMs ?? 0));
    },
    intervalMs: 60_000,
    onError: (error) => {
      throw error;
    },
    coalesceMs: options.coalesceMs,
  });
  return { poller, runs };
}

describe('Poller', () => {
  it('runs at once when poked, and once more for pokes during a run', async () => {
    const { poller, runs } = counting({ runMs: 30 });
    const first = poller.poke();
    expect(runs).toHaveLength(1);
    void poller.poke();
    void poller.poke();
    await first;
    await new Promise((r) => setTimeout(r, 60));
    expect(runs).toHaveLength(2);
  });

  it('settles a poke made during a run only after the run that follows it', async () => {
    const { poller, runs } = counting({ runMs: 30 });
    void poller.poke();
    await new Promise((r) => setTimeout(r, 5));
    await poller.poke(); // during the first run
    expect(runs).toHaveLength(2);
  });

  it('with coalesceMs, runs that much later, once for every poke in between', async () => {
    const { poller, runs } = counting({ coalesceMs: 40 });
    const started = performance.now();
    const pokes = [poller.poke(), poller.poke()];
    await new Promise((r) => setTimeout(r, 10));
    pokes.push(poller.poke());
    expect(runs).toHaveLength(0);
    await Promise.all(pokes);
    expect(runs).toHaveLength(1);
    // 40 ms less a timer's slack: libuv counts a timeout from the loop's cached clock, so it may fire a few ms early by performance.now().
    expect(runs[0]! - started).toBeGreaterThanOrEqual(35);
    await poller.poke(); // a later poke gets a run of its own
    expect(runs).toHaveLength(2);
  });

  it('on stop, settles a waiting poke without running', async () => {
    const { poller, runs } = counting({ coalesceMs: 1_000 });
    const poke = poller.poke();
    await poller.stop();
    await poke;
    expect(runs).toHaveLength(0);
    await poller.poke(); // stopped: nothing
    expect(runs).toHaveLength(0);
  });
});
