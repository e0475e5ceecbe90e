import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { MemoryRedisPort, type IoRedisPort } from '../platform/redis/index.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { ownRedis } from './support/own-redis.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { subscribe, untilListening, wsClient } from './support/ws.js';

// Leaderboards through the gateway (issue 18), as a game studio uses them: an admin defines a board,
// the game server submits scores (idempotent by submissionId), clients read the top, around a
// player and a player's rank with their user fields, in the GLOBAL, FRIENDS and GUILD scopes, and
// hear leaderboardUpdated and rankChanged live; guild contributions reach a board that follows
// them through the bus; bad input stores nothing; Redis losing the ranking mid-run is rebuilt from
// PostgreSQL with every submission counted once.

let platform: RunningPlatform;
let url: string;
// On real Redis (REDIS_URL), a Redis of this file's own: the rebuild test empties it mid-run, which on
// the shared one would wipe the keys of test files running alongside.
let ownRedisServer: Awaited<ReturnType<typeof ownRedis>> | undefined;
beforeAll(async () => {
  if (process.env.REDIS_URL) ownRedisServer = await ownRedis();
});
afterAll(async () => {
  await ownRedisServer?.stop();
});
platformPerFile(
  () => ({ SOCIAL_GUILD_CREATION_FEE: '0', ...(ownRedisServer ? { REDIS_URL: ownRedisServer.url } : {}) }),
  (started) => {
    platform = started;
    url = started.gateway.url;
  },
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let adminToken: string;
let serverToken: string;
const clients: ReturnType<typeof wsClient>[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
});

async function as<T>(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(url, query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 70)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}
async function refusal(token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const result = await gql(url, query, variables, { token });
  expect(result.errors, JSON.stringify(result.data)).toBeDefined();
  return { message: result.errors![0]!.message, ...result.errors![0]!.extensions } as { message: string; code: string; field?: string };
}
async function tokens() {
  adminToken ??= await signInAsAdmin(platform, url);
  serverToken ??= await gameServerToken(platform, url, ['REPORT_MATCH_RESULTS']);
}

const DEFINE = `mutation($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { id title sortOrder operator resetSchedule nextResetAt follows metadata } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { record { rank score subscore metadata submissions player { id username } } leaderboard { id } } }`;
const TOP = `query($id: ID!, $first: Int, $after: String, $scope: LeaderboardScope) { leaderboard(id: $id) { top(first: $first, after: $after, scope: $scope) { edges { cursor node { rank score subscore player { id username } } } pageInfo { hasNextPage endCursor } } } }`;
const AROUND = `query($id: ID!, $u: ID!, $n: Int, $scope: LeaderboardScope) { leaderboard(id: $id) { around(userId: $u, n: $n, scope: $scope) { rank score player { id } } } }`;
const RANK = `query($id: ID!, $u: ID!, $scope: LeaderboardScope) { leaderboard(id: $id) { rank(userId: $u, scope: $scope) { rank score subscore submissions metadata player { id username } } } }`;

