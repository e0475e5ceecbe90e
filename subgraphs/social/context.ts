import type { Viewer } from '../../platform/auth.js';
import type { ChatMembershipService } from './services/chat-membership.service.js';
import type { ChatMessagesService } from './services/chat-messages.service.js';
import type { ChatModerationService } from './services/chat-moderation.service.js';
import type { ChatRoomsService } from './services/chat-rooms.service.js';
import type { GuildDrivesService } from './services/guild-drives.service.js';
import type { GuildWarsService } from './services/guild-wars.service.js';
import type { GuildsService } from './services/guilds.service.js';
import type { PresenceService } from './services/presence.service.js';
import type { SocialLoaders } from './store/loaders.js';

/** What every social resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: SocialLoaders;
  chatRooms: ChatRoomsService;
  chatMessages: ChatMessagesService;
  chatMembership: ChatMembershipService;
  chatModeration: ChatModerationService;
  presence: PresenceService;
  guilds: GuildsService;
  guildWars: GuildWarsService;
  guildDrives: GuildDrivesService;
}
