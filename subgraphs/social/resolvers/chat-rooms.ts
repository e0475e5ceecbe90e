import { encodeCursor } from '../../../platform/pagination.js';
import { messageKey } from '../domain/chat-messages.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const cursorOf = (seq: bigint) => (seq > 0n ? encodeCursor(messageKey(seq)) : null);

export const chatRoomResolvers: Resolvers = {
  Query: {
    chatRooms: (_parent, { kind, ...page }, { viewer, chatRooms }) => chatRooms.listRooms(viewer, { kind }, page),
    chatRoom: (_parent, { id }, { viewer, chatRooms, loaders }) => chatRooms.readableRoom(viewer, id, loaders),
  },
  Mutation: {
    joinRoom: (_parent, { input }, { viewer, chatMembership }) => chatMembership.joinRoom(viewer, input.roomId),
    leaveRoom: (_parent, { input }, { viewer, chatMembership }) => chatMembership.leaveRoom(viewer, input.roomId),
    createParty: async (_parent, { input }, { viewer, chatMembership }) => ({ room: await chatMembership.createParty(viewer, input) }),
    inviteToParty: (_parent, { input }, { viewer, chatMembership }) => chatMembership.inviteToParty(viewer, input),
    kickFromParty: (_parent, { input }, { viewer, chatMembership }) => chatMembership.kickFromParty(viewer, input),
    updateChatRoomSettings: async (_parent, { input }, { viewer, chatMembership }) => ({ room: await chatMembership.updateSettings(viewer, input) }),
    markRead: async (_parent, { input }, { viewer, chatMembership }) => {
      const { room, member, unreadCount } = await chatMembership.markRead(viewer, input);
      return { room, unreadCount, lastReadCursor: cursorOf(member.lastReadSeq) };
    },
  },
  ChatRoom: {
    __resolveReference: ({ id }, { viewer, chatRooms, loaders }) => chatRooms.readableRoom(viewer, id, loaders),
    members: (room, { first }, { viewer, chatRooms, loaders }) => chatRooms.members(viewer, room, first, loaders),
    viewerMembership: (room, _args, { viewer, chatRooms, loaders }) => chatRooms.viewerMembership(viewer, room, loaders),
    readReceipts: (room, _args, { viewer, chatRooms, loaders }) => chatRooms.readReceipts(viewer, room, loaders),
  },
  ChatRoomMember: {
    user: (member) => ({ id: member.userId }),
  },
  ChatReadReceipt: {
    user: (member) => ({ id: member.userId }),
    lastReadCursor: (member) => cursorOf(member.lastReadSeq),
    readAt: (member) => member.lastReadAt,
  },
  MyChatRoom: {
    room: async (member, _args, { loaders }) => (await loaders.chatRoomById.load(member.roomId))!,
    unreadCount: (member, _args, { loaders }) => loaders.unreadCount.load({ roomId: member.roomId, userId: member.userId }),
    lastMessage: async (member, _args, { loaders }) => {
      const room = await loaders.chatRoomById.load(member.roomId);
      return room?.lastSeq ? ((await loaders.chatMessageBySeq.load(room.lastSeq)) ?? null) : null;
    },
  },
  User: {
    chatRooms: (user, { first }, { viewer, chatRooms }) => chatRooms.myRooms(viewer, user.id, first),
  },
};
