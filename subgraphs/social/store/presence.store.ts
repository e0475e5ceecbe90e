import type { Redis } from 'ioredis';
import { IoRedisPort, type RedisPort } from '../../../platform/redis/index.js';
import type { PresenceEvent } from '../contracts/live.js';
import { heartbeatTransitions, isOnline, removalTransition, type PresenceTransition } from '../domain/presence.js';

export type { PresenceEvent };

/**
 * Who is online in which room, in Redis, with no per-member state in any process: one sorted set
 * per room (player → expiry, so a room's online members are one range read and expired entries
 * are ignored before they are swept), one per player (room → expiry: where they are online), and
 * one index of every entry by expiry that the sweeper reads from its oldest end. Every change is one script that also publishes its events, so a
 * player's events reach subscribers in the order the changes happened, and each change is
 * published once however many replicas heartbeat or sweep at the same time.
 */
export interface PresenceStore {
  /** Online until `expiresAt` in each room; publishes the transitions (heartbeatTransitions); returns in how many rooms the player came online. */
  heartbeat(userId: string, roomIds: readonly string[], now: number, expiresAt: number): Promise<number>;
  /** Offline now in each room; publishes offline where they were (removalTransition); returns in how many. */
  leave(userId: string, roomIds: readonly string[], now: number): Promise<number>;
  /** Removes up to `limit` entries expired by `now`, oldest first, publishing offline for each; returns how many. */
  sweep(now: number, limit: number): Promise<number>;
  /** The room's online players, latest heartbeat first: `count` of them after skipping `offset`. */
  online(roomId: string, now: number, offset: number, count: number): Promise<string[]>;
  onlineCount(roomId: string, now: number): Promise<number>;
  /** Those of `userIds` online in the room now. */
  onlineAmong(roomId: string, userIds: readonly string[], now: number): Promise<string[]>;
  /** The rooms the player is online in now. */
  roomsOf(userId: string, now: number): Promise<string[]>;
  /** Entries waiting for their expiry across every room (online players, plus expired ones not swept yet). */
  tracked(): Promise<number>;
}

export interface PresenceStoreOptions {
  /** The pub/sub channel of a room's presence events. */
  channel: (roomId: string) => string;
  /** How long a room's set outlives its latest heartbeat if no sweeper ever empties it. */
  keyTtlMs: number;
  /** Key prefix; tests take their own so parallel runs on one Redis never sweep each other's entries. */
  namespace?: string;
}

/** Redis scripts on a real Redis, the in-process twin on the embedded default. */
export function createPresenceStore(redis: RedisPort, options: PresenceStoreOptions): PresenceStore {
  return redis instanceof IoRedisPort ? new RedisPresenceStore(redis.client, options) : new MemoryPresenceStore(redis, options);
}

// Entries in the due index are "<roomId> <userId>": ids are UUIDs (checked before they get here).
// The sweep script builds room and player keys from entries instead of declaring them: fine on one Redis,
// not on a cluster, where both structures would need a hash tag.
const PUBLISH = `
local function publish(channel, room, user, online, at)
  redis.call('PUBLISH', channel, cjson.encode({ roomId = room, userId = user, online = online, at = at }))
end
`;

/** KEYS: due, player, room keys. ARGV: user, now, expiresAt, channel prefix, key TTL (ms), room ids. */
const HEARTBEAT = `${PUBLISH}
local user, now, expires, prefix, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5]
local came = 0
for i = 3, #KEYS do
  local room = ARGV[i + 3]
  local previous = redis.call('ZSCORE', KEYS[i], user)
  redis.call('ZADD', KEYS[i], expires, user)
  redis.call('PEXPIRE', KEYS[i], ttl)
  redis.call('ZADD', KEYS[2], expires, room)
  redis.call('ZADD', KEYS[1], expires, room .. ' ' .. user)
  if not previous or tonumber(previous) <= now then
    if previous then publish(prefix .. room, room, user, false, tonumber(previous)) end
    publish(prefix .. room, room, user, true, now)
    came = came + 1
  end
end
redis.call('PEXPIRE', KEYS[2], ttl)
return came
`;

