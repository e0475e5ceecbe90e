import { z } from 'zod';
import { loadConfig } from '../platform/config.js';
import { SUBGRAPHS, SUPERGRAPH_PATH as DEFAULT_SUPERGRAPH_PATH } from '../platform/subgraph/names.js';
import type { OperationLimits } from './limits.js';

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
  /**
   * After an event written to many websockets at once (64 or more), the next round of writes waits
   * until this long after that one began, so a busy room costs one write per subscriber per
   * interval rather than per message; adds at most this to a delivery. 0: every turn.
   */
  WS_WRITE_INTERVAL_MS: z.coerce.number().int().min(0).max(1_000).default(20),
  /** Each websocket is pinged this often; one that has not answered the previous ping is dropped. */
  WS_KEEP_ALIVE_MS: z.coerce.number().int().positive().default(12_000),
  /** Time a client has to send connection_init before the socket is closed with 4408. */
  WS_CONNECTION_INIT_TIMEOUT_MS: z.coerce.number().int().positive().default(3_000),
  /** Largest websocket message a client may send; a bigger one closes that socket with 1009 (ws). */
  WS_MAX_PAYLOAD_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  /** Operations one websocket may have running at once; one more is refused with OPERATION_LIMIT_EXCEEDED. */
  WS_MAX_OPERATIONS_PER_CONNECTION: z.coerce.number().int().positive().default(100),
  /** `subscribe` messages one websocket may send per second; more are refused with RATE_LIMITED. */
  WS_MAX_SUBSCRIBES_PER_SECOND: z.coerce.number().int().positive().default(50),
  /** Parsed documents the websocket server keeps, in MiB (estimated from their text). */
  WS_DOCUMENT_CACHE_MIB: z.coerce.number().positive().default(16),

  // Operation limits, HTTP and graphql-ws alike, checked before planning (gateway/limits.ts).
  // A refusal is HTTP 400 with extensions.code OPERATION_LIMIT_EXCEEDED and extensions.limit.
  /** Field nesting (fragments flattened). Deep enough for chatRoom.messages.edges.node.author.achievements.achievement.name. */
  GATEWAY_MAX_DEPTH: z.coerce.number().int().positive().default(12),
  /** Aliased fields, `__typename` included, counted at every fragment spread. */
  GATEWAY_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  /** Directives applied in one operation. */
  GATEWAY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  /** Lexical tokens in one document (a 200-line query has about 1,000). */
  GATEWAY_MAX_TOKENS: z.coerce.number().int().positive().default(2_000),
  /**
   * Estimated fields resolved: each field 1, and a list or page multiplies what it selects by its
   * size (`first`/`last`/`limit`, the length of `ids`, else GATEWAY_COST_DEFAULT_LIST_SIZE).
   * messages(first: 100) { edges { node { id text } } } costs 1 + 100 × 4 = 401.
   */
  GATEWAY_MAX_COST: z.coerce.number().int().positive().default(25_000),
  /** The size assumed for a list or connection with no size argument (the subgraphs' default page is 20). */
  GATEWAY_COST_DEFAULT_LIST_SIZE: z.coerce.number().int().min(0).default(20),
  /** Selections once every fragment spread is expanded (what the planner would see). */
  GATEWAY_MAX_SELECTIONS: z.coerce.number().int().positive().default(2_000),
  /** Nesting of objects and arrays in variable values; deeper is BAD_USER_INPUT. */
  GATEWAY_MAX_VARIABLES_DEPTH: z.coerce.number().int().positive().default(32),
  /**
   * Browser origins (scheme://host[:port], comma-separated) whose pages may call the HTTP API
   * cross-origin (CORS: preflight answered, Access-Control-Allow-Origin sent); `*`: any origin.
   * Unset: same-origin pages only. Credentials are never allowed (players send a bearer token).
   */
  GATEWAY_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins = value.split(',').map((o) => o.trim()).filter(Boolean);
      if (origins.includes('*')) return origins.length === 1 ? ('*' as const) : (ctx.addIssue({ code: 'custom', message: '`*` cannot be listed with other origins' }), z.NEVER);
      for (const origin of origins) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = undefined;
        }
        if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
          ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin such as https://game.example.com` });
          return z.NEVER;
        }
      }
      return origins.map((o) => o.replace(/\/$/, ''));
    }),
  /** Largest HTTP request body; bigger is 413 PAYLOAD_TOO_LARGE. */
  GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** An HTTP operation still unanswered after this (planning and subgraph calls) is answered 504 TIMEOUT. */
  GATEWAY_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
  /**
   * How long the entity cache may serve a player's public fields (name, level, points: each
   * subgraph's contracts/entity-cache.ts) without a change announcement; 0 turns the cache off.
   * Changes are announced after each write commits, so this only bounds a lost announcement.
   */
  GATEWAY_ENTITY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Entities the entity cache holds (least recently used dropped first). */
  GATEWAY_ENTITY_CACHE_ENTITIES: z.coerce.number().int().positive().default(100_000),
  /**
   * The response cache, in MiB of serialized answers: whole query answers the subgraphs hinted
   * PUBLIC (the achievement catalog), reused until their maxAge or a catalog change. 0: off.
   */
  GATEWAY_RESPONSE_CACHE_MIB: z.coerce.number().min(0).default(16),
  /** Apollo's cache of parsed and validated documents, in MiB (estimated from their text). */
  GATEWAY_DOCUMENT_CACHE_MIB: z.coerce.number().positive().default(30),
  /** The gateway's query plan cache, in MiB (@apollo/gateway's own size estimate). */
  GATEWAY_QUERY_PLAN_CACHE_MIB: z.coerce.number().positive().default(30),
  /**
   * Operations per viewer (signed in: their id; else the client address) per window, shared by
   * every gateway replica through Redis: HTTP operations and websocket `subscribe` messages.
   * 300 per 3 s: 100 a second on average, bursts of 300 (a client reconnecting with a few hundred
   * subscriptions). Over it: RATE_LIMITED, HTTP 429 with Retry-After, extensions.retryAfterMs.
   */
  GATEWAY_RATE_LIMIT_POINTS: z.coerce.number().int().positive().default(300),
  GATEWAY_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(3),
  /**
   * The same budget for a game server's service token (per API key, same window): game servers
   * report for every match of every player, so theirs is far larger than a player's.
   */
  GATEWAY_SERVICE_RATE_LIMIT_POINTS: z.coerce.number().int().positive().default(30_000),

  /**
   * The API explorer (GraphiQL, gateway/explorer/) at /graphql for browsers: on unless NODE_ENV is
   * production. `true` turns it on in production too, and with it introspection (the explorer
   * reads the schema that way); `false` turns it off everywhere.
   */
  GATEWAY_EXPLORER: z.enum(['true', 'false']).optional(),
  /**
   * The web console (gateway/console/) at /console: on unless NODE_ENV is production; `true` turns it
   * on in production too, `false` off everywhere. It holds no privilege: it calls /graphql as the
   * player signed in to it.
   */
  GATEWAY_CONSOLE: z.enum(['true', 'false']).optional(),
  /** The composed supergraph the gateway serves (a mounted file in a deployment). */
  SUPERGRAPH_PATH: z.string().min(1).default(DEFAULT_SUPERGRAPH_PATH),
  /** How often the gateway checks SUPERGRAPH_PATH for a new version to apply without a restart; 0 never. */
  SUPERGRAPH_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
  ...subgraphUrls,
});

