import type { Viewer } from '../../platform/auth.js';
import type { AccountsService } from './services/accounts.service.js';
import type { ApiKeysService } from './services/api-keys.service.js';
import type { FriendsService } from './services/friends.service.js';
import type { ProfilesService } from './services/profiles.service.js';
import type { RolesService } from './services/roles.service.js';
import type { SessionsService } from './services/sessions.service.js';
import type { WalletService } from './services/wallet.service.js';
import type { FriendLoaders, UsersLoaders } from './store/loaders.js';

/** What every users resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: UsersLoaders;
  accounts: AccountsService;
  profiles: ProfilesService;
  sessions: SessionsService;
  roles: RolesService;
  apiKeys: ApiKeysService;
  /**
   * The client's network address as the gateway saw it (signed in the viewer token), for the
   * per-address sign-in and registration limits; null when unknown (per-account limits apply regardless).
   */
  clientAddress: string | null;
  friends: FriendsService;
  wallet: WalletService;
  /** Null for anonymous viewers, who have no relations. */
  friendLoaders: FriendLoaders | null;
}
