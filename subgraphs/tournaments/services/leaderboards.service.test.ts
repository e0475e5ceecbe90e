import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../platform/auth.js';
import type { Database } from '../../../platform/db/index.js';
import type { DomainEvent } from '../../../platform/events/types.js';
import type { JobRunner } from '../../../platform/jobs/index.js';
import { DOMAIN_EVENTS_STREAM } from '../../../platform/events/types.js';
import { MemoryRedisPort } from '../../../platform/redis/index.js';
import { openTestDatabase, startWorkers, subgraphClient } from '../../../platform/testing.js';
import type { Context } from '../context.js';
import type { FriendsPort } from '../store/leaderboard-friends.client.js';
import type { UsersPort } from '../store/users.client.js';
import { tournamentsSubgraph } from '../subgraph.js';

// Leaderboards at the subgraph, with a fake clock: scheduled resets on durable jobs (archived
// periods stay readable, a reset is pushed live with the empty period; their Redis rankings expire
// when nobody reads them and are rebuilt from PostgreSQL when read again), and score sources from
// the bus (achievement points, tournament placements, guild contributions), each event applied once
// even when the bus delivers it twice.

let now = new Date('2026-03-01T12:00:00Z'); // a Sunday, noon UTC
let db: Database;
let built: ReturnType<typeof tournamentsSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;
/** The Redis twin's clock runs ahead of the real one by this much (expiry tests move it). */
let redisAheadMs = 0;
const redis = new MemoryRedisPort(() => Date.now() + redisAheadMs);
const ARCHIVE_TTL_SECONDS = 3_600;
const jobQueuePrefix = `lb-test-${randomUUID()}`;
const admin: Viewer = { userId: randomUUID(), role: 'ADMIN' };
const server: Viewer = { userId: null, role: null, kind: 'service', scopes: ['REPORT_MATCH_RESULTS'], serviceId: randomUUID() };
/** The users subgraph's players: the ids the game server submits for here (`player()`). */
const players = new Set<string>();
const users: UsersPort = { levels: async (ids) => new Map(ids.filter((id) => players.has(id)).map((id) => [id, 1])), applyCoins: async () => undefined };
const player = () => {
  const id = randomUUID();
  players.add(id);
  return id;
};
/** Each player's friends in the users subgraph's order (most recent friendship first), and the limits asked for. */
const friendLists = new Map<string, string[]>();
const friendLimits: number[] = [];
const friends: FriendsPort = {
  friendsOf: async (viewer, limit) => (friendLimits.push(limit), (friendLists.get(viewer.userId!) ?? []).slice(0, limit)),
};

