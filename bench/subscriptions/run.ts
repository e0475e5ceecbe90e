// Subscription benchmark: the platform gateway's subscription engine vs Hive Gateway on the same subgraphs.
//
//   node --import tsx bench/subscriptions/run.ts [--subscribers 1,100,1000,10000] [--events 20]
//        [--interval 200] [--burst-events 20] [--burst-interval 20] [--clients <cores>]
//        [--hive-subscribers 1,100,1000] [--no-hive] [--memory-profile-subscribers 10000|none] [--no-write]
//        [--gateway-node-args a,b|none|memory] [--gateway-node-options "<NODE_OPTIONS>"]
//
// Processes (all on this machine, traffic on 127.0.0.1 only):
//   - the five subgraphs, each in its own process (`dist/launcher/service.js <name>`, the production
//     bundle), on a fresh PostgreSQL database (created here, dropped at the end) and the local Redis;
//   - the platform gateway (`dist/launcher/service.js gateway`, the production bundle) in its own process, so its RSS is its own;
//   - Hive Gateway (`hive-gateway supergraph schema/supergraph.graphql -c hive-gateway.config.ts`);
//   - per scenario, --clients client.ts processes holding the subscribers' graphql-ws connections
//     (default: one per core; more only time-slice the cores the gateway needs too, and their
//     scheduling delays show up as latency: at 1,000 subscribers on 2 cores, 4 processes measured
//     a p95 ≈ 10–20 ms higher than 2, with the same gateway).
// A player is registered; every subscriber subscribes to `profileUpdated(userId)` selecting fields of
// three subgraphs; events are `updateProfile` mutations sent straight to the users subgraph (so the
// publisher loads neither gateway), each with a unique displayName the clients key receive times by.
//
// Per scenario: connect → warm up (publish until every subscriber has had one event) → idle RSS →
// three unmeasured events (the RSS reading idled every process for 15 s) → latency phase (--events events, --interval ms apart but at least N/10 ms: see intervalFor) → burst phase
// (--burst-events events --burst-interval ms apart: deliveries/s) → disconnect.
// Every wait is bounded; the script stops by itself and kills what it started, also on errors and signals.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { ANONYMOUS, ViewerSigner, VIEWER_HEADER } from '../../platform/auth.js';
import { liveChannel } from '../../platform/live.js';
import { registerPlayer } from '../../test/support/platform.js';
import { f0, f1, f2, f3, flag, list, log, machineDescription, now, option, percentile, publishSection, resultsSection, ROOT, sleep, waitFor } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';
import { rssMb } from '../lib/proc.js';
import {
  ClientProcess,
  type ClientTotals,
  cpuProfArgs,
  freePort,
  metricsUrlOf,
  postGraphQL,
  scrapeMetric,
  SECRETS,
  serviceEnv,
  describeGatewayTuning,
  GATEWAY_MEMORY_PROFILE_ARGS,
  gatewayTuningFromArgv,
  startGateway,
  supergraphSnapshot,
  stopChild,
  startSubgraphProcesses,
  track,
  waitGraphQL,
} from '../lib/processes.js';

const HERE = fileURLToPath(new URL('./', import.meta.url));

// ---------------------------------------------------------------- options

const SUBSCRIBERS = list(option('subscribers', '1,100,1000,10000'));
const HIVE_SUBSCRIBERS = flag('no-hive') ? [] : list(option('hive-subscribers', '1,100,1000'));
const EVENTS = Math.min(500, Number(option('events', '20')));
const INTERVAL_MS = Number(option('interval', '200'));
const BURST_EVENTS = Math.min(500, Number(option('burst-events', '20')));
const BURST_INTERVAL_MS = Number(option('burst-interval', '20'));
const CLIENT_PROCESSES = Math.max(1, Number(option('clients', String(availableParallelism()))));
const WRITE = !flag('no-write');
/** `--gateway-node-args`, `--gateway-node-options`: another process tuning for the gateway (its own section in RESULTS.md). */
const GATEWAY_TUNING = gatewayTuningFromArgv();
const TUNED = GATEWAY_TUNING.gatewayNodeArgs !== undefined || GATEWAY_TUNING.gatewayNodeOptions !== undefined;
/** Scenarios run again on a gateway started with the memory profile (GATEWAY_MEMORY_PROFILE_ARGS); `none` for none. */
const MEMORY_PROFILE_SUBSCRIBERS = TUNED ? [] : list(option('memory-profile-subscribers', '10000'));
const MEMORY_PROFILE_LABEL = 'platform gateway, memory profile';
/** Hard ceiling for the whole run. */
const RUN_DEADLINE = Date.now() + Number(option('max-minutes', '25')) * 60_000;

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DB = throwawayDatabase('bench_subs');
const ENV = serviceEnv(DB.url, REDIS_URL);

