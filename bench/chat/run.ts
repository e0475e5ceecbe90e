// Chat benchmark (issue #15): messages sent through the gateway into one room that N subscribers
// follow live, at rising rates; then a room with a million messages and its history pages.
//
//   node --import tsx bench/chat/run.ts [--subscribers 1000] [--rates 50,100,250,500] [--seconds 10]
//        [--senders 400] [--history 1000000] [--history-requests 300] [--presence 10000] [--clients <cores>] [--no-write]
//        [--history-only] [--redis-db 9] [--subscriber-client lean|graphql-ws] [--write-interval <ms>]
//
// Processes (all on this machine, traffic on 127.0.0.1 only): the five subgraphs and the gateway,
// each its own process from the production bundle on real PostgreSQL and Redis; --clients
// client.ts processes holding the subscribers' graphql-ws connections (one per subscriber,
// anonymous: the GLOBAL room is a shared `@publicStream`; by default on bench/lib/lean-ws.ts, a
// bare-socket graphql-ws client that costs a fraction of graphql-ws's own on the shared cores,
// --subscriber-client graphql-ws for that one); this process sends the messages
// (`sendMessage` over HTTP through the gateway, open loop: message i is issued at i / rate s
// whatever the earlier ones are doing), each sender a player of its own (the limit is 3 messages/s
// per player, so the rate is spread over --senders players).
//
// Live phase, per rate: --seconds of sends; send latency = the mutation's round trip; delivery
// latency = a subscriber's receive time − the send's issue time (wall clock, ms); delivered /
// expected counts every (message, subscriber) pair.
// History phase: --history messages inserted into a room of their own with SQL (40 authors), then
// --history-requests pages of 50, one at a time: the newest page and pages at random depths
// (`before:` a cursor), straight to the social subgraph (its part: text, sentAt, author id), the
// page's 50 authors straight to the users subgraph (`_entities`: username displayName level), and
// the whole page through the gateway. Each line also gives the CPU time per request of the social,
// users and gateway processes and of PostgreSQL (all its backends), from /proc.
// --history-only: the history phase alone (no subscribers, live phase or presence), so it is
// measured on quiet subgraphs rather than while they work off the live phase's backlog.
// --gateway <url>: the live phase only, against a platform already running elsewhere (its gateway's
// /graphql URL), so the subscribers and the sender do not share the platform's cores. That platform
// must let one address do it all: GATEWAY_RATE_LIMIT_POINTS and REGISTRATIONS_PER_ADDRESS_PER_HOUR
// raised (1000000000 and 1000000 here). Only this machine's processes (subscribers, bench) get a
// CPU column; latency is measured on this machine's clock alone (issue and receive both happen here).
// Presence phase: --presence players online in one room (a heartbeat each, straight to the social
// subgraph as that player), then idle: the memory they take in Redis and in the social process.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ViewerSigner, verifyAccessToken } from '../../platform/auth.js';
import { liveChannel } from '../../platform/live.js';
import { encodeCursor } from '../../platform/pagination.js';
import { DEFAULT_ROOMS } from '../../subgraphs/social/domain/chat-rooms.js';
import { messageKey } from '../../subgraphs/social/domain/chat-messages.js';
import { registerPlayer } from '../../test/support/platform.js';
import { f0, f1, f2, flag, list, log, loadAverage, machineDescription, now, option, percentile, publishSection, resultsSection, runLimited, sleep, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';
import { CpuMeter, type CpuSnapshot, rssMb } from '../lib/proc.js';
import { ClientProcess, cpuProfArgs, describeGatewayTuning, gatewayTuningFromArgv, keepAlivePoster, postGraphQL, SECRETS, serviceEnv, startGateway, startSubgraphProcesses } from '../lib/processes.js';

const HERE = fileURLToPath(new URL('./', import.meta.url));

// ---------------------------------------------------------------- options
if (flag('help')) {
  console.log(
    'node --import tsx bench/chat/run.ts [--subscribers 1000] [--rates 50,100,250,500] [--seconds 10] [--senders 400] [--history 1000000] [--history-requests 300] [--presence 10000] [--clients 2] [--no-write] [--history-only] [--redis-db 9] [--subscriber-client lean|graphql-ws] [--write-interval <ms>] [--max-minutes 25] [--gateway <url>]\n--gateway <url>: the live phase alone against a platform running elsewhere (its GATEWAY_RATE_LIMIT_POINTS and REGISTRATIONS_PER_ADDRESS_PER_HOUR raised: every subscriber and sender comes from this address).\nBENCH_CPU_PROF=<dir>: CPU profiles of the subgraphs and the gateway.',
  );
  process.exit(0);
}
const SUBSCRIBERS = Number(option('subscribers', '1000'));
const RATES = list(option('rates', '50,100,250,500'));
const SECONDS = Number(option('seconds', '10'));
const SENDERS = Number(option('senders', '400'));
const HISTORY = Number(option('history', '1000000'));
const HISTORY_REQUESTS = Number(option('history-requests', '300'));
const PRESENCE = Number(option('presence', '10000'));
const CLIENT_PROCESSES = Math.max(1, Number(option('clients', '2')));
const GATEWAY_TUNING = gatewayTuningFromArgv();
const WRITE = !flag('no-write');
const RUN_DEADLINE_MS = Number(option('max-minutes', '25')) * 60_000;
const HISTORY_ONLY = flag('history-only');
/** --gateway <url>: a platform running elsewhere; only the live phase is run against it. */
const REMOTE_GATEWAY = option('gateway', '');
if (REMOTE_GATEWAY && HISTORY_ONLY) throw new Error('--gateway runs the live phase only; --history-only needs the platform on this machine');
/** The subscribers' client: lean-ws.ts's bare-socket one (default) or graphql-ws's `createClient` over `ws`. */
const SUBSCRIBER_CLIENT = option('subscriber-client', 'lean');
if (SUBSCRIBER_CLIENT !== 'lean' && SUBSCRIBER_CLIENT !== 'graphql-ws') throw new Error('--subscriber-client: lean or graphql-ws');

const REDIS_URL = `${process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'}/${Number(option('redis-db', '9'))}`;
const DB = throwawayDatabase('bench_chat');
/** --write-interval <ms>: the gateway's WS_WRITE_INTERVAL_MS (unset: its default). */
const WRITE_INTERVAL = option('write-interval', '');
const ENV = serviceEnv(DB.url, REDIS_URL, WRITE_INTERVAL ? { WS_WRITE_INTERVAL_MS: WRITE_INTERVAL } : {});
const ROOM = DEFAULT_ROOMS.find((r) => r.kind === 'GLOBAL')!.id;

const FOLLOW = `subscription Follow($room: ID!) { messageAdded(roomId: $room) { id text sentAt author { username } } }`;
const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
const PAGE_GATEWAY = `query Page($id: ID!, $before: String) { chatRoom(id: $id) { messages(last: 50, before: $before) { edges { node { text sentAt author { username displayName level } } } } } }`;
const PAGE_SOCIAL = `query Page($id: ID!, $before: String) { chatRoom(id: $id) { messages(last: 50, before: $before) { edges { node { text sentAt author { id } } } } } }`;
const PAIR_LINE = 'page at a random depth, then its authors at users (timed together)';
const AUTHORS_USERS = `query Authors($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { username displayName level } } }`;

interface Sender {
  id: string;
  token: string;
}

// ---------------------------------------------------------------- live phase
interface RateResult {
  rate: number;
  sent: number;
  accepted: number;
  refused: Record<string, number>;
  sendP50: number;
  sendP95: number;
  deliveries: number;
  expected: number;
  deliveryP50: number;
  deliveryP95: number;
  deliveryP99: number;
  deliveryMax: number;
  achievedRate: number;
  /** CPU ms per accepted message, by process name, from the first send to the last delivery. */
  cpuMs: Record<string, number>;
  /** The span cpuMs covers, s. */
  cpuSeconds: number;
}

type Clients = ClientProcess<{ warm: number; measured: number }, { times: Record<string, number[]> }>;

/**
 * A measured message's text, unique per rate and index: numbers spelled with the consonants q, x, z
 * and j, since digits read as leetspeak ("455" as "ass") and the profanity filter masks them.
 */
function measuredText(rate: number, index: number): string {
  const spell = (n: number) => [...n.toString(4)].map((d) => 'qxzj'[Number(d)]).join('');
  return `m${spell(rate)}-${spell(index)}`;
}

let sendErrorsLogged = 0;
/** The sends' HTTP client: a keep-alive connection per sender at most, as players would hold. */
const postSend = keepAlivePoster(SENDERS);
async function sendMessage(gatewayUrl: string, sender: Sender, text: string): Promise<{ ok: boolean; code?: string; ms: number }> {
  const started = now();
  try {
    const body = await postSend<{ sendMessage?: { message: { id: string } } }>(
      gatewayUrl,
      SEND,
      { input: { roomId: ROOM, text, clientMessageId: text } },
      { authorization: `Bearer ${sender.token}` },
      30_000,
    );
    const code = body.errors?.[0]?.extensions?.code;
    if (body.errors?.length && sendErrorsLogged++ < 5) log('  send failed:', JSON.stringify(body.errors).slice(0, 400));
    return { ok: !!body.data?.sendMessage && !body.errors?.length, code: code ?? (body.errors?.length ? 'ERROR' : undefined), ms: now() - started };
  } catch (error) {
    // The error's name says little: its code names what failed (ECONNRESET, ETIMEDOUT, ABORT_ERR…).
    const code = (error as { code?: string }).code;
    return { ok: false, code: `${(error as Error).name}${code ? ` (${code})` : ''}`, ms: now() - started };
  }
}

async function runRate(gatewayUrl: string, senders: Sender[], clients: Clients[], connected: number, rate: number): Promise<RateResult> {
  const total = Math.round(rate * SECONDS);
  const issuedAt = new Map<string, number>();
  const sends: Promise<void>[] = [];
  const sendMs: number[] = [];
  const refused: Record<string, number> = {};
  let accepted = 0;
  const acceptedTexts = new Set<string>();
  // What social published on the room's channel, to tell a message lost before its publish from one lost after.
  const published = new Set<string>();
  // (A platform elsewhere has its own Redis: no such listing then.)
  const listener = REMOTE_GATEWAY ? undefined : new Redis(REDIS_URL, { lazyConnect: true });
  if (listener) {
    await listener.connect();
    listener.on('message', (_channel: string, message: string) => {
      const text = (JSON.parse(message) as { text?: string }).text;
      if (text) published.add(text);
    });
    await listener.subscribe(liveChannel('social', 'messageAdded', ROOM));
  }
  const measuredBefore = clients.reduce((s, c) => s + (c.progress.measured ?? 0), 0);
  const cpuBefore = cpuMeter.snapshot();
  const start = now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - now();
    if (wait > 1) await sleep(wait);
    const text = measuredText(rate, i);
    const sender = senders[i % senders.length]!;
    issuedAt.set(text, now());
    sends.push(
      sendMessage(gatewayUrl, sender, text).then((r) => {
        sendMs.push(r.ms);
        if (r.ok) {
          accepted++;
          acceptedTexts.add(text);
        }
        else refused[r.code ?? 'ERROR'] = (refused[r.code ?? 'ERROR'] ?? 0) + 1;
      }),
    );
  }
  const lastIssued = now();
  await Promise.all(sends);
  const expected = accepted * connected;
  const drainUntil = Date.now() + 30_000;
  const measured = () => clients.reduce((s, c) => s + (c.progress.measured ?? 0), 0) - measuredBefore;
  while (measured() < expected && Date.now() < drainUntil) await sleep(100);
  const cpuAfter = cpuMeter.snapshot();
  const cpuMs = cpuPerRequest(cpuBefore, cpuAfter, Math.max(1, accepted));
  const cpuSeconds = (cpuAfter.at - cpuBefore.at) / 1000;
  await sleep(300);
  const latencies: number[] = [];
  const received = new Map<string, number>();
  for (const client of clients) {
    const { times } = await client.collect(60_000);
    for (const [text, receivedAt] of Object.entries(times)) {
      const issued = issuedAt.get(text);
      if (issued === undefined) continue;
      for (const t of receivedAt) latencies.push(t - issued);
      received.set(text, (received.get(text) ?? 0) + receivedAt.length);
    }
  }
  const short = [...acceptedTexts].filter((text) => (received.get(text) ?? 0) !== connected);
  listener?.disconnect();
  if (short.length) {
    const unpublished = listener ? short.filter((t) => !published.has(t)) : [];
    log(
      `  ${short.length} accepted messages not received by every subscriber once (${unpublished.length} of them never published), e.g. ${short
        .slice(0, 5)
        .map((t) => `${t} (${received.get(t) ?? 0}/${connected}${!listener || published.has(t) ? '' : ', not published'})`)
        .join(', ')}`,
    );
  }
  const lat = sorted(latencies);
  const send = sorted(sendMs);
  return {
    rate,
    sent: total,
    accepted,
    refused,
    sendP50: percentile(send, 0.5),
    sendP95: percentile(send, 0.95),
    deliveries: lat.length,
    expected,
    deliveryP50: percentile(lat, 0.5),
    deliveryP95: percentile(lat, 0.95),
    deliveryP99: percentile(lat, 0.99),
    deliveryMax: lat.at(-1) ?? NaN,
    achievedRate: total / ((lastIssued - start) / 1000 || 1),
    cpuMs,
    cpuSeconds,
  };
}

