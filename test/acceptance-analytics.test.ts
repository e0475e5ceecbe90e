import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { subscribe } from './support/ws.js';

// Analytics as a studio reads schema/analytics.graphql and schema/analytics/*.graphql: ingestion,
// the dashboard, custom events, experiments and personalization. Every refusal the docstrings
// promise (code, extensions.field, the bounds they give), who may call what, defaults, ordering,
// idempotency, and hostile input on every argument, each refused with a code and changing nothing.

const NAMES_MAX = 40;
let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({ ANALYTICS_EXPERIMENT_CACHE_MS: '0', ANALYTICS_CUSTOM_EVENT_NAMES_MAX: String(NAMES_MAX) }, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = { id: string; username: string; token: string };
type Caller = Player | string | undefined;
let admin = '';
let server = '';
let otherService = '';
beforeAll(async () => {
  admin = await signInAsAdmin(platform, url);
  server = await gameServerToken(platform, url);
  otherService = await gameServerToken(platform, url, ['MANAGE_WALLET']);
}, 60_000);

const HUGE = 'x'.repeat(100_000);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const ago = (ms: number) => iso(Date.now() - ms);
const tokenOf = (caller: Caller) => (typeof caller === 'string' ? caller : caller?.token);

async function must<T>(caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(url, query, variables, { token: tokenOf(caller) });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}
async function refusal(caller: Caller, query: string, variables: Record<string, unknown>) {
  const result = await gql(url, query, variables, { token: tokenOf(caller) });
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
  return { message: result.errors![0]!.message, ...result.errors![0]!.extensions } as { message: string; code?: unknown } & Record<string, unknown>;
}
/** A field path at or under `field` (`goals`, `goals.3`): the refusal names the field, or the element at fault in it. */
const under = (field: string): unknown => expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}(\\.|$)`)) as unknown;
type Case = [name: string, caller: Caller, variables: Record<string, unknown>, expected: Record<string, unknown>];
async function expectRefusals(query: string, cases: Case[]) {
  for (const [name, caller, variables, expected] of cases) {
    const refused = await refusal(caller, query, variables).catch((error: Error) => {
      throw new Error(`${name}: ${error.message}`);
    });
    expect(refused, name).toMatchObject(expected);
  }
}

const TRACK_CUSTOM = `mutation($input: TrackCustomEventInput!) { trackCustomEvent(input: $input) { name duplicate countedAt labels } }`;
const CUSTOM_COUNTS = `query($name: String!, $from: DateTime!, $to: DateTime!) { customEventCounts(name: $name, from: $from, to: $to) { name total buckets { start count } } }`;
type Custom = { name: string; duplicate: boolean; countedAt: string; labels: Record<string, string> };
const trackCustom = (caller: Caller, input: Record<string, unknown>) => must<{ trackCustomEvent: Custom }>(caller, TRACK_CUSTOM, { input }).then((d) => d.trackCustomEvent);
// Fixed names: a database kept between runs holds a bounded set of them (the registry is capped).
const SHOP = 'acc_shop_opened';
const hourStart = (ms: number) => Math.floor(ms / HOUR) * HOUR;
const customTotal = async (name: string, hour = hourStart(Date.now())) =>
  (await must<{ customEventCounts: { total: number } }>(admin, CUSTOM_COUNTS, { name, from: iso(hour), to: iso(hour + HOUR) })).customEventCounts.total;

// ---------------------------------------------------------------------------------------------
// Ingestion

const TRACK = `mutation($events: [TrackedEventInput!]!) {
  trackEvents(input: { events: $events }) { accepted duplicates rejected { index eventId reason field message } }
}`;
interface Tracked {
  accepted: number;
  duplicates: number;
  rejected: { index: number; eventId: string | null; reason: string; field: string | null; message: string }[];
}
const ev = (over: Record<string, unknown> = {}) => ({ eventId: randomUUID(), sessionId: 's-1', eventType: 'LEVEL_COMPLETED', timestamp: ago(MIN), ...over });
const track = (caller: Caller, events: unknown[]) => must<{ trackEvents: Tracked }>(caller, TRACK, { events }).then((d) => d.trackEvents);

const PLAYER_METRICS = `query($u: ID!) { playerMetrics(userId: $u) { userId events sessions firstSeenAt lastSeenAt averageSessionSeconds engagementScore eventsByType { eventType count } } }`;
interface Metrics {
  userId: string;
  events: number;
  sessions: number;
  firstSeenAt: string;
  lastSeenAt: string;
  averageSessionSeconds: number;
  engagementScore: number;
  eventsByType: { eventType: string; count: number }[];
}
const metricsOf = async (userId: string) => (await must<{ playerMetrics: Metrics | null }>(admin, PLAYER_METRICS, { u: userId })).playerMetrics;
const eventsOf = async (userId: string) => (await metricsOf(userId))?.events ?? 0;
/** Sends one more good event and waits until it is counted: whatever a refused call stored would be counted by then. */
async function settledEvents(caller: Caller, userId: string, expectedBefore: number) {
  await track(caller, [ev(typeof caller === 'string' ? { userId } : {})]);
  await expect.poll(() => eventsOf(userId), { timeout: 15_000 }).toBe(expectedBefore + 1);
}

async function ingest(body: unknown, token?: string) {
  const response = await fetch(url.replace('/graphql', '/ingest'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Tracked & { errors?: { extensions?: Record<string, unknown> }[] } };
}

describe('acceptance: trackEvents', () => {
  it('who may report: anonymous UNAUTHENTICATED, a token without REPORT_GAME_EVENTS FORBIDDEN, a player only for themselves, a game server for anyone with userId', async () => {
    const ana = await registerPlayer(url);
    const bob = await registerPlayer(url);
    expect(await refusal(undefined, TRACK, { events: [ev({ userId: ana.id })] })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(otherService, TRACK, { events: [ev({ userId: ana.id })] })).toMatchObject({ code: 'FORBIDDEN' });
    const mine = await track(ana, [ev(), ev({ userId: ana.id.toUpperCase() }), ev({ userId: bob.id }), ev({ userId: 'nope' })]);
    expect(mine).toMatchObject({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 2, reason: 'NOT_YOUR_EVENT', field: 'userId' },
        { index: 3, reason: 'INVALID_USER', field: 'userId' },
      ],
    });
    const byServer = await track(server, [ev({ userId: bob.id }), ev(), ev({ userId: 'not-a-player' })]);
    expect(byServer.accepted).toBe(1);
    expect(byServer.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'INVALID_USER'],
      [2, 'INVALID_USER'],
    ]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => eventsOf(bob.id), { timeout: 15_000 }).toBe(1);
  });

  it('1–500 events per call: an empty list or 501 is BAD_USER_INPUT and nothing of it is stored; 500 are taken', async () => {
    const ana = await registerPlayer(url);
    expect(await refusal(ana, TRACK, { events: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    const tooMany = Array.from({ length: 501 }, () => ev({ userId: ana.id }));
    expect(await refusal(server, TRACK, { events: tooMany })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'events' });
    await settledEvents(server, ana.id, 0);
    const full = await track(server, tooMany.slice(0, 500));
    expect(full).toEqual({ accepted: 500, duplicates: 0, rejected: [] });
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(501);
  });

  it('each broken rule rejects its event alone, in the order sent, with its reason, field and eventId; the rest are accepted', async () => {
    const ana = await registerPlayer(url);
    const cases: [Record<string, unknown>, string, string | null][] = [
      [{ eventId: '' }, 'INVALID_EVENT_ID', 'eventId'],
      [{ eventId: 'e'.repeat(65) }, 'INVALID_EVENT_ID', 'eventId'],
      [{ eventId: 'has space' }, 'INVALID_EVENT_ID', 'eventId'],
      [{ sessionId: '' }, 'INVALID_SESSION_ID', 'sessionId'],
      [{ sessionId: 's'.repeat(65) }, 'INVALID_SESSION_ID', 'sessionId'],
      [{ sessionId: 'a/b' }, 'INVALID_SESSION_ID', 'sessionId'],
      [{ eventType: '' }, 'INVALID_EVENT_TYPE', 'eventType'],
      [{ eventType: 'level_completed' }, 'INVALID_EVENT_TYPE', 'eventType'],
      [{ eventType: '1LEVEL' }, 'INVALID_EVENT_TYPE', 'eventType'],
      [{ eventType: `L${'X'.repeat(64)}` }, 'INVALID_EVENT_TYPE', 'eventType'],
      [{ timestamp: 'yesterday' }, 'INVALID_TIMESTAMP', 'timestamp'],
      [{ timestamp: '2026-12-04T13:45:00' }, 'INVALID_TIMESTAMP', 'timestamp'],
      [{ timestamp: '2026-13-45T13:45:00Z' }, 'INVALID_TIMESTAMP', 'timestamp'],
      [{ timestamp: iso(Date.now() + 25 * HOUR) }, 'TIMESTAMP_OUT_OF_RANGE', 'timestamp'],
      [{ timestamp: iso(Date.now() - 31 * DAY) }, 'TIMESTAMP_OUT_OF_RANGE', 'timestamp'],
      [{ properties: [1, 2] }, 'INVALID_PROPERTIES', 'properties'],
      [{ properties: 'text' }, 'INVALID_PROPERTIES', 'properties'],
      [{ properties: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])) }, 'INVALID_PROPERTIES', 'properties'],
      [{ eventType: 'SESSION_COMPLETED', properties: { durationSeconds: -1 } }, 'INVALID_PROPERTIES', 'properties.durationSeconds'],
      [{ eventType: 'SESSION_COMPLETED', properties: { durationSeconds: 86_401 } }, 'INVALID_PROPERTIES', 'properties.durationSeconds'],
      [{ eventType: 'SESSION_COMPLETED', properties: { durationSeconds: '60' } }, 'INVALID_PROPERTIES', 'properties.durationSeconds'],
      [{ eventType: 'SESSION_COMPLETED', properties: { durationSeconds: 1e308 } }, 'INVALID_PROPERTIES', 'properties.durationSeconds'],
      [{ context: 'web' }, 'INVALID_CONTEXT', 'context'],
      [{ context: { os: 'linux' } }, 'INVALID_CONTEXT', 'context.os'],
      [{ context: { device: 'phone' } }, 'INVALID_CONTEXT', 'context.device'],
      [{ context: { appVersion: 'v'.repeat(65) } }, 'INVALID_CONTEXT', 'context.appVersion'],
      [{ context: { userAgent: 'u'.repeat(513) } }, 'INVALID_CONTEXT', 'context.userAgent'],
      [{ properties: { note: 'bell\u0007' } }, 'TEXT_POLICY', 'properties.note'],
      [{ properties: { ['k\u0000']: 1 } }, 'TEXT_POLICY', 'properties.*'],
      [{ context: { device: { model: '\uD800' } } }, 'TEXT_POLICY', 'context.device.model'],
      [{ properties: { blob: 'b'.repeat(33_000) } }, 'TOO_LARGE', null],
    ];
    const good = [
      ev({ properties: Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, i])) }),
      ev({ eventType: 'SESSION_COMPLETED', properties: { durationSeconds: 86_400 }, timestamp: iso(Date.now() + 23 * HOUR) }),
      ev({ eventId: 'e'.repeat(64), sessionId: 's'.repeat(64), eventType: `L${'X'.repeat(63)}`, timestamp: iso(Date.now() - 29 * DAY), context: { appVersion: 'v'.repeat(64), userAgent: 'u'.repeat(512), device: { platform: 'ios' }, location: { country: 'FR' } } }),
    ];
    const events = [...cases.map(([over]) => ev(over)), ...good];
    const result = await track(ana, events);
    expect(result.accepted).toBe(good.length);
    const seen = result.rejected.map((r) => ({ index: r.index, reason: r.reason, field: r.field, eventId: r.eventId }));
    // `properties.*`: the key at fault is named, as printable text.
    const expected = cases.map(([, reason, field], index) => ({ index, reason, field: field === 'properties.*' ? under('properties') : field, eventId: events[index]!.eventId }));
    for (let i = 0; i < cases.length; i++) expect(seen[i], JSON.stringify(cases[i]![0]).slice(0, 80)).toEqual(expected[i]);
    expect(result.rejected).toHaveLength(cases.length);
    expect(result.rejected.every((r) => r.message.length > 0)).toBe(true);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(good.length);
  });

  it('NUL, control characters or lone surrogates in eventId, userId, sessionId, eventType or timestamp refuse the whole call with BAD_USER_INPUT', async () => {
    const ana = await registerPlayer(url);
    for (const field of ['eventId', 'userId', 'sessionId', 'eventType', 'timestamp']) {
      for (const bad of ['a\u0000b', 'a\u0007b', 'a\uDC00b']) {
        const refused = await refusal(server, TRACK, { events: [ev({ userId: ana.id }), ev({ userId: ana.id, [field]: bad })] });
        expect(refused.code, `${field} ${JSON.stringify(bad)}`).toBe('BAD_USER_INPUT');
      }
    }
    // A wrong GraphQL type is refused by the schema, as a whole call too.
    expect((await refusal(server, TRACK, { events: [ev({ userId: ana.id, timestamp: 12 })] })).code).toBe('BAD_USER_INPUT');
    expect((await refusal(server, TRACK, { events: [{ ...ev({ userId: ana.id }), extra: 1 }] })).code).toBe('BAD_USER_INPUT');
    await settledEvents(server, ana.id, 0);
  });

  it('retries are safe: a repeated eventId of the same player is a duplicate, also twice in one call, and another player may use the same id', async () => {
    const ana = await registerPlayer(url);
    const bob = await registerPlayer(url);
    const once = ev();
    expect(await track(ana, [once, once, ev()])).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect(await track(ana, [once])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    // The game server reporting the same event id for the same player is the same event.
    expect(await track(server, [{ ...once, userId: ana.id }])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect(await track(bob, [once])).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    // Concurrent retries of one event count it once.
    const racing = ev();
    const results = await Promise.all(Array.from({ length: 5 }, () => track(ana, [racing])));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(1);
    await settledEvents(ana, ana.id, 3);
  });

  it('rate limit: a player reports 600 events per minute; past it the whole call is RATE_LIMITED with retryAfterMs and nothing is stored', async () => {
    const ana = await registerPlayer(url);
    expect((await track(ana, Array.from({ length: 500 }, () => ev()))).accepted).toBe(500);
    const over = await refusal(ana, TRACK, { events: Array.from({ length: 101 }, () => ev()) });
    expect(over).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    expect(over.retryAfterMs as number).toBeGreaterThan(0);
    expect(over.retryAfterMs as number).toBeLessThanOrEqual(MIN);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(500);
    // The game server's budget is its own.
    await settledEvents(server, ana.id, 500);
    // trackCustomEvent shares the budget: a player who spent 600 events is refused there too.
    const bob = await registerPlayer(url);
    await trackCustom(server, { eventId: randomUUID(), name: SHOP });
    expect((await track(bob, Array.from({ length: 500 }, () => ev()))).accepted).toBe(500);
    expect((await track(bob, Array.from({ length: 100 }, () => ev()))).accepted).toBe(100);
    expect(await refusal(bob, TRACK_CUSTOM, { input: { eventId: randomUUID(), name: SHOP } })).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('a request body over 1 MiB is HTTP 413 PAYLOAD_TOO_LARGE, over /graphql and /ingest', async () => {
    const ana = await registerPlayer(url);
    const big = Array.from({ length: 40 }, () => ev({ properties: { blob: 'b'.repeat(30_000) } }));
    expect((await ingest(big, ana.token)).status).toBe(413);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ana.token}` },
      body: JSON.stringify({ query: TRACK, variables: { events: big } }),
    });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain('PAYLOAD_TOO_LARGE');
    await settledEvents(ana, ana.id, 0);
  });

  it('POST /ingest: the same rules as a JSON array, 200 with the payload or { errors } with 400, 401, 403 or 429', async () => {
    const ana = await registerPlayer(url);
    expect((await ingest([ev()])).status).toBe(401);
    expect((await ingest([ev()], 'garbage')).status).toBe(401);
    expect((await ingest([ev({ userId: ana.id })], otherService)).status).toBe(403);
    for (const body of ['{}', '[]', 'not json', '"text"', JSON.stringify(Array.from({ length: 501 }, () => ev()))]) {
      const answer = await ingest(body, ana.token);
      expect(answer.status, body.slice(0, 20)).toBe(400);
      // A body that is not JSON at all is the HTTP layer's BAD_REQUEST; a JSON body of the wrong shape is BAD_USER_INPUT.
      expect(answer.body.errors?.[0]?.extensions?.code, body.slice(0, 20)).toBe(body === 'not json' ? 'BAD_REQUEST' : 'BAD_USER_INPUT');
    }
    const sent = [ev(), null, [], { ...ev(), sessionId: 5 }, { ...ev(), properties: { note: 'x\u0001' } }, ev({ userId: randomUUID() })];
    const answer = await ingest(sent, ana.token);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, 'MALFORMED'],
      [2, 'MALFORMED'],
      [3, 'MALFORMED'],
      [4, 'TEXT_POLICY'],
      [5, 'NOT_YOUR_EVENT'],
    ]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(1);
  });

  it('SESSION_COMPLETED through trackEvents counts for achievements: a first completed session unlocks Welcome, Traveler', async () => {
    const ana = await registerPlayer(url);
    await track(ana, [ev({ sessionId: 'first', eventType: 'SESSION_STARTED', timestamp: ago(20 * MIN) }), ev({ sessionId: 'first', eventType: 'SESSION_COMPLETED', timestamp: ago(MIN) })]);
    const unlocked = async () =>
      (await must<{ user: { achievements: { status: string; achievement: { id: string } }[] } }>(ana, `query($id: ID!) { user(id: $id) { achievements(status: UNLOCKED) { status achievement { id } } } }`, { id: ana.id })).user.achievements.map((a) => a.achievement.id);
    await expect.poll(unlocked, { timeout: 15_000 }).toContain('welcome_traveler');
  });

  it('an event of exactly 32,768 bytes of UTF-8 JSON is taken; one byte more is TOO_LARGE', async () => {
    const ana = await registerPlayer(url);
    const sized = (bytes: number) => {
      const event = ev({ properties: { blob: '' } });
      const base = Buffer.byteLength(JSON.stringify(event));
      // Two-byte characters: the bound is in bytes, not characters.
      const pad = bytes - base;
      return { ...event, properties: { blob: 'é'.repeat(Math.floor(pad / 2)) + 'b'.repeat(pad % 2) } };
    };
    const [exact, over] = [sized(32_768), sized(32_769)];
    expect(Buffer.byteLength(JSON.stringify(exact))).toBe(32_768);
    expect(Buffer.byteLength(JSON.stringify(over))).toBe(32_769);
    const result = await track(ana, [exact, over]);
    expect(result).toMatchObject({ accepted: 1, duplicates: 0, rejected: [{ index: 1, reason: 'TOO_LARGE', eventId: over.eventId }] });
    const viaIngest = await ingest([sized(32_768), sized(32_769)], ana.token);
    expect(viaIngest.body).toMatchObject({ accepted: 1, rejected: [{ index: 1, reason: 'TOO_LARGE' }] });
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(2);
  });

  it('POST /ingest: a control character in a string field, a non-string field or an unknown field rejects that event alone, naming the eventId when it was a string; over the rate limit 429', async () => {
    const ana = await registerPlayer(url);
    const sent = [
      { ...ev(), eventId: 'a\u0001b' },
      { ...ev(), eventId: 42 },
      { ...ev(), sessionId: 's\u0000' },
      { ...ev(), eventType: 'LEVEL\uD800' },
      { ...ev(), timestamp: `${ago(MIN)}\u0007` },
      { ...ev(), userId: `${ana.id}\u0001` },
      { ...ev(), extra: 1 },
      { ...ev(), eventType: undefined },
      ev(),
    ];
    const answer = await ingest(sent, ana.token);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const r of answer.body.rejected) expect(['MALFORMED', 'TEXT_POLICY'], JSON.stringify(r)).toContain(r.reason);
    expect(answer.body.rejected[0]!.eventId).toBe('a\u0001b');
    expect(answer.body.rejected[1]!.eventId).toBeNull();
    expect(answer.body.rejected[6]!.eventId).toBe(sent[6]!.eventId);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(1);
    expect((await ingest(Array.from({ length: 500 }, () => ev()), ana.token)).body.accepted).toBe(500);
    const limited = await ingest(Array.from({ length: 100 }, () => ev()), ana.token);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(501);
  });
});

