import { BadUserInputError } from '../../../platform/errors.js';
import { DateTime, SafeInt } from '../../../platform/scalars.js';
import { usernameKey } from '../domain/accounts.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { apiKeyResolvers } from './api-keys.js';
import { friendResolvers } from './friends.js';
import { sessionResolvers, signedIn } from './sessions.js';
import { walletResolvers } from './wallet.js';

const MAX_IDS = 100;

export const resolvers: Resolvers = {
  DateTime,
  SafeInt,
  Query: {
    me: async (_parent, _args, { viewer, loaders }) => (viewer.userId ? ((await loaders.userById.load(viewer.userId)) ?? null) : null),
    user: async (_parent, { id }, { loaders }) => (await loaders.userById.load(id)) ?? null,
    userByUsername: (_parent, { username }, { accounts }) => accounts.findByUsernameKey(usernameKey(username)),
    ...apiKeyResolvers.Query,
    users: async (_parent, { ids }, { loaders }) => {
      if (ids.length > MAX_IDS) throw new BadUserInputError(`Ask for at most ${MAX_IDS} ids.`, 'ids');
      return (await loaders.userById.loadMany(ids)).map((row) => (row instanceof Error ? null : (row ?? null)));
    },
  },
  Mutation: {
    ...sessionResolvers.Mutation,
    ...apiKeyResolvers.Mutation,
    ...friendResolvers.Mutation,
    ...walletResolvers.Mutation,
    register: async (_parent, { input }, context) => signedIn(context, await context.accounts.register(input, { clientAddress: context.clientAddress })),
    login: async (_parent, { input }, context) => signedIn(context, await context.accounts.login(input, { clientAddress: context.clientAddress })),
    updateProfile: async (_parent, { input }, { viewer, profiles }) => ({ user: await profiles.updateProfile(viewer, input) }),
  },
  Subscription: {
    ...walletResolvers.Subscription,
    ...friendResolvers.Subscription,
    profileUpdated: {
      subscribe: (_parent, { userId }, { profiles }) => profiles.profileUpdates(userId),
      resolve: (event: { id: string }, _args: unknown, { profiles }: Context) => profiles.current(event),
    },
    meUpdated: {
      subscribe: (_parent, _args, { viewer, profiles }) => profiles.myProfileUpdates(viewer),
      resolve: (event: { id: string }, _args: unknown, { profiles }: Context) => profiles.current(event),
    },
  },
  ApiKey: apiKeyResolvers.ApiKey,
  ApplyWalletOperationPayload: walletResolvers.ApplyWalletOperationPayload,
  LevelUp: walletResolvers.LevelUp,
  Wallet: walletResolvers.Wallet,
  LedgerEntry: walletResolvers.LedgerEntry,
  User: {
    ...friendResolvers.User,
    ...walletResolvers.User,
    __resolveReference: async ({ id }, { loaders }) => (await loaders.userById.load(id)) ?? null,
    email: (user, _args, { viewer, profiles }) => profiles.emailOf(viewer, user),
  },
};
