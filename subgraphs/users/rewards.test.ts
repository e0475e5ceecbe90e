import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { EventConsumer } from '../../platform/events/consumer.js';
import { DOMAIN_EVENTS_STREAM, type DomainEvent } from '../../platform/events/types.js';
import type { AchievementRewardPayload } from '../achievements/contracts/events.js';
import { liveChannel } from '../../platform/live.js';
import type { MemoryRedisPort } from '../../platform/redis/index.js';
import { newTestRedis, openTestDatabase, silentLogger, startWorkers } from '../../platform/testing.js';
import { rewardChanges } from './consumers/rewards.consumer.js';
import { assetKey } from './domain/wallet.js';
import type { WalletStore } from './store/wallet.store.js';
import { usersSubgraph } from './subgraph.js';

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function newPlayer(): Promise<string> {
  const key = `r_${randomUUID().slice(0, 8)}`;
  const user = await db.prisma.user.create({ data: { username: key, usernameKey: key, email: `${key}@x.io`, passwordHash: 'x', displayName: key } });
  return user.id;
}

/**
 * An `achievement.unlocked` event exactly as the achievements relay writes it to the stream. It is
 * XADDed directly rather than through an `achievements` outbox relay, which, on a database shared
 * with other test files, would also publish the achievements tests' own rows.
 */
function unlocked(userId: string, achievementId: string, rewards: AchievementRewardPayload[], id = randomUUID()): DomainEvent<'achievement.unlocked'> {
  const at = new Date().toISOString();
  return {
    id,
    type: 'achievement.unlocked',
    producer: 'achievements',
    occurredAt: at,
    payload: { userId, achievementId, rarity: 'RARE', category: 'COMBAT', rewards, unlockedAt: at },
  };
}

const publish = (redis: MemoryRedisPort, event: DomainEvent) => redis.xadd(DOMAIN_EVENTS_STREAM, { event: JSON.stringify(event) });

/** The wallet as the database holds it: balances, operations and the number of ledger entries. */
async function walletOf(userId: string) {
  const balances = await db.prisma.walletBalance.findMany({ where: { userId }, orderBy: { asset: 'asc' } });
  const operations = await db.prisma.walletOperation.findMany({ where: { userId }, select: { idempotencyKey: true, reason: true, reference: true } });
  return {
    balances: Object.fromEntries(balances.map((b) => [b.asset, Number(b.balance)])),
    operations,
    ledgerEntries: await db.prisma.ledgerEntry.count({ where: { userId } }),
  };
}

const processed = async (eventIds: string[]) =>
  (await db.prisma.processedEvent.findMany({ where: { consumer: 'users', eventId: { in: eventIds } } })).map((p) => p.eventId).sort();

async function levelUpsRecorded(userId: string) {
  const events = await db.prisma.outboxEvent.findMany({ where: { type: 'user.leveled_up' }, orderBy: { seq: 'asc' } });
  return events.map((e) => e.payload as { userId: string; level: number; previousLevel: number }).filter((p) => p.userId === userId);
}

const JWT_SECRET = 'rewards-test-secret-long-enough-0123456789';

/**
 * The users subgraph on `redis`, its relay pokes counted instead of publishing (its relay is not
 * started: no relay drains the shared outbox), and its wallet service.
 */
function usersOn(redis: MemoryRedisPort) {
  const subgraph = usersSubgraph.create({ db, redis, config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 } });
  const pokes = { count: 0 };
  subgraph.relay.poke = async () => void pokes.count++;
  return { subgraph, wallet: subgraph.parts.context(ANONYMOUS).wallet, pokes };
}

/** The subgraph's bus handlers in a consumer that polls and takes over pending events quickly. */
const consumerOn = (redis: MemoryRedisPort, subgraph: ReturnType<typeof usersSubgraph.create>) =>
  new EventConsumer({
    ...subgraph.parts.consumer,
    prisma: db.prisma,
    redis,
    group: 'users',
    consumer: 'rewards-test',
    logger: silentLogger,
    blockMs: 20,
    claimIdleMs: 50,
    // These tests fail handlers on purpose and retry every 50 ms: on a busy machine five failures
    // could come before the test stops the consumer, and the event would go to dead letters.
    maxAttempts: 1_000,
  });

/**
 * Waits until the consumer has handled everything on the stream so far: it handles entries in
 * order, so once a marker event put behind them is handled and nothing is pending, they all are.
 */
async function settle(redis: MemoryRedisPort, consumer: EventConsumer) {
  const marker = unlocked(randomUUID(), 'marker', []);
  await publish(redis, marker);
  await expect.poll(() => processed([marker.id]), { timeout: 10_000 }).toEqual([marker.id]);
  await expect.poll(() => consumer.pending(), { timeout: 10_000 }).toBe(0);
}

