import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { liveChannel } from '../platform/live.js';
import { activeSubscriptions, subscribe, untilListening, type Subscription } from './support/ws.js';

// Chat as a studio reads it in schema/social/chat.graphql: every refusal the docstrings promise
// (its code, extensions.field and reason), the limits and defaults they name, and hostile input
// on every argument, each refused with a code and changing nothing.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ SOCIAL_CHAT_BLOCKED_TERMS: 'zorblax,scam link' }, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = { id: string; username: string; token: string };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An operation that must succeed, waiting out the 3-per-second send limit (tested in chat.test.ts). */
async function must<T>(player: Player | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let result = await gql<T>(url, query, variables, { token: player?.token });
  for (let tries = 0; result.errors?.[0]?.extensions?.reason === 'RATE' && tries < 5; tries++) {
    await sleep(Number(result.errors[0].extensions.retryAfterMs) + 10);
    result = await gql<T>(url, query, variables, { token: player?.token });
  }
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}
/** The extensions of an operation's first error; the operation must answer no data and an error with a code. */
async function refusal(player: Player | undefined, query: string, variables: Record<string, unknown>) {
  let result = await gql(url, query, variables, { token: player?.token });
  for (let tries = 0; result.errors?.[0]?.extensions?.reason === 'RATE' && tries < 5; tries++) {
    await sleep(Number(result.errors[0].extensions.retryAfterMs) + 10);
    result = await gql(url, query, variables, { token: player?.token });
  }
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
  return { message: result.errors![0]!.message, ...result.errors![0]!.extensions } as { message: string; code?: unknown } & Record<string, unknown>;
}
type Case = [name: string, player: Player | undefined, variables: Record<string, unknown>, expected: Record<string, unknown>];
async function expectRefusals(query: string, cases: Case[]) {
  for (const [name, player, variables, expected] of cases) {
    const refused = await refusal(player, query, variables).catch((error: Error) => {
      throw new Error(`${name}: ${error.message}`);
    });
    expect(refused, name).toMatchObject(expected);
  }
}

async function withRole(role: 'MODERATOR' | 'ADMIN'): Promise<Player> {
  const player = await registerPlayer(url);
  if (role === 'ADMIN') return { ...player, token: await signInAsAdmin(platform, url, player) };
  await platform.runtime.db.prisma.user.update({ where: { id: player.id }, data: { role } });
  const login = await must<{ login: { accessToken: string } }>(undefined, `mutation($u: String!) { login(input: { usernameOrEmail: $u, password: "password123" }) { accessToken } }`, { u: player.username });
  return { ...player, token: login.login.accessToken };
}
const globalRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `acc_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
const systemRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `acc_sys_${randomUUID().slice(0, 8)}`, kind: 'SYSTEM', maxMembers: 100_000, postPolicy: 'NOBODY' } })).id;
const stored = (roomId: string) => platform.runtime.db.prisma.chatMessage.count({ where: { roomId } });

const MESSAGE = `id cursor kind text author { id } room { id }`;
type Message = { id: string; cursor: string; kind: string; text: string; room: { id: string } };
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { ${MESSAGE} } } }`;
const send = async (player: Player, roomId: string, text: string) =>
  (await must<{ sendMessage: { message: Message } }>(player, SEND, { input: { roomId, text } })).sendMessage.message;
const SEND_PRIVATE = `mutation($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { message { ${MESSAGE} } } }`;
const CREATE_PARTY = `mutation($input: CreatePartyInput!) { createParty(input: $input) { room { id kind maxMembers memberCount postPolicy slowModeSeconds } } }`;
const createParty = async (owner: Player, maxMembers?: number) =>
  (await must<{ createParty: { room: { id: string } } }>(owner, CREATE_PARTY, { input: { name: uniqueName('party'), maxMembers } })).createParty.room.id;
const INVITE = `mutation($r: ID!, $u: ID!) { inviteToParty(input: { roomId: $r, userId: $u }) { added room { memberCount } } }`;
const KICK = `mutation($r: ID!, $u: ID!) { kickFromParty(input: { roomId: $r, userId: $u }) { removed } }`;
const HUGE = 'x'.repeat(100_000);

