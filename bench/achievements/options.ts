// The achievements benchmark's options (see bench/README.md) and constants.
import { flag, list, option } from '../lib/common.js';
import { throwawayDatabase } from '../lib/lifecycle.js';

export const PLAYERS = Math.max(10, Number(option('players', '2000')));
export const BATCHES = list(option('batches', '100,500')).filter((b) => b <= 500);
export const CALLERS = Math.max(1, Number(option('callers', '4')));
export const SECONDS = Math.min(120, Math.max(2, Number(option('seconds', '15'))));
/** Cap on the events one throughput run sends (a bound, far above what 15 s sends). */
export const MAX_EVENTS = Math.max(1_000, Number(option('max-events', '300000')));
export const SHARED_PLAYERS = flag('shared-players');
export const DRAIN_SECONDS = Math.max(0, Number(option('drain-seconds', '60')));
export const DIRECT = !flag('no-direct');
export const IN_PROCESS = !flag('no-in-process');
export const RETURNING = !flag('no-returning');

export const VETERAN = !flag('no-veteran');
export const VETERAN_EVENTS = Math.max(500, Number(option('veteran-events', '100000')));
export const VETERAN_BATCH = Math.min(500, Math.max(1, Number(option('veteran-batch', '100'))));
export const VETERAN_CALLS = Math.max(1, Number(option('veteran-calls', '20')));
export const VETERAN_ROUNDS = Math.max(1, Number(option('veteran-rounds', '4')));

export const SUBSCRIPTIONS = !flag('no-subscriptions');
export const SUBSCRIBERS = Math.max(1, Math.min(2_000, Number(option('subscribers', '200'))));
/** Spacing of the single recordGameEvent calls, one round per value, each round with its own share of the subscribers. */
export const INTERVALS = option('intervals', '100,20')
  .split(',')
  .map((x) => Number(x.trim()))
  .filter((n) => Number.isFinite(n) && n >= 0);

export const CPU_PROF = option('cpu-prof', '');
export const WRITE = !flag('no-write');
/** Hard ceiling for the whole run. */
export const RUN_DEADLINE_MS = Number(option('max-minutes', '15')) * 60_000;

export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/8';
export const DB = throwawayDatabase('bench_achievements');
/** In every event id and player name of this run. */
export const TAG = Date.now().toString(36);

export const RECORD_MANY = `mutation Record($input: RecordGameEventsInput!) {
  recordGameEvents(input: $input) { events { status unlocked { achievement { id } } } }
}`;
export const RECORD_ONE = `mutation RecordOne($input: GameEventInput!) {
  recordGameEvent(input: $input) { events { status unlocked { achievement { id } } } }
}`;
export const SUBSCRIPTION = `subscription Unlocks { achievementUnlocked { unlockedAt achievement { id name } } }`;

export const PATHS = {
  gateway: 'gateway (service token)',
  direct: 'subgraph HTTP (signed viewer header)',
  engine: 'engine in-process',
} as const;
