// The platform under test in child processes: its environment, the services (`launcher/service.ts
// <name>`), the other subgraphs in one process (subgraphs.ts), readiness, GraphQL over HTTP, /metrics,
// the services' error-level logs, and the subscriber client processes (see ws-clients.ts). Every child
// is stopped at cleanup (lifecycle.ts) and killed if this process exits first.
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { postToSubgraph } from '../../gateway/subgraph-http.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';
import { log, ROOT, waitFor } from './common.js';
import { isShuttingDown, onCleanup } from './lifecycle.js';

import type { LoadMessage, LoadResult } from './http-load.js';

const LIB = fileURLToPath(new URL('./', import.meta.url));

export const SECRETS = {
  JWT_SECRET: 'bench-jwt-secret-0123456789abcdefghijklmnop',
  INTERNAL_SECRET: 'bench-internal-secret-0123456789abcdefghijkl',
  // In production /metrics is served only with a token (or on METRICS_PORT); scrapeMetric sends it.
  METRICS_TOKEN: 'bench-metrics-token-0123456789',
};

/**
 * Environment of a service under test: production mode, warn-level logs, the bench's secrets, the
 * database and Redis, every subgraph on a free port (`*_PORT=0`), then `extra`.
 */
export function serviceEnv(databaseUrl: string, redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG']) if (process.env[k]) env[k] = process.env[k]!;
  return {
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    ...SECRETS,
    APOLLO_TELEMETRY_DISABLED: 'true',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_PORT`, '0'])),
    // The benches drive thousands of operations from one viewer and one address: the limiters
    // still run on every request (their cost is measured), they just never refuse.
    GATEWAY_RATE_LIMIT_POINTS: '1000000000',
    REGISTRATIONS_PER_ADDRESS_PER_HOUR: '1000000',
    ...extra,
  };
}

/** `<NAME>_URL` for each subgraph: where the gateway finds them. */
export const subgraphUrlsEnv = (urls: Record<string, string>) => Object.fromEntries(Object.entries(urls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));

/** Node options that write a CPU profile into `dir` (none without a dir). */
export const cpuProfArgs = (dir: string | undefined, name?: string) =>
  dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(name ? [`--cpu-prof-name=${name}.cpuprofile`] : [])] : [];

// ---------------------------------------------------------------- child processes
const children = new Set<ChildProcess>();
let tracking = false;

/** Stops the child at cleanup (SIGKILL if this process exits first); logs an unexpected exit. */
export function track(child: ChildProcess, name: string): ChildProcess {
  if (!tracking) {
    tracking = true;
    onCleanup(() => Promise.allSettled([...children].map((c) => stopChild(c))));
    process.on('exit', () => {
      for (const c of children) c.kill('SIGKILL');
    });
  }
  children.add(child);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!isShuttingDown() && code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGKILL') log(`${name} exited (${code ?? signal})`);
  });
  return child;
}

/** Asks the child to stop ('stop' over IPC, SIGTERM); SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 8_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  if (child.connected) child.send({ type: 'stop' }, () => undefined);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Resolves with the first IPC message of `type` from the child; rejects after `timeoutMs` or when the child exits. */
export function nextMessage<M extends { type: string }>(child: ChildProcess, type: string, timeoutMs: number, what: string): Promise<M> {
  return new Promise<M>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: { type?: string }) => {
      if (m?.type !== type) return;
      done();
      resolve(m as M);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${what}: the process exited (${code})`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: nothing within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- HTTP
export interface GqlBody<T = unknown> {
  data?: T | null;
  errors?: { message: string; path?: unknown; extensions?: { code?: string } }[];
}

export async function postGraphQL<T = unknown>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<GqlBody<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return (await response.json()) as GqlBody<T>;
}

/**
 * postGraphQL over keep-alive connections of its own, at most `connections` at once (more requests
 * wait for one): as that many players, each on one connection, would send. fetch opens a new
 * connection whenever every open one is busy, so an overloaded gateway met a growing crowd of
 * connects (its accept queue overflowed: connect timeouts and resets) rather than queued requests.
 */
export function keepAlivePoster(connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return async <T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, timeoutMs = 60_000): Promise<GqlBody<T>> => {
    const response = await postToSubgraph(url, { 'content-type': 'application/json', ...headers }, JSON.stringify({ query, variables }), AbortSignal.timeout(timeoutMs), agent);
    const text = await response.text();
    try {
      return JSON.parse(text) as GqlBody<T>;
    } catch {
      throw new Error(`HTTP ${response.status}: not JSON: ${text.slice(0, 200)}`);
    }
  };
}

/** Waits until `{ __typename }` at `url` answers with data. */
export async function waitGraphQL(url: string, timeoutMs: number, what = `${url} to answer`) {
  await waitFor(what, timeoutMs, async () => ((await postGraphQL(url, '{ __typename }', {}, {}, 10_000)).data ? true : undefined), 500);
}

