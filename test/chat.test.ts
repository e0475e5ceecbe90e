import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { activeSubscriptions, metric, subscribe, untilListening, type Subscription } from './support/ws.js';

// Chat through the gateway (issue 15), over HTTP and graphql-ws, as a game client uses it: rooms
// and membership, per-viewer streams with a per-event check, edits and tombstones, private
// messages resumed after an absence, unread counts, moderation, and bad input that stores nothing.

const ADMIN = uniqueName('chatadmin');
let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ ADMIN_USERNAMES: ADMIN, SOCIAL_CHAT_BLOCKED_TERMS: 'free gold' }, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = Awaited<ReturnType<typeof registerPlayer>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs an operation that must succeed (waiting out the 3-messages-per-second limit, which has its own test). */
async function must<T>(player: Player | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let result = await gql<T>(url, query, variables, { token: player?.token });
  for (let tries = 0; result.errors?.[0]?.extensions?.reason === 'RATE' && tries < 5; tries++) {
    await sleep(Number(result.errors[0].extensions.retryAfterMs) + 10);
    result = await gql<T>(url, query, variables, { token: player?.token });
  }
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}
const refusal = async (player: Player | undefined, query: string, variables: Record<string, unknown>) => {
  const result = await gql(url, query, variables, { token: player?.token });
  expect(result.data ?? null).toBeNull();
  return result.errors?.[0]?.extensions;
};

const MESSAGE = `id cursor kind text originalText editedAt deletedAt author { id } subject { id } room { id kind }`;
type Message = { id: string; cursor: string; kind: string; text: string; originalText: string | null; editedAt: string | null; deletedAt: string | null; author: { id: string } | null; subject: { id: string } | null; room: { id: string; kind: string } };
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { ${MESSAGE} } } }`;
const send = async (player: Player, roomId: string, text: string, clientMessageId?: string) =>
  (await must<{ sendMessage: { message: Message } }>(player, SEND, { input: { roomId, text, clientMessageId } })).sendMessage.message;
const SEND_PRIVATE = `mutation($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { message { ${MESSAGE} } } }`;
const sendPrivate = async (from: Player, to: Player, text: string) =>
  (await must<{ sendPrivateMessage: { message: Message } }>(from, SEND_PRIVATE, { input: { toUserId: to.id, text } })).sendPrivateMessage.message;

const createParty = async (owner: Player) =>
  (await must<{ createParty: { room: { id: string } } }>(owner, `mutation($n: String!) { createParty(input: { name: $n }) { room { id } } }`, { n: uniqueName('party') })).createParty.room.id;
const INVITE = `mutation($r: ID!, $u: ID!) { inviteToParty(input: { roomId: $r, userId: $u }) { added } }`;
const KICK = `mutation($r: ID!, $u: ID!) { kickFromParty(input: { roomId: $r, userId: $u }) { removed } }`;
/** A GLOBAL room of this test's own (rooms are made by the platform, not by players). */
const globalRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `chat_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
const storedIn = (roomId: string) => platform.runtime.db.prisma.chatMessage.count({ where: { roomId } });

const ROOM_EVENTS = `subscription($roomId: ID!, $after: String) { chatRoomEvents(roomId: $roomId, after: $after) { type cursor message { id text deletedAt editedAt } } }`;
type RoomEvent = { type: string; cursor: string; message: { id: string; text: string; deletedAt: string | null; editedAt: string | null } };
const events = (sub: Subscription) =>
  sub.results.map((r) => {
    expect(r.errors).toBeUndefined();
    return (r.data as { chatRoomEvents: RoomEvent }).chatRoomEvents;
  });
/**
 * Waits until the gateway holds `subscriptions` more subscriptions than `before` and the room's
 * channel is listened to (a process listens once per channel however many streams follow it, so
 * the later streams get a moment more).
 */
async function roomEventsLive(roomId: string, before: number, subscriptions: number) {
  await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + subscriptions);
  await untilListening(platform.runtime.redis, liveChannel('social', 'roomEvent', roomId));
  await sleep(300);
}

