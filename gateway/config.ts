import { z } from 'zod';
import { loadConfig } from '../platform/config.js';
import { SUBGRAPHS, SUPERGRAPH_PATH as DEFAULT_SUPERGRAPH_PATH } from '../platform/subgraphs.js';

const subgraphUrls = Object.fromEntries(
  SUBGRAPHS.map(({ name, defaultPort }) => [
    `${name.toUpperCase()}_URL`,
    z.string().url().default(`http://127.0.0.1:${defaultPort}/graphql`),
  ]),
) as Record<`${Uppercase<(typeof SUBGRAPHS)[number]['name']>}_URL`, z.ZodDefault<z.ZodString>>;

export const gatewayEnv = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(0).default(4000),
  /** Behind a reverse proxy: trust its X-Forwarded-For for the client's address. */
  TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Unsent bytes on one websocket before it is closed as a slow consumer (4509). */
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  /** Each websocket is pinged this often; one that has not answered the previous ping is dropped. */
  WS_KEEP_ALIVE_MS: z.coerce.number().int().positive().default(12_000),
  /** Time a client has to send connection_init before the socket is closed with 4408. */
  WS_CONNECTION_INIT_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
  /** The composed supergraph the gateway serves (a mounted file in a deployment). */
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  /** How often the gateway checks SUPERGRAPH_PATH for a new version to apply without a restart; 0 never. */
  SUPERGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
  ...subgraphUrls,
});

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(gatewayEnv, env);
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** The subgraph URLs from configuration, by subgraph name. */
export function subgraphUrlsFrom(config: GatewayConfig): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, config[`${name.toUpperCase()}_URL` as keyof GatewayConfig] as string]));
}
