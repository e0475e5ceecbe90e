import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, OperationTypeNode, getOperationAST, getVariableValues, parse, specifiedRules, validate, type DocumentNode, type ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { viewerFromAuthorization, type Viewer } from '../../platform/auth.js';
import { ErrorCode, type DomainError } from '../../platform/errors.js';
import type { RateLimit } from '../../platform/rate-limit.js';
import { checkCustomScalars, operationResolutionError, socketError } from '../client-errors.js';
import { DOCUMENT_BYTES_PER_CHAR, checkRequest, documentLimitRules, limitExceeded, parseOptionsFor, type OperationLimits } from '../limits.js';
import { clientAddressOf, rateLimitKeyOf } from '../server.js';
import type { SubscriptionEngine } from './engine.js';
import { textFrames } from './frame.js';
import { keepAlive } from './keep-alive.js';
import type { ClientConnection } from './listener.js';
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
  /** After a large fan-out, the next round of socket writes waits this long (FrameFlusher). */
  writeIntervalMs: number;
  /** Ping each connection this often; one that has not answered the previous ping is terminated. */
  keepAliveMs: number;
  /** Close a connection that sends no connection_init within this. */
  connectionInitWaitTimeoutMs: number;
  trustProxy: boolean;
  /** The operation limits HTTP applies (gateway/limits.ts). */
  limits: OperationLimits;
  /** Production: no "Did you mean …?" in validation errors. */
  hideSuggestions: boolean;
  /** Largest message a client may send; a bigger one closes its socket with 1009 Message Too Big. */
  maxPayloadBytes: number;
  /** Operations running at once on one socket; one more is refused (OPERATION_LIMIT_EXCEEDED). */
  maxOperationsPerConnection: number;
  /** `subscribe` messages per second on one socket; more are refused (RATE_LIMITED). */
  maxSubscribesPerSecond: number;
  /** Bound of the parsed-document cache, estimated from the documents' text. */
  documentCacheBytes: number;
  /** The per-viewer operation rate HTTP shares (every replica, through Redis). */
  rateLimit?: Pick<RateLimit, 'consume'>;
}

type Extra = { viewer?: Viewer; connection?: SocketConnection; subscribes?: { second: number; count: number } } & Record<PropertyKey, unknown>;

/** What operations over the socket receive as context. */
interface SocketContext extends Record<string, unknown> {
  viewer: Viewer;
  connection: SocketConnection;
  /** The client's id for this operation (the engine writes `next` frames with it). */
  operationId: string;
}

/**
 * Sockets written per turn: a room's event to 1,000 subscribers goes out over 8 turns, so requests
 * (a chat message's send) and other events are served in between rather than after all 1,000
 * writes (docs/decisions.md "Fan-out rounds write 128 sockets a turn").
 */
const FLUSHES_PER_TURN = 128;
/** A round that wrote at least this many sockets makes the next one wait out the interval. */
const LARGE_ROUND = 64;

/**
 * When the frames SocketConnections hold are written: in rounds, one write per socket per round.
 *
 * A round runs on the turn after a frame is first held (setImmediate), FLUSHES_PER_TURN sockets a
 * turn. After a large round (a fan-out to LARGE_ROUND sockets or more), the next one starts no
 * sooner than `intervalMs` after it began: a room busy with messages then costs one write per
 * subscriber per interval, whatever the message rate, instead of one per message. Writes are most
 * of a delivery's cost (each is a syscall and a TCP segment); the interval bounds the latency this
 * adds. Small rounds (a private message, a player's own stream) never wait (docs/decisions.md
 * "Fan-out writes at most once per interval under load").
 */
export class FrameFlusher {
  private readonly unflushed = new Set<SocketConnection>();
  private scheduled = false;
  /** performance.now() before which no new round starts. */
  private waitUntil = 0;
  /** Sockets written by the round in progress (it may span turns). */
  private roundWritten = 0;
  private roundStarted = 0;

  constructor(private readonly intervalMs: number) {}

  /** `connection` holds frames: write them in the next round. */
  hold(connection: SocketConnection) {
    this.unflushed.add(connection);
    this.schedule();
  }