beforeAll(async () => {
  db = await openTestDatabase();
  built = tournamentsSubgraph.create({
    db,
    redis,
    now: () => now,
    jobQueuePrefix,
    friends,
    users,
    config: { TOURNAMENTS_LEADERBOARD_ARCHIVE_TTL_SECONDS: ARCHIVE_TTL_SECONDS },
    consumerTuning: { blockMs: 20, claimIdleMs: 200 },
  });
  client = subgraphClient(built);
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

async function must<T>(viewer: Viewer, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.execute<T>(viewer, query, variables);
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
async function runDueJobs() {
  await db.prisma.job.updateMany({ where: { queue: { startsWith: `${jobQueuePrefix}.` }, status: 'PENDING' }, data: { runAt: new Date(Date.now() - 1000) } });
  const runners = built.parts.workers as JobRunner[];
  for (let i = 0; i < 3; i++) await Promise.all(runners.map((r) => r.poke()));
}
const DEFINE = `mutation($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { id nextResetAt } } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { record { rank score } } }`;
const PERIODS = `query($id: ID!, $u: ID!) { leaderboard(id: $id) { nextResetAt
  current: period { number startedAt endsAt archivedAt recordCount top(first: 5) { edges { node { rank score player { id } } } } }
  last: period(previous: 1) { number endsAt archivedAt recordCount top(first: 5) { edges { node { rank score player { id } } } } rank(userId: $u) { rank score } }
  older: period(previous: 2) { number }
} }`;

describe('scheduled resets', () => {
  it('archives the period at the schedule, keeps it readable, starts an empty one and pushes the reset', async () => {
    const id = `daily-${randomUUID().slice(0, 8)}`;
    const defined = await must<{ defineLeaderboard: { leaderboard: { nextResetAt: string } } }>(admin, DEFINE, { input: { id, title: 'Daily', resetSchedule: '0 0 * * *' } });
    expect(defined.defineLeaderboard.leaderboard.nextResetAt).toBe('2026-03-02T00:00:00.000Z');
    const [a, b] = [player(), player()];
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: a, score: 10, submissionId: randomUUID() } });
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: b, score: 20, submissionId: randomUUID() } });

    const live = await built.parts.context({ userId: null, role: null }).leaderboards.liveTop(id, 5);
    const next = live.next();
    // Not due yet: the job runs, finds the period's end ahead by our clock, and waits.
    await runDueJobs();
    expect((await must<{ leaderboard: { current: { number: number } } }>(admin, PERIODS, { id, u: a })).leaderboard.current.number).toBe(1);

    now = new Date('2026-03-02T00:00:01Z'); // just past midnight
    await runDueJobs();
    const read = (await must<{ leaderboard: Record<string, unknown> }>(admin, PERIODS, { id, u: a })).leaderboard;
    expect(read).toEqual({
      nextResetAt: '2026-03-03T00:00:00.000Z',
      current: { number: 2, startedAt: '2026-03-02T00:00:01.000Z', endsAt: '2026-03-03T00:00:00.000Z', archivedAt: null, recordCount: 0, top: { edges: [] } },
      last: {
        number: 1,
        endsAt: '2026-03-02T00:00:00.000Z',
        archivedAt: '2026-03-02T00:00:01.000Z',
        recordCount: 2,
        top: { edges: [{ node: { rank: 1, score: 20, player: { id: b } } }, { node: { rank: 2, score: 10, player: { id: a } } }] },
        rank: { rank: 2, score: 10 },
      },
      older: null,
    });
    const pushed = await next;
    expect(pushed.done).toBe(false);
    expect(pushed.value).toMatchObject({ reset: true, period: { number: 2 } });
    await live.return?.();

    // A new submission lands in the new period only; running the jobs again resets nothing more.
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: a, score: 5, submissionId: randomUUID() } });
    await runDueJobs();
    const after = (await must<{ leaderboard: { current: { number: number; recordCount: number }; last: { recordCount: number } } }>(admin, PERIODS, { id, u: a })).leaderboard;
    expect([after.current.number, after.current.recordCount, after.last.recordCount]).toEqual([2, 1, 2]);
  });
});

