import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions, subscribe, untilListening, wsClient, type Subscription } from './support/ws.js';

let platform: RunningPlatform;
let url: string;
// One sender sends faster than a player's 3 messages per second here; that limit has its own tests (test/chat.test.ts).
const { track } = platformPerFile({ SOCIAL_CHAT_MESSAGES_PER_SECOND: '1000' }, (started) => {
  platform = started;
  url = started.gateway.url;
});

/** A GLOBAL room of this test's own, so its history and live channel hold only what the test sends. */
const globalRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `resume_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;

const MESSAGE_ADDED = `subscription Chat($roomId: ID!, $after: String) {
  messageAdded(roomId: $roomId, after: $after) { cursor text author { username } }
}`;
const SEND = `mutation Send($input: SendMessageInput!) { sendMessage(input: $input) { message { cursor text } } }`;
type Received = { cursor: string; text: string; author: { username: string } };

const sendMessage = (token: string | undefined, roomId: string, text: string) =>
  gql<{ sendMessage: { message: { cursor: string; text: string } } }>(url, SEND, { input: { roomId, text } }, { token });
async function send(token: string, roomId: string, text: string) {
  const result = await sendMessage(token, roomId, text);
  if (!result.data) throw new Error(`sendMessage failed: ${JSON.stringify(result.errors)}`);
  return result.data.sendMessage.message;
}
const received = (sub: Subscription) =>
  sub.results.map((r) => {
    expect(r.errors).toBeUndefined();
    return (r.data as { messageAdded: Received }).messageAdded;
  });
const waitForSubscribers = (n: number) => expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(n);
const roomLive = (roomId: string) => untilListening(platform.runtime.redis, liveChannel('social', 'messageAdded', roomId));

/** A graphql-ws client whose socket the test can cut without a close handshake, as a lost network does. */
function cuttableClient() {
  const sockets: WebSocket[] = [];
  class RecordedWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
  }
  const client = track(createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: RecordedWebSocket, retryAttempts: 0 }));
  return { client, cut: () => sockets.forEach((s) => s.terminate()) };
}

describe('chat through the gateway: resuming messageAdded after a lost connection', () => {
  it('delivers every message exactly once, in order, across a reconnect with `after`', async () => {
    const roomId = await globalRoom();
    const sender = await registerPlayer(url);

    const first = cuttableClient();
    const before = subscribe(first.client, MESSAGE_ADDED, { roomId });
    await waitForSubscribers(1);
    await roomLive(roomId);
    await send(sender.token, roomId, 'm1');
    await send(sender.token, roomId, 'm2');
    await expect.poll(() => before.results.length, { timeout: 10_000 }).toBe(2);

    first.cut();
    await expect.poll(() => before.error, { timeout: 10_000 }).toBeDefined();
    // The gateway has noticed and let go of the upstream stream: what follows is really missed.
    await waitForSubscribers(0);
    await expect.poll(() => platform.runtime.redis.numsub(liveChannel('social', 'messageAdded', roomId)), { timeout: 10_000 }).toBe(0);
    await send(sender.token, roomId, 'm3');
    await send(sender.token, roomId, 'm4');

    const again = track(wsClient(url));
    const seen = received(before);
    const after = subscribe(again, MESSAGE_ADDED, { roomId, after: seen.at(-1)!.cursor });
    await waitForSubscribers(1);
    await roomLive(roomId);
    await expect.poll(() => after.results.length, { timeout: 10_000 }).toBe(2);
    await send(sender.token, roomId, 'm5');
    await expect.poll(() => after.results.length, { timeout: 10_000 }).toBe(3);
    await new Promise((r) => setTimeout(r, 300)); // nothing more trickles in

    const all = [...seen, ...received(after)];
    expect(all.map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(new Set(all.map((m) => m.cursor)).size).toBe(5);
    // username lives in the users subgraph: the gateway resolved the author through federation.
    expect(all.every((m) => m.author.username === sender.username)).toBe(true);
    expect(after.error).toBeUndefined();
    after.stop();
    await waitForSubscribers(0);
  });

  it('refuses a malformed cursor with a clear error', async () => {
    const roomId = await globalRoom();
    const c = track(wsClient(url));
    const sub = subscribe(c, MESSAGE_ADDED, { roomId, after: 'not-a-cursor' });
    await expect.poll(() => sub.results.length > 0 || sub.error !== undefined, { timeout: 10_000 }).toBe(true);
    const errors = sub.results[0]?.errors ?? sub.error;
    expect(JSON.stringify(errors)).toContain('after is not a valid cursor.');
    expect(JSON.stringify(errors)).toContain('BAD_USER_INPUT');
    expect(sub.results.every((r) => r.data == null)).toBe(true);
  });

  it('refuses to send for a signed-out player, and a 2,001-character text', async () => {
    const roomId = await globalRoom();
    const anonymous = await sendMessage(undefined, roomId, 'hello');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const player = await registerPlayer(url);
    const tooLong = await sendMessage(player.token, roomId, 'x'.repeat(2_001));
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(tooLong.errors?.[0]?.message).toContain('2000');
    expect(await platform.runtime.db.prisma.chatMessage.count({ where: { roomId } })).toBe(0);
  });
});
