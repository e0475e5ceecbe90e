import { DateTime } from '../../../platform/scalars.js';
import type { Resolvers } from '../generated/resolvers-types.js';

export const resolvers: Resolvers = {
  DateTime,
  Query: {
    tournaments: (_parent, { status, ...page }, { tournaments }) => tournaments.listTournaments({ status }, page),
    tournament: async (_parent, { id }, { loaders }) => (await loaders.tournamentById.load(id)) ?? null,
  },
  Mutation: {
    createTournament: async (_parent, { input }, { viewer, tournaments }) => ({ tournament: await tournaments.createTournament(viewer, input) }),
  },
  Tournament: {
    __resolveReference: async ({ id }, { loaders }) => (await loaders.tournamentById.load(id)) ?? null,
    formatOptions: (t) => ({
      bestOf: t.bestOf,
      thirdPlaceMatch: t.thirdPlaceMatch,
      grandFinalReset: t.grandFinalReset,
      swissRounds: t.swissRounds,
      ladderChallengeRange: t.ladderRange,
    }),
    prizePool: (t) => ({ fixed: t.prizeFixed, feeSharePercent: t.prizeFeeShare, distribution: t.prizeSplit }),
  },
};
