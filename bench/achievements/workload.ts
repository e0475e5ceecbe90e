// What the game server sends and what the bench watches while it does: the seeded event mix, the
// three ways of sending (gateway, subgraph HTTP, the engine in-process), players inserted straight
// into the database, the reward pipeline (achievement.unlocked → users), Redis commands and CPU.
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { GameEventInput } from '../../subgraphs/achievements/domain/game-events.js';
import { f0, f1, now, sleep } from '../lib/common.js';
import type { CpuMeter } from '../lib/proc.js';
import { postGraphQL, type GqlBody } from '../lib/processes.js';
import { DRAIN_SECONDS, RECORD_MANY, TAG } from './options.js';

/** What every phase uses: the bench's own pool, the CPU meter, a Redis connection for statistics, the achievements with rewards. */
export interface Bench {
  db: pg.Pool;
  cpu: CpuMeter;
  redis: Redis;
  rewardingAchievements: string[];
}

// ---------------------------------------------------------------- the event mix
/** mulberry32: a small seeded generator, so every run sends the same mix. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rand = ReturnType<typeof rng>;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const ENEMIES = ['goblin', 'orc', 'troll', 'wolf', 'bandit', 'skeleton', 'zombie', 'spider', 'wraith', 'ogre', 'harpy', 'golem', 'wyvern', 'kobold', 'lich', 'basilisk', 'minotaur', 'cultist', 'slime', 'dragon'];
const REGIONS = ['emerald_vale', 'frost_peaks', 'sunken_coast', 'ashlands', 'old_forest', 'crystal_caves', 'dune_sea', 'marshes', 'high_moor', 'capital', 'iron_hills', 'sky_isles', 'underdark', 'jade_coast', 'far_north'];
const QUEST_TYPES = ['main', 'side', 'side', 'bounty', 'lore', 'crafting', 'building'];
const CLASSES = ['warrior', 'mage', 'rogue', 'cleric', 'ranger', 'bard', 'paladin', 'druid'];
const RACES = ['human', 'elf', 'dwarf', 'orc', 'halfling', 'duckfolk'];
const SOCIAL_KINDS = ['chat', 'chat', 'chat', 'party', 'trade'];

/**
 * One game-server event for `userId`: 35% COMBAT_WON (pvp 40% / pve, an enemy of 20, damage, 5% boss),
 * 15% COMBAT_LOST, 20% QUEST_COMPLETED (15 regions, 6 quest types), 10% SESSION_COMPLETED
 * (durationMinutes 5–300), 17% SOCIAL_INTERACTION (chat/party/trade with another player), 3% CHARACTER_CREATED.
 */
export function gameEvent(r: Rand, id: string, userId: string, others: readonly string[]): GameEventInput {
  const x = r();
  let type: string;
  let data: Record<string, unknown>;
  if (x < 0.35) {
    type = 'COMBAT_WON';
    data = { mode: r() < 0.4 ? 'pvp' : 'pve', enemy: pick(r, ENEMIES), damageDealt: 100 + Math.floor(r() * 1900) };
    if (r() < 0.05) data.boss = true;
  } else if (x < 0.5) {
    type = 'COMBAT_LOST';
    data = { mode: r() < 0.4 ? 'pvp' : 'pve', enemy: pick(r, ENEMIES) };
  } else if (x < 0.7) {
    type = 'QUEST_COMPLETED';
    data = { questId: `q_${Math.floor(r() * 400)}`, region: pick(r, REGIONS), questType: pick(r, QUEST_TYPES) };
  } else if (x < 0.8) {
    type = 'SESSION_COMPLETED';
    data = { durationMinutes: 5 + Math.floor(r() * 295) };
  } else if (x < 0.97) {
    type = 'SOCIAL_INTERACTION';
    data = { kind: pick(r, SOCIAL_KINDS), withUserId: pick(r, others) };
  } else {
    type = 'CHARACTER_CREATED';
    data = { characterClass: pick(r, CLASSES), race: pick(r, RACES), customized: r() < 0.3 };
  }
  return { id, userId, type, data };
}

// ---------------------------------------------------------------- senders
export interface SendOutcome {
  recorded: number;
  duplicates: number;
  unlocks: number;
  error?: string;
}
export type Sender = (events: GameEventInput[]) => Promise<SendOutcome>;

export interface RecordPayload {
  recordGameEvents?: { events: { status: string; unlocked: unknown[] }[] };
  recordGameEvent?: { events: { status: string; unlocked: unknown[] }[] };
}

