// Leaderboards benchmark (issue 18): one board with --records records (1,000,000 by default).
//
//   node --import tsx bench/leaderboards/run.ts [--records 1000000] [--reads 500] [--seconds 10]
//        [--rate 5000] [--concurrency 128] [--subscribers 1000] [--events 40] [--only reads,gateway,submit,live]
//        [--profile DIR] [--no-write]
//
// A fresh PostgreSQL database (created here, dropped at the end) and Redis at BENCH_REDIS_URL
// (default redis://127.0.0.1:6379/11, flushed first), the all-in-one platform (gateway and five
// subgraphs on loopback) plus the tournaments subgraph in-process (Apollo's executeOperation, no HTTP)
// for the subgraph figures. Players and records are inserted with generate_series; the ranking is then
// rebuilt from PostgreSQL by the first read (its time is reported).
//   1. reads at the subgraph: `top(first: 100)` and `around(userId, n: 5)` for random players,
//      sequentially; target p99 ≤ 5 ms. Redis time per request (every port call awaited while the
//      request ran) as a share of its latency; CPU milliseconds per request of the whole process
//      (load-independent where latency is not: it does not count time spent waiting for a core).
//   2. the same reads through the gateway over HTTP with the players' user fields (username,
//      displayName, level); target p99 ≤ 25 ms.
//   3. submissions: `submitScore` at the subgraph for --seconds, sent at --rate per second whatever
//      the answers (an open loop: latency counts from when each was due, so a stall shows), target
//      5,000/s sustained with p95 ≤ 20 ms; then as fast as --concurrency callers go (a closed loop,
//      each sending its next when answered: the most it takes). With CPU milliseconds per submission.
//      Each sampled player submits once before (their one check with the users subgraph).
//   4. live: --subscribers graphql-ws clients on `leaderboardUpdated(id, first: 10)` through the
//      gateway; --events submissions that enter the top 10, 250 ms apart; target p95 (submission
//      sent → update received by a subscriber) ≤ 50 ms.
// --only runs the named phases (a partial run never writes RESULTS.md); --profile DIR writes a V8 CPU
// profile of each measured phase (reads-top, reads-around, submit) to DIR/<phase>.cpuprofile.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { Redis } from 'ioredis';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { startPlatform } from '../../launcher/all-in-one.js';
import type { RedisPort } from '../../platform/redis/index.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';
import { subgraphClient } from '../../platform/testing.js';
import type { Context } from '../../subgraphs/tournaments/context.js';
import { tournamentsSubgraph } from '../../subgraphs/tournaments/subgraph.js';
import { f1, f2, flag, loadAverage, log, machineDescription, now, option, percentile, publishSection, resultsSection, sleep, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';

const RECORDS = Math.min(2_000_000, Math.max(1_000, Number(option('records', '1000000'))));
const READS = Math.min(5_000, Math.max(20, Number(option('reads', '500'))));
const SECONDS = Math.min(60, Math.max(2, Number(option('seconds', '10'))));
const CONCURRENCY = Math.min(256, Math.max(1, Number(option('concurrency', '128'))));
const RATE = Math.min(50_000, Math.max(100, Number(option('rate', '5000'))));
/** Submissions the open loop lets wait for answers at once; one due beyond it is counted as not sent. */
const MAX_WAITING = 5_000;
const SUBSCRIBERS = Math.min(5_000, Math.max(1, Number(option('subscribers', '1000'))));
const EVENTS = Math.min(500, Math.max(5, Number(option('events', '40'))));
const PHASES = new Set(option('only', 'reads,gateway,submit,live').split(','));
const PROFILE_DIR = option('profile', '');
const WRITE = !flag('no-write') && PHASES.size === 4;
if (flag('help')) {
  console.log(
    'node --import tsx bench/leaderboards/run.ts [--records 1000000] [--reads 500] [--seconds 10] [--rate 5000] [--concurrency 128] [--subscribers 1000] [--events 40] [--only reads,gateway,submit,live] [--profile DIR] [--no-write]',
  );
  process.exit(0);
}
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/11';
const DB = throwawayDatabase('bench_leaderboards');
const JWT_SECRET = 'bench-jwt-secret-0123456789abcdefghijklmnop';
const INTERNAL_SECRET = 'bench-internal-secret-0123456789abcdefghijkl';

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const stats = (ms: number[]) => {
  const s = sorted(ms);
  return { n: s.length, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99) };
};

