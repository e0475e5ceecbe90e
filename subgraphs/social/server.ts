import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { SubgraphDefinition } from '../../platform/service.js';
import { subgraphSchemaPath } from '../../platform/subgraphs.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { ChatRoomsService } from './services/chat-rooms.service.js';
import { DefaultRoomsWorker } from './services/default-rooms.worker.js';
import { ChatRoomsStore } from './store/chat-rooms.store.js';
import { GuildsStore } from './store/guilds.store.js';
import { createLoaders } from './store/loaders.js';

export interface SocialDeps {
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('social'), 'utf8'));

/** The social subgraph: chat rooms and guilds. No ports, no environment. */
export function createSocialSubgraph(deps: SocialDeps): SubgraphDefinition<Context> {
  const stores = { chatRooms: new ChatRoomsStore(deps.prisma), guilds: new GuildsStore(deps.prisma) };
  const chatRooms = new ChatRoomsService(stores.chatRooms);
  return {
    name: 'social',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({ viewer, chatRooms, loaders: createLoaders(stores) }),
    workers: [new DefaultRoomsWorker(chatRooms, deps.logger)],
  };
}
