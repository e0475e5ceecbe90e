import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from '../metrics.js';
import { silentLogger } from '../testing.js';
import { createSubgraphServer } from './apollo.js';

const HINTS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT
`;
const TYPES = `
  type Item @key(fields: "id") { id: ID! name: String! live: Int! @cacheControl(maxAge: 0) }
  type Query { catalog: [Item!]! @cacheControl(maxAge: 60, scope: PUBLIC) inbox: [Item!]! }
`;

async function serve(typeDefs: string) {
  const items = [{ id: 'a', name: 'A', live: 1 }];
  const { apollo } = createSubgraphServer({
    typeDefs: parse(typeDefs),
    resolvers: { Query: { catalog: () => items, inbox: () => items }, Item: { __resolveReference: ({ id }: { id: string }) => items.find((i) => i.id === id) } },
    logger: silentLogger,
    metrics: createMetricsRegistry('hints-test'),
    includeStack: false,
  });
  await apollo.start();
  return {
    cacheControl: async (query: string, variables?: Record<string, unknown>) => {
      const response = await apollo.executeOperation({ query, variables });
      if (response.body.kind === 'single') expect(response.body.singleResult.errors).toBeUndefined();
      return response.http.headers.get('cache-control');
    },
    stop: () => apollo.stop(),
  };
}

describe('subgraph cache hints', () => {
  it('a schema declaring @cacheControl answers with Cache-Control: hinted queries reusable, anything else no-store', async () => {
    const s = await serve(HINTS + TYPES);
    expect(await s.cacheControl('{ catalog { id name } }')).toBe('max-age=60, public');
    expect(await s.cacheControl('{ catalog { id live } }')).toBe('no-store');
    // unhinted roots are not computed at all: `_entities`, a viewer's own data
    expect(await s.cacheControl('{ inbox { id } }')).toBe('no-store');
    expect(await s.cacheControl('{ catalog { id } inbox { id } }')).toBe('no-store');
    expect(await s.cacheControl('query($r: [_Any!]!) { _entities(representations: $r) { ... on Item { name } } }', { r: [{ __typename: 'Item', id: 'a' }] })).toBe('no-store');
    await s.stop();
  });

  it('a schema without @cacheControl sends no Cache-Control (the gateway reads none as not reusable)', async () => {
    const s = await serve(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n` + TYPES.replace(/ @cacheControl\([^)]*\)/g, ''));
    expect(await s.cacheControl('{ catalog { id name } }')).toBeUndefined();
    await s.stop();
  });
});
