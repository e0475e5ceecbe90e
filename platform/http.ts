import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { ConfigError, type MetricsAccess } from './config.js';

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
  /** Largest request body /graphql accepts (default 1 MiB); bigger is 413 PAYLOAD_TOO_LARGE. */
  maxBodyBytes?: number;
  /** More routes, mounted before /graphql (the gateway's explorer assets under /graphql/explorer/). */
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
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  // Keep idle connections longer than clients do (the gateway's fetcher, load balancers: 60 s is
  // common). With Node's 5 s default, the server could close a reused socket just as a request
  // was sent on it: ECONNRESET and a failed operation, which the gateway does not retry.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.ready();
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', reason: (error as Error).message });
    }
  });
  const metricsAccess = options.metricsAccess ?? { onServicePort: true };
  if (metricsAccess.onServicePort) app.get('/metrics', metricsHandler([options.metrics], metricsAccess.token));
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes ?? 1024 * 1024 }),
    expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }),
    requestErrorHandler(logger),
  );

  try {
    await listen(httpServer, options.name, options.host, options.port);
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    throw error;
  }
  // After listening: a websocket server attached earlier re-emits the listen error as its own.
  const detach = options.attach?.(httpServer);
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

/** body-parser's refusals (err.type) as the codes a GraphQL client reads in extensions.code. */
const BODY_ERROR_CODES: Record<string, string> = {
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'entity.parse.failed': 'BAD_REQUEST',
  'encoding.unsupported': 'BAD_REQUEST',
  'charset.unsupported': 'BAD_REQUEST',
  'request.aborted': 'BAD_REQUEST',
  'request.size.invalid': 'BAD_REQUEST',
};

/**
 * What reaches Express's error handling on /graphql (an unreadable or oversize body, a failure
 * outside Apollo) answered as a GraphQL response: JSON with a code, never Express's HTML page.
 * A client mistake keeps its 4xx status; anything else is a logged 500.
 */
export function requestErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error: { status?: number; statusCode?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const clientMistake = status >= 400 && status < 500;
    if (!clientMistake) logger.error({ err: error }, 'request failed outside GraphQL');
    const code = clientMistake ? (BODY_ERROR_CODES[error.type ?? ''] ?? 'BAD_REQUEST') : 'INTERNAL_SERVER_ERROR';
    const message =
      code === 'PAYLOAD_TOO_LARGE'
        ? 'The request body is larger than this server accepts.'
        : clientMistake
          ? `The request could not be read: ${error.message ?? 'bad request'}.`
          : 'Internal server error';
    res.status(clientMistake ? status : 500).json({ errors: [{ message, extensions: { code } }] });
  };
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

