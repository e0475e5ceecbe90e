// The edge's cost: gateway throughput and latency on two pages, for this checkout and (with
// `--before <rev>`) another commit side by side, each a whole platform of its own (five subgraph
// processes and the gateway, the production bundle, on real PostgreSQL and Redis), load from a
// separate process, runs interleaved so the machine's drift hits both alike.
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { f0, f1, flag, log, machineDescription, loadAverage, option, percentile, publishSection, resultsSection, ROOT, sleep, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';
import { httpLoad, postGraphQL, serviceEnv, startGateway, startHttpLoad, startSubgraphProcesses } from '../lib/processes.js';

const seconds = Number(option('seconds', '15'));
const warmupSeconds = Number(option('warmup', '3'));
const connections = Number(option('connections', '32'));
const rounds = Number(option('rounds', '3'));
const before = option('before', '');
const redisBase = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Generous limits (serviceEnv's): the bench registers its players from one address and sends from one viewer.
const LIMITS_ENV: Record<string, string> = {};

const CHAT_PAGE = `query ChatPage($id: ID!) { chatRoom(id: $id) { name messages(last: 50) { edges { node { text sentAt author { username displayName level achievementPoints } } } } } }`;
const CATALOG = `query Catalog { achievements(rarity: LEGENDARY) { id name rarity } }`;

interface Platform {
  label: string;
  url: string;
  token: string;
  roomId: string;
}

/** A worktree of `rev` beside this checkout, sharing node_modules, with its own Prisma client. */
function worktree(rev: string): string {
  const dir = path.join(ROOT, 'bench/.out', `worktree-${rev}`);
  if (!existsSync(dir)) {
    execFileSync('git', ['worktree', 'add', '--detach', dir, rev], { cwd: ROOT, stdio: 'inherit' });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  }
  execFileSync('npx', ['prisma', 'generate', '--no-hints'], { cwd: dir, stdio: 'inherit', env: { ...process.env, DATABASE_URL: 'postgresql://localhost/unused' } });
  return dir;
}

async function startPlatform(label: string, root: string, redisDb: number): Promise<Platform> {
  const db = throwawayDatabase(`bench_edge_${label}`);
  await db.create();
  const redisUrl = `${redisBase}/${redisDb}`;
  const env = serviceEnv(db.url, redisUrl, LIMITS_ENV);
  log(`${label}: starting the subgraphs from ${path.relative(ROOT, root) || '.'}`);
  const { urls } = await startSubgraphProcesses({ env, root });
  const { url } = await startGateway(urls, { env, root });
  // 40 authors, 50 messages in the global room.
  const players: { token: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const username = `e${label[0]}${i}_${Date.now().toString(36).slice(-8)}`;
    const r = await postGraphQL<{ register: { accessToken: string } }>(url, 'mutation R($input: RegisterInput!) { register(input: $input) { accessToken } }', {
      input: { username, email: `${username}@example.com`, password: 'password123' },
    });
    if (!r.data) throw new Error(`register: ${JSON.stringify(r.errors)}`);
    players.push({ token: r.data.register.accessToken });
  }
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const rooms = await postGraphQL<{ chatRooms: { edges: { node: { id: string; kind: string } }[] } | { id: string; kind: string }[] }>(url, '{ chatRooms { edges { node { id kind } } } }', {}, auth(players[0]!.token));
  const edges = rooms.data?.chatRooms && 'edges' in rooms.data.chatRooms ? rooms.data.chatRooms.edges.map((e) => e.node) : [];
  const roomId = edges.find((r) => r.kind === 'GLOBAL')?.id ?? edges[0]?.id;
  if (!roomId) throw new Error(`no chat room: ${JSON.stringify(rooms)}`);
  for (let i = 0; i < 50; i++) {
    const sender = players[i % players.length]!;
    for (let attempt = 0; ; attempt++) {
      const r = await postGraphQL(url, 'mutation S($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }', { input: { roomId, text: `message ${i}` } }, auth(sender.token));
      if (!r.errors) break;
      if (attempt > 20) throw new Error(`sendMessage: ${JSON.stringify(r.errors)}`);
      await sleep(500);
    }
  }
  return { label, url, token: players[0]!.token, roomId };
}


interface Row {
  page: string;
  label: string;
  round: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
}

async function main(): Promise<boolean> {
  const startedAt = new Date();
  const loadStart = loadAverage();
  const targets: [string, string][] = [['after', ROOT]];
  if (before) targets.unshift(['before', worktree(before)]);
  const platforms: Platform[] = [];
  for (const [i, [label, root]] of targets.entries()) platforms.push(await startPlatform(label, root, 6 + i));
  const client = await startHttpLoad();
  onCleanup(async () => void client.kill());
  const pages = [
    { page: 'catalog (anonymous, one subgraph)', body: () => JSON.stringify({ query: CATALOG }), headers: () => ({}) },
    {
      page: 'chat page (signed in, 50 messages, 40 authors, three subgraphs)',
      body: (p: Platform) => JSON.stringify({ query: CHAT_PAGE, variables: { id: p.roomId } }),
      headers: (p: Platform) => ({ authorization: `Bearer ${p.token}` }),
    },
  ];
  const rows: Row[] = [];
  let failures = 0;
  for (const page of pages) {
    for (const p of platforms) {
      const warm = await httpLoad(client, { url: p.url, body: page.body(p), headers: page.headers(p), connections, seconds: warmupSeconds });
      if (warm.errors) log(`${p.label} ${page.page} warm-up: ${warm.errors} errors, first: ${warm.firstError}`);
    }
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first so neither always follows the other's load.
      const order = round % 2 ? platforms : [...platforms].reverse();
      for (const p of order) {
        const r = await httpLoad(client, { url: p.url, body: page.body(p), headers: page.headers(p), connections, seconds });
        const lat = sorted(r.latenciesMs);
        const row = { page: page.page, label: p.label, round, rps: r.requests / r.seconds, p50: percentile(lat, 0.5), p95: percentile(lat, 0.95), errors: r.errors };
        rows.push(row);
        if (r.errors) {
          failures++;
          log(`${p.label} ${page.page}: ${r.errors} errors, first: ${r.firstError}`);
        }
        log(`${page.page} ${p.label} round ${round}: ${f0(row.rps)} req/s, p50 ${f1(row.p50)} ms, p95 ${f1(row.p95)} ms`);
      }
    }
  }

  const lines = ['| page | code | req/s per round | median req/s | p50 / p95 ms (median round) | errors |', '| --- | --- | --- | ---: | --- | ---: |'];
  const verdicts: string[] = [];
  for (const page of pages) {
    const medians: Record<string, number> = {};
    for (const p of platforms) {
      const mine = rows.filter((r) => r.page === page.page && r.label === p.label);
      const bySpeed = [...mine].sort((a, b) => a.rps - b.rps);
      const mid = bySpeed[Math.floor(bySpeed.length / 2)]!;
      medians[p.label] = mid.rps;
      const code = p.label === 'before' ? `before (${before})` : 'after (this checkout)';
      lines.push(`| ${page.page} | ${code} | ${mine.map((r) => f0(r.rps)).join(' / ')} | **${f0(mid.rps)}** | ${f1(mid.p50)} / ${f1(mid.p95)} | ${mine.reduce((s, r) => s + r.errors, 0)} |`);
    }
    if (medians.before) {
      const change = (medians.after! / medians.before - 1) * 100;
      verdicts.push(`- ${page.page}: after ÷ before = ${(medians.after! / medians.before).toFixed(3)} (${change >= 0 ? '+' : ''}${change.toFixed(1)}%); target: the edge costs ≤ 5% → ${change >= -5 ? 'MET' : 'NOT MET'}.`);
    }
  }
  const body = [
    ...lines,
    '',
    ...verdicts,
    `- ${connections} keep-alive connections from one load process, ${warmupSeconds} s warm-up per page and platform, then ${rounds} interleaved rounds of ${seconds} s; a request with an error is not counted as served.`,
  ].join('\n');
  const setup = `Setup: ${before ? `two platforms side by side (the commit ${before} from a git worktree, and this checkout), each` : 'the platform:'} five subgraph processes and the gateway from the production bundle (NODE_ENV=production, the gateway with docker-compose.yml's process flags), its own PostgreSQL database and Redis database on loopback. Sign-up and per-viewer rate limits raised for the bench (GATEWAY_RATE_LIMIT_POINTS, REGISTRATIONS_PER_ADDRESS_PER_HOUR: the limiters run, never refuse); every other limit at its default.`;
  publishSection(resultsSection({ title: 'Edge', date: startedAt, machine: machineDescription(), loadStart, script: 'bench/edge/run.ts', setup, body }), !flag('no-write'));
  return failures === 0;
}

await runBench(main, { deadlineMs: 30 * 60_000 });
