import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../platform/auth.js';
import type { Database } from '../../../platform/db/index.js';
import { ServiceUnavailableError } from '../../../platform/errors.js';
import { MemoryRedisPort, type RedisPort } from '../../../platform/redis/index.js';
import { openTestDatabase, subgraphClient } from '../../../platform/testing.js';
import type { Context } from '../context.js';
import type { UsersPort } from '../store/users.client.js';
import { tournamentsSubgraph } from '../subgraph.js';
import { LeaderboardRepair } from './leaderboard-repair.service.js';

// Submissions at the subgraph: group commit (concurrent submissions share transactions, each caller
// gets its own answer or error, a submissionId applies once whether retried inside one group or
// across groups), and the Redis/PostgreSQL repair (a commit whose Redis write never happened is
// found and re-applied). A submission for an id of no player is refused alone, before its group.

let db: Database;
let transactions = 0;
/** The Redis the subgraph sees: a twin whose ranking script can be made to fail (a crash after the commit). */
let failRankingWrites = false;
let built: ReturnType<typeof tournamentsSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;
const admin: Viewer = { userId: randomUUID(), role: 'ADMIN' };
const server: Viewer = { userId: null, role: null, kind: 'service', scopes: ['REPORT_MATCH_RESULTS'], serviceId: randomUUID() };
/** The users subgraph's players: the ids these tests submit for (`player()`); `usersDown` makes it unreachable. */
const players = new Set<string>();
let usersDown = false;
let usersCalls = 0;
const users: UsersPort = {
  levels: async (ids) => {
    usersCalls++;
    if (usersDown) throw new ServiceUnavailableError('users');
    return new Map(ids.filter((id) => players.has(id)).map((id) => [id, 1]));
  },
  applyCoins: async () => undefined,
};
const player = () => {
  const id = randomUUID();
  players.add(id);
  return id;
};

