import type { Role } from '../../../platform/auth.js';
import { BadUserInputError, DomainError, ErrorCode, ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { validateNameText } from '../../../platform/text.js';

/** What a room is for: who may read and write it follows from it (the rules below). */
export type ChatRoomKind = 'GLOBAL' | 'GUILD' | 'PARTY' | 'PRIVATE' | 'SYSTEM';

/** Who may post with sendMessage (the room's setting). */
export type ChatPostPolicy = 'MEMBERS' | 'MODERATORS' | 'NOBODY';

/** A member's place in a room: a PARTY's creator owns it. */
export type ChatMemberRole = 'OWNER' | 'MEMBER';

export interface RoomSpec {
  id: string;
  name: string;
  kind: ChatRoomKind;
  description: string;
  maxMembers: number;
  postPolicy?: ChatPostPolicy;
}

/** The General room every player can use. */
export const GENERAL_ROOM_ID = '00000000-0000-4000-8000-000000000001';
/** The read-only room where the platform posts announcements. */
export const ANNOUNCEMENTS_ROOM_ID = '00000000-0000-4000-8000-000000000002';

/**
 * Rooms that always exist. Ids are fixed so every replica seeding at boot converges on the same
 * rows instead of racing to create duplicates.
 */
export const DEFAULT_ROOMS: readonly RoomSpec[] = [
  {
    id: GENERAL_ROOM_ID,
    name: 'General',
    kind: 'GLOBAL',
    description: 'The game-wide room everyone can join.',
    maxMembers: 10_000,
  },
  {
    id: ANNOUNCEMENTS_ROOM_ID,
    name: 'Announcements',
    kind: 'SYSTEM',
    description: 'News from the game. Read-only: the platform posts here.',
    maxMembers: 1_000_000,
    postPolicy: 'NOBODY',
  },
];

/** Kinds everyone may read, signed in or not, without being a member. */
export const PUBLIC_ROOM_KINDS: readonly ChatRoomKind[] = ['GLOBAL', 'SYSTEM'];

/** Kinds only their members may read; followed live per viewer, checked at every event. */
export const isRestricted = (kind: ChatRoomKind): boolean => !PUBLIC_ROOM_KINDS.includes(kind);

/** Who asks: a signed-in player (with their role) or nobody. */
export interface Reader {
  userId: string | null;
  role: Role | null;
}

/** FORBIDDEN with `extensions.reason`, so a client can tell why without reading the message. */
const forbidden = (message: string, reason: string) => new DomainError(ErrorCode.FORBIDDEN, message, { reason });

export const isStaff = (role: Role | null) => role === 'MODERATOR' || role === 'ADMIN';

/**
 * Whether the reader may read the room (its history, its live stream, its existence): everyone for
 * GLOBAL and SYSTEM rooms; members only for GUILD, PARTY and PRIVATE rooms. Moderators read only
 * what they are members of too: a private conversation stays private (reports show them the message).
 */
export function mayRead(room: { kind: ChatRoomKind }, reader: Reader, isMember: boolean): boolean {
  if (!isRestricted(room.kind)) return true;
  return reader.userId !== null && isMember;
}

/**
 * The room when the reader may read it; NOT_FOUND otherwise, as for an unknown id, so a restricted
 * room's existence is never revealed to outsiders.
 */
export function assertReadable<R extends { kind: ChatRoomKind }>(room: R | undefined, roomId: string, reader: Reader, isMember: boolean): R {
  if (!room || !mayRead(room, reader, isMember)) throw new NotFoundError('ChatRoom', roomId);
  return room;
}

/**
 * Whether a player who may read the room may also post in it with sendMessage: SYSTEM rooms never
 * (announcements have their own mutation), then the room's post policy; in GLOBAL rooms every
 * signed-in player counts as a member. FORBIDDEN with the reason otherwise.
 */
export function assertMayPost(room: { kind: ChatRoomKind; postPolicy: ChatPostPolicy }, role: Role | null): void {
  if (room.kind === 'SYSTEM' || room.postPolicy === 'NOBODY') {
    throw forbidden('This room is read-only: only the platform posts here.', 'READ_ONLY');
  }
  if (room.postPolicy === 'MODERATORS' && !isStaff(role)) throw forbidden('Only moderators can post in this room.', 'MODERATORS_ONLY');
}

/** Whether the room takes joinRoom from a player who is not yet a member: GLOBAL and SYSTEM rooms only. */
export const isOpenToJoin = (kind: ChatRoomKind): boolean => !isRestricted(kind);

/** Whether joining posts "<name> joined the room": not in SYSTEM rooms (read-only) nor PRIVATE ones (two players). */
export const announcesJoin = (kind: ChatRoomKind): boolean => kind === 'GLOBAL' || kind === 'PARTY' || kind === 'GUILD';

/** The system message a join posts. */
export const joinedText = (displayName: string): string => `${displayName} joined the room`;

/**
 * Whether a member may leave with leaveRoom: GUILD rooms follow guild membership and PRIVATE rooms
 * belong to their pair, so neither can be left.
 */
export function assertMayLeave(kind: ChatRoomKind): void {
  if (kind === 'GUILD') throw new ForbiddenError('A guild room follows guild membership: leave the guild instead.');
  if (kind === 'PRIVATE') throw new ForbiddenError('A private conversation cannot be left.');
}

/** Whether one more member fits. */
export function assertRoomHasSpace(room: { memberCount: number; maxMembers: number }): void {
  if (room.memberCount >= room.maxMembers) throw forbidden(`The room is full (${room.maxMembers} members).`, 'ROOM_FULL');
}

/**
 * Who may invite to and kick from a PARTY room: its owner, and moderators/admins. Nobody kicks the
 * owner, nor invites to or kicks from rooms of other kinds (guild rooms follow the guild).
 */
export function assertMayManageMembers(room: { kind: ChatRoomKind }, actor: { role: Role | null; isOwner: boolean }): void {
  if (room.kind !== 'PARTY') throw new ForbiddenError('Only party rooms have invitations and kicks.');
  if (!actor.isOwner && !isStaff(actor.role)) throw new ForbiddenError("Only the party's owner can do this.");
}

/** A kick that would remove the owner, or the kicker themself, is refused. */
export function assertKickable(target: { role: ChatMemberRole; userId: string }, actorId: string): void {
  if (target.userId === actorId) throw new BadUserInputError('Use leaveRoom to leave a room yourself.', 'userId');
  if (target.role === 'OWNER') throw new ForbiddenError("The party's owner cannot be kicked.");
}

/**
 * Who may change a room's settings or mute in it: moderators and admins anywhere; a PARTY's owner
 * in their party.
 */
export function assertMayModerate(room: { kind: ChatRoomKind }, actor: { role: Role | null; isOwner: boolean }): void {
  if (isStaff(actor.role)) return;
  if (room.kind === 'PARTY' && actor.isOwner) return;
  throw new ForbiddenError('Only moderators (or a party’s owner, in their party) can do this.');
}

export const MAX_ROOM_NAME_LENGTH = 50;
export const MAX_SLOW_MODE_SECONDS = 3_600;

/** A party's name as stored: a name other players see (platform/text.ts), 1–50 characters. */
export function validateRoomName(value: string): string {
  return validateNameText(value, { field: 'name', label: 'A room name', maxLength: MAX_ROOM_NAME_LENGTH });
}

/** A party's size: 2 up to the configured most. */
export function validatePartySize(value: number | null | undefined, most: number): number {
  const size = value ?? most;
  if (!Number.isInteger(size) || size < 2 || size > most) throw new BadUserInputError(`A party holds 2–${most} members.`, 'maxMembers');
  return size;
}

/** Slow mode: 0 (off) to an hour. */
export function validateSlowMode(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SLOW_MODE_SECONDS) {
    throw new BadUserInputError(`Slow mode is 0–${MAX_SLOW_MODE_SECONDS} seconds.`, 'slowModeSeconds');
  }
  return seconds;
}

/** The PRIVATE room of a pair, whichever of them opens it: the two ids in order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