/** CPU milliseconds this process used since `since` (every thread: the gateway, the subgraphs and the callers share it). */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** Time during which at least one Redis port call was awaited (calls made together count once), for the share of a request's latency. */
function timedRedis(port: RedisPort): { port: RedisPort; spent: () => number; reset: () => void } {
  let spent = 0;
  let pending = 0;
  let since = 0;
  const proxy = new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'subscribe' || key === 'publish') return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      return async (...args: unknown[]) => {
        if (pending++ === 0) since = performance.now();
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          if (--pending === 0) spent += performance.now() - since;
        }
      };
    },
  });
  return { port: proxy, spent: () => spent, reset: () => void (spent = 0) };
}

/** Runs `phase`, recording a V8 CPU profile of it to PROFILE_DIR/<name>.cpuprofile when --profile is given. */
async function profiled<T>(name: string, phase: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return phase();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  try {
    return await phase();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(path.join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function main(): Promise<boolean> {
  const loadStart = loadAverage();
  await DB.create();
  const flush = new Redis(REDIS_URL);
  await flush.flushdb();
  const redisVersion = /redis_version:([^\r\n]+)/.exec(await flush.info('server'))?.[1] ?? '?';
  await flush.quit();
  const platform = await startPlatform({
    NODE_ENV: 'production',
    JWT_SECRET,
    INTERNAL_SECRET,
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    DATABASE_URL: DB.url,
    REDIS_URL,
    GATEWAY_PORT: '0',
    GATEWAY_MAX_COST: '10000000',
    GATEWAY_RATE_LIMIT_POINTS: '10000000',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_PORT`, '0'])),
  });
  onCleanup(() => platform.close());
  const { prisma } = platform.runtime.db;
  const pgVersion = (await prisma.$queryRawUnsafe<{ server_version: string }[]>('SHOW server_version'))[0]?.server_version ?? '?';
  const timed = timedRedis(platform.runtime.redis);
  // Submissions check their players with the platform's users subgraph (the seeded players below are its users).
  const usersUrl = platform.subgraphs.find((s) => s.name === 'users')!.url;
  const built = tournamentsSubgraph.create({ db: platform.runtime.db, redis: timed.port, jobQueuePrefix: `bench-${randomUUID()}`, config: { USERS_URL: usersUrl, INTERNAL_SECRET } });
  const client = subgraphClient<Context>(built);
  await client.server.start();
  onCleanup(() => client.server.stop());
  const admin = { userId: randomUUID(), role: 'ADMIN' as const };
  const server = { userId: null, role: null, kind: 'service' as const, scopes: ['REPORT_MATCH_RESULTS'], serviceId: randomUUID() };
  const must = async <T>(viewer: Parameters<typeof client.execute>[0], query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const r = await client.execute<T>(viewer, query, variables);
    if (r.errors || !r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };

  const id = 'bench-global';
  await must(admin, `mutation { defineLeaderboard(input: { id: "${id}", title: "Bench", operator: BEST }) { leaderboard { id } } }`);
  const period = await prisma.leaderboardPeriod.findFirstOrThrow({ where: { leaderboardId: id } });

  log(`inserting ${RECORDS} players and records`);
  let t = now();
  await prisma.$executeRawUnsafe(`
    INSERT INTO users (id, username, username_key, email, password_hash, display_name, updated_at)
    SELECT gen_random_uuid(), 'p' || i, 'p' || i, 'p' || i || '@bench.test', 'x', 'Player ' || i, now() FROM generate_series(1, ${RECORDS}) AS i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO leaderboard_records (period_id, user_id, score, subscore, metadata, created_at, updated_at)
    SELECT '${period.id}'::uuid, id, floor(random() * 1000000), 0, '{}'::jsonb, now(), now() FROM users`);
  await prisma.$executeRawUnsafe(`ANALYZE leaderboard_records; ANALYZE users`).catch(() => undefined);
  const seedMs = now() - t;
  const sample = (await prisma.$queryRawUnsafe<{ user_id: string }[]>(`SELECT user_id FROM leaderboard_records TABLESAMPLE SYSTEM (1) LIMIT 2000`)).map((r) => r.user_id);
  log(`seeded in ${f1(seedMs / 1000)} s; rebuilding the ranking from PostgreSQL (first read)`);
  // The period was marked built (empty) at definition; forget it, so the first read rebuilds it.
  await platform.runtime.redis.del([`lb:{${period.id}}:z`, `lb:{${period.id}}:ix`]);
  t = now();
  const count = await must<{ leaderboard: { period: { recordCount: number } } }>(admin, `query { leaderboard(id: "${id}") { period { recordCount } } }`);
  const rebuildMs = now() - t;
  log(`rebuilt ${count.leaderboard.period.recordCount} records in ${f1(rebuildMs / 1000)} s`);

  const TOP = `query($id: ID!) { leaderboard(id: $id) { top(first: 100) { edges { node { rank score player { id } } } } } }`;
  const AROUND = `query($id: ID!, $u: ID!) { leaderboard(id: $id) { around(userId: $u, n: 5) { rank score player { id } } } }`;
  const TOP_GW = `query($id: ID!) { leaderboard(id: $id) { top(first: 100) { edges { node { rank score player { id username displayName level } } } } } }`;
  const AROUND_GW = `query($id: ID!, $u: ID!) { leaderboard(id: $id) { around(userId: $u, n: 5) { rank score player { id username displayName level } } } }`;
  const pick = () => sample[Math.floor(Math.random() * sample.length)]!;

  const measureSubgraph = async (name: string, query: string, vars: () => Record<string, unknown>) => {
    if (!PHASES.has('reads')) return { ...stats([]), redisShare: NaN, redisPerRequest: NaN, cpuPerRequest: NaN, netCpuPerRequest: NaN };
    for (let i = 0; i < 30; i++) await must(admin, query, vars());
    const ms: number[] = [];
    timed.reset();
    return profiled(name, async () => {
      const cpu = process.cpuUsage();
      for (let i = 0; i < READS; i++) {
        const started = performance.now();
        await must(admin, query, vars());
        ms.push(performance.now() - started);
      }
      const cpuPerRequest = cpuMs(cpu) / READS;
      const total = ms.reduce((a, b) => a + b, 0);
      // Net of what the idle platform spends meanwhile (job and outbox pollers of every subgraph).
      const netCpuPerRequest = cpuPerRequest - (idleCpuPerSecond * total) / 1000 / READS;
      return { ...stats(ms), redisShare: timed.spent() / total, redisPerRequest: timed.spent() / READS, cpuPerRequest, netCpuPerRequest };
    });
  };
  // What the platform spends doing nothing asked of it (pollers), to take out of the reads' CPU.
  const idleCpu = process.cpuUsage();
  await sleep(3_000);
  const idleCpuPerSecond = cpuMs(idleCpu) / 3;
  log(`idle platform: ${f2(idleCpuPerSecond)} ms of CPU per second`);
  log('reads at the subgraph');
  const subTop = await measureSubgraph('reads-top', TOP, () => ({ id }));
  const subAround = await measureSubgraph('reads-around', AROUND, () => ({ id, u: pick() }));

  log('reads through the gateway');
  const gw = platform.gateway.url;
  const post = async (query: string, variables: Record<string, unknown>) => {
    const r = await fetch(gw, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await r.json()) as { errors?: unknown; data?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const measureGateway = async (query: string, vars: () => Record<string, unknown>) => {
    if (!PHASES.has('gateway')) return stats([]);
    for (let i = 0; i < 30; i++) await post(query, vars());
    const ms: number[] = [];
    for (let i = 0; i < READS; i++) {
      const started = performance.now();
      await post(query, vars());
      ms.push(performance.now() - started);
    }
    return stats(ms);
  };
  const gwTop = await measureGateway(TOP_GW, () => ({ id }));
  const gwAround = await measureGateway(AROUND_GW, () => ({ id, u: pick() }));

  const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { record { rank } } }`;
  const submission = () => ({ input: { leaderboardId: id, userId: pick(), score: Math.floor(Math.random() * 1_100_000), submissionId: randomUUID() } });
  const open = { ms: [] as number[], failures: 0, unsent: 0, seconds: 0, cpuPer: NaN, redisShare: NaN };
  if (PHASES.has('submit')) {
    // Warm: a cold document cache makes every submission sent before the first is answered parse and validate it.
    for (let i = 0; i < 100; i++) await client.execute(server, SUBMIT, submission());
    // Every sampled player submits once, so the measured submissions are of players already checked
    // with the users subgraph (as a live game's are: a player is checked on their first submission only).
    for (let i = 0; i < sample.length; i += 100) {
      const warm = await Promise.all(sample.slice(i, i + 100).map((userId) => client.execute(server, SUBMIT, { input: { ...submission().input, userId } })));
      if (warm.some((r) => r.errors)) throw new Error(`warm-up submission refused: ${JSON.stringify(warm.find((r) => r.errors)!.errors)}`);
    }
    log(`submissions: ${RATE}/s for ${SECONDS} s (open loop)`);
    timed.reset();
    const cpu = process.cpuUsage();
    const due = RATE * SECONDS;
    const waiting = new Set<Promise<void>>();
    const started = performance.now();
    await profiled('submit-open', async () => {
      for (let sent = 0; sent < due; ) {
        const dueNow = Math.min(due, Math.floor(((performance.now() - started) / 1000) * RATE));
        for (; sent < dueNow; sent++) {
          if (waiting.size >= MAX_WAITING) {
            open.unsent++;
            continue;
          }
          const dueAt = started + (sent / RATE) * 1000;
          const answered: Promise<void> = client.execute(server, SUBMIT, submission()).then(
            (r) => {
              open.ms.push(performance.now() - dueAt);
              if (r.errors) open.failures++;
            },
            () => void open.failures++,
          );
          waiting.add(answered);
          void answered.finally(() => waiting.delete(answered));
        }
        await sleep(1);
      }
      await Promise.all(waiting);
    });
    open.seconds = (performance.now() - started) / 1000;
    open.cpuPer = cpuMs(cpu) / open.ms.length;
    open.redisShare = timed.spent() / open.ms.reduce((a, b) => a + b, 0);
  }
  const openStats = stats(open.ms);
  const openRate = open.ms.length / open.seconds;

  log(`submissions: ${CONCURRENCY} callers for ${SECONDS} s (closed loop)`);
  const submitMs: number[] = [];
  let failures = 0;
  timed.reset();
  const submitCpu = process.cpuUsage();
  const until = now() + SECONDS * 1000;
  const startedAt = now();
  if (PHASES.has('submit')) {
    await profiled('submit', () =>
      Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (now() < until) {
            const started = performance.now();
            const r = await client.execute(server, SUBMIT, submission());
            submitMs.push(performance.now() - started);
            if (r.errors) failures++;
          }
        }),
      ),
    );
  }
  const submitSeconds = (now() - startedAt) / 1000;
  const submitRate = submitMs.length / submitSeconds;
  const submitStats = stats(submitMs);
  const submitRedisShare = timed.spent() / submitMs.reduce((a, b) => a + b, 0);
  const submitCpuPer = cpuMs(submitCpu) / submitMs.length;

  const clients: Client[] = [];
  onCleanup(async () => void (await Promise.all(clients.map((c) => c.dispose()))));
  const received = new Map<number, number[]>();
  const sentAt = new Map<number, number>();
  const events = PHASES.has('live') ? EVENTS : 0;
  const subscribers = PHASES.has('live') ? SUBSCRIBERS : 0;
  if (events) log(`live: ${SUBSCRIBERS} subscribers`);
  for (let i = 0; i < subscribers; i++) {
    const c = createClient({ url: gw.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
    clients.push(c);
    const seen = new Set<number>();
    c.subscribe(
      { query: `subscription($id: ID!) { leaderboardUpdated(id: $id, first: 10) { top { score player { id username } } } }`, variables: { id } },
      {
        next: (r) => {
          const at = now();
          const top = (r.data as { leaderboardUpdated: { top: { score: number }[] } } | undefined)?.leaderboardUpdated.top ?? [];
          for (const { score } of top) {
            if (!sentAt.has(score) || seen.has(score)) continue;
            seen.add(score);
            let list = received.get(score);
            if (!list) received.set(score, (list = []));
            list.push(at - sentAt.get(score)!);
          }
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    if (i % 100 === 99) await sleep(50);
  }
  // Every subscriber is live once each has received a warm-up update (the gateway's metrics need a token in production).
  const leader = sample[1]!;
  const warmups = new Set<number>();
  for (let k = 0; events > 0; k++) {
    if (k > 120) throw new Error(`only ${Math.max(0, ...[...warmups].map((w) => received.get(w)?.length ?? 0))} of ${SUBSCRIBERS} subscribers live`);
    const score = 1_900_000 + k;
    warmups.add(score);
    sentAt.set(score, now());
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: leader, score, submissionId: randomUUID() } });
    await sleep(1_000);
    if ((received.get(score)?.length ?? 0) >= SUBSCRIBERS) break;
  }
  for (const w of warmups) received.delete(w);
  for (let e = 0; e < events; e++) {
    const score = 2_000_000 + e; // enters the top 10 each time
    sentAt.set(score, now());
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: leader, score, submissionId: randomUUID() } });
    await sleep(250);
  }
  if (events) await sleep(2_000);
  const deliveries = [...received.values()].flat();
  const liveStats = stats(deliveries);
  const expected = EVENTS * SUBSCRIBERS;

  const ok = {
    subTop: subTop.p99 <= 5,
    subAround: subAround.p99 <= 5,
    gwTop: gwTop.p99 <= 25,
    gwAround: gwAround.p99 <= 25,
    rate: open.unsent === 0 && open.failures === 0 && openRate >= 5_000 * 0.98 && openStats.p95 <= 20,
    live: liveStats.p95 <= 50 && deliveries.length === expected,
  };
  const row = (what: string, s: { n: number; p50: number; p95: number; p99: number }, target: string, met: boolean | null, extra = '') =>
    `| ${what} | ${s.n} | ${f2(s.p50)} | ${f2(s.p95)} | ${f2(s.p99)} | ${target} | ${met === null ? '' : verdict(met)} | ${extra} |`;
  const body = [
    '| measure | n | p50 ms | p95 ms | p99 ms | target | verdict | notes |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- | --- |',
    row('top(first: 100), subgraph', subTop, 'p99 ≤ 5 ms', ok.subTop, `Redis ${f1(subTop.redisShare * 100)}% of latency (${f2(subTop.redisPerRequest)} ms/request); CPU ${f2(subTop.cpuPerRequest)} ms/request (${f2(subTop.netCpuPerRequest)} net of the idle platform's ${f1(idleCpuPerSecond)} ms/s)`),
    row('around(userId, n: 5), subgraph', subAround, 'p99 ≤ 5 ms', ok.subAround, `Redis ${f1(subAround.redisShare * 100)}% of latency (${f2(subAround.redisPerRequest)} ms/request); CPU ${f2(subAround.cpuPerRequest)} ms/request (${f2(subAround.netCpuPerRequest)} net of the idle platform's ${f1(idleCpuPerSecond)} ms/s)`),
    row('top(first: 100) with user fields, gateway', gwTop, 'p99 ≤ 25 ms', ok.gwTop),
    row('around(n: 5) with user fields, gateway', gwAround, 'p99 ≤ 25 ms', ok.gwAround),
    row(
      `submitScore, subgraph, sent at ${RATE.toLocaleString('en')}/s`,
      openStats,
      '5,000/s, p95 ≤ 20 ms',
      ok.rate,
      `${f1(openRate)}/s answered over ${f1(open.seconds)} s; ${open.unsent} not sent (${MAX_WAITING.toLocaleString('en')} waiting); ${open.failures} failed; Redis ${f1(open.redisShare * 100)}% of latency; CPU ${f2(open.cpuPer)} ms/submission`,
    ),
    row(`submitScore, subgraph, ${CONCURRENCY} callers (closed loop)`, submitStats, '(the most it takes)', null, `${f1(submitRate)}/s over ${f1(submitSeconds)} s; ${failures} failed; Redis ${f1(submitRedisShare * 100)}% of latency; CPU ${f2(submitCpuPer)} ms/submission`),
    row(`submission → leaderboardUpdated, ${SUBSCRIBERS} subscribers`, liveStats, 'p95 ≤ 50 ms', ok.live, `${deliveries.length} of ${expected} deliveries`),
    '',
    `Seeding ${RECORDS.toLocaleString('en')} players and records: ${f1(seedMs / 1000)} s. Rebuilding the ranking from PostgreSQL (Redis empty): ${f1(rebuildMs / 1000)} s.`,
  ].join('\n');
  const section = resultsSection({
    title: 'Leaderboards',
    date: new Date(),
    machine: machineDescription(),
    loadStart,
    script: 'bench/leaderboards/run.ts',
    setup: `One BEST board with ${RECORDS.toLocaleString('en')} records (random scores) on PostgreSQL ${pgVersion.split(' ')[0]} and Redis ${redisVersion} (${REDIS_URL}); gateway and subgraphs in one process (the all-in-one platform), the subgraph figures through Apollo's executeOperation in the same process. Reads are sequential (${READS} each, after 30 warm-ups); Redis share = time awaiting the Redis port during the reads over their summed latency.`,
    body,
  });
  publishSection(section, WRITE);
  return true;
}

void runBench(main, { deadlineMs: 30 * 60_000 });