/** Sum of a Prometheus metric's samples at a /metrics URL: every label set, or those carrying all of `labels`. */
export async function scrapeMetric(metricsUrl: string, metric: string, labels: Record<string, string> = {}): Promise<number> {
  const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(10_000), headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } });
  if (!response.ok) throw new Error(`${metricsUrl}: HTTP ${response.status}`);
  const text = await response.text();
  const wanted = Object.entries(labels).map(([name, value]) => `${name}="${value}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    const labelText = line.startsWith(`${metric}{`) ? line.slice(metric.length + 1, line.lastIndexOf('}')) : '';
    if (wanted.every((pair) => labelText.split(',').includes(pair))) sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

export const metricsUrlOf = (graphqlUrl: string) => graphqlUrl.replace('/graphql', '/metrics');

// ---------------------------------------------------------------- the services' logs
/** Markdown inline code for any text (a double-backtick span when the text holds backticks). */
export const inlineCode = (text: string) => (text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``);

/**
 * The services' stdout (pino JSON), forwarded to this process's stderr (stdout stays for the results),
 * with the error-level lines counted by message (`<logger name>: <msg>: <err.message>`).
 */
export class ServiceLogs {
  readonly errors = new Map<string, { count: number; first: number; last: number }>();
  /** URL → name, appended to URLs in messages (`http://…/graphql (achievements)`). */
  private names: [string, string][] = [];

  nameUrls(urls: Record<string, string>) {
    this.names.push(...Object.entries(urls).map(([name, url]): [string, string] => [url, name]));
  }

  collect(child: ChildProcess) {
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        process.stderr.write(`${line.slice(0, 400)}\n`);
        this.note(line);
      }
    });
  }

  private note(line: string) {
    let entry: { level?: number; time?: number; name?: string; msg?: string; err?: { message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return; // not JSON
    }
    if ((entry.level ?? 0) < 50) return;
    let text = `${entry.name ?? '?'}: ${entry.msg ?? ''}${entry.err?.message ? `: ${entry.err.message}` : ''}`;
    for (const [url, name] of this.names) text = text.replaceAll(url, `${url} (${name})`);
    const seen = this.errors.get(text) ?? { count: 0, first: entry.time ?? Date.now(), last: 0 };
    seen.count++;
    seen.last = entry.time ?? Date.now();
    this.errors.set(text, seen);
  }

  /** One note line per distinct error: `- Logged by the services at error level: N × \`…\` (first–last UTC)`, its first 300 characters on one line. */
  notes(): string[] {
    const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);
    return [...this.errors].map(([text, seen]) => `- Logged by the services at error level: ${seen.count} × ${inlineCode(text.slice(0, 300).replace(/\s+/g, ' ').trim())} (${time(seen.first)}–${time(seen.last)} UTC)`);
  }
}

interface StartOptions {
  env: Record<string, string>;
  /** Node options before the script (a CPU profile, say). */
  execArgv?: string[];
  /** Where the child's stdout goes: collected by `logs`, or this process's stdout. */
  logs?: ServiceLogs;
  /** How long it may take to be ready. */
  timeoutMs?: number;
  /** The checkout whose bundle runs (default this one): another worktree measures another commit side by side. */
  root?: string;
  /** The gateway only: NODE_OPTIONS instead of docker-compose.yml's (to measure another tuning). */
  gatewayNodeOptions?: string;
  /** The gateway only: node flags instead of docker-compose.yml's default (none). */
  gatewayNodeArgs?: string[];
}

function stdoutOf(child: ChildProcess, logs: ServiceLogs | undefined) {
  if (logs) logs.collect(child);
  return child;
}

const built = new Set<string>();
/** `npm run build` once per bench run and checkout, so the bundle the services run is the sources being measured. */
function buildOnce(root: string) {
  if (built.has(root)) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  built.add(root);
}

/**
 * `launcher/service.ts <name>` (the gateway or one subgraph) in its own process, run as deployed:
 * the production bundle (`npm run build`, dist/launcher/service.js), as the Dockerfile runs it.
 */
export function spawnService(name: string, options: StartOptions): ChildProcess {
  const root = options.root ?? ROOT;
  buildOnce(root);
  const child = spawn(process.execPath, [...(options.execArgv ?? []), 'dist/launcher/service.js', name], {
    cwd: root,
    env: options.env,
    stdio: ['ignore', options.logs ? 'pipe' : 'inherit', 'inherit'],
  });
  return stdoutOf(track(child, name), options.logs);
}

