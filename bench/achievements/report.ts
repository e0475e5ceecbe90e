// The achievements section of RESULTS.md: one table row per measure, the verdict per target, and the notes on method.
import { VIEWER_HEADER } from '../../platform/auth.js';
import { f0, f1, f2, percentile } from '../lib/common.js';
import type { ServiceLogs } from '../lib/processes.js';
import type { SubscriptionPhase } from './latency.js';
import { CALLERS, DRAIN_SECONDS, PLAYERS, REDIS_URL, SECONDS, SHARED_PLAYERS, SUBSCRIBERS, VETERAN_BATCH, VETERAN_CALLS, VETERAN_EVENTS, VETERAN_ROUNDS } from './options.js';
import { combined, perSecond, type EnginePhases, type ThroughputRun, type VeteranComparison, type VeteranSeed } from './throughput.js';
import { commandsPerEvent, cpuText, drainText } from './workload.js';

export interface Report {
  pgVersion: string;
  setupSeconds: number;
  subscriptions?: SubscriptionPhase;
  throughput: ThroughputRun[];
  veteranSeed?: VeteranSeed;
  veteran: VeteranComparison[];
  failures: string[];
  totalSeconds: number;
  logs: ServiceLogs;
}

const pass = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const isGateway = (path: string) => path.startsWith('gateway');
const consistent = (run: ThroughputRun) => run.dbEvents === run.tally.recorded && run.dbUnlocks === run.tally.unlocks;
const pct = (part: number, whole: number) => f0((part / whole) * 100);

function phasesText(p: EnginePhases) {
  return (
    `of the time in record() (${f0(p.transaction)} ms over ${p.calls} calls, the in-flight calls summed): transaction body recordIn ${pct(p.recordIn, p.transaction)}%, ` +
    `of which UnlockEffects.write (notifications + achievement.unlocked outbox rows, one INSERT each) ${pct(p.writeUnlockEffects, p.transaction)}%; ` +
    `after the commit (cache generations + live publishes, through the unit of work) ${pct(p.afterCommit, p.transaction)}%; the rest (BEGIN, COMMIT, waiting for a connection) ${pct(p.transaction - p.recordIn - p.afterCommit, p.transaction)}%`
  );
}

function throughputRow(run: ThroughputRun): string {
  const l = run.latencies;
  const t = run.tally;
  const rate = perSecond(run);
  const target = isGateway(run.path);
  const players = `${f0(run.players)} ${run.returning ? '**returning** players (those of the run above, again)' : 'new players'}${SHARED_PLAYERS ? ' (shared by every caller)' : ` (${f0(run.players / run.callers)} per caller)`}`;
  const figures = [
    `**${f0(rate)} events/s** (${f0(t.recorded)} events in ${f1(run.seconds)} s, ${f0(t.calls)} calls)`,
    `unlocks written ${f0(t.unlocks)} (${f0(t.unlocks / run.seconds)}/s)`,
    `call p50 ${f0(percentile(l, 0.5))} / p95 ${f0(percentile(l, 0.95))} / max ${f0(l.at(-1))} ms`,
    `${t.errors} errors${t.errorSample ? ` (${t.errorSample})` : ''}, ${t.duplicates} duplicates`,
    `database ${consistent(run) ? 'agrees' : `DISAGREES (${f0(run.dbEvents)} events, ${f0(run.dbUnlocks)} unlocks stored)`}`,
    `CPU ${cpuText(run.cpu)}`,
    `Redis commands per event ${commandsPerEvent(run.redisCommands, t.recorded)}`,
    ...(run.projection && run.projection.hit + run.projection.miss > 0
      ? [`projection cache: ${f0((100 * run.projection.hit) / (run.projection.hit + run.projection.miss))}% of the batches' players served from memory (${f0(run.projection.hit)} of ${f0(run.projection.hit + run.projection.miss)})`]
      : []),
    ...(run.phases ? [phasesText(run.phases)] : []),
    ...(run.drain ? [`rewards afterwards: ${drainText(run.drain)}`] : []),
  ];
  const verdict = target ? pass(rate >= 5_000 && t.errors === 0 && consistent(run)) : rate >= 5_000 ? '(≥ 5,000)' : '(< 5,000)';
  return `| throughput: batch ${run.batch}, ${run.callers} concurrent callers, ${players}, ${SECONDS} s | ${run.path} | ${figures.join('; ')} | ${target ? '≥ 5,000 events/s' : 'for comparison'} | ${verdict} |`;
}

