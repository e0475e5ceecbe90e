import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { ENTITY_CHANGES_CHANNEL, type EntityChanges } from '../platform/entity-changes.js';
import type { RedisPort, Unsubscribe } from '../platform/redis/index.js';

/**
 * A gateway cache kept fresh by the subgraphs' announcements (platform/entity-changes.ts): it
 * serves nothing until it listens, empties itself when the channel is lost (announcements made
 * meanwhile are never delivered) and again when it is back, and on an announcement it cannot read.
 * The entity cache and the response cache are its two kinds.
 */
export abstract class AnnouncedCache {
  /** Whether announcements are heard: serve and store only while true. */
  protected listening = false;
  private unsubscribe?: Unsubscribe;

  protected constructor(
    private readonly what: string,
    protected readonly logger: Logger,
  ) {}

  /** Listens to the subgraphs' announcements; serves nothing until it listens. */
  async start(redis: RedisPort): Promise<void> {
    this.unsubscribe = await redis.subscribe(ENTITY_CHANGES_CHANNEL, (message) => this.onMessage(message), {
      onInterrupted: (resumed) => {
        this.listening = false;
        this.flush();
        this.logger.warn(`${this.what}: lost the announcements channel; caching paused`);
        void resumed.then(() => {
          this.flush();
          this.listening = true;
        });
      },
    });
    this.listening = true;
  }

  async stop(): Promise<void> {
    this.listening = false;
    await this.unsubscribe?.();
    this.flush();
  }

  /** What an announcement makes stale. */
  abstract apply(changes: EntityChanges): void;

  /** Forgets everything, and keeps what is being computed meanwhile from being stored. */
  protected abstract flush(): void;

  private onMessage(message: string) {
    try {
      this.apply(JSON.parse(message) as EntityChanges);
    } catch (error) {
      this.logger.warn({ err: error }, `${this.what}: unreadable announcement; emptied`);
      this.flush();
    }
  }
}

/** `<prefix>_hits_total` and `<prefix>_misses_total`, when there is a registry to put them in. */
export function hitCounters(metrics: Registry | undefined, prefix: string, help: { hits: string; misses: string }): { hits: Counter; misses: Counter } | undefined {
  if (!metrics) return undefined;
  return {
    hits: new Counter({ name: `${prefix}_hits_total`, help: help.hits, registers: [metrics] }),
    misses: new Counter({ name: `${prefix}_misses_total`, help: help.misses, registers: [metrics] }),
  };
}
