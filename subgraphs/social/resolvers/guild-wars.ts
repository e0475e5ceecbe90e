import { timeIdPageRequest, toConnection } from '../../../platform/pagination.js';
import type { Context } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { topListSize } from '../domain/guilds.js';
import { guildWarKey, type WarScorerRow } from '../store/guild-wars.store.js';
import { forgetReads } from '../store/loaders.js';

const scorers = (rows: WarScorerRow[]) => rows.map((r) => ({ user: { id: r.userId }, points: r.points, wins: r.wins }));

export const guildWarResolvers: Resolvers = {
  Query: {
    guildWar: async (_parent, { id }, { loaders }) => (await loaders.guildWarById.load(id)) ?? null,
  },
  Mutation: {
    declareWar: async (_parent, { defendingGuildId }, { viewer, guildWars }) => ({ war: await guildWars.declareWar(viewer, defendingGuildId) }),
  },
  Subscription: {
    guildWarUpdated: {
      subscribe: (_parent, { warId }, { guildWars }) => guildWars.liveWar(warId),
      // Read as it is now (the subscription's loaders would keep the first event's reads).
      resolve: (event: { id: string }, _args: unknown, { guildWars, loaders }: Context) => {
        forgetReads(loaders);
        return guildWars.warNow(event.id);
      },
    },
  },
  Guild: {
    wars: async (guild, { first, after }, { loaders }) => {
      const request = timeIdPageRequest({ first, after });
      return toConnection(await loaders.guildWarPage.load({ guildId: guild.id, request }), request, guildWarKey);
    },
  },
  GuildWar: {
    attacker: async (war, _args, { loaders }) => (await loaders.guildById.load(war.attackerId)) ?? null,
    defender: async (war, _args, { loaders }) => (await loaders.guildById.load(war.defenderId)) ?? null,
    winner: async (war, _args, { loaders }) => (war.winnerId ? ((await loaders.guildById.load(war.winnerId)) ?? null) : null),
    isDraw: (war) => war.status === 'ENDED' && war.winnerId === null,
    attackerTopScorers: async (war, { first }, { loaders }) => scorers(await loaders.warTopScorers.load({ warId: war.id, side: 'ATTACKER', take: topListSize(first) })),
    defenderTopScorers: async (war, { first }, { loaders }) => scorers(await loaders.warTopScorers.load({ warId: war.id, side: 'DEFENDER', take: topListSize(first) })),
  },
};
