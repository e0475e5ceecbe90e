// Tournaments benchmark (issue 17): bracket generation and Swiss pairing (pure domain code), a
// result reaching a spectator's matchUpdated subscription, and a 1,024-player bracket with players'
// fields through the gateway.
//
//   node --import tsx bench/tournaments/run.ts [--runs 50] [--results 127] [--requests 100] [--no-write]
//
//   1. generation: seeding 1,024 players by rating and drawing their double-elimination bracket
//      (with the grand-final reset), --runs times after 5 warm-up runs; target p95 ≤ 100 ms.
//   2. Swiss: 256 players, rounds 2–8 of simulated tournaments (random results, so score groups,
//      opponents and byes accumulate), each round's pairing timed; target p95 ≤ 50 ms.
//   3. live: the all-in-one platform on a fresh PostgreSQL database and the in-process Redis; a
//      128-player single elimination started; an anonymous graphql-ws client subscribed to
//      matchUpdated through the gateway; the game server reports every match (--results) through
//      the gateway, one after another; each sample is from sending the report to the subscriber
//      receiving that match COMPLETED; target p95 ≤ 50 ms.
//   4. bracket: 1,024 players started in single elimination (1,023 matches) and in double
//      elimination (2,046), `tournament(id) { bracket { … playerA { id username level } … } }`
//      through the gateway, --requests sequential requests after 10 warm-up; target p95 ≤ 100 ms
//      (single elimination; double elimination reported beside it).
import { randomUUID } from 'node:crypto';
import { startPlatform } from '../../launcher/all-in-one.js';
import { liveChannel } from '../../platform/live.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';
import { doubleElimination } from '../../subgraphs/tournaments/domain/brackets/double-elimination.js';
import { pairSwissRound, type SwissPlayer } from '../../subgraphs/tournaments/domain/brackets/swiss.js';
import { seedByRating } from '../../subgraphs/tournaments/domain/brackets/seeding.js';
import { tournamentsSubgraph } from '../../subgraphs/tournaments/subgraph.js';
import { gameServerToken } from '../../test/support/game-server.js';
import { subscribe, untilListening, wsClient } from '../../test/support/ws.js';
import { f1, flag, loadAverage, log, machineDescription, now, option, percentile, publishSection, resultsSection, sleep, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';

const RUNS = Math.min(1_000, Math.max(10, Number(option('runs', '50'))));
const RESULTS = Math.min(127, Math.max(10, Number(option('results', '127'))));
const REQUESTS = Math.min(2_000, Math.max(10, Number(option('requests', '100'))));
const WRITE = !flag('no-write');
const DB = throwawayDatabase('bench_tournaments');

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const stats = (ms: number[]) => {
  const s = sorted(ms);
  return { p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), n: ms.length };
};
const row = (name: string, s: ReturnType<typeof stats>, target: string, ok: boolean | null) =>
  `| ${name} | ${s.n} | ${f1(s.p50)} | ${f1(s.p95)} | ${f1(s.p99)} | ${target} | ${ok === null ? '—' : verdict(ok)} |`;

