import type { RunningService } from '../platform/http.js';
import type { Runtime } from '../platform/runtime.js';
import type { SubgraphName } from '../platform/subgraphs.js';
import { startAchievementsService } from '../subgraphs/achievements/index.js';
import { startAnalyticsService } from '../subgraphs/analytics/index.js';
import { startSocialService } from '../subgraphs/social/index.js';
import { startTournamentsService } from '../subgraphs/tournaments/index.js';
import { startUsersService } from '../subgraphs/users/index.js';

type Env = Record<string, string | undefined>;

/** How to start each subgraph with a shared runtime. */
export const SUBGRAPH_STARTERS: Record<SubgraphName, (runtime: Runtime, env: Env) => Promise<RunningService>> = {
  users: startUsersService,
  achievements: startAchievementsService,
  social: startSocialService,
  tournaments: startTournamentsService,
  analytics: startAnalyticsService,
};