function veteranSeedRow(s: VeteranSeed): string {
  const complete = s.tally.errors === 0 && s.version - s.busEvents === s.events;
  return (
    `| veteran seeding: ${f0(s.events)} events for one player, batches of 500 one after another, occurredAt over the last 400 days | engine in-process | ` +
    `${f0(s.events / s.seconds)} events/s (${f1(s.seconds)} s); ${s.tally.errors} errors${s.tally.errorSample ? ` (${s.tally.errorSample})` : ''}; ` +
    `player version ${f0(s.version)} (${s.busEvents} of its events came from the bus: LEVEL_UP after reward XP), ${s.unlocked} unlocked, ${s.progressRows} progress rows holding ${f0(s.stateBytes)} bytes of state | setup | ${complete ? '—' : 'INCOMPLETE'} |`
  );
}

const veteranRatio = (v: VeteranComparison) => combined(v.veteran).perSecond / combined(v.fresh).perSecond;

function veteranRow(v: VeteranComparison): string {
  const vet = combined(v.veteran);
  const fresh = combined(v.fresh);
  const ratio = veteranRatio(v);
  const errors = vet.errors + fresh.errors;
  const sample = vet.errorSample ?? fresh.errorSample;
  const perRound = v.veteran.map((x, i) => f2(x.events / x.seconds / (v.fresh[i]!.events / v.fresh[i]!.seconds))).join(', ');
  const verdict = isGateway(v.path) ? pass(ratio >= 0.9 && errors === 0) : ratio >= 0.9 ? '(≥ 0.9)' : '(< 0.9)';
  return (
    `| veteran (${f0(VETERAN_EVENTS)} prior events) vs new player: ${VETERAN_ROUNDS} rounds × ${VETERAN_CALLS} calls × ${VETERAN_BATCH} events, one caller, alternating | ${v.path} | ` +
    `veteran **${f0(vet.perSecond)} events/s** (call p50 ${f1(percentile(vet.latencies, 0.5))} / p95 ${f1(percentile(vet.latencies, 0.95))} ms), ` +
    `new **${f0(fresh.perSecond)} events/s** (call p50 ${f1(percentile(fresh.latencies, 0.5))} / p95 ${f1(percentile(fresh.latencies, 0.95))} ms); ` +
    `**ratio ${f2(ratio)}**; per round veteran/new ${perRound}; ${errors} errors${sample ? ` (${sample})` : ''} | ratio ≥ 0.9 | ${verdict} |`
  );
}

const roundOk = (round: SubscriptionPhase['rounds'][number]) => percentile(round.fromCall, 0.95) <= 100 && round.delivered === round.expected && round.tally.errors === 0;

function subscriptionRows(s: SubscriptionPhase): string[] {
  const rows = [
    `| subscribers: register through the gateway → achievements player (user.registered) | gateway | ${s.registered} registered in ${f1(s.registerSeconds)} s (4 at a time); every achievement_players row ${f0(s.playerRowLagMs)} ms after the last registration; ${s.connected} graphql-ws connections in ${f1(s.connectSeconds)} s (${s.failed} failed, all connecting at once), ${s.upstreams} upstream subscriptions | — | — |`,
  ];
  for (const round of s.rounds) {
    const p95 = percentile(round.fromCall, 0.95);
    const single = round.interval !== null;
    const cpuPerCall = single ? ` (achievements ≈ ${f1((((round.cpu.achievements ?? 0) / 100) * round.seconds * 1000) / round.expected)} ms of CPU per call)` : '';
    rows.push(
      `| unlock → subscriber latency: ${round.name} | gateway (service token) → subgraph → Redis → gateway → graphql-ws | ` +
        `p50 ${f1(percentile(round.fromCall, 0.5))} / **p95 ${f1(p95)}** / p99 ${f1(percentile(round.fromCall, 0.99))} / max ${f1(round.fromCall.at(-1))} ms from the call; ` +
        `from its response p50 ${f1(percentile(round.fromResponse, 0.5))} / p95 ${f1(percentile(round.fromResponse, 0.95))} ms; call p50 ${f1(percentile(round.callMs, 0.5))} ms; ` +
        `delivered ${round.delivered} / ${round.expected}; ${round.tally.errors} call errors${round.tally.errorSample ? ` (${round.tally.errorSample})` : ''}; ` +
        `CPU from the first call to the last delivery (${f1(round.seconds)} s): ${cpuText(round.cpu)}${cpuPerCall} | ` +
        `${single ? 'p95 ≤ 100 ms' : 'for comparison'} | ${single ? pass(roundOk(round)) : p95 <= 100 ? '(≤ 100 ms)' : '(> 100 ms)'} |`,
    );
  }
  return rows;
}

