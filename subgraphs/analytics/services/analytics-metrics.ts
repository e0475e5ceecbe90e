import { Counter, Gauge, type Registry } from 'prom-client';
import { metricLabelOf } from '../domain/event-types.js';

/**
 * The brief's Prometheus metrics, with bounded labels: `event_type` is one of the known types or
 * `other`, `status` one of `accepted`, `duplicate`, `rejected` (at ingestion) and `processed`,
 * `replayed` (at processing: stored and counted, or already stored).
 */
export class AnalyticsMetrics {
  private readonly processed: Counter<'event_type' | 'status'>;
  private readonly lag: Gauge;
  private readonly custom: Counter<string>;

  /** @param customLabels the custom events' allow-listed property keys (their label names beside `event`) */
  constructor(registry: Registry, customLabels: readonly string[] = []) {
    this.processed = new Counter({
      name: 'analytics_events_processed_total',
      help: 'Analytics events by type (known types, else "other") and outcome: accepted, duplicate, rejected at ingestion; processed, replayed by the processors',
      labelNames: ['event_type', 'status'],
      registers: [registry],
    });
    this.lag = new Gauge({
      name: 'analytics_ingestion_lag_seconds',
      help: 'How long the newest processed batch waited on the analytics log (append to commit); 0 once the log is drained',
      registers: [registry],
    });
    this.custom = new Counter({
      name: 'analytics_custom_events_total',
      help: 'Custom events (trackCustomEvent) by name; other labels only from the configured allow-list (ANALYTICS_CUSTOM_EVENT_LABELS)',
      labelNames: ['event', ...customLabels],
      registers: [registry],
    });
  }

  /** One custom event, counted once (not for a duplicate); `labels` already allow-listed and bounded. */
  countCustom(name: string, labels: Record<string, string>): void {
    this.custom.inc({ event: name, ...labels });
  }

  count(eventTypes: readonly string[], status: 'accepted' | 'duplicate' | 'rejected' | 'processed' | 'replayed'): void {
    const byLabel = new Map<string, number>();
    for (const type of eventTypes) byLabel.set(metricLabelOf(type), (byLabel.get(metricLabelOf(type)) ?? 0) + 1);
    for (const [event_type, n] of byLabel) this.processed.inc({ event_type, status }, n);
  }

  setLag(seconds: number): void {
    this.lag.set(Math.max(0, seconds));
  }
}
