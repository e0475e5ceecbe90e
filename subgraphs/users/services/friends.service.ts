import { Repeater } from '@repeaterjs/repeater';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { timeIdPageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { friendUpdated, type FriendUpdatedEvent } from '../contracts/live.js';
import { assertNotSelf, seesFriendUpdates, transition, type FriendAction, type FriendState } from '../domain/friends.js';
import { friendKey, type FriendshipRow, type FriendsStore } from '../store/friends.store.js';
import type { UsersStore } from '../store/users.store.js';

export interface FriendsServiceDeps {
  work: UnitOfWork;
  store: FriendsStore;
  users: UsersStore;
  redis: RedisPort;
  now?: () => Date;
}

/** The viewer's edge to the other player after an action; null when no relation remains. */
export type FriendChange = { otherId: string; edge: FriendshipRow | null };

export type { FriendUpdatedEvent };

/** Friends' ids read (and their events published) per query during a fan-out; there is no cap on friends. */
const FANOUT_BATCH = 500;

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

  /** Lifts the viewer's block and records `user.unblocked`, in the same unit of work. */
  unblockUser(viewer: Viewer, userId: string): Promise<FriendChange> {
    return this.act(viewer, userId, 'unblock');
  }

  /**
   * Tells each of the player's current friends that the player changed. Run it only once the
   * change has committed (a unit of work's `afterCommit`): the friends are read in batches after
   * the commit rather than all inside the transaction. Friendships read here may end before
   * delivery: `friendUpdates` checks again.
   */
  async notifyFriendsOfUpdate(userId: string): Promise<void> {
    const event: FriendUpdatedEvent = { id: userId };
    let after: string | null = null;
    for (;;) {
      const friendIds = await this.deps.store.friendIdsOf(userId, after, FANOUT_BATCH);
      // Concurrent publishes on one connection are written back to back, like a pipeline.
      await Promise.all(friendIds.map((friendId) => friendUpdated.publish(this.deps.redis, friendId, event)));
      if (friendIds.length < FANOUT_BATCH) return;
      after = friendIds.at(-1)!;
    }
  }

  /**
   * The viewer's friends' updates, each delivered only if that player is still the viewer's friend
   * when it arrives: a fresh read per event (no request DataLoader, the stream lives for hours), so
   * a friendship that ended after the event was published stops it. Events stay in order.
   */
  friendUpdates(viewer: Viewer): AsyncIterableIterator<FriendUpdatedEvent> {
    const viewerId = requireUser(viewer);
    const events = friendUpdated.subscribe(this.deps.redis, viewerId);
    return new Repeater<FriendUpdatedEvent>(async (push, stop) => {
      void stop.then(() => events.return?.());
      for await (const event of events) {
        if (seesFriendUpdates(await this.deps.store.pairOf(viewerId, event.id))) await push(event);
      }
      stop();
    });
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
    const { work, store } = this.deps;
    const at = this.deps.now?.() ?? new Date();
    const edge = await work.run(async ({ tx, record }) => {
      const before = await store.lockPair(tx, actorId, otherId);
      const after = transition(action, before, otherId);
      await store.writePair(tx, actorId, otherId, before, after, at);
      if (action === 'block') await record('user.blocked', { blockerId: actorId, blockedId: otherId, blockedAt: at.toISOString() });
      if (action === 'unblock') await record('user.unblocked', { blockerId: actorId, blockedId: otherId, unblockedAt: at.toISOString() });
      return after.mine && { userId: actorId, otherId, state: after.mine, updatedAt: at };
    });
    return { otherId, edge };
  }
}
