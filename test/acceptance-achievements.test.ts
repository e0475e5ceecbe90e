import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gameServerToken } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { subscribe } from './support/ws.js';

// Achievements as a studio reads schema/achievements.graphql: who may report events, the limits
// of an event and of a batch, retries, the catalog's reads, the inbox's page bounds, and hostile
// input on every argument, each refused with a code and changing nothing.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = { id: string; token: string };
const HUGE = 'x'.repeat(100_000);

async function must<T>(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await gql<T>(url, query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}
async function refusal(token: string | undefined, query: string, variables: Record<string, unknown>) {
  const result = await gql(url, query, variables, { token });
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.length, JSON.stringify(result.data)).toBeGreaterThan(0);
  return { message: result.errors![0]!.message, ...result.errors![0]!.extensions } as { message: string; code?: unknown } & Record<string, unknown>;
}
type Case = [name: string, token: string | undefined, variables: Record<string, unknown>, expected: Record<string, unknown>];
async function expectRefusals(query: string, cases: Case[]) {
  for (const [name, token, variables, expected] of cases) {
    const refused = await refusal(token, query, variables).catch((error: Error) => {
      throw new Error(`${name}: ${error.message}`);
    });
    expect(refused, name).toMatchObject(expected);
  }
}

const RECORD = `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { id status unlocked { achievement { id } } } } }`;
const RECORD_MANY = `mutation($input: RecordGameEventsInput!) { recordGameEvents(input: $input) { events { id status } } }`;
/** The game server's COMBAT_WON events stored for a player (an unlock's level-up comes back over the bus as another type). */
const storedFor = (userId: string) => platform.runtime.db.prisma.achievementEvent.count({ where: { userId, type: 'COMBAT_WON' } });

