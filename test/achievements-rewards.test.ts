import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/index.js';
import { EventConsumer } from '../platform/events/consumer.js';
import { DOMAIN_EVENTS_STREAM, type DomainEvent } from '../platform/events/types.js';
import type { MemoryRedisPort, RedisPort } from '../platform/redis/index.js';
import type { BackgroundWorker } from '../platform/subgraph/serve.js';
import { newTestRedis, openTestDatabase, silentLogger } from '../platform/testing.js';
import type { ValidGameEvent } from '../subgraphs/achievements/domain/game-events.js';
import { achievementsSubgraph } from '../subgraphs/achievements/subgraph.js';
import { usersSubgraph } from '../subgraphs/users/subgraph.js';

// Rewards exactly once across a crash: the achievements and users subgraphs in one process, on a
// shared database and an in-process Redis, with "processes" that die and restart.

let db: Database;
/** Every worker this file started, stopped (in reverse) when the file ends, whatever failed. */
const started: BackgroundWorker[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  for (const worker of started.splice(0).reverse()) await worker.stop();
  await db?.close();
});

async function startAll(workers: readonly BackgroundWorker[]) {
  for (const worker of workers) {
    await worker.start();
    started.push(worker);
  }
}
async function stopAll(workers: readonly BackgroundWorker[]) {
  for (const worker of [...workers].reverse()) {
    await worker.stop();
    started.splice(started.indexOf(worker), 1);
  }
}

/** A player as both subgraphs know them: the users row, and the achievements row `user.registered` creates. */
async function newPlayer(): Promise<string> {
  const key = `ar_${randomUUID().slice(0, 8)}`;
  const user = await db.prisma.user.create({ data: { username: key, usernameKey: key, email: `${key}@x.io`, passwordHash: 'x', displayName: key } });
  await db.prisma.achievementPlayer.create({ data: { userId: user.id } });
  return user.id;
}

/** The achievements subgraph as a process builds it: its workers in start order, its relay, consumer and engine. */
const achievementsOn = (redis: RedisPort, name: string) => {
  const built = achievementsSubgraph.create({ db, redis, logger: silentLogger, config: { ACHIEVEMENTS_CONSUMER_NAME: name } });
  return { workers: built.workers ?? [], relay: built.relay, consumer: built.consumer, engine: built.parts.gameEvents };
};
const usersOn = (redis: RedisPort) =>
  usersSubgraph.create({
    db,
    redis,
    logger: silentLogger,
    config: { JWT_SECRET: 'achievements-rewards-test-secret-0123456789', ACCESS_TOKEN_TTL_SECONDS: 900, USERS_CONSUMER_NAME: 'rewards-crash-test' },
  });

/**
 * The Redis of a process that dies as it is about to publish: everything works until the outbox
 * relay's XADD, which never happens (the relay's transaction does not commit, so its rows stay
 * unpublished, exactly as a crash leaves them).
 *
 * Merely not starting the relay is not enough: the engine pokes it after every commit that wrote
 * events, and OutboxRelay.poke() drains whether or not the relay was started.
 */
