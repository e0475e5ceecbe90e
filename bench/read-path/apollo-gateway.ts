// Stock @apollo/gateway for the read-path comparison (bench/read-path/run.ts): the same supergraph,
// no limits, no metrics, no auth of its own. Subgraphs only accept a signed viewer: the bench
// pre-signs each player's viewer token and the client sends it as `x-viewer-token`, passed on to
// every subgraph request as it came — less work than the platform gateway, which verifies each
// request's JWT and signs the viewer.
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const supergraphPath = process.env.BENCH_SUPERGRAPH_PATH;
const port = Number(process.env.BENCH_PORT);
if (!supergraphPath || !port) throw new Error('BENCH_SUPERGRAPH_PATH and BENCH_PORT are required');

interface Context {
  viewerToken: string;
}
// Where run.ts started the subgraphs (free ports), by subgraph name.
const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS ?? '{}') as Record<string, string>;

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(supergraphPath, 'utf8'),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url: urls[name] ?? url,
      willSendRequest: ({ request, context }) => {
        request.http?.headers.set('x-viewer-token', (context as Partial<Context>).viewerToken ?? '');
      },
    }),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port },
  context: async ({ req }) => ({ viewerToken: String(req.headers['x-viewer-token'] ?? '') }),
});
process.stdout.write(`stock Apollo Gateway at ${url}\n`);
