import { DateTime } from '../../../platform/scalars.js';
import type { BracketSide, Resolvers } from '../generated/resolvers-types.js';
import { matchFromEvent, type MatchUpdatedEvent } from '../contracts/live.js';
import { matchSeconds, tournamentFigures } from '../domain/analytics.js';
import { decidedChallenges, ladderAfter } from '../domain/brackets/ladder.js';
import { prizePoolTotal } from '../domain/prizes.js';
import type { Context } from '../context.js';
import { forgetReads } from '../store/loaders.js';
import { roundsOf } from '../store/matches.store.js';
import { leaderboardResolvers } from './leaderboards.js';

const tournamentResolvers: Resolvers = {
  DateTime,
  Query: {
    tournaments: (_parent, { status, ...page }, { tournaments }) => tournaments.listTournaments({ status }, page),
    tournament: async (_parent, { id }, { loaders }) => (await loaders.tournamentById.load(id)) ?? null,
    searchTournaments: (_parent, args, { tournaments }) => tournaments.searchTournaments(args),
  },
  Subscription: {
    tournamentUpdated: {
      subscribe: (_parent, { id }, { tournaments }) => tournaments.liveTournament(id),
      // Read as it is now: the subscription's loaders would keep the first event's reads.
      resolve: (event: { id: string }, _args: unknown, { tournaments, loaders }: Context) => {
        forgetReads(loaders);
        return tournaments.tournamentNow(event.id);
      },
    },
    matchUpdated: {
      subscribe: (_parent, { tournamentId }, { tournaments }) => tournaments.liveMatches(tournamentId),
      resolve: (event: MatchUpdatedEvent, _args: unknown, { loaders }: Context) => {
        forgetReads(loaders);
        return matchFromEvent(event);
      },
    },
  },
  Mutation: {
    createTournament: async (_parent, { input }, { viewer, tournaments }) => ({ tournament: await tournaments.createTournament(viewer, input) }),
    joinTournament: async (_parent, { input }, { viewer, registration }) => ({ tournament: await registration.joinTournament(viewer, input.tournamentId) }),
    leaveTournament: async (_parent, { input }, { viewer, registration }) => ({ tournament: await registration.leaveTournament(viewer, input.tournamentId) }),
    startTournament: async (_parent, { input }, { viewer, schedule }) => ({ tournament: await schedule.startTournament(viewer, input.tournamentId) }),
    cancelTournament: async (_parent, { input }, { viewer, schedule }) => ({ tournament: await schedule.cancelTournament(viewer, input.tournamentId) }),
    reportMatchResult: async (_parent, { input }, { viewer, results }) => ({ match: await results.reportMatchResult(viewer, input) }),
    challengeOnLadder: async (_parent, { input }, { viewer, ladder }) => ({ match: await ladder.challenge(viewer, input.tournamentId, input.defenderId) }),
    endLadder: async (_parent, { input }, { viewer, ladder }) => ({ tournament: await ladder.endLadder(viewer, input.tournamentId) }),
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
    prizePool: async (t, _args, { loaders }) => {
      const pool = { fixed: t.prizeFixed, feeSharePercent: t.prizeFeeShare };
      return { ...pool, distribution: t.prizeSplit, total: prizePoolTotal(pool, await loaders.feesCollected.load(t.id)) };
    },
    ladder: async (t, _args, { loaders }) => {
      if (t.format !== 'LADDER') return [];
      const [matches, seeds] = await Promise.all([loaders.bracket.load(t.id), loaders.seeds.load(t.id)]);
      const bySeed = [...seeds].sort((a, b) => a[1] - b[1]).map(([userId]) => userId);
      return ladderAfter(bySeed, decidedChallenges(matches)).map((id) => ({ id }));
    },
    standings: async (t, _args, { loaders }) => (await loaders.standings.load(t.id)).map((e) => ({ placement: e.placement!, prize: e.prize ?? 0, player: { id: e.userId } })),
    analytics: async (t, _args, { loaders }) => {
      const [matches, participants, seeds] = await Promise.all([loaders.bracket.load(t.id), loaders.participantCount.load(t.id), loaders.seeds.load(t.id)]);
      return tournamentFigures(matches, participants, t.maxParticipants, (id) => seeds.get(id));
    },
  },
  TournamentMatch: {
    side: (m) => m.side as BracketSide,
    playerA: (m) => (m.playerA ? { id: m.playerA } : null),
    playerB: (m) => (m.playerB ? { id: m.playerB } : null),
    winner: (m) => (m.winnerId ? { id: m.winnerId } : null),
    startedAt: (m) => m.readyAt,
    durationSeconds: (m) => matchSeconds(m),
  },
  BracketRound: {
    side: (r) => r.side as BracketSide,
  },
};

// Leaderboards resolve their own types (resolvers/leaderboards.ts); the root types merge shallowly.
export const resolvers: Resolvers = {
  ...tournamentResolvers,
  ...leaderboardResolvers,
  Query: { ...tournamentResolvers.Query, ...leaderboardResolvers.Query },
  Mutation: { ...tournamentResolvers.Mutation, ...leaderboardResolvers.Mutation },
  Subscription: { ...tournamentResolvers.Subscription, ...leaderboardResolvers.Subscription },
};