type Record_ = { rank: number; score: number; subscore: number; player: { id: string; username: string } };
async function define(input: Record<string, unknown> = {}) {
  await tokens();
  const id = `lb-${randomUUID().slice(0, 8)}`;
  return (await as<{ defineLeaderboard: { leaderboard: { id: string } & Record<string, unknown> } }>(adminToken, DEFINE, { input: { id, title: 'Weekly kills', ...input } })).defineLeaderboard.leaderboard;
}
async function submit(leaderboardId: string, userId: string, score: number, extra: Record<string, unknown> = {}) {
  return (await as<{ submitScore: { record: Record_ & { submissions: number; metadata: string } } }>(serverToken, SUBMIT, { input: { leaderboardId, userId, score, submissionId: randomUUID(), ...extra } })).submitScore.record;
}
async function top(id: string, first = 10, scope = 'GLOBAL', token?: string, after?: string) {
  return (await as<{ leaderboard: { top: { edges: { cursor: string; node: Record_ }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } }>(token, TOP, { id, first, scope, after })).leaderboard.top;
}
const players = (n: number) => Promise.all(Array.from({ length: n }, () => registerPlayer(url)));

describe('definitions', () => {
  it('lets an admin define a board, again with the same definition, and refuses changing its rule', async () => {
    const board = await define({ sortOrder: 'ASC', operator: 'BEST', resetSchedule: '0 0 * * 1', metadata: '{"mode":"race"}', follows: ['ACHIEVEMENT_POINTS'] });
    expect(board).toMatchObject({ title: 'Weekly kills', sortOrder: 'ASC', operator: 'BEST', resetSchedule: '0 0 * * 1', follows: ['ACHIEVEMENT_POINTS'], metadata: '{"mode":"race"}' });
    expect(new Date(board.nextResetAt as string).getUTCDay()).toBe(1); // a Monday, 00:00 UTC
    // Read back as anyone reads it.
    const read = await as<{ leaderboard: Record<string, unknown> }>(undefined, `query($id: ID!) { leaderboard(id: $id) { id title sortOrder operator resetSchedule nextResetAt follows metadata period { number archivedAt } } }`, { id: board.id });
    expect(read.leaderboard).toEqual({ ...board, period: { number: 1, archivedAt: null } });
    const again = await as<{ defineLeaderboard: { leaderboard: { title: string } } }>(adminToken, DEFINE, { input: { id: board.id, title: 'Fastest laps', sortOrder: 'ASC', resetSchedule: '0 0 * * 1' } });
    expect(again.defineLeaderboard.leaderboard.title).toBe('Fastest laps');
    expect(await refusal(adminToken, DEFINE, { input: { id: board.id, title: 'x', sortOrder: 'DESC' } })).toMatchObject({ code: 'CONFLICT', field: 'input.sortOrder' });
    expect(await refusal(adminToken, DEFINE, { input: { id: board.id, title: 'x', sortOrder: 'ASC', operator: 'SET' } })).toMatchObject({ code: 'CONFLICT', field: 'input.operator' });
  });

  it('refuses bad definitions and non-admins, storing nothing', async () => {
    await tokens();
    const [player] = await players(1);
    const id = `lb-${randomUUID().slice(0, 8)}`;
    expect(await refusal(player!.token, DEFINE, { input: { id, title: 'x' } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(undefined, DEFINE, { input: { id, title: 'x' } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(adminToken, DEFINE, { input: { id: 'Bad Id!', title: 'x' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect(await refusal(adminToken, DEFINE, { input: { id, title: 'x', resetSchedule: 'every monday' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.resetSchedule' });
    expect(await refusal(adminToken, DEFINE, { input: { id, title: 'x', metadata: '[1]' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metadata' });
    expect(await refusal(adminToken, DEFINE, { input: { id, title: '' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect((await as<{ leaderboard: unknown }>(undefined, `query($id: ID!) { leaderboard(id: $id) { id } }`, { id })).leaderboard).toBeNull();
  });
});

describe('submissions and reads', () => {
  it('ranks by score, then subscore, then who got there first; top pages, around and rank carry user fields', async () => {
    const board = await define();
    const [a, b, c, d, e] = await players(5);
    await submit(board.id, a!.id, 50);
    await submit(board.id, b!.id, 70);
    await submit(board.id, c!.id, 50); // ties a, later: behind a
    await submit(board.id, d!.id, 50, { subscore: 3 }); // same score, better subscore: ahead of a and c
    const best = await submit(board.id, e!.id, 90, { metadata: '{"weapon":"bow"}' });
    expect(best).toMatchObject({ rank: 1, score: 90, submissions: 1, metadata: '{"weapon":"bow"}', player: { id: e!.id, username: e!.username } });

    const first = await top(board.id, 3);
    expect(first.edges.map((x) => [x.node.rank, x.node.player.username, x.node.score])).toEqual([
      [1, e!.username, 90],
      [2, b!.username, 70],
      [3, d!.username, 50],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await top(board.id, 3, 'GLOBAL', undefined, first.pageInfo.endCursor!);
    expect(rest.edges.map((x) => [x.node.rank, x.node.player.id])).toEqual([
      [4, a!.id],
      [5, c!.id],
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const around = (await as<{ leaderboard: { around: { rank: number; player: { id: string } }[] } }>(undefined, AROUND, { id: board.id, u: d!.id, n: 1 })).leaderboard.around;
    expect(around.map((r) => [r.rank, r.player.id])).toEqual([
      [2, b!.id],
      [3, d!.id],
      [4, a!.id],
    ]);
    const rank = (await as<{ leaderboard: { rank: Record_ | null } }>(undefined, RANK, { id: board.id, u: c!.id })).leaderboard.rank;
    expect(rank).toMatchObject({ rank: 5, score: 50, player: { username: c!.username } });
    const nobody = (await as<{ leaderboard: { rank: unknown; around: unknown[] } }>(undefined, `query($id: ID!, $u: ID!) { leaderboard(id: $id) { rank(userId: $u) { rank } around(userId: $u) { rank } } }`, { id: board.id, u: randomUUID() })).leaderboard;
    expect(nobody).toEqual({ rank: null, around: [] });
  });

  it('applies each operator, and a retried or concurrent submissionId once', async () => {
    const inc = await define({ operator: 'INCREMENT' });
    const [p] = await players(1);
    const submissionId = randomUUID();
    const input = { leaderboardId: inc.id, userId: p!.id, score: 5, submissionId };
    const results = await Promise.all(Array.from({ length: 5 }, () => gql<{ submitScore: { record: { score: number; submissions: number } } }>(url, SUBMIT, { input }, { token: serverToken })));
    for (const r of results) expect(r.errors).toBeUndefined();
    await submit(inc.id, p!.id, 5);
    const after = (await as<{ leaderboard: { rank: { score: number; submissions: number } } }>(undefined, RANK, { id: inc.id, u: p!.id })).leaderboard.rank;
    expect(after).toMatchObject({ score: 10, submissions: 2 });

    const best = await define({ operator: 'BEST' });
    await submit(best.id, p!.id, 30);
    expect(await submit(best.id, p!.id, 20)).toMatchObject({ score: 30, submissions: 2 });
    const set = await define({ operator: 'SET' });
    await submit(set.id, p!.id, 30);
    expect(await submit(set.id, p!.id, 20)).toMatchObject({ score: 20 });
    const dec = await define({ operator: 'DECREMENT' });
    await submit(dec.id, p!.id, 3);
    expect(await submit(dec.id, p!.id, 4)).toMatchObject({ score: -7 });
  });

  it('refuses bad submissions with a code and stores nothing', async () => {
    const board = await define();
    const [p] = await players(1);
    const ok = { leaderboardId: board.id, userId: p!.id, score: 1, submissionId: randomUUID() };
    expect(await refusal(p!.token, SUBMIT, { input: ok })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(undefined, SUBMIT, { input: ok })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(serverToken, SUBMIT, { input: { ...ok, leaderboardId: 'no-such-board' } })).toMatchObject({ code: 'NOT_FOUND', field: 'input.leaderboardId' });
    expect(await refusal(serverToken, SUBMIT, { input: { ...ok, score: 1e16 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    expect(await refusal(serverToken, SUBMIT, { input: { ...ok, subscore: -1e16 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subscore' });
    expect(await refusal(serverToken, SUBMIT, { input: { ...ok, userId: 'not-a-player' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    expect(await refusal(serverToken, SUBMIT, { input: { ...ok, metadata: 'nope' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metadata' });
    expect(await refusal(serverToken, SUBMIT, { input: { ...ok, submissionId: '' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.submissionId' });
    // A score that is not a number at all is refused by GraphQL itself.
    expect((await refusal(serverToken, SUBMIT, { input: { ...ok, score: 'NaN' } })).code).toBe('BAD_USER_INPUT');
    expect((await top(board.id)).edges).toEqual([]);
    // The submissionId of a refused submission is still free.
    expect(await submit(board.id, p!.id, 1, { submissionId: ok.submissionId })).toMatchObject({ rank: 1 });
  });
});

describe('scopes', () => {
  it('ranks the viewer among their friends, and among their guild', async () => {
    const board = await define();
    const [me, friend, stranger, guildmate] = await players(4);
    await as(me!.token, `mutation($u: ID!) { sendFriendRequest(input: { userId: $u }) { friend { state } } }`, { u: friend!.id });
    await as(friend!.token, `mutation($u: ID!) { acceptFriendRequest(input: { userId: $u }) { friend { state } } }`, { u: me!.id });
    await submit(board.id, me!.id, 10);
    await submit(board.id, friend!.id, 20);
    await submit(board.id, stranger!.id, 30);
    await submit(board.id, guildmate!.id, 5);

    const friends = await top(board.id, 10, 'FRIENDS', me!.token);
    expect(friends.edges.map((e) => [e.node.rank, e.node.player.id])).toEqual([
      [1, friend!.id],
      [2, me!.id],
    ]);
    expect((await as<{ leaderboard: { rank: { rank: number } } }>(me!.token, RANK, { id: board.id, u: me!.id, scope: 'FRIENDS' })).leaderboard.rank.rank).toBe(2);
    expect((await as<{ leaderboard: { rank: { rank: number } } }>(me!.token, RANK, { id: board.id, u: me!.id })).leaderboard.rank.rank).toBe(3);
    expect(await refusal(undefined, TOP, { id: board.id, scope: 'FRIENDS' })).toMatchObject({ code: 'UNAUTHENTICATED' });

    const guild = await as<{ createGuild: { guild: { id: string } } }>(me!.token, `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`, {
      input: { name: uniqueName('lbguild'), tag: `L${randomUUID().slice(0, 3).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}` },
    });
    await as(guildmate!.token, `mutation($g: ID!) { joinGuild(input: { guildId: $g }) { status } }`, { g: guild.createGuild.guild.id });
    // Membership reaches tournaments through the bus.
    await expect
      .poll(async () => (await top(board.id, 10, 'GUILD', me!.token)).edges.map((e) => e.node.player.id), { timeout: 15_000, interval: 200 })
      .toEqual([me!.id, guildmate!.id]);
    const around = (await as<{ leaderboard: { around: { rank: number }[] } }>(guildmate!.token, AROUND, { id: board.id, u: guildmate!.id, scope: 'GUILD' })).leaderboard.around;
    expect(around.map((r) => r.rank)).toEqual([1, 2]);
  });
});

describe('scores from the platform', () => {
  it("adds a player's guild contributions to a board that follows them, once per contribution", async () => {
    const board = await define({ operator: 'INCREMENT', follows: ['GUILD_CONTRIBUTION'] });
    const [donor] = await players(1);
    await as(adminToken, `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { operationId } }`, {
      input: { userId: donor!.id, idempotencyKey: `lb-fund-${donor!.id}`, reason: 'test', changes: [{ currency: 'COINS', amount: 1_000 }] },
    });
    await as(donor!.token, `mutation($input: CreateGuildInput!) { createGuild(input: $input) { guild { id } } }`, {
      input: { name: uniqueName('lbdonor'), tag: `D${randomUUID().slice(0, 3).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}` },
    });
    const CONTRIBUTE = `mutation($coins: Int!, $key: String!) { contributeToGuild(input: { coins: $coins, requestKey: $key }) { guild { xp } } }`;
    await as(donor!.token, CONTRIBUTE, { coins: 300, key: `first-${donor!.id}` });
    await as(donor!.token, CONTRIBUTE, { coins: 300, key: `first-${donor!.id}` }); // the same request again: no second contribution
    await as(donor!.token, CONTRIBUTE, { coins: 150, key: `second-${donor!.id}` });
    // The contributions reach tournaments through the bus.
    await expect
      .poll(async () => (await as<{ leaderboard: { rank: { score: number; submissions: number } | null } }>(undefined, RANK, { id: board.id, u: donor!.id })).leaderboard.rank, { timeout: 15_000, interval: 200 })
      .toMatchObject({ score: 450, submissions: 2 });
  });
});

describe('live', () => {
  it('pushes leaderboardUpdated to anonymous subscribers for changes in their top, and rankChanged only to the players passed', async () => {
    const board = await define();
    const [a, b, c] = await players(3);
    await submit(board.id, a!.id, 30);
    await submit(board.id, b!.id, 20);
    await submit(board.id, c!.id, 10);
    const anonymous = wsClient(url);
    const forA = wsClient(url, { token: a!.token });
    const forB = wsClient(url, { token: b!.token });
    clients.push(anonymous, forA, forB);
    const updates = subscribe(anonymous, `subscription($id: ID!) { leaderboardUpdated(id: $id, first: 2) { reset period { number } top { rank score player { id username } } } }`, { id: board.id });
    const rankA = subscribe(forA, `subscription($id: ID!) { rankChanged(leaderboardId: $id) { rank previousRank passedBy { id } leaderboard { id } } }`, { id: board.id });
    const rankB = subscribe(forB, `subscription($id: ID!) { rankChanged(leaderboardId: $id) { rank previousRank passedBy { id } } }`, { id: board.id });
    // Live upstream before the submissions (polled: on a loaded machine a fixed pause may not be enough).
    for (const channel of [liveChannel('tournaments', 'leaderboardChanged', board.id), ...[a!, b!].map((p) => liveChannel('tournaments', 'rankChanged', `${board.id} ${p.id}`))]) {
      await untilListening(platform.runtime.redis, channel);
    }
    // c climbs from 3rd to 2nd: b is passed, a is not; the top 2 changed.
    await submit(board.id, c!.id, 25);
    await expect.poll(() => updates.results.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(updates.results.at(-1)!.data).toEqual({
      leaderboardUpdated: { reset: false, period: { number: 1 }, top: [{ rank: 1, score: 30, player: { id: a!.id, username: a!.username } }, { rank: 2, score: 25, player: { id: c!.id, username: c!.username } }] },
    });
    await expect.poll(() => rankB.results.length, { timeout: 10_000 }).toBe(1);
    expect(rankB.results[0]!.data).toEqual({ rankChanged: { rank: 3, previousRank: 2, passedBy: [{ id: c!.id }] } });
    // A change below the subscribed top (3rd place improves its score, stays 3rd) is not pushed.
    const seen = updates.results.length;
    await submit(board.id, b!.id, 21);
    await sleep(800);
    expect(updates.results.length).toBe(seen);
    // c passes a too: a hears it.
    await submit(board.id, c!.id, 40);
    await expect.poll(() => rankA.results.length, { timeout: 10_000 }).toBe(1);
    expect(rankA.results[0]!.data).toEqual({ rankChanged: { rank: 2, previousRank: 1, passedBy: [{ id: c!.id }], leaderboard: { id: board.id } } });
    expect(rankB.results).toHaveLength(1);
    expect(updates.error).toBeUndefined();
  });

  it('refuses rankChanged to anonymous viewers and unknown boards', async () => {
    const anonymous = wsClient(url);
    clients.push(anonymous);
    const sub = subscribe(anonymous, `subscription { rankChanged(leaderboardId: "nope") { rank } }`);
    await expect.poll(() => sub.error ?? sub.results[0]?.errors, { timeout: 10_000 }).toBeDefined();
    const [p] = await players(1);
    const signedIn = wsClient(url, { token: p!.token });
    clients.push(signedIn);
    const unknown = subscribe(signedIn, `subscription { leaderboardUpdated(id: "no-such-board") { reset } }`);
    await expect.poll(() => JSON.stringify(unknown.error ?? unknown.results[0]?.errors ?? ''), { timeout: 10_000 }).toContain('NOT_FOUND');
  });
});

describe('rebuild', () => {
  it('restores identical ranks after Redis is flushed mid-run, with submissions during the rebuild counted once', async () => {
    const board = await define({ operator: 'INCREMENT' });
    const ps = await players(20);
    const period = await platform.runtime.db.prisma.leaderboardPeriod.findFirstOrThrow({ where: { leaderboardId: board.id } });
    const sent = new Map<string, number>();
    let i = 0;
    const burst = async (n: number) => {
      await Promise.all(
        Array.from({ length: n }, async () => {
          const p = ps[i++ % ps.length]!;
          const score = (i % 7) + 1;
          await submit(board.id, p.id, score);
          sent.set(p.id, (sent.get(p.id) ?? 0) + score);
        }),
      );
    };
    await burst(60);
    // Redis restarts empty (every key gone: rankings, streams, groups) while submissions keep coming.
    const running = burst(60);
    await sleep(50);
    const redis = platform.runtime.redis;
    if (redis instanceof MemoryRedisPort) redis.restartEmpty();
    else await (redis as IoRedisPort).client.flushdb();
    await running;
    await burst(20);
    const expected = [...sent.entries()].sort((x, y) => y[1] - x[1]);
    const read = await top(board.id, 20);
    expect(read.edges.map((e) => e.node.score)).toEqual(expected.map(([, total]) => total));
    expect(new Map(read.edges.map((e) => [e.node.player.id, e.node.score]))).toEqual(new Map(sent));
    // The ranks match PostgreSQL's order (score, then who got there first).
    const stored = await platform.runtime.db.prisma.leaderboardRecord.findMany({ where: { periodId: period.id }, orderBy: [{ score: 'desc' }, { seq: 'asc' }] });
    expect(read.edges.map((e) => e.node.player.id)).toEqual(stored.map((r) => r.userId));
  });
});
