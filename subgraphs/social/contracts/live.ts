// The social subgraph's live channels: what its Subscription resolvers listen to. Published only
// through a unit of work (`work.publish`), so nothing goes out before its commit.
import { defineLiveChannel } from '../../../platform/live.js';

/**
 * A message added to a room, whole (the stored row), so delivering it reads nothing. Published
 * ones went through JSON, so their dates may arrive as strings.
 */
export interface MessageAddedEvent {
  /** The message's position (global, increasing within a room): what its cursor carries. */
  seq: bigint;
  id: string;
  roomId: string;
  /** Null for messages the platform posts (joins, announcements). */
  authorId: string | null;
  kind: 'PLAYER' | 'MEMBER_JOINED' | 'ANNOUNCEMENT';
  subjectId: string | null;
  text: string;
  originalText: string | null;
  clientMessageId: string | null;
  sentAt: Date | string;
  editedAt: Date | string | null;
  deletedAt: Date | string | null;
  deletedBy: string | null;
  changedSeq: bigint | null;
  recipientId: string | null;
  recipientSeq: bigint | null;
  /**
   * The position of the room's message just before this one (null for its first). Two sends'
   * publishes may arrive in either order; with it a subscriber sends them in position order and
   * fills a gap from storage. Replayed (stored) messages come in order and leave it out.
   */
  previous?: bigint | null;
}

/** One channel per room. */
export const messageAdded = defineLiveChannel<MessageAddedEvent>('social', 'messageAdded');

/**
 * An event of a room's stream (chatRoomEvents, messageUpdated, messageDeleted): the message as it
 * is now (the stored row, as messageAdded carries it), what happened, at which position, and the
 * position of the room's event just before it (null for its first), for gap filling.
 */
export interface RoomEventPayload {
  type: 'ADDED' | 'EDITED' | 'DELETED';
  position: bigint;
  previous: bigint | null;
  message: Omit<MessageAddedEvent, 'previous'>;
}

/** One channel per room: every change to its messages. */
export const roomEvent = defineLiveChannel<RoomEventPayload>('social', 'roomEvent');

/**
 * A private message that reached a player: the message and its position in their inbox, with the
 * position before it (null for their first), for gap filling.
 */
export interface PrivateMessagePayload {
  inboxSeq: bigint;
  previous: bigint | null;
  message: Omit<MessageAddedEvent, 'previous'>;
}

/** One channel per recipient. */
export const privateMessage = defineLiveChannel<PrivateMessagePayload>('social', 'privateMessage');

/** A player came online or went offline in a room. */
export interface PresenceEvent {
  roomId: string;
  userId: string;
  online: boolean;
  /** Epoch milliseconds: the heartbeat that brought them online, or when they went offline. */
  at: number;
  /** Only this viewer receives it (a block hides the player from them); everyone who may otherwise. */
  audience?: string;
}

/**
 * One channel per room. Published by the presence store's Redis scripts, in the same step as the
 * change they tell (there is no transaction to wait for), so they arrive in the order of the changes.
 */
export const presenceChanged = defineLiveChannel<PresenceEvent>('social', 'presenceChanged');

/** A player started or stopped typing in a room. */
export interface TypingEvent {
  roomId: string;
  userId: string;
  typing: boolean;
  /** Epoch milliseconds: while typing, when the indicator goes out unless renewed; absent when stopped. */
  expiresAt?: number;
}

/** One channel per room, published like presenceChanged (by the typing store's script). */
export const typingChanged = defineLiveChannel<TypingEvent>('social', 'typing');

/** A notice in a player's guild inbox (a join request for officers, a decision for the player who asked): the stored row. */
export interface GuildNotificationEvent {
  id: string;
  userId: string;
  kind: 'JOIN_REQUESTED' | 'JOIN_APPROVED' | 'JOIN_REJECTED' | 'INVITED';
  guildId: string;
  guildName: string;
  subjectId: string;
  requestId: string | null;
  createdAt: Date | string;
}

/** One channel per player: their guild notices as they are stored. */
export const guildNotification = defineLiveChannel<GuildNotificationEvent>('social', 'guildNotification');

/** A guild changed (a contribution's XP, a new level): its id; subscribers read it as it is now. */
export interface GuildUpdatedEvent {
  id: string;
}

/** One channel per guild. */
export const guildUpdated = defineLiveChannel<GuildUpdatedEvent>('social', 'guildUpdated');

/** A war changed (started, scored, ended): its id; subscribers read it as it is now. */
export interface GuildWarUpdatedEvent {
  id: string;
}

/** One channel per war. */
export const guildWarUpdated = defineLiveChannel<GuildWarUpdatedEvent>('social', 'guildWarUpdated');
