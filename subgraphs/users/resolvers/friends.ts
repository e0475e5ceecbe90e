import { NotFoundError } from '../../../platform/errors.js';
import type { Connection } from '../../../platform/pagination.js';
import type { Context } from '../context.js';
import type { FriendState } from '../domain/friends.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { FriendUpdatedEvent } from '../contracts/live.js';
import type { FriendChange } from '../services/friends.service.js';
import type { FriendshipRow } from '../store/friends.store.js';
import type { UserRow } from '../store/users.store.js';

/** A friends-list entry as GraphQL shows it: the other player's row with the list owner's edge. */
interface FriendView {
  user: UserRow;
  state: FriendState;
  updatedAt: Date;
}

export const friendResolvers = {
  Mutation: {
    sendFriendRequest: async (_parent, { input }, context) =>
      ({ friend: await changedFriend(context, await context.friends.sendFriendRequest(context.viewer, input.userId)) }),
    acceptFriendRequest: async (_parent, { input }, context) =>
      ({ friend: await changedFriend(context, await context.friends.acceptFriendRequest(context.viewer, input.userId)) }),
    declineFriendRequest: async (_parent, { input }, context) =>
      ({ user: await changedUser(context, await context.friends.declineFriendRequest(context.viewer, input.userId)) }),
    removeFriend: async (_parent, { input }, context) =>
      ({ user: await changedUser(context, await context.friends.removeFriend(context.viewer, input.userId)) }),
    blockUser: async (_parent, { input }, context) =>
      ({ friend: await changedFriend(context, await context.friends.blockUser(context.viewer, input.userId)) }),
    unblockUser: async (_parent, { input }, context) =>
      ({ user: await changedUser(context, await context.friends.unblockUser(context.viewer, input.userId)) }),
  },
  Subscription: {
    friendUpdated: {
      subscribe: (_parent, _args, { viewer, friends }) => friends.friendUpdates(viewer),
      resolve: (event: FriendUpdatedEvent, _args: unknown, { profiles }: Context) => profiles.current(event),
    },
  },
  User: {
    friendState: async (user, _args, { friendLoaders }) => (friendLoaders ? friendLoaders.friendStateOf.load(user.id) : null),
    friends: async (user, { state, ...args }, context) => withUsers(context, await context.friends.friendsOf(context.viewer, user.id, state ?? null, args)),
  },
} satisfies Resolvers;

/** The other player after a change; later `friendState` reads in this request see the new relation. */
async function changedUser(context: Context, change: FriendChange): Promise<UserRow> {
  context.friendLoaders?.friendStateOf.clear(change.otherId).prime(change.otherId, change.edge?.state ?? null);
  const user = await context.loaders.userById.load(change.otherId);
  if (!user) throw new NotFoundError('User', change.otherId);
  return user;
}

async function changedFriend(context: Context, change: FriendChange): Promise<FriendView> {
  const user = await changedUser(context, change);
  if (!change.edge) throw new Error(`expected an edge to ${change.otherId} after the change`);
  return { user, state: change.edge.state, updatedAt: change.edge.updatedAt };
}

/** The page's players in one batch. */
async function withUsers(context: Context, page: Connection<FriendshipRow>): Promise<Connection<FriendView>> {
  const users = await context.loaders.userById.loadMany(page.edges.map((e) => e.node.otherId));
  return {
    pageInfo: page.pageInfo,
    edges: page.edges.map(({ cursor, node }, i) => {
      const user = users[i];
      if (!user || user instanceof Error) throw new NotFoundError('User', node.otherId);
      return { cursor, node: { user, state: node.state, updatedAt: node.updatedAt } };
    }),
  };
}
