import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { acceptanceCalls, HUGE, type Case, type Player } from './support/acceptance.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions, subscribe, untilListening } from './support/ws.js';

// Achievements as a studio reads schema/achievements.graphql: who may report events, the limits
// of an event and of a batch (each refusal naming its field), retries, order, prerequisites, the
// catalog's reads, order and cache headers, hidden achievements per viewer, the inbox's pages and
// marks, the live streams, and hostile input on every argument, refused with a code, changing nothing.

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const { must, refusal, expectRefusals } = acceptanceCalls(() => url);

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
      ['no events', server, { input: { events: [] } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events$/) }],
      ['501 events', server, { input: { events: Array.from({ length: 501 }, ok) } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events$/) }],
      ['one bad event among good ones', server, { input: { events: [ok(), { ...ok(), type: 'NOPE' }, ok()] } }, { code: 'BAD_USER_INPUT' }],
      ['one unknown player among good ones', server, { input: { events: [ok(), { ...ok(), userId: randomUUID() }] } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events\.1\.userId$/) }],
      ['a player', ana.token, { input: { events: [ok()] } }, { code: 'FORBIDDEN' }],
    ]);
    expect(await storedFor(ana.id)).toBe(0);
    const events = Array.from({ length: 500 }, ok);
    const result = await must<{ recordGameEvents: { events: { id: string; status: string }[] } }>(server, RECORD_MANY, { input: { events } });
    expect(result.recordGameEvents.events.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(new Set(result.recordGameEvents.events.map((e) => e.status))).toEqual(new Set(['RECORDED']));
    // A retried batch changes nothing; the same id twice in one call is stored once; a batch mixing a retry and new events records the new ones.
    const again = await must<{ recordGameEvents: { events: { status: string }[] } }>(server, RECORD_MANY, { input: { events: events.slice(0, 3) } });
    expect(again.recordGameEvents.events.map((e) => e.status)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
    const twice = ok();
    const doubled = await must<{ recordGameEvents: { events: { id: string; status: string }[] } }>(server, RECORD_MANY, { input: { events: [twice, twice] } });
    expect(doubled.recordGameEvents.events).toEqual([{ id: twice.id, status: 'RECORDED' }, { id: twice.id, status: 'DUPLICATE' }]);
    const fresh = ok();
    const mixed = await must<{ recordGameEvents: { events: { id: string; status: string }[] } }>(server, RECORD_MANY, { input: { events: [events[7]!, fresh] } });
    expect(mixed.recordGameEvents.events).toEqual([{ id: events[7]!.id, status: 'DUPLICATE' }, { id: fresh.id, status: 'RECORDED' }]);
    expect(await storedFor(ana.id)).toBe(502);
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

type Unlock = { unlockedAt: string; user: { id: string; username: string } | null; achievement: { id: string; name: string; rarity: string; hidden: boolean } };
type Recorded = { recordGameEvents: { events: { id: string; status: string; unlocked: Unlock[] }[] } };
const RECORD_UNLOCKS = `mutation($input: RecordGameEventsInput!) { recordGameEvents(input: $input) {
  events { id status unlocked { unlockedAt user { id username } achievement { id name rarity hidden } } } } }`;
type GameEvent = { id?: string; type: string; data?: Record<string, unknown>; occurredAt?: string };
/** Reports events for one player in one call; every event gets a fresh id unless it names one. */
async function report(server: string, userId: string, events: GameEvent[]) {
  const input = { events: events.map((e) => ({ id: `e-${randomUUID()}`, userId, ...e })) };
  return (await must<Recorded>(server, RECORD_UNLOCKS, { input })).recordGameEvents.events;
}
const unlockedIds = (events: { unlocked: Unlock[] }[]) => events.flatMap((e) => e.unlocked.map((u) => u.achievement.id));

type Standing = { id: string; status: string; unlockedAt: string | null; current: number; target: number; percent: number; achievement: { id: string; points: number } };
const STANDINGS = `query($id: ID!, $status: AchievementStatus) { user(id: $id) { achievementPoints achievements(status: $status) {
  id status unlockedAt current target percent achievement { id points } } } }`;
async function standings(userId: string, status?: string) {
  return (await must<{ user: { achievementPoints: number; achievements: Standing[] } }>(undefined, STANDINGS, { id: userId, status })).user;
}
/** An unlock's XP may level the player up, which comes back a moment later as LEVEL_UP progress: comparisons over time leave those out. */
const LEVEL_RULES = new Set(['rising_star', 'veteran', 'peak_of_power']);
const withoutLevels = <T extends { achievements: Standing[] }>(s: T) => ({ ...s, achievements: s.achievements.filter((a) => !LEVEL_RULES.has(a.id)) });

describe('acceptance: what reporting does', () => {
  it('every refusal of an event names its field; the bounds of id, data and occurredAt hold exactly', async () => {
    const ana: Player = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const admin = await signInAsAdmin(platform, url);
    const event = (over: Record<string, unknown>) => ({ input: { id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON', ...over } });
    await expectRefusals(RECORD, [
      ['an ADMIN player', admin, event({}), { code: 'FORBIDDEN' }],
      ['a forged token', 'not.a.token', event({}), { code: 'UNAUTHENTICATED' }],
      ['an empty id', server, event({ id: '' }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/(^|\.)id$/) }],
      ['an id with a tab', server, event({ id: 'a\tb' }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/(^|\.)id$/) }],
      ['an id with DEL', server, event({ id: 'a\x7fb' }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/(^|\.)id$/) }],
      ['a malformed player id', server, event({ userId: 'nobody' }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/userId$/) }],
      ['an unknown type', server, event({ type: 'DANCED' }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/type$/) }],
      ['data of 4,097 bytes', server, event({ data: { b: 'd'.repeat(4_097 - '{"b":""}'.length) } }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/data$/) }],
      ['an occurredAt 5 min 30 s ahead', server, event({ occurredAt: new Date(Date.now() + 330_000).toISOString() }), { code: 'BAD_USER_INPUT', field: expect.stringMatching(/occurredAt$/) }],
    ]);
    await expectRefusals(RECORD_MANY, [
      ['a bad type third', server, { input: { events: [event({}).input, event({}).input, event({ type: 'NOPE' }).input] } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events\.2\.type$/) }],
      ['a bad id second', server, { input: { events: [event({}).input, event({ id: 'a b' }).input] } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events\.1\.id$/) }],
      ['data too big first', server, { input: { events: [event({ data: { b: 'd'.repeat(5_000) } }).input] } }, { code: 'BAD_USER_INPUT', field: expect.stringMatching(/events\.0\.data$/) }],
    ]);
    expect(await storedFor(ana.id)).toBe(0);
    // Exactly at the bounds: the printable ASCII extremes, 4,096 bytes of data, 4 min 30 s ahead.
    for (const input of [event({ id: `!~${randomUUID()}` }), event({ data: { b: 'd'.repeat(4_096 - '{"b":""}'.length) } }), event({ occurredAt: new Date(Date.now() + 270_000).toISOString() })]) {
      const recorded = await must<{ recordGameEvent: { events: { id: string; status: string }[] } }>(server, RECORD, input);
      expect(recorded.recordGameEvent.events).toEqual([{ id: input.input.id, status: 'RECORDED', unlocked: expect.any(Array) }]);
    }
    expect(await storedFor(ana.id)).toBe(3);
  });

  it('a player registered a moment ago is reported at once; an unlock names the player, the achievement and the event’s time', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString();
    const [first] = await report(server, ana.id, [{ type: 'COMBAT_WON', occurredAt }]);
    expect(first!.status).toBe('RECORDED');
    expect(first!.unlocked).toEqual([{ unlockedAt: occurredAt, user: { id: ana.id, username: ana.username }, achievement: expect.objectContaining({ id: 'first_blood', rarity: 'COMMON' }) }]);
    const mine = await standings(ana.id, 'UNLOCKED');
    expect(mine.achievements).toEqual([{ id: 'first_blood', status: 'UNLOCKED', unlockedAt: occurredAt, current: 1, target: 1, percent: 100, achievement: { id: 'first_blood', points: mine.achievementPoints } }]);
  });

  it('a retried event id is DUPLICATE whatever it carries: no second unlock, progress, point or notification', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const id = `retry-${randomUUID()}`;
    const [first] = await report(server, ana.id, [{ id, type: 'COMBAT_WON' }]);
    expect(unlockedIds([first!])).toEqual(['first_blood']);
    const before = withoutLevels(await standings(ana.id));
    for (const retry of [{ id, type: 'COMBAT_WON' }, { id, type: 'QUEST_COMPLETED' }, { id, type: 'COMBAT_WON', data: { boss: true } }]) {
      expect(await report(server, ana.id, [retry])).toEqual([{ id, status: 'DUPLICATE', unlocked: [] }]);
    }
    const single = await must<{ recordGameEvent: { events: unknown[] } }>(server, RECORD, { input: { id, userId: ana.id, type: 'COMBAT_WON' } });
    expect(single.recordGameEvent.events).toEqual([{ id, status: 'DUPLICATE', unlocked: [] }]);
    expect(withoutLevels(await standings(ana.id))).toEqual(before);
    expect(await storedFor(ana.id)).toBe(1);
    const COUNT = `query { unreadNotificationCount }`;
    expect((await must<{ unreadNotificationCount: number }>(ana.token, COUNT)).unreadNotificationCount).toBe(1);
  });

  it('events sharing an instant apply in the order sent: a loss between wins breaks the run for the wins before it', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServerToken(platform, url);
    const run = async (userId: string) => (await standings(userId, 'IN_PROGRESS')).achievements.find((a) => a.id === 'on_a_roll');
    await report(server, ana.id, [{ type: 'COMBAT_WON' }, { type: 'COMBAT_WON' }, { type: 'COMBAT_LOST' }, { type: 'COMBAT_WON' }]);
    expect(await run(ana.id)).toMatchObject({ status: 'IN_PROGRESS', unlockedAt: null, current: 1, target: 10, percent: 10 });
    const at = new Date(Date.now() - 60_000).toISOString();
    await report(server, ben.id, [{ type: 'COMBAT_LOST', occurredAt: at }, { type: 'COMBAT_WON', occurredAt: at }, { type: 'COMBAT_WON', occurredAt: at }]);
    expect(await run(ben.id)).toMatchObject({ current: 2, target: 10, percent: 20 });
  });

  it('an achievement unlocks only after its prerequisites, with them, prerequisites first', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const ONE = `query($id: ID!) { achievement(id: $id) { prerequisites { id } } }`;
    expect((await must<{ achievement: { prerequisites: { id: string }[] } }>(undefined, ONE, { id: 'grand_champion' })).achievement.prerequisites).toEqual([{ id: 'tournament_contender' }]);
    const won = await report(server, ana.id, [{ type: 'TOURNAMENT_COMPLETED', data: { placement: 1 } }]);
    expect(unlockedIds(won)).toEqual([]);
    expect((await standings(ana.id, 'UNLOCKED')).achievements).toEqual([]);
    const later = await report(server, ana.id, [{ type: 'TOURNAMENT_MATCH_WON' }]);
    expect(unlockedIds(later)).toEqual(['tournament_contender', 'grand_champion']);
  });

  it('User.achievements: unlocked first (newest first), then in progress (closest to done first); achievementPoints sums the unlocked', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const hourAgo = Date.now() - 3_600_000;
    const at = (minutes: number) => new Date(hourAgo + minutes * 60_000).toISOString();
    await report(server, ana.id, [
      { type: 'QUEST_COMPLETED', occurredAt: at(1) },
      { type: 'COMBAT_WON', occurredAt: at(2) },
      { type: 'CHARACTER_CREATED', occurredAt: at(3) },
      { type: 'CHARACTER_CREATED', occurredAt: at(4) },
    ]);
    const { achievements, achievementPoints } = await standings(ana.id);
    const unlocked = achievements.filter((a) => a.status === 'UNLOCKED');
    const inProgress = achievements.filter((a) => a.status === 'IN_PROGRESS');
    expect(achievements).toEqual([...unlocked, ...inProgress]);
    expect(unlocked.map((a) => a.id)).toEqual(['a_star_is_born', 'first_blood', 'first_steps']);
    expect(unlocked.map((a) => a.unlockedAt)).toEqual([at(3), at(2), at(1)]);
    const percents = inProgress.map((a) => a.percent);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    expect(inProgress[0]).toMatchObject({ id: 'party_of_one', current: 2, target: 3 });
    for (const a of achievements) {
      expect(a.percent, a.id).toBeGreaterThanOrEqual(0);
      expect(a.percent, a.id).toBeLessThanOrEqual(100);
      if (a.status === 'UNLOCKED') expect(a.current, a.id).toBe(a.target);
      else expect(a.unlockedAt, a.id).toBeNull();
    }
    expect(achievementPoints).toBe(unlocked.reduce((sum, a) => sum + a.achievement.points, 0));
    expect((await standings(ana.id, 'UNLOCKED')).achievements).toEqual(unlocked);
    expect(withoutLevels(await standings(ana.id, 'IN_PROGRESS')).achievements.map((a) => a.id)).toEqual(inProgress.filter((a) => !LEVEL_RULES.has(a.id)).map((a) => a.id));
  });
});

