// Inside a subscriber client process (the parent side is ClientProcess in processes.ts): graphql-ws
// connections, one subscription each, the errors and closes they meet, and the IPC with the parent.
// Receive times are wall-clock ms (performance.timeOrigin + performance.now()), comparable with the
// parent's. A benchmark's client.ts says what each subscriber subscribes with and what it keeps of
// each payload; serveParent does the rest.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export const now = () => performance.timeOrigin + performance.now();

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
}

const clients: Client[] = [];
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
 * Opens one connection per subscriber, `batch` at a time, each subscribed to `query`; resolves when
 * each has connected or failed (`connectTimeoutMs`). A close after connecting counts in `closed`; the
 * first five closes are noted as errors (with a failure to connect, always).
 */
export async function openSubscribers(m: OpenMessage, subscribers: Subscriber[]): Promise<{ connected: number; failed: number }> {
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
          const client = createClient({
            url: m.url,
            webSocketImpl: WebSocket,
            lazy: false,
            retryAttempts: 0,
            connectionParams: subscriber.connectionParams ?? {},
            on: {
              connected: () => {
                clearTimeout(timer);
                settle(true);
              },
              closed: (event) => {
                clearTimeout(timer);
                if (settled) {
                  totals.closed++;
                  changed();
                }
                settle(false);
                if (totals.closed <= 5) noteError(`closed ${(event as { code?: number }).code ?? ''} ${(event as { reason?: string }).reason ?? ''}`);
              },
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
        }),
    );
    await Promise.all(waits);
  }
  return { connected, failed };
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
