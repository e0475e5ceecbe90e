import DataLoader from 'dataloader';
import { UNREAD_CAP } from '../domain/chat-messages.js';
import { memberKey, type ChatMemberRow, type ChatMembersStore, type MemberKey } from './chat-members.store.js';
import type { ChatMessageRow, ChatMessagesStore, MessagePageKey } from './chat-messages.store.js';
import type { ChatRoomRow, ChatRoomsStore } from './chat-rooms.store.js';
import type { ContributionDriveRow, DriveContributorRow, GuildDrivesStore, TopContributorsKey } from './guild-drives.store.js';
import type { GuildWarRow, GuildWarsStore, TopScorersKey, WarPageKey, WarScorerRow } from './guild-wars.store.js';
import type { GuildPagesCache } from './guild-pages.cache.js';
import { memberPageShape, type GuildMemberRow, type GuildRow, type GuildsStore, type MemberPageKey, type MembershipRow } from './guilds.store.js';

export interface SocialLoaders {
  chatRoomById: DataLoader<string, ChatRoomRow | undefined>;
  chatMessageById: DataLoader<string, ChatMessageRow | undefined>;
  /** Messages by position (a room's newest, from its last_seq). */
  chatMessageBySeq: DataLoader<bigint, ChatMessageRow | undefined, string>;
  /** A player's membership of a room. */
  membership: DataLoader<MemberKey, ChatMemberRow | undefined, string>;
  /** Each room's members, longest-standing first. */
  roomMembers: DataLoader<string, ChatMemberRow[]>;
  /** A member's unread messages in a room (capped at UNREAD_CAP). */
  unreadCount: DataLoader<MemberKey, number, string>;
  messagePage: DataLoader<MessagePageKey, ChatMessageRow[], string>;
  guildById: DataLoader<string, GuildRow | undefined>;
  membershipByUserId: DataLoader<string, MembershipRow | undefined>;
  guildByTag: DataLoader<string, GuildRow | undefined>;
  /** One page of a guild's members: every guild's page in one statement. */
  guildMemberPage: DataLoader<MemberPageKey, GuildMemberRow[], string>;
  guildWarById: DataLoader<string, GuildWarRow | undefined>;
  /** One page of a guild's wars: every guild's page in one statement. */
  guildWarPage: DataLoader<WarPageKey, GuildWarRow[], string>;
  /** One side's top scorers of a war: every war's in one statement. */
  warTopScorers: DataLoader<TopScorersKey, WarScorerRow[], string>;
  /** A guild's ACTIVE contribution drive. */
  activeDrive: DataLoader<string, ContributionDriveRow | undefined>;
  /** A guild's recent drives: every guild's in one statement. */
  recentDrives: DataLoader<string, ContributionDriveRow[]>;
  /** A drive's top contributors: every drive's in one statement. */
  driveTopContributors: DataLoader<TopContributorsKey, DriveContributorRow[], string>;
}

/**
 * Forgets what the loaders read: a subscription keeps one context for all its events, and each
 * event must be resolved as things are now (a guild's drive, a war's scorers, a member count).
 */
