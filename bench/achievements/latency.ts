// Phase 3: unlock → subscriber latency. Players registered through the gateway hold graphql-ws
// subscriptions to achievementUnlocked (client.ts); the game server reports each one's first
// COMBAT_WON with a single recordGameEvent call (one round per --intervals value, each with its own
// share of the players), then every player's first QUEST_COMPLETED in one recordGameEvents call.
import { fileURLToPath } from 'node:url';
import { achievementUnlocked } from '../../subgraphs/achievements/contracts/live.js';
import { f0, f1, log, now, runLimited, sleep, sorted, waitFor } from '../lib/common.js';
import { cpuBetween } from '../lib/proc.js';
import { ClientProcess, postGraphQL, scrapeMetric } from '../lib/processes.js';
import { INTERVALS, RECORD_ONE, SUBSCRIBERS, SUBSCRIPTION, TAG } from './options.js';
import { drainRewards, httpSender, outcomeOf, Tally, type Bench, type RecordPayload } from './workload.js';

const CLIENT_SCRIPT = fileURLToPath(new URL('./client.ts', import.meta.url));

export interface LatencyRound {
  name: string;
  /** ms between single calls; null for the one batch call. */
  interval: number | null;
  expected: number;
  delivered: number;
  /** Receive time − just before the call, ascending. */
  fromCall: number[];
  /** Receive time − the call's response, ascending. */
  fromResponse: number[];
  callMs: number[];
  tally: Tally;
  /** CPU per process from the round's first call to its last delivery (or the delivery wait's end). */
  cpu: Record<string, number>;
  seconds: number;
}

export interface SubscriptionPhase {
  registered: number;
  registerSeconds: number;
  playerRowLagMs: number;
  connected: number;
  failed: number;
  connectSeconds: number;
  upstreams: number;
  rounds: LatencyRound[];
  /** Unlocks a subscriber received more than once. */
  clientDuplicates: number;
  clientErrors: number;
  clientClosed: number;
  clientErrorSamples: string[];
  sample?: string;
}

interface Player {
  userId: string;
  token: string;
}

interface Platform {
  gatewayUrl: string;
  gatewayMetrics: string;
}

type Client = ClientProcess<{ received: number }, { times: Record<string, number>; duplicates: number }>;
/** When each unlock (`<userId> <achievementId>`) was asked for, and when its call answered. */
type Timings = Map<string, { sentAt: number; answeredAt: number }>;

/** Registers the subscribers through the gateway (users emits user.registered; achievements creates the player) and waits for their achievement_players rows. */
async function registerSubscribers(bench: Bench, platform: Platform) {
  const start = now();
  const players = await runLimited(SUBSCRIBERS, 4, async (i): Promise<Player> => {
    const username = `bs_${TAG}_${i}`;
    const body = await postGraphQL<{ register: { accessToken: string; user: { id: string } } }>(
      platform.gatewayUrl,
      `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`,
      { input: { username, email: `${username}@example.com`, password: 'password123' } },
    );
    if (!body.data) throw new Error(`register failed: ${JSON.stringify(body.errors)}`);
    return { userId: body.data.register.user.id, token: body.data.register.accessToken };
  });
  const registered = now();
  const ids = players.map((p) => p.userId);
  await waitFor(
    'achievements to create the registered players (user.registered)',
    120_000,
    async () => {
      const { rows } = await bench.db.query<{ n: string }>(`SELECT count(*) AS n FROM achievement_players WHERE user_id = ANY($1::uuid[])`, [ids]);
      return Number(rows[0]!.n) === ids.length ? true : undefined;
    },
    50,
  );
  const playerRowLagMs = now() - registered;
  const registerSeconds = (registered - start) / 1000;
  log(`  registered ${players.length} subscribers in ${f1(registerSeconds)} s; achievement_players complete ${f0(playerRowLagMs)} ms after the last registration`);
  return { players, registerSeconds, playerRowLagMs };
}

/**
 * Connects every subscriber at once, then waits until the gateway holds every subscription and an
 * upstream one per player, and the achievements subgraph has SUBSCRIBEd to each player's unlock
 * channel in Redis (PUBSUB NUMSUB): only then can an unlock reach its subscriber.
 */
async function connectSubscribers(bench: Bench, platform: Platform, client: Client, players: Player[]) {
  const start = now();
  const opened = await client.open({ url: platform.gatewayUrl.replace(/^http/, 'ws'), query: SUBSCRIPTION, players, batch: 50, connectTimeoutMs: 30_000 }, 120_000);
  const connectSeconds = (now() - start) / 1000;
  const upstreams = await waitFor('the gateway to open every subscription upstream', 60_000, async () => {
    const [active, ups] = await Promise.all([
      scrapeMetric(platform.gatewayMetrics, 'gateway_subscriptions_active'),
      scrapeMetric(platform.gatewayMetrics, 'gateway_subscription_upstreams'),
    ]);
    return active >= opened.connected && ups >= opened.connected ? ups : undefined;
  });
  const channels = players.map((p) => achievementUnlocked.channel(p.userId));
  await waitFor('the achievements subgraph to subscribe to every player\'s unlock channel', 30_000, async () => {
    const reply = (await bench.redis.pubsub('NUMSUB', ...channels)) as (string | number)[];
    const subscribed = reply.filter((x, i) => i % 2 === 1 && Number(x) > 0).length;
    return subscribed >= opened.connected ? true : undefined;
  }, 100);
  log(`  ${opened.connected} subscribers connected in ${f1(connectSeconds)} s (${opened.failed} failed), ${upstreams} upstream subscriptions`);
  return { ...opened, connectSeconds, upstreams };
}

