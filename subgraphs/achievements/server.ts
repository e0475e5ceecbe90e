import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../platform/db/index.js';
import type { SubgraphDefinition } from '../../platform/service.js';
import { subgraphSchemaPath } from '../../platform/subgraphs.js';
import type { Context } from './context.js';
import type { Catalog } from './domain/catalog.js';
import { resolvers } from './resolvers/index.js';
import { catalogSyncWorker, CatalogService, readCatalogFile } from './services/catalog.service.js';
import { AchievementsStore } from './store/achievements.store.js';
import { createLoaders } from './store/loaders.js';

export interface AchievementsDeps {
  prisma: PrismaClient;
  logger: Logger;
  /** The catalog to sync at start; the checked-in file when omitted. */
  catalog?: Catalog;
}

export const typeDefs = parse(readFileSync(subgraphSchemaPath('achievements'), 'utf8'));

/** The achievements subgraph: the catalog and players' unlocks. No ports, no environment. */
export function createAchievementsSubgraph(deps: AchievementsDeps): SubgraphDefinition<Context> {
  const store = new AchievementsStore(deps.prisma);
  const catalog = new CatalogService(store);
  return {
    name: 'achievements',
    typeDefs,
    resolvers,
    createContext: (viewer) => ({ viewer, catalog, loaders: createLoaders(store) }),
    // A broken catalog file fails here, at boot, before anything listens.
    workers: [catalogSyncWorker({ prisma: deps.prisma, store, catalog: deps.catalog ?? readCatalogFile(), logger: deps.logger })],
  };
}