const SUBSCRIPTION = `subscription Bench($id: ID!) {
  profileUpdated(userId: $id) { id displayName achievementPoints guild { name } }
}`;
const UPDATE_PROFILE = `mutation Publish($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id } } }`;

// ---------------------------------------------------------------- gateways under test
interface Gateway {
  name: 'platform' | 'hive';
  label: string;
  url: string;
  wsUrl: string;
  pid: number;
  metricsUrl?: string;
}

async function startPlatformGateway(urls: Record<string, string>, memoryProfile = false): Promise<Gateway & { child: ChildProcess }> {
  const tuning = memoryProfile ? { gatewayNodeArgs: GATEWAY_MEMORY_PROFILE_ARGS } : GATEWAY_TUNING;
  const { child, url } = await startGateway(urls, { env: ENV, execArgv: cpuProfArgs(process.env.BENCH_GATEWAY_CPU_PROF), timeoutMs: 120_000, ...tuning });
  const label = memoryProfile ? MEMORY_PROFILE_LABEL : 'platform gateway';
  await sleep(2_000);
  gatewayStartRssMb.set(label, rssMb(child.pid!));
  log(`${label} up at ${url} (pid ${child.pid}, RSS ${f1(gatewayStartRssMb.get(label))} MB)`);
  return { name: 'platform', label, url, wsUrl: url.replace(/^http/, 'ws'), pid: child.pid!, metricsUrl: metricsUrlOf(url), child };
}

