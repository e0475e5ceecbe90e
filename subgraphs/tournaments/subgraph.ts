import { JobRunner } from '../../platform/jobs/index.js';
import { defineSubgraph } from '../../platform/subgraph/define.js';
import { loadTournamentsConfig } from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { RegistrationService, tournamentQueues } from './services/registration.service.js';
import { CompletionService } from './services/completion.service.js';
import { LadderService } from './services/ladder.service.js';
import { createTournamentMetrics } from './services/metrics.service.js';
import { ResultsService } from './services/results.service.js';
import { ScheduleService } from './services/schedule.service.js';
import { TournamentsService } from './services/tournaments.service.js';
import { EntriesStore } from './store/entries.store.js';
import { createLoaders, type TournamentsLoaders } from './store/loaders.js';
import { MatchesStore } from './store/matches.store.js';
import { FundingsStore } from './store/fundings.store.js';
import { PrizePoolService } from './services/prize-pool.service.js';
import { TournamentsStore } from './store/tournaments.store.js';
import { HttpUsersClient, type UsersPort } from './store/users.client.js';
import { leaderboardSourcesConsumer } from './consumers/leaderboard-sources.consumer.js';
import { LeaderboardRepair } from './services/leaderboard-repair.service.js';
import { LeaderboardSubmissions } from './services/leaderboard-submissions.service.js';
import { LeaderboardsService } from './services/leaderboards.service.js';
import { HttpFriendsClient, type FriendsPort } from './store/leaderboard-friends.client.js';
import { CurrentBoards } from './store/current-boards.store.js';
import { KnownPlayers } from './store/known-players.js';
import { createLeaderboardLoaders, type LeaderboardLoaders } from './store/leaderboard-loaders.js';
import { RankListeners } from './store/leaderboard-listeners.store.js';
import { LeaderboardRanking } from './store/leaderboard-ranking.store.js';
import { LeaderboardsStore } from './store/leaderboards.store.js';

export interface TournamentsOptions {
  /** The clock (tests drive a fake one). */
  now?: () => Date;
  /** The users subgraph (tests pass a stand-in); HTTP to USERS_URL otherwise. */
  users?: UsersPort;
  /** How often the job runners look for due jobs (tests shorten it). */
  jobPollMs?: number;
  /** The job queues' prefix (`tournaments`); tests give each subgraph they build its own. */
  jobQueuePrefix?: string;
  /** Whose records the FRIENDS scope ranks (tests pass a stand-in); the users subgraph over HTTP otherwise. */
  friends?: FriendsPort;
}

/** The tournaments subgraph: tournaments, registration with entry fees, their lifecycle and match results. */
export const tournamentsSubgraph = defineSubgraph({
  name: 'tournaments',
  loadConfig: loadTournamentsConfig,
  resolvers,
  build: ({ prisma, db, redis, work, config, logger, metrics }, options: TournamentsOptions) => {
    const store = new TournamentsStore(prisma);
    const entries = new EntriesStore(prisma);
    const matches = new MatchesStore(prisma, db.sql);
    const users = options.users ?? new HttpUsersClient({ url: config.USERS_URL, internalSecret: config.INTERNAL_SECRET, timeoutMs: config.TOURNAMENTS_USERS_TIMEOUT_MS });
    const queues = tournamentQueues(options.jobQueuePrefix);
    const runners: JobRunner[] = [];
    const poke = () => void Promise.all(runners.map((r) => r.poke())).catch(() => undefined);
    const registration = new RegistrationService({ work, entries, users, logger, queues, poke, now: options.now });
    const pool: PrizePoolService = new PrizePoolService({
      work,
      tournaments: store,
      fundings: new FundingsStore(prisma),
      users,
      scheduleStart: (tx, tournament): Promise<string> => schedule.scheduleStart(tx, tournament),
      queues,
      logger,
    });
    const completion = new CompletionService({ tournaments: store, entries, users, logger, prizeQueue: queues.prize, pool });
    const ladder = new LadderService({ work, entries, matches, completion, logger, endQueue: queues.end, poke, now: options.now });
    const schedule: ScheduleService = new ScheduleService({ work, tournaments: store, entries, matches, registration, ladder, pool, logger, startQueue: queues.start, now: options.now, poke });
    const tournaments = new TournamentsService(store, { work, schedule, pool, redis, now: options.now });
    const results = new ResultsService({ work, entries, matches, completion, poke, now: options.now });
    const boards = new LeaderboardsStore(prisma, db.sql);
    const friends = options.friends ?? new HttpFriendsClient({ url: config.USERS_URL, internalSecret: config.INTERNAL_SECRET, timeoutMs: config.TOURNAMENTS_USERS_TIMEOUT_MS });
    const ranking = new LeaderboardRanking(redis, boards, logger, { archiveTtlSeconds: config.TOURNAMENTS_LEADERBOARD_ARCHIVE_TTL_SECONDS });
    const listeners = new RankListeners(redis, logger);
    const currentBoards = new CurrentBoards(boards);
    const submissions = new LeaderboardSubmissions({ sql: db, store: boards, ranking, listeners, redis, logger, now: options.now });
    const players = new KnownPlayers(users, { logger });
    const leaderboards = new LeaderboardsService({ work, store: boards, ranking, submissions, players, friends, listeners, currentBoards, redis, logger, resetQueue: `${options.jobQueuePrefix ?? 'tournaments'}.leaderboard-reset`, poke, now: options.now });
    const repair = new LeaderboardRepair({ sql: db, store: boards, ranking, logger, intervalMs: config.TOURNAMENTS_LEADERBOARD_REPAIR_INTERVAL_MS, afterMs: config.TOURNAMENTS_LEADERBOARD_REPAIR_AFTER_MS });
    createTournamentMetrics(metrics, store);
    // One runner for every tournaments queue: an idle poll is one statement for all of them.
    runners.push(
      new JobRunner({
        prisma,
        sql: db.sql,
        queues: {
          [queues.start]: schedule.startHandler(),
          [queues.refund]: registration.refundHandler(),
          [queues.settle]: registration.settleHandler(),
          [queues.prize]: completion.prizeHandler(),
          [queues.end]: ladder.endHandler(),
          [queues.poolSettle]: pool.settleHandler(),
          [queues.poolReturn]: pool.returnHandler(),
          [`${options.jobQueuePrefix ?? 'tournaments'}.leaderboard-reset`]: leaderboards.resetHandler(),
        },
        logger,
        pollIntervalMs: options.jobPollMs,
        backoff: { baseMs: 1_000, maxMs: 60_000 },
      }),
    );
    return {
      context: (viewer): Context => {
        // The loaders are made on first use: most requests (a submission, a leaderboard read) use one set or none.
        let loaders: TournamentsLoaders | undefined;
        let leaderboardLoaders: LeaderboardLoaders | undefined;
        return {
          viewer,
          tournaments,
          registration,
          schedule,
          results,
          ladder,
          leaderboards,
          get loaders() {
            return (loaders ??= createLoaders(store, entries, matches));
          },
          get leaderboardLoaders() {
            return (leaderboardLoaders ??= createLeaderboardLoaders(boards, currentBoards));
          },
        };
      },
      workers: [...runners, repair],
      consumer: leaderboardSourcesConsumer({ leaderboards, store: boards }),
    };
  },
});
