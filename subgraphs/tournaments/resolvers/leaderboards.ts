import type { Context } from '../context.js';
import type { PlayerRankChange } from '../domain/leaderboards.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { recordCursor } from '../services/leaderboards.service.js';
import { metadataText, type LeaderboardRow, type LeaderboardUpdateRef, type PeriodRef } from '../store/leaderboards.store.js';

/** The board's current period, through the request's loader. */
async function current(board: LeaderboardRow, { leaderboardLoaders }: Context): Promise<PeriodRef> {
  return { board, period: (await leaderboardLoaders.currentPeriod.load(board.id))! };
}

async function details(periodId: string, userId: string, { leaderboardLoaders }: Context) {
  return leaderboardLoaders.recordDetails.load(`${periodId} ${userId}`);
}

/**
 * The board for a live event. Events resolve in their subscription's context, whose loaders would
 * keep the board (and period) they first read for as long as the subscription lasts: read afresh.
 */
async function liveBoard(id: string, { leaderboardLoaders }: Context): Promise<LeaderboardRow> {
  leaderboardLoaders.leaderboardById.clear(id);
  leaderboardLoaders.currentPeriod.clear(id);
  return (await leaderboardLoaders.leaderboardById.load(id))!;
}

export const leaderboardResolvers: Resolvers = {
  Query: {
    leaderboard: async (_parent, { id }, { leaderboardLoaders }) => (await leaderboardLoaders.leaderboardById.load(id)) ?? null,
    leaderboards: (_parent, { first, after }, { leaderboards }) => leaderboards.list(first, after),
  },
  Mutation: {
    defineLeaderboard: async (_parent, { input }, { viewer, leaderboards }) => ({ leaderboard: await leaderboards.defineLeaderboard(viewer, input) }),
    submitScore: async (_parent, { input }, { viewer, leaderboards }) => {
      const { board, record } = await leaderboards.submitScore(viewer, input);
      return { leaderboard: board, record };
    },
  },
  Subscription: {
    leaderboardUpdated: {
      subscribe: (_parent, { id, first }, { leaderboards }) => leaderboards.liveTop(id, first),
      resolve: (update: LeaderboardUpdateRef) => update,
    },
    rankChanged: {
      subscribe: (_parent, { leaderboardId }, { viewer, leaderboards }) => leaderboards.liveRank(viewer, leaderboardId),
      resolve: (change: PlayerRankChange) => change,
    },
  },
  Leaderboard: {
    __resolveReference: async ({ id }, { leaderboardLoaders }) => (await leaderboardLoaders.leaderboardById.load(id)) ?? null,
    follows: (board) => board.follows as never,
    metadata: (board) => metadataText(board.metadata),
    nextResetAt: async (board, _args, context) => (board.resetSchedule ? (await current(board, context)).period.endsAt : null),
    period: async (board, { previous }, context) => {
      const now = await current(board, context);
      const period = await context.leaderboards.periodBack(board, previous ?? 0, now.period);
      return period ? { board, period } : null;
    },
    top: async (board, args, context) => context.leaderboards.top(context.viewer, await current(board, context), args),
    around: async (board, args, context) => context.leaderboards.around(context.viewer, await current(board, context), args),
    rank: async (board, args, context) => context.leaderboards.rank(context.viewer, await current(board, context), args),
  },
  LeaderboardPeriod: {
    number: ({ period }) => period.number,
    startedAt: ({ period }) => period.startedAt,
    endsAt: ({ period }) => period.endsAt,
    archivedAt: ({ period }) => period.archivedAt,
    recordCount: (ref, _args, { leaderboards }) => leaderboards.recordCount(ref),
    top: (ref, args, { viewer, leaderboards }) => leaderboards.top(viewer, ref, args),
    around: (ref, args, { viewer, leaderboards }) => leaderboards.around(viewer, ref, args),
    rank: (ref, args, { viewer, leaderboards }) => leaderboards.rank(viewer, ref, args),
  },
  LeaderboardRecord: {
    player: (r) => ({ id: r.userId }),
    cursor: (r) => recordCursor(r),
    metadata: async (r, _args, context) => metadataText((await details(r.periodId, r.userId, context))?.metadata),
    submissions: async (r, _args, context) => (await details(r.periodId, r.userId, context))?.submissions ?? 0,
    updatedAt: async (r, _args, context) => (await details(r.periodId, r.userId, context))?.updatedAt ?? new Date(0),
  },
  LeaderboardUpdate: {
    leaderboard: (u, _args, context) => liveBoard(u.board.id, context),
    period: (u) => ({ board: u.board, period: u.period }),
    top: (u, _args, { leaderboards }) => leaderboards.topNow(u, u.first),
  },
  RankChange: {
    leaderboard: (c, _args, context) => liveBoard(c.leaderboardId, context),
    previousRank: (c) => c.previousRank ?? c.rank,
    passedBy: (c) => c.passedBy.map((id) => ({ id })),
  },
};
