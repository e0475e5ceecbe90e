import { requireUser, type Viewer } from '../../../platform/auth.js';
import type { PrismaClient } from '../../../platform/db/index.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { decodeCursor, pageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { liveChannel, publishLive, resumableStream } from '../../../platform/live.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { assertChatAllowed, messageKey, parseMessageKey, validateMessageText } from '../domain/chat-messages.js';
import type { ChatMessageRow, ChatMessagesStore } from '../store/chat-messages.store.js';
import type { ChatRoomRow, ChatRoomsStore } from '../store/chat-rooms.store.js';
import type { SocialLoaders } from '../store/loaders.js';

/**
 * What a messageAdded event carries: the whole message, so delivering it reads nothing. Replayed
 * events are rows; published ones went through JSON, so their date arrives as a string.
 */
export type MessageAddedEvent = Omit<ChatMessageRow, 'sentAt'> & { sentAt: Date | string };

/** At most this many stored messages are replayed to a resuming subscriber. */
export const MAX_REPLAY = 1_000;

const messageChannel = (roomId: string) => liveChannel('social', 'messageAdded', roomId);

export class ChatMessagesService {
  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      store: ChatMessagesStore;
      rooms: ChatRoomsStore;
      redis: RedisPort;
      /** Called after a commit that wrote domain events (pokes the outbox relay). */
      onEventsCommitted: () => void;
    },
  ) {}

  async sendMessage(viewer: Viewer, input: { roomId: string; text: string }): Promise<ChatMessageRow> {
    const authorId = requireUser(viewer);
    const text = validateMessageText(input.text);
    const { prisma, store, redis } = this.deps;
    const sent = await prisma.$transaction(async (tx) => {
      assertChatAllowed(await store.lockRoom(tx, input.roomId), input.roomId);
      const message = await store.create(tx, { roomId: input.roomId, authorId, text });
      await recordEvent(tx, 'social', 'chat.message_sent', {
        messageId: message.id,
        roomId: message.roomId,
        authorId: message.authorId,
        sentAt: message.sentAt.toISOString(),
      });
      // Published while the room is still locked, so events leave in position order: a resuming
      // subscriber drops any event at or before the last one it has, and a late, lower one would
      // be lost. The cost is a message seen live but not kept if the commit itself then fails.
      await publishLive(redis, messageChannel(message.roomId), message satisfies MessageAddedEvent);
      return message;
    });
    this.deps.onEventsCommitted();
    return sent;
  }

  /** A room's messages, oldest first, one keyset page. */
  async listMessages(room: ChatRoomRow, args: ConnectionArgs, loaders: SocialLoaders): Promise<Connection<ChatMessageRow>> {
    assertChatAllowed(room, room.id);
    const request = pageRequest<unknown>(args);
    const field = request.direction === 'forward' ? 'after' : 'before';
    const page = { ...request, cursor: request.cursor == null ? null : parseMessageKey(request.cursor, field) };
    const rows = await loaders.messagePage.load({ roomId: room.id, request: page });
    return toConnection<ChatMessageRow, unknown>(rows, page, (m) => messageKey(m.seq));
  }

  /**
   * New messages in a room as they are sent; with `after`, first everything stored after that
   * cursor (up to MAX_REPLAY), with nothing lost or repeated at the seam.
   */
  async messagesAdded(roomId: string, after?: string | null): Promise<AsyncIterableIterator<MessageAddedEvent>> {
    const from = after == null ? null : parseMessageKey(decodeCursor<unknown>(after, 'after'), 'after');
    // Read fresh: a subscription outlives any request's loaders.
    const [room] = await this.deps.rooms.findByIds([roomId]);
    assertChatAllowed(room, roomId);
    return resumableStream<MessageAddedEvent>({
      redis: this.deps.redis,
      channel: messageChannel(roomId),
      after: from,
      storedAfter: (position, limit) => this.deps.store.after(roomId, position, limit),
      position: (event) => event.seq,
      maxReplay: MAX_REPLAY,
      tooFar: `More than ${MAX_REPLAY} messages were sent since this cursor: load them with ChatRoom.messages(after:), then subscribe with the newest cursor.`,
    });
  }
}

/** An event as the row the ChatMessage resolvers expect. */
export const messageOfEvent = (event: MessageAddedEvent): ChatMessageRow => ({ ...event, sentAt: new Date(event.sentAt) });
