import type { Prisma, PrismaClient, Sql } from '../../../platform/db/index.js';
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

/** A record as a read ranked it: what Redis holds, plus its 1-based rank and cursor. */
export interface RankedRecordRow {
  periodId: string;
  userId: string;
  score: number;
  subscore: number;
  seq: bigint;
  rank: number;
  cursor: string;
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

const RECORD_COLUMNS = `user_id AS "userId", score, subscore, seq`;

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

  async findByIds(ids: readonly string[]): Promise<(LeaderboardRow | undefined)[]> {
    const rows = (await this.prisma.leaderboard.findMany({ where: { id: { in: [...ids] } } })) as LeaderboardRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id));
  }

  async list(first: number, after: string | null): Promise<LeaderboardRow[]> {
    return (await this.prisma.leaderboard.findMany({ where: after ? { id: { gt: after } } : {}, orderBy: { id: 'asc' }, take: first })) as LeaderboardRow[];
  }

  /** Boards that follow a score source (in the caller's transaction: the embedded database has one connection). */
  async following(sql: Sql, source: string): Promise<LeaderboardRow[]> {
    return sql.query<LeaderboardRow>(
      `SELECT id, title, sort_order::text AS "sortOrder", operator::text AS operator, reset_schedule AS "resetSchedule", follows, metadata, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM leaderboards WHERE $1 = ANY(follows) ORDER BY id`,
      [source],
    );
  }

  /** The definition as it is, in the caller's transaction. */
  async findIn(tx: Prisma.TransactionClient, id: string): Promise<LeaderboardRow | null> {
    return (await tx.leaderboard.findUnique({ where: { id } })) as LeaderboardRow | null;
  }

  /** Each board's current period (none archived), by board id. */
  async currentPeriods(boardIds: readonly string[]): Promise<(PeriodRow | undefined)[]> {
    const rows = await this.prisma.leaderboardPeriod.findMany({ where: { leaderboardId: { in: [...boardIds] }, archivedAt: null } });
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
      const created = (await tx.leaderboard.create({ data: { id: board.id, sortOrder: board.sortOrder, operator: board.operator, ...data } })) as LeaderboardRow;
      const period = await tx.leaderboardPeriod.create({ data: { leaderboardId: board.id, number: 1, startedAt: now, endsAt } });
      return { board: created, period, created: true };
    }
    const updated = (await tx.leaderboard.update({ where: { id: board.id }, data })) as LeaderboardRow;
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

  /** Records the submission id; false when the board already accepted it (locking: a concurrent twin waits, then sees it). */
  async acceptSubmission(sql: Sql, boardId: string, submissionId: string, userId: string): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO leaderboard_submissions (leaderboard_id, submission_id, user_id) VALUES ($1, $2, $3::uuid) ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
      [boardId, submissionId, userId],
    );
    return rows.length === 1;
  }

  /** The player's record FOR UPDATE (locking), or null. */
  async lockRecord(sql: Sql, periodId: string, userId: string): Promise<StoredRecord | null> {
    const [row] = await sql.query<StoredRecord>(`SELECT ${RECORD_COLUMNS} FROM leaderboard_records WHERE period_id = $1::uuid AND user_id = $2::uuid FOR UPDATE`, [periodId, userId]);
    return row ?? null;
  }

  /** A first record; null when a concurrent submission created it first (then lock and update it). */
  async insertRecord(sql: Sql, periodId: string, userId: string, score: number, subscore: number, metadata: string, now: Date): Promise<StoredRecord | null> {
    const [row] = await sql.query<StoredRecord>(
      `INSERT INTO leaderboard_records (period_id, user_id, score, subscore, metadata, created_at, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::float8, $4::float8, $5::jsonb, $6::timestamptz, $6::timestamptz)
       ON CONFLICT DO NOTHING RETURNING ${RECORD_COLUMNS}`,
      [periodId, userId, score, subscore, metadata, now.toISOString()],
    );
    return row ?? null;
  }

  /** Counts a submission on a locked record; a changed score takes the next sequence value (a statement Prisma cannot express: nextval in an UPDATE). */
  async updateRecord(sql: Sql, periodId: string, userId: string, next: { score: number; subscore: number; changed: boolean }, metadata: string, now: Date): Promise<StoredRecord> {
    const [row] = next.changed
      ? await sql.query<StoredRecord>(
          `UPDATE leaderboard_records SET score = $3::float8, subscore = $4::float8, metadata = $5::jsonb, seq = nextval('leaderboard_records_seq_seq'),
                  submissions = submissions + 1, updated_at = $6::timestamptz
            WHERE period_id = $1::uuid AND user_id = $2::uuid RETURNING ${RECORD_COLUMNS}`,
          [periodId, userId, next.score, next.subscore, metadata, now.toISOString()],
        )
      : await sql.query<StoredRecord>(
          `UPDATE leaderboard_records SET submissions = submissions + 1 WHERE period_id = $1::uuid AND user_id = $2::uuid RETURNING ${RECORD_COLUMNS}`,
          [periodId, userId],
        );
    return row!;
  }

  /** A period's records by player id, for a rebuild (keyset pages). */
  async recordsAfter(periodId: string, afterUserId: string | null, limit: number): Promise<StoredRecord[]> {
    return this.sql.query<StoredRecord>(
      `SELECT ${RECORD_COLUMNS} FROM leaderboard_records WHERE period_id = $1::uuid AND ($2::uuid IS NULL OR user_id > $2::uuid) ORDER BY user_id LIMIT $3::int`,
      [periodId, afterUserId, limit],
    );
  }

  /** The records of these players in a period (a scope's members). */
  async recordsOf(periodId: string, userIds: readonly string[]): Promise<StoredRecord[]> {
    if (!userIds.length) return [];
    return this.sql.query<StoredRecord>(`SELECT ${RECORD_COLUMNS} FROM leaderboard_records WHERE period_id = $1::uuid AND user_id = ANY($2::uuid[])`, [periodId, [...userIds]]);
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
