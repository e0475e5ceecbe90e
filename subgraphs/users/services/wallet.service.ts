import type { PrismaClient } from '../../../platform/db/index.js';
import { raisedError } from '../../../platform/db/errors.js';
import { ConflictError, InsufficientFundsError, NotFoundError } from '../../../platform/errors.js';
import { recordEvent } from '../../../platform/events/outbox.js';
import { liveChannel, publishLive, subscribeLive } from '../../../platform/live.js';
import { isUuid } from '../../../platform/ids.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import { levelForXp } from '../domain/levels.js';
import { parseAsset, validateChanges, validateIdempotencyKey, type AssetChange } from '../domain/wallet.js';
import type { AppliedOperation, LedgerEntryRow, WalletStore } from '../store/wallet.store.js';
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

/**
 * The only way value moves: every credit and debit is an idempotent operation in the ledger
 * (wallet_apply in SQL). XP arrives the same way; crossing a level threshold records a
 * `user.leveled_up` event in the same transaction and notifies the player live.
 */
export class WalletService {
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
    const changes = validateChanges(input.changes);
    const idempotencyKey = validateIdempotencyKey(input.idempotencyKey);
    const reason = input.reason.trim();
    if (!isUuid(input.userId)) throw new NotFoundError('User', input.userId);
    // wallet_apply checks the player exists in the same statement (UNKNOWN_USER).
    const op = { userId: input.userId, idempotencyKey, reason, reference: input.reference ?? null, changes };
    try {
      if (!changes.some((c) => c.asset === 'XP')) return await this.deps.wallet.apply(this.deps.prisma, op);
      return await this.applyWithXp(op);
    } catch (error) {
      const raised = raisedError(error, ['INSUFFICIENT_FUNDS', 'IDEMPOTENCY_KEY_REUSED', 'UNKNOWN_USER'] as const);
      if (raised?.name === 'UNKNOWN_USER') throw new NotFoundError('User', input.userId);
      if (raised?.name === 'INSUFFICIENT_FUNDS') {
        const asset = raised.detail ? parseAsset(raised.detail) : null;
        throw new InsufficientFundsError(`Not enough ${asset?.currency ?? asset?.itemId ?? 'funds'} for this operation.`, { asset: raised.detail });
      }
      if (raised?.name === 'IDEMPOTENCY_KEY_REUSED') throw new ConflictError('That idempotency key belongs to another player\'s operation.', 'idempotencyKey');
      throw error;
    }
  }

  ledgerPage(userId: string, page: PageRequest<string>): Promise<LedgerEntryRow[]> {
    return this.deps.wallet.ledgerPage(userId, page);
  }

  levelUps(userId: string): AsyncIterableIterator<LevelUpEvent> {
    return subscribeLive<LevelUpEvent>(this.deps.redis, levelUpChannel(userId));
  }

  private async applyWithXp(op: Parameters<WalletStore['apply']>[1]): Promise<AppliedOperation> {
    const now = this.deps.now?.() ?? new Date();
    let levelUp: LevelUpEvent | null = null;
    const applied = await this.deps.prisma.$transaction(async (tx) => {
      const result = await this.deps.wallet.apply(tx, op);
      const xp = result.entries.find((e) => e.asset === 'XP');
      if (!result.replayed && xp) {
        const previousLevel = levelForXp(Number(xp.balanceAfter - xp.amount));
        const level = levelForXp(Number(xp.balanceAfter));
        if (level > previousLevel) {
          levelUp = { userId: op.userId, level, previousLevel };
          await recordEvent(tx, 'users', 'user.leveled_up', { ...levelUp, leveledUpAt: now.toISOString() });
        }
      }
      return result;
    });
    if (levelUp) {
      this.deps.onEventsCommitted();
      await publishLive(this.deps.redis, levelUpChannel(op.userId), levelUp);
    }
    return applied;
  }
}
