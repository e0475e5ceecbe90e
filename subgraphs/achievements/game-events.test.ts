import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { recordEvent } from '../../platform/events/outbox.js';
import { OutboxRelay } from '../../platform/events/outbox.js';
import type { DomainEventPayloads } from '../../platform/events/types.js';
import { encodeCursor, seqKey } from '../../platform/pagination.js';
import { newTestRedis, openTestDatabase, silentLogger, subgraphClient, startWorkers } from '../../platform/testing.js';
import type { Context } from './context.js';
import { parseCatalog } from './domain/catalog.js';
import type { GameEventInput } from './domain/game-events.js';
import { readCatalogFile } from './services/catalog.service.js';
import { rebuildProjections } from './services/rebuild.service.js';
import { achievementsSubgraph } from './subgraph.js';

const catalog = readCatalogFile();
let db: Database;
const redis = newTestRedis();
let client: ReturnType<typeof subgraphClient<Context>>;
let stopWorkers: () => Promise<void>;
let built: ReturnType<typeof achievementsSubgraph.create>;

beforeAll(async () => {
  db = await openTestDatabase();
  const definition = (built = achievementsSubgraph.create({ db, redis, logger: silentLogger, config: { ACHIEVEMENTS_CONSUMER_NAME: 'engine-test', ACHIEVEMENTS_UNKNOWN_PLAYER_WAIT_MS: 2_000 } }));
  stopWorkers = await startWorkers(definition.workers);
  client = subgraphClient(definition);
  await client.server.start();
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  await stopWorkers();
  await db.close();
});

const GAME_SERVER: Viewer = { userId: null, role: null, kind: 'service', scopes: ['REPORT_GAME_EVENTS'], serviceId: 'key-1' };
const asPlayer = (userId: string): Viewer => ({ userId, role: 'PLAYER' });

/** A player the subgraph knows (what users' `user.registered` event creates). */
async function newPlayer(timezone = 'UTC'): Promise<string> {
  const userId = randomUUID();
  await db.prisma.achievementPlayer.create({ data: { userId, timezone } });
  return userId;
}

const RECORD = `mutation($input: RecordGameEventsInput!) {
  recordGameEvents(input: $input) { events { id status unlocked { achievement { id } unlockedAt } } }
}`;
type Recorded = { recordGameEvents: { events: { id: string; status: string; unlocked: { achievement: { id: string }; unlockedAt: string }[] }[] } };
const record = (events: object[], viewer: Viewer = GAME_SERVER) => client.execute<Recorded>(viewer, RECORD, { input: { events } });
const ev = (userId: string, type: string, data: object = {}, occurredAt?: string) => ({ id: randomUUID(), userId, type, data, occurredAt });

