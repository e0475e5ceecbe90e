// The gateway's entity cache (gateway/entity-cache.ts) through the gateway, as clients see it:
// players' public fields on a chat page come from the cache once known, and a change is never
// served stale — a new display name, points from an unlock, a level from an XP reward.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { DEFAULT_ROOMS } from '../subgraphs/social/domain/chat-rooms.js';
import { gameServerToken } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';

let platform: RunningPlatform;
let url: string;
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const GLOBAL_ROOM = DEFAULT_ROOMS.find((r) => r.kind === 'GLOBAL')!.id;
const PAGE = `query($room: ID!) { chatRoom(id: $room) { messages(last: 20) { edges { node { text author { id displayName level achievementPoints } } } } } }`;
type Author = { id: string; displayName: string; level: number; achievementPoints: number | null };
type Page = { chatRoom: { messages: { edges: { node: { text: string; author: Author | null } }[] } } | null };

/** The author of the message with this text, as a reader of the chat page sees them. */
async function authorOf(reader: string, text: string): Promise<Author> {
  const page = await gql<Page>(url, PAGE, { room: GLOBAL_ROOM }, { token: reader });
  expect(page.errors).toBeUndefined();
  const edge = page.data!.chatRoom!.messages.edges.find((e) => e.node.text === text);
  expect(edge, `message "${text}" on the page`).toBeDefined();
  return edge!.node.author!;
}

/** The gateway's cache counters, from its /metrics. */
async function cacheCounters(): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const value = (name: string) => Number(text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm'))?.[1] ?? NaN);
  return { hits: value('gateway_entity_cache_hits_total'), misses: value('gateway_entity_cache_misses_total') };
}

describe('the gateway entity cache', () => {
  let gameServer: string;
  beforeAll(async () => {
    gameServer = await gameServerToken(platform, url);
  });

  it('serves a chat page’s authors from the cache, and a changed name, unlock or level at once', async () => {
    const author = await registerPlayer(url);
    const reader = await registerPlayer(url);
    const text = `hello ${randomUUID().slice(0, 8)}`;
    const sent = await gql(url, `mutation($input: SendMessageInput!) { sendMessage(input: $input) { message { id } } }`, { input: { roomId: GLOBAL_ROOM, text } }, { token: author.token });
    expect(sent.errors).toBeUndefined();

    // The message unlocks say_hello (10 points) over the bus a moment later: a page read before
    // that cached 0 points, and the unlock's announcement must replace it.
    await expect.poll(async () => (await authorOf(reader.token, text)).achievementPoints, { timeout: 10_000 }).toBe(10);
    const first = await authorOf(reader.token, text);
    expect(first).toMatchObject({ id: author.id, level: 1 });
    const before = await cacheCounters();
    expect(await authorOf(reader.token, text)).toEqual(first);
    const after = await cacheCounters();
    // Both subgraphs' parts of this author (users: name and level; achievements: points) were served from the cache.
    expect(after.hits - before.hits).toBeGreaterThanOrEqual(2);

    // A new display name is read at once after the mutation answers.
    const renamed = await gql(url, `mutation($n: String!) { updateProfile(input: { displayName: $n }) { user { displayName } } }`, { n: 'Renamed One' }, { token: author.token });
    expect(renamed.errors).toBeUndefined();
    expect(await authorOf(reader.token, text)).toMatchObject({ displayName: 'Renamed One' });

    // An unlock's points at once after recordGameEvent answers (first_blood among them: 10 points, 100 XP).
    const recorded = await gql<{ recordGameEvent: { events: { unlocked: { achievement: { id: string; points: number } }[] }[] } }>(
      url,
      `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { unlocked { achievement { id points } } } } }`,
      { input: { id: `won-${randomUUID()}`, userId: author.id, type: 'COMBAT_WON' } },
      { token: gameServer },
    );
    expect(recorded.errors).toBeUndefined();
    const unlocked = recorded.data!.recordGameEvent.events[0]!.unlocked;
    expect(unlocked.map((u) => u.achievement.id)).toContain('first_blood');
    expect((await authorOf(reader.token, text)).achievementPoints).toBe(10 + unlocked.reduce((sum, u) => sum + u.achievement.points, 0));

    // The XP reward reaches the users subgraph over the bus a moment later; the new level is then
    // read through the cache too (stale, it would stay 1 for the cache's whole TTL of 60 s).
    await expect.poll(async () => (await authorOf(reader.token, text)).level, { timeout: 10_000 }).toBeGreaterThan(1);
  });
});