// A deterministic random source, so every run simulates the same Swiss tournaments.
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Wall time and this process's CPU time of `fn`, in ms (CPU time is what other processes' load cannot stretch). */
function timed(fn: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = now();
  fn();
  const wall = now() - t0;
  const used = process.cpuUsage(cpu0);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function generation(): { wall: ReturnType<typeof stats>; cpu: ReturnType<typeof stats> } {
  const entrants = Array.from({ length: 1_024 }, (_, i) => ({ id: randomUUID(), rating: (i * 7919) % 100, registeredAt: new Date(1_700_000_000_000 + i) }));
  const once = () =>
    timed(() => {
      const seeded = seedByRating(entrants);
      const bracket = doubleElimination(seeded.length, { grandFinalReset: true });
      if (bracket.length !== 2 * 1_024 - 1) throw new Error(`expected 2,047 matches, got ${bracket.length}`);
    });
  for (let i = 0; i < 5; i++) once();
  const runs = Array.from({ length: RUNS }, once);
  return { wall: stats(runs.map((r) => r.wall)), cpu: stats(runs.map((r) => r.cpu)) };
}

function swiss(): { wall: ReturnType<typeof stats>; cpu: ReturnType<typeof stats> } {
  const ms: number[] = [];
  const cpu: number[] = [];
  const simulations = Math.max(2, Math.round(RUNS / 7));
  // One simulation first, not timed: the JIT warms up on it.
  for (let sim = -1; sim < simulations; sim++) {
    const rand = random(sim + 2);
    const players = new Map<string, SwissPlayer & { opponents: string[] }>(
      Array.from({ length: 256 }, (_, i) => [`p${i + 1}`, { id: `p${i + 1}`, seed: i + 1, score: 0, opponents: [], hadBye: false }]),
    );
    for (let round = 1; round <= 8; round++) {
      let paired!: ReturnType<typeof pairSwissRound>;
      const t = timed(() => void (paired = pairSwissRound([...players.values()])));
      const { pairs, bye } = paired;
      if (round > 1 && sim >= 0) {
        ms.push(t.wall);
        cpu.push(t.cpu);
      }
      if (pairs.length !== 128 || bye !== null) throw new Error(`round ${round}: ${pairs.length} pairs`);
      for (const [a, b] of pairs) {
        const [pa, pb] = [players.get(a)!, players.get(b)!];
        pa.opponents.push(b);
        pb.opponents.push(a);
        // The higher seed wins two times in three.
        const aWins = rand() < (pa.seed < pb.seed ? 2 / 3 : 1 / 3);
        (aWins ? pa : pb).score += 1;
      }
    }
  }
  return { wall: stats(ms), cpu: stats(cpu) };
}

async function main(): Promise<boolean> {
  const loadStart = loadAverage();
  log('generation: 1,024-player double elimination');
  const { wall: gen, cpu: genCpu } = generation();
  log(`generation: p50 ${f1(gen.p50)} ms, p95 ${f1(gen.p95)} ms (CPU p95 ${f1(genCpu.p95)} ms)`);
  log('swiss: 256 players, rounds 2–8');
  const { wall: sw, cpu: swCpu } = swiss();
  log(`swiss: p50 ${f1(sw.p50)} ms, p95 ${f1(sw.p95)} ms (CPU p95 ${f1(swCpu.p95)} ms)`);

  await DB.create();
  const platform = await startPlatform({
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdefghijklmnop',
    INTERNAL_SECRET: 'bench-internal-secret-0123456789abcdefghijkl',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    DATABASE_URL: DB.url,
    GATEWAY_PORT: '0',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_PORT`, '0'])),
  });
  onCleanup(() => platform.close());
  const url = platform.gateway.url;
  const { prisma } = platform.runtime.db;
  // The tournaments subgraph in-process on the platform's database and Redis, to set tournaments up
  // without 1,024 registrations through the API (entry fees and level reads are not measured here).
  const tournaments = tournamentsSubgraph.create({ db: platform.runtime.db, redis: platform.runtime.redis, jobQueuePrefix: `bench-${randomUUID()}` });
  const admin = { userId: randomUUID(), role: 'ADMIN' as const };
  const ctx = tournaments.createContext(admin);

  let made = 0;
  const players = async (n: number) => {
    const prefix = `tb${(made++).toString(36)}${randomUUID().slice(0, 4)}`;
    const data = Array.from({ length: n }, (_, i) => ({ username: `${prefix}_${i}`, usernameKey: `${prefix}_${i}`, email: `${prefix}_${i}@example.com`, displayName: `${prefix} ${i}`, passwordHash: 'x' }));
    await prisma.user.createMany({ data });
    return (await prisma.user.findMany({ where: { username: { startsWith: `${prefix}_` } }, select: { id: true } })).map((u) => u.id);
  };
  const started = async (format: 'SINGLE_ELIMINATION' | 'DOUBLE_ELIMINATION', n: number) => {
    const tournament = await ctx.tournaments.createTournament(admin, {
      name: `Bench ${format} ${n} ${randomUUID().slice(0, 6)}`,
      format,
      startsAt: new Date(Date.now() + 3_600_000),
      minParticipants: 2,
      maxParticipants: n,
    });
    const ids = await players(n);
    await prisma.tournamentEntry.createMany({ data: ids.map((userId, i) => ({ tournamentId: tournament.id, userId, attempt: 1, status: 'ACTIVE' as const, fee: 0, rating: i % 50 })) });
    await ctx.schedule.startTournament(admin, tournament.id);
    return tournament.id;
  };

  // ------------------------------------------------------------ 3. result → matchUpdated
  log('live: a 128-player single elimination, a spectator on matchUpdated');
  const live = await started('SINGLE_ELIMINATION', 128);
  const server = await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']);
  const spectator = wsClient(url);
  const arrivals = new Map<string, number>();
  const sub = subscribe(spectator, `subscription($id: ID!) { matchUpdated(tournamentId: $id) { id status winner { id } } }`, { id: live });
  const seen = sub.results;
  let read = 0;
  const drain = () => {
    for (; read < seen.length; read++) {
      const m = seen[read]!.data?.matchUpdated as { id: string; status: string } | undefined;
      if (m?.status === 'COMPLETED' && !arrivals.has(m.id)) arrivals.set(m.id, now());
    }
  };
  await untilListening(platform.runtime.redis, liveChannel('tournaments', 'matchUpdated', live));
  await sleep(200);
  const REPORT = `mutation($input: ReportMatchResultInput!) { reportMatchResult(input: $input) { match { id status } } }`;
  const liveMs: number[] = [];
  const answerMs: number[] = [];
  for (let reported = 0; reported < RESULTS; ) {
    const ready = (await prisma.tournamentMatch.findMany({ where: { tournamentId: live, status: 'READY' }, orderBy: [{ round: 'asc' }, { position: 'asc' }] })) as { id: string; playerA: string | null }[];
    if (!ready.length) break;
    for (const m of ready) {
      if (reported >= RESULTS) break;
      const t0 = now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${server}` }, body: JSON.stringify({ query: REPORT, variables: { input: { matchId: m.id, winnerId: m.playerA } } }) });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(`report failed: ${JSON.stringify(body.errors)}`);
      answerMs.push(now() - t0);
      const deadline = now() + 5_000;
      for (drain(); !arrivals.has(m.id); drain()) {
        if (now() > deadline) throw new Error(`match ${m.id} never reached the subscriber`);
        await new Promise((r) => setImmediate(r));
      }
      liveMs.push(arrivals.get(m.id)! - t0);
      reported++;
    }
  }
  sub.stop();
  await spectator.dispose();
  const liveStats = stats(liveMs);
  const answerStats = stats(answerMs);
  log(`live: ${liveMs.length} results, p50 ${f1(liveStats.p50)} ms, p95 ${f1(liveStats.p95)} ms`);

  // ------------------------------------------------------------ 4. a bracket of 1,024 through the gateway
  const BRACKET = `query($id: ID!) { tournament(id: $id) { bracket { side round matches { key status score playerA { id username level } playerB { id username level } winner { id username } } } } }`;
  const bracketStats = async (id: string, matches: number) => {
    const read = async () => {
      const t0 = now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: BRACKET, variables: { id } }) });
      const body = (await response.json()) as { data?: { tournament: { bracket: { matches: unknown[] }[] } }; errors?: unknown };
      const count = body.data?.tournament.bracket.reduce((s, r) => s + r.matches.length, 0);
      if (body.errors || count !== matches) throw new Error(`bracket read failed (${count} matches): ${JSON.stringify(body.errors)?.slice(0, 300)}`);
      return now() - t0;
    };
    for (let i = 0; i < 10; i++) await read();
    const ms: number[] = [];
    for (let i = 0; i < REQUESTS; i++) ms.push(await read());
    return stats(ms);
  };
  log('bracket: 1,024 players, single elimination');
  const single = await bracketStats(await started('SINGLE_ELIMINATION', 1_024), 1_023);
  log(`bracket (single): p50 ${f1(single.p50)} ms, p95 ${f1(single.p95)} ms`);
  log('bracket: 1,024 players, double elimination');
  const double = await bracketStats(await started('DOUBLE_ELIMINATION', 1_024), 2_046);
  log(`bracket (double): p50 ${f1(double.p50)} ms, p95 ${f1(double.p95)} ms`);

  const genOk = gen.p95 <= 100;
  const swissOk = sw.p95 <= 50;
  const liveOk = liveStats.p95 <= 50;
  const bracketOk = single.p95 <= 100;
  const section = resultsSection({
    title: 'Tournaments',
    date: new Date(),
    machine: machineDescription(),
    loadStart,
    script: 'bench/tournaments/run.ts',
    setup: [
      `Generation and Swiss pairing: the pure domain functions in this process (generation ${RUNS} runs after 5 warm-up: seedByRating + doubleElimination(1,024, reset); Swiss: ${Math.max(2, Math.round(RUNS / 7))} simulated 256-player tournaments, rounds 2–8 timed, the higher seed winning 2 in 3).`,
      `Live and bracket: the all-in-one platform (gateway and five subgraphs on loopback) on a fresh PostgreSQL database and the in-process Redis. Live: a 128-player single elimination, one anonymous graphql-ws spectator on matchUpdated through the gateway, the game server reporting ${RESULTS} results through the gateway one after another, each timed from sending the report to the subscriber receiving that match COMPLETED.`,
      `Bracket: 1,024 players seated (entries written directly, started by the service), \`bracket { side round matches { key status score playerA { id username level } playerB { … } winner { id username } } }\` through the gateway, ${REQUESTS} sequential requests after 10 warm-up.`,
    ].join(' '),
    body: [
      '| measure | samples | p50 (ms) | p95 (ms) | p99 (ms) | target | verdict |',
      '| --- | ---: | ---: | ---: | ---: | --- | --- |',
      row('1,024-player double-elimination bracket generated (seeding + bracket)', gen, 'p95 ≤ 100', genOk),
      row('(the same, CPU time of this process)', genCpu, '—', null),
      row('256-player Swiss round paired (rounds 2–8)', sw, 'p95 ≤ 50', swissOk),
      row('(the same, CPU time of this process)', swCpu, '—', null),
      row('reportMatchResult → matchUpdated subscriber, through the gateway', liveStats, 'p95 ≤ 50', liveOk),
      row('(of which: reportMatchResult answered, through the gateway)', answerStats, '—', null),
      row('1,024-player single-elimination bracket (1,023 matches) with user fields, gateway', single, 'p95 ≤ 100', bracketOk),
      row('1,024-player double-elimination bracket (2,046 matches) with user fields, gateway', double, '(beside it)', null),
    ].join('\n'),
  });
  publishSection(section, WRITE);
  return true;
}

await runBench(main, { deadlineMs: 15 * 60_000 });
