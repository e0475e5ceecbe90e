import { pgArray, type Prisma, type PrismaClient, type Sql } from '../../../platform/db/index.js';
import type { ScoreOperator, SortOrder } from '../domain/leaderboards.js';

/** A leaderboard's definition, as stored. */
export interface LeaderboardRow {
  id: string;
  title: string;
  sortOrder: SortOrder;
  operator: ScoreOperator;
  resetSchedule: string | null;
  follows: string[];
  metadata: Prisma.JsonValue;
  createdAt: Date;
  updatedAt: Date;
}

export interface PeriodRow {
  id: string;
  leaderboardId: string;
  number: number;
  startedAt: Date;
  endsAt: Date | null;
  archivedAt: Date | null;
}

/** A period with its leaderboard (reads need the sort order). */
export interface PeriodRef {
  board: LeaderboardRow;
  period: PeriodRow;
}

/** A record as a read ranked it: what Redis holds, plus its 1-based rank. */
export interface RankedRecordRow {
  periodId: string;
  userId: string;
  score: number;
  subscore: number;
  rank: number;
}

/** What `leaderboardUpdated` resolves: the board, its current period, how many top records. */
export interface LeaderboardUpdateRef {
  board: LeaderboardRow;
  period: PeriodRow;
  first: number;
  reset: boolean;
}

/** The stored parts of a record that Redis does not hold. */
export interface RecordDetails {
  metadata: Prisma.JsonValue;
  submissions: number;
  updatedAt: Date;
}

export interface StoredRecord {
  userId: string;
  score: number;
  subscore: number;
  seq: bigint;
}

/**
 * Metadata as the game sent it. It is stored as a jsonb string of that text: a jsonb object would
 * give it back with its keys reordered and its spacing dropped. Rows written before hold an object.
 */
export function metadataText(stored: Prisma.JsonValue | undefined): string {
  return typeof stored === 'string' ? stored : JSON.stringify(stored ?? {});
}

const RECORD_COLUMNS = `user_id AS "userId", score, subscore, seq`;
const BOARD_COLUMNS = `l.id, l.title, l.sort_order::text AS "sortOrder", l.operator::text AS operator, l.reset_schedule AS "resetSchedule", l.follows, l.metadata, l.created_at AS "createdAt", l.updated_at AS "updatedAt"`;
const PERIOD_COLUMNS = `p.id, p.leaderboard_id AS "leaderboardId", p.number, p.started_at AS "startedAt", p.ends_at AS "endsAt", p.archived_at AS "archivedAt"`;

/** A record as a group of submissions writes it (domain/leaderboards.ts `RecordWrite`). */
export interface RecordWriteRow {
  userId: string;
  score: number;
  subscore: number;
  seq: bigint;
  submissions: number;
  /** Null: keep the stored metadata (no submission changed the record). */
  metadata: string | null;
}

/** A ranking write owed to Redis (`leaderboard_ranking_writes`), with what the repair needs of its period. */
export interface OwedRankingWrite {
  id: bigint;
  periodId: string;
  userIds: string[];
  sortOrder: SortOrder;
  archived: boolean;
}

/**
 * Leaderboards in PostgreSQL: definitions, periods, every record and accepted submission, and the
 * guild membership learnt from the bus. Submissions run on the SQL port (a hot path: bench/RESULTS.md,
 * "Leaderboards"), inside the caller's transaction.
 */