interface RoundCalls {
  tally: Tally;
  callMs: number[];
  timings: Timings;
}

/** Runs `calls`, waits (≤ 15 s) for `expected` more deliveries, and measures CPU over it all; the delivery figures are filled in at the end. */
async function round(bench: Bench, client: Client, name: string, interval: number | null, expected: number, calls: (into: RoundCalls) => Promise<void>) {
  const target = (client.progress.received ?? 0) + expected;
  const into: RoundCalls = { tally: new Tally(), callMs: [], timings: new Map() };
  const cpu0 = bench.cpu.snapshot();
  const start = now();
  await calls(into);
  await waitFor(`${name}: deliveries`, 15_000, async () => ((client.progress.received ?? 0) >= target ? true : undefined), 50).catch(() => undefined);
  const result: LatencyRound = { name, interval, expected, delivered: 0, fromCall: [], fromResponse: [], callMs: sorted(into.callMs), tally: into.tally, cpu: cpuBetween(cpu0, bench.cpu.snapshot()), seconds: (now() - start) / 1000 };
  return { result, timings: into.timings };
}

export async function subscriptionPhase(bench: Bench, platform: Platform, serviceToken: string, env: Record<string, string>): Promise<SubscriptionPhase> {
  const { players, registerSeconds, playerRowLagMs } = await registerSubscribers(bench, platform);
  const client: Client = await ClientProcess.start(CLIENT_SCRIPT, 'client', env);
  const unwatch = bench.cpu.watch('clients', client.pid);
  try {
    const connection = await connectSubscribers(bench, platform, client, players);
    const auth = { authorization: `Bearer ${serviceToken}` };
    const rounds: { result: LatencyRound; timings: Timings }[] = [];

    // One round per interval: each player of the round's share reports its first COMBAT_WON on its
    // own (recordGameEvent → first_blood), one call every `interval` ms without waiting for the previous.
    for (const [k, interval] of INTERVALS.entries()) {
      const share = players.filter((_, i) => i % INTERVALS.length === k);
      const name = `recordGameEvent × ${share.length} players, one call every ${interval} ms (${interval > 0 ? f0(1000 / interval) : '∞'}/s): first COMBAT_WON → first_blood`;
      rounds.push(
        await round(bench, client, name, interval, share.length, async ({ tally, callMs, timings }) => {
          const start = now();
          await Promise.all(
            share.map(async (p, i) => {
              const wait = start + i * interval - now();
              if (wait > 0) await sleep(wait);
              const t0 = now();
              try {
                const input = { id: `${TAG}-fb-${k}-${i}`, userId: p.userId, type: 'COMBAT_WON', data: { mode: 'pve', enemy: 'goblin' } };
                const body = await postGraphQL<RecordPayload>(platform.gatewayUrl, RECORD_ONE, { input }, auth);
                const outcome = outcomeOf(body.data?.recordGameEvent?.events, body.errors);
                if (outcome.error || outcome.unlocks !== 1) tally.error(outcome.error ?? `unlocked ${outcome.unlocks}`);
              } catch (error) {
                tally.error((error as Error).message);
              }
              const t1 = now();
              timings.set(`${p.userId} first_blood`, { sentAt: t0, answeredAt: t1 });
              callMs.push(t1 - t0);
            }),
          );
        }),
      );
      // Let the unlocks' rewards (relay → users → LEVEL_UP back to achievements) settle before the next round.
      await drainRewards(bench);
    }

    // Then one recordGameEvents call with every player's first QUEST_COMPLETED: an unlock of first_steps each, from one commit.
    const name = `one recordGameEvents call with ${players.length} events (one per player): first QUEST_COMPLETED → first_steps`;
    rounds.push(
      await round(bench, client, name, null, players.length, async ({ tally, callMs, timings }) => {
        const events = players.map((p, i) => ({ id: `${TAG}-fs-${i}`, userId: p.userId, type: 'QUEST_COMPLETED', data: { questId: 'q_1', region: 'capital', questType: 'main' } }));
        const t0 = now();
        const outcome = await httpSender(platform.gatewayUrl, auth)(events);
        const t1 = now();
        callMs.push(t1 - t0);
        if (outcome.error || outcome.unlocks !== players.length) tally.error(outcome.error ?? `unlocked ${outcome.unlocks}`);
        for (const p of players) timings.set(`${p.userId} first_steps`, { sentAt: t0, answeredAt: t1 });
      }),
    );

    const results = await client.collect();
    for (const { result: r, timings } of rounds) {
      for (const [key, { sentAt, answeredAt }] of timings) {
        const received = results.times[key];
        if (received === undefined) continue;
        r.delivered++;
        r.fromCall.push(received - sentAt);
        r.fromResponse.push(received - answeredAt);
      }
      r.fromCall.sort((a, b) => a - b);
      r.fromResponse.sort((a, b) => a - b);
    }
    return {
      registered: players.length,
      registerSeconds,
      playerRowLagMs,
      ...connection,
      rounds: rounds.map((r) => r.result),
      clientDuplicates: results.duplicates,
      clientErrors: results.errors,
      clientClosed: results.closed,
      clientErrorSamples: results.errorSamples,
      sample: results.sample,
    };
  } finally {
    await client.close(5_000);
    unwatch();
  }
}
