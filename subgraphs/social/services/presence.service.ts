import { Repeater } from '@repeaterjs/repeater';
import DataLoader from 'dataloader';
import { requireUser, type Viewer } from '../../../platform/auth.js';
import { NotFoundError } from '../../../platform/errors.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { presenceChanged, typingChanged, type PresenceEvent, type TypingEvent } from '../contracts/live.js';
import {
  heartbeatIntervalSeconds,
  onlineUntil,
  seesPresenceOf,
  validateOnlineMembersFirst,
  validatePresenceRooms,
  type PresenceTimings,
} from '../domain/presence.js';
import type { ChatRoomRow } from '../store/chat-rooms.store.js';
import type { PresenceStore } from '../store/presence.store.js';
import type { TypingStore } from '../store/typing.store.js';
import type { PresenceMetrics } from './presence.metrics.js';

/**
 * What presence needs from the rest of chat: who may read a room, and who blocked whom (social's
 * projection of users' blocks). presence.access.ts implements it over chat's rules and stores.
 */
export interface PresenceAccess {
  /** The rooms, in order, undefined where unknown, whoever asks. */
  rooms(roomIds: readonly string[]): Promise<(ChatRoomRow | undefined)[]>;
  /** For each viewer and room, whether the viewer may read the room now: one query for any number. */
  mayRead(requests: readonly { viewer: Viewer; room: ChatRoomRow }[]): Promise<boolean[]>;
  /** Everyone the player blocked or who blocked them. */
  blockedRelationsOf(userId: string): Promise<string[]>;
}

/** Expired entries removed per sweep script run: one run stays short however many expire at once. */
const SWEEP_BATCH = 500;

export class PresenceService {
  /**
   * Checks batched per tick, never cached: an event reaches all of a room's local subscribers in
   * the same tick, and a list of rooms resolves its presence fields in the same tick, so each kind
   * of check is one query however many streams or rooms ask.
   */
  private readonly blocks: DataLoader<{ viewerId: string; otherId: string }, boolean, string>;
  private readonly readers: DataLoader<{ viewer: Viewer; room: ChatRoomRow }, boolean, string>;
  private readonly relations: DataLoader<string, string[]>;

