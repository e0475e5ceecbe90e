import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { liveChannel, subscribeLive } from '../../platform/live.js';
import { newTestRedis, openTestDatabase, subgraphClient } from '../../platform/testing.js';
import type { Context } from './context.js';
import { usersSubgraph } from './subgraph.js';

let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;
const redis = newTestRedis();
const ADMIN: Viewer = { userId: randomUUID(), role: 'ADMIN' };

beforeAll(async () => {
  db = await openTestDatabase();
  client = subgraphClient(
    usersSubgraph.create({ db, redis, config: { JWT_SECRET: 'wallet-test-secret-long-enough-0123456789', ACCESS_TOKEN_TTL_SECONDS: 900 } }),
  );
  await client.server.start();
});
afterAll(async () => {
  await client.server.stop();
  await db.close();
});

async function newPlayer() {
  const key = `w_${randomUUID().slice(0, 8)}`;
  const user = await db.prisma.user.create({ data: { username: key, usernameKey: key, email: `${key}@x.io`, passwordHash: 'x', displayName: key } });
  return { id: user.id, viewer: { userId: user.id, role: 'PLAYER' } as Viewer };
}

const APPLY = `mutation($input: ApplyWalletOperationInput!) {
  applyWalletOperation(input: $input) { replayed entries { currency itemId amount balanceAfter reason } user { id } }
}`;
const apply = (userId: string, changes: unknown[], key = randomUUID(), viewer: Viewer = ADMIN) =>
  client.execute<{ applyWalletOperation: { replayed: boolean; entries: { amount: number; balanceAfter: number }[] } }>(viewer, APPLY, {
    input: { userId, idempotencyKey: `test:${key}`, reason: 'test', changes },
  });