async function login(player: Player): Promise<Player> {
  const data = await must<{ login: { accessToken: string } }>(undefined, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: player.username });
  return { ...player, token: data.login.accessToken };
}
/** A player made MODERATOR by the configured admin, signed in again so their token carries the role. */
async function moderator(): Promise<Player> {
  const admin = await registerPlayer(url, ADMIN).catch(async () => login({ id: '', username: ADMIN, token: '' }));
  const mod = await registerPlayer(url);
  await must(admin, `mutation($u: ID!) { setRole(input: { userId: $u, role: MODERATOR }) { user { id } } }`, { u: mod.id });
  return login(mod);
}
/** Waits until social's projection of users' blocks (fed by the bus) holds the block. */
const blockKnown = (blockerId: string, blockedId: string) =>
  expect.poll(() => platform.runtime.db.prisma.chatBlock.count({ where: { blockerId, blockedId } }), { timeout: 15_000 }).toBe(1);

describe('chat through the gateway: rooms and membership', () => {
  it('joinRoom answers the room with its newest 50 messages and posts "<name> joined the room" once; leaveRoom', async () => {
    const roomId = await globalRoom();
    const ben = await registerPlayer(url);
    for (let i = 0; i < 3; i++) await send(ben, roomId, `before ${i}`); // no joining needed to post in GLOBAL rooms
    const ana = await registerPlayer(url); // joins at once: her registration may still be on its way to chat
    const JOIN = `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined room { id memberCount viewerMembership { role } } messages { ${MESSAGE} } } }`;
    type Join = { joinRoom: { joined: boolean; room: { id: string; memberCount: number; viewerMembership: { role: string } | null }; messages: Message[] } };
    const joined = (await must<Join>(ana, JOIN, { r: roomId })).joinRoom;
    expect(joined.joined).toBe(true);
    expect(joined.room).toEqual({ id: roomId, memberCount: 1, viewerMembership: { role: 'MEMBER' } });
    expect(joined.messages.map((m) => m.text)).toEqual(['before 0', 'before 1', 'before 2', `${ana.username} joined the room`]);
    expect(joined.messages.at(-1)).toMatchObject({ kind: 'MEMBER_JOINED', author: null, subject: { id: ana.id } });

    const again = (await must<Join>(ana, JOIN, { r: roomId })).joinRoom;
    expect(again.joined).toBe(false);
    expect(again.messages.filter((m) => m.kind === 'MEMBER_JOINED')).toHaveLength(1);
    for (let i = 0; i < 60; i++) await platform.runtime.db.prisma.chatMessage.create({ data: { roomId, authorId: ben.id, text: `bulk ${i}` } });
    expect((await must<Join>(ana, JOIN, { r: roomId })).joinRoom.messages.map((m) => m.text)).toEqual(Array.from({ length: 50 }, (_, i) => `bulk ${i + 10}`));

    const LEAVE = `mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { roomId left } }`;
    expect((await must<{ leaveRoom: unknown }>(ana, LEAVE, { r: roomId })).leaveRoom).toEqual({ roomId, left: true });
    expect((await must<{ leaveRoom: unknown }>(ana, LEAVE, { r: roomId })).leaveRoom).toEqual({ roomId, left: false });
  });

  it('keeps a party to its members: outsiders see no room, and a kicked member stops receiving at the next event without resubscribing', async () => {
    const [owner, bob, eve] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const roomId = await createParty(owner);
    expect((await must<{ inviteToParty: { added: boolean } }>(owner, INVITE, { r: roomId, u: bob.id })).inviteToParty.added).toBe(true);

    const ROOM = `query($id: ID!) { chatRoom(id: $id) { id kind members { user { id } role } } chatRooms(kind: PARTY, first: 100) { edges { node { id } } } }`;
    type Rooms = { chatRoom: { id: string; kind: string; members: { user: { id: string }; role: string }[] } | null; chatRooms: { edges: { node: { id: string } }[] } };
    const seenByBob = await must<Rooms>(bob, ROOM, { id: roomId });
    expect(seenByBob.chatRoom).toEqual({ id: roomId, kind: 'PARTY', members: [{ user: { id: owner.id }, role: 'OWNER' }, { user: { id: bob.id }, role: 'MEMBER' }] });
    expect(seenByBob.chatRooms.edges.map((e) => e.node.id)).toContain(roomId);
    const seenByEve = await must<Rooms>(eve, ROOM, { id: roomId });
    expect(seenByEve).toEqual({ chatRoom: null, chatRooms: { edges: [] } });
    expect(await refusal(eve, SEND, { input: { roomId, text: 'let me in' } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(eve, `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined } }`, { r: roomId })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(bob, INVITE, { r: roomId, u: eve.id })).toMatchObject({ code: 'FORBIDDEN' });

    const eveSub = subscribe(client(eve.token), ROOM_EVENTS, { roomId });
    await expect.poll(() => eveSub.completed, { timeout: 10_000 }).toBe(true);
    expect(eveSub.results.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['NOT_FOUND']);
    const before = await activeSubscriptions(url);
    const bobSub = subscribe(client(bob.token), ROOM_EVENTS, { roomId });
    const ownerSub = subscribe(client(owner.token), ROOM_EVENTS, { roomId });
    await roomEventsLive(roomId, before, 2);

    await send(owner, roomId, 'm1');
    await expect.poll(() => events(bobSub).map((e) => e.message.text), { timeout: 10_000 }).toEqual(['m1']);
    expect((await must<{ kickFromParty: { removed: boolean } }>(owner, KICK, { r: roomId, u: bob.id })).kickFromParty.removed).toBe(true);
    await send(owner, roomId, 'm2');
    await expect.poll(() => events(ownerSub).map((e) => e.message.text), { timeout: 10_000 }).toEqual(['m1', 'm2']);
    await sleep(300);
    expect(events(bobSub).map((e) => e.message.text)).toEqual(['m1']);
    expect(bobSub.error).toBeUndefined(); // still subscribed: invited again, bob receives again
    expect(await refusal(bob, SEND, { input: { roomId, text: 'still here?' } })).toMatchObject({ code: 'NOT_FOUND' });
    await must(owner, INVITE, { r: roomId, u: bob.id });
    await send(owner, roomId, 'm3');
    await expect.poll(() => events(bobSub).map((e) => e.message.text).filter((t) => t.startsWith('m')), { timeout: 10_000 }).toEqual(['m1', 'm3']);
    // The invite's join message came through too, as ADDED, before m3.
    expect(events(bobSub).map((e) => e.message.text).at(-2)).toMatch(/joined the room$/);
    bobSub.stop();
    ownerSub.stop();
  });

  it('posts announcements in the SYSTEM room for admins only; nobody else posts there', async () => {
    const player = await registerPlayer(url);
    const admin = await registerPlayer(url, ADMIN).catch(() => login({ id: '', username: ADMIN, token: '' }));
    const system = (await must<{ chatRooms: { edges: { node: { id: string; name: string; postPolicy: string } }[] } }>(undefined, `{ chatRooms(kind: SYSTEM, first: 10) { edges { node { id name postPolicy } } } }`)).chatRooms.edges[0]!.node;
    expect(system).toMatchObject({ name: 'Announcements', postPolicy: 'NOBODY' });
    const before = await storedIn(system.id);
    expect(await refusal(player, SEND, { input: { roomId: system.id, text: 'hello?' } })).toMatchObject({ code: 'FORBIDDEN', reason: 'READ_ONLY' });
    expect(await refusal(player, `mutation { postAnnouncement(input: { text: "fake news" }) { message { id } } }`, {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await storedIn(system.id)).toBe(before);
    const posted = await must<{ postAnnouncement: { message: Message } }>(admin, `mutation { postAnnouncement(input: { text: "Servers restart at 04:00 UTC" }) { message { ${MESSAGE} } } }`);
    expect(posted.postAnnouncement.message).toMatchObject({ kind: 'ANNOUNCEMENT', author: null, text: 'Servers restart at 04:00 UTC', room: { id: system.id, kind: 'SYSTEM' } });
  });
});

describe('chat through the gateway: sending', () => {
  it('refuses bad input with a coded error and stores nothing', async () => {
    const roomId = await globalRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(ben);
    const cases: [string, Player | undefined, Record<string, unknown>, Record<string, unknown>][] = [
      ['signed out', undefined, { roomId, text: 'hi' }, { code: 'UNAUTHENTICATED' }],
      ['empty', ana, { roomId, text: ' \n ' }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['oversized', ana, { roomId, text: 'x'.repeat(2_001) }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['a blocked term', ana, { roomId, text: 'FREE gold, click!' }, { code: 'BAD_USER_INPUT', field: 'text', reason: 'BLOCKED_TERM' }],
      ['a malformed clientMessageId', ana, { roomId, text: 'hi', clientMessageId: 'no spaces' }, { code: 'BAD_USER_INPUT', field: 'clientMessageId' }],
      ['an unknown room', ana, { roomId: randomUUID(), text: 'hi' }, { code: 'NOT_FOUND' }],
      ['not a member', ana, { roomId: party, text: 'hi' }, { code: 'NOT_FOUND' }],
    ];
    for (const [name, player, input, expected] of cases) {
      expect(await refusal(player, SEND, { input }), name).toMatchObject(expected);
    }
    expect(await storedIn(roomId)).toBe(0);
    expect(await storedIn(party)).toBe(1); // its owner's join message only
  });

  it('takes 3 messages per second per player (RATE_LIMITED with retryAfterMs past them), counts refusals, and answers a retried send once', async () => {
    const roomId = await globalRoom();
    const ana = await registerPlayer(url);
    const first = await send(ana, roomId, 'one', 'client-1');
    const retried = await send(ana, roomId, 'one', 'client-1');
    expect(retried.id).toBe(first.id);
    expect(await refusal(ana, SEND, { input: { roomId, text: 'another', clientMessageId: 'client-1' } })).toMatchObject({ code: 'CONFLICT', field: 'clientMessageId' });
    await send(ana, roomId, 'two');
    // The burst is a fresh player's, sent at once: its four fall in one one-second window. (After
    // ana's sends, a loaded machine could have let her window end just before a burst of three.)
    const ben = await registerPlayer(url);
    const results = await Promise.all([0, 1, 2, 3].map((i) => gql(url, SEND, { input: { roomId, text: `burst ${i}` } }, { token: ben.token })));
    const limited = results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(1);
    expect(limited[0]!.errors![0]!.extensions).toMatchObject({ reason: 'RATE', retryAfterMs: expect.any(Number) });
    expect(await storedIn(roomId)).toBe(2 + 3);
    // Each accepted message reaches achievements over the bus as a SOCIAL_INTERACTION; a retry adds none.
    const interactions = (userId: string) => platform.runtime.db.prisma.achievementEvent.count({ where: { userId, type: 'SOCIAL_INTERACTION' } });
    await expect.poll(async () => [await interactions(ana.id), await interactions(ben.id)], { timeout: 15_000 }).toEqual([2, 3]);
    const social = platform.subgraphs.find((s) => s.name === 'social')!;
    expect(await metric(social.url, 'chat_messages_refused_total', 'reason="RATE"')).toBeGreaterThan(0);
    expect(await metric(social.url, 'chat_message_duration_seconds_count')).toBeGreaterThan(0);
    expect(await metric(social.url, 'chat_messages_sent_total', 'room_kind="GLOBAL"')).toBeGreaterThanOrEqual(2);
  });

  it('masks profanity for everyone but moderators, who see what was typed', async () => {
    const roomId = await globalRoom();
    const [ana, mod] = [await registerPlayer(url), await moderator()];
    const sent = await send(ana, roomId, 'well shit happens');
    expect(sent).toMatchObject({ text: 'well **** happens', originalText: null });
    const READ = `query($id: ID!) { chatRoom(id: $id) { messages(last: 1) { edges { node { text originalText } } } } }`;
    expect((await must<{ chatRoom: { messages: { edges: { node: unknown }[] } } }>(mod, READ, { id: roomId })).chatRoom.messages.edges[0]!.node).toEqual({
      text: 'well **** happens',
      originalText: 'well shit happens',
    });
  });
});

describe('chat through the gateway: edits and deletions', () => {
  it('reach subscribers live and in one resumable stream; history keeps edits and tombstones in place', async () => {
    const roomId = await globalRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const before = await activeSubscriptions(url);
    const updated = subscribe(client(), `subscription($r: ID!) { messageUpdated(roomId: $r) { id text editedAt } }`, { r: roomId });
    const deleted = subscribe(client(), `subscription($r: ID!) { messageDeleted(roomId: $r) { id text deletedAt } }`, { r: roomId });
    const all = subscribe(client(ben.token), ROOM_EVENTS, { roomId });
    await roomEventsLive(roomId, before, 3);

    const m1 = await send(ana, roomId, 'hello');
    const m2 = await send(ana, roomId, 'typo');
    expect(await refusal(ben, `mutation($id: ID!) { editMessage(input: { messageId: $id, text: "mine now" }) { message { id } } }`, { id: m2.id })).toMatchObject({ code: 'FORBIDDEN' });
    const edited = await must<{ editMessage: { message: Message } }>(ana, `mutation($id: ID!) { editMessage(input: { messageId: $id, text: "fixed" }) { message { ${MESSAGE} } } }`, { id: m2.id });
    expect(edited.editMessage.message).toMatchObject({ id: m2.id, text: 'fixed', editedAt: expect.any(String), cursor: m2.cursor });
    const DELETE = `mutation($id: ID!) { deleteMessage(input: { messageId: $id }) { message { ${MESSAGE} } } }`;
    const gone = await must<{ deleteMessage: { message: Message } }>(ana, DELETE, { id: m1.id });
    expect(gone.deleteMessage.message).toMatchObject({ id: m1.id, text: '', deletedAt: expect.any(String) });
    expect((await must<{ deleteMessage: { message: Message } }>(ana, DELETE, { id: m1.id })).deleteMessage.message.deletedAt).toBe(gone.deleteMessage.message.deletedAt);

    await expect.poll(() => events(all).map((e) => `${e.type}:${e.message.id}`), { timeout: 10_000 }).toEqual([`ADDED:${m1.id}`, `ADDED:${m2.id}`, `EDITED:${m2.id}`, `DELETED:${m1.id}`]);
    await expect.poll(() => updated.results.map((r) => (r.data as { messageUpdated: { text: string } }).messageUpdated.text), { timeout: 10_000 }).toEqual(['fixed']);
    await expect.poll(() => deleted.results.map((r) => (r.data as { messageDeleted: { id: string; text: string } }).messageDeleted), { timeout: 10_000 }).toEqual([{ id: m1.id, text: '', deletedAt: expect.any(String) }]);

    // Resuming from the second event: the edit and the deletion, once, in order, then live.
    const resumed = subscribe(client(ben.token), ROOM_EVENTS, { roomId, after: events(all)[1]!.cursor });
    await expect.poll(() => events(resumed).map((e) => e.type), { timeout: 10_000 }).toEqual(['EDITED', 'DELETED']);
    await roomEventsLive(roomId, before, 4);
    await send(ana, roomId, 'later');
    await expect.poll(() => events(resumed).map((e) => e.type), { timeout: 10_000 }).toEqual(['EDITED', 'DELETED', 'ADDED']);

    const history = await must<{ chatRoom: { messages: { edges: { node: { id: string; text: string; editedAt: string | null; deletedAt: string | null } }[] } } }>(
      undefined,
      `query($id: ID!) { chatRoom(id: $id) { messages(first: 10) { edges { node { id text editedAt deletedAt } } } } }`,
      { id: roomId },
    );
    expect(history.chatRoom.messages.edges.map((e) => e.node)).toEqual([
      { id: m1.id, text: '', editedAt: null, deletedAt: expect.any(String) },
      { id: m2.id, text: 'fixed', editedAt: expect.any(String), deletedAt: null },
      { id: expect.any(String), text: 'later', editedAt: null, deletedAt: null },
    ]);
    for (const sub of [updated, deleted, all, resumed]) sub.stop();
  });
});

describe('chat through the gateway: private messages', () => {
  const INBOX = `subscription($after: String) { privateMessageReceived(after: $after) { inboxCursor message { id text author { id } room { id kind } } } }`;
  type Received = { inboxCursor: string; message: { id: string; text: string; author: { id: string }; room: { id: string; kind: string } } };
  const inbox = (sub: Subscription) =>
    sub.results.map((r) => {
      expect(r.errors).toBeUndefined();
      return (r.data as { privateMessageReceived: Received }).privateMessageReceived;
    });

  it('opens one PRIVATE room per pair, delivers live, and a player back after a while resumes with every message once, in order', async () => {
    const [ana, bob] = [await registerPlayer(url), await registerPlayer(url)];
    const before = await activeSubscriptions(url);
    const live = subscribe(client(bob.token), INBOX);
    await untilListening(platform.runtime.redis, liveChannel('social', 'privateMessage', bob.id));
    const m1 = await sendPrivate(ana, bob, 'psst');
    expect(m1.room.kind).toBe('PRIVATE');
    await expect.poll(() => inbox(live).map((r) => r.message.text), { timeout: 10_000 }).toEqual(['psst']);
    expect(inbox(live)[0]!.message).toMatchObject({ id: m1.id, author: { id: ana.id }, room: { id: m1.room.id } });
    live.stop();
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(before);

    // Bob is away: Ana writes on, from both ends of the pair's room.
    const m2 = await sendPrivate(ana, bob, 'are you there?');
    const m3 = await send(ana, m1.room.id, 'hello??');
    expect([m2.room.id, m3.room.id]).toEqual([m1.room.id, m1.room.id]);
    await sendPrivate(bob, ana, 'not for my own inbox');

    const back = subscribe(client(bob.token), INBOX, { after: inbox(live)[0]!.inboxCursor });
    await expect.poll(() => inbox(back).map((r) => r.message.text), { timeout: 10_000 }).toEqual(['are you there?', 'hello??']);
    await untilListening(platform.runtime.redis, liveChannel('social', 'privateMessage', bob.id));
    await sendPrivate(ana, bob, 'there you are');
    await expect.poll(() => inbox(back).map((r) => r.message.text), { timeout: 10_000 }).toEqual(['are you there?', 'hello??', 'there you are']);
    back.stop();

    // Unread counts, the room list and read receipts.
    const ME = `{ me { chatRooms { room { id kind } unreadCount lastMessage { text } } } }`;
    type Mine = { me: { chatRooms: { room: { id: string; kind: string }; unreadCount: number; lastMessage: { text: string } | null }[] } };
    expect((await must<Mine>(bob, ME)).me.chatRooms[0]).toEqual({ room: { id: m1.room.id, kind: 'PRIVATE' }, unreadCount: 4, lastMessage: { text: 'there you are' } });
    const read = await must<{ markRead: { unreadCount: number; lastReadCursor: string } }>(bob, `mutation($r: ID!, $c: String) { markRead(input: { roomId: $r, upTo: $c }) { unreadCount lastReadCursor } }`, { r: m1.room.id, c: m2.cursor });
    expect(read.markRead).toEqual({ unreadCount: 2, lastReadCursor: m2.cursor });
    const receipts = await must<{ chatRoom: { readReceipts: { user: { id: string }; lastReadCursor: string | null }[] } }>(ana, `query($id: ID!) { chatRoom(id: $id) { readReceipts { user { id } lastReadCursor } } }`, { id: m1.room.id });
    expect(receipts.chatRoom.readReceipts).toEqual([{ user: { id: bob.id }, lastReadCursor: m2.cursor }]);
    const others = await gql<{ user: { chatRooms: unknown } }>(url, `query($id: ID!) { user(id: $id) { chatRooms { unreadCount } } }`, { id: bob.id }, { token: ana.token });
    expect(others.data?.user.chatRooms).toBeNull();
  });

  it('refuses a blocked pair with NOT_FOUND, either way, and stores nothing', async () => {
    const [ana, bob] = [await registerPlayer(url), await registerPlayer(url)];
    const opened = await sendPrivate(ana, bob, 'hi');
    await must(bob, `mutation($u: ID!) { blockUser(input: { userId: $u }) { friend { state } } }`, { u: ana.id });
    await blockKnown(bob.id, ana.id);
    for (const [from, to] of [[ana, bob], [bob, ana]] as const) {
      expect(await refusal(from, SEND_PRIVATE, { input: { toUserId: to.id, text: 'hello?' } })).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await refusal(ana, SEND, { input: { roomId: opened.room.id, text: 'through the room' } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await storedIn(opened.room.id)).toBe(1);
    await must(bob, `mutation($u: ID!) { unblockUser(input: { userId: $u }) { user { id } } }`, { u: ana.id });
    await expect.poll(() => platform.runtime.db.prisma.chatBlock.count({ where: { blockerId: bob.id } }), { timeout: 15_000 }).toBe(0);
    await sendPrivate(ana, bob, 'friends again');
  });
});

describe('chat through the gateway: moderation', () => {
  it('reports reach the moderators’ queue; a muted player is refused with the time left; slow mode too', async () => {
    const roomId = await globalRoom();
    const [ana, ben, mod] = [await registerPlayer(url), await registerPlayer(url), await moderator()];
    const rude = await send(ana, roomId, 'shit, you are bad');
    const REPORT = `mutation($id: ID!, $why: String!) { reportMessage(input: { messageId: $id, reason: $why }) { report { id status reason message { id originalText } reporter { id } } } }`;
    type Report = { reportMessage: { report: { id: string; status: string; reason: string; message: { id: string; originalText: string | null }; reporter: { id: string } } } };
    const report = (await must<Report>(ben, REPORT, { id: rude.id, why: 'insults' })).reportMessage.report;
    expect(report).toMatchObject({ status: 'OPEN', reason: 'insults', message: { id: rude.id, originalText: null }, reporter: { id: ben.id } });
    expect((await must<Report>(ben, REPORT, { id: rude.id, why: 'again' })).reportMessage.report.id).toBe(report.id);
    expect(await refusal(ana, REPORT, { id: rude.id, why: 'me?' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'messageId' });

    const QUEUE = `{ chatReports(first: 100) { edges { node { id message { originalText } } } } }`;
    expect((await gql(url, QUEUE, {}, { token: ben.token })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const queue = await must<{ chatReports: { edges: { node: { id: string; message: { originalText: string } } }[] } }>(mod, QUEUE);
    expect(queue.chatReports.edges.find((e) => e.node.id === report.id)?.node.message.originalText).toBe('shit, you are bad');
    const resolved = await must<{ resolveChatReport: { report: { status: string; resolvedBy: { id: string } } } }>(mod, `mutation($id: ID!) { resolveChatReport(input: { reportId: $id, resolution: "warned" }) { report { status resolvedBy { id } } } }`, { id: report.id });
    expect(resolved.resolveChatReport.report).toEqual({ status: 'RESOLVED', resolvedBy: { id: mod.id } });

    const MUTE = `mutation($r: ID!, $u: ID!, $s: Int!) { muteUser(input: { roomId: $r, userId: $u, durationSeconds: $s }) { mute { until user { id } } } }`;
    expect(await refusal(ben, MUTE, { r: roomId, u: ana.id, s: 60 })).toMatchObject({ code: 'FORBIDDEN' });
    await must(mod, MUTE, { r: roomId, u: ana.id, s: 60 });
    const stored = await storedIn(roomId);
    const muted = await refusal(ana, SEND, { input: { roomId, text: 'let me speak' } });
    expect(muted).toMatchObject({ code: 'FORBIDDEN', reason: 'MUTED', mutedUntil: expect.any(String) });
    expect(muted!.retryAfterMs as number).toBeGreaterThan(55_000);
    expect(await storedIn(roomId)).toBe(stored);
    await must(mod, MUTE, { r: roomId, u: ana.id, s: 0 });
    await send(ana, roomId, 'thanks');

    await must(mod, `mutation($r: ID!) { updateChatRoomSettings(input: { roomId: $r, slowModeSeconds: 30 }) { room { slowModeSeconds } } }`, { r: roomId });
    await send(ben, roomId, 'first');
    const slow = await refusal(ben, SEND, { input: { roomId, text: 'second' } });
    expect(slow).toMatchObject({ code: 'RATE_LIMITED', reason: 'SLOW_MODE' });
    expect(slow!.retryAfterMs as number).toBeGreaterThan(25_000);
  });
});
