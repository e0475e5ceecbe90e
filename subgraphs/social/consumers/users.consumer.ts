import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { SubgraphConsumer } from '../../../platform/subgraph/define.js';
import type { BlocksStore } from '../store/blocks.store.js';
import type { PlayersStore } from '../store/players.store.js';
// The users contract declares the payloads this consumer reads.
import type {} from '../../users/contracts/events.js';

/**
 * What social learns from users over the bus: blocks (so chat refuses a blocked pair's private
 * messages and presence hides the blocker) and players' display names, as registered and as
 * changed (so system messages can name them).
 * Each handler runs in the consumer's transaction with the event's `processed_events` row, so a
 * redelivery changes nothing; events of one producer arrive in order, so a block and its unblock
 * apply in the order they happened.
 */
export function usersConsumer(deps: { blocks: BlocksStore; players: PlayersStore }): SubgraphConsumer {
  const handlers: EventHandlers = {
    'user.blocked': (event, tx) => deps.blocks.block(tx, event.payload.blockerId, event.payload.blockedId, new Date(event.payload.blockedAt)),
    'user.unblocked': (event, tx) => deps.blocks.unblock(tx, event.payload.blockerId, event.payload.blockedId, new Date(event.payload.unblockedAt)),
    'user.registered': (event, tx) => deps.players.save(tx, event.payload.userId, event.payload.displayName ?? event.payload.username),
    'user.profile_updated': async (event, tx) => {
      if (event.payload.displayName !== undefined) await deps.players.save(tx, event.payload.userId, event.payload.displayName);
    },
  };
  return { handlers };
}