async function startHiveGateway(urls: Record<string, string>): Promise<Gateway> {
  const port = await freePort();
  const bin = path.join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  if (!existsSync(bin)) throw new Error(`${bin} not found: npm install -D @graphql-hive/gateway`);
  const token = await new ViewerSigner(SECRETS.INTERNAL_SECRET, 6 * 3600).sign(ANONYMOUS);
  const child = track(
    spawn(
      process.execPath,
      [bin, 'supergraph', supergraphSnapshot(), '-c', path.join(HERE, 'hive-gateway.config.ts'), '--host', '127.0.0.1', '--port', String(port), '--fork', '1'],
      {
        cwd: ROOT,
        env: { ...ENV, BENCH_VIEWER_TOKEN: token, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    ),
    'hive gateway',
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitGraphQL(url, 120_000);
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@graphql-hive/gateway/package.json'), 'utf8')) as { version: string }).version;
  return { name: 'hive', label: `Hive Gateway ${version}`, url, wsUrl: url.replace(/^http/, 'ws'), pid: child.pid! };
}

// ---------------------------------------------------------------- one scenario
/** A client process (client.ts) and how many subscribers it holds. */
type Client = ClientProcess<{ warm: number; measured: number }, { times: Record<string, number[]> }>;

/** Client figures (ClientTotals) summed over the scenario's client processes. */
interface ScenarioResult extends ClientTotals {
  gateway: string;
  subscribers: number;
  connected: number;
  connectSeconds: number;
  warmed: number;
  rssBeforeMb: number;
  /** 3 s after the warm-up's last event. */
  rssAfterEventsMb: number;
  /** Settled: SETTLE_MS after the warm-up's last event (V8's memory reducer starts after ~8 s without allocation). */
  rssIdleMb: number;
  /** V8 heap in use (prom-client default metric of the platform gateway), idle after warm-up. */
  heapUsedMb?: number;
  upstreams?: number;
  latency: PhaseResult;
  burst?: PhaseResult;
  /** Every measured delivery (both phases) ÷ (last receive − first latency-phase publish). */
  overallDeliveriesPerSecond: number;
  entityFetchesPerEvent: Record<string, number>;
  /** Median round trip of the publishing mutation (users subgraph write + Redis publish). */
  publishP50Ms: number;
  /** Our gateway's own histogram: mean time from an event reaching the gateway to its send, latency phase. */
  gatewayInternalMeanMs?: number;
}

interface PhaseResult {
  events: number;
  intervalMs: number;
  expected: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  deliveriesPerSecond: number;
  /** Receive time − when the mutation returned (its Redis PUBLISH done): the path subgraph → gateway → client. */
  fromPublishedP50: number;
  fromPublishedP95: number;
  /** From the event's PUBLISH on Redis (publishedOnBus): the target's "publish → receive". */
  fromBusP50: number;
  fromBusP95: number;
  /** Deliveries whose publish time is known (all of the latency phase's, normally). */
  fromBusCount: number;
}

/** Round trips of the publishing mutations (issue → response), to tell subgraph time from gateway time. */
const publishDurations: number[] = [];

/** How long after the warm-up's last event the idle RSS is read. */
const SETTLE_MS = 15_000;

/** Far enough apart that one event's fan-out does not overlap the next (latency of one event). */
const intervalFor = (n: number) => Math.max(INTERVAL_MS, Math.ceil(n / 10));

/** When each event's mutation returned: the users subgraph has written the row and done the Redis PUBLISH. */
const publishedDone = new Map<string, number>();
/**
 * When each event was published: the moment its message reached this process's own subscription to
 * the stream's Redis channel (the same moment the users subgraph's subscription hears it, ≈ 0.1 ms
 * after the PUBLISH). A message carries only the player's id, so it is matched to the only mutation
 * in flight; none is recorded while two overlap (the burst phase).
 */
const publishedOnBus = new Map<string, number>();
const inFlight = new Set<string>();

/** Listens on the stream's channel for publishedOnBus; returns a function that stops. */
async function watchBus(userId: string) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  await redis.subscribe(liveChannel('users', 'profileUpdated', userId));
  redis.on('message', () => {
    const at = now();
    if (inFlight.size !== 1) return;
    const [name] = inFlight;
    if (!publishedOnBus.has(name!)) publishedOnBus.set(name!, at);
  });
  return () => redis.quit().then(() => undefined);
}

async function publisher(usersUrl: string, userId: string) {
  const token = await new ViewerSigner(SECRETS.INTERNAL_SECRET, 6 * 3600).sign({ userId, role: 'PLAYER' });
  return async (displayName: string) => {
    inFlight.add(displayName);
    const started = now();
    const body = await postGraphQL(usersUrl, UPDATE_PROFILE, { input: { displayName } }, { [VIEWER_HEADER]: token }, 30_000);
    if (!body.data) throw new Error(`publish failed: ${JSON.stringify(body.errors)}`);
    const done = now();
    inFlight.delete(displayName);
    publishDurations.push(done - started);
    publishedDone.set(displayName, done);
  };
}

async function runScenario(
  gateway: Gateway,
  subscribers: number,
  publish: (name: string) => Promise<void>,
  userId: string,
  entityMetrics: Record<string, string>,
  tag: string,
): Promise<ScenarioResult> {
  const rssBeforeMb = rssMb(gateway.pid);
  const processes = Math.min(CLIENT_PROCESSES, subscribers);
  const handles: { client: Client; count: number }[] = [];
  const started = now();
  try {
    // Fork the client processes, then connect all of them (each opens its share in batches of 100).
    const counts = Array.from({ length: processes }, (_, i) => Math.floor(subscribers / processes) + (i < subscribers % processes ? 1 : 0));
    await Promise.all(
      counts.map(async (count, i) => handles.push({ client: await ClientProcess.start(path.join(HERE, 'client.ts'), `client ${i}`, ENV), count })),
    );
    const opened = await Promise.all(
      handles.map(({ client, count }) =>
        client.open({ url: gateway.wsUrl, query: SUBSCRIPTION, variables: { id: userId }, count, batch: 100, connectTimeoutMs: 30_000 }, 60_000 + subscribers * 20),
      ),
    );
    const connected = opened.reduce((s, o) => s + o.connected, 0);
    const connectSeconds = (now() - started) / 1000;
    log(`${gateway.label} ×${subscribers}: ${connected} connected in ${connectSeconds.toFixed(1)} s; warming up`);

    // Warm-up: publish until every subscriber has received one event (the subscription is live end to end).
    const warmDeadline = Date.now() + Math.min(120_000, 30_000 + subscribers * 10);
    let warmIndex = 0;
    const sum = (k: 'warm' | 'measured') => handles.reduce((s, h) => s + (h.client.progress[k] ?? 0), 0);
    while (sum('warm') < connected && Date.now() < warmDeadline) {
      // A subgraph swamped by per-subscriber upstream subscriptions (Hive) may time a publish out: keep going.
      await publish(`w${tag}${warmIndex++}`).catch((e) => log(`  warm-up publish failed: ${(e as Error).message}`));
      const until = Date.now() + Math.max(1_000, subscribers / 5);
      while (sum('warm') < connected && Date.now() < until) await sleep(50);
    }
    const warmed = sum('warm');
    if (warmed < connected) log(`  warm-up incomplete: ${warmed}/${connected} after ${warmIndex} events`);
    // Memory right after the events, then idle: once V8's memory reducer has run (it waits ~8 s
    // without allocation, then collects), which is where an idle gateway stays.
    await sleep(3_000);
    const rssAfterEventsMb = rssMb(gateway.pid);
    await sleep(SETTLE_MS - 3_000);
    const rssIdleMb = rssMb(gateway.pid);
    let upstreams: number | undefined;
    let heapUsedMb: number | undefined;
    if (gateway.metricsUrl) {
      upstreams = await scrapeMetric(gateway.metricsUrl, 'gateway_subscription_upstreams');
      heapUsedMb = (await scrapeMetric(gateway.metricsUrl, 'nodejs_heap_size_used_bytes')) / 2 ** 20;
    }
    // The idle RSS reading left every process idle for SETTLE_MS (V8 collected and may have dropped
    // compiled code): a few unmeasured events first, so the latency phase measures events 200 ms
    // apart, not the first one after the bench's own pause (measured: ≈ 2× slower than the rest).
    // The last one as far before the first measured event as the measured events are apart.
    for (let i = 0; i < 3; i++) {
      await publish(`w${tag}r${i}`).catch((e) => log(`  re-warm publish failed: ${(e as Error).message}`));
      await sleep(intervalFor(subscribers));
    }

    const fetchesBefore = Object.fromEntries(
      await Promise.all(Object.entries(entityMetrics).map(async ([name, url]) => [name, await scrapeMetric(url, 'graphql_operations_total')] as const)),
    );
    const publishedAt = new Map<string, number>();
    const runPhase = async (prefix: string, events: number, intervalMs: number, drainMs: number) => {
      const before = sum('measured');
      const start = now();
      const sends: Promise<void>[] = [];
      for (let i = 0; i < events; i++) {
        const due = start + i * intervalMs;
        const wait = due - now();
        if (wait > 0) await sleep(wait);
        const name = `${prefix}${i}`;
        publishedAt.set(name, now());
        sends.push(publish(name).catch((e) => log(`  publish ${name} failed: ${(e as Error).message}`)));
      }
      await Promise.all(sends);
      const expected = events * connected;
      const deadline = Date.now() + drainMs;
      while (sum('measured') - before < expected && Date.now() < deadline) await sleep(50);
      await sleep(300); // progress reports are throttled to 100 ms
      return { events, intervalMs, expected };
    };
    const internalBefore = gateway.metricsUrl
      ? [await scrapeMetric(gateway.metricsUrl, 'gateway_subscription_delivery_seconds_sum'), await scrapeMetric(gateway.metricsUrl, 'gateway_subscription_delivery_seconds_count')]
      : undefined;
    publishDurations.length = 0;
    const latencyInterval = intervalFor(subscribers);
    const latencyPhase = await runPhase(`e${tag}-`, EVENTS, latencyInterval, 30_000);
    const publishMs = [...publishDurations].sort((a, b) => a - b);
    const internalAfter = gateway.metricsUrl
      ? [await scrapeMetric(gateway.metricsUrl, 'gateway_subscription_delivery_seconds_sum'), await scrapeMetric(gateway.metricsUrl, 'gateway_subscription_delivery_seconds_count')]
      : undefined;
    const gatewayInternalMeanMs =
      internalBefore && internalAfter && internalAfter[1]! > internalBefore[1]!
        ? ((internalAfter[0]! - internalBefore[0]!) / (internalAfter[1]! - internalBefore[1]!)) * 1000
        : undefined;
    await sleep(500);
    const fetchesAfter = Object.fromEntries(
      await Promise.all(Object.entries(entityMetrics).map(async ([name, url]) => [name, await scrapeMetric(url, 'graphql_operations_total')] as const)),
    );
    const entityFetchesPerEvent = Object.fromEntries(
      Object.keys(entityMetrics).map((name) => [name, (fetchesAfter[name]! - fetchesBefore[name]!) / EVENTS]),
    );
    const burstPhase = BURST_EVENTS > 0 ? await runPhase(`b${tag}-`, BURST_EVENTS, BURST_INTERVAL_MS, 60_000) : undefined;

    // Collect every receive time.
    const results = await Promise.all(handles.map((h) => h.client.collect()));
    const phaseStats = (prefix: string, phase: { events: number; intervalMs: number; expected: number }): PhaseResult => {
      const latencies: number[] = [];
      const fromPublished: number[] = [];
      const fromBus: number[] = [];
      let first = Infinity;
      let last = -Infinity;
      for (const r of results) {
        for (const [name, list] of Object.entries(r.times)) {
          if (!name.startsWith(prefix)) continue;
          const at = publishedAt.get(name)!;
          first = Math.min(first, at);
          const done = publishedDone.get(name) ?? at;
          const onBus = publishedOnBus.get(name);
          for (const t of list) {
            latencies.push(t - at);
            fromPublished.push(t - done);
            if (onBus !== undefined) fromBus.push(t - onBus);
            last = Math.max(last, t);
          }
        }
      }
      latencies.sort((a, b) => a - b);
      fromPublished.sort((a, b) => a - b);
      fromBus.sort((a, b) => a - b);
      // With one event's deliveries 1/events of the total, the p95 is set by the slowest few events:
      // log each event's first and last delivery (from the bus) to tell one slow event from a slow fan-out.
      if (process.env.BENCH_EVENT_SPREAD) {
        const spread = new Map<string, [number, number]>();
        for (const r of results) {
          for (const [name, list] of Object.entries(r.times)) {
            const onBus = publishedOnBus.get(name);
            if (!name.startsWith(prefix) || onBus === undefined) continue;
            const [lo, hi] = spread.get(name) ?? [Infinity, -Infinity];
            spread.set(name, [Math.min(lo, ...list.map((t) => t - onBus)), Math.max(hi, ...list.map((t) => t - onBus))]);
          }
        }
        log(`  ${prefix}: first/last delivery per event (ms from the bus): ${[...spread].map(([n, [lo, hi]]) => `${n.slice(prefix.length)} ${f1(lo)}/${f1(hi)}`).join(', ')}`);
      }
      return {
        fromBusP50: percentile(fromBus, 0.5),
        fromBusP95: percentile(fromBus, 0.95),
        fromBusCount: fromBus.length,
        fromPublishedP50: percentile(fromPublished, 0.5),
        fromPublishedP95: percentile(fromPublished, 0.95),
        ...phase,
        delivered: latencies.length,
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
        max: latencies.at(-1) ?? NaN,
        deliveriesPerSecond: latencies.length && last > first ? latencies.length / ((last - first) / 1000) : NaN,
      };
    };
    let firstPublish = Infinity;
    let lastReceive = -Infinity;
    let allDelivered = 0;
    for (const r of results) {
      for (const [name, list] of Object.entries(r.times)) {
        const at = publishedAt.get(name);
        if (at === undefined) continue;
        firstPublish = Math.min(firstPublish, at);
        allDelivered += list.length;
        for (const t of list) lastReceive = Math.max(lastReceive, t);
      }
    }
    return {
      overallDeliveriesPerSecond: allDelivered && lastReceive > firstPublish ? allDelivered / ((lastReceive - firstPublish) / 1000) : NaN,
      gateway: gateway.label,
      subscribers,
      connected,
      connectSeconds,
      warmed,
      rssBeforeMb,
      rssAfterEventsMb,
      rssIdleMb,
      heapUsedMb,
      upstreams,
      latency: phaseStats(`e${tag}-`, latencyPhase),
      burst: burstPhase ? phaseStats(`b${tag}-`, burstPhase) : undefined,
      entityFetchesPerEvent,
      errors: results.reduce((s, r) => s + r.errors, 0),
      closed: results.reduce((s, r) => s + r.closed, 0),
      errorSamples: results.flatMap((r) => r.errorSamples).slice(0, 5),
      sample: results.find((r) => r.sample)?.sample,
      publishP50Ms: percentile(publishMs, 0.5),
      gatewayInternalMeanMs,
    };
  } finally {
    await Promise.allSettled(handles.map((h) => h.client.close()));
    // Let the gateway tear the subscriptions down before the next scenario.
    if (gateway.metricsUrl) {
      await waitFor('subscriptions to end', 30_000, async () =>
        (await scrapeMetric(gateway.metricsUrl!, 'gateway_subscriptions_active')) === 0 ? true : undefined,
      ).catch((e) => log((e as Error).message));
    } else {
      await sleep(3_000);
    }
  }
}

/** RSS of each platform gateway (by label) right after it started and answered its first query. */
const gatewayStartRssMb = new Map<string, number>();

// ---------------------------------------------------------------- report
function table(results: ScenarioResult[], failures: string[]): string {
  const lines: string[] = [];
  lines.push(
    '| gateway | subscribers | connected / warmed | latency phase: events × interval | p50 / p95 ms publish (Redis) → receive | p50 / p95 / p99 / max ms (from mutation issue) | p50 / p95 ms from mutation response | delivered / expected | burst: deliveries/s (p95 ms), delivered/expected | both phases: deliveries/s | entity fetches per event (achievements / social) | upstream subs | RSS MB 3 s after the last event / idle (Δ per subscription KB) / heap used MB | client errors / closes | mutation round trip p50 ms | gateway arrival→send mean ms |',
    '| --- | ---: | --- | --- | --- | --- | --- | --- | ---: | --- | ---: | --- | --- | ---: | ---: |',
  );
  for (const r of results) {
    const l = r.latency;
    const perSubKb = r.subscribers > 0 ? ((r.rssIdleMb - r.rssBeforeMb) * 1024) / r.subscribers : NaN;
    lines.push(
      `| ${r.gateway} | ${f0(r.subscribers)} | ${f0(r.connected)} / ${f0(r.warmed)} | ${l.events} × ${l.intervalMs} ms | ${f1(l.fromBusP50)} / ${f1(l.fromBusP95)}${l.fromBusCount < l.delivered ? ` (${f0(l.fromBusCount)} of ${f0(l.delivered)})` : ''} | ${f1(l.p50)} / ${f1(l.p95)} / ${f1(l.p99)} / ${f1(l.max)} | ${f1(l.fromPublishedP50)} / ${f1(l.fromPublishedP95)} | ${f0(l.delivered)} / ${f0(l.expected)} | ${r.burst ? `${f0(r.burst.deliveriesPerSecond)} (${f1(r.burst.p95)}), ${f0(r.burst.delivered)}/${f0(r.burst.expected)}` : '—'} | ${f0(r.overallDeliveriesPerSecond)} | ${f2(r.entityFetchesPerEvent.achievements)} / ${f2(r.entityFetchesPerEvent.social)} | ${r.upstreams ?? '—'} | ${f1(r.rssAfterEventsMb)} / ${f1(r.rssIdleMb)} (${f1(perSubKb)}) / ${f1(r.heapUsedMb)} | ${r.errors} / ${r.closed} | ${f1(r.publishP50Ms)} | ${f1(r.gatewayInternalMeanMs)} |`,
    );
  }
  const ours = results.filter((r) => r.gateway === 'platform gateway');
  const memory = results.filter((r) => r.gateway === MEMORY_PROFILE_LABEL);
  const hive = results.filter((r) => r.gateway.startsWith('Hive'));
  const checks: string[] = [];
  const at = (n: number) => ours.find((r) => r.subscribers === n);
  const a = at(1_000);
  const met = (l: PhaseResult, limit: number) => (l.fromBusP95 <= limit && l.delivered === l.expected && l.fromBusCount === l.delivered ? 'MET' : 'NOT MET');
  if (a) checks.push(`- 1 event → 1,000 subscribers: p95 publish → receive ${f1(a.latency.fromBusP95)} ms (target ≤ 50 ms) ${met(a.latency, 50)}; from the publishing mutation's issue ${f1(a.latency.p95)} ms`);
  for (const b of [at(10_000), memory.find((r) => r.subscribers === 10_000)]) {
    if (!b) continue;
    const who = b.gateway === MEMORY_PROFILE_LABEL ? ` (memory profile: ${GATEWAY_MEMORY_PROFILE_ARGS.join(' ')})` : '';
    checks.push(`- 1 event → 10,000 subscribers${who}: p95 publish → receive ${f1(b.latency.fromBusP95)} ms (target ≤ 500 ms) ${met(b.latency, 500)}; from the publishing mutation's issue ${f1(b.latency.p95)} ms`);
    const perSub = ((b.rssIdleMb - b.rssBeforeMb) * 1024) / b.subscribers;
    const startRss = gatewayStartRssMb.get(b.gateway) ?? NaN;
    const fromStart = ((b.rssIdleMb - startRss) * 1024) / b.subscribers;
    checks.push(
      `- gateway RSS with 10,000 idle subscriptions${who}: ${f1(b.rssIdleMb)} MB ${SETTLE_MS / 1000} s after the last event (target ≤ 200 MB) ${b.rssIdleMb <= 200 ? 'MET' : 'NOT MET'}; ${f1(b.rssAfterEventsMb)} MB 3 s after it; V8 heap in use ${f1(b.heapUsedMb)} MB. ` +
        `The gateway alone, just started, idle: ${f1(startRss)} MB RSS. Per subscription: ${f1(fromStart)} KB (${f3(fromStart / 1024)} MB) over that; ${f1(perSub)} KB over its RSS just before this scenario (${f1(b.rssBeforeMb)} MB)`,
    );
  }
  const upstreamLine = ours
    .filter((r) => [1, 100, 1_000].includes(r.subscribers))
    .map((r) => `${f0(r.subscribers)}: ${f2(r.entityFetchesPerEvent.achievements)} + ${f2(r.entityFetchesPerEvent.social)}`)
    .join('; ');
  if (upstreamLine) checks.push(`- entity fetches per event (achievements + social) by subscribers — ${upstreamLine}`);
  for (const h of hive.filter((r) => r.subscribers >= 100)) {
    const o = ours.find((r) => r.subscribers === h.subscribers);
    if (o?.burst && h.burst) {
      const ratio = o.burst.deliveriesPerSecond / h.burst.deliveriesPerSecond;
      const overall = o.overallDeliveriesPerSecond / h.overallDeliveriesPerSecond;
      checks.push(
        `- ${f0(h.subscribers)} subscribers, deliveries/s platform ÷ Hive (goal ≥ 3×): burst ${f0(o.burst.deliveriesPerSecond)} vs ${f0(h.burst.deliveriesPerSecond)} = ${f2(ratio)}×; ` +
          `both phases ${f0(o.overallDeliveriesPerSecond)} vs ${f0(h.overallDeliveriesPerSecond)} = ${f2(overall)}×` +
          `${h.burst.delivered < h.burst.expected ? ` (Hive delivered ${f0(h.burst.delivered)}/${f0(h.burst.expected)} burst events within the drain limit, so it was saturated: its figure is a ceiling, the ratio a floor)` : ''}`,
      );
    }
  }
  for (const failure of failures) checks.push(`- FAILED: ${failure}`);
  return [...lines, '', ...checks].join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  const date = new Date();
  const machine = machineDescription();
  log(`machine: ${machine}`);
  await DB.create();

  const { urls } = await startSubgraphProcesses({ env: ENV, timeoutMs: 120_000 });
  log('subgraphs up:', Object.entries(urls).map(([n, u]) => `${n}=${u}`).join(' '));
  const platform = await startPlatformGateway(urls);
  let hive: Gateway | undefined;
  const failures: string[] = [];
  if (HIVE_SUBSCRIBERS.length) {
    try {
      hive = await startHiveGateway(urls);
      log(`Hive gateway up at ${hive.url} (pid ${hive.pid}, RSS ${f1(rssMb(hive.pid))} MB)`);
    } catch (error) {
      failures.push(`Hive Gateway did not start: ${(error as Error).message}`);
      log(failures.at(-1));
    }
  }
  const player = await registerPlayer(platform.url);
  const publish = await publisher(urls.users!, player.id);
  const stopWatchingBus = await watchBus(player.id);
  onCleanup(stopWatchingBus);
  const entityMetrics = { achievements: metricsUrlOf(urls.achievements!), social: metricsUrlOf(urls.social!) };

  // Debug aid: BENCH_HOLD_SECONDS=n keeps everything up for n seconds (≤ 600) before the scenarios.
  const hold = Math.min(600, Number(process.env.BENCH_HOLD_SECONDS ?? 0));
  if (hold > 0) {
    log(`holding ${hold} s: player ${player.id}; subgraphs ${JSON.stringify(urls)}; gateways ${platform.url} ${hive?.url ?? ''}`);
    await sleep(hold * 1000);
  }

  const plan: [Gateway | (() => Promise<Gateway>), number][] = [];
  for (const n of SUBSCRIBERS) plan.push([platform, n]);
  // The memory profile: the same scenarios on a gateway started with GATEWAY_MEMORY_PROFILE_ARGS,
  // once the default one is stopped (so the two never share the machine).
  let memoryProfile: Promise<Gateway> | undefined;
  const memoryGateway = () =>
    (memoryProfile ??= (async () => {
      await stopChild(platform.child);
      return startPlatformGateway(urls, true);
    })());
  for (const n of MEMORY_PROFILE_SUBSCRIBERS) plan.push([memoryGateway, n]);
  if (hive) for (const n of HIVE_SUBSCRIBERS) plan.push([hive, n]);
  const results: ScenarioResult[] = [];
  let scenario = 0;
  for (const [target, n] of plan) {
    const gateway = typeof target === 'function' ? await target() : target;
    if (Date.now() > RUN_DEADLINE) {
      failures.push(`skipped ${gateway.label} × ${n}: run deadline reached`);
      continue;
    }
    try {
      const result = await runScenario(gateway, n, publish, player.id, entityMetrics, String(scenario++));
      results.push(result);
      log(
        `${gateway.label} ×${n}: p50/p95 ${f1(result.latency.p50)}/${f1(result.latency.p95)} ms, delivered ${result.latency.delivered}/${result.latency.expected}, burst ${f0(result.burst?.deliveriesPerSecond)}/s, fetches/event ${JSON.stringify(result.entityFetchesPerEvent)}, RSS ${f1(result.rssIdleMb)} MB`,
      );
      if (result.errorSamples.length) log('  client errors:', result.errorSamples.join(' | '));
      log(`  publish round trip p50 ${f1(result.publishP50Ms)} ms; gateway arrival→send mean ${f1(result.gatewayInternalMeanMs)} ms; sample payload:`, result.sample);
    } catch (error) {
      failures.push(`${gateway.label} × ${n}: ${(error as Error).message}`);
      log(failures.at(-1));
    }
  }

  const section = resultsSection({
    title: TUNED ? `Subscriptions (${describeGatewayTuning(GATEWAY_TUNING)})` : 'Subscriptions',
    date,
    machine,
    script: 'bench/subscriptions/run.ts',
    setup:
      `Setup: each subgraph and each gateway in its own process, the platform's from the production bundle (dist/, as the Dockerfile runs them; the gateway with MALLOC_ARENA_MAX=2 and ${TUNED ? 'this run\'s' : 'docker-compose.yml\'s'} ${describeGatewayTuning(GATEWAY_TUNING)}${MEMORY_PROFILE_SUBSCRIBERS.length ? `; "${MEMORY_PROFILE_LABEL}" rows: a second gateway started, once the first is stopped, with the memory profile \`${GATEWAY_MEMORY_PROFILE_ARGS.join(' ')}\`` : ''}), NODE_ENV=production, LOG_LEVEL=warn, PostgreSQL + Redis on loopback, ` +
      `subscribers in ${CLIENT_PROCESSES} client processes (graphql-ws \`createClient\` + \`ws\`, one connection per subscriber), all on this machine. ` +
      `Subscription: \`profileUpdated(userId:$id){ id displayName achievementPoints guild { name } }\` (users + achievements + social); ` +
      `events are \`updateProfile\` mutations sent straight to the users subgraph; latency = client receive time − mutation issue time (wall clock, ms). ` +
      `After the idle RSS reading, 3 unmeasured events (that reading idles every process for ${SETTLE_MS / 1000} s). Latency phase: ${EVENTS} events, ${INTERVAL_MS} ms apart (at least N/10 ms apart, so one event's fan-out does not overlap the next); ` +
      `burst phase: ${BURST_EVENTS} events ${BURST_INTERVAL_MS} ms apart, deliveries/s = deliveries ÷ (last receive − first publish); "both phases" counts every measured delivery from the first latency-phase publish. ` +
      `Entity fetches = increase of \`graphql_operations_total\` on the achievements / social subgraphs over the latency phase ÷ events. ` +
      `RSS = VmRSS of the gateway process (and its children) 3 s after the warm-up's last event, and idle: ${SETTLE_MS / 1000} s after it, once V8's memory reducer (which waits ~8 s without allocation) has collected what the events left; the target is judged on the idle figure. Δ per subscription is over its RSS before the scenario's clients connected.`,
    body: table(results, failures),
  });
  publishSection(section, WRITE);
  return failures.length === 0 && results.length > 0;
}

await runBench(main, { deadlineMs: RUN_DEADLINE - Date.now() + 5 * 60_000, deadlineMessage: 'run deadline exceeded by 5 minutes: aborting' });
