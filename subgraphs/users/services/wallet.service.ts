import type { PrismaClient, Tx } from '../../../platform/db/index.js';
import { raisedError } from '../../../platform/db/errors.js';
import { BadUserInputError, ConflictError, InsufficientFundsError, NotFoundError } from '../../../platform/errors.js';
import type { AfterCommit } from '../../../platform/events/consumer.js';
import { recordEvents } from '../../../platform/events/outbox.js';
import { liveChannel, publishLive, subscribeLive } from '../../../platform/live.js';
import { isUuid } from '../../../platform/ids.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { levelForXp } from '../domain/levels.js';
import { MAX_BALANCE, parseAsset, sameOperation, validateChanges, validateIdempotencyKey, type AssetChange } from '../domain/wallet.js';
import type { AppliedOperation, LedgerEntryRow, RefusedOperation, WalletOperation, WalletStore } from '../store/wallet.store.js';
import type { PageRequest } from '../../../platform/pagination.js';

export interface WalletOperationInput {
  userId: string;
  idempotencyKey: string;
  reason: string;
  reference?: string | null;
  changes: AssetChange[];
}

/** applyWalletOperation's payload: the operation and the player it changed. */
export type WalletOperationResult = AppliedOperation & { userId: string };

/** What a levelUp subscriber receives. */
export interface LevelUpEvent {
  userId: string;
  level: number;
  previousLevel: number;
}

const levelUpChannel = (userId: string) => liveChannel('users', 'levelUp', userId);

const REFUSALS = ['INSUFFICIENT_FUNDS', 'BALANCE_LIMIT', 'IDEMPOTENCY_KEY_REUSED', 'UNKNOWN_USER'] as const;
/** Operations on one account applied in one statement and commit at most. */
const MAX_BATCH = 100;

interface Pending {
  op: WalletOperation;
  resolve: (result: AppliedOperation | RefusedOperation) => void;
  reject: (error: unknown) => void;
}

/**
 * The only way value moves: every credit and debit is an idempotent operation in the ledger
 * (wallet_apply in SQL). XP arrives the same way; crossing a level threshold records a
 * `user.leveled_up` event in the same transaction and notifies the player live.
 */
export class WalletService {
  private readonly queues = new Map<string, Pending[]>();

  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      wallet: WalletStore;
      redis: RedisPort;
      onEventsCommitted: () => void;
      now?: () => Date;
    },
  ) {}

  async apply(input: WalletOperationInput): Promise<AppliedOperation> {
    const op = operationOf(input);
    let result: AppliedOperation | RefusedOperation;
    try {
      result = op.changes.some((c) => c.asset === 'XP') ? await this.applyWithXp(op) : await this.applyGrouped(op);
    } catch (error) {
      const raised = raisedError(error, REFUSALS);
      if (!raised) throw error;
      result = { error: raised.name, detail: raised.detail ?? null };
    }
    if ('error' in result) throw refusalError(input.userId, result);
    return replayOf(op, result);
  }

  /**
   * Applies an operation inside the caller's transaction `tx`, so it commits or rolls back with
   * the caller's own changes (an event consumer's `processed_events` row, say). Validates like
   * apply(), a reused key included; a level crossed records `user.leveled_up` in `tx`. Run the returned `afterCommit`
   * once `tx` has committed, never otherwise: it pokes the relay and notifies the player live.
   *
   * A refusal (wallet_apply's RAISE) aborts the caller's whole transaction: PostgreSQL runs no
   * further statement in it. It is thrown as apply() would (NotFoundError, ConflictError,
   * InsufficientFundsError) and the caller must let `tx` roll back. A credit under a key that names
   * the player can only be refused as UNKNOWN_USER (the player does not exist).
   */
  async applyInTransaction(tx: Tx, input: WalletOperationInput): Promise<{ result: AppliedOperation; afterCommit: AfterCommit }> {
    const op = operationOf(input);
    try {
      const applied = await this.applyIn(tx, op);
      return { ...applied, result: replayOf(op, applied.result) };
    } catch (error) {
      const raised = raisedError(error, REFUSALS);
      if (!raised) throw error;
      throw refusalError(input.userId, { error: raised.name, detail: raised.detail ?? null });
    }
  }

  /**
   * Group commit per account: operations on one player that arrive while one of theirs is being
   * applied wait and then go to the database together, in one statement and one commit
   * (wallet_apply_batch). Without contention an operation goes alone, at once.
   */
  private applyGrouped(op: WalletOperation): Promise<AppliedOperation | RefusedOperation> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(op.userId);
      if (!queue) this.queues.set(op.userId, (queue = []));
      queue.push({ op, resolve, reject });
      if (queue.length === 1) void this.drain(op.userId, queue);
    });
  }

  private async drain(userId: string, queue: Pending[]) {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      try {
        const results = await this.deps.wallet.applyBatch(batch.map((p) => p.op));
        batch.forEach((pending, i) => pending.resolve(results[i]!));
      } catch (error) {
        batch.forEach((pending) => pending.reject(error));
      }
      queue.splice(0, batch.length);
    }
    if (this.queues.get(userId) === queue) this.queues.delete(userId);
  }

  ledgerPage(userId: string, page: PageRequest<string>): Promise<LedgerEntryRow[]> {
    return this.deps.wallet.ledgerPage(userId, page);
  }

  levelUps(userId: string): AsyncIterableIterator<LevelUpEvent> {
    return subscribeLive<LevelUpEvent>(this.deps.redis, levelUpChannel(userId));
  }

  /** An operation with XP on its own transaction (no group commit: it may record a level-up). */
  private async applyWithXp(op: WalletOperation): Promise<AppliedOperation> {
    const { result, afterCommit } = await this.deps.prisma.$transaction((tx) => this.applyIn(tx, op));
    await afterCommit();
    return result;
  }

  /**
   * The one code path for an operation in a transaction: wallet_apply, then, if XP crossed a level
   * threshold (never on a replay), `user.leveled_up` recorded in the same transaction. The
   * returned afterCommit announces that level-up; it does nothing when there was none.
   */
  private async applyIn(tx: Tx, op: WalletOperation): Promise<{ result: AppliedOperation; afterCommit: AfterCommit }> {
    const result = await this.deps.wallet.apply(tx, op);
    return { result, afterCommit: await this.recordLevelUps(tx, [levelUpOf(op.userId, result)]) };
  }

  /**
   * Several operations inside the caller's transaction, in one statement (wallet_apply_batch), in
   * order: what applyInTransaction does for each, for a consumer crediting a read of events at
   * once. Any refusal is thrown (as applyInTransaction would) and the caller's transaction must
   * roll back; nothing is applied then. A key seen before replays whatever its first operation
   * did, even with other changes: these keys name a business fact (an unlock paid once), and a
   * catalog changed since must not pay it again nor stall the consumer.
   */
  async applyManyInTransaction(tx: Tx, inputs: readonly WalletOperationInput[]): Promise<{ results: AppliedOperation[]; afterCommit: AfterCommit }> {
    const ops = inputs.map(operationOf);
    const outcomes = await this.deps.wallet.applyBatch(ops, tx);
    const results = outcomes.map((outcome, i) => {
      if ('error' in outcome) throw refusalError(ops[i]!.userId, outcome);
      return outcome;
    });
    return { results, afterCommit: await this.recordLevelUps(tx, results.map((result, i) => levelUpOf(ops[i]!.userId, result))) };
  }

  /**
   * Records `user.leveled_up` for each level crossed, in `tx`; the returned afterCommit pokes the
   * relay and notifies each player live (it does nothing when no level was crossed).
   */
  private async recordLevelUps(tx: Tx, crossed: readonly (LevelUpEvent | null)[]): Promise<AfterCommit> {
    const levelUps = crossed.filter((l): l is LevelUpEvent => l !== null);
    if (levelUps.length === 0) return () => undefined;
    const leveledUpAt = (this.deps.now?.() ?? new Date()).toISOString();
    await recordEvents(tx, 'users', 'user.leveled_up', levelUps.map((l) => ({ ...l, leveledUpAt })));
    return async () => {
      this.deps.onEventsCommitted();
      for (const levelUp of levelUps) await publishLive(this.deps.redis, levelUpChannel(levelUp.userId), levelUp);
    };
  }
}

