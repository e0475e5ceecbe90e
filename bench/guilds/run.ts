// Guilds benchmark (issue 16): a guild page of 100 members with their players' fields through the
// gateway, guild search over 100,000 guilds at the social subgraph, and 200 concurrent joins for 50
// seats.
//
//   node --import tsx bench/guilds/run.ts [--requests 300] [--guilds 100000] [--searches 300] [--no-write]
//
// Everything runs in this process on a fresh PostgreSQL database (created here, dropped at the end)
// and the in-process Redis: the all-in-one platform (gateway and five subgraphs on loopback) for the
// page, and the social subgraph in-process (Apollo's executeOperation, no HTTP) for search and joins.
//   1. page: `guild(id) { members(first: 100) { edges { node { role user { id username displayName level } } } } }`
//      through the gateway, sequentially, after a warm-up; target p95 ≤ 30 ms.
//   2. search: --guilds guilds inserted in one statement (the trigger builds their search vectors),
//      then --searches `searchGuilds(text, first: 20)` with one- and two-word prefixes; target p95 ≤ 20 ms.
//   3. seats: a guild with 50 free seats, 200 players joining at once → exactly 50 members.
import { randomUUID } from 'node:crypto';
import { startPlatform } from '../../launcher/all-in-one.js';
import { ViewerSigner } from '../../platform/auth.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';
import { subgraphClient } from '../../platform/testing.js';
import type { Context } from '../../subgraphs/social/context.js';
import { socialSubgraph } from '../../subgraphs/social/subgraph.js';
import { f1, flag, log, machineDescription, now, option, percentile, publishSection, resultsSection, sorted } from '../lib/common.js';
import { onCleanup, runBench, throwawayDatabase } from '../lib/lifecycle.js';

const REQUESTS = Math.min(5_000, Math.max(10, Number(option('requests', '300'))));
const GUILDS = Math.min(1_000_000, Math.max(1_000, Number(option('guilds', '100000'))));
const SEARCHES = Math.min(5_000, Math.max(10, Number(option('searches', '300'))));
const WRITE = !flag('no-write');
const DB = throwawayDatabase('bench_guilds');
const WORDS = ['night', 'owls', 'wolves', 'iron', 'storm', 'red', 'blue', 'dragons', 'silent', 'golden', 'shadow', 'knights'];

const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');
const stats = (ms: number[]) => {
  const s = sorted(ms);
  return { p50: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99) };
};

