import type { Logger } from 'pino';
import { defineSubgraph } from '../../platform/subgraph/define.js';
import type { BackgroundWorker } from '../../platform/subgraph/serve.js';
import { loadUsersConfig } from './config.js';
import { rewardHandlers } from './consumers/rewards.consumer.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { AccountsService } from './services/accounts.service.js';
import { ApiKeysService } from './services/api-keys.service.js';
import { FriendsService } from './services/friends.service.js';
import { ProfilesService } from './services/profiles.service.js';
import { LoginLimiter, RegistrationLimiter } from './services/rate-limits.service.js';
import { RolesService } from './services/roles.service.js';
import { SessionsService } from './services/sessions.service.js';
import { WalletService } from './services/wallet.service.js';
import { ApiKeysStore } from './store/api-keys.store.js';
import { FriendsStore } from './store/friends.store.js';
import { createFriendLoaders, createLoaders } from './store/loaders.js';
import { SessionsStore } from './store/sessions.store.js';
import { UsersStore } from './store/users.store.js';
import { WalletStore } from './store/wallet.store.js';

export interface UsersOptions {
  /** Replaces the sign-in limiter (tests use tighter or looser limits). */
  loginLimiter?: LoginLimiter;
}

/**
 * The users subgraph: accounts, sign-in, profiles, friends and the wallet. It credits achievement
 * rewards from the bus (`consumers/rewards.consumer.ts`) and promotes ADMIN_USERNAMES at start.
 */
export const usersSubgraph = defineSubgraph({
  name: 'users',
  loadConfig: loadUsersConfig,
  resolvers,
  build: ({ config, db, prisma, redis, logger, work }, options: UsersOptions) => {
    const store = new UsersStore(prisma, db.sql);
    const sessions = new SessionsService({
      prisma,
      work,
      store: new SessionsStore(prisma),
      users: store,
      jwtSecret: config.JWT_SECRET,
      accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    });
    // Counters on the platform's Redis, so every replica sees the same limits (memory when embedded).
    const exemptAddresses = config.RATE_LIMIT_EXEMPT_ADDRESSES;
    const loginLimiter = options.loginLimiter ?? new LoginLimiter(redis, { exemptAddresses });
    const registrationLimiter = new RegistrationLimiter(redis, { perHour: config.REGISTRATIONS_PER_ADDRESS_PER_HOUR, exemptAddresses });
    const adminUsernames = config.ADMIN_USERNAMES.map((name) => name.toLowerCase());
    const roles = new RolesService(store, work);
    const apiKeys = new ApiKeysService({
      store: new ApiKeysStore(prisma),
      jwtSecret: config.JWT_SECRET,
      serviceTokenTtlSeconds: config.SERVICE_TOKEN_TTL_SECONDS,
    });
    const accounts = new AccountsService({ work, store, sessions, loginLimiter, registrationLimiter, adminUsernameKeys: new Set(adminUsernames) });
    const friendsStore = new FriendsStore(prisma);
    const friends = new FriendsService({ work, store: friendsStore, users: store, redis });
    const profiles = new ProfilesService({ work, store, redis, friends });
    const walletStore = new WalletStore(prisma, db.sql);
    const wallet = new WalletService({ work, wallet: walletStore, redis });
    return {
      context: (viewer): Context => ({
        viewer,
        accounts,
        profiles,
        sessions,
        roles,
        apiKeys,
        clientAddress: viewer.clientAddress ?? null,
        loaders: createLoaders(store, walletStore),
        wallet,
        friends,
        friendLoaders: viewer.userId ? createFriendLoaders(friendsStore, viewer.userId) : null,
      }),
      workers: [adminPromotion(roles, adminUsernames, logger)],
      consumer: { batchHandlers: rewardHandlers({ wallet, work, logger }) },
    };
  },
});

/** ADMIN_USERNAMES that registered before being listed become ADMIN when the service starts. */
function adminPromotion(roles: RolesService, usernameKeys: readonly string[], logger: Logger): BackgroundWorker {
  return {
    start: async () => {
      const promoted = await roles.promoteToAdmin(usernameKeys);
      if (promoted.length) logger.info({ usernames: promoted }, 'ADMIN_USERNAMES promoted to ADMIN');
    },
    stop: async () => undefined,
  };
}