/** The level an applied operation's XP crossed into, if any (never on a replay). */
function levelUpOf(userId: string, result: AppliedOperation): LevelUpEvent | null {
  const xp = result.entries.find((e) => e.asset === 'XP');
  if (result.replayed || !xp) return null;
  const previousLevel = levelForXp(Number(xp.balanceAfter - xp.amount));
  const level = levelForXp(Number(xp.balanceAfter));
  return level > previousLevel ? { userId, level, previousLevel } : null;
}

/** Validates an operation's input (changes, key, player id) into what wallet_apply takes. */
function operationOf(input: WalletOperationInput): WalletOperation {
  const changes = validateChanges(input.changes);
  const idempotencyKey = validateIdempotencyKey(input.idempotencyKey);
  if (!isUuid(input.userId)) throw new NotFoundError('User', input.userId);
  // wallet_apply checks the player exists in the same statement (UNKNOWN_USER).
  return { userId: input.userId, idempotencyKey, reason: input.reason.trim(), reference: input.reference ?? null, changes };
}

/**
 * The applied operation, unless it is a replay of a different operation under the same key: the
 * caller asked for something the ledger did not do, and a silent replay would hide that.
 */
function replayOf(op: WalletOperation, result: AppliedOperation): AppliedOperation {
  const first = result.entries[0];
  if (!result.replayed || (first && sameOperation({ reason: first.reason, reference: first.reference, changes: result.entries }, op))) return result;
  throw new ConflictError('That idempotency key was already used for a different operation; use a new key for a new operation.', 'idempotencyKey');
}

/** The domain error for an operation wallet_apply refused. */
function refusalError(userId: string, refused: RefusedOperation): Error {
  const refusal = REFUSALS.find((name) => refused.error.includes(name));
  if (refusal === 'UNKNOWN_USER') return new NotFoundError('User', userId);
  const asset = refused.detail ? parseAsset(refused.detail) : null;
  const assetName = asset?.currency ?? asset?.itemId;
  if (refusal === 'INSUFFICIENT_FUNDS') {
    return new InsufficientFundsError(`Not enough ${assetName ?? 'funds'} for this operation.`, { asset: refused.detail });
  }
  if (refusal === 'BALANCE_LIMIT') {
    return new BadUserInputError(`That credit would take the ${assetName ?? 'asset'} balance past ${MAX_BALANCE}.`, 'changes', { asset: refused.detail });
  }
  if (refusal === 'IDEMPOTENCY_KEY_REUSED') return new ConflictError('That idempotency key belongs to another player\'s operation.', 'idempotencyKey');
  return new Error(`wallet operation refused: ${refused.error}`);
}