/** KEYS: due, player, room keys. ARGV: user, now, channel prefix, room ids. */
const LEAVE = `${PUBLISH}
local user, now, prefix = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local left = 0
for i = 3, #KEYS do
  local room = ARGV[i + 1]
  local previous = redis.call('ZSCORE', KEYS[i], user)
  redis.call('ZREM', KEYS[1], room .. ' ' .. user)
  redis.call('ZREM', KEYS[2], room)
  if previous then
    redis.call('ZREM', KEYS[i], user)
    publish(prefix .. room, room, user, false, math.min(tonumber(previous), now))
    left = left + 1
  end
end
return left
`;

/** KEYS: due. ARGV: now, limit, room key prefix, channel prefix, player key prefix. */
const SWEEP = `${PUBLISH}
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
for i = 1, #expired, 2 do
  local room, user = string.match(expired[i], '^(%S+) (%S+)$')
  redis.call('ZREM', KEYS[1], expired[i])
  redis.call('ZREM', ARGV[3] .. room, user)
  redis.call('ZREM', ARGV[5] .. user, room)
  publish(ARGV[4] .. room, room, user, false, tonumber(expired[i + 1]))
end
return #expired / 2
`;

type Script = (...args: (string | number)[]) => Promise<unknown>;
interface PresenceScripts {
  socialPresenceHeartbeat: Script;
  socialPresenceLeave: Script;
  socialPresenceSweep: Script;
}

class RedisPresenceStore implements PresenceStore {
  private readonly scripts: PresenceScripts;
  private readonly due: string;
  private readonly roomPrefix: string;
  private readonly playerPrefix: string;
  private readonly channelPrefix: string;

  constructor(
    private readonly client: Redis,
    private readonly options: PresenceStoreOptions,
  ) {
    const namespace = options.namespace ?? 'social:presence';
    this.due = `${namespace}:due`;
    this.roomPrefix = `${namespace}:room:`;
    this.playerPrefix = `${namespace}:player:`;
    this.channelPrefix = channelPrefixOf(options.channel);
    // EVALSHA, loading the script on NOSCRIPT (a restarted Redis): ioredis does both.
    client.defineCommand('socialPresenceHeartbeat', { lua: HEARTBEAT });
    client.defineCommand('socialPresenceLeave', { lua: LEAVE });
    client.defineCommand('socialPresenceSweep', { lua: SWEEP, numberOfKeys: 1 });
    this.scripts = client as unknown as PresenceScripts;
  }

  private roomKey = (roomId: string) => `${this.roomPrefix}${roomId}`;

  async heartbeat(userId: string, roomIds: readonly string[], now: number, expiresAt: number) {
    const keys = [this.due, `${this.playerPrefix}${userId}`, ...roomIds.map(this.roomKey)];
    return Number(await this.scripts.socialPresenceHeartbeat(keys.length, ...keys, userId, now, expiresAt, this.channelPrefix, this.options.keyTtlMs, ...roomIds));
  }

  async leave(userId: string, roomIds: readonly string[], now: number) {
    const keys = [this.due, `${this.playerPrefix}${userId}`, ...roomIds.map(this.roomKey)];
    return Number(await this.scripts.socialPresenceLeave(keys.length, ...keys, userId, now, this.channelPrefix, ...roomIds));
  }

  async sweep(now: number, limit: number) {
    return Number(await this.scripts.socialPresenceSweep(this.due, now, limit, this.roomPrefix, this.channelPrefix, this.playerPrefix));
  }

  online(roomId: string, now: number, offset: number, count: number) {
    return this.client.zrange(this.roomKey(roomId), '+inf', `(${now}`, 'BYSCORE', 'REV', 'LIMIT', offset, count);
  }

  onlineCount(roomId: string, now: number) {
    return this.client.zcount(this.roomKey(roomId), `(${now}`, '+inf');
  }

  async onlineAmong(roomId: string, userIds: readonly string[], now: number) {
    if (!userIds.length) return [];
    const scores = await this.client.zmscore(this.roomKey(roomId), ...userIds);
    return userIds.filter((_, i) => isOnline(scores[i] == null ? null : Number(scores[i]), now));
  }

  roomsOf(userId: string, now: number) {
    return this.client.zrange(`${this.playerPrefix}${userId}`, `(${now}`, '+inf', 'BYSCORE');
  }

  tracked() {
    return this.client.zcard(this.due);
  }
}

/** The part of every room's channel before the room id (the scripts append the id). */
function channelPrefixOf(channel: (roomId: string) => string): string {
  const prefix = channel('');
  if (channel('x') !== `${prefix}x`) throw new Error('a presence channel must end with its room id');
  return prefix;
}

