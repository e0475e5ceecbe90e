import { requireUser, type Viewer } from '../../../platform/auth.js';
import { decodeCursor, pageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { resumableStream } from '../../../platform/live.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { messageAdded, type MessageAddedEvent } from '../contracts/live.js';
import { assertChatAllowed, messageKey, parseMessageKey, validateMessageText } from '../domain/chat-messages.js';
import type { ChatMessageRow, ChatMessagesStore } from '../store/chat-messages.store.js';
import type { ChatRoomRow, ChatRoomsStore } from '../store/chat-rooms.store.js';
import type { SocialLoaders } from '../store/loaders.js';

/** At most this many stored messages are replayed to a resuming subscriber. */
export const MAX_REPLAY = 1_000;

export class ChatMessagesService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      store: ChatMessagesStore;
      rooms: ChatRoomsStore;
      redis: RedisPort;
    },
  ) {}

  async sendMessage(viewer: Viewer, input: { roomId: string; text: string }): Promise<ChatMessageRow> {
    const authorId = requireUser(viewer);
    const text = validateMessageText(input.text);
    const { work, store } = this.deps;
    return work.run(async ({ tx, record, publish }) => {
      const room = await store.lockRoom(tx, input.roomId);
      assertChatAllowed(room, input.roomId);
      const message = await store.create(tx, { roomId: input.roomId, authorId, text });
      await record('chat.message_sent', {
        messageId: message.id,
        roomId: message.roomId,
        authorId,
        sentAt: message.sentAt.toISOString(),
      });
      // Goes out after the commit, so two sends may publish in either order: `previous` (read
      // under the room's lock) lets a subscriber put them back in order and fill a gap.
      publish(messageAdded, message.roomId, { ...message, previous: room.lastSeq } satisfies MessageAddedEvent);
      return message;
    });
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
   * New messages in a room as they are sent, each once, in position order; with `after`, first
   * everything stored after that cursor (up to MAX_REPLAY), with nothing lost or repeated at the
   * seam. Without it the stream starts at the room's newest message as read here, so a send
   * whose publish arrives after a later one's is still delivered, in its place.
   */
  async messagesAdded(roomId: string, after?: string | null): Promise<AsyncIterableIterator<MessageAddedEvent>> {
    const from = after == null ? null : parseMessageKey(decodeCursor<unknown>(after, 'after'), 'after');
    // Read fresh: a subscription outlives any request's loaders.
    const [room] = await this.deps.rooms.findByIds([roomId]);
    assertChatAllowed(room, roomId);
    return resumableStream<MessageAddedEvent>({
      redis: this.deps.redis,
      channel: messageAdded.channel(roomId),
      after: from ?? room.lastSeq ?? 0n,
      storedAfter: (position, limit) => this.deps.store.after(roomId, position, limit),
      position: (event) => event.seq,
      previous: (event) => event.previous ?? null,
      maxReplay: MAX_REPLAY,
      tooFar: `More than ${MAX_REPLAY} messages were sent since this cursor: load them with ChatRoom.messages(after:), then subscribe with the newest cursor.`,
    });
  }
}

/** An event as the row the ChatMessage resolvers expect. */
export const messageOfEvent = ({ previous: _previous, ...event }: MessageAddedEvent): ChatMessageRow => ({
  ...event,
  sentAt: new Date(event.sentAt),
  editedAt: event.editedAt == null ? null : new Date(event.editedAt),
  deletedAt: event.deletedAt == null ? null : new Date(event.deletedAt),
});
