import { DateTime, SafeInt } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { chatMessageResolvers } from './chat-messages.js';
import { chatModerationResolvers } from './chat-moderation.js';
import { chatRoomResolvers } from './chat-rooms.js';
import { guildDriveResolvers } from './guild-drives.js';
import { guildWarResolvers } from './guild-wars.js';
import { guildResolvers } from './guilds.js';
import { presenceResolvers } from './presence.js';

// One file per area keeps each small as social grows (messages, moderation, wars); no two
// areas resolve the same field, so a shallow merge per type is enough.
export const resolvers: Resolvers = {
  DateTime,
  SafeInt,
  Query: { ...chatRoomResolvers.Query, ...chatModerationResolvers.Query, ...guildResolvers.Query, ...guildWarResolvers.Query },
  Mutation: { ...chatMessageResolvers.Mutation, ...chatRoomResolvers.Mutation, ...chatModerationResolvers.Mutation, ...presenceResolvers.Mutation, ...guildResolvers.Mutation, ...guildWarResolvers.Mutation, ...guildDriveResolvers.Mutation },
  Subscription: { ...chatMessageResolvers.Subscription, ...presenceResolvers.Subscription, ...guildResolvers.Subscription, ...guildWarResolvers.Subscription },
  ChatRoom: { ...chatRoomResolvers.ChatRoom, ...chatMessageResolvers.ChatRoom, ...presenceResolvers.ChatRoom },
  ChatMessage: chatMessageResolvers.ChatMessage,
  ChatRoomEvent: chatMessageResolvers.ChatRoomEvent,
  PrivateMessage: chatMessageResolvers.PrivateMessage,
  ChatRoomMember: chatRoomResolvers.ChatRoomMember,
  ChatReadReceipt: chatRoomResolvers.ChatReadReceipt,
  MyChatRoom: chatRoomResolvers.MyChatRoom,
  ChatReport: chatModerationResolvers.ChatReport,
  ChatMute: chatModerationResolvers.ChatMute,
  Guild: { ...guildResolvers.Guild, ...guildWarResolvers.Guild, ...guildDriveResolvers.Guild },
  GuildWar: guildWarResolvers.GuildWar,
  ContributionDrive: guildDriveResolvers.ContributionDrive,
  GuildMember: guildResolvers.GuildMember,
  GuildJoinRequest: guildResolvers.GuildJoinRequest,
  GuildNotification: guildResolvers.GuildNotification,
  GuildInvitation: guildResolvers.GuildInvitation,
  User: { ...guildResolvers.User, ...chatRoomResolvers.User },
};
