import type { ExecutionResult } from 'graphql';

/**
 * A client's connection as the engine writes to it. One per socket, shared by all of the
 * connection's subscriptions (10,000 subscribers hold 10,000 Listeners, not 10,000 closures each).
 */
export interface ClientConnection {
  /**
   * Writes one graphql-ws message, given as its UTF-8 bytes in two parts (`head` then `body`), to
   * the socket; the connection closes itself once it holds more unsent bytes than allowed.
   */
  sendMessage(head: Buffer, body: Buffer): void;
}

/** What a Listener tells when it ends (its Group). */
export interface ListenerOwner {
  release(listener: Listener): void;
}

/**
 * One subscriber of a shared stream. Events bypass graphql-ws's per-subscriber pipeline: the group
 * serializes each result once and every listener writes it with its own operation id, so a send
 * costs two buffer copies, not a JSON.stringify of the payload. To graphql-ws the listener is
 * an async iterator that yields nothing and ends when the subscription does (graphql-ws then sends
 * `complete`), or that it ends itself when the client completes or disconnects (`return`).
 */
export class Listener implements AsyncIterableIterator<ExecutionResult> {
  /** The start of this subscriber's `next` messages, up to the payload. */
  private readonly prefix: Buffer;
  private done = false;
  private wake?: (result: IteratorResult<ExecutionResult>) => void;

  /**
   * @param connection the subscriber's socket
   * @param id the client's operation id for this subscription (its `next` frames carry it)
   * @param owner told when the subscription ends
   */
  constructor(
    private readonly connection: ClientConnection,
    id: string,
    private readonly owner: ListenerOwner,
  ) {
    this.prefix = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  }

  /**
   * Sends a serialized ExecutionResult followed by the `}` that closes the message (see
   * `nextMessageBody`); false if this subscription has ended.
   */
  deliver(body: Buffer): boolean {
    if (this.done) return false;
    this.connection.sendMessage(this.prefix, body);
    return true;
  }

  /** Ends the subscription (the client then gets `complete`). */
  end(): void {
    if (this.done) return;
    this.done = true;
    this.owner.release(this);
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

/** What follows a listener's prefix in a `next` message: the result's JSON and the message's closing brace, encoded once for every listener. */
export const nextMessageBody = (result: ExecutionResult): Buffer => Buffer.from(`${JSON.stringify(result)}}`);
