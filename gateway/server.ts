import { Agent, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import nodeFetch from 'node-fetch';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ANONYMOUS, VIEWER_HEADER, ViewerSigner, viewerFromAuthorization, type Viewer } from '../platform/auth.js';
import { createErrorFormatter, ServiceUnavailableError, toGraphQLError, type DomainError } from '../platform/errors.js';
import { metricsPlugin } from '../platform/metrics.js';
import { SubscriptionEngine } from './subscriptions/engine.js';
import { createSubscriptionMetrics } from './subscriptions/metrics.js';
import { SubscriptionPlanner } from './subscriptions/planner.js';
import { UpstreamPool } from './subscriptions/upstream.js';
import type { SupergraphUpdates } from './supergraph.js';

export interface GatewayContext {
  viewer: Viewer;
}

export interface GatewayDeps {
  supergraphSdl: string;
  /** Later versions of the supergraph, applied without a restart (queries and live subscriptions). */
  supergraphUpdates?: SupergraphUpdates;
  /** Where each subgraph (by name in the supergraph) answers. */
  subgraphUrls: Record<string, string>;
  jwtSecret: string;
  internalSecret: string;
  logger: Logger;
  metrics: Registry;
  includeStack: boolean;
  /** Serve the Apollo Sandbox landing page at GET /graphql (development). */
  landingPage: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
}

/** The player's address, for per-address limits: the socket's peer, or the proxy's word for it. */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return forwarded || req.socket.remoteAddress || null;
}

/**
 * How the gateway calls subgraphs: node-fetch over keep-alive agents (one for http, one for https
 * subgraph URLs). Apollo's default (make-fetch-happen, built for npm's HTTP cache) costs ≈ 0.5 ms
 * more per fetch on the bench machine, paid by every query's subgraph fetch and every subscription
 * event's entity fetch. Subgraphs keep idle sockets 65 s (platform/http.ts); the agents drop them
 * after 30 s, first.
 */
const subgraphAgents = {
  http: new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 30_000 }),
  https: new HttpsAgent({ keepAlive: true, scheduling: 'lifo', timeout: 30_000 }),
};
export const subgraphAgentFor = (url: URL): Agent => (url.protocol === 'https:' ? subgraphAgents.https : subgraphAgents.http);
const subgraphFetcher = ((url: string, init: Parameters<typeof nodeFetch>[1]) =>
  nodeFetch(url, { ...init, agent: subgraphAgentFor })) as unknown as RemoteGraphQLDataSource['fetcher'];

/**
 * Forwards the viewer to a subgraph in a header signed with the internal secret. A subgraph that
 * cannot be reached (no answer, or 502/503/504 from a proxy) is SERVICE_UNAVAILABLE, not a masked
 * internal error: the other subgraphs' data still reaches the client (nullable root fields).
 */
class SignedViewerDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly signer: ViewerSigner,
    private readonly serviceName: string,
    private readonly logger: Logger,
  ) {
    super({ url, fetcher: subgraphFetcher });
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }) {
    if (!response || [502, 503, 504].includes(response.status)) {
      this.logger.warn({ err: error, service: this.serviceName }, 'subgraph unreachable');
      throw toGraphQLError(new ServiceUnavailableError(this.serviceName));
    }
    throw error;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const viewer = (context as Partial<GatewayContext>).viewer;
    request.http?.headers.set(VIEWER_HEADER, await this.signer.sign(viewer ?? ANONYMOUS));
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
  // One data source per subgraph, shared by queries and by the subscription engine's entity fetches.
  const dataSources: Record<string, SignedViewerDataSource> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: {
      initialize: async ({ update }) => {
        const stop = deps.supergraphUpdates?.subscribe((sdl) => {
          try {
            update(sdl);
          } catch (error) {
            deps.logger.error({ err: error }, 'the gateway refused the changed supergraph; still serving the previous one');
          }
        });
        return { supergraphSdl: deps.supergraphSdl, cleanup: async () => stop?.() };
      },
    },
    buildService: ({ name, url }) => {
      const target = deps.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph ${name}`);
      return (dataSources[name] ??= new SignedViewerDataSource(target, signer, name, deps.logger));
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
      const viewer = await viewerFromAuthorization(req.headers.authorization, deps.jwtSecret);
      return { viewer: { ...viewer, clientAddress: clientAddressOf(req, deps.trustProxy) } };
    } catch (error) {
      throw toGraphQLError(error as DomainError);
    }
  };
  const upstream = new UpstreamPool(deps.subgraphUrls, signer, deps.logger);
  const subscriptionMetrics = createSubscriptionMetrics(deps.metrics);
  const subscriptions = new SubscriptionEngine({
    planner: new SubscriptionPlanner(deps.supergraphSdl),
    upstream,
    dataSources,
    logger: deps.logger,
    metrics: subscriptionMetrics,
  });
  // Apollo has switched queries to a new supergraph: move the live subscriptions too.
  let servedSdl = deps.supergraphSdl;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    if (coreSupergraphSdl === servedSdl) return;
    servedSdl = coreSupergraphSdl;
    subscriptions.updateSupergraph(new SubscriptionPlanner(coreSupergraphSdl));
    subscriptionMetrics.supergraphUpdates.inc();
    deps.logger.info({ subscriptions: subscriptions.subscriberCount }, 'supergraph updated');
  });
  return { apollo, gateway, context, signer, subscriptions, subscriptionMetrics, upstream };
}
