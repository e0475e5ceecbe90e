// Composes each subgraph's SDL (schema/<subgraph>.graphql + schema/<subgraph>/*.graphql) into schema/supergraph.graphql with @apollo/composition.
// `--check` fails when the checked-in supergraph is stale instead of writing it.
import { readFile, writeFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS, subgraphSdl, SUPERGRAPH_PATH } from '../platform/subgraph/names.js';

const services = await Promise.all(
  SUBGRAPHS.map(async ({ name, defaultPort }) => ({
    name,
    // Placeholder routing URLs; the gateway routes by its own configuration (GATEWAY_*_URL).
    url: `http://127.0.0.1:${defaultPort}/graphql`,
    typeDefs: parse(subgraphSdl(name)),
  })),
);
const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints) console.warn(`composition hint: ${hint.definition.code}: ${hint.message}`);
const supergraph = `${result.supergraphSdl.trimEnd()}\n`;
if (process.argv.includes('--check')) {
  const current = await readFile(SUPERGRAPH_PATH, 'utf8').catch(() => '');
  if (current !== supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run generate` and commit the result.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date');
} else {
  await writeFile(SUPERGRAPH_PATH, supergraph);
  console.log(`composed ${services.length} subgraphs into schema/supergraph.graphql`);
}
