import type { z } from 'zod';
import { gatewayEnv } from '../gateway/config.js';
import type { SubgraphName } from '../platform/subgraph/names.js';
import { achievementsEnv } from '../subgraphs/achievements/config.js';
import { analyticsEnv } from '../subgraphs/analytics/config.js';
import { socialEnv } from '../subgraphs/social/config.js';
import { tournamentsEnv } from '../subgraphs/tournaments/config.js';
import { usersEnv } from '../subgraphs/users/config.js';

/**
 * Each service's settings, so a process checks all of its services' together before starting any
 * (every problem listed at once). Only the config modules: a gateway process loads no subgraph code.
 */
export const SERVICE_ENVS: Record<SubgraphName | 'gateway', z.ZodObject<z.ZodRawShape>> = {
  gateway: gatewayEnv,
  users: usersEnv,
  achievements: achievementsEnv,
  social: socialEnv,
  tournaments: tournamentsEnv,
  analytics: analyticsEnv,
};
