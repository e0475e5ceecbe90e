// Analytics through the gateway, as a game studio uses it: players and the game server report events
// (GraphQL `trackEvents` and `POST /ingest`), admins read the dashboard over HTTP and graphql-ws.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { metric, subscribe } from './support/ws.js';

let platform: RunningPlatform;
let url = '';
// Processors claim a crashed one's entries quickly, and the dashboard slides every half second here.
const { client } = platformPerFile({ ANALYTICS_DASHBOARD_SLIDE_MS: '500' }, (p) => {
  platform = p;
  url = p.gateway.url;
});
let admin = '';
let server = '';
beforeAll(async () => {
  admin = await signInAsAdmin(platform, url);
  server = await gameServerToken(platform, url);
}, 60_000);

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ev = (over: Record<string, unknown> = {}) => ({ eventId: randomUUID(), sessionId: 'match-1', eventType: 'MATCH_COMPLETED', timestamp: ago(MIN), ...over });
const ingestUrl = () => url.replace('/graphql', '/ingest');

const TRACK = `mutation($events: [TrackedEventInput!]!) {
  trackEvents(input: { events: $events }) { accepted duplicates rejected { index eventId reason field } }
}`;
interface Tracked {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId: string | null; reason: string; field: string | null }[];
}

async function ingest(body: unknown, token?: string, contentType = 'application/json') {
  const response = await fetch(ingestUrl(), {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Tracked & { errors?: { extensions: Record<string, unknown> }[] } };
}

const PLAYER_METRICS = `query($u: ID!) { playerMetrics(userId: $u) { events sessions eventsByType { eventType count } } }`;
async function eventsOf(userId: string): Promise<number> {
  const result = await gql<{ playerMetrics: { events: number } | null }>(url, PLAYER_METRICS, { u: userId }, { token: admin });
  expect(result.errors).toBeUndefined();
  return result.data!.playerMetrics?.events ?? 0;
}

describe('trackEvents through the gateway', () => {
  it('takes a player’s own events and refuses another player’s, each alone', async () => {
    const me = await registerPlayer(url);
    const someoneElse = await registerPlayer(url);
    const result = await gql<{ trackEvents: Tracked }>(url, TRACK, { events: [ev(), ev({ userId: someoneElse.id }), ev({ userId: me.id })] }, { token: me.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.trackEvents).toMatchObject({ accepted: 2, duplicates: 0, rejected: [{ index: 1, reason: 'NOT_YOUR_EVENT', field: 'userId' }] });
    await expect.poll(() => eventsOf(me.id), { timeout: 10_000 }).toBe(2);
    expect(await eventsOf(someoneElse.id)).toBe(0);
  });

  it('refuses anonymous callers and empty batches; nothing is stored', async () => {
    const anonymous = await gql(url, TRACK, { events: [ev({ userId: randomUUID() })] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const empty = await gql(url, TRACK, { events: [] }, { token: server });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
  });

  it('counts a replayed 10% of a game server’s batch once', async () => {
    const userId = (await registerPlayer(url)).id;
    const batch = Array.from({ length: 100 }, (_, i) => ev({ userId, sessionId: `m-${i % 5}` }));
    const first = await gql<{ trackEvents: Tracked }>(url, TRACK, { events: batch }, { token: server });
    expect(first.data!.trackEvents).toEqual({ accepted: 100, duplicates: 0, rejected: [] });
    await expect.poll(() => eventsOf(userId), { timeout: 10_000 }).toBe(100);
    const replay = await gql<{ trackEvents: Tracked }>(url, TRACK, { events: batch.slice(0, 10) }, { token: server });
    expect(replay.data!.trackEvents).toEqual({ accepted: 0, duplicates: 10, rejected: [] });
    // A fresh event after the replay: once it is counted, the replay would have been too.
    await gql(url, TRACK, { events: [ev({ userId })] }, { token: server });
    await expect.poll(() => eventsOf(userId), { timeout: 10_000 }).toBe(101);
  });
});

describe('POST /ingest', () => {
  it('takes a JSON array with the same rules, rejecting each malformed event alone at its index', async () => {
    const me = await registerPlayer(url);
    const good = ev();
    const { status, body } = await ingest(
      [good, { eventId: 'x' }, 42, ev({ timestamp: 'soon' }), ev({ extra: true }), ev({ eventId: 'nul\u0000' }), ev({ properties: { note: 'bell\u0007' } }), ev()],
      me.token,
    );
    expect(status).toBe(200);
    expect(body.accepted).toBe(2);
    expect(body.rejected.map((r) => [r.index, r.reason, r.field])).toEqual([
      [1, 'MALFORMED', 'sessionId'],
      [2, 'MALFORMED', null],
      [3, 'INVALID_TIMESTAMP', 'timestamp'],
      [4, 'MALFORMED', 'extra'],
      [5, 'TEXT_POLICY', 'eventId'],
      [6, 'TEXT_POLICY', 'properties.note'],
    ]);
    await expect.poll(() => eventsOf(me.id), { timeout: 10_000 }).toBe(2);
    const again = await ingest([good], me.token);
    expect(again.body).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
  });

  it('takes the largest batch, 500 events, over /ingest and over /graphql', async () => {
    const userId = (await registerPlayer(url)).id;
    const batch = () => Array.from({ length: 500 }, (_, i) => ev({ userId, sessionId: `big-${i % 10}`, properties: { i, note: 'a fairly ordinary payload' } }));
    const viaIngest = await ingest(batch(), server);
    expect([viaIngest.status, viaIngest.body.accepted]).toEqual([200, 500]);
    const viaGraphql = await gql<{ trackEvents: Tracked }>(url, TRACK, { events: batch() }, { token: server });
    expect(viaGraphql.errors).toBeUndefined();
    expect(viaGraphql.data!.trackEvents.accepted).toBe(500);
    await expect.poll(() => eventsOf(userId), { timeout: 15_000 }).toBe(1000);
  });

  it('lets the game server report for any player', async () => {
    const player = await registerPlayer(url);
    const { status, body } = await ingest([ev({ userId: player.id }), ev({ userId: player.id })], server);
    expect([status, body.accepted]).toEqual([200, 2]);
    await expect.poll(() => eventsOf(player.id), { timeout: 10_000 }).toBe(2);
  });

  it.each([
    ['no token', [{}], undefined, 'application/json', 401, 'UNAUTHENTICATED'],
    ['an object, not an array', { events: [] }, 'player', 'application/json', 400, 'BAD_USER_INPUT'],
    ['an empty array', [], 'player', 'application/json', 400, 'BAD_USER_INPUT'],
    ['501 events', Array.from({ length: 501 }, () => ({})), 'player', 'application/json', 400, 'BAD_USER_INPUT'],
    ['text that is not JSON', '[{', 'player', 'application/json', 400, 'BAD_REQUEST'],
    ['a form body', 'a=1', 'player', 'application/x-www-form-urlencoded', 400, 'BAD_REQUEST'],
  ])('refuses %s', async (_name, body, who, contentType, status, code) => {
    const token = who ? (await registerPlayer(url)).token : undefined;
    const answer = await ingest(body, token, contentType);
    expect(answer.status).toBe(status);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
  });

  it('refuses a bad token with UNAUTHENTICATED', async () => {
    const answer = await ingest([ev()], 'not-a-token');
    expect([answer.status, answer.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('the dashboard through the gateway', () => {
  const FIELDS = `activePlayers concurrentSessions eventsPerSecond eventsByType { eventType count } achievementUnlocksPerHour
    growth { newPlayers previousNewPlayers rate } engagementScore retention { day1 day7 day30 } windowStart windowEnd`;

  it('answers realtimeMetrics to an admin with what was just reported, and FORBIDDEN to a player', async () => {
    const type = `RAID_${randomUUID().slice(0, 6).toUpperCase()}`;
    const player = await registerPlayer(url);
    await ingest([ev({ userId: player.id, eventType: type, sessionId: 'raid' }), ev({ userId: player.id, eventType: type, sessionId: 'raid' })], server);
    const read = () => gql<{ realtimeMetrics: { eventsByType: { eventType: string; count: number }[]; activePlayers: number } }>(url, `{ realtimeMetrics { ${FIELDS} } }`, {}, { token: admin });
    await expect.poll(async () => (await read()).data?.realtimeMetrics.eventsByType.find((e) => e.eventType === type)?.count, { timeout: 10_000 }).toBe(2);
    expect((await read()).data!.realtimeMetrics.activePlayers).toBeGreaterThanOrEqual(1);
    const refused = await gql(url, `{ realtimeMetrics { activePlayers } }`, {}, { token: player.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('streams realtimeMetricsUpdated to an admin at once and at each slide, and refuses a player', async () => {
    const sub = subscribe(client(admin), `subscription { realtimeMetricsUpdated { ${FIELDS} } }`);
    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    const type = `LIVE_${randomUUID().slice(0, 6).toUpperCase()}`;
    await ingest([ev({ userId: (await registerPlayer(url)).id, eventType: type })], server);
    const seen = () =>
      sub.results.some((r) =>
        ((r.data?.realtimeMetricsUpdated as { eventsByType: { eventType: string }[] } | undefined)?.eventsByType ?? []).some((e) => e.eventType === type),
      );
    await expect.poll(seen, { timeout: 10_000 }).toBe(true);
    expect(sub.results.every((r) => !r.errors)).toBe(true);
    sub.stop();

    const player = await registerPlayer(url);
    const refused = subscribe(client(player.token), `subscription { realtimeMetricsUpdated { activePlayers } }`);
    await expect.poll(() => refused.error ?? refused.results[0]?.errors, { timeout: 10_000 }).toBeDefined();
    const errors = (refused.error as { extensions?: { code?: string } }[] | undefined) ?? refused.results[0]?.errors;
    expect(JSON.stringify(errors)).toContain('FORBIDDEN');
  });

  it('counts events in analytics_events_processed_total with bounded labels', async () => {
    const analytics = platform.subgraphs.find((s) => s.name === 'analytics')!.url;
    const before = await metric(analytics, 'analytics_events_processed_total', 'event_type="other",status="processed"');
    await ingest([ev({ userId: (await registerPlayer(url)).id, eventType: `WHATEVER_${randomUUID().slice(0, 6).toUpperCase()}` })], server);
    await expect.poll(() => metric(analytics, 'analytics_events_processed_total', 'event_type="other",status="processed"'), { timeout: 10_000 }).toBe(before + 1);
    expect(await metric(analytics, 'analytics_events_processed_total', 'status="accepted"')).toBeGreaterThan(0);
    expect(Number.isFinite(await metric(analytics, 'analytics_ingestion_lag_seconds'))).toBe(true);
  });
});