export function forgetReads(loaders: SocialLoaders): void {
  for (const loader of Object.values(loaders) as DataLoader<unknown, unknown>[]) loader.clearAll();
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(stores: {
  chatRooms: ChatRoomsStore;
  chatMessages: ChatMessagesStore;
  chatMembers: ChatMembersStore;
  guilds: GuildsStore;
  guildWars: GuildWarsStore;
  guildDrives: GuildDrivesStore;
  guildPages?: GuildPagesCache;
}): SocialLoaders {
  const guildById = new DataLoader<string, GuildRow | undefined>((ids) => stores.guilds.findByIds(ids));
  return {
    chatRoomById: new DataLoader((ids) => stores.chatRooms.findByIds(ids)),
    chatMessageById: new DataLoader((ids) => stores.chatMessages.findByIds(ids)),
    chatMessageBySeq: new DataLoader((seqs: readonly bigint[]) => stores.chatMessages.findBySeqs(seqs), { cacheKeyFn: String }),
    membership: new DataLoader((keys) => stores.chatMembers.find(keys), { cacheKeyFn: memberKey }),
    roomMembers: new DataLoader((roomIds) => stores.chatMembers.membersOf(roomIds)),
    unreadCount: new DataLoader((keys) => stores.chatMembers.unreadCounts(keys, UNREAD_CAP), { cacheKeyFn: memberKey }),
    messagePage: new DataLoader(
      async (keys) => {
        // Rooms asked for with the same page (the usual case: a list of rooms, each with `last: n`) share one query.
        const groups = new Map<string, MessagePageKey[]>();
        for (const key of keys) groups.set(pageSignature(key), [...(groups.get(pageSignature(key)) ?? []), key]);
        const pages = new Map<string, ChatMessageRow[]>();
        for (const group of groups.values()) {
          const rows = await stores.chatMessages.pages(group.map((k) => k.roomId), group[0]!.request);
          group.forEach((key, i) => pages.set(messagePageKey(key), rows[i]!));
        }
        return keys.map((key) => pages.get(messagePageKey(key))!);
      },
      { cacheKeyFn: messagePageKey },
    ),
    guildById,
    membershipByUserId: new DataLoader(async (userIds) => {
      const memberships = await stores.guilds.membershipsOf(userIds);
      // The guilds came with the memberships; later Guild lookups in this request reuse them.
      for (const m of memberships) if (m) guildById.prime(m.guild.id, m.guild);
      return memberships;
    }),
    guildByTag: new DataLoader((tags) => stores.guilds.findByTags(tags)),
    guildMemberPage: new DataLoader((keys) => (stores.guildPages ? cachedMemberPages(stores.guilds, stores.guildPages, keys) : stores.guilds.memberPages(keys)), {
      cacheKeyFn: (k) => `${k.guildId}|${memberPageShape(k)}`,
    }),
    guildWarById: new DataLoader((ids) => stores.guildWars.findByIds(ids)),
    guildWarPage: new DataLoader((keys) => stores.guildWars.pages(keys), {
      cacheKeyFn: (k) => `${k.guildId}|${k.request.cursor?.at.toISOString() ?? ''}|${k.request.cursor?.id ?? ''}|${k.request.take}`,
    }),
    warTopScorers: new DataLoader((keys) => stores.guildWars.topScorers(keys), { cacheKeyFn: (k) => `${k.warId}|${k.side}|${k.take}` }),
    activeDrive: new DataLoader((guildIds) => stores.guildDrives.activeOf(guildIds)),
    recentDrives: new DataLoader((guildIds) => stores.guildDrives.recentOf(guildIds)),
    driveTopContributors: new DataLoader((keys) => stores.guildDrives.topContributors(keys), { cacheKeyFn: (k) => `${k.driveId}|${k.take}` }),
  };
}

/**
 * Member pages from the guild page cache where it holds them at the version the request read,
 * the rest in one statement, then cached (docs/decisions.md, "Guild pages are cached by version").
 */
async function cachedMemberPages(guilds: GuildsStore, cache: GuildPagesCache, keys: readonly MemberPageKey[]): Promise<GuildMemberRow[][]> {
  const versioned = keys.map((k) => k.version !== undefined);
  const cached = await cache.memberPages(keys.filter((_, i) => versioned[i]).map((k) => ({ guildId: k.guildId, version: k.version!, shape: memberPageShape(k) })));
  const pages: (GuildMemberRow[] | undefined)[] = [];
  let next = 0;
  for (let i = 0; i < keys.length; i++) pages.push(versioned[i] ? cached[next++] : undefined);
  const missing = keys.map((_, i) => i).filter((i) => pages[i] === undefined);
  const read = missing.length ? await guilds.memberPages(missing.map((i) => keys[i]!)) : [];
  const toSave = new Map<string, { version: number; pages: { shape: string; rows: GuildMemberRow[] }[] }>();
  missing.forEach((i, j) => {
    pages[i] = read[j]!;
    const key = keys[i]!;
    if (key.version === undefined) return;
    const save = toSave.get(key.guildId) ?? { version: key.version, pages: [] };
    save.pages.push({ shape: memberPageShape(key), rows: read[j]! });
    toSave.set(key.guildId, save);
  });
  await Promise.all([...toSave].map(([guildId, save]) => cache.saveMemberPages(guildId, save.version, save.pages)));
  return pages as GuildMemberRow[][];
}

const pageSignature = ({ request }: MessagePageKey) => `${request.direction}|${request.cursor ?? ''}|${request.take}`;
const messagePageKey = (key: MessagePageKey) => `${key.roomId}|${pageSignature(key)}`;
