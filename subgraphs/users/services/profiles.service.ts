import { requireUser, type Viewer } from '../../../platform/auth.js';
import { NotFoundError } from '../../../platform/errors.js';
import { liveChannel, publishLive, subscribeLive } from '../../../platform/live.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { validateProfileChanges } from '../domain/profile.js';
import type { UserRow, UsersStore } from '../store/users.store.js';

/** What a profileUpdated event carries: the key only; subscribers read the fresh row. */
interface ProfileUpdatedEvent {
  id: string;
}

const profileChannel = (userId: string) => liveChannel('users', 'profileUpdated', userId);

export class ProfilesService {
  constructor(
    private readonly store: UsersStore,
    private readonly redis: RedisPort,
  ) {}

  async updateProfile(
    viewer: Viewer,
    input: { displayName?: string | null; avatarUrl?: string | null; bio?: string | null; timezone?: string | null },
  ): Promise<UserRow> {
    const userId = requireUser(viewer);
    const changes = validateProfileChanges(input);
    const user = await this.store.update(userId, changes);
    if (!user) throw new NotFoundError('User', userId);
    await publishLive(this.redis, profileChannel(userId), { id: userId } satisfies ProfileUpdatedEvent);
    return user;
  }

  /** The viewer's own profile changes (their private stream). */
  myProfileUpdates(viewer: Viewer): AsyncIterableIterator<ProfileUpdatedEvent> {
    return this.profileUpdates(requireUser(viewer));
  }

  profileUpdates(userId: string): AsyncIterableIterator<ProfileUpdatedEvent> {
    return subscribeLive<ProfileUpdatedEvent>(this.redis, profileChannel(userId));
  }

  /** The profile as it is now (not from a request's DataLoader: a subscription lives for hours). */
  async current(event: ProfileUpdatedEvent): Promise<UserRow> {
    const [user] = await this.store.findByIds([event.id]);
    if (!user) throw new NotFoundError('User', event.id);
    return user;
  }
}
