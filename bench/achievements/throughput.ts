// Phases 1 and 2: throughput (concurrent callers sending batches for --seconds) and the veteran
// player against new ones; plus the in-process engine's timers (where record()'s time goes).
import type { GameEventInput } from '../../subgraphs/achievements/domain/game-events.js';
import { f0, log, now, sorted } from '../lib/common.js';
import { cpuBetween } from '../lib/proc.js';
import { scrapeMetric } from '../lib/processes.js';
import { CALLERS, MAX_EVENTS, SECONDS, SHARED_PLAYERS, TAG, VETERAN_BATCH, VETERAN_CALLS, VETERAN_EVENTS, VETERAN_ROUNDS } from './options.js';
import { commandsBetween, gameEvent, pick, redisCommands, rng, seedPlayers, Tally, type Bench, type Drain, type Sender } from './workload.js';

// ---------------------------------------------------------------- in-process engine: where a call's time goes
export interface EnginePhases {
  /** GameEventsService.record(): the transaction and what follows its commit, summed over calls (calls overlap: compare with each other, not with wall time). */
  transaction: number;
  recordIn: number;
  writeUnlockEffects: number;
  afterCommit: number;
  calls: number;
}
export const enginePhases: EnginePhases = { transaction: 0, recordIn: 0, writeUnlockEffects: 0, afterCommit: 0, calls: 0 };
export const resetEnginePhases = () => Object.assign(enginePhases, { transaction: 0, recordIn: 0, writeUnlockEffects: 0, afterCommit: 0, calls: 0 });

/** The in-process subgraph's parts whose methods are timed (achievementsSubgraph.create(...).parts). */
export interface InstrumentedParts {
  gameEvents: object;
  batches: object;
  unlockEffects: object;
  work: object;
}

/** Wraps the parts' own methods with timers (measurement only: the methods are called as before). */
export function instrumentEngine(parts: InstrumentedParts) {
  const timed = (owner: object, name: string, phase: keyof EnginePhases) => {
    const target = owner as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const original = target[name]!.bind(owner);
    target[name] = async (...args: unknown[]) => {
      const t0 = now();
      try {
        return await original(...args);
      } finally {
        enginePhases[phase] += now() - t0;
        if (phase === 'transaction') enginePhases.calls++;
      }
    };
  };
  timed(parts.gameEvents, 'record', 'transaction');
  timed(parts.batches, 'recordIn', 'recordIn');
  timed(parts.unlockEffects, 'write', 'writeUnlockEffects');
  // After the commit: from the unit of work's first after-commit action (registered first here) to its return.
  const work = parts.work as { runSql: (fn: (w: { afterCommit(effect: () => void): void }) => Promise<unknown>, options?: unknown) => Promise<unknown> };
  const runSql = work.runSql.bind(work);
  work.runSql = async (fn, options) => {
    let committedAt: number | null = null;
    try {
      return await runSql((w) => {
        w.afterCommit(() => void (committedAt = now()));
        return fn(w);
      }, options);
    } finally {
      if (committedAt !== null) enginePhases.afterCommit += now() - committedAt;
    }
  };
}

// ---------------------------------------------------------------- 1. throughput
export interface ThroughputRun {
  path: string;
  /** The players of the run before, their first unlocks done. */
  returning: boolean;
  batch: number;
  callers: number;
  players: number;
  seconds: number;
  sent: number;
  tally: Tally;
  latencies: number[];
  dbEvents: number;
  dbUnlocks: number;
  cpu: Record<string, number>;
  redisCommands: Map<string, number>;
  /** In-process runs: where the engine's time went (summed over calls). */
  phases?: EnginePhases;
  /** Players of the run's batches whose projection the engine held in memory (hit) or read (miss). */
  projection?: ProjectionLookups;
  drain?: Drain;
}

export const perSecond = (run: ThroughputRun) => run.tally.recorded / run.seconds;

export interface ProjectionLookups {
  hit: number;
  miss: number;
}

