import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Viewer } from '../../platform/auth.js';
import type { Database } from '../../platform/db/index.js';
import { newTestRedis, openTestDatabase, silentLogger, subgraphClient, recordingPrisma, recordingSql, startWorkers } from '../../platform/testing.js';
import type { Context } from './context.js';
import { HIDDEN_DESCRIPTION, HIDDEN_NAME } from './domain/catalog.js';
import { readCatalogFile, syncCatalog } from './services/catalog.service.js';
import { AchievementsStore } from './store/achievements.store.js';
import { achievementsSubgraph } from './subgraph.js';

const catalog = readCatalogFile();
let db: Database;
let client: ReturnType<typeof subgraphClient<Context>>;
let stopWorkers: () => Promise<void>;

beforeAll(async () => {
  db = await openTestDatabase();
  const definition = achievementsSubgraph.create({ db, redis: newTestRedis(), logger: silentLogger });
  // What serveSubgraph does before listening: the catalog sync runs as a worker.
  stopWorkers = await startWorkers(definition.workers);
  client = subgraphClient(definition);
  await client.server.start();
  // Opening PGlite and applying every migration takes seconds, more on a busy machine.
}, 60_000);
afterAll(async () => {
  await client.server.stop();
  // The event consumer and the relay query the database until they stop.
  await stopWorkers();
  await db.close();
});

const player = (userId: string = randomUUID()): Viewer => ({ userId, role: 'PLAYER' });

/** Scenario: a player who unlocked the given achievements at the given times. */
async function playerWithUnlocks(unlocks: [achievementId: string, unlockedAt: string][]): Promise<string> {
  const userId: string = randomUUID();
  await db.prisma.userAchievement.createMany({
    data: unlocks.map(([achievementId, unlockedAt]) => ({ userId, achievementId, unlockedAt: new Date(unlockedAt) })),
  });
  return userId;
}

const pointsOf = (...ids: string[]) => ids.reduce((sum, id) => sum + catalog.achievements.find((a) => a.id === id)!.points, 0);

const ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on User { id achievementPoints achievements { id unlockedAt achievement { id name description } } }
  }
}`;
type UserEntity = {
  id: string;
  achievementPoints: number;
  achievements: { id: string; unlockedAt: string; achievement: { id: string; name: string; description: string } }[];
};

describe('achievements subgraph: catalog', () => {
  it('syncs every catalog entry at start, in file order, and a second sync changes nothing', async () => {
    const ids = catalog.achievements.map((a) => a.id);
    const stored = () =>
      db.prisma.achievementDefinition.findMany({ where: { id: { in: ids } }, orderBy: { sortOrder: 'asc' }, omit: { updatedAt: true } });
    const before = await stored();
    expect(before.length).toBeGreaterThanOrEqual(50);
    expect(before.map((a) => a.id)).toEqual(ids);
    expect(before.every((a) => a.catalogVersion === catalog.version)).toBe(true);
    expect(before.find((a) => a.id === 'month_master')).toMatchObject({
      category: 'SPECIAL',
      rarity: 'EPIC',
      rewards: [{ kind: 'PREMIUM_CURRENCY', amount: 200 }],
      prerequisites: ['week_warrior'],
      rule: { type: 'streak', event: 'SESSION_COMPLETED', target: 30 },
    });

    // Synced again at the same version: rewritten, but nothing changed (no entity announcement).
    expect(await syncCatalog(db.prisma)).toEqual({ version: catalog.version, synced: ids.length, changed: false });
    expect(await stored()).toEqual(before);
  });

  it('lists the catalog in file order, filtered by category and rarity', async () => {
    const QUERY = `query($category: AchievementCategory, $rarity: Rarity) {
      achievements(category: $category, rarity: $rarity) { id category rarity }
    }`;
    const idsFor = (filter: { category?: string; rarity?: string }) =>
      catalog.achievements
        .filter((a) => (!filter.category || a.category === filter.category) && (!filter.rarity || a.rarity === filter.rarity))
        .map((a) => a.id);
    for (const filter of [{}, { category: 'COMBAT' }, { rarity: 'COMMON' }, { category: 'EXPLORATION', rarity: 'EPIC' }, { category: 'SOCIAL', rarity: 'LEGENDARY' }]) {
      const result = await client.execute<{ achievements: { id: string }[] }>(ANONYMOUS, QUERY, filter);
      expect(result.errors).toBeUndefined();
      expect(result.data!.achievements.map((a) => a.id)).toEqual(idsFor(filter));
    }
    const combat = await client.execute<{ achievements: { id: string }[] }>(ANONYMOUS, QUERY, { category: 'COMBAT' });
    expect(combat.data!.achievements.map((a) => a.id).slice(0, 3)).toEqual(['first_blood', 'combat_master', 'legendary_warrior']);
  });

  it('returns one achievement with its rewards, and null for an unknown id', async () => {
    const QUERY = `query($id: ID!) { achievement(id: $id) { id name category rarity points hidden rewards { kind amount itemId } } }`;
    const sword = await client.execute(ANONYMOUS, QUERY, { id: 'legendary_warrior' });
    expect(sword).toEqual({
      data: {
        achievement: {
          id: 'legendary_warrior',
          name: 'Legendary Warrior',
          category: 'COMBAT',
          rarity: 'LEGENDARY',
          points: 250,
          hidden: false,
          rewards: [{ kind: 'EXCLUSIVE_ITEM', amount: null, itemId: 'legendary_sword' }],
        },
      },
    });
    expect(await client.execute(ANONYMOUS, QUERY, { id: 'no_such_achievement' })).toEqual({ data: { achievement: null } });
  });

  it('resolves Achievement references, null for unknown ids', async () => {
    const QUERY = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Achievement { id rarity } } }`;
    const reps = ['week_warrior', 'nope', 'first_blood'].map((id) => ({ __typename: 'Achievement', id }));
    // Twice: the second resolves the same rows from memory, which Apollo has already tagged with their __typename.
    for (const _time of [1, 2]) {
      const result = await client.execute(ANONYMOUS, QUERY, { reps });
      expect(result.data).toEqual({ _entities: [{ id: 'week_warrior', rarity: 'UNCOMMON' }, null, { id: 'first_blood', rarity: 'COMMON' }] });
    }
  });
});

