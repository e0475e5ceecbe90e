import { Kind, OperationTypeNode, parse, type InlineFragmentNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Counter, Registry } from 'prom-client';
import type { EntityChanges } from '../platform/entity-changes.js';
import { achievementsCacheableEntityFields } from '../subgraphs/achievements/contracts/entity-cache.js';
import { usersCacheableEntityFields } from '../subgraphs/users/contracts/entity-cache.js';
import { AnnouncedCache, hitCounters } from './announced-cache.js';

/** Per subgraph, per entity type: the fields the gateway may cache for every viewer. */
export type CacheableEntityFields = Record<string, Record<string, readonly string[]>>;

/** What each subgraph declares cacheable, with the announcements that keep it fresh (its contracts/entity-cache.ts). */
export const CACHEABLE_ENTITY_FIELDS: CacheableEntityFields = {
  users: usersCacheableEntityFields,
  achievements: achievementsCacheableEntityFields,
};

export interface EntityCacheOptions {
  /** From each subgraph's contracts/entity-cache.ts. */
  cacheable: CacheableEntityFields;
  /** How long an entry may be served without an announcement (a safety net: changes are announced). */
  ttlMs: number;
  /** Entities held (each with the selections fetched for it). */
  maxEntities: number;
  logger: Logger;
  metrics?: Registry;
}

/** A subgraph response as the gateway's executor takes it. */
export interface EntitiesResponse {
  data?: { _entities?: unknown[] } | null;
  errors?: readonly { path?: readonly (string | number)[] }[];
  [key: string]: unknown;
}

/** What a cacheable `_entities` fetch is: its selection (the query text) and the types it selects. */
interface Analysis {
  types: ReadonlySet<string>;
}

/** A fetch the cache takes part in: the entities it already has, and those still to fetch. */
export interface EntityFetchPlan {
  /** One per representation: the cached result, or undefined to fetch. */
  hits: (Record<string, unknown> | undefined)[];
  /** Indexes of the representations to fetch. */
  misses: number[];
  /** `Type:id` per representation. */
  keys: string[];
  /** The subgraph and the query text: what was selected of each entity. */
  selection: string;
  /** The clock when the plan was made: an entity announced after it is not stored from this fetch. */
  clock: number;
  startedAt: number;
}

const representationKey = (representation: unknown): string | undefined => {
  if (typeof representation !== 'object' || representation === null) return undefined;
  const r = representation as Record<string, unknown>;
  const keys = Object.keys(r);
  if (keys.length !== 2 || typeof r.__typename !== 'string' || typeof r.id !== 'string') return undefined;
  return `${r.__typename}:${r.id}`;
};

/**
 * The gateway's entity cache: results of `_entities` fetches whose every selected field is declared
 * cacheable by its subgraph (viewer-independent leaf fields: a player's name, level, points), per
 * entity, shared by every viewer. A chat page of 50 messages by 40 authors then costs the users and
 * achievements subgraphs nothing once its authors are known.
 *
 * Correctness: subgraphs announce, after commit and before the write returns, every entity whose
 * cacheable fields changed (platform/entity-changes.ts); an announcement drops the entity, and a
 * fetch that started before it does not store what it read. While the announcements' channel is
 * not listened to (Redis lost), nothing is served from or stored in the cache, and it is emptied
 * when listening resumes. Entries also expire after `ttlMs`.
 */
export class EntityCache extends AnnouncedCache {
  private readonly entities: LRUCache<string, Map<string, Record<string, unknown>>>;
  private readonly analyses = new LRUCache<string, Analysis | false>({ max: 1_000 });
  /** Entities announced recently, with the clock at the announcement. */
  private readonly announced = new Map<string, number>();
  private clock = 0;
  /** The clock of the last "everything changed" (or of the cache being emptied). */
  private flushedAt = 0;
  private readonly counters?: { hits: Counter; misses: Counter };

  constructor(private readonly options: EntityCacheOptions) {
    super('entity cache', options.logger);
    this.entities = new LRUCache({ max: options.maxEntities, ttl: options.ttlMs });
    this.counters = hitCounters(options.metrics, 'gateway_entity_cache', {
      hits: 'Entities served from the gateway entity cache',
      misses: 'Cacheable entities fetched from their subgraph',
    });
  }

  /** Forgets entities (or everything), and keeps fetches already under way from storing them. */
  apply(changes: EntityChanges): void {
    if ('all' in changes) {
      this.flush();
      return;
    }
    this.clock++;
    for (const id of changes.ids) {
      const key = `${changes.typename}:${id}`;
      this.entities.delete(key);
      this.announced.set(key, this.clock);
    }
    // Only fetches under way need the announcements: keep the recent ones.
    if (this.announced.size > 10_000) {
      const keepAfter = this.clock - 5_000;
      for (const [key, at] of this.announced) if (at <= keepAfter) this.announced.delete(key);
      this.flushedAt = Math.max(this.flushedAt, keepAfter);
    }
  }

