import DataLoader from 'dataloader';
import type { ChatRoomRow, ChatRoomsStore } from './chat-rooms.store.js';
import type { GuildRow, GuildsStore, MembershipRow } from './guilds.store.js';

export interface SocialLoaders {
  chatRoomById: DataLoader<string, ChatRoomRow | undefined>;
  guildById: DataLoader<string, GuildRow | undefined>;
  guildMemberCount: DataLoader<string, number>;
  membershipByUserId: DataLoader<string, MembershipRow | undefined>;
}

/** Fresh per request, so batching never leaks data between viewers. */
export function createLoaders(stores: { chatRooms: ChatRoomsStore; guilds: GuildsStore }): SocialLoaders {
  const guildById = new DataLoader<string, GuildRow | undefined>((ids) => stores.guilds.findByIds(ids));
  return {
    chatRoomById: new DataLoader((ids) => stores.chatRooms.findByIds(ids)),
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
