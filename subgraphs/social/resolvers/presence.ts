import type { Context } from '../context.js';
import type { PresenceEvent, TypingEvent } from '../contracts/live.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const presenceResolvers: Resolvers = {
  Mutation: {
    heartbeat: (_parent, { input }, { viewer, presence }) => presence.heartbeat(viewer, input.roomIds),
    goOffline: (_parent, { input }, { viewer, presence }) => presence.goOffline(viewer, input.roomIds),
    setTyping: (_parent, { input }, { viewer, presence }) => presence.setTyping(viewer, input.roomId, input.typing ?? true),
  },
  Subscription: {
    presenceChanged: {
      subscribe: (_parent, { roomId }, { viewer, presence }) => presence.presenceChanges(viewer, roomId),
      resolve: ({ roomId, userId, online, at }: PresenceEvent, _args: unknown, _context: Context) => ({ roomId, user: { id: userId }, online, at: new Date(at) }),
    },
    typing: {
      subscribe: (_parent, { roomId }, { viewer, presence }) => presence.typingChanges(viewer, roomId),
      resolve: ({ roomId, userId, typing, expiresAt }: TypingEvent, _args: unknown, _context: Context) => ({
        roomId,
        user: { id: userId },
        typing,
        expiresAt: expiresAt == null ? null : new Date(expiresAt),
      }),
    },
  },
  ChatRoom: {
    onlineCount: (room, _args, { viewer, presence }) => presence.onlineCount(viewer, room),
    onlineMembers: async (room, { first }, { viewer, presence }) => (await presence.onlineMembers(viewer, room, first)).map((id) => ({ id })),
  },
};
