import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { VIEWER_HEADER, ViewerSigner, viewerFromAuthorization, type Viewer } from '../platform/auth.js';
import { createErrorFormatter, toGraphQLError, type DomainError } from '../platform/errors.js';
import { metricsPlugin } from '../platform/metrics.js';

export interface GatewayContext {
  viewer: Viewer;
}

export interface GatewayDeps {
  supergraphSdl: string;
  /** Where each subgraph (by name in the supergraph) answers. */
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  internalSecret: string;
  logger: Logger;
  metrics: Registry;
  includeStack: boolean;
  /** Serve the Apollo Sandbox landing page at GET /graphql (development). */
  landingPage: boolean;
}

/** Forwards the viewer to a subgraph in a header signed with the internal secret. */
class SignedViewerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly signer: ViewerSigner) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const viewer = (context as Partial<GatewayContext>).viewer;
    request.http?.headers.set(VIEWER_HEADER, await this.signer.sign(viewer ?? { userId: null, role: null }));
  }
}

/**
 * The gateway: Apollo Gateway over the composed supergraph, authenticating players at the edge.
 * No ports, no environment: index.ts serves it.
 */
export function createGatewayServer(deps: GatewayDeps) {
  // @apollo/gateway otherwise probes cloud metadata endpoints and reports usage to Apollo over the
  // internet on start. A self-hosted deployment must not phone home (docs/decisions.md).
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const signer = new ViewerSigner(deps.internalSecret);
  const gateway = new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = deps.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph ${name}`);
      return new SignedViewerDataSource(target, signer);
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: deps.includeStack,
    formatError: createErrorFormatter({
      includeStack: deps.includeStack,
      onUnexpected: (error) => deps.logger.error({ err: error }, 'unexpected gateway error'),
    }),
    plugins: [metricsPlugin(deps.metrics), ...(deps.landingPage ? [] : [ApolloServerPluginLandingPageDisabled()])],
  });
  const context = async (req: IncomingMessage): Promise<GatewayContext> => {
    try {
      return { viewer: await viewerFromAuthorization(req.headers.authorization, deps.jwtSecret) };
    } catch (error) {
      throw toGraphQLError(error as DomainError);
    }
  };
  return { apollo, gateway, context, signer };
}
