import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer, uniqueName } from './support/platform.js';
import { signInAsAdmin } from './support/game-server.js';
import { subscribe } from './support/ws.js';

// Chat as a studio reads it in schema/social/chat.graphql: every refusal the docstrings promise
// (its code, extensions.field and reason), the limits and defaults they name, and hostile input
// on every argument, each refused with a code and changing nothing.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
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
type Message = { id: string; cursor: string; kind: string; text: string };
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