  /** `connection` wrote what it held on its own (before something else it sends). */
  release(connection: SocketConnection) {
    this.unflushed.delete(connection);
  }

  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.waitUntil - performance.now();
    if (wait >= 1) setTimeout(this.round, wait);
    else setImmediate(this.round);
  }

  private readonly round = () => {
    this.scheduled = false;
    if (this.roundWritten === 0) this.roundStarted = performance.now();
    let budget = FLUSHES_PER_TURN;
    for (const connection of this.unflushed) {
      if (budget-- === 0) break;
      connection.flush(); // releases it
      this.roundWritten++;
    }
    if (this.unflushed.size > 0 && budget < 0) {
      // The round goes on next turn (requests are served in between).
      this.scheduled = true;
      setImmediate(this.round);
      return;
    }
    if (this.roundWritten >= LARGE_ROUND) this.waitUntil = this.roundStarted + this.intervalMs;
    this.roundWritten = 0;
    if (this.unflushed.size > 0) this.schedule();
  };
}

/** Rounds on the next turn, never waiting: SocketConnection's default (tests, tools). */
const EVERY_TURN = new FrameFlusher(0);

/**
 * One client socket as the subscription engine writes to it; shared by its subscriptions.
 *
 * Frames are held and go out together, in one write, in the flusher's next round (FrameFlusher: the
 * turn's end, or the end of the write interval after a large fan-out): a write to a socket is most
 * of a delivery's cost on a busy gateway, and the events queued meanwhile then cost one write per
 * subscriber, not one each. An idle gateway delivers each event alone, a turn later. Anything else written to
 * the socket (graphql-ws's `complete` and `error`, answers to queries) goes after the frames
 * already held, so a subscriber never gets `complete` before the last event (docs/decisions.md
 * "A socket's frames go out once per turn").
 */
export class SocketConnection implements ClientConnection {
  /** The frames held for the next round, as their heads and bodies (bodies shared by a fan-out's sockets). */
  private heads: Buffer[] = [];
  private bodies: Buffer[] = [];
  /** Frames go straight to the TCP socket (no extension negotiated; fixed at the handshake). */
  private readonly direct: boolean;

  /**
   * @param socket the client's WebSocket
   * @param tcp the TCP socket under it (the upgrade request's), written to directly with whole
   *   frames (`textFrames`) while no extension is negotiated; ws itself writes only whole frames to
   *   it too, so messages never interleave, and `socket.bufferedAmount` still counts what is unsent
   */
  constructor(
    private readonly socket: WebSocket,
    private readonly tcp: Duplex | undefined,
    private readonly limits: { maxBufferedBytes: number; slowConsumer(socket: WebSocket): void },
    private readonly flusher: FrameFlusher = EVERY_TURN,
  ) {
    // ws's `extensions` getter joins the negotiated names anew on each read.
    this.direct = tcp !== undefined && socket.extensions === '';
    const send = socket.send.bind(socket);
    socket.send = ((...args: Parameters<WebSocket['send']>) => {
      this.flush();
      return send(...args);
    }) as WebSocket['send'];
  }

  sendMessage(head: Buffer, body: Buffer) {
    const { socket } = this;
    if (socket.readyState !== socket.OPEN) return;
    // permessage-deflate (off on this server) would need ws's framing and its compressor.
    if (!this.direct) {
      socket.send(Buffer.concat([head, body]), { binary: false });
      this.checkBackpressure();
      return;
    }
    this.heads.push(head);
    this.bodies.push(body);
    if (this.heads.length === 1) this.flusher.hold(this);
  }

  /** Writes the frames held, in order, in one write; then checks the socket's backlog. */
  flush() {
    this.flusher.release(this);
    if (this.heads.length === 0) return;
    const { heads, bodies } = this;
    this.heads = [];
    this.bodies = [];
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.tcp!.write(textFrames(heads, bodies));
    this.checkBackpressure();
  }

  checkBackpressure() {
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) this.limits.slowConsumer(this.socket);
  }
}

