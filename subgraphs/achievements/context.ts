import type { Viewer } from '../../platform/auth.js';
import type { CatalogService } from './services/catalog.service.js';
import type { AchievementsLoaders } from './store/loaders.js';

/** What every achievements resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: AchievementsLoaders;
  catalog: CatalogService;
}
