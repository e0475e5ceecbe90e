import DataLoader from 'dataloader';
import type { PrismaClient, Sql } from '../../../platform/db/index.js';
import type { PlayerItemDelta } from '../domain/interactions.js';
import type { ItemModel, Neighbor } from '../domain/recommender.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the store reads of one player for personalization. */
export interface PlayerFactsRow {
  sessions: number;
  /** When their last finished session ended (ms); null if none has. */
  lastSessionEndedAt: number | null;
  items: Map<string, { strength: number; completions: number }>;
}

/** A trained model as stored: its id and when it was trained, beside the domain's model. */
export interface StoredModel {
  id: number;
  trainedAt: Date;
  model: ItemModel;
}

/** How long a session's last event must lie behind before a session with no SESSION_COMPLETED counts as over. */
export const SESSION_IDLE_MS = 30 * 60_000;

/** Trained models kept (the newest serve; older ones stay for a replica still loading them). */
const MODELS_KEPT = 3;

/** Personalization's tables: players' interactions, trained models and the training schedule. */
export class PersonalizationStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /**
   * Adds a batch's interactions, inside the processors' transaction (each event is new there, so
   * nothing is added twice). Set-based write: every (player, item) of the batch in one `unnest`
   * upsert, sorted by key so two processors lock rows in the same order.
   */
  async addInteractions(sql: Sql, deltas: readonly PlayerItemDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const rows = [...deltas].sort((a, b) => (a.userId === b.userId ? (a.itemKey < b.itemKey ? -1 : 1) : a.userId < b.userId ? -1 : 1));
    await sql.query(
      `INSERT INTO analytics_player_items AS i (user_id, item_key, strength, completions, last_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::int[], $5::timestamptz[])
       ON CONFLICT (user_id, item_key) DO UPDATE SET
         strength = i.strength + EXCLUDED.strength,
         completions = i.completions + EXCLUDED.completions,
         last_at = GREATEST(i.last_at, EXCLUDED.last_at)`,
      [rows.map((r) => r.userId), rows.map((r) => r.itemKey), rows.map((r) => r.strength), rows.map((r) => r.completions), rows.map((r) => iso(r.lastAt))],
    );
  }

  /**
   * Players' sessions and catalog interactions, in two reads whatever the number of players. The
   * sessions read is raw: an aggregate with `FILTER` Prisma cannot express in one statement. A
   * session is over when completed or quiet for SESSION_IDLE_MS.
   */
  async playerFacts(userIds: readonly string[], itemKeys: readonly string[], now: number): Promise<Map<string, PlayerFactsRow>> {
    const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
    const [sessions, items] = await Promise.all([
      this.sql.query<{ userId: string; sessions: number; lastEndedAt: Date | null }>(
        `SELECT user_id::text AS "userId", count(*)::int AS sessions,
                max(coalesce(completed_at, last_event_at)) FILTER (WHERE completed_at IS NOT NULL OR last_event_at < $2::timestamptz) AS "lastEndedAt"
         FROM analytics_sessions WHERE user_id = ANY($1::uuid[]) GROUP BY user_id`,
        [ids, iso(now - SESSION_IDLE_MS)],
      ),
      this.prisma.analyticsPlayerItem.findMany({
        where: { userId: { in: ids }, itemKey: { in: [...itemKeys] } },
        select: { userId: true, itemKey: true, strength: true, completions: true },
      }),
    ]);
    const facts = new Map<string, PlayerFactsRow>(ids.map((id) => [id, { sessions: 0, lastSessionEndedAt: null, items: new Map() }]));
    for (const s of sessions) {
      const f = facts.get(s.userId)!;
      f.sessions = s.sessions;
      f.lastSessionEndedAt = s.lastEndedAt ? new Date(s.lastEndedAt).getTime() : null;
    }
    for (const i of items) facts.get(i.userId)?.items.set(i.itemKey, { strength: i.strength, completions: i.completions });
    return facts;
  }

  /**
   * Every player's strengths on the given items, one player at a time in user-id order, read in
   * keyset pages of `pageSize` rows (a player cut by a page boundary is completed by the next).
   */
  async forEachPlayer(itemKeys: readonly string[], pageSize: number, visit: (strengths: Map<string, number>) => void): Promise<void> {
    let after: { userId: string; itemKey: string } | null = null;
    let current = null as { userId: string; strengths: Map<string, number> } | null;
    for (;;) {
      const page: { userId: string; itemKey: string; strength: number }[] = await this.prisma.analyticsPlayerItem.findMany({
        where: {
          itemKey: { in: [...itemKeys] },
          ...(after ? { OR: [{ userId: { gt: after.userId } }, { userId: after.userId, itemKey: { gt: after.itemKey } }] } : {}),
        },
        orderBy: [{ userId: 'asc' }, { itemKey: 'asc' }],
        select: { userId: true, itemKey: true, strength: true },
        take: pageSize,
      });
      for (const row of page) {
        if (current?.userId !== row.userId) {
          if (current) visit(current.strengths);
          current = { userId: row.userId, strengths: new Map() };
        }
        current.strengths.set(row.itemKey, row.strength);
      }
      if (page.length < pageSize) break;
      after = page.at(-1)!;
    }
    if (current) visit(current.strengths);
  }

  /** Stores a trained model with its similarities, and drops all but the newest MODELS_KEPT. */
  async saveModel(model: ItemModel): Promise<StoredModel> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.analyticsRecommenderModel.create({
        data: { players: model.players, interactions: model.interactions, popularity: Object.fromEntries(model.popularity) },
      });
      await tx.analyticsItemSimilarity.createMany({
        data: [...model.neighbors].flatMap(([itemKey, list]) =>
          list.map((n) => ({ modelId: row.id, itemKey, similarItemKey: n.itemKey, similarity: n.similarity })),
        ),
      });
      const kept = await tx.analyticsRecommenderModel.findMany({ orderBy: { id: 'desc' }, take: MODELS_KEPT, select: { id: true } });
      await tx.analyticsRecommenderModel.deleteMany({ where: { id: { lt: kept.at(-1)!.id } } });
      return { id: row.id, trainedAt: row.trainedAt, model };
    }, { timeout: 60_000, maxWait: 10_000 });
  }

  /** The newest model's id, or null before the first training. */
  async latestModelId(): Promise<number | null> {
    const row = await this.prisma.analyticsRecommenderModel.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return row?.id ?? null;
  }

  /** The newest model, or null before the first training. */
  async latestModel(): Promise<StoredModel | null> {
    const row = await this.prisma.analyticsRecommenderModel.findFirst({ orderBy: { id: 'desc' }, include: { similarities: true } });
    if (!row) return null;
    const neighbors = new Map<string, Neighbor[]>();
    for (const s of row.similarities) {
      let list = neighbors.get(s.itemKey);
      if (!list) neighbors.set(s.itemKey, (list = []));
      list.push({ itemKey: s.similarItemKey, similarity: s.similarity });
    }
    for (const list of neighbors.values()) list.sort((a, b) => b.similarity - a.similarity || (a.itemKey < b.itemKey ? -1 : 1));
    const popularity = new Map(Object.entries(row.popularity as Record<string, number>));
    return { id: row.id, trainedAt: row.trainedAt, model: { neighbors, popularity, players: row.players, interactions: row.interactions } };
  }

  /**
   * Claims the next training run when it is due, moving the schedule `intervalMs` ahead in the
   * same statement: true for exactly one replica per interval. A replica whose interval is shorter
   * than the one the last claim was made with takes the run at once (the shortest configured
   * interval wins). Intervals are compared, not due times: each statement's now() is its
   * transaction's start, so a claim that waited on another's row lock could otherwise read the
   * other's due time as later than its own and win as well.
   * Raw: an upsert whose update is conditional (`ON CONFLICT … WHERE`), locking a row that may not
   * exist yet, to share work between replicas.
   */
  async claimTraining(intervalMs: number): Promise<boolean> {
    const interval = Math.round(intervalMs);
    const claimed = await this.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO analytics_recommender_schedule AS s (id, next_run_at, interval_ms)
      VALUES (1, now() + ${interval}::int * interval '1 millisecond', ${interval}::int)
      ON CONFLICT (id) DO UPDATE SET next_run_at = EXCLUDED.next_run_at, interval_ms = EXCLUDED.interval_ms
      WHERE s.next_run_at <= now() OR s.interval_ms IS NULL OR EXCLUDED.interval_ms < s.interval_ms
      RETURNING id`;
    return claimed.length > 0;
  }
}

/** Fresh per request: players' facts for every `personalizedExperience` of the request in one batch. */
export function createPlayerFactsLoader(store: PersonalizationStore, itemKeys: readonly string[], now: () => number): DataLoader<string, PlayerFactsRow> {
  return new DataLoader(async (ids) => {
    const facts = await store.playerFacts(ids, itemKeys, now());
    return ids.map((id) => facts.get(id.toLowerCase())!);
  });
}
