import { BadUserInputError } from '../../../platform/errors.js';
import { DateTime } from '../../../platform/scalars.js';
import { usernameKey } from '../domain/accounts.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { AuthResult } from '../services/accounts.service.js';

const MAX_IDS = 100;

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    me: async (_parent, _args, { viewer, loaders }) => (viewer.userId ? ((await loaders.userById.load(viewer.userId)) ?? null) : null),
    user: async (_parent, { id }, { loaders }) => (await loaders.userById.load(id)) ?? null,
    userByUsername: (_parent, { username }, { accounts }) => accounts.findByUsernameKey(usernameKey(username)),
    users: async (_parent, { ids }, { loaders }) => {
      if (ids.length > MAX_IDS) throw new BadUserInputError(`Ask for at most ${MAX_IDS} ids.`, 'ids');
      return (await loaders.userById.loadMany(ids)).map((row) => (row instanceof Error ? null : (row ?? null)));
    },
  },
  Mutation: {
    register: async (_parent, { input }, context) => signedIn(context, await context.accounts.register(input)),
    login: async (_parent, { input }, context) => signedIn(context, await context.accounts.login(input)),
    updateProfile: async (_parent, { input }, { viewer, profiles }) => ({ user: await profiles.updateProfile(viewer, input) }),
  },
  Subscription: {
    profileUpdated: {
      subscribe: (_parent, { userId }, { profiles }) => profiles.profileUpdates(userId),
      resolve: (event: { id: string }, _args: unknown, { profiles }: Context) => profiles.current(event),
    },
    meUpdated: {
      subscribe: (_parent, _args, { viewer, profiles }) => profiles.myProfileUpdates(viewer),
      resolve: (event: { id: string }, _args: unknown, { profiles }: Context) => profiles.current(event),
    },
  },
  User: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.userById.load(id)) ?? null,
    email: (user, _args, { viewer }) => (viewer.userId === user.id ? user.email : null),
  },
};

/** The rest of the operation (the payload's fields) sees the player who just signed in. */
function signedIn(context: Context, result: AuthResult): AuthResult {
  context.viewer = { userId: result.user.id, role: result.user.role };
  return result;
}
