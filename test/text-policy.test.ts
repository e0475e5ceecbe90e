import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, REGISTER, registerPlayer, uniqueName, type GraphQLResponse } from './support/platform.js';
import { subscribe } from './support/ws.js';

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const USER_BY_USERNAME = `query($u: String!) { userByUsername(username: $u) { id } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { displayName bio } } }`;
const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { text } } }`;
const ACHIEVEMENT = `query($id: ID!) { achievement(id: $id) { id } }`;

/** What a client sees of a refusal: the code and the field, and never a server error. */
const refusal = (response: GraphQLResponse<unknown>) => {
  const error = response.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
};

const globalRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `text_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;

const register = (input: Record<string, unknown>) => {
  const username = uniqueName('t');
  return gql(url, REGISTER, { input: { username, email: `${username}@example.com`, password: 'password123', ...input } });
};

describe('one text policy for every string input, through the gateway', () => {
  // A NUL reached PostgreSQL ("invalid byte sequence") and a lone surrogate could not be encoded:
  // both came back as INTERNAL_SERVER_ERROR, to anonymous callers too.
  describe.each([
    ['a NUL', 'ab\u0000cd'],
    ['a lone surrogate', 'ab\ud800cd'],
  ])('%s', (_case, bad) => {
    it('in a query argument, anonymously', async () => {
      expect(refusal(await gql(url, USER_BY_USERNAME, { u: bad }))).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
      expect(refusal(await gql(url, ACHIEVEMENT, { id: bad }))).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    });

    it('in sign-up and sign-in fields', async () => {
      expect(refusal(await register({ username: bad }))).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
      expect(refusal(await register({ displayName: bad }))).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
      expect(refusal(await gql(url, LOGIN, { input: { usernameOrEmail: bad, password: 'password123' } }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'usernameOrEmail',
      });
      expect(refusal(await gql(url, LOGIN, { input: { usernameOrEmail: 'someone', password: bad } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'password' });
    });

    it('in a display name and in chat text', async () => {
      const player = await registerPlayer(url);
      expect(refusal(await gql(url, UPDATE_PROFILE, { input: { displayName: bad } }, { token: player.token }))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'displayName',
      });
      const roomId = await globalRoom();
      expect(refusal(await gql(url, SEND, { input: { roomId, text: bad } }, { token: player.token }))).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    });
  });

  it('refuses a subscription whose arguments break the rule, over graphql-ws', async () => {
    const player = await registerPlayer(url);
    const roomId = await globalRoom();
    const ws = client(player.token);
    const MESSAGE_ADDED = `subscription($roomId: ID!, $after: String) { messageAdded(roomId: $roomId, after: $after) { text } }`;
    for (const [variables, field] of [
      [{ roomId: `${roomId}\u0000` }, 'roomId'],
      [{ roomId, after: 'cursor\ud800' }, 'after'],
    ] as const) {
      const sub = subscribe(ws, MESSAGE_ADDED, variables);
      await expect.poll(() => sub.results.length + (sub.error ? 1 : 0), { timeout: 10_000 }).toBeGreaterThan(0);
      const error = sub.results[0]?.errors?.[0] ?? (sub.error as { extensions?: Record<string, unknown> }[] | undefined)?.[0];
      expect({ code: error?.extensions?.code, field: error?.extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
      sub.stop();
    }
  });

  it('refuses a NUL written literally in the document', async () => {
    expect(refusal(await gql(url, `{ userByUsername(username: "ab\\u0000cd") { id } }`))).toEqual({ code: 'BAD_USER_INPUT', field: 'username' });
    // GraphQL's own parser refuses a lone surrogate escape: a client error too, not a server one.
    const surrogate = await gql(url, `{ userByUsername(username: "ab\\ud800cd") { id } }`);
    expect([surrogate.status, refusal(surrogate).code]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
  });

  it.each([
    ['a right-to-left override', 'Ana\u202Egnp.exe'],
    ['a right-to-left isolate', '\u2067Ana'],
    ['zero-width characters only', '\u200B\u200C\u200D'],
    ['Hangul fillers only (U+3164)', '\u3164\u3164'],
    ['braille blanks only (U+2800)', '\u2800'],
    ['an ANSI escape', '\u001b[31mAna'],
    ['a line break', 'Ana\nBob'],
    ['33 characters', '🐉'.repeat(33)],
  ])('refuses a display name with %s, on sign-up and on a profile change', async (_case, displayName) => {
    expect(refusal(await register({ displayName }))).toEqual({ code: 'BAD_USER_INPUT', field: 'displayName' });
    const player = await registerPlayer(url);
    expect(refusal(await gql(url, UPDATE_PROFILE, { input: { displayName } }, { token: player.token }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
  });

  it('stores names and text in NFC and counts characters as code points', async () => {
    const signedUp = await register({ displayName: 'Jose\u0301' });
    expect((signedUp.data as { register: { user: { displayName: string } } }).register.user.displayName).toBe('José');

    const player = await registerPlayer(url);
    const changed = await gql(url, UPDATE_PROFILE, { input: { displayName: 'e\u0301'.repeat(32), bio: 'cafe\u0301' } }, { token: player.token });
    expect(changed.data).toEqual({ updateProfile: { user: { displayName: 'é'.repeat(32), bio: 'café' } } }); // 64 code points typed, 32 stored
    const found = await gql(url, `query($u: String!) { userByUsername(username: $u) { displayName } }`, { u: player.username });
    expect(found.data).toEqual({ userByUsername: { displayName: 'é'.repeat(32) } });
  });

  it('keeps line breaks in chat, and refuses escapes, overrides and text that draws nothing', async () => {
    const player = await registerPlayer(url);
    const roomId = await globalRoom();
    const send = (text: string) => gql<{ sendMessage: { message: { text: string } } }>(url, SEND, { input: { roomId, text } }, { token: player.token });

    expect((await send('  gg\r\nwp\n\nre\u0301match? ')).data).toEqual({ sendMessage: { message: { text: 'gg\nwp\n\nrématch?' } } });
    for (const text of ['\u001b[2J\u001b[31mred', 'see \u202Etxt.exe', '\u200B\u200B', '\u3164', '\u2800\n\u2800', '🎉'.repeat(2_001)]) {
      const response = await send(text);
      expect(refusal(response), JSON.stringify(text)).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    }
    const history = await gql<{ chatRoom: { messages: { edges: { node: { text: string } }[] } } }>(
      url,
      `query($id: ID!) { chatRoom(id: $id) { messages(last: 10) { edges { node { text } } } } }`,
      { id: roomId },
      { token: player.token },
    );
    expect(history.data?.chatRoom.messages.edges.map((e) => e.node.text)).toEqual(['gg\nwp\n\nrématch?']);
  });

  it('applies to inputs of other subgraphs too: a wallet reason with a NUL from an admin', async () => {
    const admin = await registerPlayer(url);
    await platform.runtime.db.prisma.user.update({ where: { id: admin.id }, data: { role: 'ADMIN' } });
    const login = await gql<{ login: { accessToken: string } }>(url, LOGIN, { input: { usernameOrEmail: admin.username, password: 'password123' } });
    const apply = (change: Record<string, unknown>) =>
      gql(
        url,
        `mutation($input: ApplyWalletOperationInput!) { applyWalletOperation(input: $input) { replayed } }`,
        { input: { userId: admin.id, idempotencyKey: `text:${randomUUID()}`, reason: 'quest', changes: [{ itemId: 'sword', amount: 1 }], ...change } },
        { token: login.data!.login.accessToken },
      );
    expect(refusal(await apply({ reason: 'quest\u0000' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusal(await apply({ changes: [{ itemId: 'sword\ud800', amount: 1 }] }))).toEqual({ code: 'BAD_USER_INPUT', field: 'changes.0.itemId' });
  });
});