/** Rooms → players → expiry, per in-process Redis, so every store on one port sees the same presence. */
const memoryPresence = new WeakMap<RedisPort, Map<string, Map<string, number>>>();

/**
 * The same contract in one process (presence.store.test.ts runs both): plain maps, the rules of
 * domain/presence.ts, and each change's publishes issued together, before anything else can run.
 */
class MemoryPresenceStore implements PresenceStore {
  private readonly rooms: Map<string, Map<string, number>>;

  constructor(
    private readonly redis: RedisPort,
    private readonly options: PresenceStoreOptions,
  ) {
    const namespace = options.namespace ?? 'social:presence';
    let byNamespace = memoryPresence.get(redis) as Map<string, Map<string, Map<string, number>>> | undefined;
    if (!byNamespace) memoryPresence.set(redis, (byNamespace = new Map()) as never);
    if (!byNamespace.has(namespace)) byNamespace.set(namespace, new Map());
    this.rooms = byNamespace.get(namespace)!;
  }

  private publish(roomId: string, userId: string, transitions: readonly PresenceTransition[]): Promise<void>[] {
    return transitions.map((t) => this.redis.publish(this.options.channel(roomId), JSON.stringify({ roomId, userId, ...t } satisfies PresenceEvent)));
  }

  async heartbeat(userId: string, roomIds: readonly string[], now: number, expiresAt: number) {
    let came = 0;
    const published = roomIds.flatMap((roomId) => {
      const room = this.rooms.get(roomId) ?? new Map<string, number>();
      this.rooms.set(roomId, room);
      const transitions = heartbeatTransitions(room.get(userId) ?? null, now);
      room.set(userId, expiresAt);
      if (transitions.length) came++;
      return this.publish(roomId, userId, transitions);
    });
    await Promise.all(published);
    return came;
  }

  async leave(userId: string, roomIds: readonly string[], now: number) {
    const published = roomIds.flatMap((roomId) => {
      const room = this.rooms.get(roomId);
      const transition = removalTransition(room?.get(userId) ?? null, now);
      if (!room || !transition) return [];
      this.drop(roomId, room, userId);
      return this.publish(roomId, userId, [transition]);
    });
    await Promise.all(published);
    return published.length;
  }

  async sweep(now: number, limit: number) {
    const expired: { roomId: string; userId: string; at: number }[] = [];
    for (const [roomId, room] of this.rooms) for (const [userId, at] of room) if (!isOnline(at, now)) expired.push({ roomId, userId, at });
    const oldest = expired.sort((a, b) => a.at - b.at).slice(0, limit);
    const published = oldest.flatMap(({ roomId, userId, at }) => {
      this.drop(roomId, this.rooms.get(roomId)!, userId);
      return this.publish(roomId, userId, [{ online: false, at }]);
    });
    await Promise.all(published);
    return oldest.length;
  }

  async online(roomId: string, now: number, offset: number, count: number) {
    const entries = [...(this.rooms.get(roomId) ?? [])].filter(([, at]) => isOnline(at, now));
    // Redis orders equal scores by member, descending under REV.
    entries.sort(([a, x], [b, y]) => y - x || (a < b ? 1 : a > b ? -1 : 0));
    return entries.slice(offset, offset + count).map(([userId]) => userId);
  }

  async onlineCount(roomId: string, now: number) {
    return [...(this.rooms.get(roomId)?.values() ?? [])].filter((at) => isOnline(at, now)).length;
  }

  async onlineAmong(roomId: string, userIds: readonly string[], now: number) {
    const room = this.rooms.get(roomId);
    return userIds.filter((userId) => isOnline(room?.get(userId) ?? null, now));
  }

  async roomsOf(userId: string, now: number) {
    // The twin scans (Redis keeps a set per player): the embedded default is one small process.
    const entries = [...this.rooms].flatMap(([roomId, room]) => (isOnline(room.get(userId) ?? null, now) ? [[roomId, room.get(userId)!] as const] : []));
    return entries.sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0)).map(([roomId]) => roomId);
  }

  async tracked() {
    let total = 0;
    for (const room of this.rooms.values()) total += room.size;
    return total;
  }

  private drop(roomId: string, room: Map<string, number>, userId: string) {
    room.delete(userId);
    if (room.size === 0) this.rooms.delete(roomId);
  }
}
