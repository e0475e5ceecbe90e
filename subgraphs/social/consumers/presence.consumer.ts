import type { AfterCommit, EventHandlers } from '../../../platform/events/consumer.js';
import type { DomainEvent } from '../../../platform/events/types.js';
import type { Tx } from '../../../platform/db/index.js';
import type { SubgraphConsumer } from '../../../platform/subgraph/define.js';
import type { PresenceService } from '../services/presence.service.js';
// The users contract declares the payloads read here.
import type {} from '../../users/contracts/events.js';

/**
 * What presence learns over the bus, acted on once the event's transaction has committed (only
 * Redis changes, and a repeat changes nothing, so a redelivered event is harmless):
 * - a player who stops being a member of a room (left, kicked, left the guild) goes offline there
 *   at once instead of at their heartbeat's expiry;
 * - after a block, each of the two players is told the other went offline wherever the other is
 *   online, so what they saw before the block stops showing them.
 */
export function presenceHandlers(presence: Pick<PresenceService, 'removeFromRoom' | 'hideFromEachOther'>): EventHandlers {
  return {
    'chat.member_left': async (event) => () => presence.removeFromRoom(event.payload.roomId, event.payload.userId),
    'user.blocked': async (event) => () => presence.hideFromEachOther(event.payload.blockerId, event.payload.blockedId),
  };
}

type Handler = (event: DomainEvent, tx: Tx) => Promise<void | AfterCommit>;

/** The consumer with presence's handlers added: after the ones it has for the same event, in the same transaction. */
export function withPresenceHandlers(consumer: SubgraphConsumer, handlers: EventHandlers): SubgraphConsumer {
  const merged: Record<string, Handler> = { ...(consumer.handlers as Record<string, Handler>) };
  for (const [type, handler] of Object.entries(handlers as Record<string, Handler>)) {
    const first = merged[type];
    merged[type] = !first
      ? handler
      : async (event, tx) => {
          const afterFirst = await first(event, tx);
          const afterSecond = await handler(event, tx);
          return async () => {
            await afterFirst?.();
            await afterSecond?.();
          };
        };
  }
  return { ...consumer, handlers: merged };
}
