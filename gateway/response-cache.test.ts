import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ENTITY_CHANGES_CHANNEL } from '../platform/entity-changes.js';
import { MemoryRedisPort } from '../platform/redis/index.js';
import { ResponseCache } from './response-cache.js';

const logger = pino({ level: 'silent' });

/**
 * A server whose `value` is hinted PUBLIC for 60 s and `secret` is not hinted, answering the
 * current version; `hold` makes the next `value` wait until released.
 */
async function serve() {
  const redis = new MemoryRedisPort();
  const cache = new ResponseCache({ maxBytes: 1 << 20, logger });
  await cache.start(redis);
  let version = 1;
  let held: Promise<void> | undefined;
  const server = new ApolloServer({
    typeDefs: `
      enum CacheControlScope { PUBLIC PRIVATE }
      directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT
      type Query { value: String @cacheControl(maxAge: 60, scope: PUBLIC) secret: String @cacheControl(maxAge: 60, scope: PRIVATE) live: String }`,
    resolvers: {
      Query: {
        value: async () => {
          const answer = `v${version}`;
          await held;
          return answer;
        },
        secret: () => `s${version}`,
        live: () => `l${version}`,
      },
    },
    plugins: [cache.plugin()],
  });
  await server.start();
  const ask = async (query: string) => {
    const response = await server.executeOperation({ query });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult.data;
  };
  return {
    cache,
    redis,
    ask,
    bump: () => version++,
    hold: () => {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    stop: () => server.stop(),
  };
}

describe('ResponseCache', () => {
  it('reuses PUBLIC answers only: PRIVATE and unhinted ones are computed each time', async () => {
    const s = await serve();
    expect(await s.ask('{ value }')).toEqual({ value: 'v1' });
    s.bump();
    expect(await s.ask('{ value }')).toEqual({ value: 'v1' });
    expect(await s.ask('{ secret }')).toEqual({ secret: 's2' });
    expect(await s.ask('{ live value }')).toEqual({ live: 'l2', value: 'v2' });
    s.bump();
    expect(await s.ask('{ secret }')).toEqual({ secret: 's3' });
    expect(await s.ask('{ live value }')).toEqual({ live: 'l3', value: 'v3' });
    expect(s.cache.size).toBe(1);
    await s.stop();
  });

  it('empties on "everything changed" but not on single entities', async () => {
    const s = await serve();
    await s.ask('{ value }');
    s.bump();
    await s.redis.publish(ENTITY_CHANGES_CHANNEL, JSON.stringify({ typename: 'User', ids: ['u1'] }));
    expect(await s.ask('{ value }')).toEqual({ value: 'v1' });
    await s.redis.publish(ENTITY_CHANGES_CHANNEL, JSON.stringify({ all: true }));
    expect(await s.ask('{ value }')).toEqual({ value: 'v2' });
    await s.stop();
  });

  it('does not keep an answer computed before an announcement that arrived while it was computed', async () => {
    const s = await serve();
    const release = s.hold();
    const stale = s.ask('{ value }');
    await new Promise((resolve) => setTimeout(resolve, 10));
    s.bump();
    s.cache.apply({ all: true });
    release();
    expect(await stale).toEqual({ value: 'v1' });
    expect(s.cache.size).toBe(0);
    expect(await s.ask('{ value }')).toEqual({ value: 'v2' });
    await s.stop();
  });

  it('serves and keeps nothing once stopped listening', async () => {
    const s = await serve();
    await s.ask('{ value }');
    await s.cache.stop();
    s.bump();
    expect(await s.ask('{ value }')).toEqual({ value: 'v2' });
    expect(s.cache.size).toBe(0);
    await s.stop();
  });

  it('empties when an announcement cannot be read', async () => {
    const s = await serve();
    await s.ask('{ value }');
    s.bump();
    await s.redis.publish(ENTITY_CHANGES_CHANNEL, 'not json');
    expect(await s.ask('{ value }')).toEqual({ value: 'v2' });
    await s.stop();
  });
});