  /** Null when the fetch is not one the cache serves: the caller fetches as usual. */
  plan(service: string, query: string, representations: unknown): EntityFetchPlan | null {
    if (!this.listening || !Array.isArray(representations) || representations.length === 0) return null;
    const selection = `${service}\n${query}`;
    const analysis = this.analyze(service, query, selection);
    if (!analysis) return null;
    const keys: string[] = [];
    for (const representation of representations) {
      const key = representationKey(representation);
      if (!key || !analysis.types.has((representation as { __typename: string }).__typename)) return null;
      keys.push(key);
    }
    const hits: (Record<string, unknown> | undefined)[] = [];
    const misses: number[] = [];
    keys.forEach((key, i) => {
      const cached = this.entities.get(key)?.get(selection);
      hits.push(cached && { ...cached });
      if (!cached) misses.push(i);
    });
    this.counters?.hits.inc(keys.length - misses.length);
    this.counters?.misses.inc(misses.length);
    return { hits, misses, keys, selection, clock: this.clock, startedAt: Date.now() };
  }

  /** Keeps what a fetch read (results in the order of `plan.misses`), unless announced since. */
  store(plan: EntityFetchPlan, results: readonly unknown[]): void {
    if (!this.listening || plan.clock < this.flushedAt || Date.now() - plan.startedAt > this.options.ttlMs) return;
    plan.misses.forEach((index, k) => {
      const result = results[k];
      if (typeof result !== 'object' || result === null) return;
      const key = plan.keys[index]!;
      if ((this.announced.get(key) ?? 0) > plan.clock) return;
      let selections = this.entities.get(key);
      if (!selections) this.entities.set(key, (selections = new Map()));
      selections.set(plan.selection, { ...(result as Record<string, unknown>) });
    });
  }

  protected flush() {
    this.clock++;
    this.entities.clear();
    this.announced.clear();
    this.flushedAt = this.clock;
  }

  /**
   * Cacheable: `{ _entities(representations: $representations) { ... on T { f g } } }` where every
   * field is a cacheable leaf of T (no arguments, no directives, no sub-selections).
   */
  private analyze(service: string, query: string, selection: string): Analysis | false {
    let analysis = this.analyses.get(selection);
    if (analysis === undefined) {
      analysis = analyzeEntitiesQuery(query, this.options.cacheable[service] ?? {});
      this.analyses.set(selection, analysis);
    }
    return analysis;
  }
}

export function analyzeEntitiesQuery(query: string, cacheable: Record<string, readonly string[]>): Analysis | false {
  if (!query.includes('_entities') || Object.keys(cacheable).length === 0) return false;
  let operation: OperationDefinitionNode | undefined;
  try {
    const document = parse(query, { noLocation: true });
    if (document.definitions.length !== 1 || document.definitions[0]!.kind !== Kind.OPERATION_DEFINITION) return false;
    operation = document.definitions[0];
  } catch {
    return false;
  }
  if (operation.operation !== OperationTypeNode.QUERY || operation.directives?.length) return false;
  const [root, ...rest] = operation.selectionSet.selections;
  if (!root || rest.length || root.kind !== Kind.FIELD || root.name.value !== '_entities' || root.alias || root.directives?.length) return false;
  const types = new Set<string>();
  for (const selection of root.selectionSet?.selections ?? []) {
    if (isTypename(selection)) continue;
    if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition || selection.directives?.length) return false;
    const type = selection.typeCondition.name.value;
    const fields = cacheable[type];
    if (!fields || !leavesWithin(selection, fields)) return false;
    types.add(type);
  }
  return types.size ? { types } : false;
}

const isTypename = (s: SelectionNode) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.directives?.length;

function leavesWithin(fragment: InlineFragmentNode, fields: readonly string[]): boolean {
  return fragment.selectionSet.selections.every(
    (s) => isTypename(s) || (s.kind === Kind.FIELD && fields.includes(s.name.value) && !s.arguments?.length && !s.directives?.length && !s.selectionSet),
  );
}

/**
 * Answers an `_entities` fetch from `plan` and, for its misses, `fetchMissing` (called with the
 * representations still to fetch, in order); errors' paths are mapped back to the whole list.
 */
export async function fetchThroughCache(
  cache: EntityCache,
  plan: EntityFetchPlan,
  representations: readonly unknown[],
  fetchMissing: (representations: unknown[]) => Promise<EntitiesResponse>,
): Promise<EntitiesResponse> {
  if (plan.misses.length === 0) return { data: { _entities: plan.hits } };
  const response = await fetchMissing(plan.misses.map((i) => representations[i]));
  const fetched = response.data?._entities;
  if (!Array.isArray(fetched) || fetched.length !== plan.misses.length) return response;
  if (!response.errors?.length) cache.store(plan, fetched);
  const entities: unknown[] = [...plan.hits];
  plan.misses.forEach((index, k) => (entities[index] = fetched[k]));
  const errors = response.errors?.map((error) =>
    error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? { ...error, path: ['_entities', plan.misses[error.path[1]] ?? error.path[1], ...error.path.slice(2)] } : error,
  );
  return { ...response, data: { ...response.data, _entities: entities }, ...(errors ? { errors } : {}) };
}
