import { Gauge, type Registry } from 'prom-client';
import type { TournamentsStore } from '../store/tournaments.store.js';

/** The brief's `tournaments_active` gauge: tournaments IN_PROGRESS, counted when /metrics is scraped. */
export function createTournamentMetrics(registry: Registry, store: Pick<TournamentsStore, 'countActive'>): void {
  new Gauge({
    name: 'tournaments_active',
    help: 'Tournaments being played now (IN_PROGRESS)',
    registers: [registry],
    async collect() {
      this.set(await store.countActive());
    },
  });
}