describe('acceptance: the catalog as players see it', () => {
  it('achievements are listed in catalog order; rewards carry an amount or an item, never both; unlock statistics stay 0–100', async () => {
    type Listed = { id: string; points: number; rewards: { kind: string; amount: number | null; itemId: string | null }[]; unlockedBy: number; unlockPercentage: number };
    const listed = (await must<{ achievements: Listed[] }>(undefined, `{ achievements { id points rewards { kind amount itemId } unlockedBy unlockPercentage } }`)).achievements;
    const catalog = JSON.parse(readFileSync('subgraphs/achievements/catalog/achievements.json', 'utf8')) as { achievements: { id: string }[] };
    expect(listed.map((a) => a.id)).toEqual(catalog.achievements.map((a) => a.id));
    for (const a of listed) {
      expect(a.unlockPercentage, a.id).toBeGreaterThanOrEqual(0);
      expect(a.unlockPercentage, a.id).toBeLessThanOrEqual(100);
      expect(a.unlockedBy, a.id).toBeGreaterThanOrEqual(0);
      for (const r of a.rewards) {
        if (r.kind === 'EXCLUSIVE_ITEM') expect([r.amount, typeof r.itemId], a.id).toEqual([null, 'string']);
        else expect([typeof r.amount, r.itemId], a.id).toEqual(['number', null]);
      }
    }
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const before = listed.find((a) => a.id === 'first_blood')!.unlockedBy;
    await report(server, ana.id, [{ type: 'COMBAT_WON' }]);
    const STATS = `{ achievement(id: "first_blood") { unlockedBy unlockPercentage } }`;
    const after = (await must<{ achievement: { unlockedBy: number; unlockPercentage: number } }>(undefined, STATS)).achievement;
    expect(after.unlockedBy).toBeGreaterThan(before);
    expect(after.unlockPercentage).toBeGreaterThan(0);
  });

  it('the catalog’s fixed fields are answered cacheable by anyone; live and per-viewer fields are not', async () => {
    const headerOf = async (query: string, token?: string) =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query }) })).headers.get('cache-control');
    expect(await headerOf(`{ achievements { id category rarity icon hidden points rewards { kind amount itemId } prerequisites { id } } }`)).toBe('max-age=60, public');
    expect(await headerOf(`{ achievement(id: "first_blood") { id name description } }`)).toBe('max-age=60, public');
    // The same for a signed-in player: the answer is everyone's.
    const ana = await registerPlayer(url);
    expect(await headerOf(`{ achievements(rarity: EPIC) { id name points } }`, ana.token)).not.toMatch(/public/); // names EPIC hidden ones
    expect(await headerOf(`{ achievements(rarity: LEGENDARY) { id name points } }`, ana.token)).toBe('max-age=60, public');
    for (const query of [`{ achievements { id unlockedBy } }`, `{ achievement(id: "first_blood") { unlockPercentage } }`, `{ achievement(id: "not_a_scratch") { name } }`, `{ achievements(category: COMBAT) { description } }`]) {
      expect(await headerOf(query), query).not.toMatch(/public/);
    }
  });

  it('a hidden achievement keeps its name and description secret from everyone but the players who unlocked it', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServerToken(platform, url);
    const ONE = `{ achievement(id: "not_a_scratch") { id hidden name description } }`;
    const LIST = `{ achievements(category: COMBAT) { id hidden name description } }`;
    type Seen = { id: string; hidden: boolean; name: string; description: string };
    const one = async (token?: string) => (await must<{ achievement: Seen }>(token, ONE)).achievement;
    const inList = async (token?: string) => (await must<{ achievements: Seen[] }>(token, LIST)).achievements.find((a) => a.id === 'not_a_scratch')!;
    // Asked first by the anonymous caller, so a shared answer would be the secret one.
    const secret = await one();
    expect(secret.hidden).toBe(true);
    expect(await inList()).toEqual(secret);
    const events = await report(server, ana.id, [{ type: 'COMBAT_WON', data: { boss: true, flawless: true } }]);
    expect(unlockedIds(events)).toEqual(['first_blood', 'giant_slayer', 'not_a_scratch']);
    const revealed = await one(ana.token);
    expect(revealed.hidden).toBe(true);
    expect(revealed.name).not.toBe(secret.name);
    expect(revealed.description).not.toBe(secret.description);
    expect(await inList(ana.token)).toEqual(revealed);
    // Ana's standing and inbox show it too; nobody else sees it, however they ask.
    const NAMES = `query($id: ID!) { user(id: $id) { achievements(status: UNLOCKED) { achievement { id name } } } }`;
    const hers = async (token?: string) => (await must<{ user: { achievements: { achievement: { id: string; name: string } }[] } }>(token, NAMES, { id: ana.id })).user.achievements.find((a) => a.achievement.id === 'not_a_scratch')!.achievement.name;
    expect(await hers(ana.token)).toBe(revealed.name);
    const INBOX = `{ notifications(first: 10) { edges { node { title achievement { id name description } } } } }`;
    const inbox = (await must<{ notifications: { edges: { node: { title: string; achievement: Seen | null } }[] } }>(ana.token, INBOX)).notifications.edges;
    expect(inbox.find((e) => e.node.achievement?.id === 'not_a_scratch')?.node).toMatchObject({ title: `Achievement unlocked: ${revealed.name}`, achievement: { name: revealed.name, description: revealed.description } });
    for (const viewer of [undefined, ben.token]) {
      expect(await one(viewer)).toEqual(secret);
      expect(await inList(viewer)).toEqual(secret);
      expect(await hers(viewer)).toBe(secret.name);
    }
  });
});