describe('acceptance: chat reads', () => {
  it('chatRooms: anonymous callers see GLOBAL and SYSTEM rooms only; page sizes 0–100 and malformed cursors', async () => {
    const ana = await registerPlayer(url);
    const party = await createParty(ana);
    const ROOMS = `query($kind: ChatRoomKind, $first: Int, $after: String, $last: Int, $before: String) {
      chatRooms(kind: $kind, first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id kind } } pageInfo { hasNextPage hasPreviousPage } } }`;
    type Rooms = { chatRooms: { edges: { cursor: string; node: { id: string; kind: string } }[]; pageInfo: { hasNextPage: boolean } } };
    const anonymous = await must<Rooms>(undefined, ROOMS, { first: 100 });
    expect(anonymous.chatRooms.edges.length).toBeGreaterThan(0);
    expect(new Set(anonymous.chatRooms.edges.map((e) => e.node.kind))).toSatisfy((kinds: Set<string>) => [...kinds].every((k) => k === 'GLOBAL' || k === 'SYSTEM'));
    const mine = await must<Rooms>(ana, ROOMS, { kind: 'PARTY', first: 100 });
    expect(mine.chatRooms.edges.map((e) => e.node.id)).toEqual([party]);
    expect((await must<Rooms>(undefined, ROOMS, { kind: 'PARTY' })).chatRooms.edges).toEqual([]);
    const empty = await must<Rooms>(undefined, ROOMS, { first: 0 });
    expect(empty.chatRooms.edges).toEqual([]);
    // oldest first, and after/before page around a cursor
    const all = anonymous.chatRooms.edges;
    if (all.length >= 2) {
      const next = await must<Rooms>(undefined, ROOMS, { first: 1, after: all[0]!.cursor });
      expect(next.chatRooms.edges[0]!.node.id).toBe(all[1]!.node.id);
      const previous = await must<Rooms>(undefined, ROOMS, { last: 1, before: all[1]!.cursor });
      expect(previous.chatRooms.edges[0]!.node.id).toBe(all[0]!.node.id);
    }
    await expectRefusals(ROOMS, [
      ['first -1', undefined, { first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first 101', undefined, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['last 101', undefined, { last: 101 }, { code: 'BAD_USER_INPUT', field: 'last' }],
      ['last -5', undefined, { last: -5 }, { code: 'BAD_USER_INPUT', field: 'last' }],
      ['a malformed after', undefined, { after: 'not a cursor' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a malformed before', undefined, { before: '%%%' }, { code: 'BAD_USER_INPUT', field: 'before' }],
      ['a huge after', undefined, { after: HUGE }, { code: 'BAD_USER_INPUT' }],
      ['first 1,000', undefined, { first: 1_000 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      // The gateway's cost check (a page multiplies what it selects) may refuse a giant page first.
      ['first 2^31-1', undefined, { first: 2 ** 31 - 1 }, { code: expect.stringMatching(/^(BAD_USER_INPUT|OPERATION_LIMIT_EXCEEDED)$/) }],
    ]);
  });

  it('chatRoom: null for unknown, malformed and other types’ ids, and for a party the viewer is not in', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(ana);
    const ROOM = `query($id: ID!) { chatRoom(id: $id) { id } }`;
    for (const id of [randomUUID(), 'nope', '', ' ', HUGE.slice(0, 5_000), ana.id, '\u{1F600}']) {
      const result = await gql<{ chatRoom: unknown }>(url, ROOM, { id }, { token: ben.token });
      expect(result.errors, id.slice(0, 20)).toBeUndefined();
      expect(result.data?.chatRoom).toBeNull();
    }
    expect((await must<{ chatRoom: unknown }>(ben, ROOM, { id: party })).chatRoom).toBeNull();
    expect((await must<{ chatRoom: unknown }>(undefined, ROOM, { id: party })).chatRoom).toBeNull();
    expect((await must<{ chatRoom: { id: string } }>(ana, ROOM, { id: party })).chatRoom).toEqual({ id: party });
  });

  it('ChatRoom.messages, members and User.chatRooms: page sizes 0–100, malformed cursors; another player’s chatRooms is null', async () => {
    const roomId = await globalRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(ana);
    await send(ana, roomId, 'one');
    await send(ana, roomId, 'two');
    const MESSAGES = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { chatRoom(id: $id) { messages(first: $first, after: $after, last: $last, before: $before) { edges { node { text } } pageInfo { hasNextPage hasPreviousPage } } } }`;
    type Page = { chatRoom: { messages: { edges: { node: { text: string } }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } } } };
    expect((await must<Page>(undefined, MESSAGES, { id: roomId, first: 0 })).chatRoom.messages.edges).toEqual([]);
    const latest = await must<Page>(undefined, MESSAGES, { id: roomId, last: 1 });
    expect(latest.chatRoom.messages.edges.map((e) => e.node.text)).toEqual(['two']);
    expect(latest.chatRoom.messages.pageInfo.hasPreviousPage).toBe(true);
    await expectRefusals(MESSAGES, [
      ['first 101', undefined, { id: roomId, first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first -1', undefined, { id: roomId, first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['last 101', undefined, { id: roomId, last: 101 }, { code: 'BAD_USER_INPUT', field: 'last' }],
      ['a malformed after', undefined, { id: roomId, after: 'zzz' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a malformed before', undefined, { id: roomId, before: 'zzz' }, { code: 'BAD_USER_INPUT', field: 'before' }],
      // One cursor per page, in its direction: what would be ignored is refused.
      ['after and before', undefined, { id: roomId, after: 'IjEi', before: 'IjMi' }, { code: 'BAD_USER_INPUT', field: 'before' }],
      ['first with before', undefined, { id: roomId, first: 1, before: 'IjMi' }, { code: 'BAD_USER_INPUT', field: 'before' }],
      ['first with a malformed before', undefined, { id: roomId, first: 1, before: '%%%' }, { code: 'BAD_USER_INPUT', field: 'before' }],
      ['last with after', undefined, { id: roomId, last: 1, after: 'IjEi' }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ]);
    const MEMBERS = `query($id: ID!, $first: Int) { chatRoom(id: $id) { members(first: $first) { role user { id } } } }`;
    expect((await must<{ chatRoom: { members: unknown[] } }>(ana, MEMBERS, { id: party })).chatRoom.members).toEqual([{ role: 'OWNER', user: { id: ana.id } }]);
    expect((await must<{ chatRoom: { members: unknown[] } }>(ana, MEMBERS, { id: roomId })).chatRoom.members).toEqual([]);
    await expectRefusals(MEMBERS, [
      ['members first 101', ana, { id: party, first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['members first -1', ana, { id: party, first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
    ]);
    const MY_ROOMS = `query($id: ID!, $first: Int) { user(id: $id) { chatRooms(first: $first) { room { id } unreadCount } } }`;
    expect((await must<{ user: { chatRooms: unknown } }>(ben, MY_ROOMS, { id: ana.id })).user.chatRooms).toBeNull();
    expect((await must<{ user: { chatRooms: unknown } }>(undefined, MY_ROOMS, { id: ana.id })).user.chatRooms).toBeNull();
    expect((await must<{ user: { chatRooms: { room: { id: string } }[] } }>(ana, MY_ROOMS, { id: ana.id })).user.chatRooms.map((r) => r.room.id)).toContain(party);
    await expectRefusals(MY_ROOMS, [
      ['chatRooms first 101', ana, { id: ana.id, first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['chatRooms first -1', ana, { id: ana.id, first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
    ]);
  });

  it('chatReports: UNAUTHENTICATED signed out, FORBIDDEN for players, page bounds for moderators', async () => {
    const [ana, mod] = [await registerPlayer(url), await withRole('MODERATOR')];
    const REPORTS = `query($status: ChatReportStatus, $first: Int, $after: String) { chatReports(status: $status, first: $first, after: $after) { edges { node { id status } } } }`;
    await expectRefusals(REPORTS, [
      ['signed out', undefined, {}, { code: 'UNAUTHENTICATED' }],
      ['a player', ana, {}, { code: 'FORBIDDEN' }],
      ['first 101', mod, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first -1', mod, { first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a malformed after', mod, { after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ]);
    expect((await must<{ chatReports: { edges: unknown[] } }>(mod, REPORTS, { first: 0 })).chatReports.edges).toEqual([]);
  });
});

describe('acceptance: sending', () => {
  it('sendMessage refuses hostile input with the documented code and field, and stores nothing', async () => {
    const roomId = await globalRoom();
    const system = await systemRoom();
    const ana = await registerPlayer(url);
    const moderated = await globalRoom();
    await platform.runtime.db.prisma.chatRoom.update({ where: { id: moderated }, data: { postPolicy: 'MODERATORS' } });
    await expectRefusals(SEND, [
      ['a NUL', ana, { input: { roomId, text: 'a\u0000b' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['an ANSI escape', ana, { input: { roomId, text: '\u001b[31mred' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['a direction override', ana, { input: { roomId, text: 'abc\u202Edef' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['only zero-width', ana, { input: { roomId, text: '\u200B\u200B' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['empty', ana, { input: { roomId, text: '' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['2,001 code points', ana, { input: { roomId, text: '\u{1F600}'.repeat(2_001) } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['100 KB', ana, { input: { roomId, text: HUGE } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['a 65-character clientMessageId', ana, { input: { roomId, text: 'hi', clientMessageId: 'a'.repeat(65) } }, { code: 'BAD_USER_INPUT', field: 'clientMessageId' }],
      ['an empty clientMessageId', ana, { input: { roomId, text: 'hi', clientMessageId: '' } }, { code: 'BAD_USER_INPUT', field: 'clientMessageId' }],
      ['a clientMessageId with a slash', ana, { input: { roomId, text: 'hi', clientMessageId: 'a/b' } }, { code: 'BAD_USER_INPUT', field: 'clientMessageId' }],
      ['a malformed room id', ana, { input: { roomId: 'not-an-id', text: 'hi' } }, { code: 'NOT_FOUND' }],
      ['a huge room id', ana, { input: { roomId: HUGE, text: 'hi' } }, { code: expect.stringMatching(/NOT_FOUND|BAD_USER_INPUT/) }],
      ['a player id as room id', ana, { input: { roomId: ana.id, text: 'hi' } }, { code: 'NOT_FOUND' }],
      ['a SYSTEM room', ana, { input: { roomId: system, text: 'hi' } }, { code: 'FORBIDDEN', reason: 'READ_ONLY' }],
      ['a MODERATORS room', ana, { input: { roomId: moderated, text: 'hi' } }, { code: 'FORBIDDEN', reason: 'MODERATORS_ONLY' }],
    ]);
    expect(await stored(roomId)).toBe(0);
    expect(await stored(system)).toBe(0);
    expect(await stored(moderated)).toBe(0);
    // The limits hold exactly: 2,000 code points (after trimming) are taken.
    const long = await send(ana, roomId, `  ${'\u{1F600}'.repeat(2_000)}  `);
    expect([...long.text]).toHaveLength(2_000);
    // A valid UUID works as a clientMessageId, and 64 characters are taken.
    await must(ana, SEND, { input: { roomId, text: 'uuid', clientMessageId: randomUUID() } });
    await must(ana, SEND, { input: { roomId, text: 'long key', clientMessageId: 'k'.repeat(64) } });
  });

  it('a clientMessageId reused for another room is CONFLICT, and concurrent retries store one message', async () => {
    const [roomA, roomB] = [await globalRoom(), await globalRoom()];
    const ana = await registerPlayer(url);
    const key = `retry-${randomUUID()}`;
    const results = await Promise.all([0, 1, 2].map(() => gql<{ sendMessage: { message: Message } }>(url, SEND, { input: { roomId: roomA, text: 'once', clientMessageId: key } }, { token: ana.token })));
    const ids = new Set(results.filter((r) => r.data).map((r) => r.data!.sendMessage.message.id));
    expect(ids.size).toBe(1);
    expect(await stored(roomA)).toBe(1);
    await sleep(1_100);
    expect(await refusal(ana, SEND, { input: { roomId: roomB, text: 'once', clientMessageId: key } })).toMatchObject({ code: 'CONFLICT', field: 'clientMessageId' });
    expect(await stored(roomB)).toBe(0);
    // Keys are per author: another player may use the same one.
    const ben = await registerPlayer(url);
    await must(ben, SEND, { input: { roomId: roomA, text: 'once', clientMessageId: key } });
    expect(await stored(roomA)).toBe(2);
  });

  it('sendPrivateMessage: oneself is BAD_USER_INPUT toUserId; unknown, malformed and other types’ ids are NOT_FOUND', async () => {
    const ana = await registerPlayer(url);
    const party = await createParty(ana);
    await expectRefusals(SEND_PRIVATE, [
      ['signed out', undefined, { input: { toUserId: ana.id, text: 'hi' } }, { code: 'UNAUTHENTICATED' }],
      ['oneself', ana, { input: { toUserId: ana.id, text: 'hi' } }, { code: 'BAD_USER_INPUT', field: 'toUserId' }],
      ['an unknown player', ana, { input: { toUserId: randomUUID(), text: 'hi' } }, { code: 'NOT_FOUND' }],
      ['a malformed id', ana, { input: { toUserId: 'nobody', text: 'hi' } }, { code: 'NOT_FOUND' }],
      ['a room id', ana, { input: { toUserId: party, text: 'hi' } }, { code: 'NOT_FOUND' }],
    ]);
    expect(await platform.runtime.db.prisma.chatRoom.count({ where: { kind: 'PRIVATE', members: { some: { userId: ana.id } } } })).toBe(0);
  });
});

describe('acceptance: editing, deleting, reporting', () => {
  it('editMessage and deleteMessage: who may, tombstones, MEMBER_JOINED messages and hostile ids', async () => {
    const roomId = await globalRoom();
    const [ana, ben, mod] = [await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR')];
    const message = await send(ana, roomId, 'first words');
    const joined = await must<{ joinRoom: { messages: Message[] } }>(ben, `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { messages { id kind } } }`, { r: roomId });
    const joinMessage = joined.joinRoom.messages.find((m) => m.kind === 'MEMBER_JOINED')!;
    const EDIT = `mutation($input: EditMessageInput!) { editMessage(input: $input) { message { id text editedAt } } }`;
    const DELETE = `mutation($input: DeleteMessageInput!) { deleteMessage(input: $input) { message { id text deletedAt } } }`;
    await expectRefusals(EDIT, [
      ['signed out', undefined, { input: { messageId: message.id, text: 'x' } }, { code: 'UNAUTHENTICATED' }],
      ['another player', ben, { input: { messageId: message.id, text: 'x' } }, { code: 'FORBIDDEN' }],
      ['a MEMBER_JOINED message by its subject', ben, { input: { messageId: joinMessage.id, text: 'x' } }, { code: 'FORBIDDEN' }],
      ['a MEMBER_JOINED message by a moderator', mod, { input: { messageId: joinMessage.id, text: 'x' } }, { code: 'FORBIDDEN' }],
      ['an empty text', ana, { input: { messageId: message.id, text: '   ' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['a control character', ana, { input: { messageId: message.id, text: 'a\u0007' } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['an unknown message', ana, { input: { messageId: randomUUID(), text: 'x' } }, { code: 'NOT_FOUND' }],
      ['a malformed id', ana, { input: { messageId: '../etc', text: 'x' } }, { code: 'NOT_FOUND' }],
      ['a room id', ana, { input: { messageId: roomId, text: 'x' } }, { code: 'NOT_FOUND' }],
    ]);
    await expectRefusals(DELETE, [
      ['signed out', undefined, { input: { messageId: message.id } }, { code: 'UNAUTHENTICATED' }],
      ['another player', ben, { input: { messageId: message.id } }, { code: 'FORBIDDEN' }],
      ['an unknown message', ana, { input: { messageId: randomUUID() } }, { code: 'NOT_FOUND' }],
      ['a malformed id', ana, { input: { messageId: 'x' } }, { code: 'NOT_FOUND' }],
    ]);
    const unchanged = await platform.runtime.db.prisma.chatMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(unchanged).toMatchObject({ editedAt: null, deletedAt: null });
    const edited = await must<{ editMessage: { message: { text: string; editedAt: string } } }>(mod, EDIT, { input: { messageId: message.id, text: 'fixed by a moderator' } });
    expect(edited.editMessage.message).toMatchObject({ text: 'fixed by a moderator', editedAt: expect.any(String) });
    const deleted = await must<{ deleteMessage: { message: { text: string; deletedAt: string } } }>(ana, DELETE, { input: { messageId: message.id } });
    expect(deleted.deleteMessage.message).toMatchObject({ text: '', deletedAt: expect.any(String) });
    const again = await must<{ deleteMessage: { message: { deletedAt: string } } }>(ana, DELETE, { input: { messageId: message.id } });
    expect(again.deleteMessage.message.deletedAt).toBe(deleted.deleteMessage.message.deletedAt);
    expect(await refusal(ana, EDIT, { input: { messageId: message.id, text: 'back' } })).toMatchObject({ code: 'CONFLICT' });
  });

  it('reportMessage and resolveChatReport: reason and resolution bounds, own messages, a second report answers the first', async () => {
    const roomId = await globalRoom();
    const [ana, ben, mod] = [await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR')];
    const message = await send(ana, roomId, 'report me');
    const REPORT = `mutation($input: ReportMessageInput!) { reportMessage(input: $input) { report { id status reason reporter { id } } } }`;
    await expectRefusals(REPORT, [
      ['signed out', undefined, { input: { messageId: message.id, reason: 'spam' } }, { code: 'UNAUTHENTICATED' }],
      ['one’s own message', ana, { input: { messageId: message.id, reason: 'spam' } }, { code: 'BAD_USER_INPUT', field: 'messageId' }],
      ['an empty reason', ben, { input: { messageId: message.id, reason: '' } }, { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a blank reason', ben, { input: { messageId: message.id, reason: '  \n ' } }, { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a 501-character reason', ben, { input: { messageId: message.id, reason: 'r'.repeat(501) } }, { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['a control character', ben, { input: { messageId: message.id, reason: 'bad\u0000' } }, { code: 'BAD_USER_INPUT', field: 'reason' }],
      ['an unknown message', ben, { input: { messageId: randomUUID(), reason: 'spam' } }, { code: 'NOT_FOUND' }],
      ['a malformed message id', ben, { input: { messageId: 'nope', reason: 'spam' } }, { code: 'NOT_FOUND' }],
    ]);
    expect(await platform.runtime.db.prisma.chatReport.count({ where: { messageId: message.id } })).toBe(0);
    const first = await must<{ reportMessage: { report: { id: string; status: string } } }>(ben, REPORT, { input: { messageId: message.id, reason: 'r'.repeat(500) } });
    expect(first.reportMessage.report.status).toBe('OPEN');
    const second = await must<{ reportMessage: { report: { id: string; reason: string } } }>(ben, REPORT, { input: { messageId: message.id, reason: 'again' } });
    expect(second.reportMessage.report).toMatchObject({ id: first.reportMessage.report.id, reason: 'r'.repeat(500) });
    const RESOLVE = `mutation($input: ResolveChatReportInput!) { resolveChatReport(input: $input) { report { id status resolution resolvedAt resolvedBy { id } } } }`;
    const reportId = first.reportMessage.report.id;
    await expectRefusals(RESOLVE, [
      ['signed out', undefined, { input: { reportId } }, { code: 'UNAUTHENTICATED' }],
      ['a player', ben, { input: { reportId } }, { code: 'FORBIDDEN' }],
      ['an unknown report', mod, { input: { reportId: randomUUID() } }, { code: 'NOT_FOUND' }],
      ['a malformed report id', mod, { input: { reportId: 'x'.repeat(300) } }, { code: 'NOT_FOUND' }],
      ['a 501-character note', mod, { input: { reportId, resolution: 'n'.repeat(501) } }, { code: 'BAD_USER_INPUT', field: 'resolution' }],
      ['a control character', mod, { input: { reportId, resolution: '\u001b[2J' } }, { code: 'BAD_USER_INPUT', field: 'resolution' }],
    ]);
    const resolved = await must<{ resolveChatReport: { report: { status: string; resolvedAt: string; resolution: string | null; resolvedBy: { id: string } } } }>(mod, RESOLVE, { input: { reportId, resolution: 'warned' } });
    expect(resolved.resolveChatReport.report).toMatchObject({ status: 'RESOLVED', resolution: 'warned', resolvedBy: { id: mod.id } });
    const again = await must<{ resolveChatReport: { report: { resolvedAt: string; resolution: string } } }>(mod, RESOLVE, { input: { reportId, resolution: 'changed my mind' } });
    expect(again.resolveChatReport.report).toMatchObject({ resolvedAt: resolved.resolveChatReport.report.resolvedAt, resolution: 'warned' });
  });
});

describe('acceptance: rooms, parties and moderation', () => {
  it('createParty: name 1–50 characters on one line, size 2–8 (8 by default)', async () => {
    const ana = await registerPlayer(url);
    const before = await platform.runtime.db.prisma.chatRoom.count({ where: { kind: 'PARTY' } });
    await expectRefusals(CREATE_PARTY, [
      ['signed out', undefined, { input: { name: 'p' } }, { code: 'UNAUTHENTICATED' }],
      ['an empty name', ana, { input: { name: '' } }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a blank name', ana, { input: { name: '   ' } }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 51-character name', ana, { input: { name: 'n'.repeat(51) } }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['two lines', ana, { input: { name: 'a\nb' } }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a NUL', ana, { input: { name: 'a\u0000' } }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['size 1', ana, { input: { name: 'p', maxMembers: 1 } }, { code: 'BAD_USER_INPUT', field: 'maxMembers' }],
      ['size 9', ana, { input: { name: 'p', maxMembers: 9 } }, { code: 'BAD_USER_INPUT', field: 'maxMembers' }],
      ['size -1', ana, { input: { name: 'p', maxMembers: -1 } }, { code: 'BAD_USER_INPUT', field: 'maxMembers' }],
    ]);
    expect(await platform.runtime.db.prisma.chatRoom.count({ where: { kind: 'PARTY' } })).toBe(before);
    const party = await must<{ createParty: { room: Record<string, unknown> } }>(ana, CREATE_PARTY, { input: { name: 'n'.repeat(50) } });
    expect(party.createParty.room).toMatchObject({ kind: 'PARTY', maxMembers: 8, memberCount: 1, postPolicy: 'MEMBERS', slowModeSeconds: 0 });
    const pair = await must<{ createParty: { room: Record<string, unknown> } }>(ana, CREATE_PARTY, { input: { name: 'duo', maxMembers: 2 } });
    expect(pair.createParty.room).toMatchObject({ maxMembers: 2 });
  });

  it('inviteToParty and kickFromParty: owner and staff members only, oneself, unknown players, full parties, non-parties', async () => {
    const [owner, ben, cat, dan, mod, outsideMod] = [
      await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR'), await withRole('MODERATOR'),
    ];
    const party = await createParty(owner, 3);
    const roomId = await globalRoom();
    await expectRefusals(INVITE, [
      ['signed out', undefined, { r: party, u: ben.id }, { code: 'UNAUTHENTICATED' }],
      ['oneself', owner, { r: party, u: owner.id }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['an unknown player', owner, { r: party, u: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed player id', owner, { r: party, u: 'zzz' }, { code: 'NOT_FOUND' }],
      ['an outsider inviting', ben, { r: party, u: cat.id }, { code: 'NOT_FOUND' }],
      ['a moderator outside the party (it is invisible to them)', outsideMod, { r: party, u: cat.id }, { code: 'NOT_FOUND' }],
      ['an unknown room', owner, { r: randomUUID(), u: ben.id }, { code: 'NOT_FOUND' }],
      ['a GLOBAL room', owner, { r: roomId, u: ben.id }, { code: 'FORBIDDEN' }],
      ['a GLOBAL room, by staff', mod, { r: roomId, u: ben.id }, { code: 'FORBIDDEN' }],
    ]);
    expect(await platform.runtime.db.prisma.chatRoomMember.count({ where: { roomId: party } })).toBe(1);
    expect(await must(owner, INVITE, { r: party, u: mod.id })).toMatchObject({ inviteToParty: { added: true, room: { memberCount: 2 } } });
    expect(await must(mod, INVITE, { r: party, u: ben.id })).toMatchObject({ inviteToParty: { added: true, room: { memberCount: 3 } } });
    expect(await must(owner, INVITE, { r: party, u: ben.id })).toMatchObject({ inviteToParty: { added: false, room: { memberCount: 3 } } });
    await expectRefusals(INVITE, [
      ['a member who is not the owner', ben, { r: party, u: cat.id }, { code: 'FORBIDDEN' }],
      ['a full party', owner, { r: party, u: cat.id }, { code: 'FORBIDDEN', reason: 'ROOM_FULL' }],
      ['a full party, by staff', mod, { r: party, u: dan.id }, { code: 'FORBIDDEN', reason: 'ROOM_FULL' }],
    ]);
    await expectRefusals(KICK, [
      ['signed out', undefined, { r: party, u: ben.id }, { code: 'UNAUTHENTICATED' }],
      ['oneself', owner, { r: party, u: owner.id }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['a member kicking', ben, { r: party, u: owner.id }, { code: 'FORBIDDEN' }],
      ['the owner, by staff', mod, { r: party, u: owner.id }, { code: 'FORBIDDEN' }],
      ['a GLOBAL room', mod, { r: roomId, u: ben.id }, { code: 'FORBIDDEN' }],
      ['an outsider', cat, { r: party, u: ben.id }, { code: 'NOT_FOUND' }],
      ['a moderator outside the party', outsideMod, { r: party, u: ben.id }, { code: 'NOT_FOUND' }],
    ]);
    expect(await platform.runtime.db.prisma.chatRoomMember.count({ where: { roomId: party } })).toBe(3);
    expect(await must(owner, KICK, { r: party, u: cat.id })).toEqual({ kickFromParty: { removed: false } });
    expect(await must(owner, KICK, { r: party, u: randomUUID() })).toEqual({ kickFromParty: { removed: false } });
    expect(await must(mod, KICK, { r: party, u: ben.id })).toEqual({ kickFromParty: { removed: true } });
  });

  it('joinRoom and leaveRoom: who may join, twice changes nothing, GUILD and PRIVATE rooms cannot be left', async () => {
    const roomId = await globalRoom();
    const system = await systemRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(ana);
    const JOIN = `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined room { id memberCount } messages { kind subject { id } } } }`;
    const LEAVE = `mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { roomId left } }`;
    await expectRefusals(JOIN, [
      ['signed out', undefined, { r: roomId }, { code: 'UNAUTHENTICATED' }],
      ['a party', ben, { r: party }, { code: 'NOT_FOUND' }],
      ['an unknown room', ben, { r: randomUUID() }, { code: 'NOT_FOUND' }],
      ['a malformed id', ben, { r: '' }, { code: 'NOT_FOUND' }],
    ]);
    type Joined = { joinRoom: { joined: boolean; room: { memberCount: number }; messages: { kind: string; subject: { id: string } | null }[] } };
    const first = await must<Joined>(ben, JOIN, { r: roomId });
    const second = await must<Joined>(ben, JOIN, { r: roomId });
    expect([first.joinRoom.joined, second.joinRoom.joined]).toEqual([true, false]);
    expect(second.joinRoom.messages.filter((m) => m.kind === 'MEMBER_JOINED' && m.subject?.id === ben.id)).toHaveLength(1);
    expect(second.joinRoom.room.memberCount).toBe(1);
    const silent = await must<Joined>(ben, JOIN, { r: system });
    expect(silent.joinRoom.messages).toEqual([]);
    // A PRIVATE room cannot be left
    const pm = await must<{ sendPrivateMessage: { message: { room: { id: string } } } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'hi' } }).catch(async () => {
      await sleep(1_100);
      return must<{ sendPrivateMessage: { message: { room: { id: string } } } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'hi' } });
    });
    await expectRefusals(LEAVE, [
      ['signed out', undefined, { r: roomId }, { code: 'UNAUTHENTICATED' }],
      ['a party one is not in', ben, { r: party }, { code: 'NOT_FOUND' }],
      ['a PRIVATE room', ben, { r: pm.sendPrivateMessage.message.room.id }, { code: 'FORBIDDEN' }],
    ]);
    expect(await must(ben, LEAVE, { r: roomId })).toEqual({ leaveRoom: { roomId, left: true } });
    expect(await must(ben, LEAVE, { r: roomId })).toEqual({ leaveRoom: { roomId, left: false } });
  });

  it('updateChatRoomSettings and muteUser: staff and party owners only, bounds, SYSTEM and PRIVATE rooms', async () => {
    const roomId = await globalRoom();
    const system = await systemRoom();
    const [owner, ben, mod, admin] = [await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR'), await withRole('ADMIN')];
    const party = await createParty(owner);
    await must(owner, INVITE, { r: party, u: ben.id });
    const SETTINGS = `mutation($input: UpdateChatRoomSettingsInput!) { updateChatRoomSettings(input: $input) { room { slowModeSeconds postPolicy } } }`;
    await expectRefusals(SETTINGS, [
      ['signed out', undefined, { input: { roomId, slowModeSeconds: 5 } }, { code: 'UNAUTHENTICATED' }],
      ['a player in a GLOBAL room', ben, { input: { roomId, slowModeSeconds: 5 } }, { code: 'FORBIDDEN' }],
      ['a member of a party', ben, { input: { roomId: party, slowModeSeconds: 5 } }, { code: 'FORBIDDEN' }],
      ['an admin in a SYSTEM room', admin, { input: { roomId: system, slowModeSeconds: 5 } }, { code: 'FORBIDDEN' }],
      ['slow mode -1', mod, { input: { roomId, slowModeSeconds: -1 } }, { code: 'BAD_USER_INPUT', field: 'slowModeSeconds' }],
      ['slow mode 3,601', mod, { input: { roomId, slowModeSeconds: 3_601 } }, { code: 'BAD_USER_INPUT', field: 'slowModeSeconds' }],
      ['an unknown room', mod, { input: { roomId: randomUUID(), slowModeSeconds: 1 } }, { code: 'NOT_FOUND' }],
    ]);
    expect(await must(mod, SETTINGS, { input: { roomId, slowModeSeconds: 3_600 } })).toEqual({ updateChatRoomSettings: { room: { slowModeSeconds: 3_600, postPolicy: 'MEMBERS' } } });
    expect(await must(owner, SETTINGS, { input: { roomId: party, postPolicy: 'MODERATORS' } })).toEqual({ updateChatRoomSettings: { room: { slowModeSeconds: 0, postPolicy: 'MODERATORS' } } });
    const MUTE = `mutation($input: MuteUserInput!) { muteUser(input: $input) { mute { until user { id } mutedBy { id } } } }`;
    await expectRefusals(MUTE, [
      ['signed out', undefined, { input: { roomId, userId: ben.id, durationSeconds: 60 } }, { code: 'UNAUTHENTICATED' }],
      ['a player', ben, { input: { roomId, userId: owner.id, durationSeconds: 60 } }, { code: 'FORBIDDEN' }],
      ['a SYSTEM room', admin, { input: { roomId: system, userId: ben.id, durationSeconds: 60 } }, { code: 'FORBIDDEN' }],
      ['oneself', mod, { input: { roomId, userId: mod.id, durationSeconds: 60 } }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['-1 seconds', mod, { input: { roomId, userId: ben.id, durationSeconds: -1 } }, { code: 'BAD_USER_INPUT', field: 'durationSeconds' }],
      ['30 days and a second', mod, { input: { roomId, userId: ben.id, durationSeconds: 2_592_001 } }, { code: 'BAD_USER_INPUT', field: 'durationSeconds' }],
      ['an unknown player', mod, { input: { roomId, userId: randomUUID(), durationSeconds: 60 } }, { code: 'NOT_FOUND' }],
      ['a malformed player id', mod, { input: { roomId, userId: 'x', durationSeconds: 60 } }, { code: 'NOT_FOUND' }],
      ['an unknown room', mod, { input: { roomId: randomUUID(), userId: ben.id, durationSeconds: 60 } }, { code: 'NOT_FOUND' }],
    ]);
    expect(await platform.runtime.db.prisma.chatMute.count({ where: { userId: ben.id } })).toBe(0);
    const muted = await must<{ muteUser: { mute: { until: string } } }>(mod, MUTE, { input: { roomId, userId: ben.id, durationSeconds: 2_592_000 } });
    expect(Date.parse(muted.muteUser.mute.until) - Date.now()).toBeGreaterThan(2_592_000_000 - 60_000);
    const refused = await refusal(ben, SEND, { input: { roomId, text: 'let me talk' } });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'MUTED', mutedUntil: expect.any(String), retryAfterMs: expect.any(Number) });
    expect(await must(mod, MUTE, { input: { roomId, userId: ben.id, durationSeconds: 0 } })).toEqual({ muteUser: { mute: null } });
    await send(ben, roomId, 'free again');
    // A party's owner mutes in their party.
    expect((await must<{ muteUser: { mute: { user: { id: string } } } }>(owner, MUTE, { input: { roomId: party, userId: ben.id, durationSeconds: 5 } })).muteUser.mute.user.id).toBe(ben.id);
  });

  it('postAnnouncement: admins only, SYSTEM rooms only, text rules', async () => {
    const roomId = await globalRoom();
    const system = await systemRoom();
    const [ana, mod, admin] = [await registerPlayer(url), await withRole('MODERATOR'), await withRole('ADMIN')];
    const ANNOUNCE = `mutation($input: PostAnnouncementInput!) { postAnnouncement(input: $input) { message { kind text author { id } room { id kind } } } }`;
    await expectRefusals(ANNOUNCE, [
      ['signed out', undefined, { input: { text: 'hi', roomId: system } }, { code: 'UNAUTHENTICATED' }],
      ['a player', ana, { input: { text: 'hi', roomId: system } }, { code: 'FORBIDDEN' }],
      ['a moderator', mod, { input: { text: 'hi', roomId: system } }, { code: 'FORBIDDEN' }],
      ['a GLOBAL room', admin, { input: { text: 'hi', roomId } }, { code: 'NOT_FOUND' }],
      ['an unknown room', admin, { input: { text: 'hi', roomId: randomUUID() } }, { code: 'NOT_FOUND' }],
      ['an empty text', admin, { input: { text: '', roomId: system } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['2,001 characters', admin, { input: { text: 'a'.repeat(2_001), roomId: system } }, { code: 'BAD_USER_INPUT', field: 'text' }],
      ['a control character', admin, { input: { text: 'a\u0008', roomId: system } }, { code: 'BAD_USER_INPUT', field: 'text' }],
    ]);
    expect(await stored(system)).toBe(0);
    expect(await stored(roomId)).toBe(0);
    const posted = await must<{ postAnnouncement: { message: unknown } }>(admin, ANNOUNCE, { input: { text: 'Season 2 starts now', roomId: system } });
    expect(posted.postAnnouncement.message).toEqual({ kind: 'ANNOUNCEMENT', text: 'Season 2 starts now', author: null, room: { id: system, kind: 'SYSTEM' } });
    const fallback = await must<{ postAnnouncement: { message: { room: { kind: string } } } }>(admin, ANNOUNCE, { input: { text: 'Maintenance at noon' } });
    expect(fallback.postAnnouncement.message.room.kind).toBe('SYSTEM');
  });

  it('markRead: members only, malformed cursors, the mark only moves forward', async () => {
    const roomId = await globalRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const MARK = `mutation($input: MarkReadInput!) { markRead(input: $input) { unreadCount lastReadCursor } }`;
    await expectRefusals(MARK, [
      ['signed out', undefined, { input: { roomId } }, { code: 'UNAUTHENTICATED' }],
      ['not a member', ben, { input: { roomId } }, { code: 'FORBIDDEN' }],
      ['an unknown room', ben, { input: { roomId: randomUUID() } }, { code: 'NOT_FOUND' }],
    ]);
    await must(ben, `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined } }`, { r: roomId });
    const first = await send(ana, roomId, 'one');
    const second = await send(ana, roomId, 'two');
    await expectRefusals(MARK, [
      ['a malformed cursor', ben, { input: { roomId, upTo: 'garbage' } }, { code: 'BAD_USER_INPUT', field: 'upTo' }],
      ['a huge cursor', ben, { input: { roomId, upTo: HUGE } }, { code: 'BAD_USER_INPUT', field: 'upTo' }],
    ]);
    type Mark = { markRead: { unreadCount: number; lastReadCursor: string } };
    expect((await must<Mark>(ben, MARK, { input: { roomId, upTo: first.cursor } })).markRead).toEqual({ unreadCount: 1, lastReadCursor: first.cursor });
    expect((await must<Mark>(ben, MARK, { input: { roomId } })).markRead).toEqual({ unreadCount: 0, lastReadCursor: second.cursor });
    expect((await must<Mark>(ben, MARK, { input: { roomId, upTo: first.cursor } })).markRead).toEqual({ unreadCount: 0, lastReadCursor: second.cursor });
  });
});

describe('acceptance: chat subscriptions', () => {
  it('refuse what the docs refuse: signed-out per-viewer streams, restricted rooms in public streams, malformed cursors', async () => {
    const ana = await registerPlayer(url);
    const party = await createParty(ana);
    const roomId = await globalRoom();
    const anonymous = client();
    const signedIn = client(ana.token);
    const cases: [string, ReturnType<typeof client>, string, Record<string, unknown>, Record<string, unknown>][] = [
      ['chatRoomEvents signed out', anonymous, `subscription($r: ID!) { chatRoomEvents(roomId: $r) { type } }`, { r: roomId }, { code: 'UNAUTHENTICATED' }],
      ['privateMessageReceived signed out', anonymous, `subscription { privateMessageReceived { inboxCursor } }`, {}, { code: 'UNAUTHENTICATED' }],
      ['privateMessageReceived malformed after', signedIn, `subscription($a: String) { privateMessageReceived(after: $a) { inboxCursor } }`, { a: 'nope' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['chatRoomEvents malformed after', signedIn, `subscription($r: ID!, $a: String) { chatRoomEvents(roomId: $r, after: $a) { type } }`, { r: roomId, a: 'nope' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['chatRoomEvents a party of others', anonymous, `subscription($r: ID!) { chatRoomEvents(roomId: $r) { type } }`, { r: party }, { code: 'UNAUTHENTICATED' }],
      ['messageAdded a party', signedIn, `subscription($r: ID!) { messageAdded(roomId: $r) { id } }`, { r: party }, { code: 'NOT_FOUND' }],
      ['messageUpdated a party', anonymous, `subscription($r: ID!) { messageUpdated(roomId: $r) { id } }`, { r: party }, { code: 'NOT_FOUND' }],
      ['messageDeleted an unknown room', anonymous, `subscription($r: ID!) { messageDeleted(roomId: $r) { id } }`, { r: randomUUID() }, { code: 'NOT_FOUND' }],
      ['messageAdded a malformed room id', anonymous, `subscription($r: ID!) { messageAdded(roomId: $r) { id } }`, { r: 'x' }, { code: 'NOT_FOUND' }],
      ['messageAdded a malformed after', anonymous, `subscription($r: ID!, $a: String) { messageAdded(roomId: $r, after: $a) { id } }`, { r: roomId, a: '\u0001' }, { code: 'BAD_USER_INPUT' }],
    ];
    for (const [name, ws, query, variables, expected] of cases) {
      const sub = subscribe(ws, query, variables);
      await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000, message: name }).toBe(true);
      const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: unknown }) : undefined);
      expect(error?.extensions, name).toMatchObject(expected);
      sub.stop();
    }
  });
});

describe('acceptance: presence and typing', () => {
  it('heartbeat, goOffline, setTyping and onlineMembers: 1–20 distinct rooms, readable rooms only, page bounds', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(ana);
    const rooms = [await globalRoom(), await globalRoom()];
    const HEARTBEAT = `mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { rooms { id } onlineUntil heartbeatIntervalSeconds } }`;
    const OFFLINE = `mutation($ids: [ID!]!) { goOffline(input: { roomIds: $ids }) { rooms { id } } }`;
    const ONLINE = `query($id: ID!, $first: Int) { chatRoom(id: $id) { onlineCount onlineMembers(first: $first) { id } } }`;
    const many = Array.from({ length: 21 }, () => randomUUID());
    for (const [name, query] of [['heartbeat', HEARTBEAT], ['goOffline', OFFLINE]] as const) {
      await expectRefusals(query, [
        [`${name} signed out`, undefined, { ids: rooms }, { code: 'UNAUTHENTICATED' }],
        [`${name} no rooms`, ben, { ids: [] }, { code: 'BAD_USER_INPUT', field: 'roomIds' }],
        [`${name} 21 rooms`, ben, { ids: many }, { code: 'BAD_USER_INPUT', field: 'roomIds' }],
        [`${name} a party of others among readable rooms`, ben, { ids: [rooms[0], party] }, { code: 'NOT_FOUND' }],
        [`${name} an unknown room`, ben, { ids: [rooms[0], randomUUID()] }, { code: 'NOT_FOUND' }],
        [`${name} a malformed room id`, ben, { ids: ['nope'] }, { code: 'NOT_FOUND' }],
      ]);
    }
    // A failed heartbeat changed nothing in any room.
    expect((await must<{ chatRoom: { onlineCount: number } }>(ben, ONLINE, { id: rooms[0] })).chatRoom.onlineCount).toBe(0);
    // Repeats count once: the same room 25 times is one room.
    const beat = await must<{ heartbeat: { rooms: { id: string }[]; heartbeatIntervalSeconds: number; onlineUntil: string } }>(ben, HEARTBEAT, { ids: [...Array(25).fill(rooms[0]), rooms[1], rooms[0]] });
    expect(beat.heartbeat.rooms.map((r) => r.id)).toEqual(rooms);
    expect(beat.heartbeat.heartbeatIntervalSeconds).toBe(30);
    expect(Date.parse(beat.heartbeat.onlineUntil) - Date.now()).toBeGreaterThan(80_000);
    expect((await must<{ chatRoom: { onlineCount: number; onlineMembers: { id: string }[] } }>(ana, ONLINE, { id: rooms[0] })).chatRoom).toEqual({ onlineCount: 1, onlineMembers: [{ id: ben.id }] });
    await expectRefusals(ONLINE, [
      ['onlineCount signed out', undefined, { id: rooms[0] }, { code: 'UNAUTHENTICATED' }],
      ['onlineMembers first 0', ana, { id: rooms[0], first: 0 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['onlineMembers first 101', ana, { id: rooms[0], first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
    ]);
    expect(await must(ben, OFFLINE, { ids: [rooms[0], rooms[0]] })).toEqual({ goOffline: { rooms: [{ id: rooms[0] }] } });
    expect(await must(ben, OFFLINE, { ids: [rooms[0]] })).toEqual({ goOffline: { rooms: [{ id: rooms[0] }] } });
    expect((await must<{ chatRoom: { onlineCount: number } }>(ana, ONLINE, { id: rooms[0] })).chatRoom.onlineCount).toBe(0);
    const TYPING = `mutation($r: ID!, $t: Boolean!) { setTyping(input: { roomId: $r, typing: $t }) { sent expiresAt } }`;
    await expectRefusals(TYPING, [
      ['setTyping signed out', undefined, { r: rooms[0], t: true }, { code: 'UNAUTHENTICATED' }],
      ['setTyping a party of others', ben, { r: party, t: true }, { code: 'NOT_FOUND' }],
      ['setTyping an unknown room', ben, { r: randomUUID(), t: true }, { code: 'NOT_FOUND' }],
      ['setTyping a malformed room', ben, { r: HUGE.slice(0, 5_000), t: true }, { code: 'NOT_FOUND' }],
    ]);
    expect(await must(ben, TYPING, { r: rooms[1], t: false })).toEqual({ setTyping: { sent: false, expiresAt: null } });
    const typing = await must<{ setTyping: { sent: boolean; expiresAt: string } }>(ben, TYPING, { r: rooms[1], t: true });
    expect(typing.setTyping.sent).toBe(true);
    expect(Date.parse(typing.setTyping.expiresAt) - Date.now()).toBeGreaterThan(4_000);
    expect(await must(ben, TYPING, { r: rooms[1], t: true })).toEqual({ setTyping: { sent: false, expiresAt: null } });
    expect(await must(ben, TYPING, { r: rooms[1], t: false })).toEqual({ setTyping: { sent: true, expiresAt: null } });
  });
});

describe('acceptance: concurrent retries never double-apply', () => {
  it('joinRoom, inviteToParty, reportMessage, resolveChatReport and muteUser sent five times at once apply once', async () => {
    const roomId = await globalRoom();
    const [ana, ben, cat, mod] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR')];
    const party = await createParty(ana);
    const fiveTimes = <T>(player: Player, query: string, variables: Record<string, unknown>) =>
      Promise.all(Array.from({ length: 5 }, () => gql<T>(url, query, variables, { token: player.token })));
    const errorsOf = (results: { errors?: { extensions?: Record<string, unknown> }[] }[]) => results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);

    const joins = await fiveTimes<{ joinRoom: { joined: boolean } }>(ben, `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined } }`, { r: roomId });
    expect(errorsOf(joins)).toEqual([]);
    expect(joins.filter((r) => r.data?.joinRoom.joined)).toHaveLength(1);
    expect(await platform.runtime.db.prisma.chatMessage.count({ where: { roomId, kind: 'MEMBER_JOINED', subjectId: ben.id } })).toBe(1);

    const invites = await fiveTimes<{ inviteToParty: { added: boolean } }>(ana, INVITE, { r: party, u: cat.id });
    expect(errorsOf(invites)).toEqual([]);
    expect(invites.filter((r) => r.data?.inviteToParty.added)).toHaveLength(1);
    expect(await platform.runtime.db.prisma.chatRoomMember.count({ where: { roomId: party } })).toBe(2);

    const message = await send(ana, roomId, 'report me five times');
    const REPORT = `mutation($input: ReportMessageInput!) { reportMessage(input: $input) { report { id } } }`;
    const reports = await fiveTimes<{ reportMessage: { report: { id: string } } }>(ben, REPORT, { input: { messageId: message.id, reason: 'spam' } });
    expect(errorsOf(reports)).toEqual([]);
    expect(new Set(reports.map((r) => r.data!.reportMessage.report.id)).size).toBe(1);
    expect(await platform.runtime.db.prisma.chatReport.count({ where: { messageId: message.id } })).toBe(1);

    const RESOLVE = `mutation($input: ResolveChatReportInput!) { resolveChatReport(input: $input) { report { resolvedAt resolution } } }`;
    const resolutions = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((note) => gql<{ resolveChatReport: { report: { resolvedAt: string; resolution: string } } }>(url, RESOLVE, { input: { reportId: reports[0]!.data!.reportMessage.report.id, resolution: note } }, { token: mod.token })),
    );
    expect(errorsOf(resolutions)).toEqual([]);
    expect(new Set(resolutions.map((r) => JSON.stringify(r.data!.resolveChatReport.report))).size).toBe(1);

    const MUTE = `mutation($input: MuteUserInput!) { muteUser(input: $input) { mute { until } } }`;
    const mutes = await fiveTimes<{ muteUser: { mute: { until: string } } }>(mod, MUTE, { input: { roomId, userId: ben.id, durationSeconds: 60 } });
    expect(errorsOf(mutes)).toEqual([]);
    expect(await platform.runtime.db.prisma.chatMute.count({ where: { roomId, userId: ben.id } })).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// The documented promises a game client builds on, end to end: the refusals' codes hold however
// many a second, live streams carry what the docs say, and every room kind keeps to its readers.

const sendRaw = (player: Player, input: Record<string, unknown>) => gql<{ sendMessage: { message: Message } }>(url, SEND, { input }, { token: player.token });
const errorOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;
const MUTE_ONE = `mutation($r: ID!, $u: ID!, $s: Int!) { muteUser(input: { roomId: $r, userId: $u, durationSeconds: $s }) { mute { until } } }`;
const JOIN_ROOM = `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined room { id memberCount onlineMembers { id } viewerMembership { role } } messages { id kind text subject { id } } } }`;
/** Waits until the gateway holds `count` more subscriptions than `before` and social listens on the channel. */
async function live(before: number, count: number, channel: [name: string, key: string]) {
  await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + count);
  await untilListening(platform.runtime.redis, liveChannel('social', channel[0], channel[1]));
}
const dataOf = <T>(sub: Subscription, field: string): T[] =>
  sub.results.map((r) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return (r.data as Record<string, T>)[field]!;
  });
const streamError = (sub: Subscription) => sub.results[0]?.errors?.[0]?.extensions ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: Record<string, unknown> }).extensions : undefined);
const blockKnown = (blockerId: string, blockedId: string) =>
  expect.poll(() => platform.runtime.db.prisma.chatBlock.count({ where: { blockerId, blockedId } }), { timeout: 15_000 }).toBe(1);

describe('acceptance: what a refused send costs', () => {
  it('a muted player’s sends fail MUTED every time, however quick, and do not use up their 3 messages a second', async () => {
    const [roomId, other] = [await globalRoom(), await globalRoom()];
    const [ben, mod] = [await registerPlayer(url), await withRole('MODERATOR')];
    const mute = (await must<{ muteUser: { mute: { until: string } } }>(mod, MUTE_ONE, { r: roomId, u: ben.id, s: 600 })).muteUser.mute;
    for (let i = 0; i < 5; i++) {
      const refused = errorOf(await sendRaw(ben, { roomId, text: `let me talk ${i}` }));
      expect(refused, `send ${i}`).toMatchObject({ code: 'FORBIDDEN', reason: 'MUTED', mutedUntil: mute.until });
      expect(refused!.retryAfterMs as number).toBeGreaterThan(590_000);
      expect(refused!.retryAfterMs as number).toBeLessThanOrEqual(600_000);
    }
    expect(await stored(roomId)).toBe(0);
    // The refusals were not messages: three sends elsewhere go through at once.
    const sent = await Promise.all([1, 2, 3].map((i) => sendRaw(ben, { roomId: other, text: `elsewhere ${i}` })));
    expect(sent.map(errorOf)).toEqual([undefined, undefined, undefined]);
  });

  it('slow mode refuses SLOW_MODE with the wait, each time, for party owners too; other refusals do not count as messages', async () => {
    const [owner, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(owner);
    await must(owner, INVITE, { r: party, u: ben.id });
    await must(owner, `mutation($r: ID!) { updateChatRoomSettings(input: { roomId: $r, slowModeSeconds: 60 }) { room { slowModeSeconds } } }`, { r: party });
    for (const player of [ben, owner]) {
      expect(errorOf(await sendRaw(player, { roomId: party, text: 'first' }))).toBeUndefined();
      for (let i = 0; i < 4; i++) {
        const refused = errorOf(await sendRaw(player, { roomId: party, text: `again ${i}` }));
        expect(refused, `${player === owner ? 'owner' : 'member'} ${i}`).toMatchObject({ code: 'RATE_LIMITED', reason: 'SLOW_MODE' });
        expect(refused!.retryAfterMs as number).toBeGreaterThan(55_000);
        expect(refused!.retryAfterMs as number).toBeLessThanOrEqual(60_000);
      }
    }
    expect(await stored(party)).toBe(4); // the owner's and ben's join messages, and one message each
  });

  it('the fourth message within a second is RATE_LIMITED (reason RATE, retryAfterMs) across rooms, and stores nothing', async () => {
    const [roomA, roomB] = [await globalRoom(), await globalRoom()];
    const ana = await registerPlayer(url);
    const results = await Promise.all([roomA, roomB, roomA, roomB].map((roomId, i) => sendRaw(ana, { roomId, text: `burst ${i}` })));
    const refused = results.map(errorOf).filter(Boolean);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', reason: 'RATE' });
    expect(refused[0]!.retryAfterMs as number).toBeGreaterThan(0);
    expect(refused[0]!.retryAfterMs as number).toBeLessThanOrEqual(1_000);
    expect((await stored(roomA)) + (await stored(roomB))).toBe(3);
    // A retry of a stored message is not a new message: it answers at once, even now.
    const first = results.find((r) => r.data)!.data!.sendMessage.message;
    const keyed = await must<{ sendMessage: { message: Message } }>(ana, SEND, { input: { roomId: roomA, text: 'keyed', clientMessageId: 'k-1' } });
    await Promise.all([1, 2, 3].map((i) => sendRaw(ana, { roomId: roomB, text: `fill ${i}` })));
    const retried = await sendRaw(ana, { roomId: roomA, text: 'keyed', clientMessageId: 'k-1' });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.sendMessage.message.id).toBe(keyed.sendMessage.message.id);
    expect(first.id).toBeTruthy();
  });
});

describe('acceptance: text as others see it', () => {
  it('blocked terms are refused (BLOCKED_TERM) in sends and edits; profanity is masked, its original for moderators only; announcements skip the terms', async () => {
    const roomId = await globalRoom();
    const system = await systemRoom();
    const [ana, ben, mod, admin] = [await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR'), await withRole('ADMIN')];
    for (const text of ['buy Zorblax now', 'ZORBLAX!', 'a totally legit SCAM-LINK here']) {
      expect(errorOf(await sendRaw(ana, { roomId, text })), text).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', reason: 'BLOCKED_TERM' });
    }
    expect(await stored(roomId)).toBe(0);
    const rude = await send(ana, roomId, 'what the fuck');
    expect(rude.text).not.toContain('fuck');
    expect(rude.text).toMatch(/^what the \*+$/);
    const ORIGINAL = `query($id: ID!) { chatRoom(id: $id) { messages(last: 1) { edges { node { text originalText } } } } }`;
    type Original = { chatRoom: { messages: { edges: { node: { text: string; originalText: string | null } }[] } } };
    for (const viewer of [undefined, ana, ben]) {
      expect((await must<Original>(viewer, ORIGINAL, { id: roomId })).chatRoom.messages.edges[0]!.node).toEqual({ text: rude.text, originalText: null });
    }
    expect((await must<Original>(mod, ORIGINAL, { id: roomId })).chatRoom.messages.edges[0]!.node).toEqual({ text: rude.text, originalText: 'what the fuck' });
    const EDIT = `mutation($input: EditMessageInput!) { editMessage(input: $input) { message { text editedAt } } }`;
    expect(await refusal(ana, EDIT, { input: { messageId: rude.id, text: 'zorblax' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text', reason: 'BLOCKED_TERM' });
    expect((await must<Original>(mod, ORIGINAL, { id: roomId })).chatRoom.messages.edges[0]!.node.originalText).toBe('what the fuck');
    const edited = await must<{ editMessage: { message: { text: string; editedAt: string } } }>(ana, EDIT, { input: { messageId: rude.id, text: 'oh shit' } });
    expect(edited.editMessage.message.text).toMatch(/^oh \*+$/);
    const ANNOUNCE = `mutation($t: String!, $r: ID) { postAnnouncement(input: { text: $t, roomId: $r }) { message { text kind } } }`;
    for (let i = 0; i < 5; i++) {
      expect(await must(admin, ANNOUNCE, { t: `Zorblax event ${i}: no more shit`, r: system })).toEqual({ postAnnouncement: { message: { text: `Zorblax event ${i}: no more ****`, kind: 'ANNOUNCEMENT' } } });
    }
  });

  it('clientMessageId: a retry answers the stored message; another text, room or recipient is CONFLICT; keys are per author', async () => {
    const roomId = await globalRoom();
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const key = randomUUID();
    const first = await must<{ sendMessage: { message: Message } }>(ana, SEND, { input: { roomId, text: '  hello  ', clientMessageId: key } });
    const again = await must<{ sendMessage: { message: Message } }>(ana, SEND, { input: { roomId, text: 'hello', clientMessageId: key } });
    expect(again.sendMessage.message).toEqual(first.sendMessage.message);
    expect(await refusal(ana, SEND, { input: { roomId, text: 'hello!', clientMessageId: key } })).toMatchObject({ code: 'CONFLICT', field: 'clientMessageId' });
    expect(await refusal(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'hello', clientMessageId: key } })).toMatchObject({ code: 'CONFLICT', field: 'clientMessageId' });
    const pmKey = randomUUID();
    const pm = await must<{ sendPrivateMessage: { message: Message } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'psst', clientMessageId: pmKey } });
    expect((await must<{ sendPrivateMessage: { message: Message } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'psst', clientMessageId: pmKey } })).sendPrivateMessage.message.id).toBe(pm.sendPrivateMessage.message.id);
    expect(await refusal(ana, SEND_PRIVATE, { input: { toUserId: cat.id, text: 'psst', clientMessageId: pmKey } })).toMatchObject({ code: 'CONFLICT', field: 'clientMessageId' });
    expect(await stored(roomId)).toBe(1);
    expect(await stored(pm.sendPrivateMessage.message.room.id)).toBe(1);
  });
});

describe('acceptance: rooms as a member sees them', () => {
  it('unread counts leave out one’s own and deleted messages; me.chatRooms puts the latest activity first; markRead clears', async () => {
    const [quiet, busy] = [await globalRoom(), await globalRoom()];
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await must(ben, JOIN_ROOM, { r: busy });
    await must(ben, JOIN_ROOM, { r: quiet });
    const one = await send(ana, busy, 'one');
    await send(ana, busy, 'two');
    await send(ben, busy, 'mine');
    await must(ana, `mutation($id: ID!) { deleteMessage(input: { messageId: $id }) { message { id } } }`, { id: one.id });
    const ME = `{ me { chatRooms { room { id } unreadCount lastMessage { text } } } }`;
    type Mine = { me: { chatRooms: { room: { id: string }; unreadCount: number; lastMessage: { text: string } | null }[] } };
    const mine = (await must<Mine>(ben, ME)).me.chatRooms;
    expect(mine.map((r) => r.room.id)).toEqual([busy, quiet]);
    expect(mine[0]).toEqual({ room: { id: busy }, unreadCount: 1, lastMessage: { text: 'mine' } });
    expect(mine[1]!.unreadCount).toBe(0);
    await send(ana, quiet, 'now here');
    expect((await must<Mine>(ben, ME)).me.chatRooms.map((r) => [r.room.id, r.unreadCount])).toEqual([[quiet, 1], [busy, 1]]);
    expect(await must(ben, `mutation($r: ID!) { markRead(input: { roomId: $r }) { unreadCount } }`, { r: busy })).toEqual({ markRead: { unreadCount: 0 } });
  });

  it('PRIVATE rooms: both players are its members, read receipts show the other’s mark (null before any), other rooms have none', async () => {
    const roomId = await globalRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const pm = (await must<{ sendPrivateMessage: { message: Message } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'hi' } })).sendPrivateMessage.message;
    const ROOM = `query($id: ID!) { chatRoom(id: $id) { kind memberCount members { user { id } role } viewerMembership { role } readReceipts { user { id } lastReadCursor readAt } } }`;
    type Room = { chatRoom: { kind: string; memberCount: number; members: { user: { id: string } }[]; readReceipts: { user: { id: string }; lastReadCursor: string | null; readAt: string | null }[] } };
    const seen = (await must<Room>(ana, ROOM, { id: pm.room.id })).chatRoom;
    expect(seen).toMatchObject({ kind: 'PRIVATE', memberCount: 2, viewerMembership: { role: 'MEMBER' } });
    expect(seen.members.map((m) => m.user.id).sort()).toEqual([ana.id, ben.id].sort());
    expect(seen.readReceipts).toEqual([{ user: { id: ben.id }, lastReadCursor: null, readAt: null }]);
    await must(ben, `mutation($r: ID!) { markRead(input: { roomId: $r }) { unreadCount } }`, { r: pm.room.id });
    const after = (await must<Room>(ana, ROOM, { id: pm.room.id })).chatRoom.readReceipts;
    expect(after).toEqual([{ user: { id: ben.id }, lastReadCursor: pm.cursor, readAt: expect.any(String) }]);
    expect((await must<{ chatRoom: unknown }>(await registerPlayer(url), ROOM, { id: pm.room.id })).chatRoom).toBeNull();
    expect((await must<{ chatRoom: unknown }>(undefined, ROOM, { id: pm.room.id })).chatRoom).toBeNull();
    await must(ben, JOIN_ROOM, { r: roomId });
    const open = (await must<Room>(ben, ROOM, { id: roomId })).chatRoom;
    expect(open).toMatchObject({ kind: 'GLOBAL', memberCount: 1, members: [], readReceipts: [], viewerMembership: { role: 'MEMBER' } });
    expect((await must<{ chatRoom: { viewerMembership: unknown } }>(undefined, `query($id: ID!) { chatRoom(id: $id) { viewerMembership { role } } }`, { id: roomId })).chatRoom.viewerMembership).toBeNull();
  });

  it('joinRoom: onlineMembers on the answer, ROOM_FULL past maxMembers, a party member joining their party changes nothing', async () => {
    const roomId = (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `acc_full_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 1 } })).id;
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await must(ana, `mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { onlineUntil } }`, { ids: [roomId] });
    type Joined = { joinRoom: { joined: boolean; room: { memberCount: number; onlineMembers: { id: string }[] }; messages: { kind: string; text: string; subject: { id: string } | null }[] } };
    const joined = (await must<Joined>(ana, JOIN_ROOM, { r: roomId })).joinRoom;
    expect(joined.room).toMatchObject({ memberCount: 1, onlineMembers: [{ id: ana.id }] });
    expect(joined.messages).toEqual([expect.objectContaining({ kind: 'MEMBER_JOINED', text: `${ana.username} joined the room`, subject: { id: ana.id } })]);
    expect(await refusal(ben, JOIN_ROOM, { r: roomId })).toMatchObject({ code: 'FORBIDDEN', reason: 'ROOM_FULL' });
    expect(await platform.runtime.db.prisma.chatRoomMember.count({ where: { roomId } })).toBe(1);
    const party = await createParty(ana);
    const again = (await must<Joined>(ana, JOIN_ROOM, { r: party })).joinRoom;
    expect(again.joined).toBe(false);
    expect(again.messages.filter((m) => m.kind === 'MEMBER_JOINED')).toHaveLength(1);
  });

  it('a party: its owner leaving hands it to the longest-standing member; a left or kicked member reads nothing more; blocked players cannot be invited', async () => {
    const [owner, ben, cat, dan] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(owner);
    await must(owner, INVITE, { r: party, u: ben.id });
    await must(owner, INVITE, { r: party, u: cat.id });
    const message = await send(ben, party, 'mine');
    expect(await must(owner, `mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, { r: party })).toEqual({ leaveRoom: { left: true } });
    const MEMBERS = `query($id: ID!) { chatRoom(id: $id) { memberCount members { user { id } role } } }`;
    expect((await must<{ chatRoom: unknown }>(ben, MEMBERS, { id: party })).chatRoom).toEqual({ memberCount: 2, members: [{ user: { id: ben.id }, role: 'OWNER' }, { user: { id: cat.id }, role: 'MEMBER' }] });
    expect((await must<{ chatRoom: unknown }>(owner, MEMBERS, { id: party })).chatRoom).toBeNull();
    await expectRefusals(SEND, [['the former owner', owner, { input: { roomId: party, text: 'hi' } }, { code: 'NOT_FOUND' }]]);
    // The new owner invites and kicks; the kicked member's own message is out of their reach.
    await must(ben, KICK, { r: party, u: cat.id });
    await must(dan, `mutation($u: ID!) { blockUser(input: { userId: $u }) { friend { state } } }`, { u: ben.id });
    await blockKnown(dan.id, ben.id);
    expect(await refusal(ben, INVITE, { r: party, u: dan.id })).toMatchObject({ code: 'NOT_FOUND' });
    await must(ben, `mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, { r: party });
    await expectRefusals(`mutation($input: EditMessageInput!) { editMessage(input: $input) { message { id } } }`, [
      ['editing one’s message in a party one left', ben, { input: { messageId: message.id, text: 'x' } }, { code: 'NOT_FOUND' }],
    ]);
    await expectRefusals(`mutation($input: ReportMessageInput!) { reportMessage(input: $input) { report { id } } }`, [
      ['reporting from outside the party', cat, { input: { messageId: message.id, reason: 'spam' } }, { code: 'NOT_FOUND' }],
    ]);
    await expectRefusals(`mutation($r: ID!) { markRead(input: { roomId: $r }) { unreadCount } }`, [['markRead once kicked', cat, { r: party }, { code: 'NOT_FOUND' }]]);
  });

  it('muteUser: a new mute replaces the current one, 0 lifts it; muting in a PRIVATE room by a staff member of it', async () => {
    const roomId = await globalRoom();
    const [ben, mod] = [await registerPlayer(url), await withRole('MODERATOR')];
    await must(mod, MUTE_ONE, { r: roomId, u: ben.id, s: 3_600 });
    const short = (await must<{ muteUser: { mute: { until: string } } }>(mod, MUTE_ONE, { r: roomId, u: ben.id, s: 30 })).muteUser.mute;
    const refused = await refusal(ben, SEND, { input: { roomId, text: 'hm' } });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'MUTED', mutedUntil: short.until });
    expect(refused.retryAfterMs as number).toBeLessThanOrEqual(30_000);
    const pm = (await must<{ sendPrivateMessage: { message: Message } }>(ben, SEND_PRIVATE, { input: { toUserId: mod.id, text: 'hey' } })).sendPrivateMessage.message;
    await must(mod, MUTE_ONE, { r: pm.room.id, u: ben.id, s: 60 });
    expect(await refusal(ben, SEND_PRIVATE, { input: { toUserId: mod.id, text: 'again' } })).toMatchObject({ code: 'FORBIDDEN', reason: 'MUTED' });
    expect(await refusal(await withRole('MODERATOR'), MUTE_ONE, { r: pm.room.id, u: ben.id, s: 60 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('acceptance: live streams as a client follows them', () => {
  it('messageAdded, messageUpdated and messageDeleted: open to anonymous callers, resumable with after, tombstones live', async () => {
    const roomId = await globalRoom();
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const early = await send(ana, roomId, 'before anyone listened');
    const before = await activeSubscriptions(url);
    const added = subscribe(client(), `subscription($r: ID!) { messageAdded(roomId: $r) { id cursor kind text author { id } } }`, { r: roomId });
    const updated = subscribe(client(), `subscription($r: ID!) { messageUpdated(roomId: $r) { id text editedAt } }`, { r: roomId });
    const deleted = subscribe(client(), `subscription($r: ID!) { messageDeleted(roomId: $r) { id text deletedAt } }`, { r: roomId });
    await live(before, 3, ['roomEvent', roomId]);
    await live(before, 3, ['messageAdded', roomId]);
    const hello = await send(ana, roomId, 'hello');
    await must(ben, JOIN_ROOM, { r: roomId });
    await must(ana, `mutation($id: ID!) { editMessage(input: { messageId: $id, text: "hello there" }) { message { id } } }`, { id: hello.id });
    await must(ana, `mutation($id: ID!) { deleteMessage(input: { messageId: $id }) { message { id } } }`, { id: early.id });
    type Added = { id: string; cursor: string; kind: string; text: string; author: { id: string } | null };
    await expect.poll(() => dataOf<Added>(added, 'messageAdded').map((m) => [m.kind, m.text]), { timeout: 10_000 }).toEqual([['PLAYER', 'hello'], ['MEMBER_JOINED', `${ben.username} joined the room`]]);
    await expect.poll(() => dataOf(updated, 'messageUpdated'), { timeout: 10_000 }).toEqual([{ id: hello.id, text: 'hello there', editedAt: expect.any(String) }]);
    await expect.poll(() => dataOf(deleted, 'messageDeleted'), { timeout: 10_000 }).toEqual([{ id: early.id, text: '', deletedAt: expect.any(String) }]);
    // Back from a disconnection with the last cursor: what came since, once, then live.
    const resumed = subscribe(client(), `subscription($r: ID!, $a: String) { messageAdded(roomId: $r, after: $a) { id text } }`, { r: roomId, a: early.cursor });
    await expect.poll(() => dataOf<{ text: string }>(resumed, 'messageAdded').map((m) => m.text), { timeout: 10_000 }).toEqual(['hello there', `${ben.username} joined the room`]);
    await send(ben, roomId, 'later');
    await expect.poll(() => dataOf<{ text: string }>(resumed, 'messageAdded').map((m) => m.text), { timeout: 10_000 }).toEqual(['hello there', `${ben.username} joined the room`, 'later']);
    for (const sub of [added, updated, deleted, resumed]) sub.stop();
  });

  it('chatRoomEvents in a party: members follow it; a kicked member gets nothing more; outsiders and signed-out callers are refused', async () => {
    const [owner, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(owner);
    await must(owner, INVITE, { r: party, u: ben.id });
    const EVENTS = `subscription($r: ID!) { chatRoomEvents(roomId: $r) { type cursor message { id text } } }`;
    const outsider = subscribe(client(cat.token), EVENTS, { r: party });
    const anonymous = subscribe(client(), EVENTS, { r: party });
    await expect.poll(() => [streamError(outsider)?.code, streamError(anonymous)?.code], { timeout: 10_000 }).toEqual(['NOT_FOUND', 'UNAUTHENTICATED']);
    const before = await activeSubscriptions(url);
    const benStream = subscribe(client(ben.token), EVENTS, { r: party });
    const ownerStream = subscribe(client(owner.token), EVENTS, { r: party });
    await live(before, 2, ['roomEvent', party]);
    const first = await send(owner, party, 'for members');
    await expect.poll(() => dataOf<{ type: string; message: { id: string } }>(benStream, 'chatRoomEvents').map((e) => [e.type, e.message.id]), { timeout: 10_000 }).toEqual([['ADDED', first.id]]);
    await must(owner, KICK, { r: party, u: ben.id });
    await send(owner, party, 'after the kick');
    await expect.poll(() => dataOf<{ message: { text: string } }>(ownerStream, 'chatRoomEvents').map((e) => e.message.text), { timeout: 10_000 }).toEqual(['for members', 'after the kick']);
    expect(dataOf<{ message: { text: string } }>(benStream, 'chatRoomEvents').map((e) => e.message.text)).toEqual(['for members']);
    benStream.stop();
    ownerStream.stop();
  });

  it('privateMessageReceived: the recipient only, live, resumed by inboxCursor; signed-out callers are refused', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const INBOX = `subscription($a: String) { privateMessageReceived(after: $a) { inboxCursor message { text author { id } room { kind } } } }`;
    type Received = { inboxCursor: string; message: { text: string; author: { id: string }; room: { kind: string } } };
    const anonymous = subscribe(client(), INBOX, {});
    await expect.poll(() => streamError(anonymous)?.code, { timeout: 10_000 }).toBe('UNAUTHENTICATED');
    const before = await activeSubscriptions(url);
    const benInbox = subscribe(client(ben.token), INBOX, {});
    const anaInbox = subscribe(client(ana.token), INBOX, {});
    await live(before, 2, ['privateMessage', ben.id]);
    await live(before, 2, ['privateMessage', ana.id]);
    await must(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'one' } });
    await expect.poll(() => dataOf<Received>(benInbox, 'privateMessageReceived').map((r) => r.message), { timeout: 10_000 }).toEqual([{ text: 'one', author: { id: ana.id }, room: { kind: 'PRIVATE' } }]);
    benInbox.stop();
    await must(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'two' } });
    await must(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'three' } });
    const back = subscribe(client(ben.token), INBOX, { a: dataOf<Received>(benInbox, 'privateMessageReceived')[0]!.inboxCursor });
    await expect.poll(() => dataOf<Received>(back, 'privateMessageReceived').map((r) => r.message.text), { timeout: 10_000 }).toEqual(['two', 'three']);
    expect(dataOf(anaInbox, 'privateMessageReceived')).toEqual([]);
    back.stop();
    anaInbox.stop();
  });

  it('presenceChanged and typing: online on the first heartbeat, offline on goOffline and on leaving; typing with its expiry; refusals', async () => {
    const roomId = await globalRoom();
    const [ana, ben, cat] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(cat);
    const PRESENCE = `subscription($r: ID!) { presenceChanged(roomId: $r) { roomId user { id } online at } }`;
    const TYPING_STREAM = `subscription($r: ID!) { typing(roomId: $r) { roomId user { id } typing expiresAt } }`;
    const refusals = [
      subscribe(client(), PRESENCE, { r: roomId }),
      subscribe(client(), TYPING_STREAM, { r: roomId }),
      subscribe(client(ana.token), PRESENCE, { r: party }),
      subscribe(client(ana.token), TYPING_STREAM, { r: randomUUID() }),
    ];
    await expect.poll(() => refusals.map((s) => streamError(s)?.code), { timeout: 10_000 }).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'NOT_FOUND', 'NOT_FOUND']);
    const before = await activeSubscriptions(url);
    const presence = subscribe(client(ana.token), PRESENCE, { r: roomId });
    const typing = subscribe(client(ana.token), TYPING_STREAM, { r: roomId });
    await live(before, 2, ['presenceChanged', roomId]);
    await live(before, 2, ['typing', roomId]);
    const HEARTBEAT = `mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { onlineUntil } }`;
    await must(ben, JOIN_ROOM, { r: roomId });
    await must(ben, HEARTBEAT, { ids: [roomId] });
    await must(ben, HEARTBEAT, { ids: [roomId] });
    await must(ben, `mutation($ids: [ID!]!) { goOffline(input: { roomIds: $ids }) { rooms { id } } }`, { ids: [roomId] });
    await must(ben, HEARTBEAT, { ids: [roomId] });
    await must(ben, `mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, { r: roomId });
    type Change = { roomId: string; user: { id: string }; online: boolean; at: string };
    await expect.poll(() => dataOf<Change>(presence, 'presenceChanged').map((c) => [c.roomId, c.user.id, c.online]), { timeout: 10_000 }).toEqual([
      [roomId, ben.id, true],
      [roomId, ben.id, false],
      [roomId, ben.id, true],
      [roomId, ben.id, false],
    ]);
    const started = await must<{ setTyping: { sent: boolean; expiresAt: string } }>(ben, `mutation($r: ID!) { setTyping(input: { roomId: $r }) { sent expiresAt } }`, { r: roomId });
    await must(ben, `mutation($r: ID!) { setTyping(input: { roomId: $r, typing: false }) { sent } }`, { r: roomId });
    await expect.poll(() => dataOf(typing, 'typing'), { timeout: 10_000 }).toEqual([
      { roomId, user: { id: ben.id }, typing: true, expiresAt: started.setTyping.expiresAt },
      { roomId, user: { id: ben.id }, typing: false, expiresAt: null },
    ]);
    presence.stop();
    typing.stop();
  });
});

describe('acceptance: a PRIVATE room seen from outside', () => {
  it('looks like an unknown id to everyone but its two players, staff included, on every operation', async () => {
    const [ana, ben, eve, mod, admin] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR'), await withRole('ADMIN')];
    const pm = (await must<{ sendPrivateMessage: { message: Message } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'between us' } })).sendPrivateMessage.message;
    const r = pm.room.id;
    for (const outsider of [eve, mod, admin]) {
      expect((await must<{ chatRoom: unknown }>(outsider, `query($id: ID!) { chatRoom(id: $id) { id } }`, { id: r })).chatRoom).toBeNull();
      expect((await must<{ chatRooms: { edges: unknown[] } }>(outsider, `{ chatRooms(kind: PRIVATE, first: 100) { edges { node { id } } } }`)).chatRooms.edges).toEqual([]);
      await expectRefusals(`mutation($r: ID!) { sendMessage(input: { roomId: $r, text: "hi" }) { message { id } } }`, [['sendMessage', outsider, { r }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined } }`, [['joinRoom', outsider, { r }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, [['leaveRoom', outsider, { r }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($r: ID!) { markRead(input: { roomId: $r }) { unreadCount } }`, [['markRead', outsider, { r }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($id: ID!) { editMessage(input: { messageId: $id, text: "x" }) { message { id } } }`, [['editMessage', outsider, { id: pm.id }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($id: ID!) { deleteMessage(input: { messageId: $id }) { message { id } } }`, [['deleteMessage', outsider, { id: pm.id }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($id: ID!) { reportMessage(input: { messageId: $id, reason: "spam" }) { report { id } } }`, [['reportMessage', outsider, { id: pm.id }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(MUTE_ONE, [['muteUser', outsider, { r, u: ana.id, s: 60 }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($r: ID!) { updateChatRoomSettings(input: { roomId: $r, slowModeSeconds: 5 }) { room { id } } }`, [['updateChatRoomSettings', outsider, { r }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(INVITE, [['inviteToParty', outsider, { r, u: ana.id }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { onlineUntil } }`, [['heartbeat', outsider, { ids: [r] }, { code: 'NOT_FOUND' }]]);
      await expectRefusals(`mutation($r: ID!) { setTyping(input: { roomId: $r }) { sent } }`, [['setTyping', outsider, { r }, { code: 'NOT_FOUND' }]]);
    }
    const streams = [eve, mod].flatMap((outsider) => [
      subscribe(client(outsider.token), `subscription($r: ID!) { chatRoomEvents(roomId: $r) { type } }`, { r }),
      subscribe(client(outsider.token), `subscription($r: ID!) { presenceChanged(roomId: $r) { online } }`, { r }),
      subscribe(client(outsider.token), `subscription($r: ID!) { typing(roomId: $r) { typing } }`, { r }),
    ]);
    streams.push(subscribe(client(ana.token), `subscription($r: ID!) { messageAdded(roomId: $r) { id } }`, { r }));
    await expect.poll(() => streams.map((s) => streamError(s)?.code), { timeout: 10_000 }).toEqual(Array.from({ length: 7 }, () => 'NOT_FOUND'));
    expect(await stored(r)).toBe(1);
    // Its two players: staff settings and leaving are refused FORBIDDEN, as documented.
    const staffPm = (await must<{ sendPrivateMessage: { message: Message } }>(mod, SEND_PRIVATE, { input: { toUserId: ana.id, text: 'a word' } })).sendPrivateMessage.message;
    await expectRefusals(`mutation($r: ID!) { updateChatRoomSettings(input: { roomId: $r, slowModeSeconds: 5 }) { room { id } } }`, [['settings of one’s PRIVATE room, by staff', mod, { r: staffPm.room.id }, { code: 'FORBIDDEN' }]]);
    await expectRefusals(`mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, [['leaving one’s PRIVATE room', ana, { r: staffPm.room.id }, { code: 'FORBIDDEN' }]]);
    await expectRefusals(INVITE, [['inviting to one’s PRIVATE room, by staff', mod, { r: staffPm.room.id, u: eve.id }, { code: 'FORBIDDEN' }]]);
  });
});

describe('acceptance: the moderation queue and announcements', () => {
  it('chatReports lists OPEN reports unless asked for RESOLVED ones, oldest first, with the typed text for moderators', async () => {
    const roomId = await globalRoom();
    const [ana, ben, cat, mod] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR')];
    const rude = await send(ana, roomId, 'you are shit');
    const REPORT = `mutation($id: ID!, $why: String!) { reportMessage(input: { messageId: $id, reason: $why }) { report { id createdAt resolvedAt resolvedBy { id } resolution } } }`;
    type Report = { reportMessage: { report: { id: string; createdAt: string; resolvedAt: null; resolvedBy: null; resolution: null } } };
    const first = (await must<Report>(ben, REPORT, { id: rude.id, why: 'insult' })).reportMessage.report;
    expect(first).toMatchObject({ resolvedAt: null, resolvedBy: null, resolution: null });
    const second = (await must<Report>(cat, REPORT, { id: rude.id, why: 'rude' })).reportMessage.report;
    expect(second.id).not.toBe(first.id);
    const QUEUE = `query($s: ChatReportStatus) { chatReports(status: $s, first: 100) { edges { node { id status reason reporter { id } message { id text originalText } } } } }`;
    type Queue = { chatReports: { edges: { node: { id: string; status: string; reason: string; message: { originalText: string | null } } }[] } };
    const ids = async (status?: string) => (await must<Queue>(mod, QUEUE, { s: status })).chatReports.edges.map((e) => e.node.id).filter((id) => [first.id, second.id].includes(id));
    expect(await ids()).toEqual([first.id, second.id]);
    expect(await ids('OPEN')).toEqual([first.id, second.id]);
    expect(await ids('RESOLVED')).toEqual([]);
    const open = (await must<Queue>(mod, QUEUE, {})).chatReports.edges.find((e) => e.node.id === first.id)!.node;
    expect(open).toMatchObject({ status: 'OPEN', reason: 'insult', message: { originalText: 'you are shit' } });
    await must(mod, `mutation($id: ID!) { resolveChatReport(input: { reportId: $id }) { report { id } } }`, { id: first.id });
    expect(await ids()).toEqual([second.id]);
    expect(await ids('RESOLVED')).toEqual([first.id]);
  });

  it('an announcement reaches messageAdded of its SYSTEM room, with no author, and admins may delete it', async () => {
    const system = await systemRoom();
    const admin = await withRole('ADMIN');
    const before = await activeSubscriptions(url);
    const added = subscribe(client(), `subscription($r: ID!) { messageAdded(roomId: $r) { id kind text author { id } } }`, { r: system });
    const deleted = subscribe(client(), `subscription($r: ID!) { messageDeleted(roomId: $r) { id text deletedAt } }`, { r: system });
    await live(before, 2, ['roomEvent', system]);
    await live(before, 2, ['messageAdded', system]);
    const posted = await must<{ postAnnouncement: { message: { id: string } } }>(admin, `mutation($r: ID) { postAnnouncement(input: { text: "Servers restart at noon", roomId: $r }) { message { id } } }`, { r: system });
    const id = posted.postAnnouncement.message.id;
    await expect.poll(() => dataOf(added, 'messageAdded'), { timeout: 10_000 }).toEqual([{ id, kind: 'ANNOUNCEMENT', text: 'Servers restart at noon', author: null }]);
    await must(admin, `mutation($id: ID!) { deleteMessage(input: { messageId: $id }) { message { id } } }`, { id });
    await expect.poll(() => dataOf(deleted, 'messageDeleted'), { timeout: 10_000 }).toEqual([{ id, text: '', deletedAt: expect.any(String) }]);
    added.stop();
    deleted.stop();
  });
});

describe('acceptance: resuming a room and a kicked member’s presence', () => {
  it('chatRoomEvents resumed after an absence: a message sent, edited and deleted meanwhile comes once as ADDED and again as DELETED, each as it is now', async () => {
    const roomId = await globalRoom();
    const ana = await registerPlayer(url);
    const EVENTS = `subscription($r: ID!, $a: String) { chatRoomEvents(roomId: $r, after: $a) { type cursor message { id text editedAt deletedAt } } }`;
    type Event = { type: string; cursor: string; message: { id: string; text: string; editedAt: string | null; deletedAt: string | null } };
    const before = await activeSubscriptions(url);
    const first = subscribe(client(ana.token), EVENTS, { r: roomId });
    await live(before, 1, ['roomEvent', roomId]);
    const kept = await send(ana, roomId, 'kept');
    await expect.poll(() => dataOf<Event>(first, 'chatRoomEvents').length, { timeout: 10_000 }).toBe(1);
    first.stop();
    const gone = await send(ana, roomId, 'typo');
    await must(ana, `mutation($id: ID!) { editMessage(input: { messageId: $id, text: "fixed" }) { message { id } } }`, { id: gone.id });
    await must(ana, `mutation($id: ID!) { deleteMessage(input: { messageId: $id }) { message { id } } }`, { id: gone.id });
    await must(ana, `mutation($id: ID!) { editMessage(input: { messageId: $id, text: "kept, edited" }) { message { id } } }`, { id: kept.id });
    const back = subscribe(client(ana.token), EVENTS, { r: roomId, a: dataOf<Event>(first, 'chatRoomEvents')[0]!.cursor });
    const tombstone = { id: gone.id, text: '', editedAt: expect.any(String), deletedAt: expect.any(String) };
    await expect.poll(() => dataOf<Event>(back, 'chatRoomEvents').map((e) => ({ type: e.type, message: e.message })), { timeout: 10_000 }).toEqual([
      { type: 'ADDED', message: tombstone },
      { type: 'DELETED', message: tombstone }, // once more, as its latest change: the edit before it is in its current state
      { type: 'EDITED', message: { id: kept.id, text: 'kept, edited', editedAt: expect.any(String), deletedAt: null } },
    ]);
    const cursors = dataOf<Event>(back, 'chatRoomEvents').map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(3);
    back.stop();
  });

  it('a member kicked from a party goes offline there at once; the owner’s presenceChanged says so', async () => {
    const [owner, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const party = await createParty(owner);
    await must(owner, INVITE, { r: party, u: ben.id });
    const before = await activeSubscriptions(url);
    const presence = subscribe(client(owner.token), `subscription($r: ID!) { presenceChanged(roomId: $r) { user { id } online } }`, { r: party });
    await live(before, 1, ['presenceChanged', party]);
    await must(ben, `mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { onlineUntil } }`, { ids: [party] });
    await must(owner, KICK, { r: party, u: ben.id });
    await expect.poll(() => dataOf(presence, 'presenceChanged'), { timeout: 10_000 }).toEqual([{ user: { id: ben.id }, online: true }, { user: { id: ben.id }, online: false }]);
    expect((await must<{ chatRoom: { onlineCount: number } }>(owner, `query($id: ID!) { chatRoom(id: $id) { onlineCount } }`, { id: party })).chatRoom.onlineCount).toBe(0);
    presence.stop();
  });
});

describe('acceptance: how far back the inbox resumes', () => {
  it('privateMessageReceived replays exactly 1,000 missed private messages; one more than 1,000 back is BAD_USER_INPUT on `after`', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const { prisma } = platform.runtime.db;
    const INBOX = `subscription($a: String) { privateMessageReceived(after: $a) { inboxCursor message { text } } }`;
    const before = await activeSubscriptions(url);
    const first = subscribe(client(ben.token), INBOX, {});
    await live(before, 1, ['privateMessage', ben.id]);
    const anchor = (await must<{ sendPrivateMessage: { message: Message } }>(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'anchor' } })).sendPrivateMessage.message;
    await expect.poll(() => first.results.length, { timeout: 10_000 }).toBe(1);
    const cursor = dataOf<{ inboxCursor: string }>(first, 'privateMessageReceived')[0]!.inboxCursor;
    first.stop();
    // 1,000 messages ben missed, stored as sends store them (his next inbox positions), in one statement.
    const { recipientSeq } = await prisma.chatMessage.findUniqueOrThrow({ where: { id: anchor.id } });
    const texts = Array.from({ length: 1_000 }, (_, i) => `m${String(i).padStart(4, '0')}`);
    await prisma.chatMessage.createMany({ data: texts.map((text, i) => ({ roomId: anchor.room.id, authorId: ana.id, recipientId: ben.id, recipientSeq: recipientSeq! + BigInt(i + 1), text })) });
    await prisma.chatInbox.update({ where: { userId: ben.id }, data: { lastSeq: recipientSeq! + 1_000n } });
    const resumed = subscribe(client(ben.token), INBOX, { a: cursor });
    await expect.poll(() => resumed.results.length, { timeout: 30_000 }).toBe(1_000);
    expect(dataOf<{ message: { text: string } }>(resumed, 'privateMessageReceived').map((r) => r.message.text)).toEqual(texts);
    resumed.stop();
    await must(ana, SEND_PRIVATE, { input: { toUserId: ben.id, text: 'one more' } });
    const tooFar = subscribe(client(ben.token), INBOX, { a: cursor });
    await expect.poll(() => streamError(tooFar), { timeout: 10_000 }).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(tooFar.results.every((r) => r.data == null)).toBe(true);
  });
});

describe('acceptance: the join message names the player', () => {
  // A rename reaches chat over the bus a moment after updateProfile answers (chat never reads users'
  // tables), so a join in that moment is still named the old way: the report proposes SDL text for it.
  const chatKnowsName = (userId: string, name: string) =>
    expect.poll(async () => (await platform.runtime.db.prisma.chatPlayer.findUnique({ where: { userId } }))?.displayName, { timeout: 15_000 }).toBe(name);

  it('keeps the display name the player had when they joined; subject shows the current one', async () => {
    const ana = await registerPlayer(url);
    const rooms = [await globalRoom(), await globalRoom()];
    const PROFILE = `mutation($n: String!) { updateProfile(input: { displayName: $n }) { user { displayName } } }`;
    type Joined = { joinRoom: { messages: { kind: string; text: string; subject: { id: string; displayName: string } | null }[] } };
    const JOIN = `mutation($r: ID!) { joinRoom(input: { roomId: $r }) { messages { kind text subject { id displayName } } } }`;
    await must(ana, PROFILE, { n: 'Ana the Brave' });
    await chatKnowsName(ana.id, 'Ana the Brave');
    const first = (await must<Joined>(ana, JOIN, { r: rooms[0] })).joinRoom.messages.at(-1)!;
    expect(first).toEqual({ kind: 'MEMBER_JOINED', text: 'Ana the Brave joined the room', subject: { id: ana.id, displayName: 'Ana the Brave' } });
    await must(ana, PROFILE, { n: 'Ana Renamed' });
    await chatKnowsName(ana.id, 'Ana Renamed');
    const second = (await must<Joined>(ana, JOIN, { r: rooms[1] })).joinRoom.messages.at(-1)!;
    expect(second.text).toBe('Ana Renamed joined the room');
    const history = await must<{ chatRoom: { messages: { edges: { node: { text: string; subject: { displayName: string } } }[] } } }>(
      undefined, `query($id: ID!) { chatRoom(id: $id) { messages(last: 1) { edges { node { text subject { displayName } } } } } }`, { id: rooms[0] });
    expect(history.chatRoom.messages.edges[0]!.node).toEqual({ text: 'Ana the Brave joined the room', subject: { displayName: 'Ana Renamed' } });
  });
});

describe('acceptance: unread counts at their bounds', () => {
  it('count up to 1,000 (1,000 or more), lastMessage null before a room’s first; a left room leaves me.chatRooms', async () => {
    const [roomId, system] = [await globalRoom(), await systemRoom()];
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    await must(ben, JOIN_ROOM, { r: roomId });
    await must(ben, JOIN_ROOM, { r: system });
    const { prisma } = platform.runtime.db;
    await prisma.chatMessage.createMany({ data: Array.from({ length: 1_005 }, (_, i) => ({ roomId, authorId: ana.id, text: `spam ${i}` })) });
    const newest = await prisma.chatMessage.findFirstOrThrow({ where: { roomId }, orderBy: { seq: 'desc' } });
    await prisma.chatRoom.update({ where: { id: roomId }, data: { lastSeq: newest.seq, lastEventSeq: newest.seq, lastActivityAt: newest.sentAt } });
    const ME = `{ me { chatRooms { room { id } unreadCount lastMessage { text } } } }`;
    type Mine = { me: { chatRooms: { room: { id: string }; unreadCount: number; lastMessage: { text: string } | null }[] } };
    const mine = (await must<Mine>(ben, ME)).me.chatRooms;
    expect(mine.find((r) => r.room.id === roomId)).toEqual({ room: { id: roomId }, unreadCount: 1_000, lastMessage: { text: 'spam 1004' } });
    expect(mine.find((r) => r.room.id === system)).toEqual({ room: { id: system }, unreadCount: 0, lastMessage: null });
    const page = await must<{ chatRoom: { messages: { edges: { cursor: string }[] } } }>(ben, `query($id: ID!) { chatRoom(id: $id) { messages(last: 3) { edges { cursor } } } }`, { id: roomId });
    const MARK = `mutation($r: ID!, $c: String) { markRead(input: { roomId: $r, upTo: $c }) { unreadCount lastReadCursor } }`;
    expect(await must(ben, MARK, { r: roomId, c: page.chatRoom.messages.edges[0]!.cursor })).toEqual({ markRead: { unreadCount: 2, lastReadCursor: page.chatRoom.messages.edges[0]!.cursor } });
    expect(await must(ben, MARK, { r: system })).toEqual({ markRead: { unreadCount: 0, lastReadCursor: null } });
    await must(ben, `mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, { r: roomId });
    expect((await must<Mine>(ben, ME)).me.chatRooms.map((r) => r.room.id)).toEqual([system]);
  });
});

describe('acceptance: a GUILD room', () => {
  it('is its members’ only: outsiders see an unknown id, members post and follow it, nobody leaves or is invited to it, staff settings work', async () => {
    const [ana, ben, eve, mod] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await withRole('MODERATOR')];
    const { prisma } = platform.runtime.db;
    // A guild's room as the guild keeps it (founding a guild costs coins: guilds have their own tests).
    const roomId = (await prisma.chatRoom.create({ data: { name: `acc_guild_${randomUUID().slice(0, 8)}`, kind: 'GUILD', maxMembers: 50, guildId: randomUUID() } })).id;
    await prisma.chatRoomMember.createMany({ data: [ana, ben, mod].map((p) => ({ roomId, userId: p.id })) });
    await prisma.chatRoom.update({ where: { id: roomId }, data: { memberCount: 3 } });
    expect((await must<{ chatRoom: unknown }>(eve, `query($id: ID!) { chatRoom(id: $id) { id } }`, { id: roomId })).chatRoom).toBeNull();
    await expectRefusals(SEND, [['an outsider posting', eve, { input: { roomId, text: 'hi' } }, { code: 'NOT_FOUND' }]]);
    await expectRefusals(JOIN_ROOM, [['an outsider joining', eve, { r: roomId }, { code: 'NOT_FOUND' }]]);
    const joined = (await must<{ joinRoom: { joined: boolean; messages: unknown[] } }>(ana, JOIN_ROOM, { r: roomId })).joinRoom;
    expect(joined).toEqual({ joined: false, room: expect.objectContaining({ id: roomId, viewerMembership: { role: 'MEMBER' } }), messages: [] });
    await expectRefusals(`mutation($r: ID!) { leaveRoom(input: { roomId: $r }) { left } }`, [['a member leaving', ana, { r: roomId }, { code: 'FORBIDDEN' }]]);
    await expectRefusals(INVITE, [['inviting to a GUILD room', mod, { r: roomId, u: eve.id }, { code: 'FORBIDDEN' }]]);
    const before = await activeSubscriptions(url);
    const stream = subscribe(client(ben.token), `subscription($r: ID!) { chatRoomEvents(roomId: $r) { type message { text author { id } } } }`, { r: roomId });
    await live(before, 1, ['roomEvent', roomId]);
    await send(ana, roomId, 'guild only');
    await expect.poll(() => dataOf(stream, 'chatRoomEvents'), { timeout: 10_000 }).toEqual([{ type: 'ADDED', message: { text: 'guild only', author: { id: ana.id } } }]);
    expect(await must(mod, `mutation($r: ID!) { updateChatRoomSettings(input: { roomId: $r, postPolicy: MODERATORS }) { room { postPolicy } } }`, { r: roomId })).toEqual({ updateChatRoomSettings: { room: { postPolicy: 'MODERATORS' } } });
    expect(errorOf(await sendRaw(ana, { roomId, text: 'still me?' }))).toMatchObject({ code: 'FORBIDDEN', reason: 'MODERATORS_ONLY' });
    await send(mod, roomId, 'staff here');
    stream.stop();
  });
});

describe('acceptance: callers that are not players', () => {
  it('a game server’s service token and a forged token: no chat as a player, public rooms only', async () => {
    const roomId = await globalRoom();
    const ana = await registerPlayer(url);
    const party = await createParty(ana);
    const service: Player = { id: '', username: 'game server', token: await gameServerToken(platform, url) };
    const forged: Player = { id: '', username: 'forger', token: `${ana.token.slice(0, -4)}AAAA` };
    await expectRefusals(SEND, [
      ['sendMessage, a service', service, { input: { roomId, text: 'hi' } }, { code: 'FORBIDDEN' }],
      ['sendMessage, a forged token', forged, { input: { roomId, text: 'hi' } }, { code: 'UNAUTHENTICATED' }],
    ]);
    await expectRefusals(`mutation($r: ID!) { joinRoom(input: { roomId: $r }) { joined } }`, [['joinRoom, a service', service, { r: roomId }, { code: 'FORBIDDEN' }]]);
    await expectRefusals(`mutation($ids: [ID!]!) { heartbeat(input: { roomIds: $ids }) { onlineUntil } }`, [['heartbeat, a service', service, { ids: [roomId] }, { code: 'FORBIDDEN' }]]);
    await expectRefusals(`{ chatReports { edges { node { id } } } }`, [['chatReports, a service', service, {}, { code: 'FORBIDDEN' }]]);
    expect((await must<{ chatRoom: unknown }>(service, `query($id: ID!) { chatRoom(id: $id) { id } }`, { id: party })).chatRoom).toBeNull();
    expect((await must<{ chatRoom: { id: string } }>(service, `query($id: ID!) { chatRoom(id: $id) { id } }`, { id: roomId })).chatRoom).toEqual({ id: roomId });
    expect(await stored(roomId)).toBe(0);
  });
});
