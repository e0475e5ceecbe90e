import { randomUUID } from 'node:crypto';
import { pgArray, type PrismaClient, type Sql, type Tx } from '../../../platform/db/index.js';
import type { PageRequest } from '../../../platform/pagination.js';

/** The parent of `Wallet` fields: whose wallet. */
export interface WalletRef {
  userId: string;
}

/** A ledger entry as resolvers receive it. */
export interface LedgerEntryRow {
  seq: bigint;
  operationId: string;
  userId: string;
  asset: string;
  amount: bigint;
  balanceAfter: bigint;
  reason: string;
  reference: string | null;
  createdAt: Date;
}

export interface AppliedOperation {
  operationId: string;
  /** True when the idempotency key was used before: nothing changed, these are the first result's entries. */
  replayed: boolean;
  entries: LedgerEntryRow[];
}

interface ApplyRow {
  out_operation_id: string;
  out_replayed: boolean;
  out_asset: string;
  out_amount: bigint;
  out_balance_after: bigint;
  out_seq: bigint;
  out_reason: string;
  out_reference: string | null;
  out_created_at: Date;
}

export interface WalletOperation {
  userId: string;
  idempotencyKey: string;
  reason: string;
  reference: string | null;
  changes: { asset: string; amount: number }[];
}

/** What wallet_apply_batch says of one operation it refused (a RAISE in wallet_apply). */
export interface RefusedOperation {
  error: string;
  detail: string | null;
}

export class WalletStore {
  /** `sql`: the raw SQL port outside a transaction (`Database.sql`), for the hot read below. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly sql: Sql,
  ) {}

  /** Runs wallet_apply(): one statement, atomic on its own or inside the caller's transaction. */
  async apply(db: PrismaClient | Tx, op: WalletOperation): Promise<AppliedOperation> {
    const rows = await db.$queryRaw<ApplyRow[]>`
      SELECT * FROM wallet_apply(${randomUUID()}::uuid, ${op.userId}::uuid, ${op.idempotencyKey}, ${op.reason}, ${op.reference},
        ${op.changes.map((c) => c.asset)}::text[], ${op.changes.map((c) => String(c.amount))}::text[]::bigint[])`;
    return appliedOf(op.userId, rows);
  }

  /**
   * Runs several operations in one statement and one commit (wallet_apply_batch); each succeeds or
   * is refused on its own. Results come back in the operations' order.
   */
  async applyBatch(ops: readonly WalletOperation[], db: PrismaClient | Tx = this.prisma): Promise<(AppliedOperation | RefusedOperation)[]> {
    const payload = ops.map((op) => ({
      id: randomUUID(),
      userId: op.userId,
      key: op.idempotencyKey,
      reason: op.reason,
      reference: op.reference,
      assets: op.changes.map((c) => c.asset),
      amounts: op.changes.map((c) => String(c.amount)),
    }));
    const rows = await db.$queryRaw<(ApplyRow & { out_index: number; out_error: string | null; out_detail: string | null })[]>`
      SELECT * FROM wallet_apply_batch(${JSON.stringify(payload)}::jsonb)`;
    return ops.map((op, index) => {
      const mine = rows.filter((r) => r.out_index === index);
      const refused = mine.find((r) => r.out_error !== null);
      return refused ? { error: refused.out_error!, detail: refused.out_detail } : appliedOf(op.userId, mine);
    });
  }

  /**
   * Balances of many players in one query. Raw SQL on the port (docs/database.md, hot path): every
   * player's level and XP on the chat page and the profile come from here, and Prisma's runtime was
   * ≈ 28% of the users process's busy CPU on the chat page (issue 14).
   */
  async balancesOf(userIds: readonly string[]): Promise<Map<string, Map<string, bigint>>> {
    const rows = await this.sql.query<{ userId: string; asset: string; balance: bigint }>(
      `SELECT user_id::text AS "userId", asset, balance FROM wallet_balances WHERE user_id = ANY($1::uuid[])`,
      [pgArray(userIds)],
    );
    const byUser = new Map<string, Map<string, bigint>>(userIds.map((id) => [id, new Map()]));
    for (const row of rows) byUser.get(row.userId)?.set(row.asset, row.balance);
    return byUser;
  }

  /** A page of one player's ledger, newest first (keyset on seq). */
  async ledgerPage(userId: string, page: PageRequest<bigint>): Promise<LedgerEntryRow[]> {
    const cursor = page.cursor;
    const newestFirst = page.direction === 'forward';
    const rows = await this.prisma.ledgerEntry.findMany({
      where: { userId, ...(cursor != null ? { seq: newestFirst ? { lt: cursor } : { gt: cursor } } : {}) },
      orderBy: { seq: newestFirst ? 'desc' : 'asc' },
      take: page.take,
      include: { operation: { select: { reason: true, reference: true } } },
    });
    return rows.map(({ operation, ...entry }) => ({ ...entry, reason: operation.reason, reference: operation.reference }));
  }
}

function appliedOf(userId: string, rows: ApplyRow[]): AppliedOperation {
  return {
    operationId: rows[0]!.out_operation_id,
    replayed: rows[0]!.out_replayed,
    entries: rows.map((r) => ({
      seq: BigInt(r.out_seq),
      operationId: r.out_operation_id,
      userId,
      asset: r.out_asset,
      amount: BigInt(r.out_amount),
      balanceAfter: BigInt(r.out_balance_after),
      reason: r.out_reason,
      reference: r.out_reference,
      createdAt: new Date(r.out_created_at),
    })),
  };
}
