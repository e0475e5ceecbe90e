import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import type { RedisPort } from '../../platform/redis/index.js';
import type { SubgraphDefinition } from '../../platform/service.js';
import { subgraphSchemaPath } from '../../platform/subgraphs.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { TournamentsService } from './services/tournaments.service.js';
import { createLoaders } from './store/loaders.js';
import { TournamentsStore } from './store/tournaments.store.js';

export interface TournamentsDeps {
  prisma: PrismaClient;
  redis: RedisPort;
  logger: Logger;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('tournaments'), 'utf8'));

/** The tournaments subgraph: tournaments and their lifecycle. No ports, no environment. */
export function createTournamentsSubgraph(deps: TournamentsDeps): SubgraphDefinition<Context> {
  const store = new TournamentsStore(deps.prisma);
  const tournaments = new TournamentsService(store);
  return {
    name: 'tournaments',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({ viewer, tournaments, loaders: createLoaders(store) }),
  };
}
