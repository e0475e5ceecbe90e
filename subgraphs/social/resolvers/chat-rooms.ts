import type { Resolvers } from '../generated/resolvers-types.js';

export const chatRoomResolvers: Resolvers = {
  Query: {
    chatRooms: (_parent, { kind, ...page }, { chatRooms }) => chatRooms.listRooms({ kind }, page),
    chatRoom: async (_parent, { id }, { loaders }) => (await loaders.chatRoomById.load(id)) ?? null,
  },
  ChatRoom: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.chatRoomById.load(id)) ?? null,
  },
};
