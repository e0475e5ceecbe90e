import type { BlocksStore } from '../store/blocks.store.js';
import type { ChatRoomsStore } from '../store/chat-rooms.store.js';
import type { ChatRoomsService } from './chat-rooms.service.js';
import type { PresenceAccess } from './presence.service.js';

/** Presence's view of chat's rules: who may read a room (ChatRoomsService) and social's projection of blocks. */
export function chatPresenceAccess(deps: { chatRooms: ChatRoomsService; rooms: ChatRoomsStore; blocks: BlocksStore }): PresenceAccess {
  return {
    requireReadable: (viewer, roomId) => deps.chatRooms.requireReadable(viewer, roomId),
    canRead: (viewer, room) => deps.chatRooms.canRead(viewer, room),
    rooms: (roomIds) => deps.rooms.findByIds(roomIds),
    blockedEitherWay: (pairs) => deps.blocks.eitherBlocks(pairs.map(({ viewerId, otherId }) => [viewerId, otherId] as const)),
    blockedRelationsOf: (userId) => deps.blocks.blockedEitherWayOf(userId),
  };
}
