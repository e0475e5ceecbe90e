import type { Resolvers } from '../generated/resolvers-types.js';

export const chatRoomResolvers: Resolvers = {
  Query: {
    chatRooms: (_parent, { kind, ...page }, { viewer, chatRooms }) => chatRooms.listRooms(viewer, { kind }, page),
    chatRoom: async (_parent, { id }, { loaders }) => (await loaders.chatRoomById.load(id)) ?? null,
  },
  ChatRoom: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.chatRoomById.load(id)) ?? null,
  },
};
