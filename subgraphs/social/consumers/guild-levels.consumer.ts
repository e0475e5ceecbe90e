import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { GuildsStore } from '../store/guilds.store.js';
// The users contract declares the payloads this consumer reads.
import type {} from '../../users/contracts/events.js';

/**
 * Social's projection of players' levels, for guilds' minimum level: users' `user.leveled_up`
 * events, applied in the consumer's transaction with their `processed_events` row (a redelivery
 * changes nothing; a late, older level-up never lowers it). No read of users' tables.
 */
export function guildLevelHandlers(store: GuildsStore): EventHandlers {
  return {
    'user.leveled_up': (event, tx) => store.saveLevel(tx, event.payload.userId, event.payload.level, new Date(event.payload.leveledUpAt)),
  };
}
