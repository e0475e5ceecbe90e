import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { chatRoomResolvers } from './chat-rooms.js';
import { guildResolvers } from './guilds.js';

// One file per area keeps each small as social grows (messages, moderation, wars); no two
// areas resolve the same field, so a shallow merge per type is enough.
export const resolvers: Resolvers = {
  DateTime,
  Query: { ...chatRoomResolvers.Query, ...guildResolvers.Query },
  ChatRoom: chatRoomResolvers.ChatRoom,
  Guild: guildResolvers.Guild,
  User: guildResolvers.User,
};