/** One event for each of 22 unlocks (LEVEL_UP 60 first, so the unlocks' own level-ups unlock nothing later). */
const MANY_UNLOCKS: GameEvent[] = [
  { type: 'LEVEL_UP', data: { level: 60 } },
  { type: 'COMBAT_WON', data: { boss: true, flawless: true } },
  { type: 'TOURNAMENT_MATCH_WON' },
  ...Array.from({ length: 10 }, () => ({ type: 'TOURNAMENT_COMPLETED', data: { placement: 1 } })),
  { type: 'QUEST_COMPLETED', data: { questId: 'forgotten_shrine' } },
  { type: 'SOCIAL_INTERACTION' },
  { type: 'GUILD_JOINED' },
  { type: 'GUILD_CREATED' },
  { type: 'GUILD_CONTRIBUTION', data: { amount: 1_000 } },
  { type: 'GUILD_WAR_WON' },
  { type: 'CHARACTER_CREATED', data: { customized: true, race: 'duckfolk', characterClass: 'bard' } },
  { type: 'SESSION_COMPLETED', data: { durationMinutes: 600 } },
];
const PRIORITY: Record<string, string> = { COMMON: 'LOW', UNCOMMON: 'LOW', RARE: 'LOW', EPIC: 'MEDIUM', LEGENDARY: 'HIGH' };
type Note = { id: string; kind: string; priority: string; title: string; body: string; createdAt: string; readAt: string | null; cursor: string; achievement: { id: string; name: string; description: string; rarity: string } | null };
const NOTE_FIELDS = `id kind priority title body createdAt readAt cursor achievement { id name description rarity }`;
type Page = { notifications: { edges: { cursor: string; node: Note }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } } };
const PAGE = `query($first: Int, $after: String, $unreadOnly: Boolean) { notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
  edges { cursor node { ${NOTE_FIELDS} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const UNREAD = `query { unreadNotificationCount }`;
const unreadOf = async (player: Player) => (await must<{ unreadNotificationCount: number }>(player.token, UNREAD)).unreadNotificationCount;

describe('acceptance: the inbox', () => {
  it('notifications: newest first, 20 by default, pages that join up, one per unlock with its priority, title and achievement', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const unlocks = (await report(server, ana.id, MANY_UNLOCKS)).flatMap((e) => e.unlocked);
    expect(unlocks.length).toBe(22);
    await expect.poll(() => unreadOf(ana), { timeout: 15_000 }).toBe(unlocks.length);
    const all = (await must<Page>(ana.token, PAGE, { first: 100 })).notifications;
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(all.edges.map((e) => e.node.achievement?.id)).toEqual(unlocks.map((u) => u.achievement.id).reverse());
    for (const { cursor, node } of all.edges) {
      const unlock = unlocks.find((u) => u.achievement.id === node.achievement?.id)!;
      expect(node, node.achievement?.id).toEqual({
        id: expect.any(String),
        kind: 'ACHIEVEMENT_UNLOCKED',
        priority: PRIORITY[unlock.achievement.rarity],
        title: `Achievement unlocked: ${node.achievement!.name}`,
        body: expect.any(String),
        createdAt: expect.any(String),
        readAt: null,
        cursor,
        achievement: expect.objectContaining({ rarity: unlock.achievement.rarity }),
      });
    }
    const times = all.edges.map((e) => Date.parse(e.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(all.edges.map((e) => e.node.priority))).toEqual(new Set(['LOW', 'MEDIUM', 'HIGH']));

    const first = (await must<Page>(ana.token, PAGE)).notifications;
    expect(first.edges).toEqual(all.edges.slice(0, 20));
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: all.edges[0]!.cursor, endCursor: all.edges[19]!.cursor });
    const paged: Page['notifications']['edges'] = [];
    let after: string | null = null;
    for (let pages = 1; ; pages++) {
      const page: Page['notifications'] = (await must<Page>(ana.token, PAGE, { first: 7, after })).notifications;
      expect(page.pageInfo.hasPreviousPage, `page ${pages}`).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      paged.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.edges);
    const last = (await must<Page>(ana.token, PAGE, { after: all.edges.at(-1)!.cursor })).notifications;
    expect(last).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });

  it('unreadOnly and markNotificationsRead: read ones leave the unread list, marking again changes nothing, 100 ids at once', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const count = (await report(server, ana.id, MANY_UNLOCKS)).flatMap((e) => e.unlocked).length;
    await expect.poll(() => unreadOf(ana), { timeout: 15_000 }).toBe(count);
    const all = (await must<Page>(ana.token, PAGE, { first: 100 })).notifications.edges.map((e) => e.node);
    const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { markedCount unreadCount } }`;
    const chosen = [all[1]!.id, all[4]!.id, all[5]!.id];
    const padded = [...chosen, ...Array.from({ length: 97 }, () => randomUUID())];
    expect(await must(ana.token, MARK, { input: { ids: padded } })).toEqual({ markNotificationsRead: { markedCount: 3, unreadCount: count - 3 } });
    const readAts = async () => (await must<Page>(ana.token, PAGE, { first: 100 })).notifications.edges.map((e) => e.node.readAt);
    const marked = await readAts();
    expect(await must(ana.token, MARK, { input: { ids: chosen } })).toEqual({ markNotificationsRead: { markedCount: 0, unreadCount: count - 3 } });
    expect(await readAts()).toEqual(marked);
    expect(await refusal(ana.token, MARK, { input: { all: false } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    const after = (await must<Page>(ana.token, PAGE, { first: 100 })).notifications.edges.map((e) => e.node);
    expect(after.map((n) => n.id)).toEqual(all.map((n) => n.id));
    for (const n of after) expect(n.readAt !== null, n.id).toBe(chosen.includes(n.id));
    const unread = (await must<Page>(ana.token, PAGE, { first: 100, unreadOnly: true })).notifications.edges.map((e) => e.node.id);
    expect(unread).toEqual(all.map((n) => n.id).filter((id) => !chosen.includes(id)));
    const unreadPage = (await must<Page>(ana.token, PAGE, { first: 2, unreadOnly: true, after: all[0]!.cursor })).notifications.edges.map((e) => e.node.id);
    expect(unreadPage).toEqual([all[2]!.id, all[3]!.id]);
    expect(await unreadOf(ana)).toBe(count - 3);
  });
});

