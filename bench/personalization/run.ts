// Personalization benchmark (issue 19 item 6): how long training takes on a realistic history, and
// what personalizedExperience costs once the model is in memory.
//
//   node --import tsx bench/personalization/run.ts [--players 10000] [--requests 300] [--no-write]
//
// Real PostgreSQL (a throwaway database, dropped at the end); the analytics subgraph in this process
// (Apollo's executeOperation, no HTTP), its background workers off. The players' interactions and
// sessions come from the offline evaluation's synthetic history (seed 19), written straight into
// analytics_player_items and analytics_sessions.
//   1. training: RecommenderService.train() three times (read every interaction in pages, train,
//      store the model); the median.
//   2. serving: --requests queries of one player's experience (a random player each), one at a time;
//      then --requests / 10 queries asking for 10 players at once (aliases, as an ADMIN).
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../../platform/auth.js';
import { openDatabase } from '../../platform/db/index.js';
import { newTestRedis, subgraphClient } from '../../platform/testing.js';
import { CHARACTERS, QUESTS } from '../../subgraphs/analytics/catalog/content.js';
import type { Context } from '../../subgraphs/analytics/context.js';
import { playerItemDeltas } from '../../subgraphs/analytics/domain/interactions.js';
import { syntheticHistory } from '../../subgraphs/analytics/evaluation/synthetic-history.js';
import { PersonalizationStore } from '../../subgraphs/analytics/store/personalization.store.js';
import { analyticsSubgraph } from '../../subgraphs/analytics/subgraph.js';
import { f0, f1, flag, loadAverage, log, machineDescription, now, option, percentile, publishSection, resultsSection, sorted } from '../lib/common.js';
import { runBench, throwawayDatabase } from '../lib/lifecycle.js';

const PLAYERS = Math.max(100, Number(option('players', '10000')));
const REQUESTS = Math.max(20, Number(option('requests', '300')));
const WRITE = !flag('no-write');
const DB = throwawayDatabase('bench_personalization');
const ADMIN: Viewer = { userId: randomUUID(), role: 'ADMIN' };
const iso = (ms: number) => new Date(ms).toISOString();

