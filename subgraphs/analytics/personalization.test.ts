// Personalization through the analytics subgraph: events reported with trackEvents are processed
// into interactions, the model is trained from them, and personalizedExperience reflects it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import type { Database, PrismaClient } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, recordingPrisma, recordingSql, startWorkers, subgraphClient } from '../../platform/testing.js';
import { PersonalizationStore } from './store/personalization.store.js';
import { QUESTS } from './catalog/content.js';
import type { Context } from './context.js';
import { analyticsSubgraph } from './subgraph.js';

const ADMIN: Viewer = { userId: randomUUID(), role: 'ADMIN' };
const MIN = 60_000;
const DAY = 86_400_000;
const player = (): Viewer => ({ userId: randomUUID(), role: 'PLAYER' });

let db: Database;
let built: ReturnType<typeof analyticsSubgraph.create>;
let client: ReturnType<typeof subgraphClient<Context>>;
let stopWorkers: (() => Promise<void>) | undefined;

beforeAll(async () => {
  db = await openTestDatabase();
  built = analyticsSubgraph.create({
    db,
    redis: newTestRedis(),
    // trackEvents answers once its events are processed; the test trains the model itself.
    config: { ANALYTICS_CONSUMER_NAME: 'analytics-personalization-test', ANALYTICS_AWAIT_PROCESSING: 'true', ANALYTICS_RECOMMENDER_REFRESH_MS: 0 },
  });
  client = subgraphClient(built);
  await client.server.start();
  stopWorkers = await startWorkers(built.workers);
}, 60_000);
afterAll(async () => {
  await stopWorkers?.();
  await client?.server.stop();
  await db?.close();
});

const TRACK = `mutation($events: [TrackedEventInput!]!) { trackEvents(input: { events: $events }) { accepted duplicates rejected { reason } } }`;
const EXPERIENCE = `query($userId: ID, $quests: Int, $characters: Int) {
  personalizedExperience(userId: $userId, quests: $quests, characters: $characters) {
    userId difficultyAdjustment uiHints favoriteQuestTheme newPlayer returningPlayer
    recommendedQuests { quest { id difficulty reward { coins xp } } score basis }
    recommendedCharacters { character { id role } basis }
    personalizedRewards { quest { id } coins xp multiplier }
    model { trainedAt players interactions }
  }
}`;

interface Experience {
  userId: string;
  difficultyAdjustment: number;
  uiHints: string[];
  favoriteQuestTheme: string | null;
  newPlayer: boolean;
  returningPlayer: boolean;
  recommendedQuests: { quest: { id: string; difficulty: number; reward: { coins: number; xp: number } }; score: number; basis: string }[];
  recommendedCharacters: { character: { id: string; role: string }; basis: string }[];
  personalizedRewards: { quest: { id: string }; coins: number; xp: number; multiplier: number }[];
  model: { trainedAt: string; players: number; interactions: number } | null;
}

/** An event `agoMs` before now, in `session`. */
const event = (eventType: string, properties: Record<string, unknown>, agoMs = MIN, session = 'today') => ({
  eventId: randomUUID(),
  sessionId: session,
  eventType,
  properties,
  timestamp: new Date(Date.now() - agoMs).toISOString(),
});
const completed = (questId: string, agoMs = MIN, session = 'today') => [
  event('QUEST_STARTED', { questId }, agoMs + MIN, session),
  event('QUEST_COMPLETED', { questId, characterId: 'bard' }, agoMs, session),
];
/** `n` sessions, all finished an hour or more ago. */
const sessions = (n: number, lastAgoMs = 3_600_000) =>
  Array.from({ length: n }, (_, i) => [
    event('SESSION_STARTED', {}, lastAgoMs + i * DAY + 20 * MIN, `s${i}`),
    event('SESSION_COMPLETED', { durationSeconds: 1200 }, lastAgoMs + i * DAY, `s${i}`),
  ]).flat();

async function track(viewer: Viewer, events: unknown[]) {
  const result = await client.execute<{ trackEvents: { accepted: number; duplicates: number; rejected: unknown[] } }>(viewer, TRACK, { events });
  expect(result.errors).toBeUndefined();
  expect(result.data!.trackEvents.rejected).toEqual([]);
  return result.data!.trackEvents;
}

