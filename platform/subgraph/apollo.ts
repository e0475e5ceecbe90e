import type { IncomingMessage, Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { WebSocketServer } from 'ws';
import { VIEWER_HEADER, verifyViewerToken, type Viewer } from '../auth.js';
import { createErrorFormatter, toGraphQLError, UnauthenticatedError } from '../errors.js';
import { metricsPlugin } from '../metrics.js';
import { enforceTextPolicy } from '../text-inputs.js';

export interface SubgraphServerOptions {
  typeDefs: DocumentNode;
  resolvers: unknown;
  logger: Logger;
  metrics: Registry;
  /** Stack traces in error responses: development only. */
  includeStack: boolean;
}

/**
 * An Apollo Server for a Federation 2 subgraph, with the platform's error mapping, metrics and
 * text policy (every String/ID argument checked and in NFC before a resolver sees it).
 */
export function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions): {
  apollo: ApolloServer<TContext>;
  schema: GraphQLSchema;
} {
  const schema = buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> });
  enforceTextPolicy(schema);
  const apollo = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: options.includeStack,
    formatError: createErrorFormatter({
      includeStack: options.includeStack,
      onUnexpected: (error) => options.logger.error({ err: error }, 'unexpected error'),
    }),
    // Cache control wraps every field resolver to compute cache hints: only a subgraph whose schema
    // declares @cacheControl pays for it, and only on operations it could make reusable. Its
    // answers then carry Cache-Control (no-store unless every field read is hinted: the default
    // maxAge is 0), which the gateway's response cache honours (gateway/response-cache.ts); other
    // subgraphs send none, which the gateway reads as not reusable.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(schema.getDirective('cacheControl') ? [cacheHintsForHintedRoots(schema)] : []),
      metricsPlugin(options.metrics),
    ],
  });
  return { apollo, schema };
}

/**
 * Apollo's cache-control plugin, computing hints only for operations whose every root field is
 * hinted: any other (an `_entities` fetch, a player's inbox) cannot be reusable, so its fields are
 * not wrapped and its answer says `no-store`. Installed beside the disabled built-in, which keeps
 * Apollo from adding its own.
 */
function cacheHintsForHintedRoots(schema: GraphQLSchema): ApolloServerPlugin {
  const hints = ApolloServerPluginCacheControl({ defaultMaxAge: 0 });
  const hintedRoots = new Set(
    Object.values(schema.getQueryType()?.getFields() ?? {})
      .filter((field) => field.astNode?.directives?.some((d) => d.name.value === 'cacheControl'))
      .map((field) => field.name),
  );
  const noStore = async ({ response }: GraphQLRequestContextWillSendResponse<BaseContext>) => void response.http.headers.set('cache-control', 'no-store');
  return {
    serverWillStart: async (service) => void (await hints.serverWillStart?.(service)),
    requestDidStart: async (requestContext) => {
      const listener = await hints.requestDidStart?.(requestContext);
      let skipped = false;
      return {
        executionDidStart: async (started) => {
          const roots = started.operation.selectionSet.selections;
          const reusable = started.operation.operation === OperationTypeNode.QUERY && roots.every((s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || hintedRoots.has(s.name.value)));
          if (!reusable) {
            skipped = true;
            return;
          }
          return listener?.executionDidStart?.(started);
        },
        willSendResponse: async (sending) => (skipped ? noStore(sending) : listener?.willSendResponse?.(sending)),
      };
    },
  };
}

/**
 * The viewer of a subgraph request, from the gateway's signed header. A request without a valid
 * signature never reaches a resolver: it is answered 401 UNAUTHENTICATED.
 */
export async function viewerOfRequest(req: IncomingMessage, internalSecret: string): Promise<Viewer> {
  const header = req.headers[VIEWER_HEADER];
  try {
    return await verifyViewerToken(Array.isArray(header) ? header[0] : header, internalSecret);
  } catch (error) {
    throw toGraphQLError(error as UnauthenticatedError);
  }
}

/**
 * Serves the subgraph's Subscription fields over graphql-ws at /graphql, for the gateway only.
 * The connection proves it is the gateway with a signed token in `connection_init`
 * (`{ viewerToken }`); each subscription may carry its own viewer in `extensions.viewerToken`, so one
 * multiplexed connection serves every viewer (without it, the connection's viewer applies).
 */
export function serveSubgraphSubscriptions<TContext>(options: {
  httpServer: Server;
  schema: GraphQLSchema;
  internalSecret: string;
  createContext: (viewer: Viewer) => TContext;
  logger: Logger;
  includeStack: boolean;
}): () => Promise<void> {
  // The same mapping as HTTP responses: domain errors keep their code, anything else is masked.
  const formatError = createErrorFormatter({
    includeStack: options.includeStack,
    onUnexpected: (error) => options.logger.error({ err: error }, 'unexpected error in a subscription'),
  });
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const verify = (token: unknown) => verifyViewerToken(typeof token === 'string' ? token : undefined, options.internalSecret);
  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: async (ctx) => {
        try {
          await verify(ctx.connectionParams?.viewerToken);
          return true;
        } catch {
          return false; // closes with 4403 Forbidden
        }
      },
      context: async (ctx, _id, payload) => {
        try {
          // The subscription's own viewer; without one, the connection's.
          const token = payload.extensions?.viewerToken ?? ctx.connectionParams?.viewerToken;
          return options.createContext(await verify(token)) as Record<string, unknown>;
        } catch (error) {
          throw new GraphQLError((error as Error).message, { extensions: { code: 'UNAUTHENTICATED' } });
        }
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors?.length ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : undefined,
      onError: (_ctx, id, _payload, errors) => {
        options.logger.warn({ id, errors: errors.map((e) => e.message) }, 'subscription refused');
      },
    },
    wss,
  );
  return async () => {
    await cleanup.dispose();
  };
}