async function main(): Promise<boolean> {
  await DB.create();
  const platform = await startPlatform({
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdefghijklmnop',
    INTERNAL_SECRET: 'bench-internal-secret-0123456789abcdefghijkl',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    DATABASE_URL: DB.url,
    GATEWAY_PORT: '0',
    SOCIAL_GUILD_CREATION_FEE: '0',
    // One viewer reads the page back to back: well over a player's 100 requests a second.
    GATEWAY_RATE_LIMIT_POINTS: '1000000',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_PORT`, '0'])),
  });
  onCleanup(() => platform.close());
  const { prisma } = platform.runtime.db;
  const social = socialSubgraph.create({ db: platform.runtime.db, redis: platform.runtime.redis, config: { SOCIAL_GUILD_CREATION_FEE: 0 } });
  const client = subgraphClient<Context>(social);
  await client.server.start();
  onCleanup(() => client.server.stop());

  // Players straight into users' table (registration's argon2 would dominate the set-up).
  const players = async (n: number, prefix: string) => {
    const data = Array.from({ length: n }, (_, i) => {
      const username = `${prefix}_${i}`;
      return { username, usernameKey: username, email: `${username}@example.com`, displayName: username, passwordHash: 'x' };
    });
    await prisma.user.createMany({ data });
    return (await prisma.user.findMany({ where: { username: { startsWith: `${prefix}_` } }, select: { id: true } })).map((u) => u.id);
  };

  // ------------------------------------------------------------ 1. a page of 100 members
  log('page: seeding a guild of 100');
  const hundred = await players(100, 'page');
  const master = { userId: hundred[0]!, role: 'PLAYER' as const };
  const guild = await social.createContext(master).guilds.createGuild(master, { name: 'Bench Hundred', tag: 'BH100' });
  await prisma.guild.update({ where: { id: guild.id }, data: { maxMembers: 200 } });
  await prisma.guildMember.createMany({ data: hundred.slice(1).map((userId) => ({ userId, guildId: guild.id, role: 'MEMBER' as const })) });
  const PAGE = `query($g: ID!) { guild(id: $g) { members(first: 100) { edges { node { role user { id username displayName level } } } } } }`;
  const page = async () => {
    const t0 = now();
    const response = await fetch(platform.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PAGE, variables: { g: guild.id } }) });
    const body = (await response.json()) as { data?: { guild: { members: { edges: unknown[] } } }; errors?: unknown };
    if (body.errors || body.data?.guild.members.edges.length !== 100) throw new Error(`page failed: ${JSON.stringify(body.errors)}`);
    return now() - t0;
  };
  // The social subgraph's part alone (the guild and its page, no user fields), straight to it.
  const socialUrl = platform.subgraphs.find((s) => s.name === 'social')!.url;
  const SOCIAL_PART = `query($g: ID!) { guild(id: $g) { members(first: 100) { edges { node { role user { id } } } } } }`;
  // Signed as the gateway signs an anonymous viewer (the signature is made once: the gateway caches it too).
  const viewerToken = await new ViewerSigner('bench-internal-secret-0123456789abcdefghijkl').sign({ userId: null, role: null });
  const socialPart = async () => {
    const t0 = now();
    const response = await fetch(socialUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-viewer-token': viewerToken }, body: JSON.stringify({ query: SOCIAL_PART, variables: { g: guild.id } }) });
    const body = (await response.json()) as { data?: { guild: { members: { edges: unknown[] } } }; errors?: unknown };
    if (body.errors || body.data?.guild.members.edges.length !== 100) throw new Error(`social part failed: ${JSON.stringify(body.errors)}`);
    return now() - t0;
  };
  for (let i = 0; i < 30; i++) await page();
  const pageMs: number[] = [];
  const socialMs: number[] = [];
  // Interleaved, so both see the same load.
  for (let i = 0; i < REQUESTS; i++) {
    pageMs.push(await page());
    socialMs.push(await socialPart());
  }
  const pageStats = stats(pageMs);
  const socialStats = stats(socialMs);
  log(`page: p50 ${f1(pageStats.p50)} ms, p95 ${f1(pageStats.p95)} ms; social's part alone p50 ${f1(socialStats.p50)} ms, p95 ${f1(socialStats.p95)} ms`);

  // ------------------------------------------------------------ 2. search over many guilds
  log(`search: inserting ${GUILDS} guilds`);
  const seeded = now();
  await prisma.$executeRawUnsafe(
    `INSERT INTO guilds (id, name, name_key, tag, tag_key, description, min_level, max_members, xp)
     SELECT gen_random_uuid(), n, lower(n), t, t, 'We are ' || w2 || ' and ' || w1 || '.', 1 + i % 20, 50, (i * 7919) % 50000
     FROM (SELECT i, $1::text[] AS words FROM generate_series(1, $2::int) AS i) s,
          LATERAL (SELECT words[1 + i % array_length(words, 1)] AS w1, words[1 + (i / 12) % array_length(words, 1)] AS w2) w,
          LATERAL (SELECT initcap(w1) || ' ' || initcap(w2) || ' ' || substr(md5(i::text), 1, 6) AS n, upper(substr(md5('t' || i), 1, 5)) AS t) x
     ON CONFLICT DO NOTHING`,
    WORDS,
    GUILDS,
  );
  await prisma.$executeRawUnsafe('ANALYZE guilds');
  log(`search: seeded in ${f1((now() - seeded) / 1000)} s`);
  const SEARCH = `query($text: String, $hasSpace: Boolean) { searchGuilds(text: $text, hasSpace: $hasSpace, first: 20) { edges { node { id name tag memberCount } } } }`;
  const texts = [...WORDS, 'night ow', 'storm dra', 'gold', 'sil kni', 'a1b', 'ff'];
  const anonymous = { userId: null, role: null };
  const searchMs: number[] = [];
  for (let i = 0; i < SEARCHES + 20; i++) {
    const t0 = now();
    const result = await client.execute(anonymous, SEARCH, { text: texts[i % texts.length], hasSpace: i % 3 === 0 ? true : null });
    if (result.errors) throw new Error(`search failed: ${JSON.stringify(result.errors)}`);
    if (i >= 20) searchMs.push(now() - t0);
  }
  const searchStats = stats(searchMs);
  log(`search: p50 ${f1(searchStats.p50)} ms, p95 ${f1(searchStats.p95)} ms`);

  // ------------------------------------------------------------ 3. 200 joins for 50 seats
  const joiners = await players(201, 'seat');
  const owner = { userId: joiners[0]!, role: 'PLAYER' as const };
  const seats = await social.createContext(owner).guilds.createGuild(owner, { name: `Bench Seats ${randomUUID().slice(0, 6)}`, tag: 'BS50' });
  await prisma.guild.update({ where: { id: seats.id }, data: { maxMembers: 51 } });
  const t0 = now();
  const outcomes = await Promise.allSettled(joiners.slice(1).map((userId) => social.createContext({ userId, role: 'PLAYER' }).guilds.joinGuild({ userId, role: 'PLAYER' }, seats.id)));
  const joinWallMs = now() - t0;
  const joined = outcomes.filter((o) => o.status === 'fulfilled').length;
  const refused = outcomes.filter((o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'CONFLICT').length;
  const members = await prisma.guildMember.count({ where: { guildId: seats.id } });
  const otherErrors = outcomes.flatMap((o) => (o.status === 'rejected' && (o.reason as { code?: string }).code !== 'CONFLICT' ? [String((o.reason as Error).message).slice(0, 160)] : []));
  if (otherErrors.length) log(`seats: ${otherErrors.length} other errors, e.g. ${otherErrors[0]}`);
  log(`seats: ${joined} joined, ${refused} refused (CONFLICT), ${members} members, ${f1(joinWallMs)} ms`);

  const pageOk = pageStats.p95 <= 30;
  const searchOk = searchStats.p95 <= 20;
  const seatsOk = joined === 50 && refused === 150 && members === 51;
  const section = resultsSection({
    title: 'Guilds',
    date: new Date(),
    machine: machineDescription(),
    script: 'bench/guilds/run.ts',
    setup: `A fresh PostgreSQL database, in-process Redis. Page: the all-in-one platform, ${REQUESTS} sequential requests through the gateway after 30 warm-up. Search: ${GUILDS.toLocaleString('en')} guilds, ${SEARCHES} searches (${texts.length} texts, one in three with hasSpace) at the social subgraph in-process. Seats: 200 joins at once for 50 free seats, at the subgraph in-process.`,
    body: [
      '| measure | p50 | p95 | p99 | target | verdict |',
      '| --- | ---: | ---: | ---: | --- | --- |',
      `| guild members(first: 100) with user fields, gateway (ms) | ${f1(pageStats.p50)} | ${f1(pageStats.p95)} | ${f1(pageStats.p99)} | p95 ≤ 30 | ${verdict(pageOk)} |`,
      `| the same page's social part alone, straight to the subgraph (ms) | ${f1(socialStats.p50)} | ${f1(socialStats.p95)} | ${f1(socialStats.p99)} | (breakdown) | |`,
      `| searchGuilds over ${GUILDS.toLocaleString('en')} guilds, subgraph (ms) | ${f1(searchStats.p50)} | ${f1(searchStats.p95)} | ${f1(searchStats.p99)} | p95 ≤ 20 | ${verdict(searchOk)} |`,
      '',
      `200 concurrent joins for 50 seats: ${joined} joined, ${refused} CONFLICT, ${members - 1} members besides the master, in ${f1(joinWallMs)} ms — ${verdict(seatsOk)} (exactly 50).`,
    ].join('\n'),
  });
  publishSection(section, WRITE);
  return seatsOk;
}

await runBench(main, { deadlineMs: 15 * 60_000 });
