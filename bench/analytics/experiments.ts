// Analytics benchmark (issue 19), experiments and retention: how long a player's variant takes at
// the analytics subgraph, and the 30-day retention query over 100,000 players from the rollups.
//
//   node --import tsx bench/analytics/experiments.ts [--assignments 5000] [--players 100000] [--queries 30] [--no-write]
//
// Real PostgreSQL (a throwaway database, dropped at the end) and Redis (BENCH_REDIS_URL, default
// redis://127.0.0.1:6379/15). The analytics subgraph runs in this process: operations go through its
// Apollo server (executeOperation: schema, resolvers, error formatting; no HTTP, no gateway).
//   1. variant assignment: a RUNNING 50/50 experiment; (a) the pure assignment (SHA-256 bucket,
//      weights) for 100,000 players; (b) `experimentVariant` for --assignments distinct players, each
//      once (the exposure is written); (c) the same players again (definition cached for 5 s,
//      exposure already recorded on this replica); (d) again with targeting by sessions (one read of
//      the player's facts per call). Target: p99 ≤ 1 ms.
//   2. retention: --players players first seen over the last 30 days, each active on the day they
//      arrived and on each later day with probability 0.25 (the daily-players rollup), and the
//      retention rollup built from them (as the migration's backfill does), then `retentionCohorts`
//      over the 30 days, --queries times; the answer must hold every seeded player. Target: p95 ≤ 200 ms.
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth.js';
import { openDatabase } from '../../platform/db/index.js';
import { IoRedisPort } from '../../platform/redis/index.js';
import { silentLogger, subgraphClient } from '../../platform/testing.js';
import type { Context } from '../../subgraphs/analytics/context.js';
import { bucketOf, assignVariant } from '../../subgraphs/analytics/domain/experiments.js';
import { analyticsSubgraph } from '../../subgraphs/analytics/subgraph.js';
import { f1, f2, flag, loadAverage, log, machineDescription, now, option, percentile, publishSection, resultsSection, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';

const ASSIGNMENTS = Math.max(500, Number(option('assignments', '5000')));
const PLAYERS = Math.max(1_000, Number(option('players', '100000')));
const QUERIES = Math.max(5, Number(option('queries', '30')));
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
const WRITE = !flag('no-write');
const DB = throwawayDatabase('bench_experiments');
const ADMIN: Viewer = { userId: randomUUID(), role: 'ADMIN' };
const DAY = 86_400_000;
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const stats = (xs: number[]) => {
  const s = sorted(xs);
  return { p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s.at(-1)! };
};
const ms = (x: { p50: number; p95: number; p99: number; max: number }) => `p50 ${f2(x.p50)}, p95 ${f2(x.p95)}, p99 ${f2(x.p99)}, max ${f1(x.max)} ms`;

async function main(): Promise<boolean> {
  const loadStart = loadAverage();
  const started = new Date();
  await DB.create();
  const db = await openDatabase({ databaseUrl: DB.url, dataDir: 'memory://' });
  onCleanup(() => db.close());
  const redis = new IoRedisPort(REDIS_URL);
  onCleanup(() => redis.close());
  const built = analyticsSubgraph.create({ db, redis, logger: silentLogger, config: { ANALYTICS_CONSUMER_NAME: `bench-${process.pid}` } });
  const client = subgraphClient<Context>(built);
  await client.server.start();
  onCleanup(() => client.server.stop());

  // ------------------------------------------------------------ 1. variant assignment
  const DEFINE = `mutation($input: DefineExperimentInput!) { defineExperiment(input: $input) { created } }`;
  const define = async (key: string, targeting?: Record<string, unknown>) => {
    const result = await client.execute(ADMIN, DEFINE, {
      input: {
        key,
        variants: [
          { key: 'control', weight: 50, featureFlags: { shop: 'classic' } },
          { key: 'grid', weight: 50, featureFlags: { shop: 'grid' } },
        ],
        goals: ['purchase'],
        targeting,
        startsAt: new Date(Date.now() - DAY).toISOString(),
        endsAt: new Date(Date.now() + DAY).toISOString(),
        status: 'RUNNING',
      },
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };
  await define('bench-shop');
  await define('bench-new-players', { maxSessions: 5 });
  const variants = [
    { key: 'control', weight: 50, featureFlags: {} },
    { key: 'grid', weight: 50, featureFlags: {} },
  ];
  const pure: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const id = randomUUID();
    const t0 = now();
    assignVariant(variants, bucketOf('bench-shop', id));
    pure.push(now() - t0);
  }
  const pureStats = stats(pure);
  log(`pure assignment: ${ms(pureStats)}`);

  const VARIANT = `query($key: String!) { experimentVariant(key: $key) { variant featureFlags reason } }`;
  const players: Viewer[] = Array.from({ length: ASSIGNMENTS }, () => ({ userId: randomUUID(), role: 'PLAYER' }));
  const timeCalls = async (key: string) => {
    const times: number[] = [];
    for (const player of players) {
      const t0 = now();
      const result = await client.execute(player, VARIANT, { key });
      times.push(now() - t0);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    return stats(times);
  };
  for (let i = 0; i < 200; i++) await client.execute(players[i]!, VARIANT, { key: 'bench-new-players' }); // warm-up
  const first = await timeCalls('bench-shop');
  log(`experimentVariant, first call per player (exposure written): ${ms(first)}`);
  const repeat = await timeCalls('bench-shop');
  log(`experimentVariant, repeated: ${ms(repeat)}`);
  const targeted = await timeCalls('bench-new-players');
  log(`experimentVariant with targeting by sessions, repeated or first: ${ms(targeted)}`);

  // ------------------------------------------------------------ 2. retention over 100,000 players
  const today = Math.floor(Date.now() / DAY) * DAY;
  const from = today - 30 * DAY;
  log(`seeding ${PLAYERS} players over 30 days and their daily activity`);
  const s0 = now();
  await db.sql.query(
    `INSERT INTO analytics_players (user_id, first_seen_at, last_seen_at, events)
     SELECT gen_random_uuid(), $1::timestamptz + (i % 30) * interval '1 day' + (i % 86000) * interval '1 second', $2::timestamptz, 10
     FROM generate_series(1, $3::int) AS i`,
    [new Date(from).toISOString(), new Date(today).toISOString(), PLAYERS],
  );
  await db.sql.query(
    `INSERT INTO analytics_daily_players (day, user_id, events)
     SELECT (p.first_seen_at AT TIME ZONE 'UTC')::date + d, p.user_id, 1
     FROM analytics_players p CROSS JOIN generate_series(0, 30) AS d
     WHERE (d = 0 OR random() < 0.25) AND (p.first_seen_at AT TIME ZONE 'UTC')::date + d < ($1::timestamptz AT TIME ZONE 'UTC')::date
     ON CONFLICT DO NOTHING`,
    [new Date(today).toISOString()],
  );
  // The retention rollup the processors keep, built at once for the seeded days (the migration's backfill).
  await db.sql.query(
    `INSERT INTO analytics_retention_cohorts (day, players, d1, d7, d30)
     SELECT c.day, count(*)::int,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analytics_daily_players d WHERE d.user_id = c.user_id AND d.day = c.day + 1))::int,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analytics_daily_players d WHERE d.user_id = c.user_id AND d.day = c.day + 7))::int,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM analytics_daily_players d WHERE d.user_id = c.user_id AND d.day = c.day + 30))::int
     FROM (SELECT user_id, (first_seen_at AT TIME ZONE 'UTC')::date AS day FROM analytics_players) AS c
     GROUP BY c.day
     ON CONFLICT (day) DO UPDATE SET players = EXCLUDED.players, d1 = EXCLUDED.d1, d7 = EXCLUDED.d7, d30 = EXCLUDED.d30`,
  );
  await db.sql.query('ANALYZE analytics_players');
  await db.sql.query('ANALYZE analytics_daily_players');
  const rows = (await db.sql.query<{ rows: number }>('SELECT count(*)::int AS rows FROM analytics_daily_players'))[0]?.rows ?? 0;
  log(`seeded in ${f1((now() - s0) / 1000)} s: ${rows} daily-player rows`);
  const RETENTION = `query($from: DateTime!, $to: DateTime!) { retentionCohorts(from: $from, to: $to) { day players retained { day players rate } } }`;
  const vars = { from: new Date(from).toISOString(), to: new Date(today).toISOString() };
  const times: number[] = [];
  let cohortPlayers = 0;
  for (let i = 0; i < QUERIES + 3; i++) {
    const t0 = now();
    const result = await client.execute<{ retentionCohorts: { players: number }[] }>(ADMIN, RETENTION, vars);
    const elapsed = now() - t0;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    cohortPlayers = result.data!.retentionCohorts.reduce((s, c) => s + c.players, 0);
    if (i >= 3) times.push(elapsed); // the first three warm the cache
  }
  if (cohortPlayers !== PLAYERS) throw new Error(`retentionCohorts counted ${cohortPlayers} players, not ${PLAYERS}`);
  const retention = stats(times);
  log(`retentionCohorts over 30 days (${cohortPlayers} players): ${ms(retention)}`);

  const assignmentOk = repeat.p99 <= 1;
  const retentionOk = retention.p95 <= 200;
  const body = [
    '| measure | figure | target | verdict |',
    '| --- | ---: | --- | --- |',
    `| assignment alone (SHA-256 bucket + weights, 100,000 players) | ${ms(pureStats)} | p99 ≤ 1 ms | ${verdict(pureStats.p99 <= 1)} |`,
    `| experimentVariant at the subgraph, repeated (${ASSIGNMENTS} players; definition cached, exposure recorded) | ${ms(repeat)} | p99 ≤ 1 ms | ${verdict(assignmentOk)} |`,
    `| experimentVariant at the subgraph, each player's first call (writes the exposure) | ${ms(first)} | (no target) | |`,
    `| experimentVariant with targeting by sessions (one read of the player's facts per call) | ${ms(targeted)} | (no target) | |`,
    `| retentionCohorts over 30 days, ${cohortPlayers} players (${rows} daily-player rows), ${QUERIES} queries | ${ms(retention)} | p95 ≤ 200 ms | ${verdict(retentionOk)} |`,
    '',
    'Every operation goes through the analytics subgraph\'s Apollo server (parse, validate, resolvers, error formatting), as the gateway\'s call would, without the HTTP hop. A first call per player also inserts its exposure row; repeated calls are answered from the replica\'s cached definition (5 s) and its memory of recorded exposures.',
  ].join('\n');
  publishSection(
    resultsSection({
      title: 'Analytics experiments and retention',
      date: started,
      machine: machineDescription(),
      loadStart,
      script: 'bench/analytics/experiments.ts',
      setup: `Real PostgreSQL (throwaway database) and Redis (${REDIS_URL.replace(/\/\/.*@/, '//')}), the analytics subgraph in this process. A RUNNING 50/50 experiment; ${ASSIGNMENTS} distinct players asking for their variant one after the other. Retention: ${PLAYERS} players first seen over the last 30 days, each active on their first day and on each later day with probability 0.25, and the per-cohort retention rollup built from them.`,
      body,
    }),
    WRITE,
  );
  return assignmentOk && retentionOk;
}

await runBench(main, { deadlineMs: 15 * 60_000 });
