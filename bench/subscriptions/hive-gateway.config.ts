// Hive Gateway configuration for the comparison in run.ts (`hive-gateway supergraph <sdl> -c <this>`).
// Subgraphs only accept the platform gateway's signed viewer: run.ts signs one anonymous viewer token
// with ViewerSigner and hands it over in BENCH_VIEWER_TOKEN; it goes in the `x-viewer-token` header of
// every HTTP fetch and in connection_init (`{ viewerToken }`) of the graphql-ws subscriptions.
import { defineConfig } from '@graphql-hive/gateway';

const viewerToken = process.env.BENCH_VIEWER_TOKEN;
if (!viewerToken) throw new Error('BENCH_VIEWER_TOKEN is required');
// Where run.ts started the subgraphs (free ports), by subgraph name; overrides the supergraph's URLs.
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;

export const gatewayConfig = defineConfig({
  logging: 'error',
  transportEntries: {
    ...Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
    '*.http': {
      headers: [['x-viewer-token', viewerToken]],
      options: {
        subscriptions: {
          kind: 'ws',
          location: '/graphql',
          options: { connectionParams: { viewerToken } },
        },
      },
    },
  },
});
