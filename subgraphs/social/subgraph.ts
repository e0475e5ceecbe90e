import { JobRunner } from '../../platform/jobs/index.js';
import { defineSubgraph } from '../../platform/subgraph/define.js';
import { UsersWalletClient, type WalletPort } from '../../platform/wallet-debit.js';
import { loadSocialConfig } from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { presenceHandlers, withPresenceHandlers } from './consumers/presence.consumer.js';
import { usersConsumer } from './consumers/users.consumer.js';
import { guildLevelHandlers } from './consumers/guild-levels.consumer.js';
import { guildWarHandlers } from './consumers/guild-wars.consumer.js';
import { RateLimit } from '../../platform/rate-limit.js';
import { compileBlockedTerms } from './domain/moderation.js';
import { createChatMetrics } from './services/chat.metrics.js';
import { ChatMembershipService } from './services/chat-membership.service.js';
import { ChatMessagesService } from './services/chat-messages.service.js';
import { ChatModerationService } from './services/chat-moderation.service.js';
import { ChatRoomsService } from './services/chat-rooms.service.js';
import { createGuildWarMetrics } from './services/guild-wars.metrics.js';
import { GuildWarsService } from './services/guild-wars.service.js';
import { GuildDrivesService } from './services/guild-drives.service.js';
import { GUILD_CONTRIBUTION_QUEUE, GUILD_FOUNDING_QUEUE, GuildsService } from './services/guilds.service.js';
import { chatPresenceAccess } from './services/presence.access.js';
import { createPresenceMetrics } from './services/presence.metrics.js';
import { PresenceService } from './services/presence.service.js';
import { BlocksStore } from './store/blocks.store.js';
import { ChatMembersStore } from './store/chat-members.store.js';
import { ChatMessagesStore } from './store/chat-messages.store.js';
import { ChatRoomsStore } from './store/chat-rooms.store.js';
import { GuildPagesCache } from './store/guild-pages.cache.js';
import { GuildWarsStore } from './store/guild-wars.store.js';
import { GuildDrivesStore } from './store/guild-drives.store.js';
import { GuildsStore } from './store/guilds.store.js';
import { createPresenceStore } from './store/presence.store.js';
import { createTypingStore } from './store/typing.store.js';
import { presenceChanged, typingChanged } from './contracts/live.js';
import { createLoaders } from './store/loaders.js';
import { ModerationStore } from './store/moderation.store.js';
import { PlayersStore } from './store/players.store.js';
import { DefaultRoomsWorker } from './workers/default-rooms.worker.js';
import { PresenceSweepWorker } from './workers/presence-sweep.worker.js';

export interface SocialOptions {
  /** The users subgraph's ledger (tests pass a stand-in); HTTP to USERS_URL otherwise. */
  wallet?: WalletPort;
  /** How often the guild founding job runner looks for due jobs (tests shorten it). */
  jobPollMs?: number;
  /** The guild wars' clock (tests drive a fake one). */
  now?: () => Date;
  /** The guild wars' job queue (tests give theirs their own, so another platform on the database never takes its jobs). */
  guildWarQueue?: string;
  /** The contribution drives' job queue (as guildWarQueue). */
  guildDriveQueue?: string;
}

/** The guild wars' timers: start, end, rewards. */
export const GUILD_WAR_QUEUE = 'social.guild-war';
/** The contribution drives' deadlines. */
export const GUILD_DRIVE_QUEUE = 'social.guild-drive';

