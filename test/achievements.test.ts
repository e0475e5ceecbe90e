import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gameServerToken } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions, subscribe, untilListening, type Subscription } from './support/ws.js';

let platform: RunningPlatform;
let url: string;
const { client, track } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = Awaited<ReturnType<typeof registerPlayer>>;

/** A signed-in graphql-ws client whose socket the test can cut without a close handshake, as a lost network does. */
function cuttableClient(token: string) {
  const sockets: WebSocket[] = [];
  class RecordedWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      sockets.push(this);
    }
  }
  const c = track(
    createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: RecordedWebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    }),
  );
  return { client: c, cut: () => sockets.forEach((s) => s.terminate()) };
}

const waitForSubscribers = (n: number) => expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(n);
/** Resolves once the achievements subgraph listens on the player's live channel (the upstream subscription is live). */
const streamLive = (stream: 'achievementUnlocked' | 'achievementProgress' | 'notificationAdded', userId: string, listeners = 1) =>
  untilListening(platform.runtime.redis, liveChannel('achievements', stream, userId), listeners);

type GameEvent = { id: string; userId: string; type: string; data?: Record<string, unknown> };
type Recorded = { id: string; status: 'RECORDED' | 'DUPLICATE'; unlocked: { unlockedAt: string; achievement: { id: string }; user: { id: string; username: string } }[] };
const RECORD = `mutation($input: GameEventInput!) {
  recordGameEvent(input: $input) { events { id status unlocked { unlockedAt achievement { id } user { id username } } } }
}`;
const record = (token: string, input: GameEvent) => gql<{ recordGameEvent: { events: Recorded[] } }>(url, RECORD, { input }, { token });
const event = (userId: string, type: string, data: Record<string, unknown> = {}): GameEvent => ({ id: `${type.toLowerCase()}-${randomUUID()}`, userId, type, data });

/**
 * Records an event for a freshly registered player, as a game server does right after `register`:
 * achievements hears of the player over the bus a moment later, and the call waits for that rather
 * than refusing the id.
 */
async function recordOnceKnown(token: string, input: GameEvent): Promise<Recorded> {
  const result = await record(token, input);
  expect(result.errors).toBeUndefined();
  return result.data!.recordGameEvent.events[0]!;
}

/** Records an event for a player achievements already knows. */
async function recordKnown(token: string, input: GameEvent): Promise<Recorded> {
  const result = await record(token, input);
  expect(result.errors).toBeUndefined();
  return result.data!.recordGameEvent.events[0]!;
}

const UNLOCKED = `subscription { achievementUnlocked { unlockedAt achievement { id name rarity points } user { id username } } }`;
const PROGRESS = `subscription { achievementProgress { id current target percent } }`;
const NOTIFICATIONS = `subscription($after: String) {
  notificationAdded(after: $after) { id cursor kind priority title readAt achievement { id } }
}`;
type Notification = { id: string; cursor: string; kind: string; priority: string; title: string; readAt: string | null; achievement: { id: string } | null };

/** The data of each message a subscription received (failing on any error). */
function received<T>(sub: Subscription, field: string): T[] {
  return sub.results.map((r) => {
    expect(r.errors).toBeUndefined();
    return (r.data as Record<string, T>)[field]!;
  });
}

const me = <T>(token: string, selection: string) => gql<{ me: T }>(url, `{ me { ${selection} } }`, {}, { token });
const xpOf = async (token: string) => (await me<{ xp: number }>(token, 'xp')).data?.me.xp;

