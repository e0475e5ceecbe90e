// Inside a subscriber client process (the parent side is ClientProcess in processes.ts): graphql-ws
// connections, one subscription each, the errors and closes they meet, and the IPC with the parent.
// Receive times are wall-clock ms (performance.timeOrigin + performance.now()), comparable with the
// parent's. A benchmark's client.ts says what each subscriber subscribes with and what it keeps of
// each payload; serveParent does the rest.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { LeanSubscriber, now } from './lean-ws.js';

export interface Subscriber {
  connectionParams?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  /** A payload's data, at its receive time. */
  onData(data: unknown, receivedAt: number): void;
}

export interface OpenMessage {
  type: 'open';
  url: string;
  query: string;
  /** Connections opened at once. */
  batch: number;
  connectTimeoutMs: number;
  /** Subscribers on lean-ws.ts's bare-socket client (openLeanSubscribers) rather than graphql-ws's. */
  lean?: boolean;
}

/** A subscriber on lean-ws.ts: it gets each `next` message's bytes, unparsed. */
export interface LeanSubscriberSpec {
  connectionParams?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  /** The message's bytes: a view of lean-ws's read buffer, valid during the call only. */
  onNext(message: Buffer, receivedAt: number): void;
}

const clients: Client[] = [];
const leanClients: LeanSubscriber[] = [];
const totals = { errors: 0, closed: 0, errorSamples: [] as string[], sample: undefined as string | undefined };
let dirty = false;

/** Something changed: the next progress report goes out. */
export const changed = () => {
  dirty = true;
};

export function noteError(what: string) {
  totals.errors++;
  if (totals.errorSamples.length < 5) totals.errorSamples.push(what.slice(0, 300));
  changed();
}

/**
 * How one subscriber's connection goes: `connected` once it is up (and subscribed), `closed` when it
 * ends (noted as an error for the first five closes, or always when it never connected).
 */
interface Outcome {
  connected(): void;
  closed(what: string): void;
}

/**
 * Opens one connection per subscriber, `batch` at a time, `connect` starting each; resolves when
 * each has connected or failed (`connectTimeoutMs`). A close after connecting counts in `closed`.
 */
async function openInBatches<S>(m: OpenMessage, subscribers: S[], connect: (subscriber: S, outcome: Outcome) => void): Promise<{ connected: number; failed: number }> {
  let connected = 0;
  let failed = 0;
  for (let start = 0; start < subscribers.length; start += m.batch) {
    const waits = subscribers.slice(start, start + m.batch).map(
      (subscriber) =>
        new Promise<void>((resolve) => {
          let settled = false;
          const settle = (ok: boolean) => {
            if (settled) return;
            settled = true;
            if (ok) connected++;
            else failed++;
            resolve();
          };
          const timer = setTimeout(() => settle(false), m.connectTimeoutMs);
          connect(subscriber, {
            connected: () => {
              clearTimeout(timer);
              settle(true);
            },
            closed: (what) => {
              clearTimeout(timer);
              if (settled) {
                totals.closed++;
                changed();
              }
              settle(false);
              if (totals.closed <= 5) noteError(what);
            },
          });
        }),
    );
    await Promise.all(waits);
  }
  return { connected, failed };
}

/** Subscribers on graphql-ws's `createClient` over `ws`, each subscribed to `query` (openInBatches). */
export function openSubscribers(m: OpenMessage, subscribers: Subscriber[]): Promise<{ connected: number; failed: number }> {
  return openInBatches(m, subscribers, (subscriber, outcome) => {
    const client = createClient({
      url: m.url,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: subscriber.connectionParams ?? {},
      on: {
        connected: () => outcome.connected(),
        closed: (event) => outcome.closed(`closed ${(event as { code?: number }).code ?? ''} ${(event as { reason?: string }).reason ?? ''}`),
        error: () => undefined,
      },
    });
    clients.push(client);
    client.subscribe(
      { query: m.query, variables: subscriber.variables },
      {
        next: (result) => {
          const t = now();
          if (result.errors?.length) noteError(`errors: ${JSON.stringify(result.errors)}`);
          totals.sample ??= JSON.stringify(result).slice(0, 500);
          subscriber.onData(result.data, t);
        },
        error: (error) => noteError(`subscription error: ${JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}))}`),
        complete: () => undefined,
      },
    );
  });
}

const ERRORS = Buffer.from('"errors"');

/** Subscribers on lean-ws.ts's bare-socket client (openInBatches): each `next` message's bytes, unparsed. */
export function openLeanSubscribers(m: OpenMessage, subscribers: LeanSubscriberSpec[]): Promise<{ connected: number; failed: number }> {
  return openInBatches(m, subscribers, (subscriber, outcome) => {
    const client = new LeanSubscriber({
      url: m.url,
      query: m.query,
      variables: subscriber.variables,
      connectionParams: subscriber.connectionParams,
      onNext: (message, t) => {
        totals.sample ??= message.toString('utf8', 0, 500);
        if (message.includes(ERRORS)) noteError(`errors: ${message.toString('utf8', 0, 300)}`);
        subscriber.onNext(message, t);
      },
      onConnected: () => outcome.connected(),
      // An `error` or `complete` message leaves the connection open: noted, not a close.
      onProblem: (what, closed) => (closed ? outcome.closed(what) : noteError(what)),
    });
    leanClients.push(client);
    client.open();
  });
}

/**
 * The process's IPC loop: 'open' → `open(message)` then { type: 'opened', connected, failed } (and
 * progress reports every `progressEveryMs` while something changes: `progress()` + errors, closed);
 * 'collect' → { type: 'results', ...results(), errors, closed, errorSamples, sample }; 'close' →
 * disposes the connections and exits. Exits when the parent goes away too.
 */
export function serveParent<O extends OpenMessage>(handlers: {
  open(message: O): Promise<{ connected: number; failed: number }>;
  progress(): object;
  results(): object;
  progressEveryMs: number;
}) {
  const send = (message: unknown) => {
    if (process.connected) process.send!(message);
  };
  let progressTimer: NodeJS.Timeout | undefined;
  const open = async (m: O) => {
    const opened = await handlers.open(m);
    send({ type: 'opened', ...opened });
    progressTimer ??= setInterval(() => {
      if (!dirty) return;
      dirty = false;
      send({ type: 'progress', ...handlers.progress(), errors: totals.errors, closed: totals.closed });
    }, handlers.progressEveryMs);
  };
  const close = async () => {
    clearInterval(progressTimer);
    const timer = setTimeout(() => process.exit(0), 3_000);
    timer.unref();
    for (const c of leanClients) c.close();
    await Promise.allSettled(clients.map((c) => c.dispose()));
    process.exit(0);
  };
  process.on('message', (m: { type: string }) => {
    if (m.type === 'open') void open(m as O);
    else if (m.type === 'collect') send({ type: 'results', ...handlers.results(), ...totals });
    else if (m.type === 'close') void close();
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'hello' });
}
