import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import { OutboxRelay } from '../../platform/events/outbox.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { SubgraphDefinition } from '../../platform/service.js';
import { subgraphSchemaPath } from '../../platform/subgraphs.js';
import type { UsersConfig } from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { AccountsService } from './services/accounts.service.js';
import { ProfilesService } from './services/profiles.service.js';
import { createLoaders } from './store/loaders.js';
import { UsersStore } from './store/users.store.js';

export interface UsersDeps {
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
  config: Pick<UsersConfig, 'JWT_SECRET' | 'ACCESS_TOKEN_TTL_SECONDS'>;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('users'), 'utf8'));

/** The users subgraph: accounts, sign-in and profiles. No ports, no environment. */
export function createUsersSubgraph(deps: UsersDeps): SubgraphDefinition<Context> {
  const store = new UsersStore(deps.prisma);
  const relay = new OutboxRelay({ prisma: deps.prisma, redis: deps.redis, producer: 'users', logger: deps.logger });
  const accounts = new AccountsService({
    prisma: deps.prisma,
    store,
    jwtSecret: deps.config.JWT_SECRET,
    accessTokenTtlSeconds: deps.config.ACCESS_TOKEN_TTL_SECONDS,
    onEventsCommitted: () => void relay.poke(),
  });
  const profiles = new ProfilesService(store, deps.redis);
  return {
    name: 'users',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({ viewer, accounts, profiles, loaders: createLoaders(store) }),
    workers: [relay],
  };
}
