import type { Viewer } from '../../platform/auth.js';
import type { MetricsService } from './services/metrics.service.js';
import type { AnalyticsLoaders } from './store/loaders.js';

/** What every analytics resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: AnalyticsLoaders;
  metrics: MetricsService;
}