/** The achievements subgraph's projection cache lookups so far, from its /metrics. */
export async function scrapeProjectionLookups(metricsUrl: string): Promise<ProjectionLookups> {
  const lookups = (result: string) => scrapeMetric(metricsUrl, 'achievements_projection_cache_lookups_total', { result });
  const [hit, miss] = await Promise.all([lookups('hit'), lookups('miss')]);
  return { hit, miss };
}

/**
 * --callers callers, each sending batches of `batch` events for its share of `players` (all of them
 * with --shared-players), one call after another, for --seconds; then the database check.
 */
export async function throughputRun(
  bench: Bench,
  path: string,
  send: Sender,
  batch: number,
  players: string[],
  seed: number,
  returning: boolean,
  lookups: () => Promise<ProjectionLookups>,
): Promise<ThroughputRun> {
  const r = rng(seed);
  const shares = Array.from({ length: CALLERS }, (_, c) => (SHARED_PLAYERS ? players : players.filter((_, i) => i % CALLERS === c)));
  const tally = new Tally();
  const latencies: number[] = [];
  let sent = 0;
  let seq = 0;
  const redis0 = await redisCommands(bench.redis);
  const lookups0 = await lookups();
  const cpu0 = bench.cpu.snapshot();
  const start = now();
  const deadline = start + SECONDS * 1000;
  let last = start;
  await Promise.all(
    shares.map(async (mine, c) => {
      while (now() < deadline && sent + batch <= MAX_EVENTS) {
        const events = Array.from({ length: batch }, () => gameEvent(r, `${TAG}-${seed}-${c}-${seq++}`, pick(r, mine), players));
        sent += batch;
        const t0 = now();
        const outcome = await send(events);
        const t1 = now();
        last = Math.max(last, t1);
        latencies.push(t1 - t0);
        tally.add(outcome);
      }
    }),
  );
  const cpu = cpuBetween(cpu0, bench.cpu.snapshot());
  const commands = commandsBetween(redis0, await redisCommands(bench.redis));
  const lookups1 = await lookups();
  const { rows } = await bench.db.query<{ events: string; unlocks: string }>(
    `SELECT (SELECT count(*) FROM achievement_events WHERE user_id = ANY($1::uuid[]) AND id LIKE $2) AS events,
            (SELECT count(*) FROM user_achievements WHERE user_id = ANY($1::uuid[]) AND event_id LIKE $2) AS unlocks`,
    [players, `${TAG}-${seed}-%`],
  );
  return {
    path,
    returning,
    batch,
    callers: CALLERS,
    players: players.length,
    seconds: (last - start) / 1000,
    sent,
    tally,
    latencies: sorted(latencies),
    dbEvents: Number(rows[0]!.events),
    dbUnlocks: Number(rows[0]!.unlocks),
    cpu,
    redisCommands: commands,
    projection: { hit: lookups1.hit - lookups0.hit, miss: lookups1.miss - lookups0.miss },
  };
}

// ---------------------------------------------------------------- 2. veteran vs new player
interface SinglePlayerRun {
  events: number;
  seconds: number;
  latencies: number[];
  tally: Tally;
}

/** --veteran-calls calls of --veteran-batch events for one player, one after another. */
async function singlePlayerRun(send: Sender, userId: string, others: string[], seed: number): Promise<SinglePlayerRun> {
  const r = rng(seed);
  const latencies: number[] = [];
  const tally = new Tally();
  const start = now();
  for (let call = 0; call < VETERAN_CALLS; call++) {
    const batch = Array.from({ length: VETERAN_BATCH }, (_, i) => gameEvent(r, `${TAG}-v${seed}-${call}-${i}`, userId, others));
    const t0 = now();
    const outcome = await send(batch);
    latencies.push(now() - t0);
    tally.add(outcome);
  }
  return { events: tally.recorded, seconds: (now() - start) / 1000, latencies, tally };
}

export interface VeteranComparison {
  path: string;
  veteran: SinglePlayerRun[];
  fresh: SinglePlayerRun[];
}

