import type { ApolloServerPlugin, BaseContext, GraphQLRequest } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { ENTITY_CHANGES_CHANNEL, type EntityChanges } from '../platform/entity-changes.js';
import type { RedisPort, Unsubscribe } from '../platform/redis/index.js';

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
export class ResponseCache {
  private readonly responses: LRUCache<string, string>;
  /** Bumped each time the cache is emptied: an answer computed before is not stored. */
  private generation = 0;
  private readonly readAt = new WeakMap<GraphQLRequest, number>();
  private listening = false;
  private unsubscribe?: Unsubscribe;
  private readonly counters?: { hits: Counter; misses: Counter };

  constructor(private readonly options: ResponseCacheOptions) {
    this.responses = new LRUCache({ maxSize: Math.max(1, options.maxBytes), sizeCalculation: (value, key) => value.length + key.length });
    if (options.metrics) {
      this.counters = {
        hits: new Counter({ name: 'gateway_response_cache_hits_total', help: 'Queries answered from the gateway response cache', registers: [options.metrics] }),
        misses: new Counter({ name: 'gateway_response_cache_misses_total', help: 'Queries looked up in the gateway response cache and computed', registers: [options.metrics] }),
      };
    }
  }

  /** Listens to the subgraphs' announcements; serves nothing until it listens. */
  async start(redis: RedisPort): Promise<void> {
    this.unsubscribe = await redis.subscribe(ENTITY_CHANGES_CHANNEL, (message) => this.onMessage(message), {
      onInterrupted: (resumed) => {
        this.listening = false;
        this.flush();
        this.options.logger.warn('response cache: lost the announcements channel; caching paused');
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

  private flush() {
    this.generation++;
    this.responses.clear();
  }

  private onMessage(message: string) {
    try {
      this.apply(JSON.parse(message) as EntityChanges);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'response cache: unreadable announcement; emptied');
      this.flush();
    }
  }
}
