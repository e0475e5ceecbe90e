import type { Logger } from 'pino';
import type { EventBatchHandlers } from '../../../platform/events/consumer.js';
import { isUuid } from '../../../platform/ids.js';
import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import type { AchievementRewardPayload } from '../../achievements/contracts/events.js';
import { assetKey, type AssetChange } from '../domain/wallet.js';
import type { WalletService } from '../services/wallet.service.js';

/** The wallet operation's key for an achievement's rewards: one credit per player and achievement, ever. */
export const rewardIdempotencyKey = (userId: string, achievementId: string) => `achievement:${userId}:${achievementId}`;

/**
 * The wallet changes an achievement's rewards make: XP and premium currency as currencies, an
 * exclusive item as one of it. Rewards of the same asset add up (the ledger takes each asset once).
 */
export function rewardChanges(rewards: readonly AchievementRewardPayload[]): AssetChange[] {
  const byAsset = new Map<string, AssetChange>();
  for (const reward of rewards) {
    const change: AssetChange =
      reward.kind === 'EXCLUSIVE_ITEM'
        ? { itemId: reward.itemId, amount: 1 }
        : { currency: reward.kind === 'XP' ? 'XP' : 'PREMIUM', amount: reward.amount };
    const key = assetKey(change);
    const previous = byAsset.get(key);
    byAsset.set(key, previous ? { ...previous, amount: previous.amount + change.amount } : change);
  }
  return [...byAsset.values()];
}

/**
 * Credits achievement rewards from the bus, exactly once, twice over: the consumer applies each
 * event once (`processed_events`, in the same transaction as the credit), and the ledger applies
 * each unlock once (idempotency key per player and achievement), so a second event for the same
 * unlock (an achievements rebuild, say) is a replay that changes nothing. A read's unlocks are
 * credited together: one query for the players, one wallet_apply_batch for the credits.
 */
export function rewardHandlers({ wallet, work, logger }: { wallet: WalletService; work: UnitOfWork; logger?: Logger }): EventBatchHandlers {
  return {
    'achievement.unlocked': async (events, tx) => {
      const credits = events
        .map((event) => ({ event, changes: rewardChanges(event.payload.rewards) }))
        .filter(({ changes }) => changes.length > 0);
      if (credits.length === 0) return;
      // An unknown player would abort the transaction (UNKNOWN_USER) and the event would be retried
      // forever; no player is ever created after their achievements, so it is skipped instead.
      const ids = [...new Set(credits.map(({ event }) => event.payload.userId).filter(isUuid))];
      const known = new Set((await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((u) => u.id));
      const toCredit = credits.filter(({ event }) => {
        if (known.has(event.payload.userId)) return true;
        logger?.warn({ eventId: event.id, userId: event.payload.userId, achievementId: event.payload.achievementId }, 'achievement reward for an unknown player skipped');
        return false;
      });
      if (toCredit.length === 0) return;
      // The credits' level-ups are recorded in the consumer's transaction and announced once it commits.
      const { work: credit, committed } = work.within(tx);
      await wallet.applyManyInTransaction(
        credit,
        toCredit.map(({ event: { payload }, changes }) => ({
          userId: payload.userId,
          idempotencyKey: rewardIdempotencyKey(payload.userId, payload.achievementId),
          reason: 'achievement_reward',
          reference: payload.achievementId,
          changes,
        })),
      );
      return committed;
    },
  };
}