export function outcomeOf(events: { status: string; unlocked: unknown[] }[] | undefined, errors?: GqlBody['errors']): SendOutcome {
  if (!events) return failed((errors ?? []).map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ') || 'no data');
  let recorded = 0;
  let unlocks = 0;
  for (const e of events) {
    if (e.status === 'RECORDED') recorded++;
    unlocks += e.unlocked.length;
  }
  return { recorded, duplicates: events.length - recorded, unlocks };
}

export const failed = (error: string): SendOutcome => ({ recorded: 0, duplicates: 0, unlocks: 0, error });

/** recordGameEvents over HTTP (the gateway with the service token, or the subgraph with a viewer header signed per call). */
export const httpSender =
  (url: string, headers: Record<string, string> | (() => Promise<Record<string, string>>)): Sender =>
  async (events) => {
    try {
      const body = await postGraphQL<RecordPayload>(url, RECORD_MANY, { input: { events } }, typeof headers === 'function' ? await headers() : headers);
      return outcomeOf(body.data?.recordGameEvents?.events, body.errors);
    } catch (error) {
      return failed((error as Error).message);
    }
  };

/** Counts of a run's calls: events recorded, duplicates, unlocks, failed calls (with the first error). */
export class Tally {
  calls = 0;
  recorded = 0;
  duplicates = 0;
  unlocks = 0;
  errors = 0;
  errorSample?: string;

  add(outcome: SendOutcome) {
    this.calls++;
    this.recorded += outcome.recorded;
    this.duplicates += outcome.duplicates;
    this.unlocks += outcome.unlocks;
    if (outcome.error) this.error(outcome.error);
  }

  error(message: string) {
    this.errors++;
    this.errorSample ??= message.slice(0, 200);
  }
}

// ---------------------------------------------------------------- players
/** Inserts `count` players straight into users and achievement_players (what user.registered produces); returns their ids. */
export async function seedPlayers(db: pg.Pool, count: number, prefix: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (id, username, username_key, email, password_hash, display_name, updated_at)
     SELECT gen_random_uuid(), $1 || i, $1 || i, $1 || i || '@example.com', 'not-a-password-hash', $1 || i, now()
     FROM generate_series(1, $2::int) AS i
     RETURNING id::text AS id`,
    [`${prefix}_${TAG}_`, count],
  );
  const ids = rows.map((r) => r.id);
  await db.query(`INSERT INTO achievement_players (user_id) SELECT unnest($1::uuid[])`, [ids]);
  return ids;
}

// ---------------------------------------------------------------- rewards (users credits them from achievement.unlocked)
interface PipelineState {
  unlocks: number;
  credited: number;
  unpublished: number;
}

async function pipelineState(bench: Bench): Promise<PipelineState> {
  const { rows } = await bench.db.query<{ unlocks: string; credited: string; unpublished: string }>(
    `SELECT (SELECT count(*) FROM user_achievements WHERE achievement_id = ANY($1::text[])) AS unlocks,
            (SELECT count(*) FROM wallet_operations WHERE reason = 'achievement_reward') AS credited,
            (SELECT count(*) FROM outbox_events WHERE producer = 'achievements' AND published_at IS NULL) AS unpublished`,
    [bench.rewardingAchievements],
  );
  const row = rows[0]!;
  return { unlocks: Number(row.unlocks), credited: Number(row.credited), unpublished: Number(row.unpublished) };
}

export interface Drain {
  before: PipelineState;
  after: PipelineState;
  seconds: number;
  creditedPerSecond: number;
}

/** Waits (at most --drain-seconds) until users has credited every unlock with rewards. */
export async function drainRewards(bench: Bench): Promise<Drain> {
  const before = await pipelineState(bench);
  const start = now();
  let after = before;
  while (after.credited < after.unlocks && now() - start < DRAIN_SECONDS * 1000) {
    await sleep(500);
    after = await pipelineState(bench);
  }
  const seconds = (now() - start) / 1000;
  return { before, after, seconds, creditedPerSecond: seconds > 0.4 ? (after.credited - before.credited) / seconds : NaN };
}

export const drainText = (d: Drain) =>
  `${f0(d.after.credited - d.before.credited)} credited in ${f1(d.seconds)} s (${f0(d.creditedPerSecond)}/s), ${f0(d.after.unlocks - d.after.credited)} still to credit`;

// ---------------------------------------------------------------- Redis commands (INFO commandstats, server-wide)
export async function redisCommands(redis: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  const info = await redis.info('commandstats');
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(match[1]!, Number(match[2]));
  return calls;
}

export function commandsBetween(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, n] of b) if (n - (a.get(name) ?? 0) > 0) out.set(name, n - (a.get(name) ?? 0));
  out.delete('info');
  return out;
}

/** `4.2 (publish 2.2, set 0.9, …)`: commands per event, the four most frequent. */
export function commandsPerEvent(commands: Map<string, number>, events: number) {
  const total = [...commands.values()].reduce((s, n) => s + n, 0);
  const top = [...commands].sort((x, y) => y[1] - x[1]).slice(0, 4).map(([name, n]) => `${name} ${f1(n / events)}`).join(', ');
  return `${f1(total / events)} (${top})`;
}

// ---------------------------------------------------------------- CPU figures
const CPU_ORDER = ['gateway', 'achievements', 'subgraphs', 'postgres', 'redis', 'bench', 'clients'];
/** `gateway 7%, achievements 67%, …` (clients only when they did something). */
export const cpuText = (cpu: Record<string, number>) =>
  CPU_ORDER.filter((k) => cpu[k] !== undefined && (k !== 'clients' || cpu[k] > 0.5)).map((k) => `${k} ${f0(cpu[k])}%`).join(', ');
