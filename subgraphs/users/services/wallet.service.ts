import { requireRole, requireScope, type Viewer } from '../../../platform/auth.js';
import { raisedError } from '../../../platform/db/errors.js';
import { BadUserInputError, ConflictError, InsufficientFundsError, NotFoundError } from '../../../platform/errors.js';
import { GroupCommit } from '../../../platform/group-commit.js';
import { isUuid } from '../../../platform/ids.js';
import { pageRequest, parseSeqKey, seqKey, toConnection, type Connection, type ConnectionArgs } from '../../../platform/pagination.js';
import { announceEntityChanges } from '../../../platform/entity-changes.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { PrismaWork, UnitOfWork } from '../../../platform/unit-of-work.js';
import { levelUp, type LevelUpEvent } from '../contracts/live.js';
import { levelForXp } from '../domain/levels.js';
import { MAX_BALANCE, parseAsset, sameOperation, validateChanges, validateIdempotencyKey, validateReason, validateReference, type AssetChange } from '../domain/wallet.js';
import type { UserRow } from '../store/users.store.js';
import type { AppliedOperation, LedgerEntryRow, RefusedOperation, WalletOperation, WalletRef, WalletStore } from '../store/wallet.store.js';

export interface WalletOperationInput {
  userId: string;
  idempotencyKey: string;
  reason: string;
  reference?: string | null;
  changes: AssetChange[];
}

/** applyWalletOperation's payload: the operation and the player it changed. */
export type WalletOperationResult = AppliedOperation & { userId: string };

export type { LevelUpEvent };

const REFUSALS = ['INSUFFICIENT_FUNDS', 'BALANCE_LIMIT', 'IDEMPOTENCY_KEY_REUSED', 'UNKNOWN_USER'] as const;
/** Operations on one account applied in one statement and commit at most. */
const MAX_BATCH = 100;

/**
 * The only way value moves: every credit and debit is an idempotent operation in the ledger
 * (wallet_apply in SQL). XP arrives the same way; crossing a level threshold records a
 * `user.leveled_up` event in the same transaction and notifies the player live once it commits.
 */
export class WalletService {
  /**
   * Group commit per account: operations on one player that arrive while one of theirs is being
   * applied wait and then go to the database together, in one statement and one commit
   * (wallet_apply_batch). Without contention an operation goes alone, at once.
   */
  private readonly grouped: GroupCommit<WalletOperation, AppliedOperation | RefusedOperation>;

  constructor(
    private readonly deps: {
      work: UnitOfWork;
      wallet: WalletStore;
      redis: RedisPort;
      now?: () => Date;
    },
  ) {
    this.grouped = new GroupCommit({
      commit: (ops) => this.deps.wallet.applyBatch(ops),
      inFlight: 1,
      maxWeight: MAX_BATCH,
      onGroupFailure: 'fail-all',
    });
  }

  /** The wallet operation of the API: the game server (an API key with MANAGE_WALLET) or an admin. */
  async applyWalletOperation(viewer: Viewer, input: WalletOperationInput): Promise<WalletOperationResult> {
    if (viewer.kind === 'service') requireScope(viewer, 'MANAGE_WALLET');
    else requireRole(viewer, ['ADMIN'], 'change wallets');
    return { ...(await this.apply(input)), userId: input.userId };
  }

  /** Applies an operation for a trusted caller (the permission check is the caller's). */
  async apply(input: WalletOperationInput): Promise<AppliedOperation> {
    const op = operationOf(input);
    let result: AppliedOperation | RefusedOperation;
    try {
      result = op.changes.some((c) => c.asset === 'XP') ? await this.applyWithXp(op) : await this.grouped.add(op, op.userId);
    } catch (error) {
      const raised = raisedError(error, REFUSALS);
      if (!raised) throw error;
      result = { error: raised.name, detail: raised.detail ?? null };
    }
    if ('error' in result) throw refusalError(input.userId, result);
    return replayOf(op, result);
  }

  /**
   * Applies an operation inside the caller's unit of work (a consumer's, through
   * `work.within(tx)`), so it commits or rolls back with the caller's own changes. Validates like
   * apply(), a reused key included; a level crossed records `user.leveled_up` on `work` and
   * notifies the player once the transaction has committed.
   *
   * A refusal (wallet_apply's RAISE) aborts the caller's whole transaction: PostgreSQL runs no
   * further statement in it. It is thrown as apply() would (NotFoundError, ConflictError,
   * InsufficientFundsError) and the caller must let the transaction roll back. A credit under a
   * key that names the player can only be refused as UNKNOWN_USER (the player does not exist).
   */
  async applyInTransaction(work: PrismaWork, input: WalletOperationInput): Promise<AppliedOperation> {
    const op = operationOf(input);
    try {
      return replayOf(op, await this.applyIn(work, op));
    } catch (error) {
      const raised = raisedError(error, REFUSALS);
      if (!raised) throw error;
      throw refusalError(input.userId, { error: raised.name, detail: raised.detail ?? null });
    }
  }