/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's /graphql URL. Subscriptions go to the
 * subscription engine; queries and mutations sent over the socket take the normal gateway path.
 */
/**
 * Parsed and validated documents by query text. Clients send the same few operations over and
 * over: 10,000 subscribers of one stream share one DocumentNode (each parse kept ~8 KB alive for
 * the subscription's lifetime) and parse, validate and check its limits once. Bounded in bytes.
 */
function documentCache(maxBytes: number) {
  return new LRUCache<string, DocumentNode>({ maxSize: maxBytes, sizeCalculation: (_document, query) => Math.max(1, query.length * DOCUMENT_BYTES_PER_CHAR) });
}

const SERVER_ONLY_TYPE = /"type"\s*:\s*"(connection_ack|next|error)"/;

export function serveGatewayWebSocket(options: GatewayWebSocketOptions): () => Promise<void> {
  const { engine, metrics, limits: operationLimits } = options;
  const documents = documentCache(options.documentCacheBytes);
  const rules = [...specifiedRules, ...documentLimitRules(operationLimits)];
  const parseOptions = parseOptionsFor(operationLimits);
  const refused = (errors: readonly GraphQLError[], code: string) => errors.map((e) => socketError(e, code, operationLimits, options.hideSuggestions));
  // Documents were validated against this planner's API schema; a new supergraph empties the cache.
  let documentsFor: typeof engine.planner | undefined;
  // No permessage-deflate: SocketConnection writes whole frames itself (frame.ts).
  // maxPayload: ws closes a socket whose message is bigger with 1009, before buffering it whole.
  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql', perMessageDeflate: false, maxPayload: options.maxPayloadBytes });
  // graphql-ws answers a message only the server may send (connection_ack, next, error) with 4500,
  // as if the server had failed; the protocol calls it a bad message: 4400, before graphql-ws sees it.
  wss.on('connection', (socket) => {
    socket.prependListener('message', (data: Buffer) => {
      if (data.length > 4_096 || !SERVER_ONLY_TYPE.test(data.toString('utf8'))) return;
      try {
        const type = (JSON.parse(data.toString('utf8')) as { type?: unknown }).type;
        if (type === 'connection_ack' || type === 'next' || type === 'error') socket.close(4400, `Unexpected message of type ${type} from a client`);
      } catch {
        // not JSON: graphql-ws closes it with 4400 itself
      }
    });
  });
  const flusher = new FrameFlusher(options.writeIntervalMs);
  const limits = {
    maxBufferedBytes: options.maxBufferedBytes,
    slowConsumer(socket: WebSocket) {
      if (socket.readyState !== socket.OPEN) return;
      metrics.slowConsumers.inc();
      socket.close(SLOW_CONSUMER_CLOSE_CODE, 'Slow consumer: too many undelivered messages');
      // A client that stopped reading will not complete the close handshake either.
      setTimeout(() => socket.terminate(), 1_000).unref();
    },
  };

  const server = useServer<Record<string, unknown>, Extra>(
    {
      schema: () => engine.planner.apiSchema,
      connectionInitWaitTimeout: options.connectionInitWaitTimeoutMs,
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          const viewer = await viewerFromAuthorization(typeof authorization === 'string' ? authorization : undefined, options.jwtSecret);
          ctx.extra.viewer = { ...viewer, clientAddress: clientAddressOf(ctx.extra.request, options.trustProxy) };
          ctx.extra.connection = new SocketConnection(ctx.extra.socket, ctx.extra.request.socket, limits, flusher);
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
      // Every refusal (rates, limits, syntax, validation, variables, authorization) becomes a
      // graphql-ws `error` message for that operation only; the connection and its other
      // subscriptions carry on.
      onSubscribe: async (ctx, id, payload) => {
        const tooMany = operationsRefusal(ctx.extra, Object.keys(ctx.subscriptions).length, options);
        if (tooMany) return [tooMany];
        if (options.rateLimit) {
          try {
            await options.rateLimit.consume(rateLimitKeyOf(ctx.extra.viewer!));
          } catch (error) {
            if ((error as DomainError).code !== ErrorCode.RATE_LIMITED) throw error;
            const { code, details, message } = error as DomainError;
            return [new GraphQLError(message, { extensions: { code, ...details } })];
          }
        }
        const schema = engine.planner.apiSchema;
        if (documentsFor !== engine.planner) {
          documents.clear();
          documentsFor = engine.planner;
          checkCustomScalars(schema);
        }
        let document = documents.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query, parseOptions);
          } catch (error) {
            return refused([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
          }
          const invalid = validate(schema, document, rules);
          if (invalid.length) return refused(invalid, 'GRAPHQL_VALIDATION_FAILED');
          documents.set(payload.query, document);
        }
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return refused([operationResolutionError(payload.operationName)], 'OPERATION_RESOLUTION_FAILURE');
        const refusal = checkRequest(schema, document, operation, payload.variables ?? undefined, operationLimits);
        if (refusal) return refused([refusal], 'BAD_USER_INPUT');
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return refused(variables.errors, 'BAD_USER_INPUT');
        const contextValue: SocketContext = { viewer: ctx.extra.viewer!, connection: ctx.extra.connection!, operationId: id };
        const args = { schema, document, operationName: payload.operationName, variableValues: variables.coerced, contextValue };
        if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
          const refusal = engine.refusal({ viewer: contextValue.viewer, document, variables: variables.coerced, operationName: payload.operationName });
          if (refusal) return [refusal];
        }
        return args;
      },
      subscribe: (args) => {
        const { viewer, connection, operationId } = args.contextValue as SocketContext;
        return engine.subscribe(
          { viewer, document: args.document, variables: args.variableValues ?? {}, operationName: args.operationName },
          connection,
          operationId,
        );
      },
      execute: async (args): Promise<ExecutionResult> => {
        const response = await options.apollo.executeOperation(
          { query: args.document, variables: args.variableValues ?? {}, operationName: args.operationName ?? undefined },
          { contextValue: { viewer: (args.contextValue as SocketContext).viewer } },
        );
        if (response.body.kind !== 'single') return internalError();
        const result = response.body.singleResult;
        // Apollo hands back formatted errors; graphql-ws serializes GraphQLErrors (toJSON).
        const errors = result.errors?.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions }));
        return { ...(result as ExecutionResult), ...(errors ? { errors } : {}) };
      },
    },
    wss,
    0, // graphql-ws's per-connection keep-alive is replaced by keepAlive() below
  );
  const stopKeepAlive = keepAlive(wss, options.keepAliveMs);

  return async () => {
    // Graceful: every subscription gets `complete`, then sockets close with 1001 Going Away.
    stopKeepAlive();
    engine.completeAll();
    await new Promise((r) => setTimeout(r, 50));
    await server.dispose();
  };
}