function diesAtPublish(redis: RedisPort): RedisPort & { publishAttempts: number } {
  const state = { publishAttempts: 0 };
  return new Proxy(redis, {
    get(target, property) {
      if (property === 'publishAttempts') return state.publishAttempts;
      if (property === 'xadd') {
        return async () => {
          state.publishAttempts += 1;
          throw new Error('the process died before the event left');
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as RedisPort & { publishAttempts: number };
}

const win = (userId: string, id = `win-${randomUUID()}`): ValidGameEvent => ({ id, userId, type: 'COMBAT_WON', data: { mode: 'pve' }, occurredAt: new Date() });

const xpOf = async (userId: string) =>
  Number((await db.prisma.walletBalance.findUnique({ where: { userId_asset: { userId, asset: 'XP' } } }))?.balance ?? 0);
const walletOperations = (userId: string) =>
  db.prisma.walletOperation.findMany({ where: { userId }, select: { idempotencyKey: true, reason: true, reference: true } });
const rewardEvents = (userId: string) =>
  db.prisma.outboxEvent.findMany({ where: { type: 'achievement.unlocked', payload: { path: ['userId'], equals: userId } }, orderBy: { seq: 'asc' } });
const unlocksOf = (userId: string) => db.prisma.userAchievement.findMany({ where: { userId }, select: { achievementId: true } });

/** The outbox row as the relay writes it to the stream. */
function asPublished(row: Awaited<ReturnType<typeof rewardEvents>>[number]): DomainEvent {
  return {
    id: row.id,
    type: row.type as DomainEvent['type'],
    producer: row.producer,
    occurredAt: row.occurredAt.toISOString(),
    payload: row.payload as DomainEvent['payload'],
  };
}
const publish = (redis: MemoryRedisPort, event: DomainEvent) => redis.xadd(DOMAIN_EVENTS_STREAM, { event: JSON.stringify(event) });

/**
 * Waits until the users consumer has handled everything on the stream so far: it handles entries
 * in order, so once a marker put behind them is handled and nothing is pending, they all are.
 */
async function settle(redis: MemoryRedisPort, consumer: EventConsumer) {
  const at = new Date().toISOString();
  const marker: DomainEvent<'achievement.unlocked'> = {
    id: randomUUID(),
    type: 'achievement.unlocked',
    producer: 'achievements',
    occurredAt: at,
    // An unknown player: the handler skips it, and its processed_events row says it was handled.
    payload: { userId: randomUUID(), achievementId: 'marker', rarity: 'COMMON', category: 'SPECIAL', rewards: [], unlockedAt: at },
  };
  await publish(redis, marker);
  await expect.poll(() => db.prisma.processedEvent.count({ where: { consumer: 'users', eventId: marker.id } }), { timeout: 10_000 }).toBe(1);
  await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
}

const rewardsConsumer = (workers: readonly BackgroundWorker[]) => workers.find((w): w is EventConsumer => w instanceof EventConsumer)!;

describe('achievement rewards across a crash', () => {
  it('credits exactly once when the process dies after the unlock committed and before the reward event left', async () => {
    const redis = newTestRedis();
    const player = await newPlayer();

    // First life: only the catalog sync runs; the relay never does.
    const dying = diesAtPublish(redis);
    const crashed = achievementsOn(dying, 'achievements-crashed');
    await startAll(crashed.workers.filter((w) => w !== crashed.relay && w !== crashed.consumer));
    const event = win(player);
    const [result] = await crashed.engine.record([event], 'game');
    expect(result).toMatchObject({ id: event.id, status: 'RECORDED', unlocked: [{ userId: player, achievementId: 'first_blood' }] });
    // The engine poked the relay after the commit; that attempt is what the crash cut short.
    await expect.poll(() => dying.publishAttempts, { timeout: 10_000 }).toBeGreaterThan(0);
    await crashed.relay.stop(); // waits for the cut-short attempt to be over: nothing of the first life runs any more
    // The unlock and its reward event committed together; the event has not left.
    expect(await unlocksOf(player)).toEqual([{ achievementId: 'first_blood' }]);
    const [reward, ...more] = await rewardEvents(player);
    expect(more).toEqual([]);
    expect(reward).toMatchObject({ producer: 'achievements', publishedAt: null, payload: { userId: player, achievementId: 'first_blood', rewards: [{ kind: 'XP', amount: 100 }] } });
    expect(await xpOf(player)).toBe(0);
    expect(await walletOperations(player)).toEqual([]);
    // "Crash": the first life's parts are dropped as they are (its catalog sync has nothing to stop).
    await stopAll(started.slice());

    // Restart: new parts on the same database and Redis, with every worker running, and the users
    // subgraph's workers (its consumer credits rewards from the bus).
    const restarted = achievementsOn(redis, 'achievements-restarted');
    const users = usersOn(redis);
    const usersWorkers = users.workers ?? [];
    await startAll(restarted.workers);
    await startAll(usersWorkers);
    try {
      // The restarted relay publishes the row the crash left behind; users credits it.
      await expect.poll(() => xpOf(player), { timeout: 15_000 }).toBe(100);
      await expect.poll(async () => (await rewardEvents(player))[0]!.publishedAt, { timeout: 10_000 }).not.toBeNull();

      // A redelivery of the same event (the relay published it, then died before stamping the row),
      // and the game server retrying the same game event.
      await publish(redis, asPublished(reward!));
      const [retry] = await restarted.engine.record([event], 'game');
      expect(retry).toEqual({ id: event.id, status: 'DUPLICATE', unlocked: [] });
      await settle(redis, rewardsConsumer(usersWorkers));

      expect(await xpOf(player)).toBe(100);
      expect(await walletOperations(player)).toEqual([
        { idempotencyKey: `achievement:${player}:first_blood`, reason: 'achievement_reward', reference: 'first_blood' },
      ]);
      expect(await db.prisma.ledgerEntry.count({ where: { userId: player } })).toBe(1);
      expect((await rewardEvents(player)).map((e) => e.id)).toEqual([reward!.id]);
      expect(await unlocksOf(player)).toEqual([{ achievementId: 'first_blood' }]);
    } finally {
      await stopAll(usersWorkers);
      await stopAll(restarted.workers);
    }
  });

  it('unlocks and credits once when two events that both complete the achievement are recorded concurrently', async () => {
    const redis = newTestRedis();
    const achievements = achievementsOn(redis, 'achievements-concurrent');
    const users = usersOn(redis);
    const usersWorkers = users.workers ?? [];
    await startAll(achievements.workers);
    await startAll(usersWorkers);
    try {
      const player = await newPlayer();
      const [a, b] = [win(player), win(player)];
      const results = (await Promise.all([achievements.engine.record([a], 'game'), achievements.engine.record([b], 'game')])).flat();
      // Both events are new; exactly one of them completed first_blood.
      expect(results.map((r) => r.status)).toEqual(['RECORDED', 'RECORDED']);
      expect(results.flatMap((r) => r.unlocked.map((u) => u.achievementId))).toEqual(['first_blood']);
      expect(await db.prisma.achievementEvent.count({ where: { userId: player } })).toBe(2);
      expect(await unlocksOf(player)).toEqual([{ achievementId: 'first_blood' }]);
      const events = await rewardEvents(player);
      expect(events).toHaveLength(1);

      await expect.poll(() => xpOf(player), { timeout: 15_000 }).toBe(100);
      await expect.poll(async () => (await rewardEvents(player))[0]!.publishedAt, { timeout: 10_000 }).not.toBeNull();
      await settle(redis, rewardsConsumer(usersWorkers));
      expect(await xpOf(player)).toBe(100);
      expect(await walletOperations(player)).toEqual([
        { idempotencyKey: `achievement:${player}:first_blood`, reason: 'achievement_reward', reference: 'first_blood' },
      ]);
      expect(await db.prisma.ledgerEntry.count({ where: { userId: player } })).toBe(1);
      // combat_master counted both wins.
      expect(await db.prisma.achievementProgress.findUnique({ where: { userId_achievementId: { userId: player, achievementId: 'combat_master' } } })).toMatchObject({
        current: 2,
      });
    } finally {
      await stopAll(usersWorkers);
      await stopAll(achievements.workers);
    }
  });
});
