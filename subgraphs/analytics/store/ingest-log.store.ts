import type { RedisPort, StreamEntry } from '../../../platform/redis/index.js';
import type { ValidEvent } from '../domain/tracked-events.js';

/** The Redis stream accepted client events are appended to (the analytics log). */
export const ANALYTICS_STREAM = 'analytics-events';
/** The consumer group of the analytics processors: replicas share the log's entries. */
export const PROCESSING_GROUP = 'analytics-processing';

/**
 * The analytics log on the platform's Redis port: an accepted event is one stream entry, appended
 * together with its dedupe key (`analytics:seen:<event uuid>`) in one step, so a replay while the
 * key lives appends nothing. Processors read it in the `analytics-processing` group.
 */
export class IngestLogStore {
  constructor(
    private readonly redis: RedisPort,
    private readonly options: { dedupeTtlSeconds: number; maxLen: number },
  ) {}

  /** Appends the events not seen before; each one's stream id, or null for a replay. */
  append(events: readonly ValidEvent[]): Promise<(string | null)[]> {
    return this.redis.xaddUnique(
      ANALYTICS_STREAM,
      events.map((event) => ({ key: `analytics:seen:${event.id}`, fields: { e: JSON.stringify(event) } })),
      this.options.dedupeTtlSeconds,
      this.options.maxLen,
    );
  }

  /**
   * Resolves once the processors have acknowledged every entry up to `id` (true), or false after
   * `timeoutMs`. Polls the group's state (cheap on the in-process port, where it is used).
   */
  async processedUpTo(id: string, timeoutMs: number): Promise<boolean> {
    const { compareStreamIds } = await import('../../../platform/redis/index.js');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const group = (await this.redis.xgroups(ANALYTICS_STREAM))?.find((g) => g.name === PROCESSING_GROUP);
      if (group) {
        const delivered = compareStreamIds(group.lastDeliveredId, id) >= 0;
        const pendingAfter = group.oldestPendingId === null || compareStreamIds(group.oldestPendingId, id) > 0;
        if (delivered && pendingAfter) return true;
      }
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

/** The event an entry carries, or null for an entry that is not one (logged and acknowledged). */
export function eventOfEntry(entry: StreamEntry): ValidEvent | null {
  try {
    const event = JSON.parse(entry.fields.e ?? 'null') as ValidEvent | null;
    return event && typeof event.id === 'string' && typeof event.occurredAt === 'number' ? event : null;
  } catch {
    return null;
  }
}