/**
 * The per-socket bounds: operations running at once, and `subscribe` messages in the current
 * second (a fixed one-second window, counted in memory: it guards this socket, not the viewer).
 */
function operationsRefusal(
  extra: Extra,
  running: number,
  options: Pick<GatewayWebSocketOptions, 'maxOperationsPerConnection' | 'maxSubscribesPerSecond'>,
): GraphQLError | undefined {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  const window = (extra.subscribes ??= { second, count: 0 });
  if (window.second !== second) {
    window.second = second;
    window.count = 0;
  }
  if (++window.count > options.maxSubscribesPerSecond) {
    return new GraphQLError(`More than ${options.maxSubscribesPerSecond} operations started on this connection this second.`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterMs: (second + 1) * 1000 - now },
    });
  }
  // graphql-ws has already registered this operation's id
  if (running > options.maxOperationsPerConnection) {
    const max = options.maxOperationsPerConnection;
    const { extensions, message } = limitExceeded('operationsPerConnection', max, `A connection may run ${max} operations at once; complete one first.`);
    const { http: _status, ...rest } = extensions;
    return new GraphQLError(message, { extensions: rest });
  }
  return undefined;
}

const internalError = (): ExecutionResult => ({
  errors: [new GraphQLError('Internal server error', { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } })],
});
