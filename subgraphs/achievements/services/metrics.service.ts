import { Counter, Gauge, Registry } from 'prom-client';

export interface AchievementMetrics {
  unlocked: Counter<'achievement_id' | 'rarity' | 'category'>;
  eventsRecorded: Counter;
  /** Players of a batch found in the projection cache at their current version (hit) or read from the database (miss). */
  projectionLookups: Counter<'result'>;
}

/**
 * The achievements subgraph's metrics: unlocks by achievement, events recorded, and the
 * processing backlog (domain events delivered but not yet handled, push jobs not yet delivered),
 * read when /metrics is scraped.
 */
export function createAchievementMetrics(
  registry: Registry,
  backlog?: { bus: () => Promise<number>; push: () => Promise<number> },
  projectionCacheSize?: () => number,
): AchievementMetrics {
  if (projectionCacheSize) {
    new Gauge({
      name: 'achievements_projection_cache_players',
      help: 'Players whose projections the engine holds in memory (ACHIEVEMENTS_PROJECTION_CACHE_SIZE at most)',
      registers: [registry],
      collect() {
        this.set(projectionCacheSize());
      },
    });
  }
  if (backlog) {
    new Gauge({
      name: 'achievements_backlog',
      help: 'Work waiting: bus = domain events delivered to the achievements consumer and not yet handled; push = webhook pushes not yet delivered',
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        const [bus, push] = await Promise.all([backlog.bus(), backlog.push()]);
        this.set({ queue: 'bus' }, bus);
        this.set({ queue: 'push' }, push);
      },
    });
  }
  return {
    unlocked: new Counter({
      name: 'achievements_unlocked_total',
      help: 'Achievements unlocked, by achievement',
      labelNames: ['achievement_id', 'rarity', 'category'],
      registers: [registry],
    }),
    eventsRecorded: new Counter({
      name: 'achievements_events_recorded_total',
      help: 'Achievement events stored and evaluated (duplicates not counted)',
      registers: [registry],
    }),
    projectionLookups: new Counter({
      name: 'achievements_projection_cache_lookups_total',
      help: 'Players of recorded batches whose projection was in memory at their current version (hit) or was read from the database (miss)',
      labelNames: ['result'],
      registers: [registry],
    }),
  };
}