describe('leaderboardUpdated across a reset', () => {
  it('delivers the new period at once after a reset, though the stream had read the old one', async () => {
    const id = `live-reset-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id, title: 'Live reset', resetSchedule: '0 * * * *' } });
    const live = await built.parts.context({ userId: null, role: null }).leaderboards.liveTop(id, 3);
    const first = live.next();
    await new Promise((r) => setTimeout(r, 50));
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: player(), score: 7, submissionId: randomUUID() } });
    expect((await first).value).toMatchObject({ reset: false, period: { number: 1 } });
    const second = live.next();
    now = new Date(now.getTime() + 3_600_000);
    await runDueJobs();
    expect((await second).value).toMatchObject({ reset: true, period: { number: 2 } });
    // A submission to the new period right after: the stream shows the new period, not the one it read before.
    const third = live.next();
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: player(), score: 9, submissionId: randomUUID() } });
    expect((await third).value).toMatchObject({ reset: false, period: { number: 2 } });
    await live.return?.();
  });
});

describe('archived periods in Redis', () => {
  it('expire when nobody reads them (each read renews), and a read after that rebuilds them from PostgreSQL', async () => {
    const id = `weekly-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id, title: 'Hourly', resetSchedule: '0 * * * *' } });
    const ranked = [player(), player(), player()];
    for (const [i, userId] of ranked.entries()) await must(server, SUBMIT, { input: { leaderboardId: id, userId, score: 10 * (i + 1), submissionId: randomUUID() } });
    const archived = await db.prisma.leaderboardPeriod.findFirstOrThrow({ where: { leaderboardId: id, archivedAt: null } });
    now = new Date(now.getTime() + 3_600_000);
    await runDueJobs();
    const current = await db.prisma.leaderboardPeriod.findFirstOrThrow({ where: { leaderboardId: id, archivedAt: null } });
    expect(current.number).toBe(2);
    const LAST = `query($id: ID!) { leaderboard(id: $id) { period(previous: 1) { number recordCount top(first: 5) { edges { node { rank score player { id } } } } } } }`;
    const expected = { number: 1, recordCount: 3, top: { edges: [2, 1, 0].map((i, rank) => ({ node: { rank: rank + 1, score: 10 * (i + 1), player: { id: ranked[i] } } })) } };
    const built = async (periodId: string) => (await redis.hmget(`lb:{${periodId}}:ix`, ['~built']))[0] !== null;
    const held = (periodId: string) => redis.zcard(`lb:{${periodId}}:z`);

    expect((await must<{ leaderboard: { period: unknown } }>(admin, LAST, { id })).leaderboard.period).toEqual(expected);
    // Read again 50 minutes later: still there, and the read renews its time.
    redisAheadMs += 50 * 60_000;
    expect([await built(archived.id), await held(archived.id)]).toEqual([true, 3]);
    expect((await must<{ leaderboard: { period: unknown } }>(admin, LAST, { id })).leaderboard.period).toEqual(expected);
    redisAheadMs += 50 * 60_000; // 100 minutes after the reset, 50 after the last read
    expect([await built(archived.id), await held(archived.id)]).toEqual([true, 3]);
    // An hour (and the set's extra minute) without reads: gone from Redis.
    redisAheadMs += 62 * 60_000;
    expect([await built(archived.id), await held(archived.id)]).toEqual([false, 0]);
    // The current period does not expire.
    expect(await built(current.id)).toBe(true);
    // Read again: rebuilt from PostgreSQL, identical, and expiring again.
    expect((await must<{ leaderboard: { period: unknown } }>(admin, LAST, { id })).leaderboard.period).toEqual(expected);
    expect([await built(archived.id), await held(archived.id)]).toEqual([true, 3]);
    redisAheadMs += 62 * 60_000;
    expect([await built(archived.id), await held(archived.id)]).toEqual([false, 0]);
  });
});

