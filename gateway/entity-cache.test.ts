import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ENTITY_CHANGES_CHANNEL } from '../platform/entity-changes.js';
import { MemoryRedisPort, type RedisPort } from '../platform/redis/index.js';
import { analyzeEntitiesQuery, EntityCache, fetchThroughCache, type EntitiesResponse } from './entity-cache.js';

const CACHEABLE = { users: { User: ['id', 'username', 'displayName', 'level'] } };
const QUERY = 'query($representations:[_Any!]!){_entities(representations:$representations){...on User{username displayName level}}}';
const logger = pino({ level: 'silent' });
const user = (id: string) => ({ __typename: 'User', id });

async function started(redis: RedisPort = new MemoryRedisPort()) {
  const cache = new EntityCache({ cacheable: CACHEABLE, ttlMs: 60_000, maxEntities: 1_000, logger });
  await cache.start(redis);
  return { cache, redis };
}

/** A subgraph that answers each representation with its id in the fields, counting calls. */
function subgraph() {
  const calls: unknown[][] = [];
  let version = 1;
  return {
    calls,
    bump: () => version++,
    fetch: async (representations: unknown[]): Promise<EntitiesResponse> => {
      calls.push(representations);
      return { data: { _entities: representations.map((r) => ({ username: (r as { id: string }).id, displayName: `v${version}`, level: 1 })) } };
    },
  };
}

describe('analyzeEntitiesQuery', () => {
  it.each([
    ['cacheable leaves of one type', QUERY, true],
    ['with __typename', 'query($r:[_Any!]!){_entities(representations:$r){__typename ...on User{__typename username}}}', true],
    ['a field not declared cacheable', 'query($r:[_Any!]!){_entities(representations:$r){...on User{username email}}}', false],
    ['a field with arguments', 'query($r:[_Any!]!){_entities(representations:$r){...on User{level(at: 1)}}}', false],
    ['a sub-selection', 'query($r:[_Any!]!){_entities(representations:$r){...on User{username guild{name}}}}', false],
    ['a directive (the result depends on variables)', 'query($r:[_Any!]!,$s:Boolean!){_entities(representations:$r){...on User{username @skip(if:$s)}}}', false],
    ['a type with nothing declared', 'query($r:[_Any!]!){_entities(representations:$r){...on Guild{name}}}', false],
    ['a root field other than _entities', 'query{me{username}}', false],
    ['a mutation', 'mutation($r:[_Any!]!){_entities(representations:$r){...on User{username}}}', false],
    ['not GraphQL', '{_entities(', false],
  ])('%s', (_what, query, cacheable) => {
    expect(analyzeEntitiesQuery(query, CACHEABLE.users) !== false).toBe(cacheable);
  });
});

