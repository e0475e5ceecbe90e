import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import cors from 'cors';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ConfigError, type MetricsAccess } from './config.js';
import { graphqlHttpHandler, sendHttpError, sendJson } from './graphql-http.js';

export interface RunningService {
  name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql. */
  url: string;
  port: number;
  httpServer: Server;
  /** The service's Prometheus registry (a METRICS_PORT listener serves it). */
  metrics: Registry;
  close(): Promise<void>;
}

export interface HttpServiceOptions<TContext extends BaseContext> {
  name: string;
  host: string;
  port: number;
  logger: Logger;
  apollo: ApolloServer<TContext>;
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Throws when the service cannot serve (database or Redis down); drives /readyz. */
  ready: () => Promise<void>;
  metrics: Registry;
  /** Who may read /metrics on this port; unset: anyone (tests). */
  metricsAccess?: MetricsAccess;
  /** Attaches more to the HTTP server once it listens (the gateway's websocket server). */
  attach?: (httpServer: Server) => void | (() => Promise<void>);
  /** Called on close after the HTTP server stopped accepting (background workers). */
  onClose?: () => Promise<void>;
  /**
   * Browser origins allowed to call this service cross-origin (`*`: any); unset or empty: no CORS
   * headers at all. Applies to every path, the routes `attach` adds included (the gateway's /ingest).
   */
  corsOrigins?: readonly string[] | '*';
  /** Largest request body /graphql accepts (default 1 MiB); bigger is 413 PAYLOAD_TOO_LARGE. */
  maxBodyBytes?: number;
  /** More routes on an Express app, for paths other than /graphql and the probes (the gateway's explorer assets under /graphql/explorer/). */
  routes?: (app: express.Express) => void;
}

/**
 * Serves a service: GraphQL at /graphql, liveness at /healthz, readiness at /readyz and
 * Prometheus metrics at /metrics (as `metricsAccess` allows). Port 0 picks a free port (tests).
 * A port it cannot listen on fails with a ListenError naming the setting.
 */
