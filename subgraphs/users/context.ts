import type { Viewer } from '../../platform/auth.js';
import type { AccountsService } from './services/accounts.service.js';
import type { ProfilesService } from './services/profiles.service.js';
import type { UsersLoaders } from './store/loaders.js';

/** What every users resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: UsersLoaders;
  accounts: AccountsService;
  profiles: ProfilesService;
}
