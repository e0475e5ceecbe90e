import { randomUUID } from 'node:crypto';
import { announceEntityChanges } from '../../../platform/entity-changes.js';
import type { RedisPort } from '../../../platform/redis/index.js';
import type { SqlWork } from '../../../platform/unit-of-work.js';
import type { CatalogIndex } from '../domain/evaluate.js';
import { pushesFor, unlockNotification } from '../domain/notifications.js';
import type { NotificationRow, NotificationsStore } from '../store/notifications.store.js';
import type { UnlockRow } from '../store/progress.store.js';
import type { AchievementMetrics } from './metrics.service.js';
import { enqueuePush } from './push.service.js';

/** The part of a unit of work the engine's writes use: the raw SQL port, events, after-commit actions. */
export type EngineWork = Pick<SqlWork, 'sql' | 'recordAll' | 'publish' | 'afterCommit'>;

export interface UnlockEffectsDeps {
  index: CatalogIndex;
  notifications: NotificationsStore;
  metrics: AchievementMetrics;
  /** Rare unlocks are pushed through the webhook only when one is configured. */
  pushEnabled: boolean;
  /** Called after a commit that enqueued push jobs (pokes the job runner). */
  onPushesEnqueued: () => void;
  /** Where the changed `User.achievementPoints` are announced to the gateway's entity cache. */
  redis: RedisPort;
  now?: () => Date;
}

/**
 * What an unlock brings, written in the unlock's transaction: the inbox notification, the
 * `achievement.unlocked` event the users subgraph credits the rewards from (exactly once: its
 * ledger's idempotency key is `achievement:<user>:<achievement>`), and for RARE and above a push
 * job. Whatever crashes after this commit, nothing is lost; before it, nothing happened. The live
 * path and the rebuild both write unlocks through it.
 */
export class UnlockEffects {
  constructor(private readonly deps: UnlockEffectsDeps) {}

  /** Writes the unlocks' effects in the work's transaction; returns the notifications written. */
  async write(work: EngineWork, unlocks: readonly UnlockRow[]): Promise<NotificationRow[]> {
    if (unlocks.length === 0) return [];
    const { sql } = work;
    const createdAt = this.deps.now?.() ?? new Date();
    const definitions = unlocks.map((u) => {
      const definition = this.deps.index.byId.get(u.achievementId);
      if (!definition) throw new Error(`Unlock of ${u.achievementId}, which is not in the catalog`);
      return definition;
    });
    const toNotify = unlocks.map((u, i) => ({
      id: randomUUID(),
      userId: u.userId,
      kind: 'ACHIEVEMENT_UNLOCKED' as const,
      achievementId: u.achievementId,
      createdAt,
      ...unlockNotification(definitions[i]!),
    }));
    // Sent together (one round trip on a pipelined connection): independent rows.
    const pushed = this.deps.pushEnabled
      ? unlocks.flatMap((unlock, i) => {
          const definition = definitions[i]!;
          if (!pushesFor(definition.rarity)) return [];
          const notification = toNotify[i]!;
          return [
            enqueuePush(sql, {
              notificationId: notification.id,
              userId: unlock.userId,
              achievementId: unlock.achievementId,
              rarity: definition.rarity,
              priority: notification.priority,
              title: notification.title,
              body: notification.body,
              createdAt: createdAt.toISOString(),
            }),
          ];
        })
      : [];
    const [notifications] = await Promise.all([
      this.deps.notifications.insert(sql, toNotify),
      work.recordAll(
        'achievement.unlocked',
        unlocks.map((unlock, i) => ({
          userId: unlock.userId,
          achievementId: unlock.achievementId,
          rarity: definitions[i]!.rarity,
          category: definitions[i]!.category,
          rewards: definitions[i]!.rewards,
          unlockedAt: new Date(unlock.unlockedAt).toISOString(),
          points: definitions[i]!.points,
        })),
      ),
      ...pushed,
    ]);
    // `User.achievementPoints` is cached by the gateway (contracts/entity-cache.ts).
    announceEntityChanges(work, this.deps.redis, { typename: 'User', ids: [...new Set(unlocks.map((u) => u.userId))] });
    work.afterCommit(() => {
      if (pushed.length) this.deps.onPushesEnqueued();
      for (const definition of definitions) {
        this.deps.metrics.unlocked.inc({ achievement_id: definition.id, rarity: definition.rarity, category: definition.category });
      }
    });
    return notifications;
  }
}
