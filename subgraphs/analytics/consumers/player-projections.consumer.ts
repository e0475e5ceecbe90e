import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { PlayerProjectionsStore } from '../store/player-projections.store.js';

/**
 * Users' announcements analytics keeps: a player's level (experiment targeting by level range)
 * and role (`realtimeMetricsUpdated` stops for an admin demoted while subscribed). Run in the
 * kit's consumer transaction, so a redelivery changes nothing twice.
 */
export function playerProjectionHandlers(store: PlayerProjectionsStore): EventHandlers {
  return {
    'user.leveled_up': (event, tx) => store.saveLevel(tx, event.payload.userId, event.payload.level, new Date(event.payload.leveledUpAt)),
    'user.role_changed': (event, tx) => store.saveRole(tx, event.payload.userId, event.payload.role, new Date(event.payload.changedAt)),
  };
}
