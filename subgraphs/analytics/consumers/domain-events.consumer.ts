import type { Tx } from '../../../platform/db/index.js';
import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { AchievementUnlocked } from '../../achievements/contracts/events.js';
import type { UserRegistered } from '../../users/contracts/events.js';
import type { AnalyticsEventsStore } from '../store/analytics-events.store.js';

/**
 * How the domain events analytics reads from the bus (other subgraphs' `contracts/events.ts`)
 * become analytics events. The kit runs these in group `analytics`; each handler runs in the
 * consumer's transaction (`tx`), which also marks the event handled, so a redelivery counts
 * nothing twice.
 */
export function domainEventHandlers(store: AnalyticsEventsStore): EventHandlers {
  return {
    'user.registered': (event, tx) => playerRegistered(store, event.id, event.payload, tx),
    // The dashboard's unlocks per hour.
    'achievement.unlocked': (event, tx) => achievementUnlocked(store, event.id, event.payload, tx),
  };
}

function playerRegistered(store: AnalyticsEventsStore, eventId: string, payload: UserRegistered, tx: Tx): Promise<void> {
  return store.record(tx, {
    id: eventId,
    name: 'player.registered',
    userId: payload.userId,
    // When the account was created, not when the relay happened to publish it.
    occurredAt: new Date(payload.registeredAt),
  });
}

function achievementUnlocked(store: AnalyticsEventsStore, eventId: string, payload: AchievementUnlocked, tx: Tx): Promise<void> {
  return store.record(tx, {
    id: eventId,
    name: 'achievement.unlocked',
    userId: payload.userId,
    occurredAt: new Date(payload.unlockedAt),
    properties: { achievementId: payload.achievementId, rarity: payload.rarity, category: payload.category },
  });
}
