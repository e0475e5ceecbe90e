import type { Viewer } from '../../platform/auth.js';
import type { MetricsService } from './services/metrics.service.js';

/** What every analytics resolver receives. No DataLoaders yet: no field looks up entities. */
export interface Context {
  viewer: Viewer;
  metrics: MetricsService;
}
