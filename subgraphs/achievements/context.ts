import type { Viewer } from '../../platform/auth.js';
import type { CatalogService } from './services/catalog.service.js';
import type { GameEventsService } from './services/game-events.service.js';
import type { NotificationsService } from './services/notifications.service.js';
import type { ProgressService } from './services/progress.service.js';
import type { AchievementsLoaders } from './store/loaders.js';

/** What every achievements resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: AchievementsLoaders;
  catalog: CatalogService;
  gameEvents: GameEventsService;
  progress: ProgressService;
  notifications: NotificationsService;
}