function targetLines(r: Report): string[] {
  const gatewayRuns = r.throughput.filter((run) => isGateway(run.path));
  const best = gatewayRuns.reduce<ThroughputRun | undefined>((b, run) => (!b || perSecond(run) > perSecond(b) ? run : b), undefined);
  const veteran = r.veteran.find((v) => isGateway(v.path));
  const singleRounds = (r.subscriptions?.rounds ?? []).filter((round) => round.interval !== null);
  return [
    `- **Target 1, throughput ≥ 5,000 events/s through the gateway: ${best && perSecond(best) >= 5_000 ? 'PASS' : 'MISS'}**` +
      (best
        ? ` — best ${f0(perSecond(best))} events/s (batch ${best.batch}, ${best.returning ? 'returning' : 'new'} players); ${gatewayRuns.map((run) => `batch ${run.batch}${run.returning ? ' returning' : ''} ${f0(perSecond(run))}`).join(', ')}`
        : ' — not measured') +
      '.',
    `- **Target 2, veteran ÷ new player ≥ 0.9 through the gateway: ${veteran ? pass(veteranRatio(veteran) >= 0.9) : 'not measured'}**` +
      (veteran ? ` — ${f2(veteranRatio(veteran))} (${f0(combined(veteran.veteran).perSecond)} vs ${f0(combined(veteran.fresh).perSecond)} events/s)` : '') +
      '.',
    `- **Target 3, unlock → subscriber p95 ≤ 100 ms:** ${singleRounds.map((round) => `${pass(roundOk(round))} at ${f0(1000 / Math.max(1, round.interval!))} calls/s (p95 ${f1(percentile(round.fromCall, 0.95))} ms)`).join('; ') || 'not measured'}.`,
  ];
}

