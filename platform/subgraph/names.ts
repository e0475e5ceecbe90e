import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * A subgraph's SDL files: `schema/<name>.graphql` (the federation `@link`, the root types, what its
 * parts share), then `schema/<name>/*.graphql` in name order, one per capability (social: chat,
 * presence, guilds…), each extending the root types with `extend type Query`. Together they are
 * one subgraph schema.
 */
export function subgraphSchemaPaths(name: SubgraphName): string[] {
  const dir = projectPath('schema', name);
  const parts = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort() : [];
  return [projectPath('schema', `${name}.graphql`), ...parts.map((f) => projectPath('schema', name, f))];
}

/** A subgraph's whole SDL: its files (subgraphSchemaPaths) joined. */
export const subgraphSdl = (name: SubgraphName) =>
  subgraphSchemaPaths(name)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

export const SUPERGRAPH_PATH = projectPath('schema', 'supergraph.graphql');