async function main(): Promise<boolean> {
  const started = new Date();
  const loadStart = loadAverage();
  await DB.create();
  const db = await openDatabase({ databaseUrl: DB.url, dataDir: 'memory://' });
  try {
    // --- the history
    const end = Date.now() - 3_600_000;
    const events = syntheticHistory({ seed: 19, players: PLAYERS, weeks: 4, end, quests: QUESTS, characters: CHARACTERS });
    const deltas = playerItemDeltas(events);
    const sessions = new Map<string, { userId: string; sessionId: string; startedAt: number; lastAt: number; completedAt: number | null }>();
    for (const e of events) {
      const key = `${e.userId}|${e.sessionId}`;
      const s = sessions.get(key) ?? { userId: e.userId, sessionId: e.sessionId, startedAt: e.occurredAt, lastAt: e.occurredAt, completedAt: null };
      s.lastAt = Math.max(s.lastAt, e.occurredAt);
      if (e.eventType === 'SESSION_COMPLETED') s.completedAt = e.occurredAt;
      sessions.set(key, s);
    }
    const store = new PersonalizationStore(db.prisma, db.sql);
    for (let i = 0; i < deltas.length; i += 5_000) await db.transaction((sql) => store.addInteractions(sql, deltas.slice(i, i + 5_000)));
    const rows = [...sessions.values()];
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000);
      await db.sql.query(
        `INSERT INTO analytics_sessions (user_id, session_id, started_at, last_event_at, completed_at, events)
         SELECT u, s, a, l, c, 1 FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[]) AS i(u, s, a, l, c)`,
        [chunk.map((r) => r.userId), chunk.map((r) => r.sessionId), chunk.map((r) => iso(r.startedAt)), chunk.map((r) => iso(r.lastAt)), chunk.map((r) => (r.completedAt === null ? null : iso(r.completedAt)))],
      );
    }
    log(`history: ${PLAYERS} players, ${events.length} events, ${deltas.length} (player, item) rows, ${rows.length} sessions`);

    // --- training
    const built = analyticsSubgraph.create({ db, redis: newTestRedis(), config: { ANALYTICS_RECOMMENDER_REFRESH_MS: 3_600_000 } });
    const trainings: number[] = [];
    let trained = await built.parts.recommender.train();
    for (let i = 0; i < 3; i++) {
      const t0 = now();
      trained = await built.parts.recommender.train();
      trainings.push(now() - t0);
    }
    const trainMs = percentile(sorted(trainings), 0.5);
    log(`training: median ${f0(trainMs)} ms (${trained.model.players} players, ${trained.model.interactions} interactions)`);

    // --- serving
    const client = subgraphClient<Context>(built);
    await client.server.start();
    const ids = [...new Set(events.map((e) => e.userId))];
    const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
    const FIELDS = 'userId difficultyAdjustment uiHints recommendedQuests { quest { id difficulty } basis score } recommendedCharacters { character { id } } personalizedRewards { coins xp multiplier }';
    const time = async (query: string, variables: Record<string, unknown> = {}) => {
      const t0 = now();
      const result = await client.execute(ADMIN, query, variables);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return now() - t0;
    };
    for (let i = 0; i < 20; i++) await time(`query($u: ID) { personalizedExperience(userId: $u) { ${FIELDS} } }`, { u: pick() });
    const one: number[] = [];
    for (let i = 0; i < REQUESTS; i++) one.push(await time(`query($u: ID) { personalizedExperience(userId: $u) { ${FIELDS} } }`, { u: pick() }));
    const ten: number[] = [];
    for (let i = 0; i < Math.max(10, REQUESTS / 10); i++) {
      ten.push(await time(`{ ${Array.from({ length: 10 }, (_, k) => `p${k}: personalizedExperience(userId: "${pick()}") { ${FIELDS} }`).join(' ')} }`));
    }
    await client.server.stop();
    const s1 = sorted(one);
    const s10 = sorted(ten);

    const body = [
      '| measure | p50 ms | p95 ms | max ms |',
      '| --- | ---: | ---: | ---: |',
      `| train: read ${trained.model.interactions.toLocaleString('en')} interactions of ${trained.model.players.toLocaleString('en')} players, train, store (median of 3) | ${f0(trainMs)} | | ${f0(Math.max(...trainings))} |`,
      `| personalizedExperience, one player (${REQUESTS} requests, one at a time) | ${f1(percentile(s1, 0.5))} | ${f1(percentile(s1, 0.95))} | ${f1(s1.at(-1))} |`,
      `| personalizedExperience × 10 players in one request (${s10.length} requests) | ${f1(percentile(s10, 0.5))} | ${f1(percentile(s10, 0.95))} | ${f1(s10.at(-1))} |`,
      '',
      'No target in the issue. A request reads the players\' facts in one batch (two statements whatever the number of players) and ranks in memory from the model the replica holds; training runs in the background every 15 minutes on one replica.',
    ].join('\n');
    publishSection(
      resultsSection({
        title: 'Personalization serving',
        date: started,
        machine: machineDescription(),
        loadStart,
        script: 'bench/personalization/run.ts',
        setup: `Real PostgreSQL (throwaway database), the analytics subgraph in this process (executeOperation, no HTTP), workers off. History: the offline evaluation's synthetic generator (seed 19), ${PLAYERS.toLocaleString('en')} players over 4 weeks: ${events.length.toLocaleString('en')} events folded into ${deltas.length.toLocaleString('en')} (player, item) rows and ${rows.length.toLocaleString('en')} sessions, written directly.`,
        body,
      }),
      WRITE,
    );
    return true;
  } finally {
    await db.close();
  }
}

await runBench(main, { deadlineMs: 10 * 60_000 });