export const loadGatewayConfig = (env: Record<string, string | undefined> = process.env) => loadConfig(gatewayEnv, env);
export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

/** The operation limits in configuration (gateway/limits.ts). */
export function operationLimitsFrom(config: GatewayConfig): OperationLimits {
  return {
    maxDepth: config.GATEWAY_MAX_DEPTH,
    maxAliases: config.GATEWAY_MAX_ALIASES,
    maxDirectives: config.GATEWAY_MAX_DIRECTIVES,
    maxTokens: config.GATEWAY_MAX_TOKENS,
    maxCost: config.GATEWAY_MAX_COST,
    defaultListSize: config.GATEWAY_COST_DEFAULT_LIST_SIZE,
    maxSelections: config.GATEWAY_MAX_SELECTIONS,
    maxVariablesDepth: config.GATEWAY_MAX_VARIABLES_DEPTH,
  };
}

/** Whether the gateway serves the API explorer: GATEWAY_EXPLORER, else everywhere but production. */
export const explorerEnabled = (config: Pick<GatewayConfig, 'GATEWAY_EXPLORER' | 'NODE_ENV'>): boolean =>
  config.GATEWAY_EXPLORER === undefined ? config.NODE_ENV !== 'production' : config.GATEWAY_EXPLORER === 'true';

/** Whether the gateway serves the web console: GATEWAY_CONSOLE, else everywhere but production. */
export const consoleEnabled = (config: Pick<GatewayConfig, 'GATEWAY_CONSOLE' | 'NODE_ENV'>): boolean =>
  config.GATEWAY_CONSOLE === undefined ? config.NODE_ENV !== 'production' : config.GATEWAY_CONSOLE === 'true';

/** The subgraph URLs from configuration, by subgraph name. */
export function subgraphUrlsFrom(config: GatewayConfig): Record<string, string> {
  return Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, config[`${name.toUpperCase()}_URL` as keyof GatewayConfig] as string]));
}
