import type DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth.js';
import type { CustomEventsService } from './services/custom-events.service.js';
import type { DashboardService } from './services/dashboard.service.js';
import type { ExperimentsService } from './services/experiments.service.js';
import type { IngestionService } from './services/ingestion.service.js';
import type { MetricsService } from './services/metrics.service.js';
import type { PersonalizationService } from './services/personalization.service.js';
import type { AnalyticsLoaders } from './store/loaders.js';
import type { PlayerFactsRow } from './store/personalization.store.js';

/** What every analytics resolver receives. */
export interface Context {
  viewer: Viewer;
  loaders: AnalyticsLoaders;
  metrics: MetricsService;
  ingestion: IngestionService;
  dashboard: DashboardService;
  experiments: ExperimentsService;
  customEvents: CustomEventsService;
  /** How often `realtimeMetricsUpdated` sends the dashboard again. */
  dashboardSlideMs: number;
  personalization: PersonalizationService;
  /** Players' facts for personalization: every `personalizedExperience` of a request in one read. */
  playerFacts: DataLoader<string, PlayerFactsRow>;
}