/**
 * The gateway service's process tuning in docker-compose.yml (keep in step): its environment and
 * node flags. The default is tuned for throughput; GATEWAY_MEMORY_PROFILE_ARGS is the documented
 * memory profile (`GATEWAY_NODE_FLAGS` in docker-compose.yml) for a gateway that mostly holds idle
 * websockets (docs/decisions.md "The gateway runs for throughput; memory is a profile").
 */
export const GATEWAY_PROCESS_ENV = { NODE_OPTIONS: '', MALLOC_ARENA_MAX: '2' };
export const GATEWAY_NODE_ARGS: string[] = [];
export const GATEWAY_MEMORY_PROFILE_ARGS = ['--optimize-for-size', '--max-semi-space-size=1'];

/**
 * The gateway tuning a bench run was asked for on its command line (a tuning experiment):
 * `--gateway-node-options "<NODE_OPTIONS>"` (or `=<NODE_OPTIONS>`) instead of docker-compose.yml's, and
 * `--gateway-node-args a,b` (`none` for none) instead of its node flags (default none;
 * `--gateway-node-args memory` for GATEWAY_MEMORY_PROFILE_ARGS).
 */
export function gatewayTuningFromArgv(argv = process.argv): Pick<StartOptions, 'gatewayNodeOptions' | 'gatewayNodeArgs'> {
  // `--name value` (the value taken as it is, even when it starts with `--`) or `--name=value`.
  const value = (name: string) => {
    const joined = argv.find((a) => a.startsWith(`--${name}=`));
    if (joined !== undefined) return joined.slice(name.length + 3);
    const at = argv.indexOf(`--${name}`);
    return at < 0 ? undefined : (argv[at + 1] ?? '');
  };
  const nodeOptions = value('gateway-node-options');
  const nodeArgs = value('gateway-node-args');
  return {
    gatewayNodeOptions: nodeOptions,
    gatewayNodeArgs: nodeArgs === undefined ? undefined : nodeArgs === 'memory' ? GATEWAY_MEMORY_PROFILE_ARGS : nodeArgs.split(',').filter((a) => a && a !== 'none'),
  };
}

/** How a run's gateway was tuned, for its report: docker-compose.yml's unless the command line said otherwise. */
export function describeGatewayTuning(t: Pick<StartOptions, 'gatewayNodeOptions' | 'gatewayNodeArgs'>): string {
  const args = t.gatewayNodeArgs ?? GATEWAY_NODE_ARGS;
  const nodeOptions = t.gatewayNodeOptions ?? GATEWAY_PROCESS_ENV.NODE_OPTIONS;
  return `gateway node flags: ${args.join(' ') || 'none'}; NODE_OPTIONS: ${nodeOptions || 'none'}`;
}

const snapshots = new Map<string, string>();
/**
 * A copy of `<root>/schema/supergraph.graphql` taken once per run, which every gateway under test
 * serves: `npm run generate` rewriting the real file mid-run (another terminal, an editor) must not
 * change or break the gateways being measured (Hive Gateway exits on a half-written file).
 */
export function supergraphSnapshot(root = ROOT): string {
  let file = snapshots.get(root);
  if (!file) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-supergraph-'));
    file = path.join(dir, 'supergraph.graphql');
    copyFileSync(path.join(root, 'schema/supergraph.graphql'), file);
    snapshots.set(root, file);
    onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  }
  return file;
}

/** The platform gateway in its own process on a free port, answering; `urls` are the subgraphs'. */
export async function startGateway(urls: Record<string, string>, options: StartOptions): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // As docker-compose.yml runs it (the gateway service's NODE_OPTIONS).
  const processEnv = options.gatewayNodeOptions === undefined ? GATEWAY_PROCESS_ENV : { ...GATEWAY_PROCESS_ENV, NODE_OPTIONS: options.gatewayNodeOptions };
  const env = { SUPERGRAPH_PATH: supergraphSnapshot(options.root ?? ROOT), ...options.env, ...processEnv, GATEWAY_PORT: String(port), ...subgraphUrlsEnv(urls) };
  const child = spawnService('gateway', { ...options, env, execArgv: [...(options.gatewayNodeArgs ?? GATEWAY_NODE_ARGS), ...(options.execArgv ?? [])] });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitGraphQL(url, options.timeoutMs ?? 180_000, 'the gateway to answer');
  return { child, url };
}

/** subgraphs.ts: the named subgraphs (default all five) in one process on one runtime; their URLs once they listen. */
export async function startSubgraphs(options: StartOptions & { only?: string[] }): Promise<{ child: ChildProcess; urls: Record<string, string> }> {
  const child = fork(path.join(LIB, 'subgraphs.ts'), [], {
    cwd: ROOT,
    execArgv: [...(options.execArgv ?? []), '--import', 'tsx'],
    env: { ...options.env, DATA_DIR: 'memory://', ...(options.only ? { BENCH_SUBGRAPHS: options.only.join(',') } : {}) },
    stdio: ['ignore', options.logs ? 'pipe' : 'inherit', 'inherit', 'ipc'],
  });
  stdoutOf(track(child, 'subgraphs'), options.logs);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const ready = await nextMessage<{ type: 'ready'; urls: Record<string, string> }>(child, 'ready', timeoutMs, 'subgraphs starting');
  return { child, urls: ready.urls };
}

