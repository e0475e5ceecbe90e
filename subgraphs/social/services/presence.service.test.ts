import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../../platform/auth.js';
import { MemoryRedisPort } from '../../../platform/redis/index.js';
import { presenceChanged, typingChanged, type PresenceEvent } from '../contracts/live.js';
import type { ChatRoomRow } from '../store/chat-rooms.store.js';
import { createPresenceStore } from '../store/presence.store.js';
import { createTypingStore } from '../store/typing.store.js';
import { PresenceService, type PresenceAccess } from './presence.service.js';

const player = (userId: string): Viewer => ({ userId, role: 'PLAYER' });
const room = (kind: ChatRoomRow['kind']): ChatRoomRow => ({ id: randomUUID(), kind }) as ChatRoomRow;

/** The service on the in-process Redis, with chat's rules as plain data, counting what it asks. */
function scenario(rules: { rooms: ChatRoomRow[]; members?: [roomId: string, userId: string][]; blocks?: [string, string][] }) {
  const redis = new MemoryRedisPort();
  const asked = { mayRead: 0, relations: [] as string[] };
  const members = new Set((rules.members ?? []).map(([r, u]) => `${r}|${u}`));
  const access: PresenceAccess = {
    rooms: async (ids) => ids.map((id) => rules.rooms.find((r) => r.id === id)),
    mayRead: async (requests) => {
      asked.mayRead++;
      return requests.map(({ viewer, room: r }) => r.kind === 'GLOBAL' || members.has(`${r.id}|${viewer.userId}`));
    },
    blockedRelationsOf: async (userId) => {
      asked.relations.push(userId);
      return (rules.blocks ?? []).flatMap(([a, b]) => (a === userId ? [b] : b === userId ? [a] : []));
    },
  };
  const presence = new PresenceService({
    store: createPresenceStore(redis, { channel: presenceChanged.channel, keyTtlMs: 60_000 }),
    typing: createTypingStore(redis, { channel: typingChanged.channel, timings: { throttleMs: 3_000, expiryMs: 6_000 } }),
    access,
    redis,
    timings: { expiryMs: 90_000 },
  });
  return { presence, asked, members };
}

/** Everything a stream delivers, as `+name` / `-name`. */
function collect(stream: AsyncIterableIterator<PresenceEvent>, names: Record<string, string>) {
  const seen: string[] = [];
  void (async () => {
    for await (const event of stream) seen.push(`${event.online ? '+' : '-'}${names[event.userId]}`);
  })();
  return seen;
}

describe('PresenceService streams', () => {
  it("checks each event for every subscriber with one read of the event's player's blocks, and drops it across a block", async () => {
    const general = room('GLOBAL');
    const ana = randomUUID();
    const viewers = Array.from({ length: 50 }, () => randomUUID());
    const { presence, asked } = scenario({ rooms: [general], blocks: [[ana, viewers[0]!]] });
    const names: Record<string, string> = Object.fromEntries([[ana, 'ana'], ...viewers.map((v, i) => [v, `v${i}`])]);
    const streams = await Promise.all(viewers.map((v) => presence.presenceChanges(player(v), general.id)));
    const seen = streams.map((s) => collect(s, names));
    asked.relations.length = 0;

    await presence.heartbeat(player(ana), [general.id]);
    await expect.poll(() => seen.slice(1).every((s) => s.length === 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen[0]).toEqual([]); // ana blocked v0: v0 never sees her
    expect(seen.slice(1).every((s) => s[0] === '+ana')).toBe(true);
    expect(asked.relations).toEqual([ana]);
    await Promise.all(streams.map((s) => s.return?.()));
  });

  it('stops a member removed from a restricted room at the next event, and resumes when they are back', async () => {
    const party = room('PARTY');
    const [ana, bo] = [randomUUID(), randomUUID()];
    const { presence, members } = scenario({ rooms: [party], members: [[party.id, ana], [party.id, bo]] });
    const stream = await presence.presenceChanges(player(bo), party.id);
    const seen = collect(stream, { [ana]: 'ana' });
    await presence.heartbeat(player(ana), [party.id]);
    await expect.poll(() => seen).toEqual(['+ana']);
    members.delete(`${party.id}|${bo}`);
    await presence.goOffline(player(ana), [party.id]);
    await new Promise((r) => setTimeout(r, 50)); // the in-process Redis delivers within a tick: checked while removed
    members.add(`${party.id}|${bo}`);
    await presence.heartbeat(player(ana), [party.id]);
    await expect.poll(() => seen).toEqual(['+ana', '+ana']);
    await stream.return?.();
  });

  it('refuses a stream of a room the viewer may not read, or that does not exist, with NOT_FOUND', async () => {
    const party = room('PARTY');
    const { presence } = scenario({ rooms: [party] });
    await expect(presence.presenceChanges(player(randomUUID()), party.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(presence.typingChanges(player(randomUUID()), randomUUID())).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(presence.presenceChanges({ userId: null, role: null }, party.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tells each of two players the other went offline when they block each other, and no one else', async () => {
    const general = room('GLOBAL');
    const [cy, dan, eve] = [randomUUID(), randomUUID(), randomUUID()];
    const { presence } = scenario({ rooms: [general] });
    const names = { [cy]: 'cy', [dan]: 'dan', [eve]: 'eve' };
    const [cySees, danSees, eveSees] = (await Promise.all([cy, dan, eve].map(async (v) => collect(await presence.presenceChanges(player(v), general.id), names)))) as [
      string[],
      string[],
      string[],
    ];
    await presence.heartbeat(player(cy), [general.id]);
    await presence.heartbeat(player(dan), [general.id]);
    await expect.poll(() => eveSees).toEqual(['+cy', '+dan']);
    await presence.hideFromEachOther(cy, dan);
    await presence.heartbeat(player(eve), [general.id]); // a sentinel every stream receives
    await expect.poll(() => [cySees.at(-1), danSees.at(-1), eveSees.at(-1)]).toEqual(['+eve', '+eve', '+eve']);
    expect(cySees).toEqual(['+cy', '+dan', '-dan', '+eve']);
    expect(danSees).toEqual(['+cy', '+dan', '-cy', '+eve']);
    expect(eveSees).toEqual(['+cy', '+dan', '+eve']);
  });
});
