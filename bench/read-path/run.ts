// The read path: realistic federated pages through this gateway, stock @apollo/gateway and Hive
// Gateway side by side over the same subgraph processes and data, plus each page's owning-subgraph
// part sent straight to that subgraph. Throughput and latency in interleaved rounds, CPU per
// request per process, and the gateway's own cost at low load.
//
//   node --import tsx bench/read-path/run.ts [--seconds 20] [--warmup 5] [--connections 50] [--rounds 3]
//        [--pages chat,profile,guild,catalog,catalog-hidden] [--gateways platform,platform-uncached,apollo,hive] [--cpu-prof <dir>] [--no-write]
//
// platform-uncached: a second gateway of this platform with its response cache off
// (GATEWAY_RESPONSE_CACHE_MIB=0), on the catalog page only: there every gateway calls the
// subgraph, whose work is cached in memory, so the gateways' own costs decide the throughput.
//        [--gateway-node-options "<NODE_OPTIONS for this gateway>"] [--gateway-node-args <flags,…|none>]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ViewerSigner, verifyAccessToken } from '../../platform/auth.js';
import { f0, f1, f2, flag, log, loadAverage, machineDescription, option, percentile, publishSection, resultsSection, ROOT, sleep, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';
import { CpuMeter, cpuBetween } from '../lib/proc.js';
import { cpuProfArgs, describeGatewayTuning, freePort, gatewayTuningFromArgv, httpLoad, postGraphQL, SECRETS, serviceEnv, startGateway, startHttpLoad, supergraphSnapshot, startSubgraphProcesses, track, waitGraphQL } from '../lib/processes.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(option('seconds', '20'));
const warmupSeconds = Number(option('warmup', '5'));
const connections = Number(option('connections', '50'));
const rounds = Number(option('rounds', '3'));
const pageNames = option('pages', 'chat,profile,guild,catalog,catalog-hidden').split(',');
const gatewayNames = option('gateways', 'platform,platform-uncached,apollo,hive').split(',');
const cpuProf = option('cpu-prof', '') || undefined;
const gatewayTuning = gatewayTuningFromArgv();
const redisUrl = `${process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'}/8`;
const DB = throwawayDatabase('bench_read');
const ADMIN = `readadmin${Date.now().toString(36).slice(-6)}`;
// A free guild: the bench's players have no coins, and the fee's path is not what the page reads.
const ENV = serviceEnv(DB.url, redisUrl, { ADMIN_USERNAMES: ADMIN, SOCIAL_GUILD_CREATION_FEE: '0' });

/** The chat page's median req/s through this gateway when the read-path issue was filed (102 / 130 / 123, 2026-12-03). */
const CHAT_BASELINE_RPS = 123;
const CHAT_PAGE = `query ChatPage($id: ID!) { chatRoom(id: $id) { name messages(last: 50) { edges { node { text sentAt author { username displayName level achievementPoints } } } } } }`;
const CHAT_DIRECT = `query ChatPageSocial($id: ID!) { chatRoom(id: $id) { name messages(last: 50) { edges { node { text sentAt author { id } } } } } }`;
const PROFILE_PAGE = `query Profile { me { username level achievements { achievement { name rarity } } guild { name } friends(first: 20) { edges { node { user { username level } } } } } }`;
const PROFILE_DIRECT = `query ProfileUsers { me { username level friends(first: 20) { edges { node { user { username level } } } } } }`;
const GUILD_PAGE = `query GuildPage($id: ID!) { guild(id: $id) { name tag level xp memberCount members(first: 30) { edges { node { role contributed user { username displayName level achievementPoints } } } } } }`;
const GUILD_DIRECT = `query GuildPageSocial($id: ID!) { guild(id: $id) { name tag level xp memberCount members(first: 30) { edges { node { role contributed user { id } } } } } }`;
const CATALOG = `query Catalog { achievements(rarity: LEGENDARY) { id name rarity } }`;
/** Epic achievements, some of them hidden: their text depends on the viewer, so no answer is reused and the gateway's own cost shows. */
const CATALOG_HIDDEN = `query CatalogHidden { achievements(rarity: EPIC) { id name rarity } }`;

interface Page {
  name: string;
  what: string;
  query: string;
  variables: () => Record<string, unknown>;
  /** The owning subgraph and its part of the page. */
  direct: { subgraph: string; query: string };
}

interface Target {
  name: string;
  label: string;
  url: string;
  pid: number;
  /** Headers of each load connection on this target: connection i is player i mod 40. */
  connectionHeaders: Record<string, string>[];
  /** Only these pages (default: every page). */
  pages?: string[];
}

let roomId = '';
let guildId = '';
const PAGES: Page[] = [
  {
    name: 'chat',
    what: 'chat page: a room and its last 50 messages by 40 authors (social → users, achievements)',
    query: CHAT_PAGE,
    variables: () => ({ id: roomId }),
    direct: { subgraph: 'social', query: CHAT_DIRECT },
  },
  {
    name: 'profile',
    what: 'player profile: level, achievements, guild, friends (10 each) (users → achievements, social, users)',
    query: PROFILE_PAGE,
    variables: () => ({}),
    direct: { subgraph: 'users', query: PROFILE_DIRECT },
  },
  {
    name: 'guild',
    what: 'guild page: a guild and 30 of its members with their user fields (social → users, achievements)',
    query: GUILD_PAGE,
    variables: () => ({ id: guildId }),
    direct: { subgraph: 'social', query: GUILD_DIRECT },
  },
  {
    name: 'catalog',
    what: 'catalog: legendary achievements (one subgraph; its work is an in-memory filter; hinted `max-age=60, public`, so this gateway answers it from its response cache)',
    query: CATALOG,
    variables: () => ({}),
    direct: { subgraph: 'achievements', query: CATALOG },
  },
  {
    name: 'catalog-hidden',
    what: 'catalog of epic achievements, some hidden (one subgraph; a hidden one’s text depends on the viewer, so no answer is reused and every gateway calls the subgraph: the gateway’s own cost)',
    query: CATALOG_HIDDEN,
    variables: () => ({}),
    direct: { subgraph: 'achievements', query: CATALOG_HIDDEN },
  },
].filter((p) => pageNames.includes(p.name));

/** 40 players, 50 messages in the global room, each player with 10 friends (the 5 after and 5 before them in a ring). */
async function seed(url: string): Promise<{ tokens: string[] }> {
  const register = async (username: string) => {
    const r = await postGraphQL<{ register: { accessToken: string; user: { id: string } } }>(
      url,
      'mutation R($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }',
      { input: { username, email: `${username}@bench.test`, password: 'bench-password-1' } },
    );
    if (!r.data) throw new Error(`register: ${JSON.stringify(r.errors)}`);
    return { token: r.data.register.accessToken, id: r.data.register.user.id };
  };
  const players: { token: string; id: string }[] = [];
  const suffix = Date.now().toString(36).slice(-6);
  for (let i = 0; i < 40; i++) players.push(await register(`rp${i}_${suffix}`));
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const rooms = await postGraphQL<{ chatRooms: { edges: { node: { id: string; kind: string } }[] } }>(url, '{ chatRooms { edges { node { id kind } } } }', {}, auth(players[0]!.token));
  roomId = rooms.data?.chatRooms.edges.find((e) => e.node.kind === 'GLOBAL')?.node.id ?? '';
  if (!roomId) throw new Error(`no GLOBAL room: ${JSON.stringify(rooms)}`);
  for (let i = 0; i < 50; i++) {
    const r = await postGraphQL(url, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }', { input: { roomId, text: `message ${i}` } }, auth(players[i % 40]!.token));
    if (r.errors) throw new Error(`sendMessage: ${JSON.stringify(r.errors)}`);
  }
  for (const [i, from] of players.entries()) {
    for (let step = 1; step <= 5; step++) {
      const to = players[(i + step) % players.length]!;
      const sent = await postGraphQL(url, 'mutation F($input: SendFriendRequestInput!) { sendFriendRequest(input: $input) { __typename } }', { input: { userId: to.id } }, auth(from.token));
      if (sent.errors) throw new Error(`sendFriendRequest: ${JSON.stringify(sent.errors)}`);
      const accepted = await postGraphQL(url, 'mutation A($input: AcceptFriendRequestInput!) { acceptFriendRequest(input: $input) { __typename } }', { input: { userId: from.id } }, auth(to.token));
      if (accepted.errors) throw new Error(`acceptFriendRequest: ${JSON.stringify(accepted.errors)}`);
    }
  }
  // A guild founded by player 0 that the next 29 join (a level-1 guild's seats, whatever they are, cap it).
  const guild = await postGraphQL<{ createGuild: { guild: { id: string } } }>(
    url,
    'mutation G($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }',
    { input: { name: `Bench Guild ${suffix}`, tag: `B${suffix.slice(-4)}`.toUpperCase(), isPublic: true, requiresApproval: false } },
    auth(players[0]!.token),
  );
  guildId = guild.data?.createGuild.guild.id ?? '';
  if (!guildId) throw new Error(`createGuild: ${JSON.stringify(guild.errors)}`);
  for (const p of players.slice(1, 30)) {
    const joined = await postGraphQL(url, 'mutation J($input: JoinGuildInput!) { joinGuild(input: $input) { status } }', { input: { guildId } }, auth(p.token));
    if (joined.errors?.some((e) => (e as { extensions?: { code?: string } }).extensions?.code !== 'CONFLICT')) throw new Error(`joinGuild: ${JSON.stringify(joined.errors)}`);
  }
  return { tokens: players.map((p) => p.token) };
}

async function startApolloGateway(urls: Record<string, string>, viewerHeaders: Record<string, string>[]): Promise<Target> {
  const port = await freePort();
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'apollo-gateway.ts')], {
      cwd: ROOT,
      env: { ...ENV, BENCH_SUBGRAPH_URLS: JSON.stringify(urls), BENCH_SUPERGRAPH_PATH: supergraphSnapshot(), BENCH_PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
    'apollo gateway',
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitGraphQL(url, 120_000, 'stock Apollo Gateway to answer');
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@apollo/gateway/package.json'), 'utf8')) as { version: string }).version;
  return { name: 'apollo', label: `stock @apollo/gateway ${version}`, url, pid: child.pid!, connectionHeaders: viewerHeaders };
}

async function startHiveGateway(urls: Record<string, string>, viewerHeaders: Record<string, string>[]): Promise<Target> {
  const bin = path.join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  if (!existsSync(bin)) throw new Error(`${bin} not found: npm install -D @graphql-hive/gateway`);
  const port = await freePort();
  const child = track(
    spawn(
      process.execPath,
      [bin, 'supergraph', supergraphSnapshot(), '-c', path.join(HERE, 'hive-gateway.config.ts'), '--host', '127.0.0.1', '--port', String(port), '--fork', '1'],
      { cwd: ROOT, env: { ...ENV, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) }, stdio: ['ignore', 'ignore', 'inherit'] },
    ),
    'hive gateway',
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitGraphQL(url, 120_000, 'Hive Gateway to answer');
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@graphql-hive/gateway/package.json'), 'utf8')) as { version: string }).version;
  return { name: 'hive', label: `Hive Gateway ${version}`, url, pid: child.pid!, connectionHeaders: viewerHeaders };
}

/** Every process below `pid` (from /proc/<n>/stat's parent field). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}


interface Row {
  page: string;
  target: string;
  round: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  /** CPU ms per request, by process. */
  cpuMsPerRequest: Record<string, number>;
}

