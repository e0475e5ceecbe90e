import type { Logger } from 'pino';
import type { RedisPort } from '../../../platform/redis/index.js';
import { rankingMember, rankingMemberUserId, readRankingMember, type SortOrder } from '../domain/leaderboards.js';
import type { LeaderboardsStore, StoredRecord } from './leaderboards.store.js';

/** A period's ranking: what rank reads need. */
export interface RankingRef {
  periodId: string;
  sort: SortOrder;
  /** An archived period's ranking expires when nobody reads it (rebuilt from PostgreSQL when read again). */
  archived?: boolean;
}

/** A record as a rank read shows it. */
export interface RankedEntry {
  userId: string;
  score: number;
  subscore: number;
  /** 0-based. */
  rank: number;
}

export interface AppliedRecord {
  /** False when the ranking already held this version (or a newer one): nothing changed. */
  applied: boolean;
  /** 0-based rank after the record was applied (null only when Redis held a newer version and not this player: never in practice). */
  rank: number | null;
  previousRank: number | null;
  /** Players now just behind who were ahead before, nearest first. */
  passed: string[];
  /** False when the ranking was being rebuilt: ranks and passes are not trustworthy yet. */
  complete: boolean;
}

/** Set in a period's index once every stored record is in its sorted set. */
const BUILT = '~built';
const REBUILD_PAGE = 5_000;

/**
 * Each period's ranking in Redis: a sorted set of ranking members (score = the record's score;
 * domain/leaderboards.ts `rankingMember` breaks ties) and an index of each player's member and
 * version (the record's `seq`), kept together by the port's zsetById. PostgreSQL holds every
 * record; when Redis lost a period (the index has no `~built` mark) the first read or write that
 * notices rebuilds it from PostgreSQL, with versions, so submissions applied meanwhile are neither
 * lost nor counted twice. An archived period's keys expire `archiveTtlSeconds` after its reset or
 * its last read (each read renews it), the index a minute before the set: a read never finds the
 * `~built` mark without the set, and a read after the expiry rebuilds the period.
 */
export class LeaderboardRanking {
  private readonly rebuilding = new Map<string, Promise<void>>();

  constructor(
    private readonly redis: RedisPort,
    private readonly store: LeaderboardsStore,
    private readonly logger: Logger,
    private readonly options: { archiveTtlSeconds: number } = { archiveTtlSeconds: 86_400 },
  ) {}

  private keys(periodId: string) {
    // One hash tag per period: its two keys stay on one cluster slot for the script.
    return { set: `lb:{${periodId}}:z`, index: `lb:{${periodId}}:ix` };
  }

  /** Puts records in the ranking (each only if newer than what it holds). */
  async apply(ref: RankingRef, records: readonly StoredRecord[], passedLimit = 0): Promise<AppliedRecord[]> {
    const { set, index } = this.keys(ref.periodId);
    const entries = records.map((r) => ({ id: r.userId, version: Number(r.seq), member: rankingMember(ref.sort, r.subscore, r.seq, r.userId), score: r.score }));
    const [built, outcomes] = await Promise.all([this.redis.hmget(index, [BUILT]), this.redis.zsetById(set, index, entries, { reverse: ref.sort === 'DESC', passedLimit })]);
    const complete = built[0] !== null;
    if (!complete) void this.ensureBuilt(ref).catch((error: unknown) => this.logger.warn({ err: error, periodId: ref.periodId }, 'leaderboard rebuild failed'));
    return outcomes.map((o) => ({
      applied: o.applied,
      rank: o.rank,
      previousRank: o.previousRank,
      passed: complete ? o.passed.map(rankingMemberUserId) : [],
      complete,
    }));
  }

  /** Records from 0-based rank `offset`, `count` of them. */
  async range(ref: RankingRef, offset: number, count: number): Promise<RankedEntry[]> {
    if (count <= 0) return [];
    return this.whenBuilt(ref, async () => {
      const members = await this.redis.zrange(this.keys(ref.periodId).set, offset, offset + count - 1, ref.sort === 'DESC');
      return members.map((m, i) => ({ ...readRankingMember(m.member), score: m.score, rank: offset + i }));
    });
  }

