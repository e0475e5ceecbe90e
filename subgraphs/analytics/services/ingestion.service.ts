import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { AnalyticsEventsStore } from '../store/analytics-events.store.js';

/**
 * How domain events from the bus become analytics events. Each handler runs in the consumer's
 * transaction (`tx`), which also marks the event handled, so a redelivery counts nothing twice.
 */
export function ingestionHandlers(store: AnalyticsEventsStore): EventHandlers {
  return {
    'user.registered': (event, tx) =>
      store.record(tx, {
        id: event.id,
        name: 'player.registered',
        userId: event.payload.userId,
        // When the account was created, not when the relay happened to publish it.
        occurredAt: new Date(event.payload.registeredAt),
      }),
  };
}
