import type { Logger } from 'pino';
import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { AchievementRewardPayload } from '../../../platform/events/types.js';
import { isUuid } from '../../../platform/ids.js';
import { assetKey, type AssetChange } from '../domain/wallet.js';
import type { WalletService } from './wallet.service.js';

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
 * unlock (an achievements rebuild, say) is a replay that changes nothing.
 */
export function rewardHandlers(wallet: WalletService, options: { logger?: Logger } = {}): EventHandlers {
  return {
    'achievement.unlocked': async (event, tx) => {
      const { userId, achievementId, rewards } = event.payload;
      const changes = rewardChanges(rewards);
      if (changes.length === 0) return;
      // An unknown player would abort the transaction (UNKNOWN_USER) and the event would be retried
      // forever; no player is ever created after their achievements, so it is skipped instead.
      const player = isUuid(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { id: true } }) : null;
      if (!player) {
        options.logger?.warn({ eventId: event.id, userId, achievementId }, 'achievement reward for an unknown player skipped');
        return;
      }
      const { afterCommit } = await wallet.applyInTransaction(tx, {
        userId,
        idempotencyKey: rewardIdempotencyKey(userId, achievementId),
        reason: 'achievement_reward',
        reference: achievementId,
        changes,
      });
      return afterCommit;
    },
  };
}
