import type { Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, getOperationAST, getVariableValues, parse, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { viewerFromAuthorization, type Viewer } from '../../platform/auth.js';
import { ErrorCode } from '../../platform/errors.js';
import { clientAddressOf } from '../server.js';
import type { SubscriptionEngine } from './engine.js';
import type { SubscriptionMetrics } from './metrics.js';

/** Close code for a client that stopped reading: its outbound buffer passed the limit. */
export const SLOW_CONSUMER_CLOSE_CODE = 4509;

export interface GatewayWebSocketOptions {
  httpServer: Server;
  engine: SubscriptionEngine;
  apollo: ApolloServer<{ viewer: Viewer }>;
  jwtSecret: string;
  logger: Logger;
  metrics: SubscriptionMetrics;
  /** Close a connection whose unsent bytes pass this. */
  maxBufferedBytes: number;
  /** Close a connection that sends no connection_init within this. */
  connectionInitWaitTimeoutMs: number;
  trustProxy: boolean;
}

type Extra = { viewer?: Viewer } & Record<PropertyKey, unknown>;

/** What operations over the socket receive as context. */
interface SocketContext extends Record<string, unknown> {
  viewer: Viewer;
  socket: WebSocket;
  /** The client's id for this operation (the engine writes `next` frames with it). */
  operationId: string;
}

/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's /graphql URL. Subscriptions go to the
 * subscription engine; queries and mutations sent over the socket take the normal gateway path.
 */
/**
 * Parsed and validated documents by query text. Clients send the same few operations over and
 * over: 10,000 subscribers of one stream share one DocumentNode (each parse kept ~8 KB alive for
 * the subscription's lifetime) and parse and validate it once.
 */
function documentCache() {
  return new LRUCache<string, DocumentNode>({ max: 1_000 });
}

export function serveGatewayWebSocket(options: GatewayWebSocketOptions): () => Promise<void> {
  const documents = documentCache();
  const { engine, metrics } = options;
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const slowConsumer = (socket: WebSocket) => {
    if (socket.readyState !== socket.OPEN) return;
    metrics.slowConsumers.inc();
    socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Slow consumer: too many undelivered messages');
    // A client that stopped reading will not complete the close handshake either.
    setTimeout(() => socket.terminate(), 1_000).unref();
  };

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema: engine.deps.planner.apiSchema,
      connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const viewer = await viewerFromAuthorization(typeof authorization === 'string' ? authorization : undefined, options.jwtSecret);
          ctx.extra.viewer = { ...viewer, clientAddress: clientAddressOf(ctx.extra.request, options.trustProxy) };
          // graphql-ws keeps the upgrade request (headers and all, ~1-2 KB) for the connection's
          // lifetime; nothing needs it past this point.
          (ctx.extra as { request?: unknown }).request = undefined;
          metrics.connections.inc();
          return true;
        } catch {
          return false; // 4403 Forbidden
        }
      },
      onDisconnect: (ctx) => {
        if (ctx.acknowledged) metrics.connections.dec();
      },
      // Every refusal (syntax, validation, variables, authorization) becomes a graphql-ws `error`
      // message for that operation only; the connection and its other subscriptions carry on.
      onSubscribe: (ctx, id, payload) => {
        const schema = engine.deps.planner.apiSchema;
        let document = documents.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query);
          } catch (error) {
            return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
          }
          const invalid = validate(schema, document);
          if (invalid.length) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
          documents.set(payload.query, document);
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [withCode(new GraphQLError('Name the operation to run (operationName).'), 'BAD_USER_INPUT')];
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors.map((e) => withCode(e, 'BAD_USER_INPUT'));
        const contextValue: SocketContext = { viewer: ctx.extra.viewer!, socket: ctx.extra.socket, operationId: id };
        const args = { schema, document, operationName: payload.operationName, variableValues: variables.coerced, contextValue };
        if (operation.operation === 'subscription') {
          const refusal = engine.refusal({ viewer: contextValue.viewer, document, variables: variables.coerced, operationName: payload.operationName });
          if (refusal) return [refusal];
        }
        return args;
      },
      subscribe: (args) => {
        const { viewer, socket, operationId } = args.contextValue as SocketContext;
        const sink = {
          id: operationId,
          send: (frame: string) => socket.readyState === socket.OPEN && socket.send(frame),
          isSlow: () => socket.bufferedAmount > options.maxBufferedBytes,
        };
        return engine.subscribe(
          { viewer, document: args.document, variables: (args.variableValues ?? {}) as Record<string, unknown>, operationName: args.operationName },
          sink,
          () => slowConsumer(socket),
        );
      },
      execute: async (args): Promise<ExecutionResult> => {
        const response = await options.apollo.executeOperation(
          { query: args.document, variables: (args.variableValues ?? {}) as Record<string, unknown>, operationName: args.operationName ?? undefined },
          { contextValue: { viewer: (args.contextValue as SocketContext).viewer } },
        );
        return response.body.kind === 'single' ? (response.body.singleResult as ExecutionResult) : internalError();
      },
    },
    wss,
  );

  return async () => {
    // Graceful: every subscription gets `complete`, then sockets close with 1001 Going Away.
    engine.completeAll();
    await new Promise((r) => setTimeout(r, 50));
    await server.dispose();
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });
}

const internalError = (): ExecutionResult => ({
  errors: [new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } })],
});