  /** The player's 0-based rank, or null without a record (one script on Redis). */
  async rankOf(ref: RankingRef, userId: string): Promise<RankedEntry | null> {
    return this.whenBuilt(ref, async () => {
      const { set, index } = this.keys(ref.periodId);
      const found = await this.redis.zrankById(set, index, userId, ref.sort === 'DESC');
      return found ? { ...readRankingMember(found.member), score: found.score, rank: found.rank } : null;
    });
  }

  /** The player's record and up to `n` either side of it, best first (one script on Redis); empty without a record. */
  async around(ref: RankingRef, userId: string, n: number): Promise<RankedEntry[]> {
    return this.whenBuilt(ref, async () => {
      const { set, index } = this.keys(ref.periodId);
      const found = await this.redis.zrangeAroundById(set, index, userId, n, ref.sort === 'DESC');
      return found ? found.members.map((m, i) => ({ ...readRankingMember(m.member), score: m.score, rank: found.start + i })) : [];
    });
  }

  async count(ref: RankingRef): Promise<number> {
    return this.whenBuilt(ref, () => this.redis.zcard(this.keys(ref.periodId).set));
  }

  /** Runs a read once the period is built (one HMGET alongside the read; a rebuild first when it is not). */
  private async whenBuilt<T>(ref: RankingRef, read: () => Promise<T>): Promise<T> {
    // An archived period's expiry is renewed in the same round trip (auto-pipelined) as the read.
    const [[built], result] = await Promise.all([this.redis.hmget(this.keys(ref.periodId).index, [BUILT]), read(), ref.archived ? this.expireArchived(ref.periodId) : undefined]);
    if (built !== null) return result;
    await this.ensureBuilt(ref);
    return read();
  }

  /** Lets an archived period's ranking expire `archiveTtlSeconds` from now: the index a minute before its set. */
  async expireArchived(periodId: string): Promise<void> {
    const { set, index } = this.keys(periodId);
    const ttl = this.options.archiveTtlSeconds;
    await this.redis.expire([
      { key: index, ttlSeconds: ttl },
      { key: set, ttlSeconds: ttl + 60 },
    ]);
  }

  /** Rebuilds the period from PostgreSQL unless it is built; one rebuild per period at a time in this process. */
  ensureBuilt(ref: RankingRef): Promise<void> {
    let running = this.rebuilding.get(ref.periodId);
    if (!running) {
      running = this.rebuild(ref).finally(() => this.rebuilding.delete(ref.periodId));
      this.rebuilding.set(ref.periodId, running);
    }
    return running;
  }

  /** Writes every stored record of the period (newer versions already there stay), then marks it built. */
  async rebuild(ref: RankingRef): Promise<void> {
    const { set, index } = this.keys(ref.periodId);
    const [built] = await this.redis.hmget(index, [BUILT]);
    if (built !== null) return;
    const started = Date.now();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const page = await this.store.recordsAfter(ref.periodId, after, REBUILD_PAGE);
      if (!page.length) break;
      await this.redis.zsetById(set, index, page.map((r) => ({ id: r.userId, version: Number(r.seq), member: rankingMember(ref.sort, r.subscore, r.seq, r.userId), score: r.score })));
      total += page.length;
      after = page.at(-1)!.userId;
      if (page.length < REBUILD_PAGE) break;
    }
    await this.redis.hset(index, { [BUILT]: new Date().toISOString() });
    if (ref.archived) await this.expireArchived(ref.periodId);
    this.logger.info({ periodId: ref.periodId, records: total, ms: Date.now() - started }, 'leaderboard period rebuilt from PostgreSQL');
  }

  /** Forgets a period's ranking (tests and benches; archived periods expire: expireArchived). */
  async drop(periodId: string): Promise<void> {
    const { set, index } = this.keys(periodId);
    await this.redis.del([set, index]);
  }

  /** Marks a new, empty period built (nothing to rebuild). */
  async markEmpty(periodId: string): Promise<void> {
    await this.redis.hset(this.keys(periodId).index, { [BUILT]: new Date().toISOString() });
  }
}
