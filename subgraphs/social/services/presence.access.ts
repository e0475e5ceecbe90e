import { isRestricted, mayRead } from '../domain/chat-rooms.js';
import type { BlocksStore } from '../store/blocks.store.js';
import type { ChatMembersStore } from '../store/chat-members.store.js';
import type { ChatRoomsStore } from '../store/chat-rooms.store.js';
import { readerOf } from './chat-rooms.service.js';
import type { PresenceAccess } from './presence.service.js';

/**
 * Presence's view of chat's rules: chat's own read rule (mayRead: public rooms for everyone,
 * restricted ones for members), over batched reads of rooms, memberships and social's projection
 * of blocks.
 */
export function chatPresenceAccess(deps: { rooms: ChatRoomsStore; members: ChatMembersStore; blocks: BlocksStore }): PresenceAccess {
  return {
    rooms: (roomIds) => deps.rooms.findByIds(roomIds),
    mayRead: async (requests) => {
      const readers = requests.map(({ viewer }) => readerOf(viewer));
      // Only restricted rooms need a membership read (one query for all); public ones cost nothing.
      const asked = requests.flatMap(({ room }, i) => (isRestricted(room.kind) && readers[i]!.userId ? [i] : []));
      const found = asked.length ? await deps.members.find(asked.map((i) => ({ roomId: requests[i]!.room.id, userId: readers[i]!.userId! }))) : [];
      const isMember = new Set(asked.filter((_, j) => found[j] !== undefined));
      return requests.map(({ room }, i) => mayRead(room, readers[i]!, isMember.has(i)));
    },
    blockedRelationsOf: (userId) => deps.blocks.blockedEitherWayOf(userId),
  };
}
