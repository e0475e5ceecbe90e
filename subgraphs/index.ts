import type { RunningService } from '../platform/http.js';
import type { Runtime } from '../platform/runtime.js';
import type { SubgraphName } from '../platform/subgraph/names.js';
import { achievementsSubgraph } from './achievements/subgraph.js';
import { analyticsSubgraph } from './analytics/subgraph.js';
import { socialSubgraph } from './social/subgraph.js';
import { tournamentsSubgraph } from './tournaments/subgraph.js';
import { usersSubgraph } from './users/subgraph.js';

type Env = Record<string, string | undefined>;

/** How to start each subgraph with a shared runtime (the launchers' one entry to subgraph code). */
export const SUBGRAPH_STARTERS: Record<SubgraphName, (runtime: Runtime, env: Env) => Promise<RunningService>> = {
  users: (runtime, env) => usersSubgraph.start(runtime, env),
  achievements: (runtime, env) => achievementsSubgraph.start(runtime, env),
  social: (runtime, env) => socialSubgraph.start(runtime, env),
  tournaments: (runtime, env) => tournamentsSubgraph.start(runtime, env),
  analytics: (runtime, env) => analyticsSubgraph.start(runtime, env),
};
