import { NotFoundError } from '../../../platform/errors.js';
import { encodeCursor } from '../../../platform/pagination.js';
import type { Context } from '../context.js';
import { messageKey } from '../domain/chat-messages.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { MessageAddedEvent } from '../contracts/live.js';
import { messageOfEvent } from '../services/chat-messages.service.js';

export const chatMessageResolvers: Resolvers = {
  Mutation: {
    sendMessage: async (_parent, { input }, { viewer, chatMessages }) => ({ message: await chatMessages.sendMessage(viewer, input) }),
  },
  Subscription: {
    messageAdded: {
      subscribe: (_parent, { roomId, after }, { chatMessages }) => chatMessages.messagesAdded(roomId, after),
      resolve: (event: MessageAddedEvent, _args: unknown, _context: Context) => messageOfEvent(event),
    },
  },
  ChatRoom: {
    messages: (room, args, { chatMessages, loaders }) => chatMessages.listMessages(room, args, loaders),
  },
  ChatMessage: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.chatMessageById.load(id)) ?? null,
    // The same value as the message's edge cursor in ChatRoom.messages.
    cursor: (message) => encodeCursor(messageKey(message.seq)),
    author: (message) => ({ id: message.authorId ?? '' }),
    room: async (message, _args, { loaders }) => {
      const room = await loaders.chatRoomById.load(message.roomId);
      if (!room) throw new NotFoundError('ChatRoom', message.roomId);
      return room;
    },
  },
};
