// Achievements benchmark: game-event throughput end to end, a veteran player against a new one, and
// unlock → subscriber latency, on real PostgreSQL and Redis. Options: options.ts and bench/README.md.
//
//   node --import tsx bench/achievements/run.ts [--players 2000] [--batches 100,500] [--callers 4]
//        [--seconds 15] [--veteran-events 100000] [--veteran-batch 100] [--veteran-calls 20]
//        [--veteran-rounds 4] [--subscribers 200] [--intervals 100,20] [--drain-seconds 60]
//        [--no-direct] [--no-in-process] [--no-returning] [--no-veteran] [--no-subscriptions] [--shared-players]
//        [--cpu-prof <dir>] [--max-minutes 15] [--no-write]
//
// Processes (all on this machine, traffic on 127.0.0.1 only):
//   - the achievements subgraph alone (`dist/launcher/service.js achievements`, the production bundle), so its CPU is its own;
//   - bench/lib/subgraphs.ts: the other four subgraphs in one process (users credits the rewards);
//   both on a fresh PostgreSQL database bench_achievements_* (created here, dropped at the end) and
//   Redis db 8 (FLUSHDB first);
//   - the platform gateway (`dist/launcher/service.js gateway`, the production bundle) in its own process;
//   - client.ts: the subscribers' graphql-ws connections, in their own process;
//   - this process: the game server (HTTP callers), the seeding, and for the in-process figures an
//     GameEventsService of its own (achievementsSubgraph.create(...).parts on its own pool of 10, its workers not started).
// The game server is a service: an admin creates an API key with REPORT_GAME_EVENTS through the
// gateway and exchanges it for a service token (issueServiceToken), as the game server does.
//
// Phases, in this order (the latency one on a quiet platform): warm-up; 3. unlock → subscriber latency
// (latency.ts); 1. throughput per path and batch size; 2. veteran vs new player (throughput.ts).
// Every wait is bounded; on exit, error, SIGINT or SIGTERM it stops what it started and drops its database.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ViewerSigner, VIEWER_HEADER, type Viewer } from '../../platform/auth.js';
import { openDatabase } from '../../platform/db/index.js';
import { IoRedisPort } from '../../platform/redis/ioredis.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';
import { silentLogger } from '../../platform/testing.js';
import { achievementsSubgraph } from '../../subgraphs/achievements/subgraph.js';
import { f0, f1, f2, loadAverage, log, machineDescription, now, percentile, publishSection, resultsSection, ROOT, waitFor } from '../lib/common.js';
import { onCleanup, runBench } from '../lib/lifecycle.js';
import { CpuMeter } from '../lib/proc.js';
import { cpuProfArgs, freePort, metricsUrlOf, postGraphQL, SECRETS, serviceEnv, ServiceLogs, spawnService, startGateway, startSubgraphs } from '../lib/processes.js';
import { subscriptionPhase } from './latency.js';
import * as o from './options.js';
import { renderReport, type Report } from './report.js';
import { combined, compareVeteran, enginePhases, instrumentEngine, perSecond, resetEnginePhases, scrapeProjectionLookups, seedVeteran, throughputRun, type ProjectionLookups } from './throughput.js';
import { cpuText, drainRewards, drainText, failed, gameEvent, httpSender, outcomeOf, pick, rng, seedPlayers, type Bench, type Sender } from './workload.js';

const ENV = serviceEnv(o.DB.url, o.REDIS_URL, {
  // The run is longer than the default 15-minute service token when phases are lengthened.
  SERVICE_TOKEN_TTL_SECONDS: '7200',
});
const profArgs = (name: string) => cpuProfArgs(o.CPU_PROF || undefined, `${name}-${o.TAG}`);

// ---------------------------------------------------------------- the platform under test
interface Platform {
  gatewayUrl: string;
  gatewayMetrics: string;
  urls: Record<string, string>;
}

