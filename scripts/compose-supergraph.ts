// Composes each subgraph's SDL (schema/<subgraph>.graphql + schema/<subgraph>/*.graphql) into schema/supergraph.graphql with @apollo/composition,
// and derives schema/api.graphql from it: the client-facing schema (what clients and their codegen see: no join__/link__
// machinery, @inaccessible elements removed), as @apollo/federation-internals computes it for the gateway.
// `--check` fails when either checked-in file is stale instead of writing them.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { SUBGRAPHS, subgraphSdl, SUPERGRAPH_PATH } from '../platform/subgraph/names.js';

const API_SCHEMA_PATH = join(dirname(SUPERGRAPH_PATH), 'api.graphql');
const API_SCHEMA_HEADER = `# The client-facing GraphQL schema of the game platform (the gateway's API schema), for client codegen and
# tooling. Generated from schema/supergraph.graphql by \`npm run generate\` (scripts/compose-supergraph.ts): do not edit.
`;

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
const apiSchema = `${API_SCHEMA_HEADER}\n${printSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema()).trimEnd()}\n`;
const outputs = [
  { path: SUPERGRAPH_PATH, name: 'schema/supergraph.graphql', text: supergraph },
  { path: API_SCHEMA_PATH, name: 'schema/api.graphql', text: apiSchema },
];
if (process.argv.includes('--check')) {
  let stale = false;
  for (const { path, name, text } of outputs) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current === text) {
      console.log(`${name} is up to date`);
    } else {
      console.error(`${name} is stale: run \`npm run generate\` and commit the result.`);
      stale = true;
    }
  }
  if (stale) process.exit(1);
} else {
  for (const { path, text } of outputs) await writeFile(path, text);
  console.log(`composed ${services.length} subgraphs into schema/supergraph.graphql and schema/api.graphql`);
}