const ACHIEVEMENTS = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on User { achievements { id status current target percent unlockedAt achievement { name } } } }
}`;
type Standing = { id: string; status: string; current: number; target: number; percent: number; unlockedAt: string | null; achievement: { name: string } };
async function achievementsOf(userId: string): Promise<Standing[]> {
  const result = await client.execute<{ _entities: { achievements: Standing[] }[] }>(asPlayer(userId), ACHIEVEMENTS, { reps: [{ __typename: 'User', id: userId }] });
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0]!.achievements;
}
const storedEvents = (userId: string) => db.prisma.achievementEvent.findMany({ where: { userId }, orderBy: { version: 'asc' } });
const outboxUnlocks = (userId: string) =>
  db.prisma.outboxEvent.findMany({ where: { type: 'achievement.unlocked', payload: { path: ['userId'], equals: userId } } });

describe('recordGameEvent(s): who may call, and bad input', () => {
  it('refuses players (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), storing nothing', async () => {
    const userId = await newPlayer();
    expect((await record([ev(userId, 'COMBAT_WON')], asPlayer(userId))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await record([ev(userId, 'COMBAT_WON')], { userId: null, role: null })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const noScope = await record([ev(userId, 'COMBAT_WON')], { ...GAME_SERVER, scopes: ['MANAGE_WALLET'] });
    expect(noScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await storedEvents(userId)).toEqual([]);
  });

  it.each([
    ['an unknown event type', (u: string) => ev(u, 'COMBAT_WONN'), 'input.events.1.type'],
    ['a player nobody knows', () => ev(randomUUID(), 'COMBAT_WON'), 'input.events.1.userId'],
    ['a malformed user id', () => ev('not-a-player', 'COMBAT_WON'), 'input.events.1.userId'],
  ])('rejects %s with BAD_USER_INPUT naming the field, and stores none of the batch', async (_name, bad, field) => {
    const userId = await newPlayer();
    const result = await record([ev(userId, 'COMBAT_WON'), bad(userId)]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await storedEvents(userId)).toEqual([]);
    expect(await db.prisma.userAchievement.count({ where: { userId } })).toBe(0);
  });

  it('rejects data that is not a JSON object (BAD_USER_INPUT naming it), storing nothing', async () => {
    const userId = await newPlayer();
    const result = await record([ev(userId, 'COMBAT_WON'), { ...ev(userId, 'COMBAT_WON'), data: [1] }]);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/events\[1\]\.data/);
    expect(await storedEvents(userId)).toEqual([]);
  });

  it('names the field of a single event as input.<field>', async () => {
    const ONE = `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { id status } } }`;
    const unknownType = await client.execute(GAME_SERVER, ONE, { input: ev(await newPlayer(), 'NOPE') });
    expect(unknownType.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });
    const unknownPlayer = await client.execute(GAME_SERVER, ONE, { input: ev(randomUUID(), 'COMBAT_WON') });
    expect(unknownPlayer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
  });

  it('waits for a player whose registration arrives a moment after the event, then records and evaluates it', async () => {
    const userId = randomUUID();
    const call = record([ev(userId, 'COMBAT_WON')]);
    // users' `user.registered` reaches this subgraph 300 ms later.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db.prisma.achievementPlayer.create({ data: { userId, timezone: 'UTC' } });
    const result = await call;
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordGameEvents.events).toEqual([expect.objectContaining({ status: 'RECORDED', unlocked: [expect.objectContaining({ achievement: { id: 'first_blood' } })] })]);
    expect(await storedEvents(userId)).toHaveLength(1);
  });

  it('checks nothing for a player whose registration it applied from the bus', async () => {
    const userId = randomUUID();
    const eventId = randomUUID();
    const at = new Date().toISOString();
    await redis.xadd('domain-events', {
      event: JSON.stringify({ id: eventId, type: 'user.registered', producer: 'users', occurredAt: at, payload: { userId, username: 'bus_known', registeredAt: at } }),
    });
    // Applied and acknowledged: the consumer acks after the after-commit actions ran.
    await expect.poll(() => db.prisma.processedEvent.count({ where: { eventId } }), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => built.consumer!.pending(), { timeout: 10_000 }).toBe(0);
    const checks = vi.spyOn(built.parts.progressStore, 'knownPlayerIds');
    try {
      const result = await record([ev(userId, 'QUEST_COMPLETED')]);
      expect(result.errors).toBeUndefined();
      expect(checks).not.toHaveBeenCalled();
      // A player nobody announced is still checked.
      await record([ev(await newPlayer(), 'QUEST_COMPLETED')]);
      expect(checks).toHaveBeenCalledTimes(1);
    } finally {
      checks.mockRestore();
    }
  });

  it('names a missing required field', async () => {
    const result = await client.execute(GAME_SERVER, `mutation { recordGameEvent(input: { id: "x", type: "COMBAT_WON" }) { events { id } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toMatch(/userId/);
  });
});

