import type { Viewer } from '../../platform/auth.js';
import type { LadderService } from './services/ladder.service.js';
import type { RegistrationService } from './services/registration.service.js';
import type { ResultsService } from './services/results.service.js';
import type { ScheduleService } from './services/schedule.service.js';
import type { TournamentsService } from './services/tournaments.service.js';
import type { LeaderboardsService } from './services/leaderboards.service.js';
import type { LeaderboardLoaders } from './store/leaderboard-loaders.js';
import type { TournamentsLoaders } from './store/loaders.js';

/** What every tournaments resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: TournamentsLoaders;
  tournaments: TournamentsService;
  registration: RegistrationService;
  schedule: ScheduleService;
  results: ResultsService;
  ladder: LadderService;
  leaderboards: LeaderboardsService;
  leaderboardLoaders: LeaderboardLoaders;
}
