import type { ExecutionResult } from 'graphql';

/**
 * One subscriber's view of a shared stream: an async iterator graphql-ws pulls from, with a
 * bounded queue. Past `maxQueued` undelivered events the subscriber is a slow consumer:
 * `onOverflow` runs once and the queue stops growing.
 */
export class Listener implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: ExecutionResult[] = [];
  private waiting?: (result: IteratorResult<ExecutionResult>) => void;
  private done = false;
  private overflowed = false;

  constructor(
    private readonly maxQueued: number,
    private readonly onOverflow: () => void,
    private readonly onReturn: (listener: Listener) => void,
  ) {}

  push(result: ExecutionResult): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: result, done: false });
      return;
    }
    if (this.queue.length >= this.maxQueued) {
      if (!this.overflowed) {
        this.overflowed = true;
        this.onOverflow();
      }
      return;
    }
    this.queue.push(result);
  }

  /** Ends the stream after what is queued (the client then gets `complete`). */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.onReturn(this);
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.queue.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