describe('achievements subgraph: reads on the raw SQL port', () => {
  const store = () => new AchievementsStore(db.prisma, db.sql);

  it('loads the catalog as Prisma reads it (same rows, same types, same order), and not again while nothing changed', async () => {
    // The file's definitions only, updated_at aside: on a shared PostgreSQL other test files add definitions and sync meanwhile.
    const ids = new Set(catalog.achievements.map((a) => a.id));
    const first = await store().definitionsIfChanged(null);
    const prisma = await db.prisma.achievementDefinition.findMany({ where: { id: { in: [...ids] } }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
    const withoutUpdatedAt = ({ updatedAt: _, ...row }: { updatedAt: Date }) => row;
    expect(first.rows!.filter((row) => ids.has(row.id)).map(withoutUpdatedAt)).toEqual(prisma.map(withoutUpdatedAt));
    expect(first.rows!.every((row) => row.updatedAt instanceof Date)).toBe(true);
    const again = await store().definitionsIfChanged(first.fingerprint);
    expect(again.rows === null).toBe(again.fingerprint === first.fingerprint);
    if (db.kind === 'pglite') expect(again).toEqual({ fingerprint: first.fingerprint, rows: null });
  });

  it('sees any write to a definition, even one that leaves updated_at alone', async () => {
    const { fingerprint } = await store().definitionsIfChanged(null);
    await db.sql.query(`UPDATE achievement_definitions SET points = points WHERE id = 'first_blood'`);
    const after = await store().definitionsIfChanged(fingerprint);
    expect(after.fingerprint).not.toBe(fingerprint);
    expect(after.rows!.map((row) => row.id)).toContain('first_blood');
  });

  it("reads a player's unlocks as Prisma does (newest first, ties by achievement id)", async () => {
    const userId = await playerWithUnlocks([
      ['first_blood', '2026-03-01T10:00:00.000Z'], // a Sunday
      ['combat_master', '2026-03-04T18:00:00.000Z'],
      ['week_warrior', '2026-03-04T18:00:00.000Z'], // the same instant: by id
    ]);
    await db.prisma.userAchievement.update({ where: { userId_achievementId: { userId, achievementId: 'first_blood' } }, data: { eventId: 'game-1' } });
    const [unlocks, none, bogus] = await store().unlocksOf([userId, randomUUID(), 'not-a-uuid']);
    const prisma = await db.prisma.userAchievement.findMany({ where: { userId }, orderBy: [{ unlockedAt: 'desc' }, { achievementId: 'asc' }] });
    expect(unlocks).toEqual(prisma);
    expect(unlocks!.map((u) => [u.achievementId, u.eventId])).toEqual([['combat_master', null], ['week_warrior', null], ['first_blood', 'game-1']]);
    expect(unlocks![0]!.unlockedAt).toBeInstanceOf(Date);
    expect([none, bogus]).toEqual([[], []]);
  });
});

describe('achievements subgraph: players', () => {
  it("shows a player's unlocks newest first and sums their points", async () => {
    const userId = await playerWithUnlocks([
      ['first_blood', '2026-03-01T10:00:00.000Z'], // a Sunday
      ['week_warrior', '2026-03-07T09:30:00.000Z'],
      ['combat_master', '2026-03-04T18:00:00.000Z'],
    ]);
    const newcomer: string = randomUUID();
    const result = await client.execute<{ _entities: UserEntity[] }>(player(userId), ENTITIES, {
      reps: [userId, newcomer, 'not-a-uuid'].map((id) => ({ __typename: 'User', id })),
    });
    expect(result.errors).toBeUndefined();
    const [veteran, fresh, bogus] = result.data!._entities;
    expect(veteran!.achievementPoints).toBe(pointsOf('first_blood', 'week_warrior', 'combat_master'));
    expect(veteran!.achievements.map((a) => [a.id, a.unlockedAt, a.achievement.name])).toEqual([
      ['week_warrior', '2026-03-07T09:30:00.000Z', 'Week Warrior'],
      ['combat_master', '2026-03-04T18:00:00.000Z', 'Combat Master'],
      ['first_blood', '2026-03-01T10:00:00.000Z', 'First Blood'],
    ]);
    expect(fresh).toEqual({ id: newcomer, achievementPoints: 0, achievements: [] });
    expect(bogus).toEqual({ id: 'not-a-uuid', achievementPoints: 0, achievements: [] });
  });

  it('keeps a hidden achievement secret from everyone but the players who unlocked it', async () => {
    const finder = await playerWithUnlocks([['forgotten_shrine', '2026-03-02T12:00:00.000Z']]);
    const QUERY = `{ achievement(id: "forgotten_shrine") { name description hidden points } }`;
    const secret = { name: HIDDEN_NAME, description: HIDDEN_DESCRIPTION, hidden: true, points: 100 };
    const revealed = { name: 'Whispers of the Forgotten Shrine', description: 'Find the shrine that no map remembers and finish its quest.', hidden: true, points: 100 };

    expect((await client.execute(ANONYMOUS, QUERY)).data).toEqual({ achievement: secret });
    expect((await client.execute(player(), QUERY)).data).toEqual({ achievement: secret });
    expect((await client.execute(player(finder), QUERY)).data).toEqual({ achievement: revealed });

    // Looking at the finder's profile does not reveal it to someone else.
    const reps = [{ __typename: 'User', id: finder }];
    const seenByOther = await client.execute<{ _entities: UserEntity[] }>(player(), ENTITIES, { reps });
    expect(seenByOther.data!._entities[0]!.achievements[0]!.achievement).toEqual({ id: 'forgotten_shrine', name: secret.name, description: secret.description });
    const seenByFinder = await client.execute<{ _entities: UserEntity[] }>(player(finder), ENTITIES, { reps });
    expect(seenByFinder.data!._entities[0]!.achievements[0]!.achievement.name).toBe(revealed.name);
  });

  it('loads unlocks and points for 20 players with one query each (no N+1)', async () => {
    // What recordingSql notes (the first line of each statement on the raw SQL port): AchievementsStore.pointsOf,
    // ProgressStore.achievementsOf's unlocked and in-progress queries, the viewer's unlocks (masking), and the
    // catalog's first load (DefinitionsCache).
    const POINTS = '$sql:SELECT ua.user_id::text AS "userId", SUM(d.points)::int AS points';
    const VIEWER_UNLOCKS = '$sql:SELECT user_id::text AS "userId", achievement_id AS "achievementId", unlocked_at AS "unlockedAt", event_id AS "eventId"';
    const CATALOG = "$sql:WITH f AS (SELECT COALESCE(md5(string_agg(id || ':' || xmin::text, ',' ORDER BY id)), 'empty') AS fingerprint FROM achievement_definitions)";
    const UNLOCKED = '$sql:SELECT ua.user_id::text AS "userId", ua.achievement_id AS "achievementId", ua.unlocked_at AS "unlockedAt",';
    const IN_PROGRESS = '$sql:SELECT p.user_id::text AS "userId", p.achievement_id AS "achievementId", NULL::timestamptz AS "unlockedAt",';
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        playerWithUnlocks([
          ['first_blood', `2026-03-01T10:${String(i).padStart(2, '0')}:00.000Z`],
          ...(i % 2 ? ([['forgotten_shrine', '2026-03-02T10:00:00.000Z']] as [string, string][]) : []),
        ]),
      ),
    );
    const queries: string[] = [];
    // Counts what actually reaches the database, below the store and its loaders.
    const counted = recordingPrisma(db.prisma, queries);
    // No catalog recheck during the test: the second request must read nothing but points.
    const countedClient = subgraphClient(
      achievementsSubgraph.create({
        db: { ...db, prisma: counted, sql: recordingSql(db.sql, queries) },
        redis: newTestRedis(),
        logger: silentLogger,
        config: { ACHIEVEMENTS_CATALOG_RECHECK_MS: 60_000 },
      }),
    );
    await countedClient.server.start();
    try {
      const viewer = player(ids[1]); // unlocked the hidden one: masking must reuse the batched unlocks
      const result = await countedClient.execute<{ _entities: UserEntity[] }>(viewer, ENTITIES, {
        reps: ids.map((id) => ({ __typename: 'User', id })),
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!._entities.map((u) => u.achievementPoints)).toEqual(
        ids.map((_, i) => pointsOf('first_blood', ...(i % 2 ? ['forgotten_shrine'] : []))),
      );
      expect(result.data!._entities[1]!.achievements[0]!.achievement.name).toBe('Whispers of the Forgotten Shrine');
      // Points (one query) and achievements (unlocks and progress: two queries) for all 20, the viewer's unlocks
      // once, and the catalog once, all on the raw SQL port; nothing through Prisma.
      expect(queries.filter((q) => q.startsWith('$sql:')).sort()).toEqual([POINTS, UNLOCKED, IN_PROGRESS, VIEWER_UNLOCKS, CATALOG].sort());
      expect(queries.filter((q) => !q.startsWith('$sql:'))).toEqual([]);

      queries.length = 0;
      const again = await countedClient.execute<{ _entities: UserEntity[] }>(viewer, ENTITIES, {
        reps: ids.map((id) => ({ __typename: 'User', id })),
      });
      // Again: the players' achievements now come from the Redis cache and the catalog from memory.
      expect(again.data).toEqual(result.data);
      expect(queries.sort()).toEqual([POINTS, VIEWER_UNLOCKS].sort());
    } finally {
      await countedClient.server.stop();
    }
  });
});
