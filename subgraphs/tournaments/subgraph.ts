import { defineSubgraph } from '../../platform/subgraph/define.js';
import { loadTournamentsConfig } from './config.js';
import type { Context } from './context.js';
import { resolvers } from './resolvers/index.js';
import { TournamentsService } from './services/tournaments.service.js';
import { createLoaders } from './store/loaders.js';
import { TournamentsStore } from './store/tournaments.store.js';

/** The tournaments subgraph: tournaments and their lifecycle. */
export const tournamentsSubgraph = defineSubgraph({
  name: 'tournaments',
  loadConfig: loadTournamentsConfig,
  resolvers,
  build: ({ prisma, work }, options: { now?: () => Date }) => {
    const store = new TournamentsStore(prisma);
    const tournaments = new TournamentsService(store, { work, now: options.now });
    return {
      context: (viewer): Context => ({ viewer, tournaments, loaders: createLoaders(store) }),
    };
  },
});
