import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { GuildWarsService } from '../services/guild-wars.service.js';
// The contracts declare the payloads this consumer reads.
import type {} from '../../achievements/contracts/events.js';
import type {} from '../../tournaments/contracts/events.js';

/**
 * What scores in guild wars: game servers' combat wins and quests (achievements' `game.event_reported`)
 * and tournament match wins (tournaments' `tournament.match_won`). Each runs in the consumer's
 * transaction with its processed-event row, so a redelivery scores nothing.
 */
export function guildWarHandlers(wars: GuildWarsService): EventHandlers {
  return {
    'game.event_reported': (event, tx) =>
      wars.scoreEvent(tx, { eventId: event.id, userId: event.payload.userId, kind: event.payload.type, occurredAt: new Date(event.payload.occurredAt) }),
    'tournament.match_won': (event, tx) =>
      wars.scoreEvent(tx, { eventId: event.id, userId: event.payload.winnerId, kind: 'TOURNAMENT_MATCH_WON', occurredAt: new Date(event.payload.wonAt) }),
  };
}