describe('EntityCache', () => {
  it('fetches only what it does not hold, in order, and serves the rest', async () => {
    const { cache } = await started();
    const remote = subgraph();
    const reps = [user('a'), user('b')];
    const first = await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    expect(first.data?._entities).toEqual([
      { username: 'a', displayName: 'v1', level: 1 },
      { username: 'b', displayName: 'v1', level: 1 },
    ]);
    const more = [user('b'), user('c'), user('a')];
    const second = await fetchThroughCache(cache, cache.plan('users', QUERY, more)!, more, remote.fetch);
    expect(remote.calls).toEqual([reps, [user('c')]]);
    expect(second.data?._entities).toEqual([
      { username: 'b', displayName: 'v1', level: 1 },
      { username: 'c', displayName: 'v1', level: 1 },
      { username: 'a', displayName: 'v1', level: 1 },
    ]);
  });

  it('hands out copies: merging into a served entity does not change the cache', async () => {
    const { cache } = await started();
    const remote = subgraph();
    const reps = [user('a')];
    await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    const served = (await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch)).data!._entities![0] as Record<string, unknown>;
    served.displayName = 'changed by the caller';
    const again = await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    expect(again.data?._entities?.[0]).toMatchObject({ displayName: 'v1' });
  });

  it('forgets an entity when its subgraph announces a change', async () => {
    const { cache, redis } = await started();
    const remote = subgraph();
    const reps = [user('a'), user('b')];
    await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    remote.bump();
    await redis.publish(ENTITY_CHANGES_CHANNEL, JSON.stringify({ typename: 'User', ids: ['a'] }));
    const after = await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    expect(remote.calls.at(-1)).toEqual([user('a')]);
    expect(after.data?._entities).toEqual([
      { username: 'a', displayName: 'v2', level: 1 },
      { username: 'b', displayName: 'v1', level: 1 },
    ]);
  });

  it('does not store what a fetch read when the entity was announced while it ran', async () => {
    const { cache } = await started();
    const reps = [user('a')];
    const plan = cache.plan('users', QUERY, reps)!;
    await fetchThroughCache(cache, plan, reps, async () => {
      cache.apply({ typename: 'User', ids: ['a'] }); // the change committed while the stale read was on its way
      return { data: { _entities: [{ username: 'a', displayName: 'stale', level: 1 }] } };
    });
    expect(cache.plan('users', QUERY, reps)!.misses).toEqual([0]);
  });

  it('empties on "everything changed"', async () => {
    const { cache, redis } = await started();
    const remote = subgraph();
    const reps = [user('a'), user('b')];
    await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    await redis.publish(ENTITY_CHANGES_CHANNEL, JSON.stringify({ all: true }));
    expect(cache.plan('users', QUERY, reps)!.misses).toEqual([0, 1]);
  });

  it('serves and stores nothing while the announcements channel is lost, and starts empty after', async () => {
    let interrupted: ((resumed: Promise<void>) => void) | undefined;
    const memory = new MemoryRedisPort();
    const redis = {
      ...memory,
      publish: memory.publish.bind(memory),
      subscribe: async (channel: string, listener: (m: string) => void, options?: { onInterrupted?: (resumed: Promise<void>) => void }) => {
        interrupted = options?.onInterrupted;
        return memory.subscribe(channel, listener);
      },
    } as unknown as RedisPort;
    const { cache } = await started(redis);
    const remote = subgraph();
    const reps = [user('a')];
    await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, remote.fetch);
    let resume!: () => void;
    interrupted!(new Promise<void>((r) => (resume = r)));
    expect(cache.plan('users', QUERY, reps)).toBeNull();
    resume();
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.plan('users', QUERY, reps)!.misses).toEqual([0]);
  });

  it('declines fetches it cannot key: representations with more than a type and an id, other subgraphs, other selections', async () => {
    const { cache } = await started();
    expect(cache.plan('users', QUERY, [{ __typename: 'User', id: 'a', level: 3 }])).toBeNull();
    expect(cache.plan('achievements', QUERY, [user('a')])).toBeNull();
    expect(cache.plan('users', QUERY.replace('level', 'email'), [user('a')])).toBeNull();
    expect(cache.plan('users', QUERY, [])).toBeNull();
  });

  it("maps the errors of a partial fetch back to the whole list's indexes and keeps nothing of it", async () => {
    const { cache } = await started();
    const remote = subgraph();
    await fetchThroughCache(cache, cache.plan('users', QUERY, [user('a')])!, [user('a')], remote.fetch);
    const reps = [user('a'), user('b'), user('c')];
    const response = await fetchThroughCache(cache, cache.plan('users', QUERY, reps)!, reps, async () => ({
      data: { _entities: [{ username: 'b', displayName: 'v1', level: 1 }, null] },
      errors: [{ message: 'gone', path: ['_entities', 1, 'username'] }],
    }));
    expect(response.errors).toEqual([{ message: 'gone', path: ['_entities', 2, 'username'] }]);
    expect(response.data?._entities).toEqual([{ username: 'a', displayName: 'v1', level: 1 }, { username: 'b', displayName: 'v1', level: 1 }, null]);
    expect(cache.plan('users', QUERY, reps)!.misses).toEqual([1, 2]);
  });
});
