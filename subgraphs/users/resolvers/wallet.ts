import type { LevelUpEvent } from '../contracts/live.js';
import { CURRENCIES, parseAsset } from '../domain/wallet.js';
import { levelForXp, levelProgress } from '../domain/levels.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { UsersLoaders } from '../store/loaders.js';
import type { UserRow } from '../store/users.store.js';

/** Wallet, inventory, XP and levels on User; the wallet operation for services; levelUp. */
export const walletResolvers: Resolvers = {
  Mutation: {
    applyWalletOperation: (_parent, { input }, { viewer, wallet }) => wallet.applyWalletOperation(viewer, input),
  },
  ApplyWalletOperationPayload: {
    // The caller who applied the operation (a MANAGE_WALLET service or an admin) reads its outcome: the new balances.
    user: async ({ userId }, _args, { loaders }) => ({ ...(await loaders.userById.load(userId))!, walletShown: true }),
  },
  Subscription: {
    levelUp: {
      subscribe: (_parent, _args, { viewer, wallet }) => wallet.levelUps(viewer),
      resolve: (event: LevelUpEvent) => event,
    },
  },
  LevelUp: {
    user: async ({ userId }, _args, { profiles }) => profiles.current({ id: userId }),
  },
  User: {
    xp: (user, _args, { loaders }) => xpOf(user, loaders),
    level: async (user, _args, { loaders }) => levelForXp(Number(await xpOf(user, loaders))),
    xpIntoLevel: async (user, _args, { loaders }) => levelProgress(Number(await xpOf(user, loaders))).xpIntoLevel,
    xpForNextLevel: async (user, _args, { loaders }) => levelProgress(Number(await xpOf(user, loaders))).xpForNextLevel,
    wallet: (user, _args, { viewer, wallet }) => wallet.walletOf(viewer, user),
    inventory: async (user, _args, { viewer, wallet, loaders }) => {
      // The inventory is part of the wallet: private to its owner.
      const own = wallet.walletOf(viewer, user);
      if (!own) return null;
      const balances = await loaders.balancesOf.load(own.userId);
      return [...balances]
        .map(([asset, quantity]) => ({ ...parseAsset(asset), quantity }))
        .filter((item): item is { currency: null; itemId: string; quantity: bigint } => item.itemId !== null && item.quantity > 0n)
        .map(({ itemId, quantity }) => ({ itemId, quantity }));
    },
  },
  Wallet: {
    balances: async ({ userId }, _args, { loaders }) => {
      const balances = await loaders.balancesOf.load(userId);
      return CURRENCIES.map((currency) => ({ currency, amount: balances.get(currency) ?? 0n }));
    },
    ledger: ({ userId }, args, { wallet }) => wallet.ledgerPage(userId, args),
  },
  LedgerEntry: {
    id: (entry) => entry.seq.toString(),
    currency: (entry) => parseAsset(entry.asset).currency,
    itemId: (entry) => parseAsset(entry.asset).itemId,
    amount: (entry) => entry.amount,
    balanceAfter: (entry) => entry.balanceAfter,
  },
};

export type { Context };

/** The player's XP: read with their row when it was (entity reads), from the balances otherwise. */
async function xpOf(user: UserRow, loaders: UsersLoaders): Promise<bigint> {
  if (user.xp !== undefined) return user.xp;
  return (await loaders.balancesOf.load(user.id)).get('XP') ?? 0n;
}