describe('acceptance: reporting game events', () => {
  it('recordGameEvent: service credentials with REPORT_GAME_EVENTS only; each broken rule is BAD_USER_INPUT and stores nothing', async () => {
    const ana: Player = await registerPlayer(url);
    const [server, walletOnly] = [await gameServerToken(platform, url), await gameServerToken(platform, url, ['MANAGE_WALLET'])];
    const event = (over: Record<string, unknown>) => ({ input: { id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON', ...over } });
    await expectRefusals(RECORD, [
      ['signed out', undefined, event({}), { code: 'UNAUTHENTICATED' }],
      ['a player', ana.token, event({}), { code: 'FORBIDDEN' }],
      ['a service without the scope', walletOnly, event({}), { code: 'FORBIDDEN' }],
      ['an empty id', server, event({ id: '' }), { code: 'BAD_USER_INPUT' }],
      ['a 129-character id', server, event({ id: 'i'.repeat(129) }), { code: 'BAD_USER_INPUT' }],
      ['a huge id', server, event({ id: HUGE }), { code: 'BAD_USER_INPUT' }],
      ['an id with a space', server, event({ id: 'my event' }), { code: 'BAD_USER_INPUT' }],
      ['an id with a non-ASCII letter', server, event({ id: 'évènement-1' }), { code: 'BAD_USER_INPUT' }],
      ['an unknown player (refused after the registration wait, within the gateway deadline)', server, event({ userId: randomUUID() }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/userId$/) }],
      ['a malformed player id', server, event({ userId: 'nobody' }), { code: 'BAD_USER_INPUT' }],
      ['an unknown type', server, event({ type: 'DANCED' }), { code: 'BAD_USER_INPUT' }],
      ['an empty type', server, event({ type: '' }), { code: 'BAD_USER_INPUT' }],
      ['a huge type', server, event({ type: HUGE }), { code: 'BAD_USER_INPUT' }],
      ['data past 4 KB', server, event({ data: { blob: 'd'.repeat(5_000) } }), { code: 'BAD_USER_INPUT' }],
      ['data that is a list', server, event({ data: [1, 2] }), { code: 'BAD_USER_INPUT' }],
      ['an occurredAt 10 minutes ahead', server, event({ occurredAt: new Date(Date.now() + 600_000).toISOString() }), { code: 'BAD_USER_INPUT' }],
      ['a malformed occurredAt', server, event({ occurredAt: 'yesterday' }), { code: 'BAD_USER_INPUT' }],
      ['an occurredAt on a day that does not exist', server, event({ occurredAt: '2026-02-30T12:00:00Z' }), { code: 'BAD_USER_INPUT' }],
      ['an occurredAt at hour 24', server, event({ occurredAt: '2026-01-01T24:00:00Z' }), { code: 'BAD_USER_INPUT' }],
    ]);
    expect(await storedFor(ana.id)).toBe(0);
    // At the bounds: a 128-character id, an occurredAt a minute ahead, data just under 4 KB.
    const id = 'i'.repeat(120) + randomUUID().slice(0, 8);
    const first = await must<{ recordGameEvent: { events: { id: string; status: string; unlocked: { achievement: { id: string } }[] }[] } }>(server, RECORD, {
      input: { id, userId: ana.id, type: 'COMBAT_WON', occurredAt: new Date(Date.now() + 60_000).toISOString(), data: { mode: 'pvp', note: 'n'.repeat(3_900) } },
    });
    expect(first.recordGameEvent.events[0]).toMatchObject({ id, status: 'RECORDED' });
    const retried = await must<{ recordGameEvent: { events: { status: string; unlocked: unknown[] }[] } }>(server, RECORD, { input: { id, userId: ana.id, type: 'COMBAT_WON' } });
    expect(retried.recordGameEvent.events[0]).toMatchObject({ status: 'DUPLICATE', unlocked: [] });
    expect(await storedFor(ana.id)).toBe(1);
  });

  it('recordGameEvents: 1–500 events, all or nothing, one answer per event in the order sent', async () => {
    const ana: Player = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const ok = () => ({ id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON' });
    await expectRefusals(RECORD_MANY, [
      ['no events', server, { input: { events: [] } }, { code: 'BAD_USER_INPUT' }],
      ['501 events', server, { input: { events: Array.from({ length: 501 }, ok) } }, { code: expect.stringMatching(/^(BAD_USER_INPUT|OPERATION_LIMIT_EXCEEDED|PAYLOAD_TOO_LARGE)$/) }],
      ['one bad event among good ones', server, { input: { events: [ok(), { ...ok(), type: 'NOPE' }, ok()] } }, { code: 'BAD_USER_INPUT' }],
      ['one unknown player among good ones', server, { input: { events: [ok(), { ...ok(), userId: randomUUID() }] } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events\.1\.userId$/) }],
      ['a player', ana.token, { input: { events: [ok()] } }, { code: 'FORBIDDEN' }],
    ]);
    expect(await storedFor(ana.id)).toBe(0);
    const events = Array.from({ length: 500 }, ok);
    const result = await must<{ recordGameEvents: { events: { id: string; status: string }[] } }>(server, RECORD_MANY, { input: { events } });
    expect(result.recordGameEvents.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(new Set(result.recordGameEvents.events.map((e) => e.status))).toEqual(new Set(['RECORDED']));
    // A retried batch changes nothing; the same id twice in one call is stored once.
    const again = await must<{ recordGameEvents: { events: { status: string }[] } }>(server, RECORD_MANY, { input: { events: events.slice(0, 3) } });
    expect(again.recordGameEvents.events.map((e) => e.status)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
    const twice = ok();
    const doubled = await gql<{ recordGameEvents: { events: { status: string }[] } }>(url, RECORD_MANY, { input: { events: [twice, twice] } }, { token: server });
    expect(doubled.status).toBeLessThan(500);
    if (doubled.data) expect(doubled.data.recordGameEvents.events.map((e) => e.status)).toEqual(['RECORDED', 'DUPLICATE']);
    else expect(doubled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await storedFor(ana.id)).toBe(500 + (doubled.data ? 1 : 0));
  });
});

describe('acceptance: catalog and inbox', () => {
  it('achievements and achievement: filters, null for unknown and hostile ids', async () => {
    type Catalog = { achievements: { id: string; category: string; rarity: string }[] };
    const CATALOG = `query($c: AchievementCategory, $r: Rarity) { achievements(category: $c, rarity: $r) { id category rarity } }`;
    const all = (await must<Catalog>(undefined, CATALOG)).achievements;
    expect(all.length).toBeGreaterThan(0);
    const combat = (await must<Catalog>(undefined, CATALOG, { c: 'COMBAT' })).achievements;
    expect(combat.map((a) => a.id)).toEqual(all.filter((a) => a.category === 'COMBAT').map((a) => a.id));
    const rare = (await must<Catalog>(undefined, CATALOG, { c: 'COMBAT', r: 'RARE' })).achievements;
    expect(rare.map((a) => a.id)).toEqual(all.filter((a) => a.category === 'COMBAT' && a.rarity === 'RARE').map((a) => a.id));
    expect((await refusal(undefined, CATALOG, { c: 'DANCING' })).code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED)$/);
    const ONE = `query($id: ID!) { achievement(id: $id) { id } }`;
    expect(await must(undefined, ONE, { id: all[0]!.id })).toEqual({ achievement: { id: all[0]!.id } });
    for (const id of ['nope', '', HUGE.slice(0, 5_000), randomUUID(), "first_blood' OR '1'='1"]) {
      const result = await gql<{ achievement: unknown }>(url, ONE, { id });
      expect(result.errors, id.slice(0, 10)).toBeUndefined();
      expect(result.data?.achievement).toBeNull();
    }
  });

  it('notifications: signed-in only, page sizes 1–100, malformed cursors; markNotificationsRead ignores others’ ids', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServerToken(platform, url);
    await must(server, RECORD, { input: { id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON' } });
    const INBOX = `query($first: Int, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { id readAt } } pageInfo { hasNextPage endCursor } } }`;
    type Inbox = { notifications: { edges: { cursor: string; node: { id: string; readAt: string | null } }[]; pageInfo: { hasNextPage: boolean } } };
    await expect.poll(async () => (await must<Inbox>(ana.token, INBOX)).notifications.edges.length, { timeout: 15_000 }).toBeGreaterThan(0);
    await expectRefusals(INBOX, [
      ['signed out', undefined, {}, { code: 'UNAUTHENTICATED' }],
      ['first 101', ana.token, { first: 101 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['first -1', ana.token, { first: -1 }, { code: 'BAD_USER_INPUT', field: 'first' }],
      ['a malformed after', ana.token, { after: 'garbage' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      ['a huge after', ana.token, { after: HUGE }, { code: 'BAD_USER_INPUT' }],
    ]);
    expect((await must<Inbox>(ana.token, INBOX, { first: 0 })).notifications.edges).toEqual([]);
    expect(await refusal(undefined, `query { unreadNotificationCount }`, {})).toMatchObject({ code: 'UNAUTHENTICATED' });
    const inbox = (await must<Inbox>(ana.token, INBOX, { first: 100 })).notifications.edges;
    const COUNT = `query { unreadNotificationCount }`;
    const unread = (await must<{ unreadNotificationCount: number }>(ana.token, COUNT)).unreadNotificationCount;
    expect(unread).toBe(inbox.length);
    const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount } }`;
    expect(await refusal(undefined, MARK, { input: { all: true } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Another player's ids, unknown and malformed ids change nothing.
    expect(await must(ben.token, MARK, { input: { ids: [inbox[0]!.node.id, randomUUID(), 'nope', ''] } })).toEqual({ markNotificationsRead: { markedCount: 0, unreadCount: 0 } });
    expect((await must<{ unreadNotificationCount: number }>(ana.token, COUNT)).unreadNotificationCount).toBe(unread);
    await expectRefusals(MARK, [
      ['no ids', ana.token, { input: { ids: [] } }, { code: 'BAD_USER_INPUT', field: 'ids' }],
      ['neither ids nor all', ana.token, { input: {} }, { code: 'BAD_USER_INPUT', field: 'ids' }],
      ['101 ids', ana.token, { input: { ids: Array.from({ length: 101 }, () => randomUUID()) } }, { code: 'BAD_USER_INPUT', field: 'ids' }],
    ]);
    expect((await must<{ unreadNotificationCount: number }>(ana.token, COUNT)).unreadNotificationCount).toBe(unread);
    expect(await must(ana.token, MARK, { input: { ids: [inbox[0]!.node.id, inbox[0]!.node.id] } })).toEqual({ markNotificationsRead: { markedCount: 1, unreadCount: unread - 1 } });
    expect(await must(ana.token, MARK, { input: { all: true, ids: [randomUUID()] } })).toEqual({ markNotificationsRead: { markedCount: unread - 1, unreadCount: 0 } });
    expect((await must<Inbox>(ana.token, INBOX, { unreadOnly: true })).notifications.edges).toEqual([]);
    // Five concurrent "mark all" calls mark each notification once between them.
    await must(server, RECORD, { input: { id: `e-${randomUUID()}`, userId: ben.id, type: 'COMBAT_WON' } });
    await expect.poll(async () => (await must<{ unreadNotificationCount: number }>(ben.token, COUNT)).unreadNotificationCount, { timeout: 15_000 }).toBeGreaterThan(0);
    const marks = await Promise.all(Array.from({ length: 5 }, () => must<{ markNotificationsRead: { markedCount: number } }>(ben.token, MARK, { input: { all: true } })));
    const read = (await must<Inbox>(ben.token, INBOX, { first: 100 })).notifications.edges.filter((e) => e.node.readAt !== null);
    expect(read.length).toBeGreaterThan(0);
    expect(marks.reduce((sum, m) => sum + m.markNotificationsRead.markedCount, 0)).toBe(read.length);
  });

  it('per-player subscriptions need a signed-in player; notificationAdded refuses a malformed cursor', async () => {
    const ana = await registerPlayer(url);
    const anonymous = client();
    const signedIn = client(ana.token);
    const cases: [string, ReturnType<typeof client>, string, Record<string, unknown>, Record<string, unknown>][] = [
      ['achievementUnlocked signed out', anonymous, `subscription { achievementUnlocked { unlockedAt } }`, {}, { code: 'UNAUTHENTICATED' }],
      ['achievementProgress signed out', anonymous, `subscription { achievementProgress { percent } }`, {}, { code: 'UNAUTHENTICATED' }],
      ['notificationAdded signed out', anonymous, `subscription { notificationAdded { id } }`, {}, { code: 'UNAUTHENTICATED' }],
      ['notificationAdded malformed after', signedIn, `subscription($a: String) { notificationAdded(after: $a) { id } }`, { a: 'garbage' }, { code: 'BAD_USER_INPUT' }],
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
