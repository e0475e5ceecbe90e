import { NotFoundError } from '../../../platform/errors.js';
import { encodeCursor } from '../../../platform/pagination.js';
import type { Context } from '../context.js';
import type { MessageAddedEvent } from '../contracts/live.js';
import { eventKey, messageKey, visibleOriginalText } from '../domain/chat-messages.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { messageOfEvent } from '../services/chat-messages.service.js';
import type { ChatMessageRow, ChatRoomEventRow } from '../store/chat-messages.store.js';

export const chatMessageResolvers: Resolvers = {
  Mutation: {
    sendMessage: async (_parent, { input }, { viewer, chatMessages }) => ({ message: await chatMessages.sendMessage(viewer, input) }),
    sendPrivateMessage: async (_parent, { input }, { viewer, chatMessages }) => ({ message: await chatMessages.sendPrivateMessage(viewer, input) }),
    editMessage: async (_parent, { input }, { viewer, chatMessages }) => ({ message: await chatMessages.editMessage(viewer, input) }),
    deleteMessage: async (_parent, { input }, { viewer, chatMessages }) => ({ message: await chatMessages.deleteMessage(viewer, input) }),
    postAnnouncement: async (_parent, { input }, { viewer, chatMessages }) => ({ message: await chatMessages.postAnnouncement(viewer, input) }),
  },
  Subscription: {
    messageAdded: {
      subscribe: (_parent, { roomId, after }, { viewer, chatMessages }) => chatMessages.messagesAdded(viewer, roomId, after),
      resolve: (event: MessageAddedEvent, _args: unknown, _context: Context) => messageOfEvent(event),
    },
    messageUpdated: {
      subscribe: (_parent, { roomId }, { viewer, chatMessages }) => chatMessages.messageChanges(viewer, roomId, 'EDITED'),
      resolve: (message: ChatMessageRow, _args: unknown, _context: Context) => message,
    },
    messageDeleted: {
      subscribe: (_parent, { roomId }, { viewer, chatMessages }) => chatMessages.messageChanges(viewer, roomId, 'DELETED'),
      resolve: (message: ChatMessageRow, _args: unknown, _context: Context) => message,
    },
    chatRoomEvents: {
      subscribe: (_parent, { roomId, after }, { viewer, chatMessages }) => chatMessages.roomEvents(viewer, roomId, after),
      resolve: (event: ChatRoomEventRow, _args: unknown, _context: Context) => event,
    },
    privateMessageReceived: {
      subscribe: (_parent, { after }, { viewer, chatMessages }) => chatMessages.privateMessages(viewer, after),
      resolve: (message: ChatMessageRow, _args: unknown, _context: Context) => message,
    },
  },
  ChatRoom: {
    messages: async (room, args, { viewer, chatRooms, chatMessages, loaders }) =>
      chatMessages.listMessages(await chatRooms.assertReadableLoaded(viewer, room, loaders), args, loaders),
  },
  ChatMessage: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.chatMessageById.load(id)) ?? null,
    // The same value as the message's edge cursor in ChatRoom.messages.
    cursor: (message) => encodeCursor(messageKey(message.seq)),
    originalText: (message, _args, { viewer }) => visibleOriginalText(message, viewer.role),
    author: (message) => (message.authorId ? { id: message.authorId } : null),
    subject: (message) => (message.subjectId ? { id: message.subjectId } : null),
    room: async (message, _args, { loaders }) => {
      const room = await loaders.chatRoomById.load(message.roomId);
      if (!room) throw new NotFoundError('ChatRoom', message.roomId);
      return room;
    },
  },
  ChatRoomEvent: {
    cursor: (event) => encodeCursor(eventKey(event.position)),
  },
  PrivateMessage: {
    inboxCursor: (message) => encodeCursor(eventKey(message.recipientSeq ?? 0n)),
    message: (message) => message,
  },
};