const WALLET = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User {
  xp level wallet { balances { currency amount } ledger(first: 10) { edges { node { currency itemId amount balanceAfter reason } } pageInfo { hasNextPage } } } inventory { itemId quantity }
} } }`;
const walletOf = async (player: { id: string; viewer: Viewer }) =>
  (await client.execute<{ _entities: Record<string, unknown>[] }>(player.viewer, WALLET, { reps: [{ __typename: 'User', id: player.id }] })).data!._entities[0]!;

describe('the wallet ledger', () => {
  it('credits and debits currencies and items, keeping balances and an append-only history', async () => {
    const player = await newPlayer();
    expect((await apply(player.id, [{ currency: 'COINS', amount: 50 }, { itemId: 'legendary_sword', amount: 1 }])).errors).toBeUndefined();
    expect((await apply(player.id, [{ currency: 'COINS', amount: -20 }])).data!.applyWalletOperation.entries).toEqual([
      { currency: 'COINS', itemId: null, amount: -20, balanceAfter: 30, reason: 'test' },
    ]);
    const wallet = await walletOf(player);
    expect(wallet.wallet).toMatchObject({
      balances: [
        { currency: 'XP', amount: 0 },
        { currency: 'COINS', amount: 30 },
        { currency: 'PREMIUM', amount: 0 },
      ],
    });
    expect((wallet.wallet as { ledger: { edges: { node: unknown }[] } }).ledger.edges.map((e) => e.node)).toEqual([
      { currency: 'COINS', itemId: null, amount: -20, balanceAfter: 30, reason: 'test' },
      { currency: null, itemId: 'legendary_sword', amount: 1, balanceAfter: 1, reason: 'test' },
      { currency: 'COINS', itemId: null, amount: 50, balanceAfter: 50, reason: 'test' },
    ]);
    expect(wallet.inventory).toEqual([{ itemId: 'legendary_sword', quantity: 1 }]);
  });

  it('returns the first result for a retry with the same key and parameters, and refuses the key for another operation', async () => {
    const player = await newPlayer();
    const key = randomUUID();
    const first = await apply(player.id, [{ currency: 'PREMIUM', amount: 200 }], key);
    const again = await apply(player.id, [{ currency: 'PREMIUM', amount: 200 }], key);
    expect(first.data!.applyWalletOperation.replayed).toBe(false);
    expect(again.data!.applyWalletOperation).toMatchObject({ replayed: true, entries: [{ amount: 200, balanceAfter: 200 }] });
    const other = await apply(player.id, [{ currency: 'PREMIUM', amount: 999 }], key);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    const racing = await Promise.all(Array.from({ length: 10 }, () => apply(player.id, [{ currency: 'PREMIUM', amount: 5 }], `${key}-race`)));
    expect(racing.filter((r) => r.data?.applyWalletOperation.replayed === false)).toHaveLength(1);
    expect((await walletOf(player)).wallet).toMatchObject({ balances: [{}, {}, { currency: 'PREMIUM', amount: 205 }] });
  });

  it('refuses a debit past zero with INSUFFICIENT_FUNDS and stores nothing of the operation', async () => {
    const player = await newPlayer();
    await apply(player.id, [{ currency: 'COINS', amount: 10 }]);
    const result = await apply(player.id, [{ currency: 'PREMIUM', amount: 5 }, { currency: 'COINS', amount: -11 }]);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_FUNDS', asset: 'COINS' });
    expect(await db.prisma.ledgerEntry.count({ where: { userId: player.id } })).toBe(1);
    expect((await walletOf(player)).wallet).toMatchObject({ balances: [{ amount: 0 }, { amount: 10 }, { amount: 0 }] });
  });

  it('refuses amounts past 1,000,000,000 and a credit past 2^53 − 1, changing nothing', async () => {
    const player = await newPlayer();
    const tooBig = await apply(player.id, [{ currency: 'COINS', amount: 1_000_000_001 }]);
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.0.amount' });
    // A balance at the edge can only have come from years of credits; written directly here.
    const edge = BigInt(Number.MAX_SAFE_INTEGER) - 5n;
    await db.prisma.walletBalance.create({ data: { userId: player.id, asset: 'COINS', balance: edge } });
    const past = await apply(player.id, [{ currency: 'PREMIUM', amount: 1 }, { currency: 'COINS', amount: 6 }]);
    expect(past.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes', asset: 'COINS' });
    expect(await db.prisma.ledgerEntry.count({ where: { userId: player.id } })).toBe(0);
    expect((await apply(player.id, [{ currency: 'COINS', amount: 5 }])).data!.applyWalletOperation.entries).toEqual([
      { currency: 'COINS', itemId: null, amount: 5, balanceAfter: Number.MAX_SAFE_INTEGER, reason: 'test' },
    ]);
    expect((await walletOf(player)).wallet).toMatchObject({ balances: [{ amount: 0 }, { amount: Number.MAX_SAFE_INTEGER }, { amount: 0 }] });
  });

  it('lets exactly 10 of 100 concurrent debits of 1 through on a balance of 10', async () => {
    const player = await newPlayer();
    await apply(player.id, [{ currency: 'COINS', amount: 10 }]);
    const results = await Promise.all(Array.from({ length: 100 }, () => apply(player.id, [{ currency: 'COINS', amount: -1 }])));
    expect(results.filter((r) => !r.errors)).toHaveLength(10);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'INSUFFICIENT_FUNDS')).toHaveLength(90);
    const balance = await db.prisma.walletBalance.findUnique({ where: { userId_asset: { userId: player.id, asset: 'COINS' } } });
    expect(balance?.balance).toBe(0n);
    expect(await db.prisma.ledgerEntry.count({ where: { userId: player.id } })).toBe(11);
  });

  it('levels players up from XP, recording user.leveled_up and notifying them live', async () => {
    const player = await newPlayer();
    const live = subscribeLive<{ level: number; previousLevel: number }>(redis, liveChannel('users', 'levelUp', player.id));
    const next = live.next();
    await new Promise((r) => setTimeout(r, 10));
    await apply(player.id, [{ currency: 'XP', amount: 450 }]);
    expect((await next).value).toEqual({ userId: player.id, level: 3, previousLevel: 1 });
    await live.return?.();
    const events = await db.prisma.outboxEvent.findMany({ where: { type: 'user.leveled_up' } });
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ userId: player.id, level: 3, previousLevel: 1 }));
    expect(await walletOf(player)).toMatchObject({ xp: 450, level: 3 });
    const debit = await apply(player.id, [{ currency: 'XP', amount: -1 }]);
    expect(debit.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changes.0.amount' });
  });

  it('keeps wallets private and the operation to admins', async () => {
    const player = await newPlayer();
    const other = await newPlayer();
    expect((await apply(player.id, [{ currency: 'COINS', amount: 1 }], randomUUID(), player.viewer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const seenByOther = await client.execute<{ _entities: Record<string, unknown>[] }>(other.viewer, WALLET, { reps: [{ __typename: 'User', id: player.id }] });
    expect(seenByOther.data!._entities[0]).toMatchObject({ wallet: null, inventory: null, level: 1 });
    expect((await apply(randomUUID(), [{ currency: 'COINS', amount: 1 }])).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
