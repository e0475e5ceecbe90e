import type { RedisPort } from './redis/index.js';
import type { Work } from './unit-of-work.js';

/**
 * Where subgraphs announce entities whose cacheable fields changed (each subgraph's
 * `contracts/entity-cache.ts` lists those fields). Every gateway replica's entity cache listens and
 * forgets them (gateway/entity-cache.ts).
 */
export const ENTITY_CHANGES_CHANNEL = 'entities:changed';

/** Some entities of one type changed, or everything a subgraph contributes may have (a rebuild). */
export type EntityChanges = { typename: string; ids: readonly string[] } | { all: true };

/**
 * Announces changed entities once `work`'s transaction has committed. The unit of work awaits it
 * before the write returns, so a client that reads after the mutation's answer never reads what
 * the gateway cached before it.
 */
export function announceEntityChanges(work: Pick<Work, 'afterCommit'>, redis: RedisPort, changes: EntityChanges): void {
  if ('ids' in changes && changes.ids.length === 0) return;
  work.afterCommit(() => publishEntityChanges(redis, changes));
}

/** Announces now (for writes outside a unit of work, after they committed). */
export function publishEntityChanges(redis: RedisPort, changes: EntityChanges): Promise<void> {
  return redis.publish(ENTITY_CHANGES_CHANNEL, JSON.stringify(changes));
}
