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
    joinTournament: async (_parent, { input }, { viewer, registration }) => ({ tournament: await registration.joinTournament(viewer, input.tournamentId) }),
    leaveTournament: async (_parent, { input }, { viewer, registration }) => ({ tournament: await registration.leaveTournament(viewer, input.tournamentId) }),
    startTournament: async (_parent, { input }, { viewer, schedule }) => ({ tournament: await schedule.startTournament(viewer, input.tournamentId) }),
    cancelTournament: async (_parent, { input }, { viewer, schedule }) => ({ tournament: await schedule.cancelTournament(viewer, input.tournamentId) }),
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
    participantCount: (t, _args, { loaders }) => loaders.participantCount.load(t.id),
    prizePool: (t) => ({ fixed: t.prizeFixed, feeSharePercent: t.prizeFeeShare, distribution: t.prizeSplit }),
  },
};
