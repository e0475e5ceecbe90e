import { defineSubgraph } from '../../platform/subgraph/define.js';
import { loadSocialConfig } from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { usersConsumer } from './consumers/users.consumer.js';
import { ChatMessagesService } from './services/chat-messages.service.js';
import { ChatRoomsService } from './services/chat-rooms.service.js';
import { BlocksStore } from './store/blocks.store.js';
import { ChatMembersStore } from './store/chat-members.store.js';
import { ChatMessagesStore } from './store/chat-messages.store.js';
import { ChatRoomsStore } from './store/chat-rooms.store.js';
import { GuildsStore } from './store/guilds.store.js';
import { createLoaders } from './store/loaders.js';
import { PlayersStore } from './store/players.store.js';
import { DefaultRoomsWorker } from './workers/default-rooms.worker.js';

/** The social subgraph: chat rooms, their messages, and guilds. */
export const socialSubgraph = defineSubgraph({
  name: 'social',
  loadConfig: loadSocialConfig,
  resolvers,
  build: ({ db, prisma, redis, work, logger }) => {
    const stores = {
      chatRooms: new ChatRoomsStore(prisma, db.sql),
      chatMessages: new ChatMessagesStore(prisma, db.sql),
      guilds: new GuildsStore(prisma),
      chatMembers: new ChatMembersStore(prisma, db.sql),
      blocks: new BlocksStore(prisma),
      players: new PlayersStore(prisma),
    };
    const chatRooms = new ChatRoomsService({ store: stores.chatRooms, members: stores.chatMembers });
    const chatMessages = new ChatMessagesService({ work, store: stores.chatMessages, rooms: stores.chatRooms, redis });
    return {
      context: (viewer): Context => ({ viewer, chatRooms, chatMessages, loaders: createLoaders(stores) }),
      workers: [new DefaultRoomsWorker(chatRooms, logger)],
      consumer: usersConsumer({ blocks: stores.blocks, players: stores.players }),
    };
  },
});
