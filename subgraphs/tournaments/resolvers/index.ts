import { DateTime } from '../../../platform/scalars.js';
import type { BracketSide, Resolvers } from '../generated/resolvers-types.js';
import { roundsOf } from '../store/matches.store.js';

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
    reportMatchResult: async (_parent, { input }, { viewer, results }) => ({ match: await results.reportMatchResult(viewer, input) }),
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
    bracket: async (t, _args, { loaders }) => roundsOf(await loaders.bracket.load(t.id)),
    prizePool: (t) => ({ fixed: t.prizeFixed, feeSharePercent: t.prizeFeeShare, distribution: t.prizeSplit }),
  },
  TournamentMatch: {
    side: (m) => m.side as BracketSide,
    playerA: (m) => (m.playerA ? { id: m.playerA } : null),
    playerB: (m) => (m.playerB ? { id: m.playerB } : null),
    winner: (m) => (m.winnerId ? { id: m.winnerId } : null),
  },
  BracketRound: {
    side: (r) => r.side as BracketSide,
  },
};