export class LeaderboardsStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /** Definitions by id, each with its current period (one statement: every read starts here; hot path, bench/RESULTS.md "Leaderboards"). */
  async findWithCurrentPeriods(ids: readonly string[]): Promise<({ board: LeaderboardRow; period: PeriodRow | undefined } | undefined)[]> {
    const rows = await this.sql.query<LeaderboardRow & { period: (Omit<PeriodRow, 'startedAt' | 'endsAt' | 'archivedAt'> & { startedAt: string; endsAt: string | null; archivedAt: string | null }) | null }>(
      `SELECT ${BOARD_COLUMNS},
              (SELECT json_build_object('id', p.id, 'leaderboardId', p.leaderboard_id, 'number', p.number, 'startedAt', p.started_at, 'endsAt', p.ends_at, 'archivedAt', p.archived_at)
                 FROM leaderboard_periods p WHERE p.leaderboard_id = l.id AND p.archived_at IS NULL) AS period
         FROM leaderboards l WHERE l.id = ANY($1::text[])`,
      [pgArray(ids)],
    );
    const byId = new Map(rows.map(({ period, ...board }) => [board.id, { board, period: period ? periodOf(period) : undefined }]));
    return ids.map((id) => byId.get(id));
  }

  async findByIds(ids: readonly string[]): Promise<(LeaderboardRow | undefined)[]> {
    return (await this.findWithCurrentPeriods(ids)).map((found) => found?.board);
  }

  async list(first: number, after: string | null): Promise<LeaderboardRow[]> {
    return this.prisma.leaderboard.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: first });
  }

  /** Boards that follow a score source (in the caller's transaction: the embedded database has one connection). */
  async following(sql: Sql, source: string): Promise<LeaderboardRow[]> {
    return sql.query<LeaderboardRow>(`SELECT ${BOARD_COLUMNS} FROM leaderboards l WHERE $1 = ANY(l.follows) ORDER BY l.id`, [source]);
  }

  /** The definition as it is, in the caller's transaction. */
  async findIn(tx: Prisma.TransactionClient, id: string): Promise<LeaderboardRow | null> {
    return tx.leaderboard.findUnique({ where: { id } });
  }

  /** Each board's current period (none archived), by board id (the SQL port: read for every live update). */
  async currentPeriods(boardIds: readonly string[]): Promise<(PeriodRow | undefined)[]> {
    const rows = await this.sql.query<PeriodRow>(`SELECT ${PERIOD_COLUMNS} FROM leaderboard_periods p WHERE p.leaderboard_id = ANY($1::text[]) AND p.archived_at IS NULL`, [pgArray(boardIds)]);
    const byBoard = new Map(rows.map((r) => [r.leaderboardId, r]));
    return boardIds.map((id) => byBoard.get(id));
  }

  /** Periods by board and number (`<boardId> <number>` keys). */
  async periodsByNumber(keys: readonly { boardId: string; number: number }[]): Promise<(PeriodRow | undefined)[]> {
    const rows = await this.prisma.leaderboardPeriod.findMany({ where: { OR: keys.map((k) => ({ leaderboardId: k.boardId, number: k.number })) } });
    const byKey = new Map(rows.map((r) => [`${r.leaderboardId} ${r.number}`, r]));
    return keys.map((k) => byKey.get(`${k.boardId} ${k.number}`));
  }

  /** Creates or updates a definition; a new board gets its first period. Returns the board and whether it existed. */
  async define(
    tx: Prisma.TransactionClient,
    board: Omit<LeaderboardRow, 'createdAt' | 'updatedAt'>,
    now: Date,
    endsAt: Date | null,
  ): Promise<{ board: LeaderboardRow; period: PeriodRow; created: boolean }> {
    const existing = await tx.leaderboard.findUnique({ where: { id: board.id } });
    const data = { title: board.title, resetSchedule: board.resetSchedule, follows: board.follows, metadata: board.metadata as Prisma.InputJsonValue };
    if (!existing) {
      const created = await tx.leaderboard.create({ data: { id: board.id, sortOrder: board.sortOrder, operator: board.operator, ...data } });
      const period = await tx.leaderboardPeriod.create({ data: { leaderboardId: board.id, number: 1, startedAt: now, endsAt } });
      return { board: created, period, created: true };
    }
    const updated = await tx.leaderboard.update({ where: { id: board.id }, data });
    const period = (await tx.leaderboardPeriod.findFirst({ where: { leaderboardId: board.id, archivedAt: null } }))!;
    const changed = existing.resetSchedule !== board.resetSchedule;
    return { board: updated, period: changed ? await tx.leaderboardPeriod.update({ where: { id: period.id }, data: { endsAt } }) : period, created: false };
  }

  /** Locks the board's current period row: resets take it FOR UPDATE, submissions FOR SHARE, so a submission lands wholly before or after a reset. */
  async lockCurrentPeriod(sql: Sql, boardId: string, mode: 'SHARE' | 'UPDATE'): Promise<PeriodRow | null> {
    const [row] = await sql.query<PeriodRow>(
      `SELECT id, leaderboard_id AS "leaderboardId", number, started_at AS "startedAt", ends_at AS "endsAt", archived_at AS "archivedAt"
         FROM leaderboard_periods WHERE leaderboard_id = $1 AND archived_at IS NULL FOR ${mode === 'SHARE' ? 'SHARE' : 'UPDATE'}`,
      [boardId],
    );
    return row ?? null;
  }

  /** Archives the period and starts the next (raw: in the reset's SQL transaction, after its lock). */
  async startNextPeriod(sql: Sql, period: PeriodRow, now: Date, endsAt: Date | null): Promise<PeriodRow> {
    await sql.query(`UPDATE leaderboard_periods SET archived_at = $2::timestamptz WHERE id = $1::uuid`, [period.id, now.toISOString()]);
    const [next] = await sql.query<PeriodRow>(
      `INSERT INTO leaderboard_periods (id, leaderboard_id, number, started_at, ends_at) VALUES (gen_random_uuid(), $1, $2, $3::timestamptz, $4::timestamptz)
       RETURNING id, leaderboard_id AS "leaderboardId", number, started_at AS "startedAt", ends_at AS "endsAt", archived_at AS "archivedAt"`,
      [period.leaderboardId, period.number + 1, now.toISOString(), endsAt?.toISOString() ?? null],
    );
    return next!;
  }

  /** The board's current period FOR SHARE (a reset takes it FOR UPDATE: a group lands wholly before or after it), with the board. */
  async lockCurrentPeriodWithBoard(sql: Sql, boardId: string): Promise<{ board: LeaderboardRow; period: PeriodRow } | null> {
    const [row] = await sql.query<LeaderboardRow & { periodId: string; number: number; startedAt: Date; endsAt: Date | null }>(
      `SELECT ${BOARD_COLUMNS}, p.id AS "periodId", p.number, p.started_at AS "startedAt", p.ends_at AS "endsAt"
         FROM leaderboard_periods p JOIN leaderboards l ON l.id = p.leaderboard_id
        WHERE p.leaderboard_id = $1 AND p.archived_at IS NULL FOR SHARE OF p`,
      [boardId],
    );
    if (!row) return null;
    const { periodId, number, startedAt, endsAt, ...board } = row;
    return { board, period: { id: periodId, leaderboardId: board.id, number, startedAt, endsAt, archivedAt: null } };
  }

  /**
   * Records submission ids (distinct); returns those the board had not accepted before (set-based
   * write, sorted: concurrent groups wait on each other's ids in one order; a concurrent twin waits,
   * then sees it).
   */
  async acceptSubmissions(sql: Sql, boardId: string, submissions: readonly { submissionId: string; userId: string }[]): Promise<Set<string>> {
    if (!submissions.length) return new Set();
    const rows = await sql.query<{ submissionId: string }>(
      `INSERT INTO leaderboard_submissions (leaderboard_id, submission_id, user_id)
       SELECT $1, s, u FROM unnest($2::text[], $3::uuid[]) AS t(s, u) ORDER BY s
       ON CONFLICT DO NOTHING RETURNING submission_id AS "submissionId"`,
      [boardId, pgArray(submissions.map((s) => s.submissionId)), pgArray(submissions.map((s) => s.userId))],
    );
    return new Set(rows.map((r) => r.submissionId));
  }

  /**
   * The player each of these accepted submission ids was taken for (read after acceptSubmissions in
   * the same transaction: it sees a concurrent twin's id once that twin committed).
   */
  async submissionPlayers(sql: Sql, boardId: string, submissionIds: readonly string[]): Promise<Map<string, string>> {
    if (!submissionIds.length) return new Map();
    const rows = await sql.query<{ submissionId: string; userId: string }>(
      `SELECT submission_id AS "submissionId", user_id AS "userId" FROM leaderboard_submissions WHERE leaderboard_id = $1 AND submission_id = ANY($2::text[])`,
      [boardId, pgArray(submissionIds)],
    );
    return new Map(rows.map((r) => [r.submissionId, r.userId]));
  }

  /** Forgets accepted submission ids whose submission was refused (nothing of it is stored). */
  async forgetSubmissions(sql: Sql, boardId: string, submissionIds: readonly string[]): Promise<void> {
    if (submissionIds.length) await sql.query(`DELETE FROM leaderboard_submissions WHERE leaderboard_id = $1 AND submission_id = ANY($2::text[])`, [boardId, pgArray(submissionIds)]);
  }

  /**
   * The players' records in the board's current period FOR UPDATE, in player order (locking in one
   * order: groups cannot deadlock). Runs after lockCurrentPeriodWithBoard in the same transaction
   * (pipelined behind it), so the period it finds is the one locked.
   */
  async lockCurrentRecords(sql: Sql, boardId: string, userIds: readonly string[]): Promise<Map<string, StoredRecord>> {
    if (!userIds.length) return new Map();
    const rows = await sql.query<StoredRecord>(
      `SELECT ${RECORD_COLUMNS} FROM leaderboard_records
        WHERE period_id = (SELECT id FROM leaderboard_periods WHERE leaderboard_id = $1 AND archived_at IS NULL) AND user_id = ANY($2::uuid[])
        ORDER BY user_id FOR UPDATE`,
      [boardId, pgArray(userIds)],
    );
    return new Map(rows.map((r) => [r.userId, r]));
  }

  /** `n` values of the records' sequence, ascending (a group's versions; unused ones are gaps). */
  async takeSeqs(sql: Sql, n: number): Promise<bigint[]> {
    if (n <= 0) return [];
    const rows = await sql.query<{ seq: bigint }>(`SELECT nextval('leaderboard_records_seq_seq') AS seq FROM generate_series(1, $1::int)`, [n]);
    return rows.map((r) => r.seq).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** First records (set-based write, in player order); returns the players inserted: a missing one was created meanwhile by a concurrent transaction. */
  async insertRecords(sql: Sql, periodId: string, rows: readonly RecordWriteRow[], now: Date): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const inserted = await sql.query<{ userId: string }>(
      `INSERT INTO leaderboard_records (period_id, user_id, score, subscore, seq, metadata, submissions, created_at, updated_at)
       SELECT $1::uuid, u, s, ss, q, to_jsonb(m), n, $7::timestamptz, $7::timestamptz
         FROM unnest($2::uuid[], $3::float8[], $4::float8[], $5::int8[], $6::text[], $8::int[]) AS t(u, s, ss, q, m, n) ORDER BY u
       ON CONFLICT DO NOTHING RETURNING user_id AS "userId"`,
      [
        periodId,
        pgArray(rows.map((r) => r.userId)),
        pgArray(rows.map((r) => r.score)),
        pgArray(rows.map((r) => r.subscore)),
        pgArray(rows.map((r) => r.seq.toString())),
        pgArray(rows.map((r) => r.metadata ?? '{}')),
        now.toISOString(),
        pgArray(rows.map((r) => r.submissions)),
      ],
    );
    return new Set(inserted.map((r) => r.userId));
  }

  /** Locked records after a group (set-based write): a changed one takes its new values, version, metadata and time; each counts its submissions. */
  async updateRecords(sql: Sql, periodId: string, rows: readonly RecordWriteRow[], now: Date): Promise<void> {
    if (!rows.length) return;
    await sql.query(
      `UPDATE leaderboard_records r
          SET score = t.s, subscore = t.ss, seq = t.q, metadata = COALESCE(to_jsonb(t.m), r.metadata), submissions = r.submissions + t.n,
              updated_at = CASE WHEN t.q = r.seq THEN r.updated_at ELSE $7::timestamptz END
         FROM unnest($2::uuid[], $3::float8[], $4::float8[], $5::int8[], $6::text[], $8::int[]) AS t(u, s, ss, q, m, n)
        WHERE r.period_id = $1::uuid AND r.user_id = t.u`,
      [
        periodId,
        pgArray(rows.map((r) => r.userId)),
        pgArray(rows.map((r) => r.score)),
        pgArray(rows.map((r) => r.subscore)),
        pgArray(rows.map((r) => r.seq.toString())),
        pgArray(rows.map((r) => r.metadata)),
        now.toISOString(),
        pgArray(rows.map((r) => r.submissions)),
      ],
    );
  }

  /** Notes, in the transaction that changed them, that these records owe a Redis write (docs/decisions.md "Leaderboards: ranking writes owed to Redis"). */
  async oweRankingWrite(sql: Sql, periodId: string, userIds: readonly string[]): Promise<bigint> {
    const [row] = await sql.query<{ id: bigint }>(`INSERT INTO leaderboard_ranking_writes (period_id, user_ids) VALUES ($1::uuid, $2::uuid[]) RETURNING id`, [periodId, pgArray(userIds)]);
    return row!.id;
  }

  /** The ranking holds them: forget these owed writes (one statement for many). */
  async settleRankingWrites(ids: readonly bigint[]): Promise<void> {
    if (ids.length) await this.sql.query(`DELETE FROM leaderboard_ranking_writes WHERE id = ANY($1::int8[])`, [pgArray(ids.map(String))]);
  }

  /** Owed writes older than `olderThanMs`, oldest first, locked for this repair (SKIP LOCKED: replicas share them) and deleted with its commit. */
  async claimOwedRankingWrites(sql: Sql, olderThanMs: number, limit: number): Promise<OwedRankingWrite[]> {
    return sql.query<OwedRankingWrite>(
      `DELETE FROM leaderboard_ranking_writes w USING leaderboard_periods p, leaderboards l
        WHERE w.id IN (SELECT id FROM leaderboard_ranking_writes WHERE created_at < now() - make_interval(secs => $1::float8 / 1000) ORDER BY id LIMIT $2::int FOR UPDATE SKIP LOCKED)
          AND p.id = w.period_id AND l.id = p.leaderboard_id
        RETURNING w.id, w.period_id AS "periodId", w.user_ids::text[] AS "userIds", l.sort_order::text AS "sortOrder", p.archived_at IS NOT NULL AS archived`,
      [olderThanMs, limit],
    );
  }

  /** A period's records by player id, for a rebuild (keyset pages). */
  async recordsAfter(periodId: string, afterUserId: string | null, limit: number): Promise<StoredRecord[]> {
    return this.sql.query<StoredRecord>(
      `SELECT ${RECORD_COLUMNS} FROM leaderboard_records WHERE period_id = $1::uuid AND ($2::uuid IS NULL OR user_id > $2::uuid) ORDER BY user_id LIMIT $3::int`,
      [periodId, afterUserId, limit],
    );
  }

  /** The records of these players in a period (a scope's members). */
  async recordsOf(periodId: string, userIds: readonly string[], sql: Sql = this.sql): Promise<StoredRecord[]> {
    if (!userIds.length) return [];
    return sql.query<StoredRecord>(`SELECT ${RECORD_COLUMNS} FROM leaderboard_records WHERE period_id = $1::uuid AND user_id = ANY($2::uuid[])`, [periodId, [...userIds]]);
  }

  /** Metadata, submissions and time of records, by `<periodId> <userId>` (one statement for a page). */
  async details(keys: readonly string[]): Promise<(RecordDetails | undefined)[]> {
    const pairs = keys.map((k) => k.split(' ') as [string, string]);
    const rows = await this.sql.query<RecordDetails & { periodId: string; userId: string }>(
      `SELECT r.period_id AS "periodId", r.user_id AS "userId", r.metadata, r.submissions, r.updated_at AS "updatedAt"
         FROM unnest($1::uuid[], $2::uuid[]) AS k(period_id, user_id)
         JOIN leaderboard_records r ON r.period_id = k.period_id AND r.user_id = k.user_id`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    const byKey = new Map(rows.map((r) => [`${r.periodId} ${r.userId}`, r]));
    return keys.map((k) => byKey.get(k));
  }

  async recordCount(periodId: string): Promise<number> {
    return this.prisma.leaderboardRecord.count({ where: { periodId } });
  }

  /** The guild a player is in (learnt from the bus), or null. */
  async guildOf(userId: string): Promise<string | null> {
    return (await this.prisma.leaderboardGuildMember.findUnique({ where: { userId } }))?.guildId ?? null;
  }

  /** Up to `limit` members of a guild. */
  async guildMembers(guildId: string, limit: number): Promise<string[]> {
    return (await this.prisma.leaderboardGuildMember.findMany({ where: { guildId }, select: { userId: true }, take: limit, orderBy: { userId: 'asc' } })).map((m) => m.userId);
  }

  async joinGuild(tx: Prisma.TransactionClient, userId: string, guildId: string, at: Date): Promise<void> {
    await tx.leaderboardGuildMember.upsert({ where: { userId }, create: { userId, guildId, joinedAt: at }, update: { guildId, joinedAt: at } });
  }

  async leaveGuild(tx: Prisma.TransactionClient, userId: string, guildId: string): Promise<void> {
    await tx.leaderboardGuildMember.deleteMany({ where: { userId, guildId } });
  }

  async disbandGuild(tx: Prisma.TransactionClient, guildId: string): Promise<void> {
    await tx.leaderboardGuildMember.deleteMany({ where: { guildId } });
  }
}

/** A period read back from json_build_object (its times as text). */
function periodOf(p: { id: string; leaderboardId: string; number: number; startedAt: string; endsAt: string | null; archivedAt: string | null }): PeriodRow {
  return { id: p.id, leaderboardId: p.leaderboardId, number: p.number, startedAt: new Date(p.startedAt), endsAt: p.endsAt ? new Date(p.endsAt) : null, archivedAt: p.archivedAt ? new Date(p.archivedAt) : null };
}
