import { requireUser, type Viewer } from '../../../platform/auth.js';
import { announceEntityChanges } from '../../../platform/entity-changes.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { profileUpdated, type ProfileUpdatedEvent } from '../contracts/live.js';
import { validateProfileChanges } from '../domain/profile.js';
import type { UserRow, UsersStore } from '../store/users.store.js';
import type { FriendsService } from './friends.service.js';

export class ProfilesService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      store: UsersStore;
      redis: RedisPort;
      /** Tells the player's friends about the change (`friendUpdated`). */
      friends: Pick<FriendsService, 'notifyFriendsOfUpdate'>;
    },
  ) {}

  /**
   * Changes the viewer's profile and records `user.profile_updated`; once committed, the player's
   * own stream and their friends' hear of it (best effort: a failed delivery is logged by the unit
   * of work and never turns the committed change into an error).
   */
  updateProfile(
    viewer: Viewer,
    input: { displayName?: string | null; avatarUrl?: string | null; bio?: string | null; timezone?: string | null },
  ): Promise<UserRow> {
    const userId = requireUser(viewer);
    const changes = validateProfileChanges(input);
    // Nothing to change (every field left out or null): the profile as it is, and no event.
    if (Object.keys(changes).length === 0) return this.current({ id: userId });
    return this.deps.work.run(async ({ tx, record, publish, afterCommit }) => {
      const updated = await this.deps.store.update(userId, changes, tx);
      if (!updated) throw new NotFoundError('User', userId);
      await record('user.profile_updated', {
        userId,
        changed: Object.keys(changes),
        updatedAt: updated.updatedAt.toISOString(),
        // Consumers keeping per-player days (streaks) need the new zone itself, not only its name.
        ...(changes.timezone !== undefined ? { timezone: updated.timezone } : {}),
        // Consumers naming the player (chat's join messages) keep the name itself.
        ...(changes.displayName !== undefined ? { displayName: updated.displayName } : {}),
      });
      // Before the live event: a subscriber's gateway re-reads the player through its entity cache.
      announceEntityChanges({ afterCommit }, this.deps.redis, { typename: 'User', ids: [userId] });
      publish(profileUpdated, userId, { id: userId });
      afterCommit(() => this.deps.friends.notifyFriendsOfUpdate(userId));
      return updated;
    });
  }

  /** The viewer's own profile changes (their private stream). */
  myProfileUpdates(viewer: Viewer): AsyncIterableIterator<ProfileUpdatedEvent> {
    return this.profileUpdates(requireUser(viewer));
  }

  profileUpdates(userId: string): AsyncIterableIterator<ProfileUpdatedEvent> {
    return profileUpdated.subscribe(this.deps.redis, userId);
  }

  /** The profile as it is now (not from a request's DataLoader: a subscription lives for hours). */
  async current(event: ProfileUpdatedEvent): Promise<UserRow> {
    const [user] = await this.deps.store.findByIds([event.id]);
    if (!user) throw new NotFoundError('User', event.id);
    return user;
  }

  /** A player's email, shown to that player only. */
  emailOf(viewer: Viewer, user: UserRow): string | null {
    return viewer.userId === user.id ? user.email : null;
  }
}