/** The social subgraph: chat rooms, their messages, and guilds. */
export const socialSubgraph = defineSubgraph({
  name: 'social',
  loadConfig: loadSocialConfig,
  resolvers,
  build: ({ db, prisma, redis, work, logger, config, metrics }, options: SocialOptions = {}) => {
    const stores = {
      chatRooms: new ChatRoomsStore(prisma, db.sql),
      chatMessages: new ChatMessagesStore(prisma, db.sql),
      guilds: new GuildsStore(prisma, db.sql),
      guildWars: new GuildWarsStore(prisma),
      guildDrives: new GuildDrivesStore(prisma),
      guildPages: new GuildPagesCache(redis, logger),
      chatMembers: new ChatMembersStore(prisma, db.sql),
      blocks: new BlocksStore(prisma),
      players: new PlayersStore(prisma),
      moderation: new ModerationStore(prisma),
    };
    const chatRooms = new ChatRoomsService({ store: stores.chatRooms, members: stores.chatMembers });
    const chatMessages = new ChatMessagesService({
      work,
      store: stores.chatMessages,
      rooms: stores.chatRooms,
      members: stores.chatMembers,
      blocks: stores.blocks,
      players: stores.players,
      moderation: stores.moderation,
      chatRooms,
      redis,
      rate: new RateLimit(redis, { name: 'social:chat:send', points: config.SOCIAL_CHAT_MESSAGES_PER_SECOND, durationSeconds: 1 }),
      blockedTerms: compileBlockedTerms(config.SOCIAL_CHAT_BLOCKED_TERMS),
      metrics: createChatMetrics(metrics),
    });
    const chatMembership = new ChatMembershipService({
      work,
      rooms: stores.chatRooms,
      members: stores.chatMembers,
      blocks: stores.blocks,
      players: stores.players,
      messages: chatMessages,
      partyMaxMembers: config.SOCIAL_CHAT_PARTY_MAX_MEMBERS,
    });
    const chatModeration = new ChatModerationService({
      work,
      store: stores.moderation,
      messages: stores.chatMessages,
      rooms: stores.chatRooms,
      members: stores.chatMembers,
      players: stores.players,
    });
    const wallet = options.wallet ?? new UsersWalletClient({ url: config.USERS_URL, internalSecret: config.INTERNAL_SECRET, timeoutMs: config.SOCIAL_USERS_TIMEOUT_MS, service: 'social' });
    const guildDrives = new GuildDrivesService({ work, drives: stores.guildDrives, guilds: stores.guilds, queue: options.guildDriveQueue ?? GUILD_DRIVE_QUEUE, logger, now: options.now });
    const guilds = new GuildsService({
      work,
      store: stores.guilds,
      redis,
      chat: chatMembership,
      maxMembers: config.SOCIAL_GUILD_MAX_MEMBERS,
      wallet,
      fee: config.SOCIAL_GUILD_CREATION_FEE,
      settleDelayMs: config.SOCIAL_GUILD_FOUNDING_SETTLE_MS,
      players: stores.players,
      pages: stores.guildPages,
      drives: guildDrives,
      now: options.now,
    });
    const guildWars = new GuildWarsService({
      work,
      wars: stores.guildWars,
      guilds: stores.guilds,
      redis,
      wallet,
      queue: options.guildWarQueue ?? GUILD_WAR_QUEUE,
      maxMembers: config.SOCIAL_GUILD_MAX_MEMBERS,
      pages: stores.guildPages,
      logger,
      now: options.now,
    });
    createGuildWarMetrics(metrics, () => stores.guildWars.countActive());
    // One runner for the guild queues: an idle poll is one statement for all of them.
    const guildJobs = new JobRunner({
      prisma,
      sql: db.sql,
      queues: {
        [GUILD_FOUNDING_QUEUE]: guilds.foundingHandler(),
        [GUILD_CONTRIBUTION_QUEUE]: guilds.contributionHandler(),
        [options.guildWarQueue ?? GUILD_WAR_QUEUE]: guildWars.jobHandler(),
        [options.guildDriveQueue ?? GUILD_DRIVE_QUEUE]: guildDrives.jobHandler(),
      },
      logger,
      pollIntervalMs: options.jobPollMs,
      backoff: { baseMs: 1_000, maxMs: 60_000 },
    });
    const presenceStore = createPresenceStore(redis, { channel: presenceChanged.channel, keyTtlMs: 2 * config.SOCIAL_PRESENCE_EXPIRY_MS });
    const presence = new PresenceService({
      store: presenceStore,
      typing: createTypingStore(redis, {
        channel: typingChanged.channel,
        timings: { throttleMs: config.SOCIAL_TYPING_THROTTLE_MS, expiryMs: config.SOCIAL_TYPING_EXPIRY_MS },
      }),
      access: chatPresenceAccess({ rooms: stores.chatRooms, members: stores.chatMembers, blocks: stores.blocks }),
      redis,
      timings: { expiryMs: config.SOCIAL_PRESENCE_EXPIRY_MS },
      metrics: createPresenceMetrics(metrics, () => presenceStore.tracked()),
    });
    return {
      context: (viewer): Context => ({ viewer, chatRooms, chatMessages, chatMembership, chatModeration, presence, guilds, guildWars, guildDrives, loaders: createLoaders(stores) }),
      workers: [new DefaultRoomsWorker(chatRooms, logger), new PresenceSweepWorker(presence, config.SOCIAL_PRESENCE_SWEEP_MS, logger), guildJobs],
      consumer: withPresenceHandlers(
        withPresenceHandlers(withPresenceHandlers(usersConsumer({ blocks: stores.blocks, players: stores.players }), presenceHandlers(presence)), guildLevelHandlers(stores.guilds)),
        guildWarHandlers(guildWars),
      ),
    };
  },
});
