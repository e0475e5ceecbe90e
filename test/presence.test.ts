import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { metric, subscribe, type Subscription } from './support/ws.js';

// Presence expires after 2 s here (90 s by default) and is swept every 100 ms; typing is
// throttled to one event a second, each showing for 2 s.
const EXPIRY_MS = 2_000;
let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile(
  { SOCIAL_PRESENCE_EXPIRY_MS: String(EXPIRY_MS), SOCIAL_PRESENCE_SWEEP_MS: '100', SOCIAL_TYPING_THROTTLE_MS: '1000', SOCIAL_TYPING_EXPIRY_MS: '2000' },
  (started) => {
    platform = started;
    url = started.gateway.url;
  },
);

type Player = Awaited<ReturnType<typeof registerPlayer>>;
type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;
type PresenceChange = { roomId: string; user: { id: string; username: string }; online: boolean; at: string };
type TypingChange = { roomId: string; user: { id: string }; typing: boolean; expiresAt: string | null };

/** A GLOBAL room of this test's own, so its channels carry only what the test does. */
const globalRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `presence_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;

const HEARTBEAT = `mutation($roomIds: [ID!]!) {
  heartbeat(input: { roomIds: $roomIds }) { rooms { id } onlineUntil heartbeatIntervalSeconds }
}`;
const GO_OFFLINE = `mutation($roomIds: [ID!]!) { goOffline(input: { roomIds: $roomIds }) { rooms { id } } }`;
const SET_TYPING = `mutation($roomId: ID!, $typing: Boolean!) {
  setTyping(input: { roomId: $roomId, typing: $typing }) { room { id } sent expiresAt }
}`;
const ONLINE = `query($id: ID!, $first: Int) { chatRoom(id: $id) { id onlineCount onlineMembers(first: $first) { id } } }`;
const PRESENCE_CHANGED = `subscription($roomId: ID!) { presenceChanged(roomId: $roomId) { roomId user { id username } online at } }`;
const TYPING = `subscription($roomId: ID!) { typing(roomId: $roomId) { roomId user { id } typing expiresAt } }`;

async function heartbeat(player: Player | null, roomIds: string[]) {
  return gql<{ heartbeat: { rooms: { id: string }[]; onlineUntil: string; heartbeatIntervalSeconds: number } }>(url, HEARTBEAT, { roomIds }, { token: player?.token });
}
async function mustHeartbeat(player: Player, roomIds: string[]) {
  const result = await heartbeat(player, roomIds);
  expect(result.errors).toBeUndefined();
  return result.data!.heartbeat;
}
/** Heartbeats every half second until the returned function is called, as a client with the room open does. */
function keepAlive(player: Player, roomId: string): () => void {
  const timer = setInterval(() => void heartbeat(player, [roomId]), 500);
  return () => clearInterval(timer);
}
const goOffline = (player: Player, roomIds: string[]) => gql(url, GO_OFFLINE, { roomIds }, { token: player.token });
async function setTyping(player: Player, roomId: string, typing: boolean) {
  const result = await gql<{ setTyping: { room: { id: string }; sent: boolean; expiresAt: string | null } }>(url, SET_TYPING, { roomId, typing }, { token: player.token });
  expect(result.errors).toBeUndefined();
  return result.data!.setTyping;
}
async function online(viewer: Player | null, roomId: string, first?: number) {
  return gql<{ chatRoom: { id: string; onlineCount: number; onlineMembers: { id: string }[] } | null }>(url, ONLINE, { id: roomId, first }, { token: viewer?.token });
}
async function onlineIds(viewer: Player, roomId: string) {
  const result = await online(viewer, roomId);
  expect(result.errors).toBeUndefined();
  return { count: result.data!.chatRoom!.onlineCount, ids: result.data!.chatRoom!.onlineMembers.map((m) => m.id) };
}
const codeOf = (errors: Errors) => errors?.[0]?.extensions?.code;
/** How a stream was refused: a graphql-ws error, or an error result that ends it. */
const refusal = (sub: Subscription) => sub.error ?? (sub.completed ? sub.results[0]?.errors : undefined);

const changes = (sub: Subscription) =>
  sub.results.map((r) => {
    expect(r.errors).toBeUndefined();
    return (r.data as { presenceChanged: PresenceChange }).presenceChanged;
  });
const typings = (sub: Subscription) =>
  sub.results.map((r) => {
    expect(r.errors).toBeUndefined();
    return (r.data as { typing: TypingChange }).typing;
  });
/** Who came online (+) or went offline (−), in order. */
const story = (sub: Subscription, among?: Player[]) =>
  changes(sub)
    .filter((c) => !among || among.some((p) => p.id === c.user.id))
    .map((c) => `${c.online ? '+' : '-'}${c.user.username}`);

/**
 * Waits until every stream is live end to end: a player of its own comes online in the room until
 * each subscription has seen it (there is no other way to know the gateway's upstream subscription
 * listens), then goes offline.
 */
async function untilLive(roomId: string, subs: Subscription[], field: 'presenceChanged' | 'typing' = 'presenceChanged') {
  return untilLiveWith(await registerPlayer(url), roomId, subs, field);
}
async function untilLiveWith(probe: Player, roomId: string, subs: Subscription[], field: 'presenceChanged' | 'typing' = 'presenceChanged') {
  const saw = (sub: Subscription) => sub.results.some((r) => (r.data as Record<string, { user: { id: string } }> | undefined)?.[field]?.user.id === probe.id);
  await expect
    .poll(
      async () => {
        if (field === 'presenceChanged') {
          await goOffline(probe, [roomId]);
          await mustHeartbeat(probe, [roomId]);
        } else {
          await setTyping(probe, roomId, true);
        }
        return subs.every(saw);
      },
      { timeout: 15_000, interval: 1_100 },
    )
    .toBe(true);
  if (field === 'presenceChanged') await goOffline(probe, [roomId]);
  return probe;
}

describe('presence through the gateway (HTTP and graphql-ws)', () => {
  it('refuses anonymous callers with UNAUTHENTICATED, everywhere', async () => {
    const roomId = await globalRoom();
    expect(codeOf((await heartbeat(null, [roomId])).errors)).toBe('UNAUTHENTICATED');
    expect(codeOf((await online(null, roomId)).errors)).toBe('UNAUTHENTICATED');
    const anonymous = subscribe(client(), PRESENCE_CHANGED, { roomId });
    const anonymousTyping = subscribe(client(), TYPING, { roomId });
    await expect.poll(() => refusal(anonymous) && refusal(anonymousTyping), { timeout: 10_000 }).toBeDefined();
    expect(JSON.stringify(refusal(anonymous))).toContain('UNAUTHENTICATED');
    expect(JSON.stringify(refusal(anonymousTyping))).toContain('UNAUTHENTICATED');
    expect(anonymous.results).toEqual([]);
  });

  it('refuses bad input with a code and changes nothing', async () => {
    const roomId = await globalRoom();
    const ana = await registerPlayer(url);
    const empty = await heartbeat(ana, []);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomIds' });
    const tooMany = await heartbeat(ana, [roomId, ...Array.from({ length: 20 }, () => randomUUID())]);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roomIds' });
    // One unknown room among good ones: NOT_FOUND, and the good one is left as it was.
    expect(codeOf((await heartbeat(ana, [roomId, randomUUID()])).errors)).toBe('NOT_FOUND');
    expect(codeOf((await heartbeat(ana, [roomId, 'not-an-id'])).errors)).toBe('NOT_FOUND');
    expect(codeOf((await goOffline(ana, [randomUUID()])).errors)).toBe('NOT_FOUND');
    expect(await onlineIds(ana, roomId)).toEqual({ count: 0, ids: [] });
    const first = await online(ana, roomId, 0);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const tooFar = await online(ana, roomId, 101);
    expect(tooFar.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const typing = await gql(url, SET_TYPING, { roomId: randomUUID(), typing: true }, { token: ana.token });
    expect(codeOf(typing.errors)).toBe('NOT_FOUND');
    const unknown = subscribe(client(ana.token), PRESENCE_CHANGED, { roomId: randomUUID() });
    await expect.poll(() => refusal(unknown), { timeout: 10_000 }).toBeDefined();
    expect(JSON.stringify(refusal(unknown))).toContain('NOT_FOUND');
  });

  it('shows a player online while they heartbeat, tells the room once, and offline after the expiry', async () => {
    const roomId = await globalRoom();
    const [ana, bo] = [await registerPlayer(url), await registerPlayer(url)];
    const boSees = subscribe(client(bo.token), PRESENCE_CHANGED, { roomId });
    await untilLive(roomId, [boSees]);

    const sentAt = Date.now();
    const beat = await mustHeartbeat(ana, [roomId, roomId]);
    const answeredAt = Date.now();
    // She heartbeats every 300 ms from now until she stops, so the checks below (slow on a loaded
    // machine) never leave a gap as long as the expiry.
    let beating = true;
    const heartbeats = (async () => {
      for (;;) {
        await new Promise((r) => setTimeout(r, 300));
        if (!beating) return;
        await mustHeartbeat(ana, [roomId]);
      }
    })();
    expect(beat.rooms).toEqual([{ id: roomId }]);
    expect(beat.heartbeatIntervalSeconds).toBe(1); // a third of 2 s, at least 1
    // The expiry from the moment the platform (this process's clock) took the heartbeat, however long that took.
    expect(Date.parse(beat.onlineUntil)).toBeGreaterThanOrEqual(sentAt + EXPIRY_MS);
    expect(Date.parse(beat.onlineUntil)).toBeLessThanOrEqual(answeredAt + EXPIRY_MS);
    await expect.poll(() => story(boSees, [ana]), { timeout: 10_000 }).toEqual([`+${ana.username}`]);
    const came = changes(boSees).find((c) => c.user.id === ana.id)!;
    expect(came).toMatchObject({ roomId, online: true, user: { id: ana.id, username: ana.username } });
    expect(await onlineIds(bo, roomId)).toEqual({ count: 1, ids: [ana.id] });
    const social = platform.subgraphs.find((sg) => sg.name === 'social')!;
    expect(await metric(social.url, 'social_presence_online')).toBeGreaterThanOrEqual(1);
    expect(await metric(social.url, 'social_presence_transitions_total', 'online="true"')).toBeGreaterThanOrEqual(1);

    // Heartbeats keep her online without telling anyone again, past an expiry.
    await new Promise((r) => setTimeout(r, EXPIRY_MS + 100));
    beating = false;
    await heartbeats;
    expect(story(boSees, [ana])).toEqual([`+${ana.username}`]);
    expect((await onlineIds(bo, roomId)).ids).toEqual([ana.id]);

    // She stops: offline once the expiry passes, at the expiry.
    const last = await mustHeartbeat(ana, [roomId]);
    await expect.poll(() => story(boSees, [ana]), { timeout: 10_000 }).toEqual([`+${ana.username}`, `-${ana.username}`]);
    const went = changes(boSees).filter((c) => c.user.id === ana.id)[1]!;
    expect(went.at).toBe(last.onlineUntil);
    expect(await metric(social.url, 'social_presence_transitions_total', 'online="false"')).toBeGreaterThanOrEqual(1);
    expect(await onlineIds(bo, roomId)).toEqual({ count: 0, ids: [] });

    // goOffline tells the room at once; once only.
    await mustHeartbeat(ana, [roomId]);
    expect((await goOffline(ana, [roomId])).errors).toBeUndefined();
    expect((await goOffline(ana, [roomId])).errors).toBeUndefined();
    await expect.poll(() => story(boSees, [ana]), { timeout: 10_000 }).toHaveLength(4);
    await new Promise((r) => setTimeout(r, EXPIRY_MS + 500));
    expect(story(boSees, [ana])).toEqual([`+${ana.username}`, `-${ana.username}`, `+${ana.username}`, `-${ana.username}`]);
    boSees.stop();
  });

  it('takes a player who leaves the room offline there at once, not at the expiry', async () => {
    const roomId = await globalRoom();
    const [ivy, bo] = [await registerPlayer(url), await registerPlayer(url)];
    const boSees = subscribe(client(bo.token), PRESENCE_CHANGED, { roomId });
    await untilLive(roomId, [boSees]);
    const joined = await gql(url, 'mutation($id: ID!) { joinRoom(input: { roomId: $id }) { room { id } } }', { id: roomId }, { token: ivy.token });
    expect(joined.errors).toBeUndefined();
    const beat = await mustHeartbeat(ivy, [roomId]);
    await expect.poll(() => story(boSees, [ivy]), { timeout: 10_000 }).toEqual([`+${ivy.username}`]);
    const left = await gql(url, 'mutation($id: ID!) { leaveRoom(input: { roomId: $id }) { roomId } }', { id: roomId }, { token: ivy.token });
    expect(left.errors).toBeUndefined();
    await expect.poll(() => story(boSees, [ivy]), { timeout: 10_000 }).toEqual([`+${ivy.username}`, `-${ivy.username}`]);
    const went = changes(boSees).filter((c) => c.user.id === ivy.id)[1]!;
    expect(Date.parse(went.at)).toBeLessThan(Date.parse(beat.onlineUntil));
    boSees.stop();
  });

  it('lists online members latest heartbeat first, at most `first`', async () => {
    const roomId = await globalRoom();
    const players = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    for (const p of players) {
      await mustHeartbeat(p, [roomId]);
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await online(players[0]!, roomId, 2);
    expect(result.errors).toBeUndefined();
    expect(result.data!.chatRoom).toEqual({ id: roomId, onlineCount: 3, onlineMembers: [{ id: players[2]!.id }, { id: players[1]!.id }] });
  });

  it('throttles typing: one event per second per player, the calls between coalesced; a stop goes out at once', async () => {
    const roomId = await globalRoom();
    const [ana, bo] = [await registerPlayer(url), await registerPlayer(url)];
    const boSees = subscribe(client(bo.token), TYPING, { roomId });
    await untilLive(roomId, [boSees], 'typing');
    const fromAna = () => typings(boSees).filter((t) => t.user.id === ana.id);

    const sentAt = Date.now();
    const first = await setTyping(ana, roomId, true);
    const answeredAt = Date.now();
    expect(first).toMatchObject({ room: { id: roomId }, sent: true });
    // SOCIAL_TYPING_EXPIRY_MS from the moment it was taken, however long that took.
    expect(Date.parse(first.expiresAt!)).toBeGreaterThanOrEqual(sentAt + 2_000);
    expect(Date.parse(first.expiresAt!)).toBeLessThanOrEqual(answeredAt + 2_000);
    for (let i = 0; i < 5; i++) expect(await setTyping(ana, roomId, true)).toEqual({ room: { id: roomId }, sent: false, expiresAt: null });
    await expect.poll(fromAna, { timeout: 10_000 }).toEqual([{ roomId, user: { id: ana.id }, typing: true, expiresAt: first.expiresAt }]);

    expect(await setTyping(ana, roomId, false)).toEqual({ room: { id: roomId }, sent: true, expiresAt: null });
    expect(await setTyping(ana, roomId, false)).toMatchObject({ sent: false });
    await expect.poll(() => fromAna().map((t) => t.typing), { timeout: 10_000 }).toEqual([true, false]);

    await new Promise((r) => setTimeout(r, 1_100));
    expect(await setTyping(ana, roomId, true)).toMatchObject({ sent: true });
    await expect.poll(() => fromAna().map((t) => t.typing), { timeout: 10_000 }).toEqual([true, false, true]);
    const social = platform.subgraphs.find((sg) => sg.name === 'social')!;
    expect(await metric(social.url, 'social_typing_events_total', 'typing="false"')).toBeGreaterThanOrEqual(1);
    boSees.stop();
  });

  it("never shows a blocker's presence or typing to the blocked player, nor the other way, and counts them out", async () => {
    const roomId = await globalRoom();
    const [cy, dan, eve] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const danSees = subscribe(client(dan.token), PRESENCE_CHANGED, { roomId });
    const cySees = subscribe(client(cy.token), PRESENCE_CHANGED, { roomId });
    const danSeesTyping = subscribe(client(dan.token), TYPING, { roomId });
    await untilLive(roomId, [danSees, cySees]);
    await untilLive(roomId, [danSeesTyping], 'typing');

    // They see each other come online, and stay online (heartbeats every 0.5 s, as a client would).
    await mustHeartbeat(cy, [roomId]);
    await mustHeartbeat(dan, [roomId]);
    const alive = [keepAlive(cy, roomId), keepAlive(dan, roomId)];
    await expect.poll(() => story(danSees, [cy]), { timeout: 10_000 }).toEqual([`+${cy.username}`]);
    await expect.poll(() => story(cySees, [dan]), { timeout: 10_000 }).toEqual([`+${dan.username}`]);

    // Cy blocks Dan; social learns of it from the bus, and each is told the other went offline.
    const block = await gql(url, 'mutation($id: ID!) { blockUser(input: { userId: $id }) { friend { state } } }', { id: dan.id }, { token: cy.token });
    expect(block.errors).toBeUndefined();
    await expect.poll(() => story(danSees, [cy]), { timeout: 15_000 }).toEqual([`+${cy.username}`, `-${cy.username}`]);
    await expect.poll(() => story(cySees, [dan]), { timeout: 15_000 }).toEqual([`+${dan.username}`, `-${dan.username}`]);
    await mustHeartbeat(eve, [roomId]);
    const eveAlive = keepAlive(eve, roomId);
    const sorted = async (viewer: Player) => {
      const { count, ids } = await onlineIds(viewer, roomId);
      return { count, ids: ids.sort() };
    };
    expect(await sorted(dan)).toEqual({ count: 2, ids: [eve.id, dan.id].sort() });
    expect(await sorted(cy)).toEqual({ count: 2, ids: [eve.id, cy.id].sort() });
    expect((await onlineIds(eve, roomId)).count).toBe(3); // Eve sees everyone

    // Cy comes and goes and types; Eve, after her, is the sentinel: nothing of Cy reaches Dan.
    const [danMark, cyMark, typingMark] = [danSees.results.length, cySees.results.length, danSeesTyping.results.length];
    const after = (sub: Subscription, mark: number, player: Player) => story({ ...sub, results: sub.results.slice(mark) }, [player]);
    await goOffline(cy, [roomId]);
    await mustHeartbeat(cy, [roomId]);
    await setTyping(cy, roomId, true);
    eveAlive();
    await goOffline(eve, [roomId]);
    await setTyping(eve, roomId, true);
    await expect.poll(() => after(danSees, danMark, eve), { timeout: 10_000 }).toContain(`-${eve.username}`);
    await expect.poll(() => typings(danSeesTyping).filter((t) => t.user.id === eve.id), { timeout: 10_000 }).toHaveLength(1);
    expect(after(danSees, danMark, cy)).toEqual([]);
    expect(typings({ ...danSeesTyping, results: danSeesTyping.results.slice(typingMark) }).filter((t) => t.user.id === cy.id)).toEqual([]);
    // Nor does Dan's coming and going reach Cy.
    await goOffline(dan, [roomId]);
    await mustHeartbeat(dan, [roomId]);
    await mustHeartbeat(eve, [roomId]);
    await expect.poll(() => after(cySees, cyMark, eve), { timeout: 10_000 }).toContain(`+${eve.username}`);
    expect(after(cySees, cyMark, dan)).toEqual([]);
    alive.forEach((stop) => stop());
    for (const sub of [danSees, cySees, danSeesTyping]) sub.stop();
  });

  it('keeps a restricted room to its members, checked again at every event', async () => {
    const { prisma } = platform.runtime.db;
    const [fay, gus, hal] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const roomId = (await prisma.chatRoom.create({ data: { name: `party_${randomUUID().slice(0, 8)}`, kind: 'PARTY', maxMembers: 10 } })).id;
    const join = (player: Player) => prisma.chatRoomMember.create({ data: { roomId, userId: player.id } });
    const remove = (player: Player) => prisma.chatRoomMember.delete({ where: { roomId_userId: { roomId, userId: player.id } } });
    await join(fay);
    await join(hal);

    // Gus is not a member: the room is not there for him.
    expect(codeOf((await heartbeat(gus, [roomId])).errors)).toBe('NOT_FOUND');
    expect(codeOf((await goOffline(gus, [roomId])).errors)).toBe('NOT_FOUND');
    const gusTypes = await gql(url, SET_TYPING, { roomId, typing: true }, { token: gus.token });
    expect(codeOf(gusTypes.errors)).toBe('NOT_FOUND');
    const gusReads = await online(gus, roomId);
    expect(gusReads.data?.chatRoom ?? null).toBeNull();
    for (const query of [PRESENCE_CHANGED, TYPING]) {
      const gusSees = subscribe(client(gus.token), query, { roomId });
      await expect.poll(() => refusal(gusSees), { timeout: 10_000 }).toBeDefined();
      expect(JSON.stringify(refusal(gusSees))).toContain('NOT_FOUND');
    }

    const halSees = subscribe(client(hal.token), PRESENCE_CHANGED, { roomId });
    const probe = await registerPlayer(url);
    await join(probe);
    await untilLiveWith(probe, roomId, [halSees]);
    await mustHeartbeat(fay, [roomId]);
    await expect.poll(() => story(halSees, [fay]), { timeout: 10_000 }).toEqual([`+${fay.username}`]);
    expect((await onlineIds(hal, roomId)).ids).toContain(fay.id);
    await mustHeartbeat(hal, [roomId]);

    // Hal is removed: his heartbeats are refused, he may still go offline, and his stream goes quiet
    // without being closed, until he is a member again.
    await remove(hal);
    expect(codeOf((await heartbeat(hal, [roomId])).errors)).toBe('NOT_FOUND');
    expect((await goOffline(hal, [roomId])).errors).toBeUndefined();
    expect(codeOf((await goOffline(hal, [roomId])).errors)).toBe('NOT_FOUND'); // no longer online there either
    await goOffline(fay, [roomId]);
    await join(hal);
    await mustHeartbeat(fay, [roomId]);
    await expect.poll(() => story(halSees, [fay]), { timeout: 10_000 }).toEqual([`+${fay.username}`, `+${fay.username}`]);
    expect(halSees.completed).toBe(false);
    halSees.stop();
  });
});
