import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Counter, Registry } from 'prom-client';
import type { EntityChanges } from '../platform/entity-changes.js';
import { AnnouncedCache, hitCounters } from './announced-cache.js';

export interface ResponseCacheOptions {
  /** Bytes of serialized responses held (least recently used go first). */
  maxBytes: number;
  logger: Logger;
  metrics?: Registry;
}

/**
 * Whole query responses the subgraphs declared reusable by every viewer, served without planning
 * or calling a subgraph (Apollo's response cache plugin, @apollo/server-plugin-response-cache).
 *
 * What is reusable is the subgraphs' word, as Apollo defines it: a subgraph whose schema declares
 * `@cacheControl` answers with `Cache-Control` (platform/subgraph/apollo.ts), every other answers
 * none, and the gateway's data sources restrict each operation's policy by every fetch it made
 * (`honorSubgraphCacheControlHeader`; no header: maxAge 0). Only PUBLIC policies with a maxAge are
 * kept, for that maxAge: there is no session id, so PRIVATE answers are never stored.
 *
 * Freshness: a subgraph marks PUBLIC only what changes when it announces everything changed
 * (`{ all: true }` on the entity-changes channel: e.g. achievements' catalog sync); that
 * announcement empties this cache, and an answer computed before it is not stored after it. While
 * the channel is not listened to (Redis lost), nothing is served from or stored in the cache.
 * Operation limits, the rate limit and authentication run before the cache is read: a cached
 * answer costs the client what a computed one does.
 */
export class ResponseCache extends AnnouncedCache {
  private readonly responses: LRUCache<string, string>;
  /** Bumped each time the cache is emptied: an answer computed before is not stored. */
  private generation = 0;
  private readonly readAt = new WeakMap<GraphQLRequest, number>();
  private readonly counters?: { hits: Counter; misses: Counter };

  constructor(options: ResponseCacheOptions) {
    super('response cache', options.logger);
    this.responses = new LRUCache({ maxSize: Math.max(1, options.maxBytes), sizeCalculation: (value, key) => value.length + key.length });
    this.counters = hitCounters(options.metrics, 'gateway_response_cache', {
      hits: 'Queries answered from the gateway response cache',
      misses: 'Queries looked up in the gateway response cache and computed',
    });
  }

  /** Entity announcements leave it: only "everything changed" concerns what subgraphs mark PUBLIC. */
  apply(changes: EntityChanges): void {
    if ('all' in changes) this.flush();
  }

  get size(): number {
    return this.responses.size;
  }

  /** The Apollo Server plugin that reads and fills this cache. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return responseCachePlugin<TContext>({
      cache: this.store(),
      // No session: PRIVATE answers are not stored (and Apollo's plugin does not warn about them).
      sessionId: () => Promise.resolve(null),
      shouldReadFromCache: ({ request }) => {
        this.readAt.set(request, this.generation);
        return Promise.resolve(this.listening);
      },
      shouldWriteToCache: ({ request }) => Promise.resolve(this.listening && this.readAt.get(request) === this.generation),
    });
  }

  private store(): KeyValueCache<string> {
    return {
      get: (key) => {
        const value = this.responses.get(key);
        (value === undefined ? this.counters?.misses : this.counters?.hits)?.inc();
        return Promise.resolve(value);
      },
      set: (key, value, options?: KeyValueCacheSetOptions) => {
        const ttl = options?.ttl;
        if (typeof ttl === 'number' && ttl > 0) this.responses.set(key, value, { ttl: ttl * 1000 });
        return Promise.resolve();
      },
      delete: (key) => Promise.resolve(this.responses.delete(key)),
    };
  }

  protected flush() {
    this.generation++;
    this.responses.clear();
  }
}