describe('recording and evaluating', () => {
  it('stores an event, unlocks first_blood with its effects, and a retry with the same id changes nothing', async () => {
    const userId = await newPlayer();
    const win = ev(userId, 'COMBAT_WON', { mode: 'pve' }, '2026-11-28T10:00:00Z');
    const first = await record([win]);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordGameEvents.events).toEqual([
      { id: win.id, status: 'RECORDED', unlocked: [{ achievement: { id: 'first_blood' }, unlockedAt: '2026-11-28T10:00:00.000Z' }] },
    ]);
    expect(await storedEvents(userId)).toMatchObject([{ id: win.id, version: 1, type: 'COMBAT_WON', data: { mode: 'pve' }, source: 'game' }]);
    expect(await outboxUnlocks(userId)).toMatchObject([
      { producer: 'achievements', payload: { userId, achievementId: 'first_blood', rarity: 'COMMON', rewards: [{ kind: 'XP', amount: 100 }] } },
    ]);
    expect(await db.prisma.notification.findMany({ where: { userId } })).toMatchObject([
      { kind: 'ACHIEVEMENT_UNLOCKED', achievementId: 'first_blood', priority: 'LOW', title: 'Achievement unlocked: First Blood', readAt: null },
    ]);

    const retry = await record([win, win]);
    expect(retry.data!.recordGameEvents.events).toEqual([
      { id: win.id, status: 'DUPLICATE', unlocked: [] },
      { id: win.id, status: 'DUPLICATE', unlocked: [] },
    ]);
    expect(await storedEvents(userId)).toHaveLength(1);
    expect(await outboxUnlocks(userId)).toHaveLength(1);
    expect(await db.prisma.notification.count({ where: { userId } })).toBe(1);
  });

  it('keeps progress per achievement and shows it on User.achievements', async () => {
    const userId = await newPlayer();
    await record([1, 2, 3].map(() => ev(userId, 'COMBAT_WON', { mode: 'pvp', enemy: 'goblin' })));
    const standings = await achievementsOf(userId);
    expect(standings.filter((s) => s.status === 'UNLOCKED').map((s) => s.id)).toEqual(['first_blood']);
    expect(standings.find((s) => s.id === 'combat_master')).toMatchObject({ status: 'IN_PROGRESS', current: 3, target: 100, percent: 3, unlockedAt: null });
    expect(standings.find((s) => s.id === 'first_blood')).toMatchObject({ status: 'UNLOCKED', current: 1, target: 1, percent: 100 });
    // Unlocked first, then in progress, closest to done first.
    const inProgress = standings.filter((s) => s.status === 'IN_PROGRESS').map((s) => s.percent);
    expect(inProgress).toEqual([...inProgress].sort((a, b) => b - a));
  });

  it('a COMBAT_LOST resets an unbroken run', async () => {
    const userId = await newPlayer();
    const at = (minute: number) => `2026-11-28T10:${String(minute).padStart(2, '0')}:00Z`;
    await record([ev(userId, 'COMBAT_WON', {}, at(1)), ev(userId, 'COMBAT_WON', {}, at(2)), ev(userId, 'COMBAT_LOST', {}, at(3)), ev(userId, 'COMBAT_WON', {}, at(4))]);
    const standings = await achievementsOf(userId);
    expect(standings.find((s) => s.id === 'legendary_warrior')).toMatchObject({ current: 1, target: 1000 });
    expect(standings.find((s) => s.id === 'combat_master')).toMatchObject({ current: 3 });
  });

  it('counts streak days in the player\'s timezone', async () => {
    const userId = await newPlayer('America/Los_Angeles');
    // 07:30 UTC is 23:30 the previous evening in Los Angeles: seven consecutive local days.
    const days = Array.from({ length: 7 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}T07:30:00Z`);
    const result = await record(days.map((at) => ev(userId, 'SESSION_COMPLETED', { durationMinutes: 30 }, at)));
    expect(result.data!.recordGameEvents.events.at(-1)!.unlocked.map((u) => u.achievement.id)).toContain('week_warrior');
  });

  it('applies concurrent batches for one player one after the other: contiguous versions, nothing lost or doubled', async () => {
    const userId = await newPlayer();
    const batches = Array.from({ length: 6 }, () => Array.from({ length: 5 }, () => ev(userId, 'QUEST_COMPLETED', { region: 'north' })));
    const results = await Promise.all(batches.map((batch) => record(batch)));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect((await storedEvents(userId)).map((e) => e.version)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((await achievementsOf(userId)).find((s) => s.id === 'seasoned_adventurer' || s.target === 50)).toMatchObject({ current: 30 });
  });

  it('stores one event once when the same id races in two calls', async () => {
    const userId = await newPlayer();
    const win = ev(userId, 'COMBAT_WON');
    const results = await Promise.all([record([win]), record([win]), record([win])]);
    expect(results.map((r) => r.data!.recordGameEvents.events[0]!.status).sort()).toEqual(['DUPLICATE', 'DUPLICATE', 'RECORDED']);
    expect(await storedEvents(userId)).toHaveLength(1);
    expect(await outboxUnlocks(userId)).toHaveLength(1);
  });
});

describe('group commit of game calls', () => {
  // Straight to the service, as the resolver calls it (the DateTime scalar has made occurredAt a Date).
  const inputs = (events: ReturnType<typeof ev>[]): GameEventInput[] =>
    events.map((e) => ({ ...e, data: e.data as GameEventInput['data'], occurredAt: new Date(e.occurredAt!) }));
  const win = (userId: string) => ev(userId, 'COMBAT_WON', { mode: 'pve' }, '2026-11-28T10:00:00Z');

  function serviceCountingTransactions() {
    const { parts } = achievementsSubgraph.create({ db, redis, logger: silentLogger, config: { ACHIEVEMENTS_CONSUMER_NAME: 'group-test', ACHIEVEMENTS_UNKNOWN_PLAYER_WAIT_MS: 300 } });
    const counter = { transactions: 0 };
    const lockPlayers = parts.progressStore.lockPlayers.bind(parts.progressStore);
    parts.progressStore.lockPlayers = (tx, ids) => {
      counter.transactions += 1;
      return lockPlayers(tx, ids);
    };
    return { gameEvents: parts.gameEvents, counter };
  }

  it('records concurrent calls in fewer transactions, and gives each call its own results', async () => {
    const { gameEvents, counter } = serviceCountingTransactions();
    const players = await Promise.all(Array.from({ length: 12 }, () => newPlayer()));
    // Known players skip the existence query, so all twelve calls reach the group commit in the
    // same tick (each call's own query would stagger them by load: 4 transactions on a busy CI).
    for (const userId of players) gameEvents.playerKnown(userId);
    const calls = players.map((userId) => [win(userId)]);
    const results = await Promise.all(calls.map((events) => gameEvents.recordGameEvents(GAME_SERVER, inputs(events), 'input.events')));
    for (const [i, result] of results.entries()) {
      expect(result).toEqual([{ id: calls[i]![0]!.id, status: 'RECORDED', unlocked: [expect.objectContaining({ userId: players[i], achievementId: 'first_blood' })] }]);
    }
    for (const userId of players) expect(await storedEvents(userId)).toHaveLength(1);
    // The first two go at once; the ten that arrive meanwhile go together when a slot frees.
    expect(counter.transactions).toBe(3);
  });

  it("keeps one bad call in a group from failing the others: the group is retried call by call", async () => {
    const { gameEvents } = serviceCountingTransactions();
    const players = await Promise.all(Array.from({ length: 6 }, () => newPlayer()));
    const stranger = win(randomUUID());
    const calls = [[win(players[0]!)], [win(players[1]!)], [win(players[2]!)], [stranger], ...players.slice(3).map((p) => [win(p)])];
    const outcomes = await Promise.allSettled(calls.map((events) => gameEvents.recordGameEvents(GAME_SERVER, inputs(events), 'input.events')));
    for (const [i, outcome] of outcomes.entries()) {
      if (calls[i]![0] === stranger) {
        // Refused naming its own field, as if it had been alone.
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.events.0.userId' } });
      } else {
        expect(outcome).toMatchObject({ status: 'fulfilled', value: [{ id: calls[i]![0]!.id, status: 'RECORDED' }] });
      }
    }
    for (const userId of players) expect(await storedEvents(userId)).toHaveLength(1);
    expect(await storedEvents(stranger.userId)).toHaveLength(0);
  });
});

describe('events from the bus', () => {
  const publish = async <T extends keyof DomainEventPayloads>(producer: string, type: T, payload: DomainEventPayloads[T]) => {
    const relay = new OutboxRelay({ prisma: db.prisma, redis, producer, logger: silentLogger });
    const id = await db.prisma.$transaction((tx) => recordEvent(tx, producer, type, payload));
    await relay.poke();
    return id;
  };
  const eventually = async (check: () => Promise<void>) => {
    for (let i = 0; ; i++) {
      try {
        return await check();
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };

  it('registers players with their timezone and turns other subgraphs\' events into achievement events, once', async () => {
    const userId = randomUUID();
    const at = new Date().toISOString();
    await publish('users', 'user.registered', { userId, username: 'bus_player', registeredAt: at, timezone: 'Asia/Tokyo' });
    await eventually(async () => expect(await db.prisma.achievementPlayer.findUnique({ where: { userId } })).toMatchObject({ timezone: 'Asia/Tokyo' }));

    const won = await publish('tournaments', 'tournament.match_won', { tournamentId: 't1', matchId: 'm1', winnerId: userId, round: 1, wonAt: at });
    await eventually(async () => expect(await storedEvents(userId)).toMatchObject([{ id: won, type: 'TOURNAMENT_MATCH_WON', source: 'tournaments' }]));
    expect((await achievementsOf(userId)).map((s) => [s.id, s.status])).toContainEqual(['tournament_contender', 'UNLOCKED']);

    // The same domain event delivered again (a relay retry) is recognised.
    const [entry] = await db.prisma.outboxEvent.findMany({ where: { id: won } });
    await redis.xadd('domain-events', { event: JSON.stringify({ id: won, type: entry!.type, producer: 'tournaments', occurredAt: at, payload: entry!.payload }) });
    await publish('social', 'chat.message_sent', { messageId: 'm', roomId: 'r', authorId: userId, sentAt: at });
    await eventually(async () => expect(await storedEvents(userId)).toHaveLength(2));
    expect((await storedEvents(userId)).map((e) => e.type)).toEqual(['TOURNAMENT_MATCH_WON', 'SOCIAL_INTERACTION']);
  });

  it('records a read of many players\' events in runs: every event once, each player\'s versions contiguous, and a redelivery of the whole read changes nothing', async () => {
    const [ana, bob] = [await newPlayer(), await newPlayer()];
    const at = new Date().toISOString();
    // One outbox transaction, relayed at once: the consumer reads them together. Two runs of chat
    // messages (interleaved players) around a tournament win.
    const chat = (i: number) => ({ messageId: `m${i}`, roomId: 'r', authorId: i % 2 ? ana : bob, sentAt: at });
    const ids = await db.prisma.$transaction(async (tx) => [
      ...(await Promise.all(Array.from({ length: 12 }, (_, i) => recordEvent(tx, 'social', 'chat.message_sent', chat(i))))),
      await recordEvent(tx, 'tournaments', 'tournament.match_won', { tournamentId: 't9', matchId: 'm9', winnerId: ana, round: 1, wonAt: at }),
      ...(await Promise.all(Array.from({ length: 8 }, (_, i) => recordEvent(tx, 'social', 'chat.message_sent', chat(100 + i))))),
    ]);
    await new OutboxRelay({ prisma: db.prisma, redis, producer: 'social', logger: silentLogger }).poke();
    await new OutboxRelay({ prisma: db.prisma, redis, producer: 'tournaments', logger: silentLogger }).poke();
    await eventually(async () => expect((await storedEvents(ana)).length + (await storedEvents(bob)).length).toBe(21));
    for (const [userId, chats, wins] of [[ana, 10, 1], [bob, 10, 0]] as const) {
      const events = await storedEvents(userId);
      expect(events.filter((e) => e.type === 'SOCIAL_INTERACTION')).toHaveLength(chats);
      expect(events.filter((e) => e.type === 'TOURNAMENT_MATCH_WON')).toHaveLength(wins);
      expect(events.map((e) => Number(e.version))).toEqual(events.map((_, i) => i + 1));
      expect((await achievementsOf(userId)).find((a) => a.id === 'social_butterfly')).toMatchObject({ current: chats, status: 'IN_PROGRESS' });
    }
    // The same read delivered again (a relay retry after a lost ack).
    const entries = await db.prisma.outboxEvent.findMany({ where: { id: { in: ids } } });
    for (const entry of entries) await redis.xadd('domain-events', { event: JSON.stringify({ id: entry.id, type: entry.type, producer: entry.producer, occurredAt: at, payload: entry.payload }) });
    await publish('social', 'chat.message_sent', chat(998)); // bob's, a marker behind them
    await eventually(async () => expect((await storedEvents(bob)).length).toBe(11));
    expect(await storedEvents(ana)).toHaveLength(11);
  });
});

describe('rebuild', () => {
  const snapshot = async (userIds: string[]) => ({
    progress: await db.prisma.achievementProgress.findMany({
      where: { userId: { in: userIds } },
      orderBy: [{ userId: 'asc' }, { achievementId: 'asc' }],
      omit: { updatedAt: true },
    }),
    unlocks: await db.prisma.userAchievement.findMany({ where: { userId: { in: userIds } }, orderBy: [{ userId: 'asc' }, { achievementId: 'asc' }] }),
  });

  it('replays the event log into fresh projections with the same progress and unlocks as the live path', async () => {
    const players = await Promise.all([newPlayer(), newPlayer('Europe/Madrid'), newPlayer('Asia/Tokyo')]);
    const types = ['COMBAT_WON', 'COMBAT_LOST', 'QUEST_COMPLETED', 'SESSION_COMPLETED', 'SOCIAL_INTERACTION', 'CHARACTER_CREATED'];
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let batch = 0; batch < 6; batch++) {
      const events = Array.from({ length: 40 }, (_, i) => {
        const type = types[Math.floor(random() * types.length)]!;
        const at = new Date(Date.UTC(2026, 10, 1 + batch * 2 + Math.floor(random() * 3), Math.floor(random() * 24), i));
        return ev(players[Math.floor(random() * 3)]!, type, { mode: random() < 0.5 ? 'pvp' : 'pve', region: `r${Math.floor(random() * 6)}`, durationMinutes: 30 }, at.toISOString());
      });
      expect((await record(events)).errors).toBeUndefined();
    }
    const live = await snapshot(players);
    expect(live.unlocks.length).toBeGreaterThan(3);

    // Fresh projections: no progress, no unlocks.
    await db.prisma.achievementProgress.deleteMany({ where: { userId: { in: players } } });
    await db.prisma.userAchievement.deleteMany({ where: { userId: { in: players } } });
    const { parts } = achievementsSubgraph.create({ db, redis, logger: silentLogger });
    const result = await rebuildProjections(parts, { userIds: players, pageSize: 17 });
    expect(result).toMatchObject({ players: 3, events: 240, newUnlocks: live.unlocks.length });
    expect(await snapshot(players)).toEqual(live);
  });

  it('after a rule change, unlocks what the new rule grants, with its reward event, and keeps earlier unlocks', async () => {
    const userId = await newPlayer();
    await record(Array.from({ length: 5 }, () => ev(userId, 'COMBAT_WON')));
    expect((await achievementsOf(userId)).find((s) => s.id === 'combat_master')).toMatchObject({ status: 'IN_PROGRESS', current: 5 });
    const easier = parseCatalog({
      ...catalog,
      achievements: catalog.achievements.map((a) => (a.id === 'combat_master' ? { ...a, rule: { ...a.rule, target: 5 } } : a)),
    });
    const { parts } = achievementsSubgraph.create({ db, redis, logger: silentLogger, catalog: easier });
    const result = await rebuildProjections(parts, { userIds: [userId] });
    expect(result).toMatchObject({ players: 1, events: 5, newUnlocks: 1 });
    expect((await outboxUnlocks(userId)).map((e) => (e.payload as { achievementId: string }).achievementId).sort()).toEqual(['combat_master', 'first_blood']);
    expect((await achievementsOf(userId)).filter((s) => s.status === 'UNLOCKED').map((s) => s.id).sort()).toEqual(['combat_master', 'first_blood']);
  });
});

describe('projection cache', () => {
  const events = (userId: string, type: string, n: number): GameEventInput[] => Array.from({ length: n }, () => ({ id: randomUUID(), userId, type, data: {} }));
  const wins = (userId: string, n: number) => events(userId, 'COMBAT_WON', n);
  /**
   * A service whose transactions, while `failing` is set, do their work (evaluated, written) and
   * then fail instead of committing.
   */
  const flakyService = () => {
    const control = { failing: false };
    const flaky: Database = {
      ...db,
      transaction: (fn, options) =>
        db.transaction(async (sql) => {
          const result = await fn(sql);
          if (control.failing) throw new Error('connection lost before COMMIT');
          return result;
        }, options),
    };
    return { gameEvents: achievementsSubgraph.create({ db: flaky, redis, logger: silentLogger }).parts.gameEvents, control };
  };
  const combatMaster = async (userId: string) => (await achievementsOf(userId)).find((s) => s.id === 'combat_master');
  const replicas = () => {
    const a = achievementsSubgraph.create({ db, redis, logger: silentLogger }).parts.gameEvents;
    const b = achievementsSubgraph.create({ db, redis, logger: silentLogger }).parts.gameEvents;
    return { a, b };
  };

  it('serves a player\'s next batch from memory, and two replicas writing one player keep exact counts', async () => {
    const userId = await newPlayer();
    const { a, b } = replicas();
    await a.recordGameEvents(GAME_SERVER, wins(userId, 3), 'input.events');
    expect([a.projections.hits, a.projections.misses]).toEqual([0, 1]);
    await a.recordGameEvents(GAME_SERVER, wins(userId, 1), 'input.events');
    expect([a.projections.hits, a.projections.misses]).toEqual([1, 1]);
    // Another replica moves the player's stream: A's entry is one version behind and is not used.
    await b.recordGameEvents(GAME_SERVER, wins(userId, 2), 'input.events');
    await a.recordGameEvents(GAME_SERVER, wins(userId, 1), 'input.events');
    expect([a.projections.hits, a.projections.misses]).toEqual([1, 2]);
    expect(await combatMaster(userId)).toMatchObject({ current: 7 });
    const unlocks = await db.prisma.userAchievement.findMany({ where: { userId, achievementId: 'first_blood' } });
    expect(unlocks).toHaveLength(1);
  });

  it('keeps nothing from a transaction that did not commit', async () => {
    const userId = await newPlayer();
    const { gameEvents, control } = flakyService();
    await gameEvents.recordGameEvents(GAME_SERVER, wins(userId, 2), 'input.events');
    control.failing = true;
    await expect(gameEvents.recordGameEvents(GAME_SERVER, wins(userId, 150), 'input.events')).rejects.toThrow(/before COMMIT/);
    control.failing = false;
    await gameEvents.recordGameEvents(GAME_SERVER, wins(userId, 1), 'input.events');
    expect(await combatMaster(userId)).toMatchObject({ current: 3 });
    // Both later calls used the entry of version 2 (the player's row never moved past it), not
    // what the failed call had evaluated (152 wins).
    expect([gameEvents.projections.hits, gameEvents.projections.misses]).toEqual([2, 1]);
  });

  it('never lets a failed batch add rows it had read to what the entry knows', async () => {
    const userId = await newPlayer();
    const quests = (n: number) => events(userId, 'QUEST_COMPLETED', n);
    const seasoned = async () => (await achievementsOf(userId)).find((s) => s.id === 'seasoned_adventurer');
    const { a: other } = replicas();
    const { gameEvents, control } = flakyService();
    await other.recordGameEvents(GAME_SERVER, quests(1), 'input.events');
    // A miss: the entry knows the combat rules' rows only; the quest rows exist in the database.
    await gameEvents.recordGameEvents(GAME_SERVER, wins(userId, 1), 'input.events');
    control.failing = true;
    await expect(gameEvents.recordGameEvents(GAME_SERVER, quests(1), 'input.events')).rejects.toThrow(/before COMMIT/);
    control.failing = false;
    await gameEvents.recordGameEvents(GAME_SERVER, quests(1), 'input.events');
    // Read from the database (1) and advanced, not restarted from nothing.
    expect(await seasoned()).toMatchObject({ current: 2 });
    expect([gameEvents.projections.hits, gameEvents.projections.misses]).toEqual([2, 1]);
  });

  it('evaluates a batch again on what is stored when an unlock it found new was already stored', async () => {
    const userId = await newPlayer();
    const { a } = replicas();
    await a.recordGameEvents(GAME_SERVER, events(userId, 'COMBAT_LOST', 1), 'input.events');
    // An unlock that reached the table without moving the player's version (which only the engine
    // does, under the player's lock): the cached projection does not know it.
    await db.prisma.userAchievement.create({ data: { userId, achievementId: 'first_blood', unlockedAt: new Date() } });
    const [result] = await a.recordGameEvents(GAME_SERVER, wins(userId, 1), 'input.events');
    expect(result).toMatchObject({ status: 'RECORDED', unlocked: [] });
    expect(await db.prisma.notification.count({ where: { userId, achievementId: 'first_blood' } })).toBe(0);
    expect(await db.prisma.outboxEvent.count({ where: { type: 'achievement.unlocked', payload: { path: ['userId'], equals: userId } } })).toBe(0);
    // The first attempt used the cache; the retry read the player from the database.
    expect([a.projections.hits, a.projections.misses]).toEqual([1, 2]);
    expect(await combatMaster(userId)).toMatchObject({ current: 1 });
  });

  it('is not used after the rebuild moved the player\'s projection epoch', async () => {
    const userId = await newPlayer();
    const { a } = replicas();
    await a.recordGameEvents(GAME_SERVER, wins(userId, 4), 'input.events');
    const easier = parseCatalog({
      ...catalog,
      achievements: catalog.achievements.map((d) => (d.id === 'combat_master' ? { ...d, rule: { ...d.rule, target: 5 } } : d)),
    });
    // The rebuild (another process, with a changed rule) rewrites the player's progress.
    const rebuilder = achievementsSubgraph.create({ db, redis, logger: silentLogger, catalog: easier }).parts;
    await rebuildProjections(rebuilder, { userIds: [userId] });
    // Let the rebuilt row differ from what A holds, as a changed rule's replay would.
    await db.prisma.achievementProgress.updateMany({ where: { userId, achievementId: 'combat_master' }, data: { current: 40, state: { kind: 'count', total: 40, done: false } } });
    const misses = a.projections.misses;
    await a.recordGameEvents(GAME_SERVER, wins(userId, 1), 'input.events');
    expect(a.projections.misses).toBe(misses + 1);
    // Read from the rebuilt row (40), not from the cached one (4).
    expect(await combatMaster(userId)).toMatchObject({ current: 41 });
  });
});

describe('notifications inbox', () => {
  it('pages newest first, counts unread, and marks read (only the owner\'s)', async () => {
    const userId = await newPlayer();
    // first_blood, then quests: a first quest unlock, and more.
    await record([ev(userId, 'COMBAT_WON'), ev(userId, 'QUEST_COMPLETED'), ev(userId, 'CHARACTER_CREATED')]);
    const me = asPlayer(userId);
    const LIST = `query($after: String, $unread: Boolean) {
      notifications(first: 2, after: $after, unreadOnly: $unread) { edges { cursor node { id kind title priority readAt achievement { id } } } pageInfo { hasNextPage endCursor } }
      unreadNotificationCount
    }`;
    type Page = { notifications: { edges: { cursor: string; node: { id: string; achievement: { id: string }; readAt: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } }; unreadNotificationCount: number };
    const page1 = (await client.execute<Page>(me, LIST)).data!;
    const total = await db.prisma.notification.count({ where: { userId } });
    expect(total).toBeGreaterThanOrEqual(3);
    expect(page1.unreadNotificationCount).toBe(total);
    expect(page1.notifications.edges).toHaveLength(2);
    expect(page1.notifications.pageInfo.hasNextPage).toBe(true);
    const page2 = (await client.execute<Page>(me, LIST, { after: page1.notifications.pageInfo.endCursor })).data!;
    const seen = [...page1.notifications.edges, ...page2.notifications.edges].map((e) => e.node.achievement.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.at(-1)).toBe(total <= 4 ? 'first_blood' : seen.at(-1));

    const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount } }`;
    const first = page1.notifications.edges[0]!.node.id;
    // Someone else cannot mark them.
    expect((await client.execute(asPlayer(randomUUID()), MARK, { input: { ids: [first] } })).data).toEqual({ markNotificationsRead: { markedCount: 0, unreadCount: 0 } });
    expect((await client.execute(me, MARK, { input: { ids: [first, 'nonsense'] } })).data).toEqual({ markNotificationsRead: { markedCount: 1, unreadCount: total - 1 } });
    const unread = (await client.execute<Page>(me, LIST, { unread: true })).data!;
    expect(unread.notifications.edges.map((e) => e.node.id)).not.toContain(first);
    expect((await client.execute(me, MARK, { input: { all: true } })).data).toEqual({ markNotificationsRead: { markedCount: total - 1, unreadCount: 0 } });
    expect((await client.execute(me, MARK, { input: {} })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect((await client.execute({ userId: null, role: null }, LIST)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('resuming notificationAdded', () => {
  it('refuses a cursor more than 1,000 notifications back (BAD_USER_INPUT on after), and accepts one within reach', async () => {
    const userId = await newPlayer();
    const rows = Array.from({ length: 1_002 }, (_, i) => ({
      id: randomUUID(),
      userId,
      kind: 'ACHIEVEMENT_UNLOCKED',
      priority: 'LOW' as const,
      title: `n${i}`,
      body: 'body',
    }));
    await db.prisma.notification.createMany({ data: rows });
    const stored = await db.prisma.notification.findMany({ where: { userId }, orderBy: { seq: 'asc' }, select: { seq: true } });
    const cursorOf = (seq: bigint) => encodeCursor(seqKey(seq));
    const { notifications } = achievementsSubgraph.create({ db, redis, logger: silentLogger }).parts;

    const tooFar = notifications.added(asPlayer(userId), cursorOf(stored[0]!.seq));
    await expect(tooFar).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'after' } });
    const stream = await notifications.added(asPlayer(userId), cursorOf(stored.at(-3)!.seq));
    const first = await stream.next();
    expect((first.value as { title: string }).title).toBe('n1000');
    await stream.return?.();
  });
});

describe('achievement statistics', () => {
  it('counts who unlocked an achievement and the share of active players', async () => {
    const before = await client.execute<{ achievement: { unlockedBy: number; unlockPercentage: number } }>(
      asPlayer(randomUUID()),
      `{ achievement(id: "first_blood") { unlockedBy unlockPercentage } }`,
    );
    const players = await Promise.all([newPlayer(), newPlayer()]);
    await record([ev(players[0], 'COMBAT_WON'), ev(players[1], 'QUEST_COMPLETED')]);
    const after = await client.execute<{ achievement: { unlockedBy: number; unlockPercentage: number } }>(
      asPlayer(randomUUID()),
      `{ achievement(id: "first_blood") { unlockedBy unlockPercentage prerequisites { id } } }`,
    );
    expect(after.data!.achievement.unlockedBy).toBe(before.data!.achievement.unlockedBy + 1);
    const active = await db.prisma.achievementPlayer.count({ where: { lastEventAt: { gte: new Date(Date.now() - 30 * 86_400_000) } } });
    const activeUnlockers = await db.prisma.userAchievement.count({
      where: { achievementId: 'first_blood', userId: { in: (await db.prisma.achievementPlayer.findMany({ where: { lastEventAt: { gte: new Date(Date.now() - 30 * 86_400_000) } } })).map((p) => p.userId) } },
    });
    expect(after.data!.achievement.unlockPercentage).toBeCloseTo((activeUnlockers / active) * 100, 1);
    const combatMaster = await client.execute<{ achievement: { prerequisites: { id: string }[] } }>(asPlayer(randomUUID()), `{ achievement(id: "combat_master") { prerequisites { id } } }`);
    expect(combatMaster.data!.achievement.prerequisites).toEqual([{ id: 'first_blood' }]);
  });

  it("notes a player's last activity to the hour, never moving it back", async () => {
    const userId = await newPlayer();
    const hour = 3_600_000;
    const start = Date.now() - 5 * hour;
    const lastEventAt = async () => (await db.prisma.achievementPlayer.findUniqueOrThrow({ where: { userId } })).lastEventAt?.getTime();
    const at = async (offset: number) => {
      await record([ev(userId, 'SESSION_COMPLETED', { durationMinutes: 5 }, new Date(start + offset).toISOString())]);
      return lastEventAt();
    };
    expect(await at(0)).toBe(start);
    expect(await at(10 * 60_000)).toBe(start); // within the hour: the row keeps its indexed value
    expect(await at(2 * hour)).toBe(start + 2 * hour);
    expect(await at(hour)).toBe(start + 2 * hour); // an older event does not move it back
  });
});