beforeAll(async () => {
  db = await openTestDatabase();
  const twin = new MemoryRedisPort();
  const redis = new Proxy(twin, {
    get(target, key, receiver) {
      if (key === 'zsetById' && failRankingWrites) return () => Promise.reject(new Error('Redis connection lost (test)'));
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as RedisPort;
  const counted = { prisma: db.prisma, sql: db.sql, transaction: ((fn, options) => (transactions++, db.transaction(fn, options))) as Database['transaction'] };
  built = tournamentsSubgraph.create({
    db: counted,
    redis,
    jobQueuePrefix: `lb-sub-${randomUUID()}`,
    friends: { friendsOf: async () => [] },
    users,
    config: { TOURNAMENTS_LEADERBOARD_REPAIR_AFTER_MS: 0 },
  });
  client = subgraphClient(built);
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

const SUBMIT = `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { record { rank score submissions player { id } } } }`;
const TOP = `query($id: ID!) { leaderboard(id: $id) { top(first: 100) { edges { node { rank score player { id } } } } } }`;
type Submitted = { submitScore: { record: { rank: number; score: number; submissions: number; player: { id: string } } } };

async function must<T>(viewer: Viewer, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await client.execute<T>(viewer, query, variables);
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
async function define(operator: string) {
  const id = `grp-${randomUUID().slice(0, 8)}`;
  await must(admin, `mutation($id: ID!, $op: ScoreOperator) { defineLeaderboard(input: { id: $id, title: "Group", operator: $op }) { leaderboard { id } } }`, { id, op: operator });
  return id;
}
const submit = (leaderboardId: string, userId: string, score: number, submissionId: string = randomUUID()) =>
  client.execute<Submitted>(server, SUBMIT, { input: { leaderboardId, userId, score, submissionId } });
async function top(id: string) {
  return (await must<{ leaderboard: { top: { edges: { node: { rank: number; score: number; player: { id: string } } }[] } } }>(admin, TOP, { id })).leaderboard.top.edges.map((e) => e.node);
}
/** The period's records as PostgreSQL orders them (score, then who got there first). */
async function stored(id: string) {
  const period = await db.prisma.leaderboardPeriod.findFirstOrThrow({ where: { leaderboardId: id, archivedAt: null } });
  return db.prisma.leaderboardRecord.findMany({ where: { periodId: period.id }, orderBy: [{ score: 'desc' }, { seq: 'asc' }] });
}

describe('group commit', () => {
  it('commits concurrent submissions in shared transactions, each answered on its own, every submissionId once', async () => {
    const id = await define('INCREMENT');
    const players = Array.from({ length: 12 }, player);
    const sent = new Map<string, number>();
    const calls: { userId: string; score: number; submissionId: string }[] = [];
    for (let i = 0; i < 240; i++) {
      const userId = players[i % players.length]!;
      const score = (i % 9) + 1;
      calls.push({ userId, score, submissionId: `s-${i}` });
      sent.set(userId, (sent.get(userId) ?? 0) + score);
    }
    // Each of the first 40 sent three times at once (the same group, or the next), and again after.
    const retries = calls.slice(0, 40).flatMap((c) => [c, c]);
    const before = transactions;
    const results = await Promise.all([...calls, ...retries].map((c) => submit(id, c.userId, c.score, c.submissionId)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(transactions - before).toBeLessThan(calls.length / 4); // grouped, not one transaction each
    const again = await Promise.all(calls.slice(0, 40).map((c) => submit(id, c.userId, c.score, c.submissionId)));
    for (const r of again) expect(r.errors).toBeUndefined();

    const records = await stored(id);
    expect(new Map(records.map((r) => [r.userId, r.score]))).toEqual(sent);
    expect(records.reduce((n, r) => n + r.submissions, 0)).toBe(calls.length);
    // Redis ranks the records exactly as PostgreSQL orders them.
    expect((await top(id)).map((r) => [r.rank, r.player.id, r.score])).toEqual(records.map((r, i) => [i + 1, r.userId, r.score]));
    // A retry answers with the record as it is now.
    const last = await submit(id, calls[0]!.userId, 1_000, calls[0]!.submissionId);
    expect(last.data!.submitScore.record).toMatchObject({ score: sent.get(calls[0]!.userId), player: { id: calls[0]!.userId } });
  });

  it('applies each submissionId once when two replicas receive the same submissions at once', async () => {
    const id = await define('INCREMENT');
    const replica = tournamentsSubgraph.create({ db, redis: new MemoryRedisPort(), jobQueuePrefix: `lb-sub-${randomUUID()}`, friends: { friendsOf: async () => [] }, users });
    const other = subgraphClient(replica);
    await other.server.start();
    try {
      const players = Array.from({ length: 5 }, player);
      const calls = Array.from({ length: 60 }, (_, i) => ({ leaderboardId: id, userId: players[i % 5]!, score: 1 + (i % 4), submissionId: `r-${i}` }));
      const results = await Promise.all(calls.flatMap((input) => [client.execute(server, SUBMIT, { input }), other.execute(server, SUBMIT, { input })]));
      for (const r of results) expect(r.errors).toBeUndefined();
      const expected = new Map<string, number>();
      for (const c of calls) expected.set(c.userId, (expected.get(c.userId) ?? 0) + c.score);
      const records = await stored(id);
      expect(new Map(records.map((r) => [r.userId, r.score]))).toEqual(expected);
      expect(records.reduce((n, r) => n + r.submissions, 0)).toBe(calls.length);
    } finally {
      await other.server.stop();
    }
  });

  it('answers each submission of a group with the record right after it, and ranks ties by who got there first', async () => {
    const id = await define('BEST');
    const [a, b, c] = [player(), player(), player()];
    // Each player's first submission waits for their check with the users subgraph (a later one of
    // a known player may overtake it): all three are known before the race.
    for (const [userId, score] of [[a, 10], [b, 1], [c, 1]] as const) await submit(id, userId, score);
    // b reaches 50 first (its own group), c ties it in the next group; a's 40 beats its 10, its 5 does not.
    const results = await Promise.all([submit(id, b, 50), submit(id, c, 50), submit(id, a, 40), submit(id, a, 5)]);
    expect(results.map((r) => r.data!.submitScore.record.score)).toEqual([50, 50, 40, 40]);
    expect((await top(id)).map((r) => [r.rank, r.player.id])).toEqual([
      [1, b],
      [2, c],
      [3, a],
    ]);
    expect(results[3].data!.submitScore.record).toMatchObject({ rank: 3, submissions: 3 });
  });

  it('refuses one bad submission of a group alone, stores nothing of it, and keeps its submissionId free', async () => {
    const id = await define('INCREMENT');
    const [rich, other] = [player(), player()];
    await submit(id, rich, 1e15 - 1);
    const overflow = randomUUID();
    const results = await Promise.all([submit(id, other, 5), submit(id, rich, 10, overflow), submit(id, other, 6), submit(id, rich, 1)]);
    expect(results[1].errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    for (const i of [0, 2, 3]) expect(results[i]!.errors).toBeUndefined();
    expect(new Map((await stored(id)).map((r) => [r.userId, [r.score, r.submissions]]))).toEqual(
      new Map([
        [rich, [1e15, 2]],
        [other, [11, 2]],
      ]),
    );
    // The refused id was never accepted: sent again with a valid amount it applies.
    await submit(id, other, 1, overflow);
    expect((await stored(id)).find((r) => r.userId === other)?.score).toBe(12);
  });

  it('refuses the twins of a refused submission in its group alike: the same submission sent at once, none of it stored', async () => {
    const id = await define('INCREMENT');
    const rich = player();
    await submit(id, rich, 1e15 - 2);
    const overflow = randomUUID();
    // The first commits alone; the three twins wait for the next group together.
    const results = await Promise.all([submit(id, rich, 1), submit(id, rich, 10, overflow), submit(id, rich, 10, overflow), submit(id, rich, 10, overflow)]);
    expect(results[0].errors).toBeUndefined();
    for (const r of results.slice(1)) expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    expect((await stored(id)).map((r) => [r.score, r.submissions])).toEqual([[1e15 - 1, 2]]);
    // Its id stays free: a valid submission under it applies.
    await submit(id, rich, -1, overflow);
    expect((await stored(id)).map((r) => [r.score, r.submissions])).toEqual([[1e15 - 2, 3]]);
  });

  it('refuses a submissionId reused for another player (CONFLICT at input.submissionId), in its group or later, storing nothing of it', async () => {
    const id = await define('INCREMENT');
    const [ana, ben] = [player(), player()];
    // Both players known before the race (the check with users would hold a first submission back).
    const warm = await define('INCREMENT');
    for (const userId of [ana, ben]) await submit(warm, userId, 1);
    const reused = randomUUID();
    // The first commits alone; the three under one id wait for the next group together.
    const results = await Promise.all([submit(id, ana, 1), submit(id, ana, 10, reused), submit(id, ben, 10, reused), submit(id, ana, 10, reused)]);
    for (const i of [0, 1, 3]) expect(results[i]!.errors).toBeUndefined();
    expect(results[3].data!.submitScore.record).toMatchObject({ score: 11, submissions: 2, player: { id: ana } });
    expect(results[2].errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.submissionId' });
    // Sent for ben again later: still another player's id.
    expect((await submit(id, ben, 5, reused)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.submissionId' });
    expect((await stored(id)).map((r) => [r.userId, r.score, r.submissions])).toEqual([[ana, 11, 2]]);
    expect((await top(id)).map((r) => r.player.id)).toEqual([ana]);
    // ana's retry is still answered with her record.
    expect((await submit(id, ana, 10, reused)).data!.submitScore.record).toMatchObject({ rank: 1, score: 11, submissions: 2 });
  });

  it('answers NOT_FOUND to every submission of a group to an unknown board, storing nothing', async () => {
    const submissionId = randomUUID();
    const results = await Promise.all([submit('no-such-board', player(), 1, submissionId), submit('no-such-board', player(), 2)]);
    for (const r of results) expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.leaderboardId' });
    expect(await db.prisma.leaderboardSubmission.count({ where: { leaderboardId: 'no-such-board' } })).toBe(0);
  });
});

describe('players', () => {
  it('refuses the id of no player alone (BAD_USER_INPUT at input.userId), stores nothing of it, and commits the rest of its group', async () => {
    const id = await define('INCREMENT');
    const [a, b] = [player(), player()];
    const ghost = randomUUID();
    const ghostSubmission = randomUUID();
    const results = await Promise.all([submit(id, a, 1), submit(id, ghost, 5, ghostSubmission), submit(id, b, 2), submit(id, a, 3)]);
    expect(results[1].errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    for (const i of [0, 2, 3]) expect(results[i]!.errors).toBeUndefined();
    expect(new Map((await stored(id)).map((r) => [r.userId, r.score]))).toEqual(
      new Map([
        [a, 4],
        [b, 2],
      ]),
    );
    expect(await db.prisma.leaderboardSubmission.count({ where: { leaderboardId: id, submissionId: ghostSubmission } })).toBe(0);
    // Every read selecting the players still answers.
    expect((await top(id)).map((r) => r.player.id)).toEqual([a, b]);
    // Registered since: the same submission applies.
    players.add(ghost);
    expect((await submit(id, ghost, 5, ghostSubmission)).errors).toBeUndefined();
    expect((await stored(id)).find((r) => r.userId === ghost)?.score).toBe(5);
  });

  it('answers SERVICE_UNAVAILABLE when users cannot tell whether a new id is a player, storing nothing; known players go on without asking', async () => {
    const id = await define('INCREMENT');
    const known = player();
    await submit(id, known, 1);
    const calls = usersCalls;
    usersDown = true;
    try {
      const newcomer = player();
      const [refused, accepted] = await Promise.all([submit(id, newcomer, 7), submit(id, known, 2)]);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'users' });
      expect(accepted.errors).toBeUndefined();
      expect(usersCalls - calls).toBe(1); // the newcomer's check, not the known player's
      expect(new Map((await stored(id)).map((r) => [r.userId, r.score]))).toEqual(new Map([[known, 3]]));
    } finally {
      usersDown = false;
    }
  });
});

describe('repair', () => {
  it('re-applies a record that committed in PostgreSQL but never reached Redis', async () => {
    const repair = (built.parts.workers as unknown[]).find((w): w is LeaderboardRepair => w instanceof LeaderboardRepair)!;
    const id = await define('BEST');
    const [a, b] = [player(), player()];
    await submit(id, a, 30);
    await submit(id, b, 20);
    // Everything settled: nothing owed.
    await expect.poll(() => db.prisma.leaderboardRankingWrite.count(), { timeout: 5_000 }).toBe(0);

    // The process "dies" between the commit and the Redis write: b's 40 is stored, Redis still says 20.
    failRankingWrites = true;
    const lost = await submit(id, b, 40);
    failRankingWrites = false;
    expect(lost.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await stored(id)).map((r) => [r.userId, r.score])).toEqual([
      [b, 40],
      [a, 30],
    ]);
    expect((await top(id)).map((r) => [r.player.id, r.score])).toEqual([
      [a, 30],
      [b, 20],
    ]);
    expect(await db.prisma.leaderboardRankingWrite.count()).toBe(1);

    expect(await repair.repairOwed()).toBe(1);
    expect((await top(id)).map((r) => [r.rank, r.player.id, r.score])).toEqual([
      [1, b, 40],
      [2, a, 30],
    ]);
    expect(await db.prisma.leaderboardRankingWrite.count()).toBe(0);
    // Nothing owed, nothing to do; a second run changes nothing.
    expect(await repair.repairOwed()).toBe(0);
    expect((await top(id)).map((r) => r.score)).toEqual([40, 30]);
  });
});
