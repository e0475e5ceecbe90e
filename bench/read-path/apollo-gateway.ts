// Stock @apollo/gateway for the read-path comparison (bench/read-path/run.ts): the same supergraph,
// no limits, no metrics, no auth of its own. Subgraphs only accept a signed viewer, so every
// subgraph request carries the one token run.ts signed for the bench's player (BENCH_VIEWER_TOKEN)
// — less work than the platform gateway, which verifies each request's JWT and signs per viewer.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const viewerToken = process.env.BENCH_VIEWER_TOKEN;
const supergraphPath = process.env.BENCH_SUPERGRAPH_PATH;
const port = Number(process.env.BENCH_PORT);
if (!viewerToken || !supergraphPath || !port) throw new Error('BENCH_VIEWER_TOKEN, BENCH_SUPERGRAPH_PATH and BENCH_PORT are required');
// Where run.ts started the subgraphs (free ports), by subgraph name.
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url: urls[name] ?? url,
      willSendRequest: ({ request }) => {
        request.http?.headers.set('x-viewer-token', viewerToken);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port } });
process.stdout.write(`stock Apollo Gateway at ${url}\n`);
