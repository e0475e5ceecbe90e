import type { Logger } from 'pino';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { liveChannel, publishLive, subscribeLive } from '../../../platform/live.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { validateProfileChanges } from '../domain/profile.js';
import type { UserRow, UsersStore } from '../store/users.store.js';
import type { FriendsService } from './friends.service.js';

/** What a profileUpdated event carries: the key only; subscribers read the fresh row. */
interface ProfileUpdatedEvent {
  id: string;
}

const profileChannel = (userId: string) => liveChannel('users', 'profileUpdated', userId);

export class ProfilesService {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      store: UsersStore;
      redis: RedisPort;
      /** Tells the player's friends about the change (`friendUpdated`). */
      friends: Pick<FriendsService, 'notifyFriendsOfUpdate'>;
      onEventsCommitted: () => void;
      logger?: Logger;
    },
  ) {}

  async updateProfile(
    viewer: Viewer,
    input: { displayName?: string | null; avatarUrl?: string | null; bio?: string | null; timezone?: string | null },
  ): Promise<UserRow> {
    const userId = requireUser(viewer);
    const changes = validateProfileChanges(input);
    const user = await this.deps.prisma.$transaction(async (tx) => {
      const updated = await this.deps.store.update(userId, changes, tx);
      if (!updated) throw new NotFoundError('User', userId);
      await recordEvent(tx, 'users', 'user.profile_updated', {
        userId,
        changed: Object.keys(changes),
        updatedAt: updated.updatedAt.toISOString(),
        // Consumers keeping per-player days (streaks) need the new zone itself, not only its name.
        ...(changes.timezone !== undefined ? { timezone: updated.timezone } : {}),
      });
      return updated;
    });
    this.deps.onEventsCommitted();
    // The change is committed: live delivery is best effort and never turns it into an error.
    try {
      await publishLive(this.deps.redis, profileChannel(userId), { id: userId } satisfies ProfileUpdatedEvent);
      await this.deps.friends.notifyFriendsOfUpdate(userId);
    } catch (error) {
      this.deps.logger?.error({ err: error, userId }, 'live delivery of a profile change failed');
    }
    return user;
  }

  /** The viewer's own profile changes (their private stream). */
  myProfileUpdates(viewer: Viewer): AsyncIterableIterator<ProfileUpdatedEvent> {
    return this.profileUpdates(requireUser(viewer));
  }

  profileUpdates(userId: string): AsyncIterableIterator<ProfileUpdatedEvent> {
    return subscribeLive<ProfileUpdatedEvent>(this.deps.redis, profileChannel(userId));
  }

  /** The profile as it is now (not from a request's DataLoader: a subscription lives for hours). */
  async current(event: ProfileUpdatedEvent): Promise<UserRow> {
    const [user] = await this.deps.store.findByIds([event.id]);
    if (!user) throw new NotFoundError('User', event.id);
    return user;
  }
}