describe('score sources', () => {
  it("adds an unlocked achievement's points to boards that follow them, once per event", async () => {
    const id = `points-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id, title: 'Achievement points', operator: 'INCREMENT', follows: ['ACHIEVEMENT_POINTS'] } });
    const other = `other-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id: other, title: 'Not following', operator: 'INCREMENT' } });
    const userId = randomUUID(); // not among users' players here: bus sources are not checked
    const event = (achievementId: string, points: number): DomainEvent<'achievement.unlocked'> =>
      ({ id: randomUUID(), type: 'achievement.unlocked', producer: 'achievements', occurredAt: now.toISOString(), payload: { userId, achievementId, rarity: 'RARE', category: 'x', rewards: [], unlockedAt: now.toISOString(), points } }) as never;
    const consumer = built.parts.consumer;
    if (consumer.port === 'sql') throw new Error('leaderboards consume on Prisma transactions');
    const handler = consumer.handlers!['achievement.unlocked']!;
    const apply = async (e: DomainEvent<'achievement.unlocked'>) => {
      const after = await db.prisma.$transaction((tx) => handler(e, tx));
      if (typeof after === 'function') await after();
    };
    const first = event('first-win', 10);
    await apply(first);
    await apply(event('first-win', 10)); // the same unlock told again (a rebuild upstream): no second credit
    await apply(event('ten-wins', 25));
    const read = await must<{ leaderboard: { rank: { score: number; submissions: number } } }>(admin, `query($id: ID!, $u: ID!) { leaderboard(id: $id) { rank(userId: $u) { score submissions } } }`, { id, u: userId });
    expect(read.leaderboard.rank).toEqual({ score: 35, submissions: 2 });
    const notFollowing = await must<{ leaderboard: { rank: unknown } }>(admin, `query($id: ID!, $u: ID!) { leaderboard(id: $id) { rank(userId: $u) { score } } }`, { id: other, u: userId });
    expect(notFollowing.leaderboard.rank).toBeNull();
  });

  it('ranks tournament placements and guild contributions on the boards that follow them, once per event even when the bus delivers it twice', async () => {
    const placements = `placements-${randomUUID().slice(0, 8)}`;
    const donors = `donors-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id: placements, title: 'Best finishes', sortOrder: 'ASC', operator: 'BEST', follows: ['TOURNAMENT_PLACEMENT'] } });
    await must(admin, DEFINE, { input: { id: donors, title: 'Top donors', operator: 'INCREMENT', follows: ['GUILD_CONTRIBUTION'] } });
    const [winner, second, third] = [randomUUID(), randomUUID(), randomUUID()]; // not checked either
    const at = now.toISOString();
    const event = <T extends 'tournament.completed' | 'guild.contribution_made'>(type: T, payload: DomainEvent<T>['payload']) =>
      ({ id: randomUUID(), type, producer: type.startsWith('guild') ? 'social' : 'tournaments', occurredAt: at, payload }) as DomainEvent<T>;
    const cup = randomUUID();
    const completed = event('tournament.completed', { tournamentId: cup, placements: [{ userId: second, placement: 2 }, { userId: winner, placement: 1 }, { userId: third, placement: 3 }], completedAt: at });
    // A later cup where the third-placed player wins: their best finish becomes 1.
    const rematch = event('tournament.completed', { tournamentId: randomUUID(), placements: [{ userId: third, placement: 1 }, { userId: winner, placement: 2 }], completedAt: at });
    const gifts = [event('guild.contribution_made', { guildId: randomUUID(), userId: second, amount: 300, contributedAt: at }), event('guild.contribution_made', { guildId: randomUUID(), userId: second, amount: 200, contributedAt: at }), event('guild.contribution_made', { guildId: randomUUID(), userId: winner, amount: 450, contributedAt: at })];
    // Every event twice on the stream (a relay retry), and the first cup recorded twice under new ids (its completion told again).
    const sent = [completed, completed, ...gifts, ...gifts, rematch, { ...completed, id: randomUUID() }];
    for (const e of sent) await redis.xadd(DOMAIN_EVENTS_STREAM, { event: JSON.stringify(e) });
    const stop = await startWorkers([built.consumer!]);
    try {
      const RANKS = `query($id: ID!) { leaderboard(id: $id) { top(first: 10) { edges { node { rank score submissions player { id } } } } } }`;
      const ranks = async (id: string) => (await must<{ leaderboard: { top: { edges: { node: { rank: number; score: number; submissions: number; player: { id: string } } }[] } } }>(admin, RANKS, { id })).leaderboard.top.edges.map((e) => [e.node.rank, e.node.player.id, e.node.score, e.node.submissions]);
      await expect.poll(() => db.prisma.processedEvent.count({ where: { eventId: { in: sent.map((e) => e.id) }, consumer: 'tournaments' } }), { timeout: 15_000, interval: 100 }).toBe(new Set(sent.map((e) => e.id)).size);
      // Ties at 1 go to who got there first: the first cup's winner.
      expect(await ranks(placements)).toEqual([
        [1, winner, 1, 2],
        [2, third, 1, 2],
        [3, second, 2, 1],
      ]);
      expect(await ranks(donors)).toEqual([
        [1, second, 500, 2],
        [2, winner, 450, 1],
      ]);
    } finally {
      await stop();
    }
  });
});

describe('rankChanged', () => {
  it('tells only the players passed, and coalesces passes that land while one is being delivered', async () => {
    const id = `passes-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id, title: 'Passes' } });
    const [me, low, p1, p2, p3, away] = [player(), player(), player(), player(), player(), player()];
    const submit = (userId: string, score: number) => must(server, SUBMIT, { input: { leaderboardId: id, userId, score, submissionId: randomUUID() } });
    await submit(me, 50);
    await submit(low, 10);
    await submit(away, 5); // passed as often as low, but never listening: nothing is published for them
    const published: string[] = [];
    const publish = redis.publish.bind(redis);
    redis.publish = (channel, message) => (published.push(channel), publish(channel, message));
    const context = built.parts.context({ userId: me, role: 'PLAYER' });
    const mine = await context.leaderboards.liveRank({ userId: me, role: 'PLAYER' }, id);
    const lowStream = await built.parts.context({ userId: low, role: 'PLAYER' }).leaderboards.liveRank({ userId: low, role: 'PLAYER' }, id);
    const first = mine.next(); // listening from here
    const lowFirst = lowStream.next();
    await new Promise((r) => setTimeout(r, 100));
    await submit(p1, 60); // enters first: passes me and low
    expect((await first).value).toEqual({ leaderboardId: id, rank: 2, previousRank: 1, passedBy: [p1] });
    // Two more passes while nobody reads: one change, latest rank, every passer once.
    await submit(p2, 70);
    await submit(p3, 80);
    await new Promise((r) => setTimeout(r, 200));
    expect((await mine.next()).value).toEqual({ leaderboardId: id, rank: 4, previousRank: 2, passedBy: [p2, p3] });
    expect((await lowFirst).value).toEqual({ leaderboardId: id, rank: 3, previousRank: 2, passedBy: [p1] });
    // A player who falls back passes nobody: nobody ahead of me hears about it.
    const p1Stream = await built.parts.context({ userId: p1, role: 'PLAYER' }).leaderboards.liveRank({ userId: p1, role: 'PLAYER' }, id);
    const p1Next = p1Stream.next();
    await new Promise((r) => setTimeout(r, 100));
    await must(server, SUBMIT, { input: { leaderboardId: id, userId: me, score: 55, submissionId: randomUUID() } }); // better than 50, still behind p1: p1 was not passed
    expect(await Promise.race([p1Next.then(() => 'told'), new Promise((r) => setTimeout(() => r('not told'), 300))])).toBe('not told');
    await p1Stream.return?.();
    await mine.return?.();
    await lowStream.return?.();
    redis.publish = publish;
    const toPlayers = published.filter((channel) => channel.includes('rankChanged'));
    expect(toPlayers.length).toBeGreaterThan(0);
    expect(toPlayers.filter((channel) => channel.includes(away))).toEqual([]);
  });
});