export async function startHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<RunningService> {
  const { apollo, logger } = options;
  const graphql = graphqlHttpHandler(apollo, { context: options.context, maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024, logger });
  const metricsAccess = options.metricsAccess ?? { onServicePort: true };
  const metrics = metricsAccess.onServicePort ? metricsHandler([options.metrics], metricsAccess.token) : undefined;
  // Express only for the routes a service adds (the gateway's explorer and console pages): the
  // GraphQL endpoint and the probes are served on Node's server directly (platform/graphql-http.ts).
  const app = options.routes ? express() : undefined;
  if (app) {
    app.disable('x-powered-by');
    options.routes?.(app);
    app.use((_req, res) => sendHttpError(res, 404, 'NOT_FOUND', 'Not found.'));
  }
  const httpServer = createServer((req, res) => {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/graphql' || path === '/graphql/') graphql(req, res);
    else if (path === '/healthz' && read) sendJson(res, 200, { status: 'ok' });
    else if (path === '/readyz' && read) {
      options.ready().then(
        () => sendJson(res, 200, { status: 'ready' }),
        (error: Error) => sendJson(res, 503, { status: 'unavailable', reason: error.message }),
      );
    } else if (path === '/metrics' && read && metrics) metrics(req, res);
    else if (app) app(req, res);
    else sendHttpError(res, 404, 'NOT_FOUND', 'Not found.');
  });
  // Keep idle connections longer than clients do (the gateway's fetcher, load balancers: 60 s is
  // common). With Node's 5 s default, the server could close a reused socket just as a request
  // was sent on it: ECONNRESET and a failed operation, which the gateway does not retry.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();

  try {
    await listen(httpServer, options.name, options.host, options.port);
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    throw error;
  }
  // After listening: a websocket server attached earlier re-emits the listen error as its own.
  const detach = options.attach?.(httpServer);
  if (options.corsOrigins === '*' || options.corsOrigins?.length) allowCrossOrigin(httpServer, options.corsOrigins);
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}/graphql`;
  logger.info({ url }, `${options.name} ready`);

  let closing: Promise<void> | undefined;
  return {
    name: options.name,
    url,
    port,
    httpServer,
    metrics: options.metrics,
    close: () =>
      (closing ??= (async () => {
        if (typeof detach === 'function') await detach();
        await apollo.stop();
        await options.onClose?.();
      })()),
  };
}

/** Headers a browser client of this API sends: JSON bodies, bearer tokens, Apollo's CSRF and client headers. */
const CORS_ALLOWED_HEADERS = ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name', 'apollographql-client-name', 'apollographql-client-version'];

/**
 * CORS for these origins on every request the server answers (the `cors` package, in front of
 * every other request listener): a preflight from an allowed origin is answered 204 here; any other
 * request goes on, with Access-Control-Allow-Origin when its origin is allowed. No credentials.
 */
function allowCrossOrigin(server: Server, origins: readonly string[] | '*'): void {
  interceptRequests(server, cors({ origin: origins === '*' ? '*' : [...origins], methods: ['GET', 'POST'], allowedHeaders: CORS_ALLOWED_HEADERS, maxAge: 600 }));
}

/**
 * Puts `handler` in front of the server's request listeners: it answers a request itself, or calls
 * `next()` to hand it on to them (the gateway's /ingest, CORS).
 */
export function interceptRequests(server: Server, handler: (req: IncomingMessage, res: ServerResponse, next: () => void) => void): void {
  const others = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handler(req, res, () => {
      for (const listener of others) listener.call(server, req, res);
    });
  });
}

/** A port or interface a service cannot listen on: a configuration problem, reported in one line. */
export class ListenError extends ConfigError {}

const LISTEN_PROBLEMS: Record<string, string> = {
  EADDRINUSE: 'is already in use',
  EACCES: 'needs privileges this process lacks',
};

/**
 * Fails with the ListenError `listen` would give when the port is taken, without keeping it: for
 * reporting a configuration problem before seconds of start-up work (the real listen still decides).
 * Port 0 (any free port) always passes.
 */
export async function ensurePortFree(name: string, host: string, port: number, portSetting?: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listen(probe, name, host, port, portSetting);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}

/** Listens, or fails with a ListenError such as "users: port 4001 is already in use (USERS_PORT)". */
export async function listen(server: Server, name: string, host: string, port: number, portSetting = `${name.toUpperCase()}_PORT`): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const problem = error.code ? LISTEN_PROBLEMS[error.code] : undefined;
      if (problem) reject(new ListenError(`${name}: port ${port} ${problem} (${portSetting})`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new ListenError(`${name}: cannot listen on ${host}: no such address here (HOST)`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** GET /metrics for these registries, their samples in one exposition; 401 without the token when one is set. */
export function metricsHandler(registries: readonly Registry[], token?: string): RequestListener {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return (req, res) => {
    const presented = Buffer.from(req.headers.authorization ?? '');
    if (expected && (presented.length !== expected.length || !timingSafeEqual(presented, expected))) {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' }).end('Unauthorized\n');
      return;
    }
    Promise.all(registries.map((r) => r.metrics())).then(
      (texts) => res.writeHead(200, { 'content-type': registries[0]!.contentType }).end(mergeExpositions(texts)),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  };
}

/**
 * Several registries' text expositions as one: each metric family once (HELP, TYPE, then every
 * registry's samples, told apart by their `service` label), as Prometheus requires.
 */
export function mergeExpositions(texts: readonly string[]): string {
  if (texts.length === 1) return texts[0]!;
  const families = new Map<string, string[]>();
  for (const text of texts) {
    let family: string[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      const help = /^# HELP (\S+)/.exec(line);
      if (help) {
        const known = families.get(help[1]!);
        family = known ?? [line];
        if (!known) families.set(help[1]!, family);
      } else if (!line.startsWith('# TYPE ') || family.length === 1) {
        family.push(line);
      }
    }
  }
  return [...families.values()].map((lines) => lines.join('\n')).join('\n') + '\n';
}

/**
 * The METRICS_PORT listener: /metrics for every service of the process, nothing else. One per
 * process, since services sharing a process share no port.
 */
export async function serveMetrics(options: {
  host: string;
  port: number;
  token?: string;
  registries: readonly Registry[];
}): Promise<{ url: string; close(): Promise<void> }> {
  const handler = metricsHandler(options.registries, options.token);
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
  });
  await listen(server, 'metrics', options.host, options.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

