// Child process of run.ts: holds `count` graphql-ws connections (one subscription each) to a gateway
// and records when each event arrives (wall-clock ms: performance.timeOrigin + performance.now(), so
// the parent's publish times are comparable). Talks to the parent over IPC:
//   parent → { type: 'open', url, query, variables, count, batch } | { type: 'collect' } | { type: 'close' }
//   child  → { type: 'opened', connected, failed } | { type: 'progress', warm, measured, closed, errors }
//            | { type: 'results', times: Record<eventName, number[]>, closed, errors, errorSamples }
// Warm-up events are named `w…` (only "has this subscriber seen one" is kept); measured events any
// other name (every receive time is kept). Exits on 'close' or when the parent goes away.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

interface OpenMessage {
  type: 'open';
  url: string;
  query: string;
  variables: Record<string, unknown>;
  count: number;
  batch: number;
  connectTimeoutMs: number;
}

const now = () => performance.timeOrigin + performance.now();
const clients: Client[] = [];
const times = new Map<string, number[]>();
const warmed = new Set<number>();
let measured = 0;
let closed = 0;
let errors = 0;
const errorSamples: string[] = [];
let sample: string | undefined;
let progressTimer: NodeJS.Timeout | undefined;
let dirty = false;

const send = (message: unknown) => {
  if (process.connected) process.send!(message);
};

function noteError(what: string) {
  errors++;
  if (errorSamples.length < 5) errorSamples.push(what);
  dirty = true;
}

async function open(m: OpenMessage) {
  let connected = 0;
  let failed = 0;
  for (let start = 0; start < m.count; start += m.batch) {
    const end = Math.min(m.count, start + m.batch);
    const waits: Promise<void>[] = [];
    for (let index = start; index < end; index++) {
      waits.push(
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
            connectionParams: {},
            on: {
              connected: () => {
                clearTimeout(timer);
                settle(true);
              },
              closed: (event) => {
                clearTimeout(timer);
                if (settled) {
                  closed++;
                  dirty = true;
                }
                settle(false);
                if (closed <= 5) noteError(`closed ${(event as { code?: number }).code ?? ''} ${(event as { reason?: string }).reason ?? ''}`);
              },
              error: () => undefined,
            },
          });
          clients.push(client);
          client.subscribe(
            { query: m.query, variables: m.variables },
            {
              next: (result) => {
                const t = now();
                const payload = result.data as { profileUpdated?: { displayName?: string } } | null | undefined;
                const name = payload?.profileUpdated?.displayName;
                if (result.errors?.length) noteError(`errors: ${JSON.stringify(result.errors).slice(0, 300)}`);
                sample ??= JSON.stringify(result).slice(0, 500);
                if (!name) return;
                if (name.startsWith('w')) {
                  warmed.add(index);
                } else {
                  let list = times.get(name);
                  if (!list) times.set(name, (list = []));
                  list.push(t);
                  measured++;
                }
                dirty = true;
              },
              error: (error) => noteError(`subscription error: ${JSON.stringify(error, Object.getOwnPropertyNames(error ?? {})).slice(0, 300)}`),
              complete: () => undefined,
            },
          );
        }),
      );
    }
    await Promise.all(waits);
  }
  send({ type: 'opened', connected, failed });
  progressTimer = setInterval(() => {
    if (!dirty) return;
    dirty = false;
    send({ type: 'progress', warm: warmed.size, measured, closed, errors });
  }, 100);
}

async function close() {
  clearInterval(progressTimer);
  const timer = setTimeout(() => process.exit(0), 3_000);
  timer.unref();
  await Promise.allSettled(clients.map((c) => c.dispose()));
  process.exit(0);
}

process.on('message', (m: { type: string }) => {
  if (m.type === 'open') void open(m as OpenMessage);
  else if (m.type === 'collect') send({ type: 'results', times: Object.fromEntries(times), closed, errors, errorSamples, sample });
  else if (m.type === 'close') void close();
});
process.on('disconnect', () => process.exit(0));
send({ type: 'hello' });