// ---------------------------------------------------------------- history phase
interface HistoryResult {
  what: string;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** CPU ms per measured request, by process name (social, users, gateway, postgres). */
  cpuMs: Record<string, number>;
}

/** Processes whose CPU time the history lines report (pids watched by main). */
const cpuMeter = new CpuMeter({ postgres: 'postgres', 'redis-server': 'redis' });
const CPU_NAMES = ['social', 'users', 'gateway', 'postgres'] as const;
/** The live lines' CPU columns: every process a message passes through, and the bench's own. */
const LIVE_CPU_NAMES = REMOTE_GATEWAY
  ? (['subscribers', 'bench'] as const)
  : (['gateway', 'social', 'users', 'achievements', 'analytics', 'postgres', 'redis', 'subscribers', 'bench'] as const);

/** CPU ms per request of each name between two snapshots. */
function cpuPerRequest(a: CpuSnapshot, b: CpuSnapshot, requests: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, byPid] of b.ticks) {
    let ticks = 0;
    for (const [pid, t] of byPid) ticks += t - (a.ticks.get(name)?.get(pid) ?? t);
    out[name] = (ticks * 10) / requests; // 100 clock ticks a second
  }
  return out;
}

async function seedHistory(authors: Sender[]): Promise<{ roomId: string; maxSeq: bigint; minSeq: bigint }> {
  const client = new pg.Client({ connectionString: DB.url });
  await client.connect();
  try {
    const started = Date.now();
    const {
      rows: [room],
    } = await client.query<{ id: string }>(
      `INSERT INTO chat_rooms (id, name, kind, description, max_members) VALUES (gen_random_uuid(), 'History', 'GLOBAL', 'bench: a million messages', 10000) RETURNING id`,
    );
    const ids = authors.map((a) => a.id);
    // In chunks, so one statement's memory stays small.
    const chunk = 200_000;
    for (let done = 0; done < HISTORY; done += chunk) {
      const n = Math.min(chunk, HISTORY - done);
      await client.query(
        `INSERT INTO chat_messages (id, room_id, author_id, text, sent_at)
         SELECT gen_random_uuid(), $1, ($2::uuid[])[1 + (g % cardinality($2::uuid[]))], 'history message ' || g, now() - make_interval(secs => $4 - g)
         FROM generate_series($3::int + 1, $3::int + $5::int) g`,
        [room!.id, ids, done, HISTORY, n],
      );
      log(`  history: ${done + n} messages`);
    }
    const {
      rows: [range],
    } = await client.query<{ min: string; max: string }>(`SELECT min(seq)::text AS min, max(seq)::text AS max FROM chat_messages WHERE room_id = $1`, [room!.id]);
    await client.query(`UPDATE chat_rooms SET last_seq = $2, last_event_seq = $2 WHERE id = $1`, [room!.id, range!.max]);
    await client.query(`VACUUM ANALYZE chat_messages`);
    log(`  history: ${HISTORY} messages seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { roomId: room!.id, minSeq: BigInt(range!.min), maxSeq: BigInt(range!.max) };
  } finally {
    await client.end();
  }
}

async function measure(what: string, requests: number, call: (i: number) => Promise<boolean>): Promise<HistoryResult> {
  for (let i = 0; i < 20; i++) await call(i); // warm-up
  const ms: number[] = [];
  let errors = 0;
  const cpuBefore = cpuMeter.snapshot();
  for (let i = 0; i < requests; i++) {
    const started = now();
    if (!(await call(i))) errors++;
    ms.push(now() - started);
  }
  const cpuMs = cpuPerRequest(cpuBefore, cpuMeter.snapshot(), requests);
  const s = sorted(ms);
  return { what, p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), errors, cpuMs };
}

async function runHistory(urls: Record<string, string>, gatewayUrl: string, reader: Sender, authors: Sender[]): Promise<HistoryResult[]> {
  const { roomId, minSeq, maxSeq } = await seedHistory(authors);
  const signer = new ViewerSigner(SECRETS.INTERNAL_SECRET, 6 * 3600);
  const viewer = { 'x-viewer-token': await signer.sign(await verifyAccessToken(reader.token, SECRETS.JWT_SECRET)) };
  // Deterministic "random" depths, the same for every target.
  const span = Number(maxSeq - minSeq);
  const depthCursor = (i: number) => encodeCursor(messageKey(minSeq + 50n + BigInt(Math.floor(((i * 7919) % 10007) / 10007 * (span - 50)))));
  let reported = 0;
  const okBody = (body: { data?: unknown; errors?: unknown[] }) => {
    const ok = !!body.data && !body.errors?.length;
    if (!ok && reported++ < 3) log('  history request failed:', JSON.stringify(body).slice(0, 400));
    return ok;
  };
  const results: HistoryResult[] = [];
  results.push(await measure('newest page, social subgraph (its part)', HISTORY_REQUESTS, async () => okBody(await postGraphQL(urls.social!, PAGE_SOCIAL, { id: roomId }, viewer))));
  results.push(
    await measure('page at a random depth, social subgraph (its part)', HISTORY_REQUESTS, async (i) =>
      okBody(await postGraphQL(urls.social!, PAGE_SOCIAL, { id: roomId, before: depthCursor(i) }, viewer)),
    ),
  );
  // A page's 50 messages by its authors (the room was written by 40, fewer on a small run).
  const distinct = authors.slice(0, 40).map((a) => ({ __typename: 'User', id: a.id }));
  const representations = Array.from({ length: 50 }, (_, i) => distinct[i % distinct.length]!);
  results.push(await measure("the page's 50 authors, users subgraph (_entities)", HISTORY_REQUESTS, async () => okBody(await postGraphQL(urls.users!, AUTHORS_USERS, { representations }, viewer))));
  // The page as the gateway would fetch it, without the gateway: the social page, then its own
  // authors' user fields from users, one after the other; the time is the pair's.
  type PageBody = { chatRoom: { messages: { edges: { node: { author: { id: string } } }[] } } };
  results.push(
    await measure(PAIR_LINE, HISTORY_REQUESTS, async (i) => {
      const page = await postGraphQL<PageBody>(urls.social!, PAGE_SOCIAL, { id: roomId, before: depthCursor(i) }, viewer);
      if (!okBody(page)) return false;
      const reps = page.data!.chatRoom.messages.edges.map((e) => ({ __typename: 'User', id: e.node.author.id }));
      return okBody(await postGraphQL(urls.users!, AUTHORS_USERS, { representations: reps }, viewer));
    }),
  );
  const auth = { authorization: `Bearer ${reader.token}` };
  results.push(await measure('newest page with authors, through the gateway', HISTORY_REQUESTS, async () => okBody(await postGraphQL(gatewayUrl, PAGE_GATEWAY, { id: roomId }, auth))));
  results.push(
    await measure('page at a random depth with authors, through the gateway', HISTORY_REQUESTS, async (i) =>
      okBody(await postGraphQL(gatewayUrl, PAGE_GATEWAY, { id: roomId, before: depthCursor(i) }, auth)),
    ),
  );
  return results;
}

// ---------------------------------------------------------------- presence phase
interface PresenceResult {
  players: number;
  online: number;
  heartbeatP50: number;
  heartbeatP95: number;
  redisBytes: number;
  socialRssMb: number;
  errors: number;
}

const HEARTBEAT = `mutation Beat($input: HeartbeatInput!) { heartbeat(input: $input) { onlineUntil } }`;
const ONLINE = `query Online($id: ID!) { chatRoom(id: $id) { onlineCount } }`;

async function runPresence(urls: Record<string, string>, socialPid: number): Promise<PresenceResult> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  const usedMemory = async () => Number((await redis.info('memory')).match(/used_memory:(\d+)/)?.[1] ?? NaN);
  try {
    const signer = new ViewerSigner(SECRETS.INTERNAL_SECRET, 6 * 3600);
    const viewerOf = async (userId: string) => ({ 'x-viewer-token': await signer.sign({ userId, role: 'PLAYER' }) });
    const redisBefore = await usedMemory();
    const rssBefore = rssMb(socialPid);
    const ms: number[] = [];
    let errors = 0;
    await runLimited(PRESENCE, 16, async () => {
      const headers = await viewerOf(randomUUID());
      const started = now();
      const body = await postGraphQL(urls.social!, HEARTBEAT, { input: { roomIds: [ROOM] } }, headers);
      ms.push(now() - started);
      if (body.errors?.length && errors++ < 3) log('  heartbeat failed:', JSON.stringify(body.errors).slice(0, 300));
    });
    await sleep(3_000);
    const online = await postGraphQL<{ chatRoom: { onlineCount: number } }>(urls.social!, ONLINE, { id: ROOM }, await viewerOf(randomUUID()));
    const s = sorted(ms);
    return {
      players: PRESENCE,
      online: online.data?.chatRoom?.onlineCount ?? NaN,
      heartbeatP50: percentile(s, 0.5),
      heartbeatP95: percentile(s, 0.95),
      redisBytes: (await usedMemory()) - redisBefore,
      socialRssMb: rssMb(socialPid) - rssBefore,
      errors,
    };
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------- report
function report(rates: RateResult[], history: HistoryResult[], presence: PresenceResult | undefined, connected: number, failures: string[], rss: { before: number; after: number }): string {
  const lines = [
    `| messages/s asked (achieved) | sent / accepted | refused | send p50 / p95 ms | delivered / expected | delivery p50 / p95 / p99 / max ms |`,
    '| ---: | --- | --- | --- | --- | --- |',
    ...rates.map(
      (r) =>
        `| ${r.rate} (${f0(r.achievedRate)}) | ${f0(r.sent)} / ${f0(r.accepted)} | ${Object.entries(r.refused).map(([c, n]) => `${c} ${n}`).join(', ') || '0'} | ${f1(r.sendP50)} / ${f1(r.sendP95)} | ${f0(r.deliveries)} / ${f0(r.expected)} | ${f1(r.deliveryP50)} / ${f1(r.deliveryP95)} / ${f1(r.deliveryP99)} / ${f1(r.deliveryMax)} |`,
    ),
    '',
    ...(rates.length
      ? [
          `| messages/s asked | CPU ms per message, from the first send to the last delivery: ${LIVE_CPU_NAMES.join(' / ')} | cores busy (${REMOTE_GATEWAY ? 'on this machine' : 'all of them'}) |`,
          '| ---: | --- | ---: |',
          ...rates.map((r) => {
            const total = LIVE_CPU_NAMES.reduce((sum, n) => sum + (r.cpuMs[n] ?? 0), 0);
            return `| ${r.rate} | ${LIVE_CPU_NAMES.map((n) => f2(r.cpuMs[n] ?? NaN)).join(' / ')} | ${f2((total * r.accepted) / 1000 / r.cpuSeconds)} |`;
          }),
          '',
        ]
      : []),
    ...(history.length
      ? [
          `| history (${f0(HISTORY)} messages in the room), one request at a time | p50 ms | p95 ms | p99 ms | errors | CPU ms per request: ${CPU_NAMES.join(' / ')} |`,
          '| --- | ---: | ---: | ---: | ---: | --- |',
          ...history.map((h) => `| ${h.what} | ${f1(h.p50)} | ${f1(h.p95)} | ${f1(h.p99)} | ${h.errors} | ${CPU_NAMES.map((n) => f2(h.cpuMs[n] ?? NaN)).join(' / ')} |`),
          '',
        ]
      : []),
  ];
  const at500 = rates.find((r) => r.rate === 500);
  if (at500) {
    const lost = at500.expected - at500.deliveries;
    lines.push(
      `- 500 messages/s into one room with ${f0(connected)} subscribers: send p95 ${f1(at500.sendP95)} ms (target ≤ 20 ms) ${at500.sendP95 <= 20 ? 'MET' : 'NOT MET'}; ` +
        `delivery p95 ${f1(at500.deliveryP95)} ms (target ≤ 100 ms) ${at500.deliveryP95 <= 100 ? 'MET' : 'NOT MET'}; ` +
        `${lost <= 0 && at500.accepted === at500.sent ? 'nothing lost: MET' : `${f0(Math.max(0, lost))} deliveries missing and ${f0(at500.sent - at500.accepted)} sends refused: NOT MET`}`,
    );
  }
  const pair = history.find((h) => h.what === PAIR_LINE);
  const page = history.find((h) => h.what.startsWith('page at a random depth, social'));
  const authors = history.find((h) => h.what.startsWith("the page's 50 authors"));
  if (pair) {
    lines.push(
      `- a history page of 50 with its authors' user fields at the subgraphs (the social page, then its authors from users, timed together; random depth, ${f0(HISTORY)} messages): p95 ${f1(pair.p95)} ms ` +
        `(target ≤ 10 ms) ${pair.p95 <= 10 ? 'MET' : 'NOT MET'}` +
        (page && authors ? `; for comparison, the two parts' own p95s add up to ${f1(page.p95 + authors.p95)} ms` : ''),
    );
  }
  if (rates.length && !REMOTE_GATEWAY) lines.push(`- gateway RSS ${f1(rss.before)} MB with the subscribers connected, ${f1(rss.after)} MB after the live phase.`);
  if (presence) {
    lines.push(
      `- presence: ${f0(presence.players)} players online in one room (one heartbeat each, straight to social, 16 at a time; heartbeat p50/p95 ${f1(presence.heartbeatP50)}/${f1(presence.heartbeatP95)} ms, ${presence.errors} errors), ` +
        `onlineCount ${f0(presence.online)}: Redis +${f1(presence.redisBytes / 2 ** 20)} MB (${f0(presence.redisBytes / presence.players)} bytes per member), social RSS +${f1(presence.socialRssMb)} MB, gateway nothing (presence keeps no per-member state outside Redis; the gateway's budget is the subscription bench's: 10,000 idle subscriptions).`,
    );
  }
  for (const failure of failures) lines.push(`- FAILED: ${failure}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

/**
 * The live phase: the subscribers connected in --clients processes, a warm-up, every sender's
 * first message (unmeasured), then each rate. `gatewayPid`: the gateway's process on this machine,
 * for its RSS (none for a platform elsewhere).
 */
async function runLive(gatewayUrl: string, senders: Sender[], failures: string[], gatewayPid?: number): Promise<{ rates: RateResult[]; connected: number; rss: { before: number; after: number } }> {
  const rates: RateResult[] = [];
  const clients: Clients[] = [];
  onCleanup(async () => {
    await Promise.all(clients.map((c) => c.close()));
  });
  const counts = Array.from({ length: CLIENT_PROCESSES }, (_, i) => Math.floor(SUBSCRIBERS / CLIENT_PROCESSES) + (i < SUBSCRIBERS % CLIENT_PROCESSES ? 1 : 0));
  for (let i = 0; i < counts.length; i++) clients.push(await ClientProcess.start(path.join(HERE, 'client.ts'), `client ${i}`, ENV));
  for (const client of clients) cpuMeter.watch('subscribers', client.pid);
  const wsUrl = gatewayUrl.replace(/^http/, 'ws');
  const opened = await Promise.all(
    clients.map((c, i) => c.open({ url: wsUrl, query: FOLLOW, variables: { room: ROOM }, count: counts[i]!, batch: 100, connectTimeoutMs: 30_000, lean: SUBSCRIBER_CLIENT === 'lean' }, 120_000)),
  );
  const connected = opened.reduce((s, o) => s + o.connected, 0);
  log(`${connected}/${SUBSCRIBERS} subscribers connected`);
  // Warm-up: until every subscriber has seen a message.
  const warm = () => clients.reduce((s, c) => s + (c.progress.warm ?? 0), 0);
  for (let i = 0; warm() < connected && i < 30; i++) {
    await sendMessage(gatewayUrl, senders[i % senders.length]!, `w${i}`);
    await sleep(500);
  }
  if (warm() < connected) failures.push(`warm-up: ${warm()}/${connected} subscribers saw a message`);
  // Every player's first message, unmeasured (first sends fill caches: the author's user fields
  // at the gateway, the player's rows in other subgraphs), 100 a second.
  const firsts: Promise<unknown>[] = [];
  for (const [i, sender] of senders.entries()) {
    firsts.push(sendMessage(gatewayUrl, sender, `wf${i}`));
    if (i % 10 === 9) await sleep(100);
  }
  await Promise.all(firsts);
  const rssBefore = gatewayPid ? rssMb(gatewayPid) : NaN;

  for (const rate of RATES) {
    await sleep(3_000); // rate limits refill (3 per second per player)
    const result = await runRate(gatewayUrl, senders, clients, connected, rate);
    rates.push(result);
    log(
      `${rate}/s: sent ${result.sent}, accepted ${result.accepted}, send p95 ${f1(result.sendP95)} ms, delivered ${result.deliveries}/${result.expected}, delivery p50/p95 ${f1(result.deliveryP50)}/${f1(result.deliveryP95)} ms`,
    );
  }
  const rssAfter = gatewayPid ? rssMb(gatewayPid) : NaN;
  await Promise.all(clients.splice(0).map((c) => c.close()));
  return { rates, connected, rss: { before: rssBefore, after: rssAfter } };
}

/** `count` players registered through the gateway, 8 at a time: the senders. */
async function registerSenders(gatewayUrl: string, count: number): Promise<Sender[]> {
  const senders = await runLimited(count, 8, async (i) => {
    const player = await registerPlayer(gatewayUrl, `chat${Date.now().toString(36).slice(-5)}${i}`);
    return { id: player.id, token: player.token };
  });
  log(`${senders.length} senders registered`);
  return senders;
}

/** --gateway <url>: the live phase against a platform running elsewhere (no history or presence: they need its database and subgraphs). */
async function runAgainst(gatewayUrl: string, date: Date, loadStart: string): Promise<boolean> {
  const failures: string[] = [];
  log(`the platform at ${gatewayUrl}: the live phase only`);
  const senders = await registerSenders(gatewayUrl, SENDERS);
  const live = await runLive(gatewayUrl, senders, failures);
  const setup =
    `Setup: a platform running elsewhere, its gateway at ${gatewayUrl} (--gateway: not started by this run; its processes' CPU and memory are not measured here); ` +
    `${f0(SUBSCRIBERS)} anonymous subscribers of \`messageAdded\` on the GLOBAL room in ${CLIENT_PROCESSES} client processes on this machine (${SUBSCRIBER_CLIENT === 'lean' ? 'bench/lib/lean-ws.ts' : "graphql-ws's createClient over ws"}, one connection each; the selection includes the author's username); ` +
    `messages sent by this process through that gateway over HTTP (\`sendMessage\`, open loop, ${SENDERS} players in turn, at most one keep-alive connection each), every player's first message sent before the rates (unmeasured), ${SECONDS} s per rate. ` +
    `Delivery latency = receive time in a subscriber − the send's issue time, both on this machine's clock. No history or presence phase.`;
  publishSection(
    resultsSection({ title: 'Chat (platform elsewhere)', date, machine: machineDescription(), loadStart, script: 'bench/chat/run.ts', setup, body: report(live.rates, [], undefined, live.connected, failures, live.rss) }),
    WRITE,
  );
  return failures.length === 0;
}

async function main(): Promise<boolean> {
  const date = new Date();
  const loadStart = loadAverage();
  if (REMOTE_GATEWAY) return runAgainst(REMOTE_GATEWAY, date, loadStart);
  await DB.create();
  // BENCH_CPU_PROF=<dir>: CPU profiles of the subgraphs and the gateway, written when they stop.
  const execArgv = cpuProfArgs(process.env.BENCH_CPU_PROF);
  const { urls, children } = await startSubgraphProcesses({ env: ENV, timeoutMs: 120_000, execArgv });
  const { child: gateway, url: gatewayUrl } = await startGateway(urls, { env: ENV, timeoutMs: 120_000, execArgv, ...GATEWAY_TUNING });
  log(`gateway up at ${gatewayUrl}`);
  const names = Object.keys(urls);
  for (const name of ['social', 'users', 'achievements', 'analytics']) cpuMeter.watch(name, children[names.indexOf(name)]!.pid!);
  cpuMeter.watch('gateway', gateway.pid!);
  const failures: string[] = [];

  // The history's 40 authors are the first senders; a history-only run needs no more.
  const senders = await registerSenders(gatewayUrl, HISTORY_ONLY ? Math.min(SENDERS, 40) : SENDERS);

  const liveResult = HISTORY_ONLY ? undefined : await runLive(gatewayUrl, senders, failures, gateway.pid);

  let history: HistoryResult[] = [];
  if (HISTORY > 0) {
    try {
      history = await runHistory(urls, gatewayUrl, senders[0]!, senders.slice(0, 40));
      for (const h of history) log(`${h.what}: p50/p95 ${f1(h.p50)}/${f1(h.p95)} ms, errors ${h.errors}, CPU ms/request ${CPU_NAMES.map((n) => `${n} ${f2(h.cpuMs[n] ?? NaN)}`).join(', ')}`);
    } catch (error) {
      failures.push(`history: ${(error as Error).message}`);
    }
  }

  let presence: PresenceResult | undefined;
  if (PRESENCE > 0 && !HISTORY_ONLY) {
    try {
      presence = await runPresence(urls, children[names.indexOf('social')]!.pid!);
      log(`presence: ${presence.online} online, Redis +${f1(presence.redisBytes / 2 ** 20)} MB, social RSS +${f1(presence.socialRssMb)} MB`);
    } catch (error) {
      failures.push(`presence: ${(error as Error).message}`);
    }
  }

  const live = HISTORY_ONLY
    ? 'the history phase alone (--history-only: no subscribers, live phase or presence). '
    : `${f0(SUBSCRIBERS)} anonymous subscribers of \`messageAdded\` on the GLOBAL room in ${CLIENT_PROCESSES} client processes (${SUBSCRIBER_CLIENT === 'lean' ? "bench/lib/lean-ws.ts: the graphql-ws protocol on a bare socket, the message's text read from its bytes" : "graphql-ws's createClient over ws"}, one connection each; the selection includes the author's username, resolved by users once per message); ` +
      `messages sent by this process through the gateway over HTTP (\`sendMessage\`, open loop, ${SENDERS} players in turn so none exceeds the 3 messages/s limit, at most one keep-alive connection each), every player's first message sent before the rates (unmeasured), ${SECONDS} s per rate. ` +
      `Delivery latency = receive time in a subscriber − the send's issue time. `;
  const setup =
    `Setup: the five subgraphs and the gateway, each its own process from the production bundle (NODE_ENV=production; the gateway with ${describeGatewayTuning(GATEWAY_TUNING)}; WS_WRITE_INTERVAL_MS ${WRITE_INTERVAL || 'default'}), on real PostgreSQL and Redis on loopback; ` +
    live +
    `History: ${f0(HISTORY)} messages inserted with SQL into a room of their own (40 authors), then ${HISTORY_REQUESTS} requests per line, one at a time, after 20 unmeasured; CPU per request from /proc (10 ms ticks) over each line's measured requests.`;
  publishSection(
    resultsSection({ title: 'Chat', date, machine: machineDescription(), loadStart, script: 'bench/chat/run.ts', setup, body: report(liveResult?.rates ?? [], history, presence, liveResult?.connected ?? 0, failures, liveResult?.rss ?? { before: NaN, after: NaN }) }),
    WRITE,
  );
  return failures.length === 0;
}

await runBench(main, { deadlineMs: RUN_DEADLINE_MS, deadlineMessage: 'chat bench: run deadline reached, aborting' });