function methodNotes(r: Report): string[] {
  return [
    `- Paths: **gateway** = POST to the platform gateway with the game server's service token (\`Authorization: Bearer\`, from an API key with REPORT_GAME_EVENTS via \`issueServiceToken\`), the real path; ` +
      `**subgraph HTTP** = POST straight to the achievements subgraph with an \`${VIEWER_HEADER}\` the bench signs with the internal secret (what the gateway adds), so gateway − subgraph = the gateway's cost; ` +
      `**engine in-process** = \`GameEventsService.recordGameEvents\` (validation + \`record\`: one unit of work per call) of a second achievementsSubgraph.create(...) in the bench process on its own pool of 10, no HTTP, no GraphQL. ` +
      `Every path commits the events, progress, unlocks, notifications and achievement.unlocked outbox rows before it answers, and publishes the live messages after the commit.`,
    `- Event mix (seeded, the same every run): 35% COMBAT_WON (mode pvp 40% / pve, enemy of 20, damageDealt, 5% boss), 15% COMBAT_LOST, 20% QUEST_COMPLETED (region of 15, questType of 6, questId of 400), ` +
      `10% SESSION_COMPLETED (durationMinutes 5–300), 17% SOCIAL_INTERACTION (chat/party/trade withUserId another player), 3% CHARACTER_CREATED (class, race, customized); occurredAt omitted (now). ` +
      `Each throughput run has ${f0(PLAYERS)} players of its own, new at its start (so it unlocks the most: each player's first win, quest, session… unlock something), except the **returning** runs, which send more events for the players of the run above (their easy unlocks done, as in a running game); ` +
      `players are ${SHARED_PLAYERS ? 'every caller drawing from all of them' : `split between the ${CALLERS} callers (a game server reports its own players; no two callers lock the same player row)`}; ` +
      `each batch draws its players at random from the caller's share. events/s = events recorded ÷ (last response − first call); "database agrees" = the run's achievement_events rows (by event id) and user_achievements rows (by event_id) equal the events recorded and unlocks reported. ` +
      `Redis commands per event: INFO commandstats of the Redis server over the run ÷ events (server-wide: the relay's XADDs and the consumers' XACKs of earlier unlocks included).`,
    `- Players: throughput, veteran and new players are inserted straight into \`users\` and \`achievement_players\` (what user.registered produces); the ${SUBSCRIBERS} subscribers are registered through the gateway, and achievements created them from user.registered. ` +
      `Rewards: users credits each unlock from the achievement.unlocked event (relay → Redis stream → users consumer, one transaction per event); "rewards afterwards": after each run the bench waits until every unlock so far is credited (at most ${DRAIN_SECONDS} s) before the next run starts, and reports the crediting rate.`,
    `- Projection cache: the engine keeps up to ACHIEVEMENTS_PROJECTION_CACHE_SIZE players' projections in memory (default 5,000; the bench leaves the default) and uses one only while the player's row still has the version it was cached at. A run's ${f0(PLAYERS)} players fit, so after its first batches nearly every batch's players are served from memory ("projection cache" above); ` +
      `with more active players than the cache holds, the misses read their progress from PostgreSQL as without it, and throughput falls towards the figures of a run with few hits (a run's first seconds, or the bench at git 5f36af4, before the cache).`,
    `- Veteran: the player's ${f0(VETERAN_EVENTS)} prior events are seeded through the in-process engine's recordGameEvents (validation + record, one transaction per call) in batches of 500, one after another (same mix, occurredAt spread over the last 400 days in order); ` +
      `then, ${VETERAN_ROUNDS} rounds alternating which goes first, ${VETERAN_CALLS} sequential calls of ${VETERAN_BATCH} events for the veteran and for a player new at the start of the round (a new one each round); ratio = veteran events/s ÷ new events/s.`,
    `- Subscription latency: ${SUBSCRIBERS} players each hold one graphql-ws connection to the gateway (their own access token) subscribed to \`achievementUnlocked { unlockedAt achievement { id name } }\`, all in one client process (client.ts), all connecting at once (50 at a time); ` +
      `the rounds start once the gateway holds every subscription and one upstream subscription per player (its /metrics) and the achievements subgraph has subscribed to every player's unlock channel in Redis (PUBSUB NUMSUB). ` +
      `latency = the client's receive time − the bench's time just before it sent the call (wall clock, \`performance.timeOrigin + performance.now()\` in both processes, same machine). ` +
      `"from its response" counts from when that call's HTTP response arrived instead (the engine publishes after its commit, before it answers, so this can be negative). ` +
      `The rounds run one after another on separate players; after each single-call round the run waits (at most ${DRAIN_SECONDS} s) for the rewards of its unlocks to be credited, so rounds do not overlap.`,
    `- CPU: % of one core (2 cores = 200%) per process over the run, from /proc: gateway, achievements (its own process), subgraphs (the other four in one process: users' reward crediting), postgres (every PostgreSQL process on the machine, other sessions' included), redis, bench (this process: callers, and the engine for in-process runs), clients.`,
    `- PostgreSQL: ${r.pgVersion}, on this machine (loopback), default settings. Redis: ${REDIS_URL.replace(/\/\/[^@]*@/, '//')}. Setup (database, processes, admin, API key) took ${f0(r.setupSeconds)} s; the whole run ${f0(r.totalSeconds)} s.`,
  ];
}

export function renderReport(r: Report): string {
  const s = r.subscriptions;
  const rows = [
    '| measure | path | figure | target | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...r.throughput.map(throughputRow),
    ...(r.veteranSeed ? [veteranSeedRow(r.veteranSeed)] : []),
    ...r.veteran.map(veteranRow),
    ...(s ? subscriptionRows(s) : []),
  ];
  const notes = [
    ...targetLines(r),
    '',
    ...methodNotes(r),
    ...r.logs.notes(),
    ...(s?.clientErrors || s?.clientClosed ? [`- Subscriber errors: ${s.clientErrors}, connections closed by the server: ${s.clientClosed} (${s.clientErrorSamples.join('; ')})`] : []),
    ...(s?.clientDuplicates ? [`- Unlocks a subscriber received more than once: ${s.clientDuplicates}`] : []),
    ...(s?.sample ? [`- A delivered payload: \`${s.sample}\``] : []),
    ...r.failures.map((failure) => `- FAILED: ${failure}`),
  ];
  return [...rows, '', ...notes].join('\n');
}
