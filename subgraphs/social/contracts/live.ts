// The social subgraph's live channels: what its Subscription resolvers listen to. Published only
// through a unit of work (`work.publish`), so nothing goes out before its commit.
import { defineLiveChannel } from '../../../platform/live.js';

/**
 * A message added to a room, whole, so delivering it reads nothing. Published ones went through
 * JSON, so their date may arrive as a string.
 */
export interface MessageAddedEvent {
  /** The message's position (global, increasing within a room): what its cursor carries. */
  seq: bigint;
  id: string;
  roomId: string;
  authorId: string;
  text: string;
  sentAt: Date | string;
  /**
   * The position of the room's message just before this one (null for its first). Two sends'
   * publishes may arrive in either order; with it a subscriber sends them in position order and
   * fills a gap from storage. Replayed (stored) messages come in order and leave it out.
   */
  previous?: bigint | null;
}

/** One channel per room. */
export const messageAdded = defineLiveChannel<MessageAddedEvent>('social', 'messageAdded');
