import type { IncomingMessage } from 'node:http';
import type { CachePolicy } from '@apollo/cache-control-types';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { FetcherResponse } from '@apollo/utils.fetcher';
import { GraphQLError, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ANONYMOUS, VIEWER_HEADER, ViewerSigner, viewerFromAuthorization, type Viewer } from '../platform/auth.js';
import { createErrorFormatter, ServiceUnavailableError, toGraphQLError, type DomainError } from '../platform/errors.js';
import { ErrorCode } from '../platform/errors.js';
import { metricsPlugin } from '../platform/metrics.js';
import type { RateLimit } from '../platform/rate-limit.js';
import { checkCustomScalars, clientMistakesPlugin, recodeClientError } from './client-errors.js';
import { EntityCache, fetchThroughCache, type EntitiesResponse } from './entity-cache.js';
import { postToSubgraph, SubgraphResponse } from './subgraph-http.js';
import type { Explorer } from './explorer/index.js';
import type { ResponseCache } from './response-cache.js';
import { DOCUMENT_BYTES_PER_CHAR, documentLimitRules, parseOptionsFor, type OperationLimits } from './limits.js';
import { SubscriptionEngine } from './subscriptions/engine.js';
import { createSubscriptionMetrics } from './subscriptions/metrics.js';
import { SubscriptionPlanner } from './subscriptions/planner.js';
import { UpstreamPool } from './subscriptions/upstream.js';
import type { SupergraphUpdates } from './supergraph.js';

export interface GatewayContext {
  viewer: Viewer;
  /** When the request must be answered by (ms since the epoch); later subgraph calls are not made. */
  deadline?: number;
  /** Aborted at the deadline: subgraph calls still in flight are cancelled (their sockets closed). */
  signal?: AbortSignal;
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
  /** The API explorer for browsers at GET /graphql (gateway/explorer/); none: no landing page. */
  explorer?: Explorer;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  limits: OperationLimits;
  /** An operation not answered within this is answered 504 TIMEOUT. */
  deadlineMs: number;
  /** Bounds of Apollo's parsed-document cache and of the gateway's query plan cache. */
  documentCacheBytes: number;
  queryPlanCacheMiB: number;
  /** Production: no "Did you mean …?" suggestions in validation errors, no introspection (unless the explorer is on). */
  hideSchemaDetails: boolean;
  /** Operations per viewer (or client address), shared by every gateway replica. */
  rateLimit?: Pick<RateLimit, 'consume'>;
  /** Players' public fields shared across viewers, kept fresh by the subgraphs' announcements (started by the caller). */
  entityCache?: EntityCache;
  /** Whole answers the subgraphs hinted PUBLIC (started by the caller). */
  responseCache?: ResponseCache;
}

/** The rate limit's key for a viewer: their id when signed in, else the address they call from. */
export function rateLimitKeyOf(viewer: Viewer): string {
  if (viewer.userId) return `user:${viewer.userId}`;
  if (viewer.serviceId) return `service:${viewer.serviceId}`;
  return `address:${viewer.clientAddress ?? 'unknown'}`;
}

/**
 * The gateway's rate limit: a key from rateLimitKeyOf draws on the players' budget, or, for a game
 * server's service token (`service:<key id>`), on the services' larger one.
 */
export function viewerRateLimit(budgets: { viewers: Pick<RateLimit, 'consume'>; services: Pick<RateLimit, 'consume'> }): Pick<RateLimit, 'consume'> {
  return { consume: (key, points) => (key.startsWith('service:') ? budgets.services : budgets.viewers).consume(key, points) };
}

/** RATE_LIMITED as HTTP 429 with Retry-After (the error's retryAfterMs in seconds). */
export function rateLimitedResponse(error: DomainError): GraphQLError {
  const coded = toGraphQLError(error);
  const retryAfterMs = Number(coded.extensions.retryAfterMs ?? 1000);
  const http = { status: 429, headers: new Map([['retry-after', String(Math.ceil(retryAfterMs / 1000))]]) };
  return new GraphQLError(coded.message, { extensions: { ...coded.extensions, http } as Record<string, unknown> });
}