/** Several runs as one: events/s over their summed time, every call's latency, errors. */
export const combined = (runs: SinglePlayerRun[]) => {
  const events = runs.reduce((s, r) => s + r.events, 0);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  const errors = runs.reduce((s, r) => s + r.tally.errors, 0);
  return { events, seconds, perSecond: events / seconds, latencies: sorted(runs.flatMap((r) => r.latencies)), errors, errorSample: runs.find((r) => r.tally.errorSample)?.tally.errorSample };
};

/** --veteran-rounds rounds, alternating which goes first: the veteran, and a player new at the start of the round. */
export async function compareVeteran(bench: Bench, path: string, send: Sender, veteranId: string, others: string[], seedBase: number): Promise<VeteranComparison> {
  const veteran: SinglePlayerRun[] = [];
  const fresh: SinglePlayerRun[] = [];
  for (let round = 0; round < VETERAN_ROUNDS; round++) {
    const [newcomer] = await seedPlayers(bench.db, 1, `bench_new_${seedBase}_${round}`);
    const runVeteran = async () => veteran.push(await singlePlayerRun(send, veteranId, others, seedBase + round * 2));
    const runNew = async () => fresh.push(await singlePlayerRun(send, newcomer!, others, seedBase + round * 2 + 1));
    // Alternate the order so neither always runs on a warmer (or busier) machine.
    if (round % 2 === 0) {
      await runVeteran();
      await runNew();
    } else {
      await runNew();
      await runVeteran();
    }
  }
  return { path, veteran, fresh };
}

export interface VeteranSeed {
  events: number;
  seconds: number;
  tally: Tally;
  version: number;
  /** Events in the player's stream that came from the bus (LEVEL_UP after reward XP), not from the game server. */
  busEvents: number;
  unlocked: number;
  progressRows: number;
  stateBytes: number;
}

/**
 * --veteran-events events for one player through `send` (the in-process engine: validation + record,
 * one transaction per call) in batches of 500, occurredAt spread over the last 400 days in order;
 * then what the player's rows hold.
 */
export async function seedVeteran(bench: Bench, send: Sender, userId: string, others: string[]): Promise<VeteranSeed> {
  const r = rng(7);
  const spanMs = 400 * 86_400_000;
  const first = Date.now() - spanMs - 60_000;
  const step = spanMs / VETERAN_EVENTS;
  const tally = new Tally();
  const start = now();
  let lastLog = start;
  for (let done = 0; done < VETERAN_EVENTS; done += 500) {
    const count = Math.min(500, VETERAN_EVENTS - done);
    const events: GameEventInput[] = Array.from({ length: count }, (_, i) => ({
      ...gameEvent(r, `${TAG}-seed-${done + i}`, userId, others),
      occurredAt: new Date(first + (done + i) * step),
    }));
    tally.add(await send(events));
    if (now() - lastLog > 10_000) {
      lastLog = now();
      log(`  seeded ${f0(done + count)} / ${f0(VETERAN_EVENTS)} veteran events`);
    }
  }
  const seconds = (now() - start) / 1000;
  const { rows } = await bench.db.query<{ version: number; unlocked: string; progress: string; bytes: string; bus: string }>(
    `SELECT p.version,
            (SELECT count(*) FROM achievement_events WHERE user_id = p.user_id AND source <> 'game') AS bus,
            (SELECT count(*) FROM user_achievements WHERE user_id = p.user_id) AS unlocked,
            (SELECT count(*) FROM achievement_progress WHERE user_id = p.user_id) AS progress,
            (SELECT coalesce(sum(pg_column_size(state)), 0) FROM achievement_progress WHERE user_id = p.user_id) AS bytes
     FROM achievement_players p WHERE p.user_id = $1::uuid`,
    [userId],
  );
  const row = rows[0]!;
  return {
    events: VETERAN_EVENTS,
    seconds,
    tally,
    version: row.version,
    busEvents: Number(row.bus),
    unlocked: Number(row.unlocked),
    progressRows: Number(row.progress),
    stateBytes: Number(row.bytes),
  };
}
