/**
 * Runs `work` when poked and every `intervalMs` while started, never two at once: a poke during
 * a run asks for one more run right after it (so work committed meanwhile is not left for the
 * next tick). With `coalesceMs`, a poke runs `work` that much later, and the pokes in between
 * share that run. After `stop()` pokes do nothing: the database or Redis may be closing, and the
 * next start picks up what is left. The outbox relay and the job runner are built on it.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;
  private halted = false;
  /** The coalesced run a poke is waiting for, and how to start it now. */
  private pending?: { promise: Promise<void>; timer: NodeJS.Timeout; release: () => void };

  constructor(
    private readonly options: {
      work: () => Promise<unknown>;
      intervalMs: number;
      /** A failed run is reported here; the next poke or tick tries again. */
      onError: (error: unknown) => void;
      /** Runs on every tick besides `work` (periodic housekeeping). */
      onTick?: () => void;
      /** Pokes wait this long before the run they ask for, and share it (default 0: at once). */
      coalesceMs?: number;
    },
  ) {}

  /** True after `stop()`: long loops inside `work` should end early. */
  get stopped(): boolean {
    return this.halted;
  }

  start() {
    this.halted = false;
    const tick = () => {
      void this.runNow();
      this.options.onTick?.();
      if (!this.halted) this.timer = setTimeout(tick, this.options.intervalMs);
    };
    tick();
  }

  /**
   * Runs `work` (after `coalesceMs`), or once more after the run in progress; resolves when that
   * run is over.
   */
  poke(): Promise<void> {
    if (this.halted) return Promise.resolve();
    const delay = this.options.coalesceMs ?? 0;
    if (delay <= 0) return this.runNow();
    if (this.pending) return this.pending.promise;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => {
      release = () => {
        clearTimeout(pending.timer);
        if (this.pending === pending) this.pending = undefined;
        resolve(this.halted ? this.running : this.runNow());
      };
    });
    const pending = { promise, release, timer: setTimeout(() => release(), delay) };
    this.pending = pending;
    return promise;
  }

  private runNow(): Promise<void> {
    if (this.halted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      // Settles after the follow-up run (started in the current run's finally), which covers what
      // this poke asked for.
      return this.running.then(() => this.running);
    }
    const run: Promise<void> = this.options
      .work()
      .then(() => undefined)
      .catch(this.options.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.halted) {
          this.again = false;
          void this.runNow();
        }
      });
    this.running = run;
    return run;
  }

  /** Stops ticking and waits for the run in progress. */
  async stop() {
    this.halted = true;
    clearTimeout(this.timer);
    this.pending?.release(); // its poke resolves without a run
    await this.running;
  }
}
