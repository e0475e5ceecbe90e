import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import { OutboxRelay } from '../../platform/events/outbox.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { SubgraphDefinition } from '../../platform/subgraph/serve.js';
import { subgraphSchemaPath } from '../../platform/subgraph/names.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { ChatMessagesService } from './services/chat-messages.service.js';
import { ChatRoomsService } from './services/chat-rooms.service.js';
import { DefaultRoomsWorker } from './services/default-rooms.worker.js';
import { ChatMessagesStore } from './store/chat-messages.store.js';
import { ChatRoomsStore } from './store/chat-rooms.store.js';
import { GuildsStore } from './store/guilds.store.js';
import { createLoaders } from './store/loaders.js';

export interface SocialDeps {
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('social'), 'utf8'));

/** The social subgraph: chat rooms, their messages, and guilds. No ports, no environment. */
export function createSocialSubgraph(deps: SocialDeps): SubgraphDefinition<Context> {
  const stores = {
    chatRooms: new ChatRoomsStore(deps.prisma),
    chatMessages: new ChatMessagesStore(deps.prisma),
    guilds: new GuildsStore(deps.prisma),
  };
  const chatRooms = new ChatRoomsService(stores.chatRooms);
  const relay = new OutboxRelay({ prisma: deps.prisma, redis: deps.redis, producer: 'social', logger: deps.logger });
  const chatMessages = new ChatMessagesService({
    prisma: deps.prisma,
    store: stores.chatMessages,
    rooms: stores.chatRooms,
    redis: deps.redis,
    onEventsCommitted: () => void relay.poke(),
  });
  return {
    name: 'social',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({ viewer, chatRooms, chatMessages, loaders: createLoaders(stores) }),
    workers: [new DefaultRoomsWorker(chatRooms, deps.logger), relay],
  };
}
