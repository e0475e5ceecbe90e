import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    tournaments: (_parent, { status, ...page }, { tournaments }) => tournaments.listTournaments({ status }, page),
    tournament: async (_parent, { id }, { loaders }) => (await loaders.tournamentById.load(id)) ?? null,
  },
  Tournament: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.tournamentById.load(id)) ?? null,
  },
};
