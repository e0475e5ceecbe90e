// A load process for the HTTP benches (bench/edge, bench/read-path): `connections` loops POSTing one operation for `seconds`,
// reporting the count, the errors and the latencies. Separate from the platform's processes so its
// CPU shows as its own.
import { Agent, request } from 'node:http';

export interface LoadMessage {
  type: 'load';
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Per connection (connection i takes entry i mod length), over `headers`: each its own viewer. */
  connectionHeaders?: Record<string, string>[];
  connections: number;
  seconds: number;
  /**
   * Open loop: this many requests per second, each sent at its scheduled time whatever the earlier
   * ones are doing (on as many keep-alive sockets as are busy), its latency counted from that time, so a
   * slow answer is not hidden by the requests it held back. Without it, closed loop: `connections`
   * loops each waiting for its answer before the next request.
   */
  rate?: number;
}

export interface LoadResult {
  type: 'result';
  requests: number;
  errors: number;
  firstError?: string;
  latenciesMs: number[];
  seconds: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });

function post(url: URL, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function runAtRate(m: LoadMessage, rate: number): Promise<LoadResult> {
  const url = new URL(m.url);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const total = Math.max(1, Math.round(rate * m.seconds));
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const headers = m.connectionHeaders?.length ? { ...m.headers, ...m.connectionHeaders[i % m.connectionHeaders.length] } : m.headers;
    inFlight.push(
      post(url, m.body, headers).then(
        ({ status, text }) => {
          if (status !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${status} ${text.slice(0, 300)}`;
          } else latencies.push(performance.now() - due);
        },
        (error: Error) => {
          errors++;
          firstError ??= error.message;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  return { type: 'result', requests: latencies.length, errors, firstError, latenciesMs: latencies, seconds: (performance.now() - started) / 1000 };
}

async function run(m: LoadMessage): Promise<LoadResult> {
  if (m.rate) return runAtRate(m, m.rate);
  const url = new URL(m.url);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + m.seconds * 1000;
  await Promise.all(
    Array.from({ length: m.connections }, async (_, i) => {
      const headers = m.connectionHeaders?.length ? { ...m.headers, ...m.connectionHeaders[i % m.connectionHeaders.length] } : m.headers;
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const { status, text } = await post(url, m.body, headers);
          if (status !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${status} ${text.slice(0, 300)}`;
          } else latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  return { type: 'result', requests: latencies.length, errors, firstError, latenciesMs: latencies, seconds: (performance.now() - started) / 1000 };
}

process.on('message', (m: LoadMessage) => {
  if (m.type !== 'load') return;
  void run(m).then((result) => process.send?.(result));
});
process.send?.({ type: 'ready' });