async function main(): Promise<boolean> {
  const startedAt = new Date();
  const loadStart = loadAverage();
  await DB.create();
  const { children, urls } = await startSubgraphProcesses({ env: ENV, timeoutMs: 180_000, execArgv: cpuProfArgs(cpuProf) });
  const platform = await startGateway(urls, { env: ENV, execArgv: cpuProfArgs(cpuProf), ...gatewayTuning });
  const { tokens } = await seed(platform.url);
  // Each player's viewer as the platform gateway would sign it, for the gateways without our auth and the direct calls.
  const signer = new ViewerSigner(SECRETS.INTERNAL_SECRET, 24 * 3600);
  const viewerHeaders = await Promise.all(tokens.map(async (token) => ({ 'x-viewer-token': await signer.sign(await verifyAccessToken(token, SECRETS.JWT_SECRET)) })));
  const targets: Target[] = [];
  if (gatewayNames.includes('platform'))
    targets.push({ name: 'platform', label: 'this gateway (auth, limits, metrics)', url: platform.url, pid: platform.child.pid!, connectionHeaders: tokens.map((token) => ({ authorization: `Bearer ${token}` })) });
  if (gatewayNames.includes('platform-uncached') && pageNames.includes('catalog')) {
    const uncached = await startGateway(urls, { env: { ...ENV, GATEWAY_RESPONSE_CACHE_MIB: '0' }, execArgv: cpuProfArgs(cpuProf), ...gatewayTuning });
    targets.push({
      name: 'platform-uncached',
      label: 'this gateway, response cache off',
      url: uncached.url,
      pid: uncached.child.pid!,
      connectionHeaders: tokens.map((token) => ({ authorization: `Bearer ${token}` })),
      pages: ['catalog'],
    });
  }
  if (gatewayNames.includes('apollo')) targets.push(await startApolloGateway(urls, viewerHeaders));
  if (gatewayNames.includes('hive')) targets.push(await startHiveGateway(urls, viewerHeaders));
  const meter = new CpuMeter();
  const names = Object.keys(urls);
  children.forEach((child, i) => meter.watch(names[i]!, child.pid!));
  // Hive's `--fork 1` serves from a worker the spawned process forked: count the whole tree.
  for (const t of targets) for (const pid of [t.pid, ...descendants(t.pid)]) meter.watch(t.name, pid);
  const client = await startHttpLoad();
  meter.watch('load', client.pid!);
  onCleanup(async () => void client.kill());

  const rows: Row[] = [];
  const lowLoad: { page: string; target: string; p50: number; p95: number }[] = [];
  let failures = 0;
  const run = async (page: Page, target: Target | 'direct', round: number, conns: number, secs: number, rate?: number) => {
    const direct = target === 'direct';
    const url = direct ? urls[page.direct.subgraph]! : target.url;
    const body = JSON.stringify({ query: direct ? page.direct.query : page.query, variables: page.variables() });
    const connectionHeaders = direct ? viewerHeaders : target.connectionHeaders;
    const before = meter.snapshot();
    const r = await httpLoad(client, { url, body, headers: {}, connectionHeaders, connections: conns, seconds: secs, rate });
    const after = meter.snapshot();
    const cpu = cpuBetween(before, after);
    const elapsed = (after.at - before.at) / 1000;
    const lat = sorted(r.latenciesMs);
    const row: Row = {
      page: page.name,
      target: direct ? `direct:${page.direct.subgraph}` : target.name,
      round,
      rps: r.requests / r.seconds,
      p50: percentile(lat, 0.5),
      p95: percentile(lat, 0.95),
      errors: r.errors,
      cpuMsPerRequest: Object.fromEntries(Object.entries(cpu).map(([name, pct]) => [name, r.requests ? ((pct / 100) * elapsed * 1000) / r.requests : 0])),
    };
    if (r.errors) {
      failures++;
      log(`${row.target} ${page.name}: ${r.errors} errors, first: ${r.firstError}`);
    }
    return row;
  };
  const medianRow = (page: string, target: string) => {
    const mine = rows.filter((r) => r.page === page && r.target === target).sort((a, b) => a.rps - b.rps);
    return mine[Math.floor(mine.length / 2)];
  };
  const halfLoad: { page: string; rate: number; p50: number; p95: number; errors: number }[] = [];
  for (const page of PAGES) {
    const all: (Target | 'direct')[] = [...targets.filter((t) => !t.pages || t.pages.includes(page.name)), 'direct'];
    for (const t of all) await run(page, t, 0, connections, warmupSeconds);
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 ? all : [...all].reverse();
      for (const t of order) {
        const row = await run(page, t, round, connections, seconds);
        rows.push(row);
        log(`${page.name} ${row.target} round ${round}: ${f0(row.rps)} req/s, p50 ${f1(row.p50)} ms, p95 ${f1(row.p95)} ms`);
      }
    }
    // Half of saturation (this gateway's median req/s ÷ 2), open loop: the latency a client sees at a sustainable load.
    const ours = targets.find((t) => t.name === 'platform');
    const saturated = medianRow(page.name, 'platform');
    if (ours && saturated) {
      const rate = Math.max(1, Math.round(saturated.rps / 2));
      const row = await run(page, ours, 0, connections, seconds, rate);
      halfLoad.push({ page: page.name, rate, p50: row.p50, p95: row.p95, errors: row.errors });
      log(`${page.name} platform at ${rate} req/s (half of saturation): p50 ${f1(row.p50)} ms, p95 ${f1(row.p95)} ms`);
    }
    // One connection: latency without queueing, so gateway p50 − direct p50 is the gateway's own cost.
    for (const t of all) {
      const row = await run(page, t, 0, 1, Math.max(5, Math.round(seconds / 4)));
      lowLoad.push({ page: page.name, target: row.target, p50: row.p50, p95: row.p95 });
      log(`${page.name} ${row.target} one connection: p50 ${f2(row.p50)} ms, p95 ${f2(row.p95)} ms`);
    }
  }

  const lines = [
    '| page | served by | req/s per round | median req/s | p50 / p95 ms (median round) | CPU ms per request (median round) | errors |',
    '| --- | --- | --- | ---: | --- | --- | ---: |',
  ];
  const verdicts: string[] = [];
  for (const page of PAGES) {
    const targetNames = [...targets.map((t) => t.name), `direct:${page.direct.subgraph}`];
    for (const name of targetNames) {
      const mine = rows.filter((r) => r.page === page.name && r.target === name);
      const mid = medianRow(page.name, name);
      if (!mid) continue;
      const label = targets.find((t) => t.name === name)?.label ?? `straight to ${page.direct.subgraph} (its part only)`;
      const cpu = Object.entries(mid.cpuMsPerRequest)
        .filter(([n, ms]) => ms >= 0.05 && n !== 'bench')
        .sort((a, b) => b[1] - a[1])
        .map(([n, ms]) => `${n} ${f2(ms)}`)
        .join(', ');
      lines.push(`| ${page.name} | ${label} | ${mine.map((r) => f0(r.rps)).join(' / ')} | **${f0(mid.rps)}** | ${f1(mid.p50)} / ${f1(mid.p95)} | ${cpu} | ${mine.reduce((s, r) => s + r.errors, 0)} |`);
    }
    const ours = medianRow(page.name, 'platform')?.rps;
    const half = halfLoad.find((h) => h.page === page.name);
    if (page.name === 'chat' && ours)
      verdicts.push(`- chat: this gateway ${f0(ours)} req/s = ${(ours / CHAT_BASELINE_RPS).toFixed(2)}× the ${CHAT_BASELINE_RPS} req/s measured when the read-path issue was filed (goal ≥ 3×).`);
    if (half)
      verdicts.push(`- ${page.name}: at half of saturation (${half.rate} req/s, open loop, latency from each request's scheduled time) p50 ${f1(half.p50)} ms, p95 ${f1(half.p95)} ms${page.name === 'chat' ? ' (goal p95 ≤ 100 ms)' : ''}${half.errors ? `, ${half.errors} errors` : ''}.`);
    const uncached = medianRow(page.name, 'platform-uncached')?.rps;
    for (const other of ['apollo', 'hive']) {
      const theirs = medianRow(page.name, other)?.rps;
      if (ours && theirs) verdicts.push(`- ${page.name}: this gateway ÷ ${other} = ${(ours / theirs).toFixed(2)}× (goal ≥ ${other === 'apollo' ? '1.25' : '1.00'}× when the subgraphs are not the bottleneck).`);
      if (uncached && theirs) verdicts.push(`- ${page.name}: this gateway with its response cache off ÷ ${other} = ${(uncached / theirs).toFixed(2)}× (every gateway calls the subgraph, which answers from memory).`);
    }
    const gw = lowLoad.find((l) => l.page === page.name && l.target === 'platform');
    const direct = lowLoad.find((l) => l.page === page.name && l.target.startsWith('direct:'));
    if (gw && direct) verdicts.push(`- ${page.name}, one connection: this gateway p50 ${f2(gw.p50)} ms, the owning subgraph's part alone ${f2(direct.p50)} ms (difference ${f2(gw.p50 - direct.p50)} ms; ${page.name === 'catalog-hidden' ? 'goal ≤ 2 ms' : page.name === 'catalog' ? 'this gateway answers from its response cache: not a measure of its overhead, see catalog-hidden' : "the page also waits on the other subgraphs' entity fetches, so only the one-subgraph catalog-hidden page isolates the gateway's cost"}).`);
  }
  const oneConnection = ['| page | served by | p50 / p95 ms, one connection |', '| --- | --- | --- |', ...lowLoad.map((l) => `| ${l.page} | ${l.target} | ${f2(l.p50)} / ${f2(l.p95)} |`)];
  const body = [
    ...PAGES.map((p) => `- **${p.name}**: ${p.what}: \`${p.query}\``),
    '',
    ...lines,
    '',
    ...oneConnection,
    '',
    ...verdicts,
    `- ${connections} keep-alive connections from one load process, ${warmupSeconds} s warm-up per page and target, then ${rounds} interleaved rounds of ${seconds} s; CPU per request = the process's CPU time during the round ÷ requests served, each gateway's whole process tree counted (Hive's worker with its supervisor).`,
  ].join('\n');
  const setup =
    `Setup: the five subgraphs, each its own process from the production bundle (NODE_ENV=production), on real PostgreSQL and Redis on loopback; ` +
    `this gateway (the bundle, ${describeGatewayTuning(gatewayTuning)}; JWT verified per request, viewer signed per viewer, limits and metrics on), ` +
    `stock @apollo/gateway (bench/read-path/apollo-gateway.ts: ApolloServer + ApolloGateway, passing on the viewer token the client sends, nothing else) and ` +
    `Hive Gateway (\`--fork 1\`, bench/read-path/hive-gateway.config.ts, passing on the same header), all over the same subgraph processes and data: 40 players, 50 messages in the GLOBAL room, 10 friends each. ` +
    `Load connection i is player i mod 40 on every target (a Bearer JWT to this gateway; that player's pre-signed viewer token to the others and to the subgraphs directly), so no two concurrent connections send byte-identical requests.`;
  publishSection(resultsSection({ title: 'Read path', date: startedAt, machine: machineDescription(), loadStart, script: 'bench/read-path/run.ts', setup, body }), !flag('no-write'));
  await sleep(0);
  return failures === 0;
}

await runBench(main, { deadlineMs: 40 * 60_000 });