async function experience(viewer: Viewer, variables: Record<string, unknown> = {}): Promise<Experience> {
  const result = await client.execute<{ personalizedExperience: Experience }>(viewer, EXPERIENCE, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.personalizedExperience;
}

const refusal = async (viewer: Viewer, variables: Record<string, unknown> = {}) => {
  const result = await client.execute(viewer, EXPERIENCE, variables);
  expect(result.data?.personalizedExperience ?? null).toBeNull();
  return result.errors?.[0]?.extensions?.code;
};

const train = () => built.parts.recommender.train();

describe('personalizedExperience: the model learns from ingested events', () => {
  it('recommends what players with the same quests played, once the model is trained on their events', async () => {
    // Four players complete Sky Islands and then The Star Chart; one more completes Sky Islands only.
    for (let i = 0; i < 4; i++) await track(player(), [...completed('sky-islands', 2 * DAY), ...completed('star-chart', DAY)]);
    const me = player();
    await track(me, completed('sky-islands'));
    const trained = await train();
    expect(trained.model.players).toBeGreaterThanOrEqual(5);

    const x = await experience(me);
    expect(x.userId).toBe(me.userId);
    expect(x.recommendedQuests[0]).toMatchObject({ quest: { id: 'star-chart' }, basis: 'COLLABORATIVE' });
    expect(x.recommendedQuests.map((r) => r.quest.id)).not.toContain('sky-islands');
    expect(x.recommendedQuests).toHaveLength(5);
    expect(x.model).toMatchObject({ players: trained.model.players, interactions: trained.model.interactions });
    // Sky Islands (0.5) completed: one step up; but fewer than 5 sessions keeps it at least 0.3.
    expect(x.difficultyAdjustment).toBe(0.55);
    expect(x.favoriteQuestTheme).toBe('EXPLORATION');
    // The bard was played; others are recommended, and the player has played only one character.
    expect(x.recommendedCharacters.map((c) => c.character.id)).not.toContain('bard');
    expect(x.uiHints).toEqual(['ONBOARDING_TIPS', 'TRY_NEW_CHARACTER']);
  });

  it('takes a replayed batch once: the interactions do not grow', async () => {
    const me = player();
    const events = completed('mirror-maze');
    await track(me, events);
    expect(await track(me, events)).toMatchObject({ accepted: 0, duplicates: 2 });
    const rows = await db.prisma.analyticsPlayerItem.findMany({ where: { userId: me.userId! }, orderBy: { itemKey: 'asc' } });
    expect(rows.map((r) => [r.itemKey, r.strength, r.completions])).toEqual([
      ['character:bard', 2, 1],
      ['quest:mirror-maze', 4, 1],
    ]);
  });

  it('gives a player with no history the popular quests, the new-player difficulty and onboarding', async () => {
    await train();
    const x = await experience(player(), { quests: 20 });
    expect(x.recommendedQuests.length).toBeGreaterThan(0);
    expect(x.recommendedQuests.every((r) => r.basis === 'POPULARITY')).toBe(true);
    const scores = x.recommendedQuests.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(x).toMatchObject({ newPlayer: true, returningPlayer: false, difficultyAdjustment: 0.3, favoriteQuestTheme: null });
    expect(x.uiHints).toContain('ONBOARDING_TIPS');
  });
});

describe('personalizedExperience: the product rules', () => {
  it('offers a player with 4 sessions only quests up to 0.5, and one with 5 every quest', async () => {
    const fresh = player();
    const regular = player();
    await track(fresh, sessions(4));
    await track(regular, sessions(5));
    const hardest = (x: Experience) => Math.max(...x.recommendedQuests.map((r) => r.quest.difficulty));
    const a = await experience(fresh, { quests: 20 });
    expect(a.newPlayer).toBe(true);
    expect(QUESTS.filter((q) => q.difficulty <= 0.5).length).toBeGreaterThan(20);
    expect(a.recommendedQuests).toHaveLength(20); // filtered before the list is cut
    expect(hardest(a)).toBeLessThanOrEqual(0.5);
    const b = await experience(regular, { quests: 20 });
    expect(b.newPlayer).toBe(false);
    expect(b.recommendedQuests).toHaveLength(20);
    expect(hardest(b)).toBeGreaterThan(0.5);
    expect(b.difficultyAdjustment).toBe(0.2);
    expect(b.uiHints).not.toContain('ONBOARDING_TIPS');
  });

  it('pays a player back after more than 7 days one and a half times, even once their new session started', async () => {
    const back = player();
    await track(back, [...sessions(6, 8 * DAY), event('SESSION_STARTED', {}, MIN, 'now')]);
    const recent = player();
    await track(recent, sessions(6, 6 * DAY));
    const x = await experience(back);
    expect(x.returningPlayer).toBe(true);
    expect(x.uiHints).toContain('WELCOME_BACK');
    expect(x.personalizedRewards.map((r) => r.quest.id)).toEqual(x.recommendedQuests.map((r) => r.quest.id));
    x.recommendedQuests.forEach((r, i) => {
      expect(x.personalizedRewards[i]).toMatchObject({ multiplier: 1.5, coins: Math.round(r.quest.reward.coins * 1.5), xp: Math.round(r.quest.reward.xp * 1.5) });
    });
    const y = await experience(recent);
    expect(y.returningPlayer).toBe(false);
    y.recommendedQuests.forEach((r, i) => expect(y.personalizedRewards[i]).toMatchObject({ multiplier: 1, coins: r.quest.reward.coins }));
  });
});

describe('personalizedExperience: who may ask', () => {
  it('refuses anonymous callers, other players, game servers and bad arguments, and lets an ADMIN read anyone', async () => {
    const me = player();
    const other = player();
    expect(await refusal(ANONYMOUS)).toBe('UNAUTHENTICATED');
    expect(await refusal(me, { userId: other.userId })).toBe('FORBIDDEN');
    expect(await refusal({ userId: null, role: null, kind: 'service', serviceId: randomUUID(), scopes: ['REPORT_GAME_EVENTS'] })).toBe('FORBIDDEN');
    expect(await refusal(ADMIN, { userId: 'not-a-player' })).toBe('BAD_USER_INPUT');
    for (const quests of [0, 21, -1]) expect(await refusal(me, { quests })).toBe('BAD_USER_INPUT');
    expect(await refusal(me, { characters: 11 })).toBe('BAD_USER_INPUT');
    expect((await experience(me, { userId: me.userId!.toUpperCase() })).userId).toBe(me.userId);
    expect((await experience(ADMIN, { userId: other.userId })).userId).toBe(other.userId);
  });
});

describe('personalizedExperience: batched reads', () => {
  it('reads players in one batch: the statements do not grow with the players asked for', async () => {
    const operations: string[] = [];
    const counting = analyticsSubgraph.create({
      db: { ...db, prisma: recordingPrisma(db.prisma, operations), sql: recordingSql(db.sql, operations) },
      redis: newTestRedis(),
      config: { ANALYTICS_RECOMMENDER_REFRESH_MS: 3_600_000 },
    });
    const countingClient = subgraphClient(counting);
    await countingClient.server.start();
    try {
      const ask = async (n: number) => {
        const ids = Array.from({ length: n }, () => randomUUID());
        const query = `{ ${ids.map((id, i) => `p${i}: personalizedExperience(userId: "${id}") { userId recommendedQuests { quest { id } } }`).join(' ')} }`;
        await counting.parts.recommender.current(); // the model is loaded once per replica, not per request
        operations.length = 0;
        const result = await countingClient.execute<Record<string, { userId: string }>>(ADMIN, query);
        expect(result.errors).toBeUndefined();
        expect(Object.keys(result.data!)).toHaveLength(n);
        return [...operations].sort();
      };
      const one = await ask(1);
      expect(one.length).toBeGreaterThan(0);
      expect(await ask(10)).toEqual(one);
    } finally {
      await countingClient.server.stop();
    }
  });
});

describe('training schedule', () => {
  it('gives each due run to one replica, and lets a replica with a shorter interval take it early', async () => {
    const replicas = [new PersonalizationStore(db.prisma, db.sql), new PersonalizationStore(db.prisma, db.sql)];
    await db.prisma.analyticsRecommenderSchedule.upsert({ where: { id: 1 }, create: { id: 1, nextRunAt: new Date(0) }, update: { nextRunAt: new Date(0) } });
    const claims = await Promise.all(replicas.map((r) => r.claimTraining(600_000)));
    // Exactly one on a private database; a platform test sharing the database may have taken it first.
    expect(claims.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await replicas[0]!.claimTraining(600_000)).toBe(false);
    expect(await replicas[1]!.claimTraining(600_000)).toBe(false);
    expect(await replicas[1]!.claimTraining(1)).toBe(true);
  });

  // Two connections at once: real PostgreSQL only (the embedded database runs one transaction at a time).
  it.runIf(Boolean(process.env.DATABASE_URL))('refuses a claim whose transaction began before another replica claimed the run', async () => {
    await db.prisma.analyticsRecommenderSchedule.upsert({ where: { id: 1 }, create: { id: 1, nextRunAt: new Date(0) }, update: { nextRunAt: new Date(0) } });
    const late = await db.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT now()`; // fixes this transaction's now() before the other replica claims
      await new PersonalizationStore(db.prisma, db.sql).claimTraining(600_000);
      return new PersonalizationStore(tx as unknown as PrismaClient, db.sql).claimTraining(600_000);
    });
    expect(late).toBe(false);
  });

  it('keeps the newest models only, and a replica serves the newest another one trained', async () => {
    const first = await train();
    const other = analyticsSubgraph.create({ db, redis: newTestRedis(), config: { ANALYTICS_RECOMMENDER_REFRESH_MS: 0 } });
    expect((await other.parts.recommender.current())?.id).toBe(first.id);
    const second = await train();
    expect((await other.parts.recommender.current())?.id).toBe(second.id);
    expect(await db.prisma.analyticsRecommenderModel.count({ where: { id: { lte: second.id } } })).toBeLessThanOrEqual(3);
  });
});
