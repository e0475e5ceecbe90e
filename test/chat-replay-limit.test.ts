// Through the gateway, as a client resumes: a stream's `after` may reach back at most 1,000 messages
// (schema/social/chat.graphql, messageAdded and chatRoomEvents); further back is refused with
// BAD_USER_INPUT on `after`, and the history connection (which promises no such limit) pages it.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gqlData, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions, subscribe, untilListening, type Subscription } from './support/ws.js';

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const MAX_REPLAY = 1_000;

const globalRoom = async () =>
  (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `replay_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;

/**
 * Messages other players sent while the client was away, stored as sends store them (next
 * positions, the room's newest position following); written in one statement, since 1,000 sends
 * through the gateway would take the test most of its time.
 */
async function missed(roomId: string, authorId: string, texts: string[]): Promise<void> {
  const { prisma } = platform.runtime.db;
  await prisma.chatMessage.createMany({ data: texts.map((text) => ({ roomId, authorId, text })) });
  const newest = await prisma.chatMessage.findFirst({ where: { roomId }, orderBy: { seq: 'desc' } });
  await prisma.chatRoom.update({ where: { id: roomId }, data: { lastSeq: newest!.seq, lastEventSeq: newest!.seq, lastActivityAt: newest!.sentAt } });
}
const backlog = (from: number, count: number) => Array.from({ length: count }, (_, i) => `b${String(from + i).padStart(4, '0')}`);

/** The first error a refused subscription reports (in a result or as the error), once it has one. */
async function refusal(sub: Subscription) {
  await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
  expect(sub.results.every((r) => r.data == null)).toBe(true);
  return sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { message: string; extensions?: Record<string, unknown> }) : undefined);
}

const waitForSubscribers = (n: number) => expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(n);

describe('chat through the gateway: how far back a stream resumes', () => {
  it('messageAdded replays exactly 1,000 missed messages in order, then live; one more than 1,000 back is refused on `after`', async () => {
    const roomId = await globalRoom();
    const sender = await registerPlayer(url);
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { cursor } } }`;
    const anchor = (await gqlData<{ sendMessage: { message: { cursor: string } } }>(url, SEND, { input: { roomId, text: 'anchor' } }, sender.token)).sendMessage.message;
    await missed(roomId, sender.id, backlog(1, MAX_REPLAY));

    const ADDED = `subscription($r: ID!, $a: String) { messageAdded(roomId: $r, after: $a) { text cursor } }`;
    const resumed = subscribe(client(), ADDED, { r: roomId, a: anchor.cursor });
    await expect.poll(() => resumed.results.length, { timeout: 30_000 }).toBe(MAX_REPLAY);
    await waitForSubscribers(1);
    await untilListening(platform.runtime.redis, liveChannel('social', 'messageAdded', roomId));
    await gqlData(url, SEND, { input: { roomId, text: 'live' } }, sender.token);
    await expect.poll(() => resumed.results.length, { timeout: 10_000 }).toBe(MAX_REPLAY + 1);
    expect(resumed.results.every((r) => r.errors === undefined)).toBe(true);
    const texts = resumed.results.map((r) => (r.data as { messageAdded: { text: string } }).messageAdded.text);
    expect(texts).toEqual([...backlog(1, MAX_REPLAY), 'live']);
    resumed.stop();
    await waitForSubscribers(0);

    // The live message makes the anchor 1,001 messages back.
    const tooFar = subscribe(client(), ADDED, { r: roomId, a: anchor.cursor });
    const error = await refusal(tooFar);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(error?.message).toContain('More than 1000 messages');
    tooFar.stop();

    // The history connection has no such limit: it pages from the same cursor.
    const PAGE = `query($id: ID!, $a: String) { chatRoom(id: $id) { messages(first: 100, after: $a) { edges { node { text } } pageInfo { hasNextPage } } } }`;
    type Page = { chatRoom: { messages: { edges: { node: { text: string } }[]; pageInfo: { hasNextPage: boolean } } } };
    const page = (await gqlData<Page>(url, PAGE, { id: roomId, a: anchor.cursor })).chatRoom.messages;
    expect(page.edges.map((e) => e.node.text)).toEqual(backlog(1, 100));
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('chatRoomEvents replays exactly 1,000 missed events in order; one more than 1,000 back is refused on `after`', async () => {
    const roomId = await globalRoom();
    const player = await registerPlayer(url);
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`;
    const EVENTS = `subscription($r: ID!, $a: String) { chatRoomEvents(roomId: $r, after: $a) { type cursor message { text } } }`;
    type Event = { chatRoomEvents: { type: string; cursor: string; message: { text: string } } };

    // An event cursor comes from the stream: follow it live and keep the anchor's.
    const live = subscribe(client(player.token), EVENTS, { r: roomId });
    await waitForSubscribers(1);
    await untilListening(platform.runtime.redis, liveChannel('social', 'roomEvent', roomId));
    await gqlData(url, SEND, { input: { roomId, text: 'anchor' } }, player.token);
    await expect.poll(() => live.results.length, { timeout: 10_000 }).toBe(1);
    const anchor = (live.results[0]!.data as Event).chatRoomEvents;
    expect(anchor).toMatchObject({ type: 'ADDED', message: { text: 'anchor' } });
    live.stop();
    await waitForSubscribers(0);

    await missed(roomId, player.id, backlog(1, MAX_REPLAY));
    const resumed = subscribe(client(player.token), EVENTS, { r: roomId, a: anchor.cursor });
    await expect.poll(() => resumed.results.length, { timeout: 30_000 }).toBe(MAX_REPLAY);
    expect(resumed.results.every((r) => r.errors === undefined)).toBe(true);
    const events = resumed.results.map((r) => (r.data as Event).chatRoomEvents);
    expect(events.map((e) => e.message.text)).toEqual(backlog(1, MAX_REPLAY));
    expect(events.every((e) => e.type === 'ADDED')).toBe(true);
    resumed.stop();
    await waitForSubscribers(0);

    await missed(roomId, player.id, backlog(MAX_REPLAY + 1, 1));
    const tooFar = subscribe(client(player.token), EVENTS, { r: roomId, a: anchor.cursor });
    const error = await refusal(tooFar);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(error?.message).toContain('More than 1000 events');
    tooFar.stop();
    // One event later is 1,000 back again: accepted.
    const justInside = subscribe(client(player.token), EVENTS, { r: roomId, a: events[0]!.cursor });
    await expect.poll(() => justInside.results.length, { timeout: 30_000 }).toBe(MAX_REPLAY);
    expect((justInside.results.at(-1)!.data as Event).chatRoomEvents.message.text).toBe(backlog(MAX_REPLAY + 1, 1)[0]);
    justInside.stop();
  });
});