  /**
   * Several operations inside the caller's unit of work, in one statement (wallet_apply_batch), in
   * order: what applyInTransaction does for each, for a consumer crediting a read of events at
   * once. Any refusal is thrown (as applyInTransaction would) and the caller's transaction must
   * roll back; nothing is applied then. A key seen before replays whatever its first operation
   * did, even with other changes: these keys name a business fact (an unlock paid once), and a
   * catalog changed since must not pay it again nor stall the consumer.
   */
  async applyManyInTransaction(work: PrismaWork, inputs: readonly WalletOperationInput[]): Promise<AppliedOperation[]> {
    const ops = inputs.map(operationOf);
    const outcomes = await this.deps.wallet.applyBatch(ops, work.tx);
    const results = outcomes.map((outcome, i) => {
      if ('error' in outcome) throw refusalError(ops[i]!.userId, outcome);
      return outcome;
    });
    this.announceLevelChanges(work, results.map((result, i) => (levelChanged(result) ? ops[i]!.userId : null)));
    await this.recordLevelUps(work, results.map((result, i) => levelUpOf(ops[i]!.userId, result)));
    return results;
  }

  /**
   * The player's own wallet, or null for anyone else: wallets are private. The player in an
   * applyWalletOperation payload (`walletShown`) shows it to the caller who applied the operation.
   */
  walletOf(viewer: Viewer, user: Pick<UserRow, 'id' | 'walletShown'>): WalletRef | null {
    return viewer.userId === user.id || user.walletShown ? { userId: user.id } : null;
  }

  /** A page of the player's ledger, newest first; a cursor that is not one of ours is BAD_USER_INPUT naming it. */
  async ledgerPage(userId: string, args: ConnectionArgs): Promise<Connection<LedgerEntryRow>> {
    const request = pageRequest<unknown>(args);
    const field = request.direction === 'forward' ? 'after' : 'before';
    const page = { ...request, cursor: request.cursor == null ? null : parseSeqKey(request.cursor, field) };
    return toConnection<LedgerEntryRow, unknown>(await this.deps.wallet.ledgerPage(userId, page), page, (entry) => seqKey(entry.seq));
  }

  /** The viewer's level-ups (signed-in players only). */
  levelUps(viewer: Viewer): AsyncIterableIterator<LevelUpEvent> {
    const userId = requireRole(viewer, ['PLAYER', 'MODERATOR', 'ORGANIZER', 'ADMIN']);
    return levelUp.subscribe(this.deps.redis, userId);
  }

  /** An operation with XP in its own unit of work (no group commit: it may record a level-up). */
  private applyWithXp(op: WalletOperation): Promise<AppliedOperation> {
    return this.deps.work.run((work) => this.applyIn(work, op));
  }

  /**
   * The one code path for an operation in a transaction: wallet_apply, then, if XP crossed a level
   * threshold (never on a replay), `user.leveled_up` recorded in the same transaction and the
   * player notified once it commits.
   */
  private async applyIn(work: PrismaWork, op: WalletOperation): Promise<AppliedOperation> {
    const result = await this.deps.wallet.apply(work.tx, op);
    this.announceLevelChanges(work, [levelChanged(result) ? op.userId : null]);
    await this.recordLevelUps(work, [levelUpOf(op.userId, result)]);
    return result;
  }

  /**
   * `User.level` is cached by the gateway (contracts/entity-cache.ts): announce players whose level
   * moved, either way, before their `levelUp` event (a subscriber's gateway re-reads the player).
   */
  private announceLevelChanges(work: PrismaWork, userIds: readonly (string | null)[]): void {
    announceEntityChanges(work, this.deps.redis, { typename: 'User', ids: [...new Set(userIds.filter((id): id is string => id !== null))] });
  }

  /** Records `user.leveled_up` for each level crossed, and publishes each once the transaction commits. */
  private async recordLevelUps(work: PrismaWork, crossed: readonly (LevelUpEvent | null)[]): Promise<void> {
    const levelUps = crossed.filter((l): l is LevelUpEvent => l !== null);
    if (levelUps.length === 0) return;
    const leveledUpAt = (this.deps.now?.() ?? new Date()).toISOString();
    await work.recordAll('user.leveled_up', levelUps.map((l) => ({ ...l, leveledUpAt })));
    for (const l of levelUps) work.publish(levelUp, l.userId, l);
  }
}

/** Whether an applied operation moved its player's level, up or down (never on a replay). */
function levelChanged(result: AppliedOperation): boolean {
  const xp = result.entries.find((e) => e.asset === 'XP');
  return !result.replayed && !!xp && levelForXp(Number(xp.balanceAfter - xp.amount)) !== levelForXp(Number(xp.balanceAfter));
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
  const reason = validateReason(input.reason);
  const reference = validateReference(input.reference);
  if (!isUuid(input.userId)) throw new NotFoundError('User', input.userId);
  // wallet_apply checks the player exists in the same statement (UNKNOWN_USER).
  return { userId: input.userId, idempotencyKey, reason, reference, changes };
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
