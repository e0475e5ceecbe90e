import { Repeater } from '@repeaterjs/repeater';
import { LRUCache } from 'lru-cache';
import { requireRole, requireUser, type Viewer } from '../../../platform/auth.js';
import { isUniqueViolation } from '../../../platform/db/errors.js';
import type { Tx } from '../../../platform/db/index.js';
import { BadUserInputError, DomainError, NotFoundError, RateLimitedError } from '../../../platform/errors.js';
import { GroupCommit } from '../../../platform/group-commit.js';
import { isUuid } from '../../../platform/ids.js';
import { resumableStream, subscribeLive } from '../../../platform/live.js';
import { decodeCursor, pageRequest, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import type { RateLimit } from '../../../platform/rate-limit.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { PrismaWork, SqlWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { messageAdded, privateMessage, roomEvent, type MessageAddedEvent, type PrivateMessagePayload, type RoomEventPayload } from '../contracts/live.js';
import {
  assertMayChange,
  assertNotDeleted,
  assertNotMuted,
  assertSameSend,
  assertSlowModeElapsed,
  messageKey,
  parseEventKey,
  parseMessageKey,
  rateError,
  returnsRatePoint,
  typedTextOf,
  validateClientMessageId,
  validateMessageText,
} from '../domain/chat-messages.js';
import { ANNOUNCEMENTS_ROOM_ID, assertMayPost, assertReadable, isRestricted, isStaff, mayRead, pairKey } from '../domain/chat-rooms.js';
import { moderateText } from '../domain/moderation.js';
import type { BlocksStore } from '../store/blocks.store.js';
import type { ChatMembersStore } from '../store/chat-members.store.js';
import { clientKey, type ChatMessageRow, type ChatMessagesStore, type ChatRoomEventRow, type NewMessage } from '../store/chat-messages.store.js';
import type { ChatRoomRow, ChatRoomsStore } from '../store/chat-rooms.store.js';
import type { SocialLoaders } from '../store/loaders.js';
import type { ChatMuteRow, ModerationStore } from '../store/moderation.store.js';
import type { PlayersStore } from '../store/players.store.js';
import { refusalReason, type ChatMetrics } from './chat.metrics.js';
import { readerOf, type ChatRoomsService } from './chat-rooms.service.js';
import { requireKnownPlayer } from './known-players.js';

/** At most this many stored messages (or events) are replayed to a resuming subscriber. */
export const MAX_REPLAY = 1_000;

export interface ChatMessagesServiceDeps {
  work: UnitOfWork;
  store: ChatMessagesStore;
  rooms: ChatRoomsStore;
  members: ChatMembersStore;
  blocks: BlocksStore;
  players: PlayersStore;
  moderation: ModerationStore;
  chatRooms: ChatRoomsService;
  redis: RedisPort;
  /** 3 messages per second per player, shared by every replica (platform/rate-limit.ts). */
  rate: RateLimit;
  /** The configured blocked terms, folded (compileBlockedTerms). */
  blockedTerms: readonly string[];
  metrics: ChatMetrics;
  now?: () => Date;
}

/** A send as the room's lock sees it: who, what, and the idempotency key. */
interface Send {
  authorId: string;
  viewer: Viewer;
  typed: string;
  clientMessageId: string | null;
}

/** A send waiting for its room's next group: what to post, once the room is locked. */
interface RoomSend {
  send: Send;
  roomId: string;
  moderated: ReturnType<typeof moderateText>;
}

/** A send the room refused (muted, slow mode, not a member…): thrown to its caller alone. */
interface Refused {
  refused: unknown;
}

export class ChatMessagesService {
  /**
   * Sends to one room go in groups: one transaction locks the room once and posts every send that
   * arrived while the previous group committed, each checked on its own (a refused one answers its
   * sender and posts nothing). One room's sends are serialized by its lock, so a transaction per
   * message would cap a busy room at one lock hold per message and queue the rest on pool
   * connections (docs/decisions.md "Sends to one room commit in groups").
   */
  private readonly roomSends = new GroupCommit<RoomSend, ChatMessageRow | Refused>({
    commit: (sends) => this.commitRoomSends(sends),
    inFlight: 1,
    maxWeight: 100,
    onGroupFailure: 'each-alone',
  });

  /**
   * A send's retry check, before its rate point: the sends arriving while one lookup runs are
   * looked up together in the next, one statement for all their keys (docs/decisions.md "Retry
   * checks of concurrent sends are looked up together").
   */
  private readonly keyLookups = new GroupCommit<{ authorId: string; clientMessageId: string }, ChatMessageRow | null>({
    commit: async (keys) => {
      const stored = await this.deps.store.findByClientIds(keys);
      return keys.map((key) => stored.get(clientKey(key.authorId, key.clientMessageId)) ?? null);
    },
    inFlight: 1,
    maxWeight: 100,
  });

  /** Rooms seen restricted: their sends skip the open-room path (bounded; a miss costs one empty transaction). */
  private readonly restrictedRooms = new LRUCache<string, true>({ max: 10_000 });

  constructor(private readonly deps: ChatMessagesServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Posts a player's message in a room (sendMessage): see the SDL for every rule and refusal. */
  sendMessage(viewer: Viewer, input: { roomId: string; text: string; clientMessageId?: string | null }): Promise<ChatMessageRow> {
    return this.timedSend(async () => {
      const send = this.validateSend(viewer, input);
      const sameTarget = (stored: ChatMessageRow) => stored.roomId === input.roomId;
      const replay = await this.replayOf(send, sameTarget);
      if (replay) return replay;
      const moderated = moderateText(send.typed, this.deps.blockedTerms);
      return this.spendingRatePoint(send.authorId, () =>
        this.idempotent(send, sameTarget, async () => {
          const result = await this.roomSends.add({ send, roomId: input.roomId, moderated }, input.roomId);
          if ('refused' in result) throw result.refused;
          return result;
        }),
      );
    });
  }

  /**
   * One group of sends to one room, in one unit of work under the room's lock (see roomSends). A
   * busy room is an open one (GLOBAL) without slow mode: nothing to read per send, so its group
   * runs on the SQL port without Prisma's runtime (postOpenGroup). Any other room — restricted
   * (remembered: a room's kind never changes), slow, or unknown — checks each send on Prisma.
   */
  private async commitRoomSends(sends: RoomSend[]): Promise<(ChatMessageRow | Refused)[]> {
    const roomId = sends[0]!.roomId;
    if (!this.restrictedRooms.has(roomId)) {
      const posted = await this.deps.work.runSql(async (work) => {
        // The senders' mutes go out behind the lock in the same round trip (pg's pipeline mode;
        // the server reads them once the lock is held). A room that turns out not to be open and
        // without slow mode wasted one small read: the Prisma path below reads what it needs.
        const [locked, mutes] = await Promise.all([
          this.deps.rooms.lock(work.sql, roomId),
          this.deps.moderation.mutesOf(roomId, sends.map(({ send }) => send.authorId), work.sql),
        ]);
        if (locked && isRestricted(locked.kind)) this.restrictedRooms.set(roomId, true);
        if (!locked || isRestricted(locked.kind) || locked.slowModeSeconds > 0) return null;
        return this.postOpenGroup(work, locked, sends, mutes);
      });
      if (posted) return posted;
    }
    return this.deps.work.run(async (work) => {
      const locked = await this.deps.rooms.lock(work.tx, roomId);
      const results: (ChatMessageRow | Refused)[] = [];
      for (const { send, moderated } of sends) {
        try {
          const member = locked && isRestricted(locked.kind) ? await this.deps.members.findOne(locked.id, send.authorId, work.tx) : undefined;
          const room = assertReadable(locked, roomId, readerOf(send.viewer), Boolean(member));
          assertMayPost(room, send.viewer.role);
          if (room.kind === 'PRIVATE' && (await this.deps.blocks.isEitherBlocking(...pairOf(room), work.tx))) throw new NotFoundError('ChatRoom', room.id);
          await this.assertMayPostNow(work.tx, room, send);
        } catch (refusal) {
          // Checks write nothing: the others of the group go on.
          if (refusal instanceof DomainError) {
            results.push({ refused: refusal });
            continue;
          }
          throw refusal;
        }
        // `post` moves the locked room to its new newest positions: the next send chains after it.
        results.push(await this.post(work, locked!, { authorId: send.authorId, kind: 'PLAYER', ...moderated, clientMessageId: send.clientMessageId }));
      }
      return results;
    });
  }

  /**
   * A group of sends to an open room without slow mode, in a constant number of statements: the
   * senders' mutes in one read (sent with the lock), the accepted messages in one insert, their
   * events in one more; each published as `post` would, chained in position order.
   */
  private async postOpenGroup(work: SqlWork, room: ChatRoomRow, sends: RoomSend[], mutes: Map<string, ChatMuteRow>): Promise<(ChatMessageRow | Refused)[]> {
    const now = this.now();
    const results = new Array<ChatMessageRow | Refused>(sends.length);
    const accepted: number[] = [];
    sends.forEach(({ send }, index) => {
      try {
        assertReadable(room, room.id, readerOf(send.viewer), false);
        assertMayPost(room, send.viewer.role);
        assertNotMuted(mutes.get(send.authorId)?.until, now);
        accepted.push(index);
      } catch (refusal) {
        if (!(refusal instanceof DomainError)) throw refusal;
        results[index] = { refused: refusal };
      }
    });
    if (accepted.length === 0) return results;
    const messages = await this.deps.store.createMany(
      work.sql,
      room.id,
      accepted.map((i) => ({ authorId: sends[i]!.send.authorId, ...sends[i]!.moderated, clientMessageId: sends[i]!.send.clientMessageId })),
    );
    await work.recordAll(
      'chat.message_sent',
      messages.map((m) => ({ messageId: m.id, roomId: m.roomId, authorId: m.authorId!, sentAt: m.sentAt.toISOString() })),
    );
    work.afterCommit(() => void this.deps.metrics.sent.inc({ room_kind: room.kind }, messages.length));
    messages.forEach((message, k) => {
      if (message.authorId !== sends[accepted[k]!]!.send.authorId) throw new Error('chat: a group insert returned its rows out of order');
      work.publish(messageAdded, room.id, { ...message, previous: room.lastSeq } satisfies MessageAddedEvent);
      work.publish(roomEvent, room.id, { type: 'ADDED', position: message.seq, previous: room.lastEventSeq, message } satisfies RoomEventPayload);
      room.lastSeq = message.seq;
      room.lastEventSeq = message.seq;
      results[accepted[k]!] = message;
    });
    return results;
  }

  /**
   * Sends a private message (sendPrivateMessage), opening the pair's PRIVATE room on their first
   * message: both players become its members in the same unit of work.
   */
  sendPrivateMessage(viewer: Viewer, input: { toUserId: string; text: string; clientMessageId?: string | null }): Promise<ChatMessageRow> {
    return this.timedSend(async () => {
      const send = this.validateSend(viewer, input);
      if (input.toUserId === send.authorId) throw new BadUserInputError('You cannot send a private message to yourself.', 'toUserId');
      if (!isUuid(input.toUserId)) throw new NotFoundError('User', input.toUserId);
      await requireKnownPlayer(this.deps.players, input.toUserId);
      const key = pairKey(send.authorId, input.toUserId);
      const sameTarget = (stored: ChatMessageRow) => stored.recipientId === input.toUserId;
      const replay = await this.replayOf(send, sameTarget);
      if (replay) return replay;
      const moderated = moderateText(send.typed, this.deps.blockedTerms);
      // A block looks like an unknown player, as users answers for blocked pairs.
      if (await this.deps.blocks.isEitherBlocking(send.authorId, input.toUserId)) throw new NotFoundError('User', input.toUserId);
      return this.spendingRatePoint(send.authorId, () =>
        this.idempotent(send, sameTarget, () =>
          this.deps.work.run(async (work) => {
            const opened = await this.deps.rooms.ensurePrivate(work.tx, key, send.authorId);
            const room = (await this.deps.rooms.lock(work.tx, opened.id))!;
            for (const userId of [send.authorId, input.toUserId]) {
              if (await this.deps.members.add(work.tx, { roomId: room.id, userId, lastReadSeq: 0n })) {
                await work.record('chat.member_joined', { roomId: room.id, roomKind: 'PRIVATE', userId, byUserId: userId === send.authorId ? null : send.authorId, at: this.now().toISOString() });
              }
            }
            if (await this.deps.blocks.isEitherBlocking(send.authorId, input.toUserId, work.tx)) throw new NotFoundError('User', input.toUserId);
            await this.assertMayPostNow(work.tx, room, send);
            return this.post(work, room, { authorId: send.authorId, kind: 'PLAYER', ...moderated, clientMessageId: send.clientMessageId });
          }),
        ),
      );
    });
  }

  /** Posts an announcement in a SYSTEM room (ADMIN only): no author, masked, no rate limit. */
  async postAnnouncement(viewer: Viewer, input: { text: string; roomId?: string | null }): Promise<ChatMessageRow> {
    requireRole(viewer, ['ADMIN'], 'post announcements');
    const typed = validateMessageText(input.text);
    const roomId = input.roomId ?? ANNOUNCEMENTS_ROOM_ID;
    return this.deps.work.run(async (work) => {
      const room = await this.deps.rooms.lock(work.tx, roomId);
      if (!room || room.kind !== 'SYSTEM') throw new NotFoundError('ChatRoom', roomId);
      const text = moderateText(typed, []);
      return this.post(work, room, { authorId: null, kind: 'ANNOUNCEMENT', ...text });
    });
  }

  /**
   * Stores a message in a locked room and announces it: the domain event for players' messages,
   * and once committed the live publishes (messageAdded for public rooms, the room's event stream,
   * and the recipient's inbox in PRIVATE rooms), each naming the position before its own so a
   * subscriber receiving two commits out of order puts them back in order. Updates `room` to its
   * new newest positions, so a second post in the same unit of work chains after the first.
   */
  async post(work: PrismaWork, room: ChatRoomRow, data: Omit<NewMessage, 'roomId' | 'recipientId' | 'recipientSeq'>): Promise<ChatMessageRow> {
    let inbox: { seq: bigint; previous: bigint | null } | null = null;
    let recipientId: string | null = null;
    if (room.kind === 'PRIVATE' && data.authorId) {
      recipientId = pairOf(room).find((id) => id !== data.authorId) ?? null;
      if (recipientId) inbox = await this.deps.store.nextInboxSeq(work.tx, recipientId);
    }
    const message = await this.deps.store.create(work.tx, { ...data, roomId: room.id, recipientId, recipientSeq: inbox?.seq ?? null });
    if (message.kind === 'PLAYER' && message.authorId) {
      await work.record('chat.message_sent', { messageId: message.id, roomId: message.roomId, authorId: message.authorId, sentAt: message.sentAt.toISOString() });
      work.afterCommit(() => void this.deps.metrics.sent.inc({ room_kind: room.kind }));
    }
    if (!isRestricted(room.kind)) work.publish(messageAdded, room.id, { ...message, previous: room.lastSeq } satisfies MessageAddedEvent);
    work.publish(roomEvent, room.id, { type: 'ADDED', position: message.seq, previous: room.lastEventSeq, message } satisfies RoomEventPayload);
    if (recipientId && inbox) work.publish(privateMessage, recipientId, { inboxSeq: inbox.seq, previous: inbox.previous, message } satisfies PrivateMessagePayload);
    room.lastSeq = message.seq;
    room.lastEventSeq = message.seq;
    return message;
  }

  /** Changes a message's text (editMessage): its author, or a moderator. */
  async editMessage(viewer: Viewer, input: { messageId: string; text: string }): Promise<ChatMessageRow> {
    const actorId = requireUser(viewer);
    const typed = validateMessageText(input.text);
    const moderated = moderateText(typed, this.deps.blockedTerms);
    return this.change(viewer, actorId, input.messageId, async (work, message) => {
      assertMayChange(message, { userId: actorId, role: viewer.role }, 'edit');
      assertNotDeleted(message);
      if (message.text === moderated.text && (message.originalText ?? null) === moderated.originalText) return { message, changed: false };
      return { message: await this.deps.store.change(work.tx, message.id, { kind: 'edit', ...moderated, at: this.now() }), changed: true };
    });
  }

  /** Deletes a message (deleteMessage), leaving a tombstone: its author, or a moderator. */
  async deleteMessage(viewer: Viewer, input: { messageId: string }): Promise<ChatMessageRow> {
    const actorId = requireUser(viewer);
    return this.change(viewer, actorId, input.messageId, async (work, message) => {
      assertMayChange(message, { userId: actorId, role: viewer.role }, 'delete');
      if (message.deletedAt) return { message, changed: false };
      const originalText = message.originalText ?? message.text;
      return { message: await this.deps.store.change(work.tx, message.id, { kind: 'delete', by: actorId, originalText, at: this.now() }), changed: true };
    });
  }

  /** An edit or a deletion under the room's lock, recorded and published when it changed anything. */
  private async change(
    viewer: Viewer,
    actorId: string,
    messageId: string,
    apply: (work: PrismaWork, message: ChatMessageRow) => Promise<{ message: ChatMessageRow; changed: boolean }>,
  ): Promise<ChatMessageRow> {
    const [found] = await this.deps.store.findByIds([messageId]);
    if (!found) throw new NotFoundError('ChatMessage', messageId);
    return this.deps.work.run(async (work) => {
      const room = await this.deps.rooms.lock(work.tx, found.roomId);
      const member = room && isRestricted(room.kind) ? await this.deps.members.findOne(room.id, actorId, work.tx) : undefined;
      // A message in a room the actor may not read is as unknown as the room.
      if (!room || !mayRead(room, readerOf(viewer), Boolean(member))) throw new NotFoundError('ChatMessage', messageId);
      // Read again under the lock: a concurrent edit or deletion committed before it.
      const [message] = await this.deps.store.findByIds([messageId], work.tx);
      const result = await apply(work, message!);
      if (!result.changed) return result.message;
      const changed = result.message;
      const type = changed.deletedAt ? 'DELETED' : 'EDITED';
      await work.record(type === 'DELETED' ? 'chat.message_deleted' : 'chat.message_edited', {
        messageId: changed.id,
        roomId: changed.roomId,
        authorId: changed.authorId,
        changedBy: actorId,
        changedAt: (changed.deletedAt ?? changed.editedAt ?? this.now()).toISOString(),
      });
      work.publish(roomEvent, room.id, { type, position: changed.changedSeq!, previous: room.lastEventSeq, message: changed } satisfies RoomEventPayload);
      return changed;
    });
  }

  /** A room's messages, oldest first, one keyset page (the room was checked readable by whoever resolved it). */
  async listMessages(room: ChatRoomRow, args: ConnectionArgs, loaders: SocialLoaders): Promise<Connection<ChatMessageRow>> {
    const request = pageRequest<unknown>(args);
    const field = request.direction === 'forward' ? 'after' : 'before';
    const page = { ...request, cursor: request.cursor == null ? null : parseMessageKey(request.cursor, field) };
    const rows = await loaders.messagePage.load({ roomId: room.id, request: page });
    return toConnection<ChatMessageRow, unknown>(rows, page, (m) => messageKey(m.seq));
  }

  /** The room's newest messages, oldest first (joinRoom's answer). */
  async newest(roomId: string, count: number): Promise<ChatMessageRow[]> {
    const [rows] = await this.deps.store.pages([roomId], { direction: 'backward', cursor: null, take: count, size: count });
    return rows!.reverse();
  }

  /**
   * New messages in a GLOBAL or SYSTEM room as they are sent, each once, in position order; with
   * `after`, first everything stored after that cursor (up to MAX_REPLAY), with nothing lost or
   * repeated at the seam. Without it the stream starts at the room's newest message as read here,
   * so a send whose publish arrives after a later one's is still delivered, in its place. Other
   * rooms are NOT_FOUND here (they are followed per viewer with chatRoomEvents).
   */
  async messagesAdded(viewer: Viewer, roomId: string, after?: string | null): Promise<AsyncIterableIterator<MessageAddedEvent>> {
    const from = after == null ? null : parseMessageKey(decodeCursor<unknown>(after, 'after'), 'after');
    const room = await this.publicRoom(viewer, roomId);
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

  /** Edits (EDITED) or deletions (DELETED) in a GLOBAL or SYSTEM room, live only. */
  async messageChanges(viewer: Viewer, roomId: string, type: 'EDITED' | 'DELETED'): Promise<AsyncIterableIterator<ChatMessageRow>> {
    await this.publicRoom(viewer, roomId);
    const events = subscribeLive<RoomEventPayload>(this.deps.redis, roomEvent.channel(roomId));
    return new Repeater<ChatMessageRow>(async (push, stop) => {
      void stop.then(() => events.return?.());
      try {
        for await (const event of events) if (event.type === type) await push(messageOfPayload(event.message));
        stop();
      } catch (error) {
        stop(error);
      }
    });
  }

  /**
   * A room's events (added, edited, deleted) for one viewer, resumable by event cursor, each event
   * delivered only if the viewer may still read the room when it arrives (a fresh membership read
   * per event for restricted rooms), so a removed member stops receiving without resubscribing.
   */
  async roomEvents(viewer: Viewer, roomId: string, after?: string | null): Promise<AsyncIterableIterator<ChatRoomEventRow>> {
    requireUser(viewer);
    const from = after == null ? null : parseEventKey(decodeCursor<unknown>(after, 'after'), 'after');
    const room = await this.deps.chatRooms.requireReadable(viewer, roomId);
    const stream = await resumableStream<RoomEventPayload>({
      redis: this.deps.redis,
      channel: roomEvent.channel(roomId),
      after: from ?? room.lastEventSeq ?? 0n,
      storedAfter: async (position, limit) => (await this.deps.store.eventsAfter(roomId, position, limit)).map((e) => ({ ...e, previous: null })),
      position: (event) => BigInt(event.position),
      previous: (event) => (event.previous == null ? null : BigInt(event.previous)),
      maxReplay: MAX_REPLAY,
      tooFar: `More than ${MAX_REPLAY} events happened since this cursor: load the messages with ChatRoom.messages, then subscribe without a cursor.`,
    });
    const restricted = isRestricted(room.kind);
    return keepEach(stream, async () => (restricted ? this.deps.chatRooms.canRead(viewer, room) : true), (event) => ({
      type: event.type,
      position: BigInt(event.position),
      message: messageOfPayload(event.message),
    }));
  }

  /**
   * Private messages that reached the viewer, in inbox order, each once; with `after` (an inbox
   * cursor), first every one stored since. Only the pair's two players are ever members of a
   * PRIVATE room, and a blocked pair's sends are refused, so no per-event check is needed.
   */
  async privateMessages(viewer: Viewer, after?: string | null): Promise<AsyncIterableIterator<ChatMessageRow>> {
    const userId = requireUser(viewer);
    const from = after == null ? null : parseEventKey(decodeCursor<unknown>(after, 'after'), 'after');
    const start = from ?? (await this.inboxPosition(userId));
    const stream = await resumableStream<PrivateMessagePayload>({
      redis: this.deps.redis,
      channel: privateMessage.channel(userId),
      after: start,
      storedAfter: async (position, limit) =>
        (await this.deps.store.inboxAfter(userId, position, limit)).map((message) => ({ inboxSeq: message.recipientSeq!, previous: null, message })),
      position: (event) => BigInt(event.inboxSeq),
      previous: (event) => (event.previous == null ? null : BigInt(event.previous)),
      maxReplay: MAX_REPLAY,
      tooFar: `More than ${MAX_REPLAY} private messages arrived since this cursor: read the rooms' history, then subscribe without a cursor.`,
    });
    return keepEach(stream, async () => true, (event) => messageOfPayload(event.message));
  }

  private inboxPosition(userId: string): Promise<bigint> {
    return this.deps.store.inboxHead(userId);
  }

  /** The room for a shared (public) stream: NOT_FOUND unless GLOBAL or SYSTEM. */
  private async publicRoom(viewer: Viewer, roomId: string): Promise<ChatRoomRow> {
    const room = await this.deps.chatRooms.requireReadable(viewer, roomId);
    if (isRestricted(room.kind)) throw new NotFoundError('ChatRoom', roomId);
    return room;
  }

  private validateSend(viewer: Viewer, input: { text: string; clientMessageId?: string | null }): Send {
    const authorId = requireUser(viewer);
    return { authorId, viewer, typed: validateMessageText(input.text), clientMessageId: validateClientMessageId(input.clientMessageId) };
  }

  /** The message a retried send stored already (same key, same message), or null; CONFLICT for a key reused for another message. */
  private async replayOf(send: Send, sameTarget: (stored: ChatMessageRow) => boolean): Promise<ChatMessageRow | null> {
    if (!send.clientMessageId) return null;
    const stored = await this.keyLookups.add({ authorId: send.authorId, clientMessageId: send.clientMessageId });
    if (!stored) return null;
    assertSameSend({ sameTarget: sameTarget(stored), typed: typedTextOf(stored) }, send.typed);
    return stored;
  }

  /** Runs the send; when a concurrent retry with the same key committed first, answers its message (or CONFLICT). */
  private async idempotent(send: Send, sameTarget: (stored: ChatMessageRow) => boolean, run: () => Promise<ChatMessageRow>): Promise<ChatMessageRow> {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A lookup queued now runs after that commit (never in a batch already in flight).
      const stored = await this.replayOf(send, sameTarget);
      if (!stored) throw error;
      return stored;
    }
  }

  /**
   * Takes the sender's rate point (RATE_LIMITED past the limit), then runs the send; a send the
   * room refused gives its point back (returnsRatePoint).
   */
  private async spendingRatePoint(authorId: string, run: () => Promise<ChatMessageRow>): Promise<ChatMessageRow> {
    try {
      await this.deps.rate.consume(authorId);
    } catch (error) {
      if (error instanceof RateLimitedError) throw rateError(Number(error.details.retryAfterMs));
      throw error;
    }
    try {
      return await run();
    } catch (error) {
      // Best effort: a refund lost to a Redis hiccup costs the player one point for a second.
      if (returnsRatePoint(error)) await this.deps.rate.limiter.reward(authorId, 1).catch(() => undefined);
      throw error;
    }
  }

  /** Mute and slow mode, read under the room's lock (moderators are exempt from slow mode). */
  private async assertMayPostNow(tx: Tx, room: ChatRoomRow, send: Send): Promise<void> {
    const now = this.now();
    assertNotMuted((await this.deps.moderation.muteOf(room.id, send.authorId, tx))?.until, now);
    if (room.slowModeSeconds > 0 && !isStaff(send.viewer.role)) {
      assertSlowModeElapsed(room.slowModeSeconds, await this.deps.store.lastSentAt(tx, room.id, send.authorId), now);
    }
  }

  /** Times a send and counts it as sent or refused (by reason). */
  private async timedSend(send: () => Promise<ChatMessageRow>): Promise<ChatMessageRow> {
    const { metrics } = this.deps;
    const stop = metrics.duration.startTimer();
    try {
      const message = await send();
      return message;
    } catch (error) {
      metrics.refused.inc({ reason: refusalReason(error) });
      throw error;
    } finally {
      stop();
    }
  }
}

/** The two players of a PRIVATE room, from its pair key. */
export function pairOf(room: { pairKey: string | null }): [string, string] {
  const [a, b] = (room.pairKey ?? ':').split(':');
  return [a!, b!];
}

/**
 * The stream's events that pass `keep` (checked as each arrives), mapped; it ends when the source
 * ends, with its error.
 */
function keepEach<T, R>(source: AsyncIterableIterator<T>, keep: (event: T) => Promise<boolean>, map: (event: T) => R): AsyncIterableIterator<R> {
  return new Repeater<R>(async (push, stop) => {
    void stop.then(() => source.return?.());
    try {
      for await (const event of source) if (await keep(event)) await push(map(event));
      stop();
    } catch (error) {
      stop(error);
    }
  });
}

/** A published message (dates as strings after JSON) as the row the ChatMessage resolvers expect. */
export function messageOfPayload(message: Omit<MessageAddedEvent, 'previous'> | ChatMessageRow): ChatMessageRow {
  const date = (v: Date | string | null) => (v == null ? null : new Date(v));
  const big = (v: bigint | string | number | null) => (v == null ? null : BigInt(v));
  return {
    ...(message as ChatMessageRow),
    seq: BigInt(message.seq),
    sentAt: new Date(message.sentAt),
    editedAt: date(message.editedAt),
    deletedAt: date(message.deletedAt),
    changedSeq: big(message.changedSeq),
    recipientSeq: big(message.recipientSeq),
  };
}

/** An event as the row the ChatMessage resolvers expect. */
export const messageOfEvent = ({ previous: _previous, ...event }: MessageAddedEvent): ChatMessageRow => messageOfPayload(event);
