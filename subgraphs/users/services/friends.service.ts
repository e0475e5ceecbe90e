import { requireUser, type Viewer } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { assertNotSelf, transition, type FriendAction, type FriendState } from '../domain/friends.js';
import { friendKey, type FriendshipRow, type FriendsStore } from '../store/friends.store.js';
import type { UsersStore } from '../store/users.store.js';

export interface FriendsServiceDeps {
  prisma: PrismaClient;
  store: FriendsStore;
  users: UsersStore;
  /** Called after a commit that wrote domain events (pokes the outbox relay). */
  onEventsCommitted: () => void;
  now?: () => Date;
}

/** The viewer's edge to the other player after an action; null when no relation remains. */
export type FriendChange = { otherId: string; edge: FriendshipRow | null };

export class FriendsService {
  constructor(private readonly deps: FriendsServiceDeps) {}

  /** Asks the player to be friends; if they already asked the viewer, both become friends. */
  sendFriendRequest(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'request');
  }

  acceptFriendRequest(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'accept');
  }

  declineFriendRequest(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'decline');
  }

  /** Ends a friendship, or withdraws a request the viewer sent. */
  removeFriend(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'remove');
  }

  /** Blocks the player and records `user.blocked`, so other services hide the viewer from them. */
  blockUser(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'block');
  }

  unblockUser(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'unblock');
  }

  /** A page of the player's friends list, newest change first; only the player themself may read it. */
  async friendsOf(viewer: Viewer, userId: string, state: FriendState | null, args: ConnectionArgs): Promise<Connection<FriendshipRow>> {
    if (requireUser(viewer) !== userId) throw new ForbiddenError('Only the player themself can see their friends list.');
    const page = timeIdPageRequest(args);
    return toConnection(await this.deps.store.page(userId, state, page), page, friendKey);
  }

  private async act(viewer: Viewer, otherId: string, action: FriendAction): Promise<FriendChange> {
    const actorId = requireUser(viewer);
    assertNotSelf(actorId, otherId);
    const [other] = await this.deps.users.findByIds([otherId]);
    if (!other) throw new NotFoundError('User', otherId);
    const { prisma, store } = this.deps;
    const at = this.deps.now?.() ?? new Date();
    const edge = await prisma.$transaction(async (tx) => {
      const before = await store.lockPair(tx, actorId, otherId);
      const after = transition(action, before, otherId);
      await store.writePair(tx, actorId, otherId, before, after, at);
      if (action === 'block') {
        await recordEvent(tx, 'users', 'user.blocked', { blockerId: actorId, blockedId: otherId, blockedAt: at.toISOString() });
      }
      return after.mine && { userId: actorId, otherId, state: after.mine, updatedAt: at };
    });
    if (action === 'block') this.deps.onEventsCommitted();
    return { otherId, edge };
  }
}
