import DataLoader from 'dataloader';
import type { ChatMessageRow, ChatMessagesStore, MessagePageKey } from './chat-messages.store.js';
import type { ChatRoomRow, ChatRoomsStore } from './chat-rooms.store.js';
import type { GuildRow, GuildsStore, MembershipRow } from './guilds.store.js';

export interface SocialLoaders {
  chatRoomById: DataLoader<string, ChatRoomRow | undefined>;
  chatMessageById: DataLoader<string, ChatMessageRow | undefined>;
  messagePage: DataLoader<MessagePageKey, ChatMessageRow[], string>;
  guildById: DataLoader<string, GuildRow | undefined>;
  guildMemberCount: DataLoader<string, number>;
  membershipByUserId: DataLoader<string, MembershipRow | undefined>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(stores: { chatRooms: ChatRoomsStore; chatMessages: ChatMessagesStore; guilds: GuildsStore }): SocialLoaders {
  const guildById = new DataLoader<string, GuildRow | undefined>((ids) => stores.guilds.findByIds(ids));
  return {
    chatRoomById: new DataLoader((ids) => stores.chatRooms.findByIds(ids)),
    chatMessageById: new DataLoader((ids) => stores.chatMessages.findByIds(ids)),
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
    guildMemberCount: new DataLoader((ids) => stores.guilds.memberCounts(ids)),
    membershipByUserId: new DataLoader(async (userIds) => {
      const memberships = await stores.guilds.membershipsOf(userIds);
      // The guilds came with the memberships; later Guild lookups in this request reuse them.
      for (const m of memberships) if (m) guildById.prime(m.guild.id, m.guild);
      return memberships;
    }),
  };
}

const pageSignature = ({ request }: MessagePageKey) => `${request.direction}|${request.cursor ?? ''}|${request.take}`;
const messagePageKey = (key: MessagePageKey) => `${key.roomId}|${pageSignature(key)}`;