/** One after another: two processes starting tsx at once on 2 cores only slows both. */
async function startPlatform(cpu: CpuMeter, logs: ServiceLogs): Promise<Platform> {
  // The achievements subgraph alone, so its CPU is its own; it listens once its catalog is synced.
  const port = await freePort();
  const achievements = spawnService('achievements', { env: { ...ENV, DATA_DIR: 'memory://', ACHIEVEMENTS_PORT: String(port) }, execArgv: profArgs('achievements'), logs });
  cpu.watch('achievements', achievements.pid!);
  const achievementsUrl = `http://127.0.0.1:${port}/graphql`;
  await waitFor('the achievements subgraph to listen', 180_000, async () => ((await fetch(achievementsUrl.replace('/graphql', '/healthz'), { signal: AbortSignal.timeout(5_000) })).ok ? true : undefined), 500);

  const others = SUBGRAPHS.map((s) => s.name).filter((n) => n !== 'achievements');
  const subgraphs = await startSubgraphs({ env: ENV, execArgv: profArgs('subgraphs'), logs, only: others });
  cpu.watch('subgraphs', subgraphs.child.pid!);
  const urls = { ...subgraphs.urls, achievements: achievementsUrl };
  logs.nameUrls(urls);

  const gateway = await startGateway(urls, { env: ENV, execArgv: profArgs('gateway'), logs });
  cpu.watch('gateway', gateway.child.pid!);
  return { gatewayUrl: gateway.url, gatewayMetrics: metricsUrlOf(gateway.url), urls };
}

/** An admin (registered, then promoted in the database) creates an API key with REPORT_GAME_EVENTS; the game server exchanges it for a service token. */
async function serviceCredentials(gatewayUrl: string, db: pg.Pool): Promise<{ token: string; keyId: string }> {
  const must = <T>(what: string, body: { data?: T | null; errors?: unknown }): T => {
    if (!body.data) throw new Error(`${what} failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const username = `bench_admin_${o.TAG}`;
  const input = { username, email: `${username}@example.com`, password: 'password123' };
  const registered = must('admin register', await postGraphQL<{ register: { user: { id: string } } }>(gatewayUrl, `mutation($input: RegisterInput!) { register(input: $input) { user { id } } }`, { input }));
  await db.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1::uuid`, [registered.register.user.id]);
  const login = must('admin login', await postGraphQL<{ login: { accessToken: string } }>(gatewayUrl, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: username }));
  const created = must(
    'createApiKey',
    await postGraphQL<{ createApiKey: { secret: string; apiKey: { id: string } } }>(
      gatewayUrl,
      `mutation { createApiKey(input: { name: "bench game server", scopes: [REPORT_GAME_EVENTS] }) { secret apiKey { id } } }`,
      {},
      { authorization: `Bearer ${login.login.accessToken}` },
    ),
  );
  const issued = must('issueServiceToken', await postGraphQL<{ issueServiceToken: { accessToken: string } }>(gatewayUrl, `mutation($k: String!) { issueServiceToken(input: { apiKey: $k }) { accessToken } }`, { k: created.createApiKey.secret }));
  return { token: issued.issueServiceToken.accessToken, keyId: created.createApiKey.apiKey.id };
}

