import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import { EventConsumer } from '../../platform/events/consumer.js';
import { OutboxRelay } from '../../platform/events/outbox.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { BackgroundWorker, SubgraphDefinition } from '../../platform/subgraph/serve.js';
import { subgraphSchemaPath } from '../../platform/subgraph/names.js';
import {
  DEFAULT_REGISTRATIONS_PER_ADDRESS_PER_HOUR,
  DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
  DEFAULT_SERVICE_TOKEN_TTL_SECONDS,
  DEFAULT_USERS_CONSUMER_NAME,
  type UsersConfig,
} from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { AccountsService } from './services/accounts.service.js';
import { ApiKeysService } from './services/api-keys.service.js';
import { FriendsService } from './services/friends.service.js';
import { LoginLimiter, RegistrationLimiter } from './services/login-limiter.js';
import { ProfilesService } from './services/profiles.service.js';
import { rewardHandlers } from './services/rewards.service.js';
import { RolesService } from './services/roles.service.js';
import { SessionsService } from './services/sessions.service.js';
import { WalletService } from './services/wallet.service.js';
import { ApiKeysStore } from './store/api-keys.store.js';
import { FriendsStore } from './store/friends.store.js';
import { createFriendLoaders, createLoaders } from './store/loaders.js';
import { SessionsStore } from './store/sessions.store.js';
import { UsersStore } from './store/users.store.js';
import { WalletStore } from './store/wallet.store.js';

export interface UsersDeps {
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
  config: Pick<UsersConfig, 'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS'> &
    Partial<
      Pick<
        UsersConfig,
        | 'REFRESH_TOKEN_TTL_SECONDS'
        | 'SERVICE_TOKEN_TTL_SECONDS'
        | 'USERS_CONSUMER_NAME'
        | 'ADMIN_USERNAMES'
        | 'REGISTRATIONS_PER_ADDRESS_PER_HOUR'
        | 'RATE_LIMIT_EXEMPT_ADDRESSES'
      >
    >;
  /** Replaces the sign-in limiter (tests use tighter or looser limits). */
  loginLimiter?: LoginLimiter;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('users'), 'utf8'));

/**
 * The users subgraph: accounts, sign-in, profiles and the wallet. Its workers publish its events
 * (outbox relay) and credit achievement rewards from the bus (`users` consumer group). No ports,
 * no environment.
 */
export function createUsersSubgraph(deps: UsersDeps): SubgraphDefinition<Context> {
  const store = new UsersStore(deps.prisma);
  const relay = new OutboxRelay({ prisma: deps.prisma, redis: deps.redis, producer: 'users', logger: deps.logger });
  const sessions = new SessionsService({
    prisma: deps.prisma,
    store: new SessionsStore(deps.prisma),
    users: store,
    jwtSecret: deps.config.JWT_SECRET,
    accessTokenTtlSeconds: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: deps.config.REFRESH_TOKEN_TTL_SECONDS ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
  });
  // Counters on the platform's Redis, so every replica sees the same limits (memory when embedded).
  const exemptAddresses = deps.config.RATE_LIMIT_EXEMPT_ADDRESSES;
  const loginLimiter = deps.loginLimiter ?? new LoginLimiter(deps.redis, { exemptAddresses });
  const registrationLimiter = new RegistrationLimiter(deps.redis, {
    perHour: deps.config.REGISTRATIONS_PER_ADDRESS_PER_HOUR ?? DEFAULT_REGISTRATIONS_PER_ADDRESS_PER_HOUR,
    exemptAddresses,
  });
  const adminUsernames = (deps.config.ADMIN_USERNAMES ?? []).map((name) => name.toLowerCase());
  const roles = new RolesService(store);
  const apiKeys = new ApiKeysService({
    store: new ApiKeysStore(deps.prisma),
    jwtSecret: deps.config.JWT_SECRET,
    serviceTokenTtlSeconds: deps.config.SERVICE_TOKEN_TTL_SECONDS ?? DEFAULT_SERVICE_TOKEN_TTL_SECONDS,
  });
  const accounts = new AccountsService({
    prisma: deps.prisma,
    store,
    sessions,
    loginLimiter,
    registrationLimiter,
    adminUsernameKeys: new Set(adminUsernames),
    onEventsCommitted: () => void relay.poke(),
  });
  const friendsStore = new FriendsStore(deps.prisma);
  const friends = new FriendsService({
    prisma: deps.prisma,
    store: friendsStore,
    users: store,
    redis: deps.redis,
    onEventsCommitted: () => void relay.poke(),
  });
  const profiles = new ProfilesService({ prisma: deps.prisma, store, redis: deps.redis, friends, onEventsCommitted: () => void relay.poke(), logger: deps.logger });
  const walletStore = new WalletStore(deps.prisma);
  const wallet = new WalletService({ prisma: deps.prisma, wallet: walletStore, redis: deps.redis, onEventsCommitted: () => void relay.poke() });
  const rewards = new EventConsumer({
    prisma: deps.prisma,
    redis: deps.redis,
    group: 'users',
    consumer: deps.config.USERS_CONSUMER_NAME ?? DEFAULT_USERS_CONSUMER_NAME,
    batchHandlers: rewardHandlers(wallet, { logger: deps.logger }),
    logger: deps.logger,
  });
  return {
    name: 'users',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({
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
    // Started in order, stopped in reverse: the relay outlives the consumer that pokes it.
    workers: [adminPromotion(roles, adminUsernames, deps.logger), relay, rewards],
  };
}

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
