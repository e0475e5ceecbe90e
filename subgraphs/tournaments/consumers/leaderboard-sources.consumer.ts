import { prismaSql } from '../../../platform/db/index.js';
import type { EventHandlers } from '../../../platform/events/consumer.js';
import type { SubgraphConsumer } from '../../../platform/subgraph/define.js';
import type { LeaderboardsService } from '../services/leaderboards.service.js';
import type { LeaderboardsStore } from '../store/leaderboards.store.js';
// The producers' contracts declare the payloads this consumer reads.
import type {} from '../../achievements/contracts/events.js';
import type {} from '../../social/contracts/events.js';
import type {} from '../contracts/events.js';

/**
 * What leaderboards learn from the bus: scores the platform produces (achievement points,
 * tournament placements, guild contributions) for the boards that follow them, each a submission
 * keyed by its event (so a redelivery applies nothing), and guild membership for the GUILD scope.
 * One event per transaction (`batch: false`): a submission locks a record, and several in one
 * transaction would take those locks in stream order.
 */
export function leaderboardSourcesConsumer(deps: { leaderboards: LeaderboardsService; store: LeaderboardsStore }): SubgraphConsumer {
  const { leaderboards, store } = deps;
  const handlers: EventHandlers = {
    'achievement.unlocked': async (event, tx) => {
      const points = event.payload.points;
      if (points === undefined || points === 0) return;
      return leaderboards.submitFromSource(prismaSql(tx), 'ACHIEVEMENT_POINTS', [{ userId: event.payload.userId, score: points, key: `${event.payload.userId}:${event.payload.achievementId}` }]);
    },
    'tournament.completed': (event, tx) =>
      leaderboards.submitFromSource(
        prismaSql(tx),
        'TOURNAMENT_PLACEMENT',
        event.payload.placements.map((p) => ({ userId: p.userId, score: p.placement, key: `${event.payload.tournamentId}:${p.userId}` })),
      ),
    'guild.contribution_made': (event, tx) =>
      leaderboards.submitFromSource(prismaSql(tx), 'GUILD_CONTRIBUTION', [{ userId: event.payload.userId, score: event.payload.amount, key: event.id }]),
    'guild.created': (event, tx) => store.joinGuild(tx, event.payload.founderId, event.payload.guildId, new Date(event.payload.createdAt)),
    'guild.member_joined': (event, tx) => store.joinGuild(tx, event.payload.userId, event.payload.guildId, new Date(event.payload.joinedAt)),
    'guild.member_left': (event, tx) => store.leaveGuild(tx, event.payload.userId, event.payload.guildId),
    'guild.disbanded': (event, tx) => store.disbandGuild(tx, event.payload.guildId),
  };
  return { handlers, batch: false };
}