// ---------------------------------------------------------------- main
async function main(): Promise<boolean> {
  const date = new Date();
  const runStart = now();
  const machine = machineDescription();
  const loadStart = loadAverage();
  log(`machine: ${machine}; load ${loadStart}`);

  await o.DB.create();
  const redis = new Redis(o.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  onCleanup(() => redis.quit().catch(() => undefined));
  await redis.flushdb();
  log(`flushed ${o.REDIS_URL}`);
  // Migrations first, here (openDatabase), so the subgraph processes do not race a second migrator.
  const engineDb = await openDatabase({ databaseUrl: o.DB.url, dataDir: 'memory://', poolSize: 10 });
  onCleanup(() => engineDb.close());
  const db = new pg.Pool({ connectionString: o.DB.url, max: 4 });
  onCleanup(() => db.end());
  const pgVersion = (await db.query<{ version: string }>('SELECT version()')).rows[0]!.version.split(',')[0]!;
  if (o.CPU_PROF) mkdirSync(o.CPU_PROF, { recursive: true });

  log('starting subgraphs and gateway');
  const cpu = new CpuMeter();
  const logs = new ServiceLogs();
  const platform = await startPlatform(cpu, logs);
  const credentials = await serviceCredentials(platform.gatewayUrl, db);
  const catalog = JSON.parse(readFileSync(path.join(ROOT, 'subgraphs/achievements/catalog/achievements.json'), 'utf8')) as { achievements: { id: string; rewards: unknown[] }[] };
  const bench: Bench = { db, cpu, redis, rewardingAchievements: catalog.achievements.filter((a) => a.rewards.length > 0).map((a) => a.id) };
  const setupSeconds = (now() - runStart) / 1000;
  log(`platform up in ${f1(setupSeconds)} s; service token issued`);

  // The three paths: gateway with the service token; the subgraph with the header the gateway would add; the engine in this process.
  const auth = { authorization: `Bearer ${credentials.token}` };
  const gatewaySend = httpSender(platform.gatewayUrl, auth);
  const serviceViewer: Viewer = { userId: null, role: null, kind: 'service', scopes: ['REPORT_GAME_EVENTS'], serviceId: credentials.keyId };
  const signer = new ViewerSigner(SECRETS.INTERNAL_SECRET, 3600);
  const directSend = httpSender(platform.urls.achievements!, async () => ({ [VIEWER_HEADER]: await signer.sign(serviceViewer) }));
  const engineRedis = new IoRedisPort(o.REDIS_URL);
  onCleanup(() => engineRedis.close().catch(() => undefined));
  const { parts } = achievementsSubgraph.create({ db: engineDb, redis: engineRedis, logger: silentLogger });
  instrumentEngine(parts);
  const engineSend: Sender = async (events) => {
    try {
      return outcomeOf(await parts.gameEvents.recordGameEvents(serviceViewer, events, 'input.events'));
    } catch (error) {
      return failed((error as Error).message);
    }
  };

  const report: Report = { pgVersion, setupSeconds, throughput: [], veteran: [], failures: [], totalSeconds: 0, logs };
  const overDeadline = () => now() - runStart > o.RUN_DEADLINE_MS - 90_000;
  const attempt = async (what: string, phase: () => Promise<void>) => {
    if (overDeadline()) {
      report.failures.push(`skipped ${what}: run deadline near`);
      return;
    }
    try {
      await phase();
    } catch (error) {
      report.failures.push(`${what}: ${(error as Error).message}`);
      log(report.failures.at(-1));
    }
  };

  // Warm-up (not measured): the subgraph's and the gateway's first recordings (JIT, query plans,
  // Prisma's compiled queries, connections) and the unlock → reward path.
  {
    const warm = await seedPlayers(db, 100, 'bw');
    const r = rng(1);
    const t0 = now();
    for (let i = 0; i < 40; i++) {
      await postGraphQL(platform.gatewayUrl, o.RECORD_ONE, { input: { id: `${o.TAG}-w1-${i}`, userId: warm[i % warm.length]!, type: 'COMBAT_WON', data: { mode: 'pve', enemy: 'goblin' } } }, auth);
    }
    for (let i = 0; i < 4; i++) await gatewaySend(Array.from({ length: 100 }, (_, j) => gameEvent(r, `${o.TAG}-w2-${i}-${j}`, pick(r, warm), warm)));
    await engineSend(Array.from({ length: 100 }, (_, j) => gameEvent(r, `${o.TAG}-w3-${j}`, pick(r, warm), warm)));
    const drain = await drainRewards(bench);
    log(`warm-up: 40 single events + 500 in batches in ${f1((now() - t0) / 1000)} s; rewards ${drain.after.credited}/${drain.after.unlocks} credited`);
  }

  if (o.SUBSCRIPTIONS) {
    log(`1/4 unlock → subscriber latency (${o.SUBSCRIBERS} subscribers)`);
    await attempt('subscription latency', async () => {
      report.subscriptions = await subscriptionPhase(bench, platform, credentials.token, ENV);
      for (const round of report.subscriptions.rounds) {
        const p = (q: number) => f1(percentile(round.fromCall, q));
        log(`  ${round.name}: p50/p95/p99 ${p(0.5)}/${p(0.95)}/${p(0.99)} ms, delivered ${round.delivered}/${round.expected}, ${round.tally.errors} errors`);
      }
    });
    await drainRewards(bench);
  }

  log(`2/4 throughput: ${f0(o.PLAYERS)} players per run, batches ${o.BATCHES.join(', ')}, ${o.CALLERS} callers, ${o.SECONDS} s each`);
  // New players: every run starts with players who have nothing yet (the most unlocks).
  // Returning: the same players as the run before, their first unlocks done (closer to a live game).
  const largest = Math.max(...o.BATCHES);
  // Projection cache lookups: the subgraph's /metrics, or the in-process engine's own counts.
  const subgraphLookups = () => scrapeProjectionLookups(metricsUrlOf(platform.urls.achievements!));
  const engineLookups = async () => ({ hit: parts.projections.hits, miss: parts.projections.misses });
  const specs: { path: string; send: Sender; batch: number; returning: boolean; lookups: () => Promise<ProjectionLookups> }[] = [
    ...o.BATCHES.map((batch) => ({ path: o.PATHS.gateway, send: gatewaySend, batch, returning: false, lookups: subgraphLookups })),
    ...(o.RETURNING ? [{ path: o.PATHS.gateway, send: gatewaySend, batch: largest, returning: true, lookups: subgraphLookups }] : []),
    ...(o.DIRECT ? [{ path: o.PATHS.direct, send: directSend, batch: largest, returning: false, lookups: subgraphLookups }] : []),
    ...(o.IN_PROCESS ? o.BATCHES.map((batch) => ({ path: o.PATHS.engine, send: engineSend, batch, returning: false, lookups: engineLookups })) : []),
    ...(o.IN_PROCESS && o.RETURNING ? [{ path: o.PATHS.engine, send: engineSend, batch: largest, returning: true, lookups: engineLookups }] : []),
  ];
  let seed = 100;
  let players: string[] = [];
  for (const spec of specs) {
    const name = `${spec.path}, batch ${spec.batch}${spec.returning ? ', returning players' : ''}`;
    await attempt(`throughput ${name}`, async () => {
      if (!spec.returning || players.length === 0) players = await seedPlayers(db, o.PLAYERS, `bt${seed}`);
      resetEnginePhases();
      const run = await throughputRun(bench, spec.path, spec.send, spec.batch, players, seed++, spec.returning, spec.lookups);
      if (spec.send === engineSend) run.phases = { ...enginePhases };
      log(`  ${name}: ${f0(perSecond(run))} events/s, ${f0(run.tally.unlocks)} unlocks, ${run.tally.errors} errors; CPU ${cpuText(run.cpu)}`);
      run.drain = await drainRewards(bench);
      log(`  rewards: ${drainText(run.drain)}, ${f0(run.drain.after.unpublished)} unpublished`);
      report.throughput.push(run);
    });
  }

  if (o.VETERAN) {
    log(`3/4 veteran: seeding ${f0(o.VETERAN_EVENTS)} events`);
    await attempt('veteran', async () => {
      const others = await seedPlayers(db, 200, 'bv_others');
      const [veteranId] = await seedPlayers(db, 1, 'bv_veteran');
      const seeded = await seedVeteran(bench, engineSend, veteranId!, others);
      report.veteranSeed = seeded;
      log(`  seeded in ${f1(seeded.seconds)} s (${f0(seeded.events / seeded.seconds)} events/s); version ${seeded.version}, ${seeded.unlocked} unlocked`);
      await drainRewards(bench);
      log('4/4 veteran vs new player');
      const comparisons: [string, Sender][] = [[o.PATHS.gateway, gatewaySend], ...(o.IN_PROCESS ? ([[o.PATHS.engine, engineSend]] as [string, Sender][]) : [])];
      let base = 1_000;
      for (const [label, send] of comparisons) {
        await attempt(`veteran comparison ${label}`, async () => {
          const v = await compareVeteran(bench, label, send, veteranId!, others, (base += 100));
          report.veteran.push(v);
          const [vet, fresh] = [combined(v.veteran), combined(v.fresh)];
          log(`  ${label}: veteran ${f0(vet.perSecond)} events/s, new ${f0(fresh.perSecond)} events/s, ratio ${f2(vet.perSecond / fresh.perSecond)}`);
        });
      }
    });
  }

  report.totalSeconds = (now() - runStart) / 1000;
  const section = resultsSection({
    title: 'Achievements',
    date,
    machine,
    loadStart,
    script: 'bench/achievements/run.ts',
    setup:
      `Setup: the achievements subgraph in its own process (\`dist/launcher/service.js achievements\`, the production bundle, as the Dockerfile runs it), the other four subgraphs in one process, the platform gateway in another (the bundle, with docker-compose.yml's NODE_OPTIONS and MALLOC_ARENA_MAX; all NODE_ENV=production, LOG_LEVEL=warn), subscribers in a client process, the game server (HTTP callers) and the in-process engine in the bench process; ` +
      `fresh PostgreSQL database on loopback (created and dropped by the run), Redis db 8 (flushed first).`,
    body: renderReport(report),
  });
  publishSection(section, o.WRITE);
  return report.failures.length === 0;
}

await runBench(main, { deadlineMs: o.RUN_DEADLINE_MS });