describe('achievements through the gateway', () => {
  let gameServer: string;
  let player: Player;
  let other: Player;
  let firstWin: GameEvent;
  let unlockedAt: string;
  let inbox: ReturnType<typeof cuttableClient>;
  let inboxSub: Subscription;

  beforeAll(async () => {
    gameServer = await gameServerToken(platform, url);
    player = await registerPlayer(url);
    other = await registerPlayer(url);
  });

  it('delivers the unlock and the progress live, to the player only; only the game server may report events', async () => {
    const unlocks = subscribe(client(player.token), UNLOCKED);
    const progress = subscribe(client(player.token), PROGRESS);
    inbox = cuttableClient(player.token);
    inboxSub = subscribe(inbox.client, NOTIFICATIONS);
    const othersUnlocks = subscribe(client(other.token), UNLOCKED);
    const anonymous = subscribe(client(), UNLOCKED);
    await expect.poll(() => anonymous.error, { timeout: 10_000 }).toBeDefined();
    expect(JSON.stringify(anonymous.error)).toContain('UNAUTHENTICATED');
    expect(anonymous.results.every((r) => r.data == null)).toBe(true);

    await waitForSubscribers(4);
    await streamLive('achievementUnlocked', player.id);
    await streamLive('achievementProgress', player.id);
    await streamLive('notificationAdded', player.id);
    await streamLive('achievementUnlocked', other.id);

    firstWin = event(player.id, 'COMBAT_WON', { mode: 'pve' });
    // A player cannot report their own wins.
    const forbidden = await record(player.token, firstWin);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forbidden.data).toBeNull();

    const recorded = await recordOnceKnown(gameServer, firstWin);
    expect(recorded).toEqual({
      id: firstWin.id,
      status: 'RECORDED',
      unlocked: [{ unlockedAt: expect.any(String), achievement: { id: 'first_blood' }, user: { id: player.id, username: player.username } }],
    });
    unlockedAt = recorded.unlocked[0]!.unlockedAt;

    await expect.poll(() => unlocks.results.length, { timeout: 10_000 }).toBe(1);
    expect(unlocks.results[0]).toEqual({
      data: {
        achievementUnlocked: {
          unlockedAt,
          achievement: { id: 'first_blood', name: 'First Blood', rarity: 'COMMON', points: 10 },
          // username lives in the users subgraph: resolved through federation.
          user: { id: player.id, username: player.username },
        },
      },
    });

    type Progress = { id: string; current: number; target: number; percent: number };
    await expect.poll(() => received<Progress>(progress, 'achievementProgress').map((p) => p.id), { timeout: 10_000 }).toContain('combat_master');
    const standings = received<Progress>(progress, 'achievementProgress');
    expect(standings.find((p) => p.id === 'combat_master')).toEqual({ id: 'combat_master', current: 1, target: 100, percent: 1 });
    // Progress is for achievements still locked: the one just unlocked is not among them.
    expect(standings.map((p) => p.id)).not.toContain('first_blood');
    expect(new Set(standings.map((p) => p.id)).size).toBe(standings.length);

    await expect.poll(() => inboxSub.results.length, { timeout: 10_000 }).toBe(1);
    expect(received<Notification>(inboxSub, 'notificationAdded')).toEqual([
      {
        id: expect.any(String),
        cursor: expect.any(String),
        kind: 'ACHIEVEMENT_UNLOCKED',
        priority: 'LOW',
        title: 'Achievement unlocked: First Blood',
        readAt: null,
        achievement: { id: 'first_blood' },
      },
    ]);

    // The other player's stream is private: once their own unlock arrives (published after the
    // player's), it is the only thing they ever received.
    const othersWin = await recordOnceKnown(gameServer, event(other.id, 'COMBAT_WON'));
    expect(othersWin.unlocked.map((u) => u.achievement.id)).toEqual(['first_blood']);
    await expect.poll(() => othersUnlocks.results.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(received<{ user: { id: string } }>(othersUnlocks, 'achievementUnlocked').map((u) => u.user.id)).toEqual([other.id]);
    expect(unlocks.results).toHaveLength(1);

    for (const sub of [unlocks, progress, othersUnlocks]) {
      sub.stop();
      expect(sub.error).toBeUndefined();
    }
    await waitForSubscribers(1); // the inbox stays open for the offline test below
  });

  it("credits the unlock's XP to the player once, also when the game server retries the event", async () => {
    await expect.poll(() => xpOf(player.token), { timeout: 15_000 }).toBe(100);

    const retry = await recordKnown(gameServer, firstWin);
    expect(retry).toEqual({ id: firstWin.id, status: 'DUPLICATE', unlocked: [] });
    // A retry writes no second reward event, so no second credit can ever come.
    const rewardEvents = await platform.runtime.db.prisma.outboxEvent.findMany({
      where: { type: 'achievement.unlocked', payload: { path: ['userId'], equals: player.id } },
    });
    expect(rewardEvents.map((e) => (e.payload as { achievementId: string }).achievementId)).toEqual(['first_blood']);
    await expect.poll(() => platform.runtime.db.prisma.outboxEvent.count({ where: { id: rewardEvents[0]!.id, publishedAt: { not: null } } }), { timeout: 10_000 }).toBe(1);

    const wallet = await me<{ xp: number; level: number; wallet: { ledger: { edges: { node: { currency: string; amount: number; reason: string } }[] } } }>(
      player.token,
      'xp level wallet { ledger(first: 10) { edges { node { currency amount reason } } } }',
    );
    expect(wallet.errors).toBeUndefined();
    expect(wallet.data!.me).toEqual({
      xp: 100,
      level: 2,
      wallet: { ledger: { edges: [{ node: { currency: 'XP', amount: 100, reason: 'achievement_reward' } }] } },
    });
  });

  it("shows the player's unlocked and in-progress achievements and points on me", async () => {
    type Standing = { id: string; status: string; unlockedAt: string | null; current: number; target: number; percent: number; achievement: { name: string } };
    const result = await me<{ achievementPoints: number; achievements: Standing[] }>(
      player.token,
      'achievementPoints achievements { id status unlockedAt current target percent achievement { name } }',
    );
    expect(result.errors).toBeUndefined();
    const { achievementPoints, achievements } = result.data!.me;
    expect(achievementPoints).toBe(10);
    // Unlocked ones come first.
    expect(achievements[0]).toEqual({
      id: 'first_blood',
      status: 'UNLOCKED',
      unlockedAt,
      current: 1,
      target: 1,
      percent: 100,
      achievement: { name: 'First Blood' },
    });
    expect(achievements.filter((a) => a.status === 'UNLOCKED').map((a) => a.id)).toEqual(['first_blood']);
    expect(achievements.find((a) => a.id === 'combat_master')).toEqual({
      id: 'combat_master',
      status: 'IN_PROGRESS',
      unlockedAt: null,
      current: 1,
      target: 100,
      percent: 1,
      achievement: { name: 'Combat Master' },
    });
  });

  it('keeps what unlocked while the player was offline, and resumes notificationAdded after the last cursor with nothing missed or repeated', async () => {
    const first = received<Notification>(inboxSub, 'notificationAdded');
    expect(first.map((n) => n.achievement?.id)).toEqual(['first_blood']);

    inbox.cut();
    await expect.poll(() => inboxSub.error, { timeout: 10_000 }).toBeDefined();
    // The gateway has let go of the upstream stream: what follows is really missed.
    await waitForSubscribers(0);
    await expect.poll(() => platform.runtime.redis.numsub(liveChannel('achievements', 'notificationAdded', player.id)), { timeout: 10_000 }).toBe(0);

    const quest = await recordKnown(gameServer, event(player.id, 'QUEST_COMPLETED', { questId: 'q_rats_in_the_cellar' }));
    expect(quest.unlocked.map((u) => u.achievement.id)).toEqual(['first_steps']);
    const character = await recordKnown(gameServer, event(player.id, 'CHARACTER_CREATED', { characterClass: 'ranger', race: 'elf' }));
    expect(character.unlocked.map((u) => u.achievement.id)).toEqual(['a_star_is_born']);

    const resumed = subscribe(client(player.token), NOTIFICATIONS, { after: first[0]!.cursor });
    await waitForSubscribers(1);
    await streamLive('notificationAdded', player.id);
    await expect.poll(() => resumed.results.length, { timeout: 10_000 }).toBe(2);
    const missed = received<Notification>(resumed, 'notificationAdded');
    expect(missed.map((n) => n.achievement?.id)).toEqual(['first_steps', 'a_star_is_born']);
    expect(missed.map((n) => n.title)).toEqual(['Achievement unlocked: First Steps', 'Achievement unlocked: A Star Is Born']);

    type Page = { notifications: { edges: { cursor: string; node: Notification }[]; pageInfo: { hasNextPage: boolean } }; unreadNotificationCount: number };
    const page = await gql<Page>(
      url,
      `{ notifications(first: 10) { edges { cursor node { id cursor kind priority title readAt achievement { id } } } pageInfo { hasNextPage } } unreadNotificationCount }`,
      {},
      { token: player.token },
    );
    expect(page.errors).toBeUndefined();
    const listed = page.data!.notifications.edges;
    expect(listed.map((e) => e.node.achievement?.id)).toEqual(['a_star_is_born', 'first_steps', 'first_blood']);
    expect(listed.map((e) => e.node)).toEqual([...first, ...missed].reverse());
    expect(listed.map((e) => e.cursor)).toEqual(listed.map((e) => e.node.cursor));
    expect(page.data!.notifications.pageInfo.hasNextPage).toBe(false);
    expect(page.data!.unreadNotificationCount).toBe(3);

    const marked = await gql<{ markNotificationsRead: { markedCount: number; unreadCount: number } }>(
      url,
      `mutation { markNotificationsRead(input: { all: true }) { markedCount unreadCount } }`,
      {},
      { token: player.token },
    );
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markNotificationsRead).toEqual({ markedCount: 3, unreadCount: 0 });
    expect((await gql<{ unreadNotificationCount: number }>(url, '{ unreadNotificationCount }', {}, { token: player.token })).data).toEqual({ unreadNotificationCount: 0 });

    // The resumed stream is live too: a new unlock arrives after the two replayed ones, and
    // nothing else came in between (no duplicate at the seam).
    const session = await recordKnown(gameServer, event(player.id, 'SESSION_COMPLETED', { durationMinutes: 30 }));
    expect(session.unlocked.map((u) => u.achievement.id)).toEqual(['welcome_traveler']);
    await expect.poll(() => resumed.results.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const all = [...first, ...received<Notification>(resumed, 'notificationAdded')];
    expect(all.map((n) => n.achievement?.id)).toEqual(['first_blood', 'first_steps', 'a_star_is_born', 'welcome_traveler']);
    expect(new Set(all.map((n) => n.id)).size).toBe(4);
    expect(new Set(all.map((n) => n.cursor)).size).toBe(4);
    expect(resumed.error).toBeUndefined();
    resumed.stop();
    await waitForSubscribers(0);
  });

  it('accepts an event for a player registered a moment ago (registration reaches achievements over the bus)', async () => {
    const newcomer = await registerPlayer(url);
    const result = await record(gameServer, event(newcomer.id, 'COMBAT_WON'));
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordGameEvent.events[0]).toMatchObject({ status: 'RECORDED', unlocked: [{ achievement: { id: 'first_blood' } }] });
  });

  it('applies one call\'s events in the order sent, also when they carry no occurredAt', async () => {
    const fighter = await registerPlayer(url);
    await recordOnceKnown(gameServer, event(fighter.id, 'COMBAT_LOST'));
    const wins = (n: number) => Array.from({ length: n }, () => event(fighter.id, 'COMBAT_WON'));
    const batch = [...wins(9), event(fighter.id, 'COMBAT_LOST'), ...wins(9)];
    const result = await gql<{ recordGameEvents: { events: { id: string; status: string }[] } }>(
      url,
      `mutation($input: RecordGameEventsInput!) { recordGameEvents(input: $input) { events { id status } } }`,
      { input: { events: batch } },
      { token: gameServer },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordGameEvents.events.map((e) => e.status)).toEqual(batch.map(() => 'RECORDED'));
    type Standing = { id: string; status: string; current: number; target: number };
    const standings = await me<{ achievements: Standing[] }>(fighter.token, 'achievements { id status current target }');
    expect(standings.errors).toBeUndefined();
    // The nine wins after the loss are the run; the nine before it were broken by it.
    expect(standings.data!.me.achievements.find((a) => a.id === 'on_a_roll')).toEqual({ id: 'on_a_roll', status: 'IN_PROGRESS', current: 9, target: 10 });
  });

  it("reports how many players unlocked an achievement and their share of active players", async () => {
    const result = await gql<{ achievement: { unlockedBy: number; unlockPercentage: number } }>(
      url,
      `{ achievement(id: "first_blood") { unlockedBy unlockPercentage } }`,
      {},
      { token: player.token },
    );
    expect(result.errors).toBeUndefined();
    // At least this file's two players (a shared database may hold more).
    expect(result.data!.achievement.unlockedBy).toBeGreaterThanOrEqual(2);
    expect(result.data!.achievement.unlockPercentage).toBeGreaterThan(0);
    expect(result.data!.achievement.unlockPercentage).toBeLessThanOrEqual(100);
  });
});
