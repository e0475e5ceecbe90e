import type { IncomingMessage } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { VIEWER_HEADER, verifyViewerToken, type Viewer } from './auth.js';
import { createErrorFormatter, toGraphQLError, UnauthenticatedError } from './errors.js';
import { metricsPlugin } from './metrics.js';

export interface SubgraphServerOptions {
  typeDefs: DocumentNode;
  resolvers: unknown;
  logger: Logger;
  metrics: Registry;
  /** Stack traces in error responses: development only. */
  includeStack: boolean;
}

/** An Apollo Server for a Federation 2 subgraph, with the platform's error mapping and metrics. */
export function createSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    includeStacktraceInErrorResponses: options.includeStack,
    formatError: createErrorFormatter({
      includeStack: options.includeStack,
      onUnexpected: (error) => options.logger.error({ err: error }, 'unexpected error'),
    }),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), metricsPlugin(options.metrics)],
  });
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
