// Hive Gateway for the read-path comparison (bench/read-path/run.ts). Each load connection is its
// own player: the bench pre-signs each player's viewer token (subgraphs only accept a signed viewer)
// and sends it as `x-viewer-token`, which goes on to every subgraph request as it came.
import { defineConfig } from '@graphql-hive/gateway';

// Where run.ts started the subgraphs (free ports), by subgraph name; overrides the supergraph's URLs.
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;

export const gatewayConfig = defineConfig({
  logging: 'error',
  transportEntries: Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({ 'x-viewer-token': request.headers.get('x-viewer-token') ?? '' }),
  },
});