  constructor(
    private readonly deps: {
      store: PresenceStore;
      typing: TypingStore;
      access: PresenceAccess;
      redis: RedisPort;
      timings: PresenceTimings;
      metrics?: PresenceMetrics;
      now?: () => number;
    },
  ) {
    this.readers = new DataLoader((requests) => deps.access.mayRead(requests), { cache: false, maxBatchSize: 1_000 });
    // An event's subscribers all ask about the same player: their relations are one read.
    this.blocks = new DataLoader(
      async (pairs) => {
        const others = [...new Set(pairs.map((p) => p.otherId))];
        const relations = await this.relations.loadMany(others);
        const of = new Map(others.map((id, i) => [id, relations[i] instanceof Error ? relations[i] : new Set(relations[i])] as const));
        return pairs.map(({ viewerId, otherId }) => {
          const related = of.get(otherId)!;
          return related instanceof Error ? related : related.has(viewerId);
        });
      },
      { cache: false },
    );
    this.relations = new DataLoader(
      async (userIds) => {
        // Uncached loaders pass repeated keys through: one read per player.
        const distinct = [...new Set(userIds)];
        const lists = new Map(await Promise.all(distinct.map(async (id) => [id, await deps.access.blockedRelationsOf(id)] as const)));
        return userIds.map((id) => lists.get(id)!);
      },
      { cache: false },
    );
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** Online in every room until the expiry; nothing changes unless the player may read all of them. */
  async heartbeat(viewer: Viewer, roomIds: readonly string[]) {
    const userId = requireUser(viewer);
    const rooms = await this.readableRooms(viewer, validatePresenceRooms(roomIds));
    const now = this.now();
    const until = onlineUntil(now, this.deps.timings);
    const came = await this.deps.store.heartbeat(userId, rooms.map((r) => r.id), now, until);
    this.deps.metrics?.transitions.inc({ online: 'true' }, came);
    return { rooms, onlineUntil: new Date(until), heartbeatIntervalSeconds: heartbeatIntervalSeconds(this.deps.timings) };
  }

  /**
   * Offline in every room now. Rooms the player may read, and rooms they are still online in (a
   * member removed since their last heartbeat): any other is NOT_FOUND, as for an unknown id.
   */
  async goOffline(viewer: Viewer, roomIds: readonly string[]) {
    const userId = requireUser(viewer);
    const ids = validatePresenceRooms(roomIds);
    const now = this.now();
    const found = await this.deps.access.rooms(ids);
    const known = found.filter((room) => room !== undefined);
    const [readable, online] = await Promise.all([
      this.deps.access.mayRead(known.map((room) => ({ viewer, room }))),
      Promise.all(known.map((room) => this.deps.store.onlineAmong(room.id, [userId], now))),
    ]);
    const allowed = new Set(known.filter((_, i) => readable[i] || online[i]!.length > 0));
    const rooms = found.map((room, i) => {
      if (!room || !allowed.has(room)) throw new NotFoundError('ChatRoom', ids[i]!);
      return room;
    });
    const left = await this.deps.store.leave(userId, rooms.map((r) => r.id), now);
    this.deps.metrics?.transitions.inc({ online: 'false' }, left);
    return { rooms };
  }

  /** A player who is no longer a member of the room goes offline there (chat.member_left); no event when they were not online. */
  async removeFromRoom(roomId: string, userId: string): Promise<void> {
    const left = await this.deps.store.leave(userId, [roomId], this.now());
    this.deps.metrics?.transitions.inc({ online: 'false' }, left);
  }

  /**
   * After a block between two players: each is told the other went offline in every room where
   * the other is online now (events for that one viewer), so a list they built from earlier events
   * drops the other. Later events between them are dropped by the per-event check.
   */
  async hideFromEachOther(a: string, b: string): Promise<void> {
    const now = this.now();
    const [roomsOfA, roomsOfB] = await Promise.all([this.deps.store.roomsOf(a, now), this.deps.store.roomsOf(b, now)]);
    const hide = (userId: string, audience: string) => (roomId: string) =>
      presenceChanged.publish(this.deps.redis, roomId, { roomId, userId, online: false, at: now, audience } satisfies PresenceEvent);
    await Promise.all([...roomsOfA.map(hide(a, b)), ...roomsOfB.map(hide(b, a))]);
  }

  /** Typing or stopped, throttled and coalesced (domain/typing.ts). */
  async setTyping(viewer: Viewer, roomId: string, typing: boolean) {
    const userId = requireUser(viewer);
    const [room] = await this.readableRooms(viewer, [roomId]);
    const event = await this.deps.typing.set(room!.id, userId, typing, this.now());
    if (event) this.deps.metrics?.typingEvents.inc({ typing: String(event.typing) });
    return { room: room!, sent: event !== null, expiresAt: event?.expiresAt == null ? null : new Date(event.expiresAt) };
  }

  /**
   * The room's online players the viewer may see, latest heartbeat first. Reads past the players
   * hidden by blocks, a page at a time, so a viewer with blocks still gets `first` when there are.
   */
  async onlineMembers(viewer: Viewer, room: ChatRoomRow, first: number | null | undefined): Promise<string[]> {
    const userId = requireUser(viewer);
    const wanted = validateOnlineMembersFirst(first);
    await this.requireCanRead(viewer, room);
    const hidden = new Set(await this.relations.load(userId));
    const now = this.now();
    const members: string[] = [];
    for (let offset = 0; members.length < wanted; offset += wanted + hidden.size) {
      const page = await this.deps.store.online(room.id, now, offset, wanted + hidden.size);
      members.push(...page.filter((id) => !hidden.has(id)));
      if (page.length < wanted + hidden.size) break;
    }
    return members.slice(0, wanted);
  }

  /** How many are online, less those hidden from the viewer by a block. */
  async onlineCount(viewer: Viewer, room: ChatRoomRow): Promise<number> {
    const userId = requireUser(viewer);
    await this.requireCanRead(viewer, room);
    const now = this.now();
    const [total, hidden] = await Promise.all([
      this.deps.store.onlineCount(room.id, now),
      this.relations.load(userId).then((ids) => this.deps.store.onlineAmong(room.id, ids, now)),
    ]);
    return Math.max(0, total - hidden.length);
  }

  /** The room's presence events the viewer may see, checked per event (seesPresenceOf). */
  presenceChanges(viewer: Viewer, roomId: string): Promise<AsyncIterableIterator<PresenceEvent>> {
    return this.roomStream(viewer, roomId, (redis, id) => presenceChanged.subscribe(redis, id));
  }

  /** The room's typing events the viewer may see, checked per event like presence. */
  typingChanges(viewer: Viewer, roomId: string): Promise<AsyncIterableIterator<TypingEvent>> {
    return this.roomStream(viewer, roomId, (redis, id) => typingChanged.subscribe(redis, id));
  }

  /**
   * Removes what expired and tells the rooms, in batches until none is left. Safe on every replica
   * at once: each entry is removed, and its event published, by exactly one script run.
   */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const swept = await this.deps.store.sweep(this.now(), SWEEP_BATCH);
      total += swept;
      if (swept < SWEEP_BATCH) break;
    }
    this.deps.metrics?.transitions.inc({ online: 'false' }, total);
    return total;
  }

  /** Players online or waiting for their sweep across every room (the online gauge). */
  tracked(): Promise<number> {
    return this.deps.store.tracked();
  }

  /**
   * A room's live events for one viewer: checked at subscribe time (NOT_FOUND), then
   * each event again, in order, with the room's current rules and blocks (a fresh read per event;
   * the stream lives for hours).
   */
  private async roomStream<E extends { userId: string; audience?: string }>(
    viewer: Viewer,
    roomId: string,
    subscribe: (redis: RedisPort, roomId: string) => AsyncIterableIterator<E>,
  ): Promise<AsyncIterableIterator<E>> {
    const viewerId = requireUser(viewer);
    // A room's kind never changes; who may read it (membership) is checked per event.
    const [room] = await this.readableRooms(viewer, [roomId]);
    const events = subscribe(this.deps.redis, roomId);
    return new Repeater<E>(async (push, stop) => {
      void stop.then(() => events.return?.());
      for await (const event of events) {
        // An event with an audience (a block hiding its player) is for that viewer alone.
        const sent =
          event.audience === undefined ? this.sees(viewer, viewerId, room!, event.userId) : event.audience === viewerId && this.readers.load({ viewer, room: room! });
        if (await sent) await push(event);
      }
      stop();
    });
  }

  private async sees(viewer: Viewer, viewerId: string, room: ChatRoomRow, otherId: string): Promise<boolean> {
    const [mayReadRoom, blockedEitherWay] = await Promise.all([
      this.readers.load({ viewer, room }),
      viewerId === otherId ? false : this.blocks.load({ viewerId, otherId }),
    ]);
    return seesPresenceOf({ mayReadRoom, blockedEitherWay });
  }

  /** The rooms, each one the viewer may read: NOT_FOUND at the first unknown or not theirs (as chat answers). */
  private async readableRooms(viewer: Viewer, roomIds: readonly string[]): Promise<ChatRoomRow[]> {
    const found = await this.deps.access.rooms(roomIds);
    const readable = await this.deps.access.mayRead(found.flatMap((room) => (room ? [{ viewer, room }] : [])));
    let next = 0;
    return found.map((room, i) => {
      if (!room || !readable[next++]) throw new NotFoundError('ChatRoom', roomIds[i]!);
      return room;
    });
  }

  /** A room row a field resolver has (e.g. from chatRoom(id)): NOT_FOUND unless the viewer may read it. */
  private async requireCanRead(viewer: Viewer, room: ChatRoomRow): Promise<void> {
    if (!(await this.readers.load({ viewer, room }))) throw new NotFoundError('ChatRoom', room.id);
  }
}
