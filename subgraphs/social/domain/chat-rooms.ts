/** What a room is for: who may read and write it follows from it (see chat-messages.ts). */
export type ChatRoomKind = 'GLOBAL' | 'GUILD' | 'PARTY' | 'PRIVATE' | 'SYSTEM';

export interface RoomSpec {
  id: string;
  name: string;
  kind: ChatRoomKind;
  description: string;
  maxMembers: number;
}

/**
 * Rooms that always exist. Ids are fixed so every replica seeding at boot converges on the same
 * rows instead of racing to create duplicates.
 */
export const DEFAULT_ROOMS: readonly RoomSpec[] = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'General',
    kind: 'GLOBAL',
    description: 'The game-wide room everyone can join.',
    maxMembers: 10_000,
  },
];
