/**
 * Runs `work` when poked and every `intervalMs` while started, never two at once: a poke during
 * a run asks for one more run right after it (so work committed meanwhile is not left for the
 * next tick). After `stop()` pokes do nothing: the database or Redis may be closing, and the next
 * start picks up what is left. The outbox relay and the job runner are built on it.
 */
export class Poller {
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | undefined;
  private again = false;
  private halted = false;

  constructor(
    private readonly options: {
      work: () => Promise<unknown>;
      intervalMs: number;
      /** A failed run is reported here; the next poke or tick tries again. */
      onError: (error: unknown) => void;
      /** Runs on every tick besides `work` (periodic housekeeping). */
      onTick?: () => void;
    },
  ) {}

  /** True after `stop()`: long loops inside `work` should end early. */
  get stopped(): boolean {
    return this.halted;
  }

  start() {
    this.halted = false;
    const tick = () => {
      void this.poke();
      this.options.onTick?.();
      if (!this.halted) this.timer = setTimeout(tick, this.options.intervalMs);
    };
    tick();
  }

  /** Runs `work` now, or once more after the run in progress; resolves when that run is over. */
  poke(): Promise<void> {
    if (this.halted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run: Promise<void> = this.options
      .work()
      .then(() => undefined)
      .catch(this.options.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.halted) {
          this.again = false;
          void this.poke();
        }
      });
    this.running = run;
    return run;
  }

  /** Stops ticking and waits for the run in progress. */
  async stop() {
    this.halted = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
