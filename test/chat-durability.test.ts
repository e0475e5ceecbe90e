import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gql, registerPlayer, startTestPlatform } from './support/platform.js';
import { ownRedis } from './support/own-redis.js';
import { activeSubscriptions, subscribe, untilListening, wsClient, type Subscription } from './support/ws.js';

// Issue 15's durability rule: PostgreSQL holds every accepted message; Redis carries fan-out, presence
// and rate limits only. The platform runs on a Redis of this test's own, which is restarted empty in
// the middle of a send loop. Runs in both modes: the database is the run's (PGlite by default,
// DATABASE_URL when set).

let redis: Awaited<ReturnType<typeof ownRedis>>;
let platform: RunningPlatform;
let url: string;
const clients: Client[] = [];

beforeAll(async () => {
  redis = await ownRedis();
  // The loop sends faster than a player's 3 per second: that limit has its own tests.
  platform = await startTestPlatform({ REDIS_URL: redis.url, SOCIAL_CHAT_MESSAGES_PER_SECOND: '1000' });
  url = platform.gateway.url;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await platform?.close();
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A client that follows a resumable stream as a game client should: whenever its subscription ends
 * (an error such as SUBSCRIPTION_INTERRUPTED, or the socket), it subscribes again passing the cursor
 * of the last event it received. `received` is everything it got, in order.
 */
function follower<E>(token: string, query: string, variables: Record<string, unknown>, field: string, cursorOf: (event: E) => string) {
  const received: E[] = [];
  let resubscriptions = 0;
  let stopped = false;
  let current: Subscription | undefined;
  const start = (after: string | undefined) => {
    const client = wsClient(url, { token });
    clients.push(client);
    const sub = (current = subscribe(client, query, { ...variables, after }));
    const watch = setInterval(() => {
      while (sub.results.length) {
        const result = sub.results.shift()!;
        if (result.errors) sub.error = result.errors;
        else received.push((result.data as Record<string, E>)[field]!);
      }
      if ((sub.error || sub.completed) && !stopped) {
        clearInterval(watch);
        sub.stop();
        resubscriptions++;
        setTimeout(() => start(received.length ? cursorOf(received.at(-1)!) : undefined), 100);
      }
      if (stopped) clearInterval(watch);
    }, 20);
  };
  start(undefined);
  return {
    received,
    resubscriptions: () => resubscriptions,
    stop: () => {
      stopped = true;
      current?.stop();
    },
  };
}

describe('chat durability: Redis restarted empty during a send loop', () => {
  it('loses no accepted message, and subscribers resuming from their cursors see every message once, in order', async () => {
    const roomId = (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `dur_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
    const senders = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    const bob = await registerPlayer(url);
    const watcher = await registerPlayer(url);

    const before = await activeSubscriptions(url);
    type Added = { cursor: string; id: string; text: string };
    const room = follower<Added>(watcher.token, `subscription($r: ID!, $after: String) { messageAdded(roomId: $r, after: $after) { cursor id text } }`, { r: roomId }, 'messageAdded', (e) => e.cursor);
    type Inbox = { inboxCursor: string; message: { id: string; text: string } };
    const inbox = follower<Inbox>(bob.token, `subscription($after: String) { privateMessageReceived(after: $after) { inboxCursor message { id text } } }`, {}, 'privateMessageReceived', (e) => e.inboxCursor);
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(before + 2);
    // Live upstream before the first send (polled: on a loaded machine a fixed pause may not be enough).
    await untilListening(platform.runtime.redis, liveChannel('social', 'messageAdded', roomId));
    await untilListening(platform.runtime.redis, liveChannel('social', 'privateMessage', bob.id));

    const acceptedInRoom: string[] = [];
    const acceptedPrivate: string[] = [];
    const SEND = 'mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }';
    const SEND_PRIVATE = 'mutation($input: SendPrivateMessageInput!) { sendPrivateMessage(input: $input) { message { id } } }';
    const loop = async (sender: (typeof senders)[number], n: number) => {
      for (let i = 0; i < 40; i++) {
        const text = `s${n}:${i}`;
        // Refused or failed sends are simply not accepted; what matters is that accepted ones stay.
        const inRoom = await gql<{ sendMessage: { message: { id: string } } }>(url, SEND, { input: { roomId, text } }, { token: sender.token }).catch(() => null);
        if (inRoom?.data) acceptedInRoom.push(inRoom.data.sendMessage.message.id);
        const priv = await gql<{ sendPrivateMessage: { message: { id: string } } }>(url, SEND_PRIVATE, { input: { toUserId: bob.id, text } }, { token: sender.token }).catch(() => null);
        if (priv?.data) acceptedPrivate.push(priv.data.sendPrivateMessage.message.id);
        await sleep(5);
      }
    };
    const sending = Promise.all(senders.map((s, n) => loop(s, n)));
    await expect.poll(() => acceptedInRoom.length, { timeout: 20_000 }).toBeGreaterThan(20);
    await redis.restartEmpty();
    await sending;
    // Sends went on through the restart.
    expect(acceptedInRoom.length).toBeGreaterThan(60);
    expect(acceptedPrivate.length).toBeGreaterThan(60);

    // No accepted message is lost: every one is stored.
    const storedRoom = await platform.runtime.db.prisma.chatMessage.findMany({ where: { roomId }, orderBy: { seq: 'asc' }, select: { id: true } });
    const storedInbox = await platform.runtime.db.prisma.chatMessage.findMany({ where: { recipientId: bob.id }, orderBy: { recipientSeq: 'asc' }, select: { id: true } });
    expect(new Set(storedRoom.map((m) => m.id))).toEqual(new Set(acceptedInRoom));
    expect(new Set(storedInbox.map((m) => m.id))).toEqual(new Set(acceptedPrivate));

    // Every subscriber, resuming from its cursor as needed, saw each stored message once, in order.
    await expect.poll(() => room.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(storedRoom.length);
    await expect.poll(() => inbox.received.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(storedInbox.length);
    await sleep(300); // nothing more trickles in
    expect(room.received.map((e) => e.id)).toEqual(storedRoom.map((m) => m.id));
    expect(inbox.received.map((e) => e.message.id)).toEqual(storedInbox.map((m) => m.id));
    room.stop();
    inbox.stop();
  }, 120_000);
});