describe('achievement rewards', () => {
  it("credits XP, premium currency and items once, from the users subgraph's own worker", async () => {
    const redis = newTestRedis();
    const subgraph = usersSubgraph.create({ db, redis, config: { JWT_SECRET, ACCESS_TOKEN_TTL_SECONDS: 900 } });
    const stopWorkers = await startWorkers(subgraph.workers);
    try {
      const player = await newPlayer();
      await publish(
        redis,
        unlocked(player, 'combat_master', [
          { kind: 'XP', amount: 50 },
          { kind: 'PREMIUM_CURRENCY', amount: 200 },
          { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' },
        ]),
      );
      await expect.poll(() => walletOf(player), { timeout: 10_000 }).toEqual({
        balances: { PREMIUM: 200, XP: 50, 'item:legendary_sword': 1 },
        operations: [{ idempotencyKey: `achievement:${player}:combat_master`, reason: 'achievement_reward', reference: 'combat_master' }],
        ledgerEntries: 3,
      });
    } finally {
      await stopWorkers();
    }
  });

  it('credits an event delivered twice once', async () => {
    const redis = newTestRedis();
    const { subgraph } = usersOn(redis);
    const consumer = consumerOn(redis, subgraph);
    const player = await newPlayer();
    const event = unlocked(player, 'first_blood', [{ kind: 'PREMIUM_CURRENCY', amount: 50 }, { kind: 'EXCLUSIVE_ITEM', itemId: 'golden_badge' }]);
    // The relay published it, crashed before stamping the row, and published it again.
    await publish(redis, event);
    await publish(redis, event);
    await consumer.start();
    try {
      await settle(redis, consumer);
    } finally {
      await consumer.stop();
    }
    expect(await walletOf(player)).toEqual({
      balances: { PREMIUM: 50, 'item:golden_badge': 1 },
      operations: [expect.objectContaining({ reference: 'first_blood' })],
      ledgerEntries: 2,
    });
  });

  it('credits nothing more for a second event of the same unlock: the ledger replays it', async () => {
    const redis = newTestRedis();
    const { subgraph } = usersOn(redis);
    const consumer = consumerOn(redis, subgraph);
    const player = await newPlayer();
    const first = unlocked(player, 'week_warrior', [{ kind: 'PREMIUM_CURRENCY', amount: 75 }]);
    // An achievements rebuild announces the same unlock again, as a new event (and a changed catalog).
    const again = unlocked(player, 'week_warrior', [{ kind: 'PREMIUM_CURRENCY', amount: 999 }]);
    await publish(redis, first);
    await publish(redis, again);
    await consumer.start();
    try {
      await settle(redis, consumer);
    } finally {
      await consumer.stop();
    }
    // Both events were handled (the consumer did not dedupe them); the idempotency key did.
    expect(await processed([first.id, again.id])).toEqual([first.id, again.id].sort());
    expect(await walletOf(player)).toEqual({
      balances: { PREMIUM: 75 },
      operations: [{ idempotencyKey: `achievement:${player}:week_warrior`, reason: 'achievement_reward', reference: 'week_warrior' }],
      ledgerEntries: 1,
    });
  });

  it('records user.leveled_up once, and notifies the player once, for XP that crosses a level', async () => {
    const redis = newTestRedis();
    const { subgraph, pokes } = usersOn(redis);
    const consumer = consumerOn(redis, subgraph);
    const player = await newPlayer();
    const live: unknown[] = [];
    const unsubscribe = await redis.subscribe(liveChannel('users', 'levelUp', player), (message) => live.push(JSON.parse(message)));
    const event = unlocked(player, 'month_master', [{ kind: 'XP', amount: 450 }]);
    await publish(redis, event);
    await publish(redis, event);
    await publish(redis, unlocked(player, 'month_master', [{ kind: 'XP', amount: 450 }]));
    await consumer.start();
    try {
      await settle(redis, consumer);
    } finally {
      await consumer.stop();
      await unsubscribe();
    }
    expect(await walletOf(player)).toEqual({ balances: { XP: 450 }, operations: [expect.objectContaining({ reference: 'month_master' })], ledgerEntries: 1 });
    expect(await levelUpsRecorded(player)).toEqual([expect.objectContaining({ userId: player, level: 3, previousLevel: 1 })]);
    expect(live).toEqual([{ userId: player, level: 3, previousLevel: 1 }]);
    expect(pokes.count).toBe(1);
  });

  it('leaves no credit when the handler fails after crediting, and the retry credits exactly once', async () => {
    const redis = newTestRedis();
    const { subgraph, wallet, pokes } = usersOn(redis);
    /** The wallet credits, then fails its transaction while `failing`; counts the credits that were let through. */
    const faulty = { failing: true, attempts: 0 };
    const applyManyInTransaction = wallet.applyManyInTransaction.bind(wallet);
    wallet.applyManyInTransaction = async (work, inputs) => {
      const applied = await applyManyInTransaction(work, inputs);
      faulty.attempts += 1;
      if (faulty.failing) throw new Error('injected fault after crediting');
      return applied;
    };
    const player = await newPlayer();
    const event = unlocked(player, 'legend', [{ kind: 'XP', amount: 450 }, { kind: 'PREMIUM_CURRENCY', amount: 25 }]);
    await publish(redis, event);

    const crashing = consumerOn(redis, subgraph);
    await crashing.start();
    await expect.poll(() => faulty.attempts, { timeout: 10_000 }).toBeGreaterThan(0);
    await crashing.stop();
    // The credit, its level-up and the processed_events row rolled back together; the event waits.
    expect(await walletOf(player)).toEqual({ balances: {}, operations: [], ledgerEntries: 0 });
    expect(await levelUpsRecorded(player)).toEqual([]);
    expect(await processed([event.id])).toEqual([]);
    expect(await crashing.pending()).toBe(1);
    expect(pokes.count).toBe(0);

    // A restarted consumer takes the pending event over; this time the transaction commits.
    faulty.failing = false;
    const attemptsBefore = faulty.attempts;
    const restarted = consumerOn(redis, subgraph);
    await restarted.start();
    try {
      await settle(redis, restarted);
    } finally {
      await restarted.stop();
    }
    expect(faulty.attempts).toBe(attemptsBefore + 1);
    expect(await walletOf(player)).toEqual({
      balances: { PREMIUM: 25, XP: 450 },
      operations: [expect.objectContaining({ reference: 'legend' })],
      ledgerEntries: 2,
    });
    expect(await levelUpsRecorded(player)).toHaveLength(1);
    expect(await processed([event.id])).toEqual([event.id]);
    expect(pokes.count).toBe(1);
  });

  it("credits a read's unlocks together: one wallet statement, each credit and level-up once, unknown players skipped", async () => {
    const redis = newTestRedis();
    const { subgraph, wallet } = usersOn(redis);
    const batches: number[] = [];
    const store = (wallet as unknown as { deps: { wallet: WalletStore } }).deps.wallet;
    const applyBatch = store.applyBatch.bind(store);
    store.applyBatch = (ops, db) => {
      batches.push(ops.length);
      return applyBatch(ops, db);
    };
    const players = await Promise.all(Array.from({ length: 5 }, () => newPlayer()));
    const events = players.flatMap((player, i) => [
      unlocked(player, `first_${i}`, [{ kind: 'XP', amount: 300 }]),
      unlocked(player, `second_${i}`, [{ kind: 'XP', amount: 300 }, { kind: 'EXCLUSIVE_ITEM', itemId: `badge_${i}` }]),
    ]);
    events.splice(5, 0, unlocked(randomUUID(), 'ghost', [{ kind: 'XP', amount: 10 }])); // no such player
    for (const event of events) await publish(redis, event);
    await publish(redis, events[0]!); // and a redelivery within the same read

    const consumer = consumerOn(redis, subgraph);
    await consumer.start();
    try {
      await settle(redis, consumer);
    } finally {
      await consumer.stop();
    }
    expect(batches[0]).toBe(10); // the first read: every credit of the 10 real unlocks in one statement
    for (const [i, player] of players.entries()) {
      const { balances, operations, ledgerEntries } = await walletOf(player);
      expect(balances).toEqual({ XP: 600, [assetKey({ itemId: `badge_${i}` })]: 1 });
      expect(operations.map((o) => o.reference).sort()).toEqual([`first_${i}`, `second_${i}`]);
      expect(ledgerEntries).toBe(3);
      // 0 → 300 XP crosses into level 2, 300 → 600 into level 3: one event per level, in order.
      expect((await levelUpsRecorded(player)).map((l) => l.level)).toEqual([2, 3]);
    }
    expect(await processed(events.map((e) => e.id))).toHaveLength(events.length);
  });

  it('credits nothing for an achievement without rewards, and skips an unknown player instead of retrying forever', async () => {
    const redis = newTestRedis();
    const { subgraph } = usersOn(redis);
    const consumer = consumerOn(redis, subgraph);
    const player = await newPlayer();
    const stranger = randomUUID();
    const noRewards = unlocked(player, 'explorer', []);
    const unknown = unlocked(stranger, 'explorer', [{ kind: 'XP', amount: 10 }]);
    await publish(redis, noRewards);
    await publish(redis, unknown);
    await consumer.start();
    try {
      await settle(redis, consumer);
    } finally {
      await consumer.stop();
    }
    expect(await processed([noRewards.id, unknown.id])).toEqual([noRewards.id, unknown.id].sort());
    expect(await walletOf(player)).toEqual({ balances: {}, operations: [], ledgerEntries: 0 });
    expect(await walletOf(stranger)).toEqual({ balances: {}, operations: [], ledgerEntries: 0 });
  });
});

describe('rewardChanges', () => {
  it('maps rewards to wallet changes, adding up rewards of the same asset', () => {
    expect(
      rewardChanges([
        { kind: 'XP', amount: 100 },
        { kind: 'PREMIUM_CURRENCY', amount: 50 },
        { kind: 'EXCLUSIVE_ITEM', itemId: 'legendary_sword' },
        { kind: 'XP', amount: 20 },
      ]),
    ).toEqual([
      { currency: 'XP', amount: 120 },
      { currency: 'PREMIUM', amount: 50 },
      { itemId: 'legendary_sword', amount: 1 },
    ]);
    expect(rewardChanges([])).toEqual([]);
  });
});