// ---------------------------------------------------------------------------------------------
// Metrics and the dashboard

const EVENT_METRIC = `query($name: String!, $from: DateTime!, $to: DateTime!, $interval: MetricInterval) {
  eventMetric(name: $name, from: $from, to: $to, interval: $interval) { name total buckets { start count } }
}`;
const RETENTION = `query($from: DateTime!, $to: DateTime!) { retentionCohorts(from: $from, to: $to) { day players retained { day players rate } } }`;
const DAILY = `query($from: DateTime!, $to: DateTime!) { dailyActivity(from: $from, to: $to) { day events activePlayers newPlayers } }`;
const REALTIME = `query { realtimeMetrics { computedAt windowStart windowEnd activePlayers concurrentSessions eventsPerSecond eventsByType { eventType count } achievementUnlocksPerHour apiRequestsPerMinute webSocketMessagesPerSecond growth { newPlayers previousNewPlayers rate } engagementScore retention { day1 day7 day30 } } }`;
const dayStart = (ms: number) => Math.floor(ms / DAY) * DAY;

describe('acceptance: eventMetric, the dashboard and player metrics', () => {
  it('eventMetric: ADMIN only; DAY ranges up to 366 days, HOUR up to 31; `to` after `from`; zero buckets included, oldest first', async () => {
    const ana = await registerPlayer(url);
    const type = `ACC_${randomUUID().slice(0, 8).toUpperCase()}`;
    const now = Date.now();
    // The third is today's (a minute ago, or midnight when that was yesterday): in the last bucket at any time of day.
    const recent = iso(Math.max(dayStart(now), now - MIN));
    await track(server, [ev({ userId: ana.id, eventType: type, timestamp: iso(now - 2 * DAY) }), ev({ userId: ana.id, eventType: type, timestamp: iso(now - 2 * DAY) }), ev({ userId: ana.id, eventType: type, timestamp: recent })]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(3);
    const range = { name: type, from: iso(dayStart(now) - 3 * DAY), to: iso(dayStart(now) + DAY) };
    await expectRefusals(EVENT_METRIC, [
      ['anonymous', undefined, range, { code: 'UNAUTHENTICATED' }],
      ['a player', ana, range, { code: 'FORBIDDEN' }],
      ['a game server', server, range, { code: 'FORBIDDEN' }],
      ['367 days of DAY buckets', admin, { ...range, from: iso(now - 367 * DAY), to: iso(now) }, { code: 'BAD_USER_INPUT', field: 'to' }],
      ['32 days of HOUR buckets', admin, { ...range, from: iso(now - 32 * DAY), to: iso(now), interval: 'HOUR' }, { code: 'BAD_USER_INPUT', field: 'to' }],
      ['to before from', admin, { ...range, from: range.to, to: range.from }, { code: 'BAD_USER_INPUT', field: 'to' }],
      ['an empty range', admin, { ...range, to: range.from }, { code: 'BAD_USER_INPUT', field: 'to' }],
      ['the whole calendar', admin, { ...range, from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' }, { code: 'BAD_USER_INPUT' }],
      ['a date that is not one', admin, { ...range, from: 'yesterday' }, { code: 'BAD_USER_INPUT' }],
      ['an unknown interval', admin, { ...range, interval: 'WEEK' }, { code: 'BAD_USER_INPUT' }],
      ['a date without an offset', admin, { ...range, from: '2026-12-01T00:00:00' }, { code: 'BAD_USER_INPUT' }],
      ['a number for a date', admin, { ...range, from: 1e308 }, { code: 'BAD_USER_INPUT' }],
    ]);
    for (const name of ['', HUGE, 'a\u0000b']) {
      const answer = await gql<{ eventMetric: { total: number } | null }>(url, EVENT_METRIC, { ...range, name }, { token: admin });
      expect(answer.status, name.slice(0, 10)).toBeLessThan(500);
      if (answer.errors) expect(answer.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(answer.data!.eventMetric?.total ?? 0).toBe(0);
    }
    const daily = (await must<{ eventMetric: { name: string; total: number; buckets: { start: string; count: number }[] } }>(admin, EVENT_METRIC, range)).eventMetric;
    expect(daily.name).toBe(type);
    expect(daily.buckets.map((b) => b.start)).toEqual([3, 2, 1, 0].map((n) => iso(dayStart(now) - n * DAY)));
    expect(daily.buckets.map((b) => b.count)).toEqual([0, 2, 0, 1]);
    expect(daily.total).toBe(3);
    // DAY is the default (also when null is sent); the bounds themselves are taken.
    expect((await must<{ eventMetric: { buckets: unknown[] } }>(admin, EVENT_METRIC, { ...range, interval: null })).eventMetric.buckets).toHaveLength(4);
    expect((await must<{ eventMetric: { buckets: unknown[] } }>(admin, EVENT_METRIC, { ...range, from: iso(dayStart(now) - 365 * DAY), to: iso(dayStart(now) + DAY) })).eventMetric.buckets).toHaveLength(366);
    const hourly = (await must<{ eventMetric: { total: number; buckets: unknown[] } }>(admin, EVENT_METRIC, { name: type, from: iso(now - 31 * DAY), to: iso(now), interval: 'HOUR' })).eventMetric;
    expect(hourly.buckets.length).toBeGreaterThanOrEqual(31 * 24);
    expect(hourly.total).toBe(3);
    // A name nothing reported: zeros.
    const unknown = (await must<{ eventMetric: { total: number; buckets: { count: number }[] } }>(admin, EVENT_METRIC, { ...range, name: 'NEVER_REPORTED_TYPE' })).eventMetric;
    expect(unknown.total).toBe(0);
    expect(unknown.buckets.every((b) => b.count === 0)).toBe(true);
  });

  it('realtimeMetrics: ADMIN only; a window of ten 30-second slices ending after computedAt; what was just reported counts', async () => {
    const ana = await registerPlayer(url);
    expect(await refusal(undefined, REALTIME, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refusal(ana, REALTIME, {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(server, REALTIME, {})).toMatchObject({ code: 'FORBIDDEN' });
    const type = `RT_${randomUUID().slice(0, 8).toUpperCase()}`;
    // Events count by their timestamp: one from 10 minutes ago is outside the window.
    await track(ana, [ev({ eventType: type, timestamp: ago(1000), sessionId: 'rt' }), ev({ eventType: type, timestamp: ago(1000), sessionId: 'rt' }), ev({ eventType: type, timestamp: ago(10 * MIN), sessionId: 'rt' })]);
    type Realtime = { computedAt: string; windowStart: string; windowEnd: string; activePlayers: number; eventsPerSecond: number; eventsByType: { eventType: string; count: number }[]; retention: Record<string, number | null>; engagementScore: number | null };
    await expect
      .poll(async () => (await must<{ realtimeMetrics: Realtime }>(admin, REALTIME)).realtimeMetrics.eventsByType.find((t) => t.eventType === type)?.count, { timeout: 15_000 })
      .toBe(2);
    const m = (await must<{ realtimeMetrics: Realtime }>(admin, REALTIME)).realtimeMetrics;
    const [computed, start, end] = [Date.parse(m.computedAt), Date.parse(m.windowStart), Date.parse(m.windowEnd)];
    expect(start % 30_000).toBe(0);
    expect(end % 30_000).toBe(0);
    expect(end - start).toBe(300_000);
    expect(end).toBeGreaterThan(computed);
    expect(computed - start).toBeGreaterThanOrEqual(270_000);
    expect(computed - start).toBeLessThanOrEqual(300_000);
    expect(m.activePlayers).toBeGreaterThanOrEqual(1);
    expect(m.eventsPerSecond).toBeCloseTo(m.eventsByType.reduce((n, t) => n + t.count, 0) / ((computed - start) / 1000), 6);
    const counts = m.eventsByType.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    for (const rate of Object.values(m.retention)) if (rate !== null) expect(rate).toBeGreaterThanOrEqual(0);
    if (m.engagementScore !== null) expect(m.engagementScore).toBeLessThanOrEqual(100);
  });

  it('an admin demoted with setRole, whose token still says ADMIN, is no ADMIN anywhere in analytics: FORBIDDEN, nothing changed', async () => {
    const ana = await registerPlayer(url);
    const demotedPlayer = await registerPlayer(url);
    const token = await signInAsAdmin(platform, url, demotedPlayer);
    await must(token, REALTIME);
    await must(admin, `mutation($id: ID!) { setRole(input: { userId: $id, role: PLAYER }) { user { id } } }`, { id: demotedPlayer.id });
    await expect.poll(async () => (await gql(url, REALTIME, {}, { token })).errors?.[0]?.extensions?.code, { timeout: 15_000 }).toBe('FORBIDDEN');
    const today = dayStart(Date.now());
    const { experiment } = await define(definition());
    const fresh = definition();
    for (const [name, query, variables] of [
      ['eventMetric', EVENT_METRIC, { name: 'LEVEL_COMPLETED', from: iso(today - DAY), to: iso(today) }],
      ['retentionCohorts', RETENTION, { from: iso(today - DAY), to: iso(today) }],
      ['dailyActivity', DAILY, { from: iso(today - DAY), to: iso(today) }],
      ["another player's playerMetrics", PLAYER_METRICS, { u: ana.id }],
      ['defineExperiment', DEFINE, { input: fresh }],
      ['experiment', EXPERIMENT, { key: experiment.key }],
      ['experimentResults', RESULTS, { key: experiment.key }],
      ['customEventCounts', CUSTOM_COUNTS, { name: SHOP, from: iso(today - HOUR), to: iso(today) }],
      ["another player's personalizedExperience", EXPERIENCE, { userId: ana.id }],
    ] as const) {
      expect((await refusal(token, query, variables)).code, name).toBe('FORBIDDEN');
    }
    expect((await must<{ experiment: unknown }>(admin, EXPERIMENT, { key: fresh.key })).experiment).toBeNull();
    // A player now: they introduce no custom event name.
    expect(await refusal(token, TRACK_CUSTOM, { input: { eventId: randomUUID(), name: `acc_demoted_${Date.now().toString(36)}` } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    // Their own figures stay theirs.
    expect((await must<{ playerMetrics: unknown }>(token, PLAYER_METRICS, { u: demotedPlayer.id })).playerMetrics).toBeNull();
  });

  it('realtimeMetricsUpdated: refuses anonymous subscribers with UNAUTHENTICATED and players with FORBIDDEN; an admin gets the figures at once', async () => {
    const ana = await registerPlayer(url);
    const SUB = `subscription { realtimeMetricsUpdated { computedAt windowStart } }`;
    for (const [token, code] of [
      [undefined, 'UNAUTHENTICATED'],
      [ana.token, 'FORBIDDEN'],
    ] as const) {
      const sub = subscribe(client(token), SUB);
      await expect.poll(() => sub.completed || sub.error !== undefined || sub.results.length > 0, { timeout: 10_000 }).toBe(true);
      const codes = [...sub.results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code), ...(Array.isArray(sub.error) ? sub.error.map((e: { extensions?: { code?: string } }) => e.extensions?.code) : [])];
      expect(codes, String(token)).toContain(code);
      expect(sub.results.some((r) => r.data?.realtimeMetricsUpdated)).toBe(false);
      sub.stop();
    }
    const sub = subscribe(client(admin), SUB);
    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(sub.results[0]!.data?.realtimeMetricsUpdated).toMatchObject({ computedAt: expect.any(String) });
    sub.stop();
  });

  it('retentionCohorts (at most 92 days) and dailyActivity (at most 366): ADMIN only, `to` exclusive, hostile ranges refused', async () => {
    const ana = await registerPlayer(url);
    const today = dayStart(Date.now());
    const ok = { from: iso(today - 3 * DAY), to: iso(today + 1) };
    for (const [query, max] of [
      [RETENTION, 92],
      [DAILY, 366],
    ] as const) {
      await expectRefusals(query, [
        ['anonymous', undefined, ok, { code: 'UNAUTHENTICATED' }],
        ['a player', ana, ok, { code: 'FORBIDDEN' }],
        ['a game server', server, ok, { code: 'FORBIDDEN' }],
        [`${max + 1} days`, admin, { from: iso(today - max * DAY), to: iso(today + 1) }, { code: 'BAD_USER_INPUT', field: 'to' }],
        ['to before from', admin, { from: ok.to, to: ok.from }, { code: 'BAD_USER_INPUT', field: 'to' }],
        ['the whole calendar', admin, { from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' }, { code: 'BAD_USER_INPUT', field: 'to' }],
      ]);
      // `to` at midnight leaves that day out; just after midnight takes it in.
      const atMidnight = await must<Record<string, { day: string }[]>>(admin, query, { from: iso(today - 3 * DAY), to: iso(today) });
      const list = Object.values(atMidnight)[0]!;
      expect(list.every((d) => Date.parse(d.day) < today && Date.parse(d.day) >= today - 3 * DAY)).toBe(true);
      const full = await must<Record<string, { day: string }[]>>(admin, query, { from: iso(today - (max - 1) * DAY + 5), to: iso(today + 1) });
      expect(Object.values(full)[0]!.length).toBeLessThanOrEqual(max);
    }
    // Every day of the range, oldest first, quiet days included with zeros (further back than any event may be, 30 days).
    const quiet = { from: iso(today - 40 * DAY + 5), to: iso(today - 36 * DAY) };
    expect((await must<{ dailyActivity: unknown[] }>(admin, DAILY, quiet)).dailyActivity).toEqual(
      [40, 39, 38, 37].map((n) => ({ day: iso(today - n * DAY), events: 0, activePlayers: 0, newPlayers: 0 })),
    );
    expect((await must<{ retentionCohorts: unknown[] }>(admin, RETENTION, quiet)).retentionCohorts).toEqual(
      [40, 39, 38, 37].map((n) => ({ day: iso(today - n * DAY), players: 0, retained: [1, 7, 30].map((day) => ({ day, players: 0, rate: 0 })) })),
    );
    // A player first seen today: in today's cohort and today's new players; no retention measured yet for today.
    // At its first millisecond, so it is `today`'s however close to midnight this runs (ev()'s minute ago may be yesterday's).
    await track(ana, [ev({ timestamp: iso(today + 1) })]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(1);
    const daily = (await must<{ dailyActivity: { day: string; events: number; activePlayers: number; newPlayers: number }[] }>(admin, DAILY, ok)).dailyActivity;
    const todays = daily.find((d) => Date.parse(d.day) === today);
    expect(todays?.newPlayers).toBeGreaterThanOrEqual(1);
    const days = daily.map((d) => Date.parse(d.day));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    type Cohort = { day: string; players: number; retained: { day: number; players: number; rate: number }[] };
    const cohorts = (await must<{ retentionCohorts: Cohort[] }>(admin, RETENTION, ok)).retentionCohorts;
    const cohort = cohorts.find((c) => Date.parse(c.day) === today);
    expect(cohort?.players).toBeGreaterThanOrEqual(1);
    expect(cohort?.retained).toEqual([]);
    // A player first seen 3 days ago and back the day after: day 1 of that cohort is measured (it has ended), day 7 not yet.
    const bob = await registerPlayer(url);
    const d = today - 3 * DAY;
    await track(bob, [ev({ timestamp: iso(d + HOUR) }), ev({ timestamp: iso(d + DAY + HOUR) })]);
    await expect.poll(() => eventsOf(bob.id), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(async () => (await must<{ retentionCohorts: Cohort[] }>(admin, RETENTION, ok)).retentionCohorts.find((c) => Date.parse(c.day) === d)?.retained[0]?.players ?? 0, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(1);
    const old = (await must<{ retentionCohorts: Cohort[] }>(admin, RETENTION, ok)).retentionCohorts.find((c) => Date.parse(c.day) === d)!;
    expect(old.retained.map((r) => r.day)).toEqual([1]);
    expect(old.retained[0]!.rate).toBeCloseTo(old.retained[0]!.players / old.players, 9);
    const days3 = (await must<{ dailyActivity: { day: string; events: number; newPlayers: number }[] }>(admin, DAILY, ok)).dailyActivity.find((x) => Date.parse(x.day) === d);
    expect(days3?.newPlayers).toBeGreaterThanOrEqual(1);
    expect(days3?.events).toBeGreaterThanOrEqual(1);
  });

  it('playerMetrics: the player themselves or an ADMIN; FORBIDDEN for others; null for a player without events; sessions and lengths as documented', async () => {
    const ana = await registerPlayer(url);
    const bob = await registerPlayer(url);
    expect(await refusal(bob, PLAYER_METRICS, { u: ana.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(server, PLAYER_METRICS, { u: ana.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(undefined, PLAYER_METRICS, { u: ana.id })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await must<{ playerMetrics: unknown }>(ana, PLAYER_METRICS, { u: ana.id })).playerMetrics).toBeNull();
    for (const u of ['nope', '', HUGE.slice(0, 5_000)]) {
      expect(await refusal(admin, PLAYER_METRICS, { u }), u.slice(0, 10)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
      expect(await refusal(ana, PLAYER_METRICS, { u }), u.slice(0, 10)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'userId' });
    }
    expect((await must<{ playerMetrics: unknown }>(admin, PLAYER_METRICS, { u: randomUUID() })).playerMetrics).toBeNull();
    // Yesterday 02:00 UTC: every event falls on one UTC day whatever the hour the test runs at.
    const t0 = dayStart(Date.now()) - DAY + 2 * HOUR;
    await track(ana, [
      ev({ sessionId: 'a', eventType: 'SESSION_STARTED', timestamp: iso(t0) }),
      ev({ sessionId: 'a', eventType: 'LEVEL_COMPLETED', timestamp: iso(t0 + 5 * MIN) }),
      ev({ sessionId: 'a', eventType: 'SESSION_COMPLETED', timestamp: iso(t0 + 10 * MIN) }),
      // The client knows the session lasted 20 minutes: its start moves back.
      ev({ sessionId: 'b', eventType: 'SESSION_COMPLETED', timestamp: iso(t0 + HOUR), properties: { durationSeconds: 1200 } }),
    ]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(4);
    const own = (await must<{ playerMetrics: Metrics }>(ana, PLAYER_METRICS, { u: ana.id })).playerMetrics;
    expect(own).toMatchObject({ userId: ana.id, events: 4, sessions: 2, firstSeenAt: iso(t0), lastSeenAt: iso(t0 + HOUR) });
    expect(own.averageSessionSeconds).toBeCloseTo((600 + 1200) / 2, 3);
    expect(own.eventsByType[0]).toEqual({ eventType: 'SESSION_COMPLETED', count: 2 });
    // 1 active day of 7, 2 sessions of 14, 15 minutes of 30: 100 × (0.5/7 + 0.25 × 2/14 + 0.25 × 0.5) = 23.2
    expect(own.engagementScore).toBeCloseTo(23.2, 1);
    expect((await metricsOf(ana.id.toUpperCase()))?.events).toBe(4);
  });

  it('eventMetric counts the domain events analytics follows: a registration is counted under player.registered', async () => {
    const today = dayStart(Date.now());
    const range = { name: 'player.registered', from: iso(today - DAY), to: iso(today + DAY) };
    const total = async () => (await must<{ eventMetric: { total: number } }>(admin, EVENT_METRIC, range)).eventMetric.total;
    const before = await total();
    await registerPlayer(url);
    await expect.poll(total, { timeout: 15_000 }).toBeGreaterThan(before);
  });

  it('realtimeMetrics: growth.rate is (new − previous) ÷ previous or null, retention rates are shares, engagement 0–100', async () => {
    type Realtime = { growth: { newPlayers: number; previousNewPlayers: number; rate: number | null }; retention: Record<string, number | null>; engagementScore: number | null; achievementUnlocksPerHour: number; apiRequestsPerMinute: number; webSocketMessagesPerSecond: number; concurrentSessions: number; activePlayers: number };
    const m = (await must<{ realtimeMetrics: Realtime }>(admin, REALTIME)).realtimeMetrics;
    const { newPlayers, previousNewPlayers, rate } = m.growth;
    if (previousNewPlayers === 0) expect(rate).toBeNull();
    else expect(rate).toBeCloseTo((newPlayers - previousNewPlayers) / previousNewPlayers, 6);
    for (const share of Object.values(m.retention)) if (share !== null) expect(share).toBeLessThanOrEqual(1);
    if (m.engagementScore !== null) expect(m.engagementScore).toBeGreaterThanOrEqual(0);
    for (const n of [m.achievementUnlocksPerHour, m.apiRequestsPerMinute, m.webSocketMessagesPerSecond, m.concurrentSessions, m.activePlayers]) expect(n).toBeGreaterThanOrEqual(0);
  });

  it('playerMetrics.engagementScore counts the sessions started in the last 7 days only; retentionCohorts measures day 7 once it has ended', async () => {
    const ana = await registerPlayer(url);
    const today = dayStart(Date.now());
    // A session started 8 days ago and still going today: today is an active day, the session is not one of the 7 days'.
    await track(ana, [ev({ sessionId: 'long', eventType: 'SESSION_STARTED', timestamp: iso(today - 8 * DAY + HOUR) }), ev({ sessionId: 'long', eventType: 'LEVEL_STARTED', timestamp: iso(today + 1) })]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(2);
    // 100 × 0.5 × 1/7 = 7.1
    expect((await metricsOf(ana.id))?.engagementScore).toBeCloseTo(7.1, 6);
    // Ten days ago first seen, back 7 days later: day 1 and day 7 of that cohort are measured, day 30 not yet.
    const bob = await registerPlayer(url);
    const d = today - 10 * DAY;
    await track(bob, [ev({ timestamp: iso(d + HOUR) }), ev({ timestamp: iso(d + 7 * DAY + HOUR) })]);
    await expect.poll(() => eventsOf(bob.id), { timeout: 15_000 }).toBe(2);
    type Cohort = { day: string; players: number; retained: { day: number; players: number; rate: number }[] };
    const cohortOf = async () => (await must<{ retentionCohorts: Cohort[] }>(admin, RETENTION, { from: iso(d), to: iso(d + DAY) })).retentionCohorts;
    const [cohort] = await cohortOf();
    expect(cohort!.day).toBe(iso(d));
    expect(cohort!.players).toBeGreaterThanOrEqual(1);
    expect(cohort!.retained.map((r) => r.day)).toEqual([1, 7]);
    expect(cohort!.retained[1]!.players).toBeGreaterThanOrEqual(1);
    for (const r of cohort!.retained) expect(r.rate).toBeCloseTo(r.players / cohort!.players, 9);
  });

  it('playerMetrics: a late event and a timestamp with another offset count where they happened; a running session lasts to its latest event', async () => {
    const ana = await registerPlayer(url);
    const t0 = dayStart(Date.now()) - DAY + 2 * HOUR;
    // 04:00 at UTC+2 is 02:00 UTC.
    const plus2 = (ms: number) => iso(ms + 2 * HOUR).replace('Z', '+02:00');
    await track(ana, [ev({ sessionId: 'a', eventType: 'SESSION_STARTED', timestamp: plus2(t0) }), ev({ sessionId: 'a', eventType: 'SESSION_COMPLETED', timestamp: iso(t0 + 10 * MIN) })]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(2);
    expect(await metricsOf(ana.id)).toMatchObject({ firstSeenAt: iso(t0), sessions: 1, averageSessionSeconds: 600 });
    // Reported late: it happened 5 minutes before the session's first event, so the session starts then.
    await track(ana, [ev({ sessionId: 'a', eventType: 'LEVEL_STARTED', timestamp: iso(t0 - 5 * MIN) })]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(3);
    expect(await metricsOf(ana.id)).toMatchObject({ firstSeenAt: iso(t0 - 5 * MIN), lastSeenAt: iso(t0 + 10 * MIN), sessions: 1, averageSessionSeconds: 900 });
    // A session still running: from its first event to its latest.
    await track(ana, [ev({ sessionId: 'b', eventType: 'SESSION_STARTED', timestamp: iso(t0 + HOUR) }), ev({ sessionId: 'b', eventType: 'LEVEL_STARTED', timestamp: iso(t0 + HOUR + 5 * MIN) })]);
    await expect.poll(() => eventsOf(ana.id), { timeout: 15_000 }).toBe(5);
    expect(await metricsOf(ana.id)).toMatchObject({ sessions: 2, averageSessionSeconds: (900 + 300) / 2, lastSeenAt: iso(t0 + HOUR + 5 * MIN) });
    const yesterday = (await must<{ dailyActivity: { events: number; activePlayers: number }[] }>(admin, DAILY, { from: iso(t0), to: iso(t0 + HOUR) })).dailyActivity;
    expect(yesterday).toHaveLength(1);
    expect(yesterday[0]!.events).toBeGreaterThanOrEqual(5);
  });
});

// ---------------------------------------------------------------------------------------------
// Custom events


describe('acceptance: custom events', () => {
  it('trackCustomEvent: who may call, each check naming its field, and nothing stored for a refused event', async () => {
    const ana = await registerPlayer(url);
    const bob = await registerPlayer(url);
    await trackCustom(server, { eventId: randomUUID(), name: SHOP });
    const before = await customTotal(SHOP);
    const input = (over: Record<string, unknown>) => ({ input: { eventId: randomUUID(), name: SHOP, ...over } });
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    await expectRefusals(TRACK_CUSTOM, [
      ['anonymous', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['a token without REPORT_GAME_EVENTS', otherService, input({}), { code: 'FORBIDDEN' }],
      ["another player's id", ana, input({ userId: bob.id }), { code: 'FORBIDDEN' }],
      ['an empty name', server, input({ name: '' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a 64-character name', server, input({ name: `a${'b'.repeat(63)}` }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['an upper-case name', server, input({ name: 'Shop' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a name starting with a digit', server, input({ name: '1shop' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a name with a dash', server, input({ name: 'shop-open' }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['a huge name', server, input({ name: HUGE }), { code: 'BAD_USER_INPUT', field: 'name' }],
      ['an empty eventId', server, input({ eventId: '' }), { code: 'BAD_USER_INPUT', field: 'eventId' }],
      ['a 65-character eventId', server, input({ eventId: 'e'.repeat(65) }), { code: 'BAD_USER_INPUT', field: 'eventId' }],
      ['an eventId with a space', server, input({ eventId: 'a b' }), { code: 'BAD_USER_INPUT', field: 'eventId' }],
      ['33 property keys', server, input({ properties: keys(33) }), { code: 'BAD_USER_INPUT', field: 'properties' }],
      ['more than 4 KB of properties', server, input({ properties: { blob: 'b'.repeat(4100) } }), { code: 'BAD_USER_INPUT', field: 'properties' }],
      ['4 KB of multi-byte text', server, input({ properties: { blob: 'é'.repeat(2100) } }), { code: 'BAD_USER_INPUT', field: 'properties' }],
      ['properties that are a list', server, input({ properties: [1] }), { code: 'BAD_USER_INPUT' }],
      ['properties that are a string', server, input({ properties: 'x' }), { code: 'BAD_USER_INPUT' }],
      ['a control character in a value', server, input({ properties: { note: 'a\u0007' } }), { code: 'BAD_USER_INPUT' }],
      ['a NUL in a key', server, input({ properties: { ['k\u0000']: 1 } }), { code: 'BAD_USER_INPUT' }],
      ['a lone surrogate deep inside', server, input({ properties: { a: { b: ['\uD800'] } } }), { code: 'BAD_USER_INPUT' }],
      ['a malformed userId', server, input({ userId: 'nope' }), { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['a player introducing a name', ana, input({ name: `acc_new_${Date.now().toString(36)}` }), { code: 'BAD_USER_INPUT', field: 'name' }],
    ]);
    expect(await customTotal(SHOP)).toBe(before);
    // The bounds themselves are taken: 32 keys, a 63-character name (known after the first run), 64-character eventId.
    await trackCustom(server, { eventId: 'e'.repeat(64).slice(0, 28) + randomUUID(), name: SHOP, properties: keys(32) });
    await trackCustom(server, { eventId: randomUUID(), name: `a${'b'.repeat(62)}` });
    // A player reports a known name for themselves (own id or omitted); a game server for anyone or no one.
    await trackCustom(ana, { eventId: randomUUID(), name: SHOP, userId: ana.id });
    await trackCustom(ana, { eventId: randomUUID(), name: SHOP });
    await trackCustom(server, { eventId: randomUUID(), name: SHOP, userId: bob.id });
    expect(await customTotal(SHOP)).toBe(before + 4);
  });

  it('labels: only allow-listed keys, a value outside its list is `other`; everything else is stored but not a label', async () => {
    const counted = await trackCustom(server, { eventId: randomUUID(), name: SHOP, properties: { platform: 'ios', level: 3, store: 'main' } });
    expect(counted.labels).toEqual({ platform: 'ios' });
    expect((await trackCustom(server, { eventId: randomUUID(), name: SHOP, properties: { platform: 'amiga' } })).labels).toEqual({ platform: 'other' });
    expect((await trackCustom(server, { eventId: randomUUID(), name: SHOP, properties: { platform: { os: 'ios' } } })).labels).toEqual({ platform: 'other' });
    expect((await trackCustom(server, { eventId: randomUUID(), name: SHOP })).labels).toEqual({});
    expect((await trackCustom(server, { eventId: randomUUID(), name: SHOP, properties: null })).labels).toEqual({});
  });

  it('retries: the same eventId from the same caller is a duplicate with its first countedAt, counted once, concurrent retries included; another caller may reuse it', async () => {
    const ana = await registerPlayer(url);
    // Both counts read the same hour: the one the events are counted in unless it ends meanwhile.
    const hour = hourStart(Date.now());
    const before = await customTotal(SHOP, hour);
    const eventId = randomUUID();
    const first = await trackCustom(ana, { eventId, name: SHOP });
    expect(first.duplicate).toBe(false);
    expect(Date.parse(first.countedAt)).toBeLessThanOrEqual(Date.now());
    const again = await trackCustom(ana, { eventId, name: SHOP, properties: { changed: true } });
    expect(again).toMatchObject({ duplicate: true, countedAt: first.countedAt });
    const racing = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => trackCustom(server, { eventId: racing, name: SHOP })));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.countedAt)).size).toBe(1);
    expect((await trackCustom(server, { eventId, name: SHOP })).duplicate).toBe(false);
    const counted = await customTotal(SHOP, hour);
    // The hour may have ended before the last of them: then fewer are in it, never more.
    expect(counted - before).toBeLessThanOrEqual(3);
    if (hourStart(Date.now()) === hour) expect(counted - before).toBe(3);
  });

  it('customEventCounts: ADMIN only, hourly buckets with zeros, at most 31 days, BAD_USER_INPUT for a bad name or range, zeros for a name never counted', async () => {
    const ana = await registerPlayer(url);
    const now = hourStart(Date.now());
    const range = { name: SHOP, from: iso(now - 2 * HOUR), to: iso(now + HOUR) };
    await expectRefusals(CUSTOM_COUNTS, [
      ['anonymous', undefined, range, { code: 'UNAUTHENTICATED' }],
      ['a player', ana, range, { code: 'FORBIDDEN' }],
      ['a game server', server, range, { code: 'FORBIDDEN' }],
      ['a name that is not a custom event name', admin, { ...range, name: 'LEVEL_COMPLETED' }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['an empty name', admin, { ...range, name: '' }, { code: 'BAD_USER_INPUT', field: 'name' }],
      ['32 days', admin, { ...range, from: iso(now - 32 * DAY) }, { code: 'BAD_USER_INPUT' }],
      ['to before from', admin, { ...range, from: range.to, to: range.from }, { code: 'BAD_USER_INPUT' }],
      ['the whole calendar', admin, { ...range, from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' }, { code: 'BAD_USER_INPUT' }],
    ]);
    await trackCustom(server, { eventId: randomUUID(), name: SHOP });
    const counts = (await must<{ customEventCounts: { name: string; total: number; buckets: { start: string; count: number }[] } }>(admin, CUSTOM_COUNTS, { ...range, from: iso(now - 2 * HOUR + 1234) })).customEventCounts;
    expect(counts.name).toBe(SHOP);
    expect(counts.buckets.map((b) => b.start)).toEqual([iso(now - 2 * HOUR), iso(now - HOUR), iso(now)]);
    expect(counts.total).toBe(counts.buckets.reduce((n, b) => n + b.count, 0));
    expect(counts.total).toBeGreaterThanOrEqual(hourStart(Date.now()) === now ? 1 : 0);
    const never = (await must<{ customEventCounts: { total: number; buckets: { count: number }[] } }>(admin, CUSTOM_COUNTS, { ...range, name: 'acc_never_counted' })).customEventCounts;
    expect(never.total).toBe(0);
    expect(never.buckets.map((b) => b.count)).toEqual([0, 0, 0]);
    expect((await must<{ customEventCounts: { buckets: unknown[] } }>(admin, CUSTOM_COUNTS, { ...range, from: iso(now - 31 * DAY), to: iso(now) })).customEventCounts.buckets).toHaveLength(31 * 24);
  });

  it(`at most ANALYTICS_CUSTOM_EVENT_NAMES_MAX (${NAMES_MAX} here) names: a new one past it is BAD_USER_INPUT with maxNames and nothing stored; known names keep counting`, async () => {
    const known = await platform.runtime.db.prisma.analyticsCustomEventName.count();
    for (let i = known; i < NAMES_MAX; i++) await trackCustom(admin, { eventId: randomUUID(), name: `acc_fill_${i}` });
    const fresh = `acc_past_${Date.now().toString(36)}`;
    const refused = await refusal(server, TRACK_CUSTOM, { input: { eventId: randomUUID(), name: fresh } });
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', maxNames: NAMES_MAX });
    expect((await refusal(admin, TRACK_CUSTOM, { input: { eventId: randomUUID(), name: fresh } })).maxNames).toBe(NAMES_MAX);
    // Nothing stored for it: no name, no event (the registry's total is the database's: on a PostgreSQL
    // shared with unit tests running alongside, their names may land meanwhile).
    expect(await platform.runtime.db.prisma.analyticsCustomEventName.count({ where: { name: fresh } })).toBe(0);
    expect(await platform.runtime.db.prisma.analyticsCustomEventName.count()).toBeGreaterThanOrEqual(NAMES_MAX);
    expect(await platform.runtime.db.prisma.analyticsCustomEvent.count({ where: { name: fresh } })).toBe(0);
    expect((await trackCustom(server, { eventId: randomUUID(), name: SHOP })).duplicate).toBe(false);
  });

  it('properties: exactly 4 KB (4,096 bytes of UTF-8 JSON) is taken, one byte more refused; {} when omitted; another game server reusing an eventId is another event', async () => {
    const padded = (bytes: number, char = 'b') => {
      const base = Buffer.byteLength(JSON.stringify({ blob: '' }));
      return { blob: char.repeat((bytes - base) / Buffer.byteLength(char)) };
    };
    expect(Buffer.byteLength(JSON.stringify(padded(4096)))).toBe(4096);
    expect((await trackCustom(server, { eventId: randomUUID(), name: SHOP, properties: padded(4096) })).duplicate).toBe(false);
    expect(await refusal(server, TRACK_CUSTOM, { input: { eventId: randomUUID(), name: SHOP, properties: padded(4097) } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'properties' });
    const eventId = randomUUID();
    const other = await gameServerToken(platform, url);
    expect((await trackCustom(server, { eventId, name: SHOP })).duplicate).toBe(false);
    expect((await trackCustom(other, { eventId, name: SHOP })).duplicate).toBe(false);
    expect((await trackCustom(server, { eventId, name: SHOP })).duplicate).toBe(true);
    expect((await trackCustom(other, { eventId, name: SHOP })).duplicate).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Experiments

const DEFINE = `mutation($input: DefineExperimentInput!) {
  defineExperiment(input: $input) { created experiment { key description status goals startsAt endsAt createdAt updatedAt variants { key weight featureFlags isControl } targeting { maxSessions platforms countries minLevel maxLevel } } }
}`;
const VARIANT = `query($key: String!) { experimentVariant(key: $key) { experimentKey variant featureFlags reason } }`;
const EXPERIMENT = `query($key: String!) { experiment(key: $key) { key status } }`;
const RESULTS = `query($key: String!, $goal: String) {
  experimentResults(key: $key, goal: $goal) { goal confidenceLevel significanceLevel experiment { key } variants { variant isControl exposures conversions conversionRate confidenceInterval { low high } upliftVsControl zScore pValue significant } }
}`;
const CONVERT = `mutation($input: RecordConversionInput!) { recordConversion(input: $input) { outcome variant } }`;
const expKey = (prefix = 'acc') => `${prefix}-${randomUUID().slice(0, 8)}`;
const definition = (over: Record<string, unknown> = {}) => ({
  key: expKey(),
  variants: [
    { key: 'control', weight: 50, featureFlags: { shop: 'classic' } },
    { key: 'grid', weight: 50, featureFlags: { shop: 'grid' } },
  ],
  goals: ['purchase', 'share'],
  startsAt: ago(HOUR),
  endsAt: iso(Date.now() + DAY),
  status: 'RUNNING',
  ...over,
});
type Defined = { created: boolean; experiment: { key: string; status: string; description: string; updatedAt: string; variants: { key: string; weight: number; featureFlags: Record<string, unknown>; isControl: boolean }[] } };
const define = (input: Record<string, unknown>) => must<{ defineExperiment: Defined }>(admin, DEFINE, { input }).then((d) => d.defineExperiment);
type Assignment = { experimentKey: string; variant: string | null; featureFlags: Record<string, unknown> | null; reason: string };
const variantOf = (caller: Caller, key: string) => must<{ experimentVariant: Assignment }>(caller, VARIANT, { key }).then((d) => d.experimentVariant);
type Results = { goal: string; confidenceLevel: number; significanceLevel: number; variants: { variant: string; isControl: boolean; exposures: number; conversions: number; conversionRate: number | null; confidenceInterval: { low: number; high: number } | null; upliftVsControl: number | null; zScore: number | null; pValue: number | null; significant: boolean }[] };
const resultsOf = (key: string, goal?: string) => must<{ experimentResults: Results }>(admin, RESULTS, { key, goal }).then((d) => d.experimentResults);
/** The documented method, recomputed: Wilson score interval at 95%, uplift and pooled two-proportion z against the control. */
function expectStatistics(results: Results) {
  const z95 = 1.959963984540054;
  const control = results.variants[0]!;
  expect(control.isControl).toBe(true);
  for (const v of results.variants) {
    const { exposures: n, conversions: x } = v;
    if (n === 0) {
      expect(v).toMatchObject({ conversionRate: null, confidenceInterval: null, upliftVsControl: null, zScore: null, pValue: null, significant: false });
      continue;
    }
    const p = x / n;
    expect(v.conversionRate).toBeCloseTo(p, 9);
    const centre = (p + (z95 * z95) / (2 * n)) / (1 + (z95 * z95) / n);
    const half = (z95 / (1 + (z95 * z95) / n)) * Math.sqrt((p * (1 - p)) / n + (z95 * z95) / (4 * n * n));
    expect(v.confidenceInterval!.low).toBeCloseTo(centre - half, 6);
    expect(v.confidenceInterval!.high).toBeCloseTo(centre + half, 6);
    if (v.isControl || control.exposures === 0) {
      expect(v.upliftVsControl).toBeNull();
      expect(v.zScore).toBeNull();
      continue;
    }
    const pc = control.conversions / control.exposures;
    expect(v.upliftVsControl).toBeCloseTo(p - pc, 9);
    const pooled = (x + control.conversions) / (n + control.exposures);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / n + 1 / control.exposures));
    if (se === 0) expect(v.zScore).toBeNull();
    else expect(v.zScore).toBeCloseTo((p - pc) / se, 6);
    if (v.zScore === null) expect(v.pValue).toBeNull();
    else {
      expect(v.pValue).toBeGreaterThan(0);
      expect(v.pValue).toBeLessThanOrEqual(1);
    }
    expect(v.significant).toBe(v.pValue !== null && v.pValue < results.significanceLevel);
  }
}
const convert = (caller: Caller, input: Record<string, unknown>) => must<{ recordConversion: { outcome: string; variant: string | null } }>(caller, CONVERT, { input }).then((d) => d.recordConversion);

describe('acceptance: experiments', () => {
  it('defineExperiment: ADMIN only; every check names its field and stores nothing', async () => {
    const ana = await registerPlayer(url);
    const base = definition();
    const input = (over: Record<string, unknown>) => ({ input: { ...base, ...over } });
    const v = (key: string, weight: number, featureFlags?: unknown) => ({ key, weight, ...(featureFlags === undefined ? {} : { featureFlags }) });
    await expectRefusals(DEFINE, [
      ['anonymous', undefined, input({}), { code: 'UNAUTHENTICATED' }],
      ['a player', ana, input({}), { code: 'FORBIDDEN' }],
      ['a game server', server, input({}), { code: 'FORBIDDEN' }],
      ['an empty key', admin, input({ key: '' }), { code: 'BAD_USER_INPUT', field: 'key' }],
      ['a 64-character key', admin, input({ key: `a${'b'.repeat(63)}` }), { code: 'BAD_USER_INPUT', field: 'key' }],
      ['an upper-case key', admin, input({ key: 'Shop' }), { code: 'BAD_USER_INPUT', field: 'key' }],
      ['a key starting with a digit', admin, input({ key: '1shop' }), { code: 'BAD_USER_INPUT', field: 'key' }],
      ['a 1,001-character description', admin, input({ description: 'd'.repeat(1001) }), { code: 'BAD_USER_INPUT', field: 'description' }],
      ['a description with a NUL', admin, input({ description: 'a\u0000' }), { code: 'BAD_USER_INPUT' }],
      ['one variant', admin, input({ variants: [v('only', 100)] }), { code: 'BAD_USER_INPUT', field: 'variants' }],
      ['11 variants', admin, input({ variants: [v('v0', 10), ...Array.from({ length: 10 }, (_, i) => v(`v${i + 1}`, 9))] }), { code: 'BAD_USER_INPUT', field: 'variants' }],
      ['duplicate variant keys', admin, input({ variants: [v('a', 50), v('a', 50)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['weights adding to 99', admin, input({ variants: [v('a', 50), v('b', 49)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['weights adding to 101', admin, input({ variants: [v('a', 50), v('b', 51)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['a negative weight', admin, input({ variants: [v('a', 101), v('b', -1)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['a weight past the 32-bit range', admin, input({ variants: [v('a', 2 ** 31), v('b', 0)] }), { code: 'BAD_USER_INPUT' }],
      ['a fractional weight', admin, input({ variants: [v('a', 50.5), v('b', 49.5)] }), { code: 'BAD_USER_INPUT' }],
      ['an empty variant key', admin, input({ variants: [v('', 50), v('b', 50)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['a 33-character variant key', admin, input({ variants: [v(`a${'b'.repeat(32)}`, 50), v('b', 50)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['flags of more than 4 KB', admin, input({ variants: [v('a', 50, { blob: 'b'.repeat(4100) }), v('b', 50)] }), { code: 'BAD_USER_INPUT', field: under('variants') }],
      ['flags that are a list', admin, input({ variants: [v('a', 50, [1]), v('b', 50)] }), { code: 'BAD_USER_INPUT' }],
      ['no goals', admin, input({ goals: [] }), { code: 'BAD_USER_INPUT', field: under('goals') }],
      ['11 goals', admin, input({ goals: Array.from({ length: 11 }, (_, i) => `g${i}`) }), { code: 'BAD_USER_INPUT', field: under('goals') }],
      ['duplicate goals', admin, input({ goals: ['a', 'a'] }), { code: 'BAD_USER_INPUT', field: under('goals') }],
      ['a goal with a dash', admin, input({ goals: ['buy-now'] }), { code: 'BAD_USER_INPUT', field: under('goals') }],
      ['a 64-character goal', admin, input({ goals: [`g${'o'.repeat(63)}`] }), { code: 'BAD_USER_INPUT', field: under('goals') }],
      ['endsAt equal to startsAt', admin, input({ endsAt: base.startsAt }), { code: 'BAD_USER_INPUT', field: 'endsAt' }],
      ['endsAt before startsAt', admin, input({ endsAt: ago(2 * HOUR) }), { code: 'BAD_USER_INPUT', field: 'endsAt' }],
      ['367 days', admin, input({ endsAt: iso(Date.parse(base.startsAt) + 367 * DAY) }), { code: 'BAD_USER_INPUT', field: 'endsAt' }],
      ['maxSessions 0', admin, input({ targeting: { maxSessions: 0 } }), { code: 'BAD_USER_INPUT', field: 'targeting.maxSessions' }],
      ['maxSessions 10,001', admin, input({ targeting: { maxSessions: 10_001 } }), { code: 'BAD_USER_INPUT', field: 'targeting.maxSessions' }],
      ['no platforms', admin, input({ targeting: { platforms: [] } }), { code: 'BAD_USER_INPUT', field: under('targeting.platforms') }],
      ['51 platforms', admin, input({ targeting: { platforms: Array.from({ length: 51 }, (_, i) => `p${i}`) } }), { code: 'BAD_USER_INPUT', field: under('targeting.platforms') }],
      ['a platform with a space', admin, input({ targeting: { platforms: ['play station'] } }), { code: 'BAD_USER_INPUT', field: under('targeting.platforms') }],
      ['a 33-character platform', admin, input({ targeting: { platforms: ['p'.repeat(33)] } }), { code: 'BAD_USER_INPUT', field: under('targeting.platforms') }],
      ['no countries', admin, input({ targeting: { countries: [] } }), { code: 'BAD_USER_INPUT', field: under('targeting.countries') }],
      ['a three-letter country', admin, input({ targeting: { countries: ['FRA'] } }), { code: 'BAD_USER_INPUT', field: under('targeting.countries') }],
      ['a country that is no code', admin, input({ targeting: { countries: ['1!'] } }), { code: 'BAD_USER_INPUT', field: under('targeting.countries') }],
      ['minLevel 0', admin, input({ targeting: { minLevel: 0 } }), { code: 'BAD_USER_INPUT', field: 'targeting.minLevel' }],
      ['maxLevel 10,001', admin, input({ targeting: { maxLevel: 10_001 } }), { code: 'BAD_USER_INPUT', field: 'targeting.maxLevel' }],
      ['maxLevel below minLevel', admin, input({ targeting: { minLevel: 5, maxLevel: 4 } }), { code: 'BAD_USER_INPUT', field: 'targeting.maxLevel' }],
      ['an unknown status', admin, input({ status: 'LIVE' }), { code: 'BAD_USER_INPUT' }],
    ]);
    expect((await must<{ experiment: unknown }>(admin, EXPERIMENT, { key: base.key })).experiment).toBeNull();
    // The bounds themselves are taken: 10 variants with weights 0–100, 10 goals, 366 days, flags omitted as {}.
    const wide = await define(
      definition({
        variants: [v('v0', 100), ...Array.from({ length: 9 }, (_, i) => v(`v${i + 1}`, 0))],
        goals: Array.from({ length: 10 }, (_, i) => `g${i}`),
        endsAt: iso(Date.parse(base.startsAt) + 366 * DAY),
        targeting: { maxSessions: 10_000, minLevel: 1, maxLevel: 10_000, platforms: ['IOS'], countries: ['fr'] },
        status: undefined,
        description: undefined,
      }),
    );
    expect(wide.created).toBe(true);
    expect(wide.experiment).toMatchObject({ status: 'DRAFT', description: '' });
    expect(wide.experiment.variants.map((x) => [x.key, x.isControl, x.featureFlags])).toEqual(Array.from({ length: 10 }, (_, i) => [`v${i}`, i === 0, {}]));
  });

  it('experiment and experimentResults: ADMIN only; null or NOT_FOUND for an unknown key, BAD_USER_INPUT for a goal it does not have', async () => {
    const ana = await registerPlayer(url);
    const { experiment } = await define(definition());
    for (const caller of [undefined, ana, server] as Caller[]) {
      const code = caller === undefined ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect((await refusal(caller, EXPERIMENT, { key: experiment.key })).code).toBe(code);
      expect((await refusal(caller, RESULTS, { key: experiment.key })).code).toBe(code);
    }
    for (const key of [expKey('none'), '', HUGE]) {
      const found = await gql<{ experiment: unknown }>(url, EXPERIMENT, { key }, { token: admin });
      if (found.errors) expect(found.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(found.data!.experiment).toBeNull();
    }
    expect((await refusal(admin, RESULTS, { key: expKey('none') })).code).toBe('NOT_FOUND');
    expect(await refusal(admin, RESULTS, { key: experiment.key, goal: 'nope' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'goal' });
    const results = await resultsOf(experiment.key);
    expect(results).toMatchObject({ goal: 'purchase', confidenceLevel: 0.95, significanceLevel: 0.05 });
    expect(results.variants).toEqual([
      { variant: 'control', isControl: true, exposures: 0, conversions: 0, conversionRate: null, confidenceInterval: null, upliftVsControl: null, zScore: null, pValue: null, significant: false },
      { variant: 'grid', isControl: false, exposures: 0, conversions: 0, conversionRate: null, confidenceInterval: null, upliftVsControl: null, zScore: null, pValue: null, significant: false },
    ]);
    expect((await resultsOf(experiment.key, 'share')).goal).toBe('share');
    expect((await must<{ experimentResults: Results }>(admin, RESULTS, { key: experiment.key, goal: null })).experimentResults.goal).toBe('purchase');
  });

  it('experimentVariant: players only; NOT_FOUND for an unknown key; NOT_RUNNING and NOT_TARGETED give no variant; the same player always gets the same variant', async () => {
    const ana = await registerPlayer(url);
    const running = (await define(definition())).experiment.key;
    expect((await refusal(undefined, VARIANT, { key: running })).code).toBe('UNAUTHENTICATED');
    expect((await refusal(server, VARIANT, { key: running })).code).toBe('FORBIDDEN');
    for (const key of [expKey('none'), '', HUGE]) expect((await refusal(ana, VARIANT, { key })).code, key.slice(0, 10)).toMatch(/^(NOT_FOUND|BAD_USER_INPUT)$/);
    expect((await refusal(ana, VARIANT, { key: expKey('none') })).code).toBe('NOT_FOUND');
    const none = { variant: null, featureFlags: null };
    for (const over of [{ status: 'DRAFT' }, { status: 'PAUSED' }, { startsAt: iso(Date.now() + HOUR), endsAt: iso(Date.now() + 2 * HOUR) }, { startsAt: ago(2 * HOUR), endsAt: ago(HOUR) }]) {
      const key = (await define(definition(over))).experiment.key;
      expect(await variantOf(ana, key), JSON.stringify(over)).toEqual({ experimentKey: key, ...none, reason: 'NOT_RUNNING' });
    }
    const targeted = (await define(definition({ targeting: { minLevel: 10_000 } }))).experiment.key;
    expect(await variantOf(ana, targeted)).toEqual({ experimentKey: targeted, ...none, reason: 'NOT_TARGETED' });
    const countries = (await define(definition({ targeting: { countries: ['FR'] } }))).experiment.key;
    expect((await variantOf(ana, countries)).reason).toBe('NOT_TARGETED');
    await track(ana, [ev({ context: { location: { country: 'fr' }, device: { platform: 'IOS' } } })]);
    await expect.poll(async () => (await variantOf(ana, countries)).reason, { timeout: 15_000 }).toBe('ASSIGNED');
    // maxSessions: players with fewer sessions than it; ana has one now.
    const fresh = (await define(definition({ targeting: { maxSessions: 2 } }))).experiment.key;
    const veteran = (await define(definition({ targeting: { maxSessions: 1 } }))).experiment.key;
    expect((await variantOf(ana, fresh)).reason).toBe('ASSIGNED');
    expect((await variantOf(ana, veteran)).reason).toBe('NOT_TARGETED');
    // Sticky: the same answer however often it is asked; the flags are the variant's.
    const first = await variantOf(ana, running);
    expect(first.reason).toBe('ASSIGNED');
    const flags = { control: { shop: 'classic' }, grid: { shop: 'grid' } } as Record<string, unknown>;
    expect(first.featureFlags).toEqual(flags[first.variant!]);
    for (let i = 0; i < 3; i++) expect(await variantOf(ana, running)).toEqual(first);
    // A weight of 0 takes nobody; 100 takes everybody.
    const all = (await define(definition({ variants: [{ key: 'none', weight: 0 }, { key: 'all', weight: 100 }] }))).experiment.key;
    expect((await variantOf(ana, all)).variant).toBe('all');
  });

  it('exposures: recorded once per player however often or concurrently asked; only ASSIGNED answers count', async () => {
    const players = await Promise.all(Array.from({ length: 8 }, () => registerPlayer(url)));
    const key = (await define(definition({ status: 'PAUSED' }))).experiment.key;
    await Promise.all(players.map((p) => variantOf(p, key)));
    expect((await resultsOf(key)).variants.reduce((n, x) => n + x.exposures, 0)).toBe(0);
    await define(definition({ key, status: 'RUNNING' }));
    await Promise.all(players.flatMap((p) => Array.from({ length: 4 }, () => variantOf(p, key))));
    const results = await resultsOf(key);
    expect(results.variants.reduce((n, x) => n + x.exposures, 0)).toBe(8);
    // Some convert: the figures follow the documented method.
    await Promise.all(players.slice(0, 3).map((p) => convert(p, { experimentKey: key, goal: 'purchase' })));
    const converted = await resultsOf(key);
    expect(converted.variants.reduce((n, x) => n + x.conversions, 0)).toBe(3);
    expectStatistics(converted);
  });

  it('recordConversion: who may call, NOT_FOUND / BAD_USER_INPUT, NOT_EXPOSED, COUNTED once (retries and concurrent calls), EXPERIMENT_ENDED', async () => {
    const ana = await registerPlayer(url);
    const bob = await registerPlayer(url);
    const never = await registerPlayer(url);
    const def = definition();
    const key = (await define(def)).experiment.key;
    const assigned = (await variantOf(ana, key)).variant;
    await variantOf(bob, key);
    await expectRefusals(CONVERT, [
      ['anonymous', undefined, { input: { experimentKey: key, goal: 'purchase', userId: ana.id } }, { code: 'UNAUTHENTICATED' }],
      ["another player's id", bob, { input: { experimentKey: key, goal: 'purchase', userId: ana.id } }, { code: 'FORBIDDEN' }],
      ['a token without REPORT_GAME_EVENTS', otherService, { input: { experimentKey: key, goal: 'purchase', userId: ana.id } }, { code: 'FORBIDDEN' }],
      ['a game server without userId', server, { input: { experimentKey: key, goal: 'purchase' } }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['a game server with a malformed userId', server, { input: { experimentKey: key, goal: 'purchase', userId: 'nope' } }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['an unknown experiment', ana, { input: { experimentKey: expKey('none'), goal: 'purchase' } }, { code: 'NOT_FOUND' }],
      ['a goal it does not have', ana, { input: { experimentKey: key, goal: 'nope' } }, { code: 'BAD_USER_INPUT', field: 'goal' }],
      ['a huge goal', ana, { input: { experimentKey: key, goal: HUGE } }, { code: 'BAD_USER_INPUT', field: 'goal' }],
      ['an empty goal', ana, { input: { experimentKey: key, goal: '' } }, { code: 'BAD_USER_INPUT', field: 'goal' }],
      ['an empty experiment key', ana, { input: { experimentKey: '', goal: 'purchase' } }, { code: 'NOT_FOUND' }],
      ['a huge experiment key', ana, { input: { experimentKey: HUGE, goal: 'purchase' } }, { code: 'NOT_FOUND' }],
    ]);
    expect(await convert(never, { experimentKey: key, goal: 'purchase' })).toEqual({ outcome: 'NOT_EXPOSED', variant: null });
    expect(await convert(server, { experimentKey: key, goal: 'purchase', userId: randomUUID() })).toEqual({ outcome: 'NOT_EXPOSED', variant: null });
    const racing = await Promise.all(Array.from({ length: 4 }, () => convert(ana, { experimentKey: key, goal: 'purchase' })));
    expect(racing.filter((r) => r.outcome === 'COUNTED')).toHaveLength(1);
    expect(racing.every((r) => r.variant === assigned && ['COUNTED', 'ALREADY_COUNTED'].includes(r.outcome))).toBe(true);
    expect(await convert(server, { experimentKey: key, goal: 'purchase', userId: ana.id })).toEqual({ outcome: 'ALREADY_COUNTED', variant: assigned });
    expect((await convert(server, { experimentKey: key, goal: 'share', userId: ana.id.toUpperCase() })).outcome).toBe('COUNTED');
    const results = await resultsOf(key);
    expect(results.variants.reduce((n, x) => n + x.conversions, 0)).toBe(1);
    expect(results.variants.reduce((n, x) => n + x.exposures, 0)).toBe(2);
    expectStatistics(results);
    expect(results.variants.find((x) => x.variant === assigned)!.conversions).toBe(1);
    // Past endsAt (moved after the exposures, which is allowed): EXPERIMENT_ENDED, nothing stored.
    await define({ ...def, endsAt: ago(1000) });
    expect(await convert(bob, { experimentKey: key, goal: 'purchase' })).toMatchObject({ outcome: 'EXPERIMENT_ENDED' });
    expect((await variantOf(bob, key)).reason).toBe('NOT_RUNNING');
    await define(def);
    // Completed: nothing more counts, and it can no longer change.
    await define({ ...def, status: 'COMPLETED' });
    expect(await convert(bob, { experimentKey: key, goal: 'purchase' })).toMatchObject({ outcome: 'EXPERIMENT_ENDED' });
    expect((await resultsOf(key)).variants.reduce((n, x) => n + x.conversions, 0)).toBe(1);
    expect(await refusal(admin, DEFINE, { input: { ...def, status: 'RUNNING' } })).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(admin, DEFINE, { input: { ...def, status: 'COMPLETED', description: 'later' } })).toMatchObject({ code: 'CONFLICT' });
    // Sending the final definition again is a safe retry, not a change.
    expect((await define({ ...def, status: 'COMPLETED' })).created).toBe(false);
    expect((await variantOf(ana, key)).reason).toBe('NOT_RUNNING');
  });

  it('changing: anything before the first exposure; after it only description, status, endsAt and flags (CONFLICT otherwise); the same definition again is created false; concurrent first definitions create once', async () => {
    const ana = await registerPlayer(url);
    const def = definition({ description: 'first' });
    const created = await Promise.all(Array.from({ length: 4 }, () => define(def)));
    expect(created.filter((c) => c.created)).toHaveLength(1);
    const again = await define(def);
    expect(again.created).toBe(false);
    expect(again.experiment.updatedAt).toBe(created[0]!.experiment.updatedAt);
    // Before any exposure the weights may still move.
    const reweighted = await define({ ...def, variants: [{ key: 'control', weight: 30, featureFlags: {} }, { key: 'grid', weight: 70, featureFlags: {} }] });
    expect(reweighted.experiment.variants.map((v) => v.weight)).toEqual([30, 70]);
    const exposed = { ...def, variants: reweighted.experiment.variants.map(({ key, weight, featureFlags }) => ({ key, weight, featureFlags })) };
    const firstVariant = (await variantOf(ana, def.key)).variant;
    expect(firstVariant).not.toBeNull();
    const resent = await define(exposed);
    expect(resent).toMatchObject({ created: false, experiment: { updatedAt: reweighted.experiment.updatedAt } });
    for (const [name, over] of [
      ['weights', { variants: [{ key: 'control', weight: 50 }, { key: 'grid', weight: 50 }] }],
      ['variant keys', { variants: [{ key: 'control', weight: 30 }, { key: 'list', weight: 70 }] }],
      ['another variant', { variants: [{ key: 'control', weight: 30 }, { key: 'grid', weight: 60 }, { key: 'list', weight: 10 }] }],
      ['targeting', { targeting: { maxSessions: 5 } }],
      ['startsAt', { startsAt: ago(3 * HOUR) }],
      ['goals', { goals: ['purchase'] }],
    ] as const) {
      expect(await refusal(admin, DEFINE, { input: { ...exposed, ...over } }), name).toMatchObject({ code: 'CONFLICT' });
    }
    const changed = await define({ ...exposed, description: 'second', endsAt: iso(Date.now() + 2 * DAY), status: 'PAUSED', variants: exposed.variants.map((v) => ({ ...v, featureFlags: { shop: v.key } })) });
    expect(changed.created).toBe(false);
    expect(changed.experiment).toMatchObject({ description: 'second', status: 'PAUSED' });
    expect(changed.experiment.variants.map((v) => v.featureFlags)).toEqual([{ shop: 'control' }, { shop: 'grid' }]);
    expect((await variantOf(ana, def.key)).reason).toBe('NOT_RUNNING');
    await define({ ...exposed, description: 'second', endsAt: iso(Date.now() + 2 * DAY), status: 'RUNNING', variants: exposed.variants.map((v) => ({ ...v, featureFlags: { shop: v.key } })) });
    const back = await variantOf(ana, def.key);
    expect(back.variant).toBe(firstVariant);
    expect(back.featureFlags).toEqual({ shop: back.variant });
  });

  it('targeting reads back as it applies (platforms lower-case, countries upper-case, levels from the users service); a resend in another case is no change; NOT_TARGETED records no exposure; updatedAt moves only with a change', async () => {
    const ana = await registerPlayer(url);
    const targeting = { platforms: ['IOS', 'Android'], countries: ['fr', 'De'], minLevel: 1, maxLevel: 1 };
    const def = definition({ targeting });
    type WithTargeting = Defined & { experiment: { createdAt: string; targeting: Record<string, unknown> } };
    const made = (await define(def)) as WithTargeting;
    const { platforms, countries, ...levels } = made.experiment.targeting as { platforms: string[]; countries: string[] };
    expect(levels).toEqual({ maxSessions: null, minLevel: 1, maxLevel: 1 });
    expect([...platforms].sort()).toEqual(['android', 'ios']);
    expect([...countries].sort()).toEqual(['DE', 'FR']);
    // Analytics knows no platform of ana yet: outside the targeting, and nothing is recorded.
    expect(await variantOf(ana, def.key)).toMatchObject({ variant: null, featureFlags: null, reason: 'NOT_TARGETED' });
    expect((await resultsOf(def.key)).variants.reduce((n, x) => n + x.exposures, 0)).toBe(0);
    expect((await convert(ana, { experimentKey: def.key, goal: 'purchase' })).outcome).toBe('NOT_EXPOSED');
    // A new player is level 1, inside minLevel 1 – maxLevel 1.
    await track(ana, [ev({ context: { device: { platform: 'android' }, location: { country: 'de' } } })]);
    await expect.poll(async () => (await variantOf(ana, def.key)).reason, { timeout: 15_000 }).toBe('ASSIGNED');
    expect((await resultsOf(def.key)).variants.reduce((n, x) => n + x.exposures, 0)).toBe(1);
    // After the exposure: the same definition, in either case, is no change.
    for (const again of [def, { ...def, targeting: { platforms: ['ios', 'android'], countries: ['FR', 'DE'], minLevel: 1, maxLevel: 1 } }]) {
      const resent = (await define(again)) as WithTargeting;
      expect(resent.created).toBe(false);
      expect(resent.experiment.updatedAt).toBe(made.experiment.updatedAt);
    }
    const changed = (await define({ ...def, description: 'reworded' })) as WithTargeting;
    expect(changed.experiment.createdAt).toBe(made.experiment.createdAt);
    expect(Date.parse(changed.experiment.updatedAt)).toBeGreaterThan(Date.parse(made.experiment.updatedAt));
    const targetedAbove = (await define(definition({ targeting: { minLevel: 2 } }))).experiment.key;
    expect((await variantOf(ana, targetedAbove)).reason).toBe('NOT_TARGETED');
  });

  it('a refusal names the element at fault, as the examples say: variants.1.weight, variants.1.key, variants.0.featureFlags, goals.1, targeting.platforms.2', async () => {
    const base = definition();
    const input = (over: Record<string, unknown>) => ({ input: { ...base, ...over } });
    await expectRefusals(DEFINE, [
      ['a negative second weight', admin, input({ variants: [{ key: 'a', weight: 100 }, { key: 'b', weight: -1 }] }), { code: 'BAD_USER_INPUT', field: 'variants.1.weight' }],
      ['a second weight over 100', admin, input({ variants: [{ key: 'a', weight: 0 }, { key: 'b', weight: 101 }, { key: 'c', weight: -1 }] }), { code: 'BAD_USER_INPUT', field: under('variants.1.weight') }],
      ['a repeated second key', admin, input({ variants: [{ key: 'a', weight: 50 }, { key: 'a', weight: 50 }] }), { code: 'BAD_USER_INPUT', field: 'variants.1.key' }],
      ['a bad second key', admin, input({ variants: [{ key: 'a', weight: 50 }, { key: 'B!', weight: 50 }] }), { code: 'BAD_USER_INPUT', field: 'variants.1.key' }],
      ['flags of the first over 4 KB', admin, input({ variants: [{ key: 'a', weight: 50, featureFlags: { blob: 'b'.repeat(4100) } }, { key: 'b', weight: 50 }] }), { code: 'BAD_USER_INPUT', field: 'variants.0.featureFlags' }],
      ['a repeated second goal', admin, input({ goals: ['a', 'a'] }), { code: 'BAD_USER_INPUT', field: 'goals.1' }],
      ['a bad first goal', admin, input({ goals: ['Buy'] }), { code: 'BAD_USER_INPUT', field: 'goals.0' }],
      ['a bad third platform', admin, input({ targeting: { platforms: ['ios', 'pc', 'play station'] } }), { code: 'BAD_USER_INPUT', field: 'targeting.platforms.2' }],
      ['a bad second country', admin, input({ targeting: { countries: ['FR', 'FRA'] } }), { code: 'BAD_USER_INPUT', field: 'targeting.countries.1' }],
    ]);
    expect((await must<{ experiment: unknown }>(admin, EXPERIMENT, { key: base.key })).experiment).toBeNull();
  });

  it('a player may name their own id, in any case, in recordConversion and trackCustomEvent', async () => {
    const ana = await registerPlayer(url);
    const def = definition();
    await define(def);
    const { variant } = await variantOf(ana, def.key);
    expect(await convert(ana, { experimentKey: def.key, goal: 'purchase', userId: ana.id.toUpperCase() })).toEqual({ outcome: 'COUNTED', variant });
    await trackCustom(server, { eventId: randomUUID(), name: SHOP });
    expect((await trackCustom(ana, { eventId: randomUUID(), name: SHOP, userId: ana.id.toUpperCase() })).duplicate).toBe(false);
  });

  it('a PAUSED experiment still counts the conversions of players exposed while it ran', async () => {
    const ana = await registerPlayer(url);
    const def = definition();
    await define(def);
    const { variant } = await variantOf(ana, def.key);
    await define({ ...def, status: 'PAUSED' });
    expect(await convert(ana, { experimentKey: def.key, goal: 'purchase' })).toEqual({ outcome: 'COUNTED', variant });
    expect(await convert(ana, { experimentKey: def.key, goal: 'purchase' })).toEqual({ outcome: 'ALREADY_COUNTED', variant });
  });
});

// ---------------------------------------------------------------------------------------------
// Personalization

const EXPERIENCE = `query($userId: ID, $quests: Int, $characters: Int) {
  personalizedExperience(userId: $userId, quests: $quests, characters: $characters) {
    userId difficultyAdjustment uiHints favoriteQuestTheme newPlayer returningPlayer
    recommendedQuests { score basis quest { id name difficulty theme reward { coins xp } } }
    recommendedCharacters { score basis character { id name role } }
    personalizedRewards { coins xp multiplier quest { id reward { coins xp } } }
    model { trainedAt players interactions }
  }
}`;
type Experience = {
  userId: string;
  difficultyAdjustment: number;
  uiHints: string[];
  favoriteQuestTheme: string | null;
  newPlayer: boolean;
  returningPlayer: boolean;
  recommendedQuests: { score: number; basis: string; quest: { id: string; difficulty: number; theme: string; reward: { coins: number; xp: number } } }[];
  recommendedCharacters: { score: number; basis: string; character: { id: string } }[];
  personalizedRewards: { coins: number; xp: number; multiplier: number; quest: { id: string; reward: { coins: number; xp: number } } }[];
};
const experienceOf = (caller: Caller, variables: Record<string, unknown> = {}) => must<{ personalizedExperience: Experience }>(caller, EXPERIENCE, variables).then((d) => d.personalizedExperience);

describe('acceptance: personalizedExperience', () => {
  it('who may ask: the player (userId omitted or their own), an ADMIN for anyone; UNAUTHENTICATED anonymous, FORBIDDEN for others and game servers; limits 1–20 and 1–10', async () => {
    const ana = await registerPlayer(url);
    const bob = await registerPlayer(url);
    await expectRefusals(EXPERIENCE, [
      ['anonymous', undefined, {}, { code: 'UNAUTHENTICATED' }],
      ['another player', bob, { userId: ana.id }, { code: 'FORBIDDEN' }],
      ['a game server', server, { userId: ana.id }, { code: 'FORBIDDEN' }],
      ['an admin with a malformed id', admin, { userId: 'nope' }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['an admin with a huge id', admin, { userId: HUGE }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['a player with a malformed id', ana, { userId: 'nope' }, { code: 'BAD_USER_INPUT', field: 'userId' }],
      ['0 quests', ana, { quests: 0 }, { code: 'BAD_USER_INPUT', field: 'quests' }],
      ['21 quests', ana, { quests: 21 }, { code: 'BAD_USER_INPUT', field: 'quests' }],
      ['-1 quests', ana, { quests: -1 }, { code: 'BAD_USER_INPUT', field: 'quests' }],
      ['2^31 quests', ana, { quests: 2 ** 31 }, { code: 'BAD_USER_INPUT' }],
      ['0 characters', ana, { characters: 0 }, { code: 'BAD_USER_INPUT', field: 'characters' }],
      ['11 characters', ana, { characters: 11 }, { code: 'BAD_USER_INPUT', field: 'characters' }],
    ]);
    expect((await experienceOf(ana)).userId).toBe(ana.id);
    expect((await experienceOf(ana, { userId: ana.id.toUpperCase() })).userId).toBe(ana.id);
    expect((await experienceOf(admin, { userId: ana.id })).userId).toBe(ana.id);
    // An admin asking for a player analytics never saw: the cold start, not an error.
    expect((await experienceOf(admin, { userId: randomUUID() })).newPlayer).toBe(true);
  });

  it('a new player: the cold start with defaults (5 quests, 3 characters), easy quests only, difficulty at least 0.3, onboarding, rewards in the quests’ order', async () => {
    const ana = await registerPlayer(url);
    const x = await experienceOf(ana);
    expect(x.newPlayer).toBe(true);
    expect(x.returningPlayer).toBe(false);
    expect(x.favoriteQuestTheme).toBeNull();
    expect(x.difficultyAdjustment).toBeGreaterThanOrEqual(0.3);
    expect(x.difficultyAdjustment).toBeLessThanOrEqual(1);
    expect(x.uiHints).toContain('ONBOARDING_TIPS');
    expect(x.uiHints).not.toContain('WELCOME_BACK');
    expect(x.recommendedQuests.length).toBeGreaterThan(0);
    expect(x.recommendedQuests.length).toBeLessThanOrEqual(5);
    expect(x.recommendedCharacters.length).toBeGreaterThan(0);
    expect(x.recommendedCharacters.length).toBeLessThanOrEqual(3);
    expect(x.recommendedQuests.every((q) => q.quest.difficulty <= 0.5 && q.basis === 'POPULARITY' && q.score >= 0 && q.score <= 1)).toBe(true);
    expect(x.personalizedRewards.map((r) => r.quest.id)).toEqual(x.recommendedQuests.map((q) => q.quest.id));
    expect(x.personalizedRewards.every((r) => r.multiplier === 1 && r.coins === r.quest.reward.coins && r.xp === r.quest.reward.xp)).toBe(true);
    const many = await experienceOf(ana, { quests: 20, characters: 10 });
    expect(many.recommendedQuests.length).toBeLessThanOrEqual(20);
    expect(many.recommendedQuests.length).toBeGreaterThanOrEqual(x.recommendedQuests.length);
    expect(new Set(many.recommendedQuests.map((q) => q.quest.id)).size).toBe(many.recommendedQuests.length);
    expect(many.recommendedCharacters.length).toBeLessThanOrEqual(10);
    // Explicit nulls take the defaults.
    expect((await experienceOf(ana, { quests: null, characters: null })).recommendedQuests).toHaveLength(x.recommendedQuests.length);
  });

  it('a returning player with 5 sessions: no onboarding, every reward × 1.5 (whole coins and XP), difficulty a step above the quests they completed, their favourite theme', async () => {
    const ana = await registerPlayer(url);
    const quest = (await experienceOf(ana)).recommendedQuests[0]!.quest;
    const start = Date.now() - 9 * DAY;
    const events = Array.from({ length: 5 }, (_, i) => [
      ev({ sessionId: `old-${i}`, eventType: 'SESSION_STARTED', timestamp: iso(start + i * HOUR) }),
      ev({ sessionId: `old-${i}`, eventType: 'SESSION_COMPLETED', timestamp: iso(start + i * HOUR + 10 * MIN) }),
    ]).flat();
    events.push(ev({ sessionId: 'old-0', eventType: 'QUEST_COMPLETED', timestamp: iso(start + 5 * MIN), properties: { questId: quest.id } }));
    await track(ana, events);
    await expect.poll(async () => (await experienceOf(ana)).returningPlayer, { timeout: 15_000 }).toBe(true);
    const x = await experienceOf(ana, { quests: 20 });
    expect(x.newPlayer).toBe(false);
    expect(x.uiHints).toContain('WELCOME_BACK');
    expect(x.uiHints).not.toContain('ONBOARDING_TIPS');
    expect(x.personalizedRewards.length).toBe(x.recommendedQuests.length);
    for (const r of x.personalizedRewards) {
      expect(r.multiplier).toBe(1.5);
      expect(r.coins).toBe(Math.round(r.quest.reward.coins * 1.5));
      expect(r.xp).toBe(Math.round(r.quest.reward.xp * 1.5));
    }
    expect(x.difficultyAdjustment).toBeCloseTo(Math.min(1, quest.difficulty + 0.05), 6);
    expect(x.favoriteQuestTheme).toBe(quest.theme);
    expect(x.recommendedQuests.some((q) => q.quest.id === quest.id)).toBe(false);
  });

  it('never recommends what the player already played, at once after their event; asking changes nothing', async () => {
    const ana = await registerPlayer(url);
    const before = await experienceOf(ana, { quests: 20, characters: 10 });
    const quest = before.recommendedQuests[0]!.quest.id;
    const character = before.recommendedCharacters[0]!.character.id;
    await track(ana, [ev({ eventType: 'QUEST_COMPLETED', properties: { questId: quest, characterId: character } })]);
    await expect.poll(async () => (await experienceOf(ana, { quests: 20, characters: 10 })).recommendedQuests.some((q) => q.quest.id === quest), { timeout: 15_000 }).toBe(false);
    const after = await experienceOf(ana, { quests: 20, characters: 10 });
    expect(after.recommendedCharacters.some((c) => c.character.id === character)).toBe(false);
    expect(after.favoriteQuestTheme).not.toBeNull();
    expect(await experienceOf(ana, { quests: 20, characters: 10 })).toEqual(after);
  });

  it('5 sessions without a completed quest: difficulty 0.2, no onboarding; a recent last session is not returning; order is COLLABORATIVE then POPULARITY, best first', async () => {
    const ana = await registerPlayer(url);
    const start = dayStart(Date.now()) - DAY + HOUR;
    await track(ana, Array.from({ length: 5 }, (_, i) => [
      ev({ sessionId: `s-${i}`, eventType: 'SESSION_STARTED', timestamp: iso(start + i * HOUR) }),
      ev({ sessionId: `s-${i}`, eventType: 'SESSION_COMPLETED', timestamp: iso(start + i * HOUR + 10 * MIN) }),
    ]).flat());
    await expect.poll(async () => (await experienceOf(ana)).newPlayer, { timeout: 15_000 }).toBe(false);
    const x = await experienceOf(ana, { quests: 20, characters: 10 });
    expect(x.difficultyAdjustment).toBeCloseTo(0.2, 9);
    expect(x.returningPlayer).toBe(false);
    expect(x.uiHints).not.toContain('ONBOARDING_TIPS');
    expect(x.uiHints).not.toContain('WELCOME_BACK');
    expect(x.favoriteQuestTheme).toBeNull();
    expect(x.personalizedRewards.every((r) => r.multiplier === 1)).toBe(true);
    // No character played yet and some recommended: try one.
    if (x.recommendedCharacters.length > 0) expect(x.uiHints).toContain('TRY_NEW_CHARACTER');
    for (const list of [x.recommendedQuests, x.recommendedCharacters] as { score: number; basis: string }[][]) {
      const bases = list.map((r) => r.basis);
      expect(bases).toEqual([...bases].sort((a, b) => (a === b ? 0 : a === 'COLLABORATIVE' ? -1 : 1)));
      for (const basis of ['COLLABORATIVE', 'POPULARITY']) {
        const scores = list.filter((r) => r.basis === basis).map((r) => r.score);
        expect(scores, basis).toEqual([...scores].sort((a, b) => b - a));
      }
      expect(list.filter((r) => r.basis === 'POPULARITY').every((r) => r.score >= 0 && r.score <= 1)).toBe(true);
    }
  });

  it('a session quiet for 30 minutes has ended: sessions that stopped 9 days ago without SESSION_COMPLETED make a returning player; two characters played: no TRY_NEW_CHARACTER', async () => {
    const ana = await registerPlayer(url);
    const { recommendedCharacters } = await experienceOf(ana, { characters: 10 });
    const start = Date.now() - 9 * DAY;
    const events = Array.from({ length: 5 }, (_, i) => ev({ sessionId: `quiet-${i}`, eventType: 'LEVEL_STARTED', timestamp: iso(start + i * HOUR) }));
    const played = recommendedCharacters.slice(0, 2).map((c) => c.character.id);
    for (const [i, characterId] of played.entries()) events.push(ev({ sessionId: `quiet-${i}`, eventType: 'MATCH_COMPLETED', timestamp: iso(start + i * HOUR + MIN), properties: { characterId } }));
    await track(ana, events);
    await expect.poll(async () => (await experienceOf(ana)).returningPlayer, { timeout: 15_000 }).toBe(true);
    const x = await experienceOf(ana, { characters: 10 });
    expect(x.newPlayer).toBe(false);
    expect(x.uiHints).toContain('WELCOME_BACK');
    expect(x.personalizedRewards.every((r) => r.multiplier === 1.5)).toBe(true);
    if (played.length === 2) {
      expect(x.uiHints).not.toContain('TRY_NEW_CHARACTER');
      expect(x.recommendedCharacters.some((c) => played.includes(c.character.id))).toBe(false);
    }
  });
});