/**
 * Every subgraph in its own process from the production bundle, as docker-compose.yml deploys them
 * (so two subgraphs answering one event's entity fetches run in parallel, not in one event loop).
 * Started one after another: on 2 cores, five processes starting at once only slow each other.
 */
export async function startSubgraphProcesses(options: StartOptions): Promise<{ children: ChildProcess[]; urls: Record<string, string> }> {
  const children: ChildProcess[] = [];
  const urls: Record<string, string> = {};
  for (const { name } of SUBGRAPHS) {
    const port = await freePort();
    children.push(spawnService(name, { ...options, env: { ...options.env, DATA_DIR: 'memory://', [`${name.toUpperCase()}_PORT`]: String(port) } }));
    urls[name] = `http://127.0.0.1:${port}/graphql`;
    // Subgraphs answer GraphQL only with the gateway's signature; /readyz says the service is up.
    const readyz = `http://127.0.0.1:${port}/readyz`;
    await waitFor(`the ${name} subgraph to be ready`, options.timeoutMs ?? 180_000, async () => ((await fetch(readyz)).ok ? true : undefined), 250);
  }
  return { children, urls };
}

// ---------------------------------------------------------------- subscriber client processes (ws-clients.ts)
/**
 * A client process (a script built on ws-clients.ts) holding graphql-ws connections. Protocol:
 *   parent → { type: 'open', url, query, batch, connectTimeoutMs, … } (may come more than once) | { type: 'collect' } | { type: 'close' }
 *   child  → { type: 'hello' } | { type: 'opened', connected, failed } | { type: 'progress', errors, closed, … }
 *            | { type: 'results', errors, closed, errorSamples, sample, … }
 */
export class ClientProcess<Progress extends object, Results extends object> {
  /** The latest progress report (`{}` before the first). */
  progress: Partial<Progress> & { errors?: number; closed?: number } = {};

  private constructor(readonly child: ChildProcess) {
    child.on('message', (m: { type: string }) => {
      if (m.type === 'progress') this.progress = m as never;
    });
  }

  get pid() {
    return this.child.pid!;
  }

  /** Forks `script` and waits for its hello. */
  static async start<P extends object, R extends object>(script: string, name: string, env: Record<string, string>, timeoutMs = 60_000): Promise<ClientProcess<P, R>> {
    const child = track(fork(script, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), name);
    const client = new ClientProcess<P, R>(child);
    await nextMessage(child, 'hello', timeoutMs, `${name} starting`);
    return client;
  }

  /** Opens connections (what `message` describes) and waits until each has connected or failed. */
  async open(message: { url: string; query: string; batch: number; connectTimeoutMs: number } & Record<string, unknown>, timeoutMs: number) {
    const opened = nextMessage<{ type: 'opened'; connected: number; failed: number }>(this.child, 'opened', timeoutMs, 'subscribers connecting');
    this.child.send({ type: 'open', ...message });
    const { connected, failed } = await opened;
    return { connected, failed };
  }

  /** Every receive time and error the process noted. */
  async collect(timeoutMs = 30_000): Promise<Results & ClientTotals> {
    const results = nextMessage<Results & ClientTotals & { type: 'results' }>(this.child, 'results', timeoutMs, 'client results');
    this.child.send({ type: 'collect' });
    return results;
  }

  /** Closes the connections and stops the process. */
  async close(graceMs = 8_000) {
    if (this.child.connected) this.child.send({ type: 'close' }, () => undefined);
    await stopChild(this.child, graceMs);
  }
}

export interface ClientTotals {
  errors: number;
  /** Connections the server closed after they had connected. */
  closed: number;
  errorSamples: string[];
  /** One payload as received. */
  sample?: string;
}

// ---------------------------------------------------------------- HTTP load (bench/lib/http-load.ts)
/** A load process (http-load.ts), ready for runs: its CPU shows apart from the bench's. */
export async function startHttpLoad(): Promise<ChildProcess> {
  const child = track(fork(path.join(LIB, 'http-load.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), 'load');
  await nextMessage(child, 'ready', 30_000, 'the load process');
  return child;
}

/** One load run in that process. */
export function httpLoad(child: ChildProcess, m: Omit<LoadMessage, 'type'>): Promise<LoadResult> {
  const done = nextMessage<LoadResult>(child, 'result', (m.seconds + 60) * 1000, 'a load run');
  child.send({ type: 'load', ...m });
  return done;
}