describe('acceptance: live achievements', () => {
  it('achievementUnlocked, achievementProgress and notificationAdded reach the player they concern, and only them', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServerToken(platform, url);
    const [anaWs, benWs] = [client(ana.token), client(ben.token)];
    const before = await activeSubscriptions(url);
    const UNLOCKED = `subscription { achievementUnlocked { unlockedAt user { id } achievement { id name } } }`;
    const PROGRESS = `subscription { achievementProgress { id status unlockedAt current target percent achievement { id } } }`;
    const ADDED = `subscription { notificationAdded { id kind title cursor achievement { id } } }`;
    const subs = [anaWs, benWs].flatMap((ws) => [subscribe(ws, UNLOCKED), subscribe(ws, PROGRESS), subscribe(ws, ADDED)]);
    const [anaUnlocks, anaProgress, anaAdded, ...bens] = subs;
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + subs.length);
    for (const stream of ['achievementUnlocked', 'achievementProgress', 'notificationAdded']) {
      await untilListening(platform.runtime.redis, liveChannel('achievements', stream, ana.id));
    }
    const occurredAt = new Date(Date.now() - 120_000).toISOString();
    await report(server, ana.id, [{ type: 'COMBAT_WON', data: { mode: 'pvp', enemy: 'dragon' }, occurredAt }]);
    await expect.poll(() => anaUnlocks!.results.length, { timeout: 10_000 }).toBe(1);
    expect(anaUnlocks!.results[0]).toEqual({ data: { achievementUnlocked: { unlockedAt: occurredAt, user: { id: ana.id }, achievement: { id: 'first_blood', name: expect.any(String) } } } });
    await expect.poll(() => anaAdded!.results.length, { timeout: 10_000 }).toBe(1);
    expect(anaAdded!.results[0]!.data).toMatchObject({ notificationAdded: { kind: 'ACHIEVEMENT_UNLOCKED', achievement: { id: 'first_blood' } } });
    await expect.poll(() => anaProgress!.results.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const progressed = anaProgress!.results.map((r) => (r.data as { achievementProgress: Standing }).achievementProgress);
    // Progress towards what is not yet unlocked: battle_hardened (1 of 25 wins), duelist (1 of 10 pvp wins)...
    expect(progressed.map((p) => p.id)).not.toContain('first_blood');
    for (const p of progressed) expect(p, p.id).toMatchObject({ status: 'IN_PROGRESS', unlockedAt: null, achievement: { id: p.id } });
    expect(progressed.find((p) => p.id === 'battle_hardened')).toMatchObject({ current: 1, target: 25, percent: 4 });
    expect(progressed.find((p) => p.id === 'duelist')).toMatchObject({ current: 1, target: 10, percent: 10 });
    // A retry sends nothing more; Ben heard nothing of Ana's.
    const [retried] = await report(server, ben.id, [{ type: 'QUEST_COMPLETED', data: { questType: 'lore' } }]);
    expect(retried!.unlocked.map((u) => u.achievement.id)).toEqual(['first_steps']);
    await expect.poll(() => bens[2]!.results.length, { timeout: 10_000 }).toBe(1);
    expect(bens[0]!.results.map((r) => (r.data as { achievementUnlocked: Unlock }).achievementUnlocked.user?.id)).toEqual([ben.id]);
    expect(anaUnlocks!.results.length).toBe(1);
    expect(anaAdded!.results.length).toBe(1);
    for (const sub of subs) {
      expect(sub.error).toBeUndefined();
      sub.stop();
    }
  });

  it('notificationAdded(after:) first sends everything stored after the cursor, oldest first, then goes on live without repeats', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const count = (await report(server, ana.id, MANY_UNLOCKS)).flatMap((e) => e.unlocked).length;
    await expect.poll(() => unreadOf(ana), { timeout: 15_000 }).toBe(count);
    const stored = (await must<Page>(ana.token, PAGE, { first: 100 })).notifications.edges.map((e) => e.node).reverse();
    const from = stored[count - 6]!;
    const ws = client(ana.token);
    const sub = subscribe(ws, `subscription($after: String) { notificationAdded(after: $after) { id cursor } }`, { after: from.cursor });
    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBe(5);
    const received = () => sub.results.map((r) => (r.data as { notificationAdded: { id: string; cursor: string } }).notificationAdded);
    expect(received()).toEqual(stored.slice(count - 5).map((n) => ({ id: n.id, cursor: n.cursor })));
    await untilListening(platform.runtime.redis, liveChannel('achievements', 'notificationAdded', ana.id));
    // Ten pvp wins: on_a_roll and duelist unlock (and first_blood was unlocked above), two more notifications.
    await report(server, ana.id, Array.from({ length: 10 }, () => ({ type: 'COMBAT_WON', data: { mode: 'pvp' } })));
    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBeGreaterThan(5);
    const latest = (await must<Page>(ana.token, PAGE, { first: 100 })).notifications.edges.map((e) => e.node).reverse();
    await expect.poll(() => received().length, { timeout: 10_000 }).toBe(latest.length - (count - 5));
    expect(received()).toEqual(latest.slice(count - 5).map((n) => ({ id: n.id, cursor: n.cursor })));
    expect(sub.error).toBeUndefined();
    sub.stop();
  });
});

