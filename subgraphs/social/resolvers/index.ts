import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { chatMessageResolvers } from './chat-messages.js';
import { chatRoomResolvers } from './chat-rooms.js';
import { guildResolvers } from './guilds.js';
import { presenceResolvers } from './presence.js';

// One file per area keeps each small as social grows (messages, moderation, wars); no two
// areas resolve the same field, so a shallow merge per type is enough.
export const resolvers: Resolvers = {
  DateTime,
  Query: { ...chatRoomResolvers.Query, ...guildResolvers.Query },
  Mutation: { ...chatMessageResolvers.Mutation, ...presenceResolvers.Mutation },
  Subscription: { ...chatMessageResolvers.Subscription, ...presenceResolvers.Subscription },
  ChatRoom: { ...chatRoomResolvers.ChatRoom, ...chatMessageResolvers.ChatRoom, ...presenceResolvers.ChatRoom },
  ChatMessage: chatMessageResolvers.ChatMessage,
  Guild: guildResolvers.Guild,
  User: guildResolvers.User,
};
