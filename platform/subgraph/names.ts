import { projectPath } from '../paths.js';

/** The five subgraphs, their default ports, and where their SDL lives. */
export const SUBGRAPHS = [
  { name: 'users', defaultPort: 4001 },
  { name: 'achievements', defaultPort: 4002 },
  { name: 'social', defaultPort: 4003 },
  { name: 'tournaments', defaultPort: 4004 },
  { name: 'analytics', defaultPort: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const subgraphSchemaPath = (name: SubgraphName) => projectPath('schema', `${name}.graphql`);

export const SUPERGRAPH_PATH = projectPath('schema', 'supergraph.graphql');
