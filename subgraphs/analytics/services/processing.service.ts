import type { UnitOfWork } from '../../../platform/unit-of-work.js';
import { playerItemDeltas } from '../domain/interactions.js';
import { aggregate, sessionMinutes } from '../domain/processing.js';
import type { ValidEvent } from '../domain/tracked-events.js';
import type { PersonalizationStore } from '../store/personalization.store.js';
import type { ProcessingStore } from '../store/processing.store.js';
import type { AnalyticsMetrics } from './analytics-metrics.js';

/**
 * Applies a batch from the analytics log in one transaction: stores the events not stored before
 * (their ids make replays and redeliveries no-ops), adds the new ones to every aggregate (their
 * content interactions to personalization's too), and records `session.completed` (through the
 * outbox, for achievements) for each session completed for the first time.
 */
export class ProcessingService {
  constructor(
    private readonly deps: {
      work: UnitOfWork;
      store: ProcessingStore;
      /** Adds the batch's content interactions (personalization's model learns from them). */
      interactions: Pick<PersonalizationStore, 'addInteractions'>;
      metrics: AnalyticsMetrics;
      now?: () => number;
    },
  ) {}

  async process(batch: readonly ValidEvent[]): Promise<{ processed: number; replayed: number }> {
    const { work, store, metrics } = this.deps;
    // The same event twice in one read (appended again after its dedupe key expired): once.
    const events = [...new Map(batch.map((e) => [e.id, e])).values()];
    const now = this.deps.now?.() ?? Date.now();
    const fresh = await work.runSql(
      async (unit) => {
        const ids = await store.insertNew(unit.sql, events);
        const newEvents = events.filter((e) => ids.has(e.id));
        const touched = await store.apply(unit.sql, aggregate(newEvents, now));
        await this.deps.interactions.addInteractions(unit.sql, playerItemDeltas(newEvents));
        const completions = touched.filter((s) => !s.wasCompleted && s.completedAt !== null);
        await unit.recordAll(
          'session.completed',
          completions.map((s) => ({
            sessionId: s.sessionId,
            userId: s.userId,
            durationMinutes: sessionMinutes(s.startedAt.getTime(), s.completedAt!.getTime()),
            endedAt: s.completedAt!.toISOString(),
          })),
        );
        return newEvents;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    const freshIds = new Set(fresh.map((e) => e.id));
    metrics.count(fresh.map((e) => e.eventType), 'processed');
    metrics.count(batch.filter((e) => !freshIds.delete(e.id)).map((e) => e.eventType), 'replayed');
    return { processed: fresh.length, replayed: batch.length - fresh.length };
  }
}