describe('the FRIENDS scope', () => {
  it('ranks the viewer and the 999 friends they made most recently, whatever the scores of older ones', async () => {
    const id = `friends-${randomUUID().slice(0, 8)}`;
    await must(admin, DEFINE, { input: { id, title: 'Friends' } });
    const me = player();
    const mine = Array.from({ length: 1_000 }, player); // mine[0]: the newest friendship
    friendLists.set(me, mine);
    // The oldest friend has the best score; the others 1…999, newest lowest; the viewer 0.
    const scores = new Map([[me, 0], ...mine.map((f, i): [string, number] => [f, i === 999 ? 5_000 : i + 1])]);
    await Promise.all([...scores].map(([userId, score]) => must(server, SUBMIT, { input: { leaderboardId: id, userId, score, submissionId: randomUUID() } })));
    const viewer: Viewer = { userId: me, role: 'PLAYER' };
    const READ = `query($id: ID!, $u: ID!, $oldest: ID!) { leaderboard(id: $id) {
      top(scope: FRIENDS, first: 2) { edges { node { rank score player { id } } } }
      me: rank(userId: $u, scope: FRIENDS) { rank }
      oldest: rank(userId: $oldest, scope: FRIENDS) { rank }
      everyone: rank(userId: $oldest) { rank }
    } }`;
    friendLimits.length = 0;
    const read = await must<{ leaderboard: { top: { edges: { node: { rank: number; score: number; player: { id: string } } }[] }; me: { rank: number }; oldest: null; everyone: { rank: number } } }>(viewer, READ, { id, u: me, oldest: mine[999] });
    expect(new Set(friendLimits)).toEqual(new Set([999]));
    expect(read.leaderboard.top.edges.map((e) => [e.node.rank, e.node.score, e.node.player.id])).toEqual([
      [1, 999, mine[998]],
      [2, 998, mine[997]],
    ]);
    expect(read.leaderboard.me).toEqual({ rank: 1_000 });
    expect(read.leaderboard.oldest).toBeNull(); // the 1,000th friend is not ranked
    expect(read.leaderboard.everyone).toEqual({ rank: 1 });
  }, 60_000);
});
