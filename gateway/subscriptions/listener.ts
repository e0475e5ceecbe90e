import type { ExecutionResult } from 'graphql';

/** Where one subscriber's events go: its graphql-ws operation id on its socket. */
export interface SubscriberSink {
  /** The client's operation id for this subscription. */
  readonly id: string;
  /** Writes a complete graphql-ws message (already serialized) to the socket. */
  send(frame: string): void;
  /** True when the socket holds more unsent bytes than allowed (the client stopped reading). */
  isSlow(): boolean;
}

/**
 * One subscriber of a shared stream. Events bypass graphql-ws's per-subscriber pipeline: the group
 * serializes each result once and every listener writes it with its own operation id, so a send
 * costs a string concatenation, not a JSON.stringify of the payload. To graphql-ws the listener is
 * an async iterator that yields nothing and ends when the subscription does (graphql-ws then sends
 * `complete`), or that it ends itself when the client completes or disconnects (`return`).
 */
export class Listener implements AsyncIterableIterator<ExecutionResult> {
  private readonly prefix: string;
  private done = false;
  private wake?: (result: IteratorResult<ExecutionResult>) => void;

  constructor(
    private readonly sink: SubscriberSink,
    private readonly onSlowConsumer: () => void,
    private readonly onEnd: (listener: Listener) => void,
  ) {
    this.prefix = `{"id":${JSON.stringify(sink.id)},"type":"next","payload":`;
  }

  /** Sends a serialized ExecutionResult; false if this subscription has ended. */
  deliver(payloadJson: string): boolean {
    if (this.done) return false;
    this.sink.send(`${this.prefix}${payloadJson}}`);
    if (this.sink.isSlow()) this.onSlowConsumer();
    return true;
  }

  /** Ends the subscription (the client then gets `complete`). */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.onEnd(this);
    this.wake?.({ value: undefined, done: true });
    this.wake = undefined;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}