/** The player's address, for per-address limits: the socket's peer, or the proxy's word for it. */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  return forwarded || req.socket.remoteAddress || null;
}

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
    private readonly entityCache?: EntityCache,
  ) {
    super({ url });
    // Apollo's data source calls `this.sendRequest`, which its typings mark private (so it cannot
    // be overridden in TypeScript): this instance's own replaces it.
    // An Apollo upgrade that renamed it would fall back to its default fetcher unnoticed: fail here.
    if (typeof (RemoteGraphQLDataSource.prototype as unknown as Record<string, unknown>).sendRequest !== 'function') throw new Error('@apollo/gateway: RemoteGraphQLDataSource.sendRequest is gone; see gateway/subgraph-http.ts');
    Object.assign(this, { sendRequest: (request: GatewayGraphQLRequest, context: GatewayContext) => this.post(request, context) });
  }

  /**
   * An `_entities` fetch of fields the entity cache keeps (gateway/entity-cache.ts) asks the
   * subgraph only for the entities the cache does not hold; anything else is sent as it is.
   */
  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource['process']> {
    const { query, variables } = options.request;
    const representations: unknown = variables?.representations;
    const plan = this.entityCache && query ? this.entityCache.plan(this.serviceName, query, representations) : null;
    if (!plan) return super.process(options);
    // The entity cache's fields carry no cache hint: the operation's answer is not reusable whole.
    if ('incomingRequestContext' in options) (options.incomingRequestContext.overallCachePolicy as CachePolicy | undefined)?.restrict({ maxAge: 0 });
    return fetchThroughCache(this.entityCache!, plan, representations as unknown[], (subset) =>
      super.process({ ...options, request: { ...options.request, variables: { ...variables, representations: subset } } }) as Promise<EntitiesResponse>,
    ) as ReturnType<RemoteGraphQLDataSource['process']>;
  }

  /**
   * Apollo's `sendRequest` on Node's HTTP client (gateway/subgraph-http.ts) instead of a fetch
   * implementation: the same request body and headers, the same errors for a non-2xx answer, and the
   * request's signal (the deadline) closing the call's socket when it fires.
   */
  private async post(request: GatewayGraphQLRequest, context: GatewayContext): Promise<GatewayGraphQLResponse> {
    const { http, ...withoutHttp } = request;
    if (!http) throw new Error("Internal error: Only 'http' requests are supported.");
    let response: SubgraphResponse | undefined;
    try {
      response = await postToSubgraph(http.url, Object.fromEntries(http.headers), JSON.stringify(withoutHttp), context.signal);
      // The part of a fetch Response Apollo's errorFromResponse and parseBody read.
      const asFetched = response as unknown as FetcherResponse;
      if (!response.ok) throw await this.errorFromResponse(asFetched);
      const body = await this.parseBody(asFetched);
      if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
      return { ...(body as GatewayGraphQLResponse), http: asFetched };
    } catch (error) {
      this.didEncounterError(error as Error, { url: http.url }, response, context);
      throw error;
    }
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }, context?: GatewayContext) {
    // Aborted at the deadline: the client is answered TIMEOUT (this error only ends the plan).
    if (context?.signal?.aborted) throw timeoutError();
    if (!response || [502, 503, 504].includes(response.status)) {
      this.logger.warn({ err: error, service: this.serviceName }, 'subgraph unreachable');
      throw toGraphQLError(new ServiceUnavailableError(this.serviceName));
    }
    throw error;
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { viewer, deadline } = context as Partial<GatewayContext>;
    // The client has had its TIMEOUT: the rest of the plan is not worth running.
    if (deadline !== undefined && Date.now() > deadline) throw timeoutError();
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
    experimental_approximateQueryPlanStoreMiB: deps.queryPlanCacheMiB,
    buildService: ({ name, url }) => {
      const target = deps.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph ${name}`);
      return (dataSources[name] ??= new SignedViewerDataSource(target, signer, name, deps.logger, deps.entityCache));
    },
  });
  // Custom scalars accept anything in a schema built from SDL: check them as the subgraphs will.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => checkCustomScalars(apiSchema));
  withDeadline(gateway, deps.deadlineMs);
  const formatError = createErrorFormatter({
    includeStack: deps.includeStack,
    onUnexpected: (error) => deps.logger.error({ err: error }, 'unexpected gateway error'),
  });
  const documents = new LRUCache<string, DocumentNode>({
    maxSize: deps.documentCacheBytes,
    sizeCalculation: (document) => Math.max(1, (document.loc?.end ?? 1_000) * DOCUMENT_BYTES_PER_CHAR),
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: deps.includeStack,
    formatError: (formatted, error) => formatError(recodeClientError(formatted, error, deps.limits), error),
    // The operation limits: tokens while parsing, the document's own limits with validation (both
    // once per document text: validated documents are cached), cost before planning.
    parseOptions: parseOptionsFor(deps.limits),
    validationRules: documentLimitRules(deps.limits),
    documentStore: {
      get: async (key) => documents.get(key),
      set: async (key, document) => void documents.set(key, document),
      delete: async (key) => documents.delete(key),
    },
    hideSchemaDetailsFromClientErrors: deps.hideSchemaDetails,
    // Introspection is off in production (by the configuration's NODE_ENV), unless the explorer
    // is enabled there: it reads the schema by introspection.
    introspection: deps.explorer !== undefined || !deps.hideSchemaDetails,
    plugins: [
      metricsPlugin(deps.metrics),
      clientMistakesPlugin<GatewayContext>(deps.limits),
      deps.explorer ? deps.explorer.plugin() : ApolloServerPluginLandingPageDisabled(),
      ...(deps.responseCache ? [deps.responseCache.plugin<GatewayContext>()] : []),
    ],
  });
  const context = async (req: IncomingMessage): Promise<GatewayContext> => {
    const deadline = Date.now() + deps.deadlineMs;
    let viewer: Viewer;
    try {
      viewer = { ...(await viewerFromAuthorization(req.headers.authorization, deps.jwtSecret)), clientAddress: clientAddressOf(req, deps.trustProxy) };
    } catch (error) {
      throw toGraphQLError(error as DomainError);
    }
    if (deps.rateLimit) {
      try {
        await deps.rateLimit.consume(rateLimitKeyOf(viewer));
      } catch (error) {
        if ((error as DomainError).code === ErrorCode.RATE_LIMITED) throw rateLimitedResponse(error as DomainError);
        throw error;
      }
    }
    return { viewer, deadline };
  };
  const upstream = new UpstreamPool(deps.subgraphUrls, signer, deps.logger);
  const subscriptionMetrics = createSubscriptionMetrics(deps.metrics);
  const subscriptions = new SubscriptionEngine({
    planner: new SubscriptionPlanner(deps.supergraphSdl),
    upstream,
    dataSources,
    logger: deps.logger,
    metrics: subscriptionMetrics,
    eventDeadlineMs: deps.deadlineMs,
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

/** TIMEOUT; `http` sets the status of an HTTP response it answers whole (504). */
export const timeoutError = (http?: { status: number }) =>
  new GraphQLError('The operation took too long and was stopped.', { extensions: { code: 'TIMEOUT', ...(http ? { http } : {}) } });

/**
 * Answers an operation that outlives its deadline with TIMEOUT (HTTP 504) instead of holding the
 * client: Apollo runs operations through `gateway.executor`, which plans (synchronously: an
 * overrun is noticed as soon as planning ends) and then calls subgraphs. At the deadline the
 * calls in flight are aborted and later ones are not made. Operations without a request deadline
 * (the websocket's queries and mutations) get one from when they reach the executor.
 */
function withDeadline(gateway: ApolloGateway, deadlineMs: number) {
  const execute = gateway.executor;
  gateway.executor = (requestContext) => {
    const context = requestContext.context as Partial<GatewayContext>;
    const deadline = (context.deadline ??= Date.now() + deadlineMs);
    const controller = new AbortController();
    context.signal = controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<{ errors: GraphQLError[] }>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve({ errors: [timeoutError({ status: 504 })] });
      }, Math.max(0, deadline - Date.now()));
    });
    return Promise.race([execute(requestContext), timedOut]).finally(() => clearTimeout(timer));
  };
}