describe('acceptance: hostile and unusual callers', () => {
  it('player-only fields refuse a game server: a service token acts for no player (FORBIDDEN, docs/decisions.md)', async () => {
    const server = await gameServerToken(platform, url);
    await expectRefusals(`query { notifications { edges { cursor } } }`, [['notifications', server, {}, { code: 'FORBIDDEN' }]]);
    await expectRefusals(`query { unreadNotificationCount }`, [['unreadNotificationCount', server, {}, { code: 'FORBIDDEN' }]]);
    await expectRefusals(`mutation { markNotificationsRead(input: { all: true }) { markedCount } }`, [['markNotificationsRead', server, {}, { code: 'FORBIDDEN' }]]);
    const ws = client(server);
    for (const query of [`subscription { achievementUnlocked { unlockedAt } }`, `subscription { achievementProgress { percent } }`, `subscription { notificationAdded { id } }`]) {
      const sub = subscribe(ws, query);
      await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000, message: query }).toBe(true);
      const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: unknown }) : undefined);
      expect(error?.extensions, query).toMatchObject({ code: 'FORBIDDEN' });
      sub.stop();
    }
  });

  it('cursors that decode to something else are BAD_USER_INPUT at after, over HTTP and graphql-ws', async () => {
    const ana = await registerPlayer(url);
    const forged = ['"-1"', '"1e3"', '"99999999999999999999"', '{"seq":1}', '[1]', 'null', '"12 "'].map((json) => Buffer.from(json).toString('base64url'));
    await expectRefusals(PAGE, forged.map((after): Case => [`after ${Buffer.from(after, 'base64url').toString()}`, ana.token, { after }, { code: 'BAD_USER_INPUT', field: 'after' }]));
    const ws = client(ana.token);
    for (const after of forged) {
      const sub = subscribe(ws, `subscription($after: String) { notificationAdded(after: $after) { id } }`, { after });
      await expect.poll(() => sub.error !== undefined || sub.results.length > 0 || sub.completed, { timeout: 10_000 }).toBe(true);
      const error = sub.results[0]?.errors?.[0] ?? (Array.isArray(sub.error) ? (sub.error[0] as { extensions?: unknown }) : undefined);
      expect(error?.extensions, after).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      sub.stop();
    }
  });

  it('an occurredAt without a UTC offset is refused', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    await expectRefusals(RECORD, [
      ['no offset', server, { input: { id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON', occurredAt: '2026-12-01T12:00:00' } }, { code: 'BAD_USER_INPUT' }],
      ['a date only', server, { input: { id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON', occurredAt: '2026-12-01' } }, { code: 'BAD_USER_INPUT' }],
    ]);
    expect(await storedFor(ana.id)).toBe(0);
  });

  it('the same event sent five times at once is recorded once: one RECORDED, one unlock, one notification', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const input = { id: `race-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => must<{ recordGameEvent: { events: { status: string; unlocked: unknown[] }[] } }>(server, RECORD, { input })));
    const statuses = answers.map((a) => a.recordGameEvent.events[0]!.status).sort();
    expect(statuses).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'DUPLICATE', 'RECORDED']);
    expect(answers.flatMap((a) => a.recordGameEvent.events[0]!.unlocked)).toHaveLength(1);
    expect(await storedFor(ana.id)).toBe(1);
    await expect.poll(() => unreadOf(ana), { timeout: 15_000 }).toBe(1);
    expect((await standings(ana.id, 'UNLOCKED')).achievements.map((a) => a.id)).toEqual(['first_blood']);
  });

  it('streaks and rolling windows are shown as of now', async () => {
    const [ana, ben] = [await registerPlayer(url), await registerPlayer(url)];
    const server = await gameServerToken(platform, url);
    const noon = (daysAgo: number) => { const d = new Date(); d.setUTCDate(d.getUTCDate() - daysAgo); d.setUTCHours(12, 0, 0, 0); return d.toISOString(); };
    const session = (daysAgo: number) => ({ type: 'SESSION_COMPLETED', data: { durationMinutes: 10 }, occurredAt: noon(daysAgo) });
    await report(server, ana.id, [session(10), session(9), session(4), session(3), session(2)]);
    await report(server, ben.id, [session(2), session(1)]);
    const of = async (userId: string, id: string) => (await standings(userId, 'IN_PROGRESS')).achievements.find((a) => a.id === id);
    // Ana's last session was the day before yesterday: her 3-day streak is gone; 3 of 5 sessions were in the last 7 days.
    expect(await of(ana.id, 'week_warrior')).toMatchObject({ current: 0, target: 7, percent: 0 });
    expect(await of(ana.id, 'busy_bee')).toMatchObject({ current: 3, target: 15, percent: 20 });
    expect(await of(ben.id, 'week_warrior')).toMatchObject({ current: 2, target: 7 });
  });
});

describe('acceptance: a hidden unlock, live', () => {
  it('the player who unlocks a hidden achievement hears its real name over achievementUnlocked and notificationAdded', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const secret = (await must<{ achievement: { name: string } }>(undefined, `{ achievement(id: "forgotten_shrine") { name } }`)).achievement.name;
    const ws = client(ana.token);
    const unlocks = subscribe(ws, `subscription { achievementUnlocked { achievement { id name description } } }`);
    const added = subscribe(ws, `subscription { notificationAdded { title achievement { id name } } }`);
    await untilListening(platform.runtime.redis, liveChannel('achievements', 'achievementUnlocked', ana.id));
    await untilListening(platform.runtime.redis, liveChannel('achievements', 'notificationAdded', ana.id));
    await report(server, ana.id, [{ type: 'QUEST_COMPLETED', data: { questId: 'forgotten_shrine' } }]);
    const revealed = (await must<{ achievement: { name: string; description: string } }>(ana.token, `{ achievement(id: "forgotten_shrine") { name description } }`)).achievement;
    expect(revealed.name).not.toBe(secret);
    await expect.poll(() => unlocks.results.length, { timeout: 10_000 }).toBe(2);
    expect(unlocks.results.map((r) => r.data)).toContainEqual({ achievementUnlocked: { achievement: { id: 'forgotten_shrine', ...revealed } } });
    await expect.poll(() => added.results.length, { timeout: 10_000 }).toBe(2);
    expect(added.results.map((r) => r.data)).toContainEqual({ notificationAdded: { title: `Achievement unlocked: ${revealed.name}`, achievement: { id: 'forgotten_shrine', name: revealed.name } } });
    unlocks.stop();
    added.stop();
  });
});

describe('acceptance: a batch past the gateway’s body limit', () => {
  it('500 events of 3 KB of data each (over 1 MiB) are refused whole with PAYLOAD_TOO_LARGE and store nothing', async () => {
    const ana = await registerPlayer(url);
    const server = await gameServerToken(platform, url);
    const events = Array.from({ length: 500 }, () => ({ id: `e-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON', data: { note: 'n'.repeat(3_000) } }));
    const refused = await gql(url, RECORD_MANY, { input: { events } }, { token: server });
    expect(refused.status).toBe(413);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await storedFor(ana.id)).toBe(0);
    // The same events in calls under the limit are recorded.
    for (const part of [events.slice(0, 250), events.slice(250)]) await must(server, RECORD_MANY, { input: { events: part } });
    expect(await storedFor(ana.id)).toBe(500);
  });
});
