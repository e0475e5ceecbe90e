import { Gauge, type Registry } from 'prom-client';

/**
 * The brief's `guild_wars_active`: wars ACTIVE now, counted in the database when scraped (every
 * replica reports the same platform-wide number: read it with max(), not sum()).
 */
export function createGuildWarMetrics(registry: Registry, countActive: () => Promise<number>): Gauge {
  return new Gauge({
    name: 'guild_wars_active',
    help: 'Number of active guild wars (platform-wide: every social replica reports the same count)',
    registers: [registry],
    async collect() {
      this.set(await countActive());
    },
  });
}
