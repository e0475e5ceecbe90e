import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

export interface RunningService {
  name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql. */
  url: string;
  port: number;
  httpServer: Server;
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
  /** Attaches more to the HTTP server before it listens (the gateway's websocket server). */
  attach?: (httpServer: Server) => void | (() => Promise<void>);
  /** Called on close after the HTTP server stopped accepting (background workers). */
  onClose?: () => Promise<void>;
  /** Largest request body /graphql accepts (default 1 MiB); bigger is 413 PAYLOAD_TOO_LARGE. */
  maxBodyBytes?: number;
}

/**
 * Serves a service: GraphQL at /graphql, liveness at /healthz, readiness at /readyz and
 * Prometheus metrics at /metrics. Port 0 picks a free port (tests).
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
  const detach = options.attach?.(httpServer);
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
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.metrics());
  });
  app.use(
    '/graphql',
    express.json({ limit: options.maxBodyBytes ?? 1024 * 1024 }),
    expressMiddleware(apollo, { context: async ({ req }) => options.context(req) }),
    requestErrorHandler(logger),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host}:${port}/graphql`;
  logger.info({ url }, `${options.name} ready`);

  let closing: Promise<void> | undefined;
  return {
    name: options.name,
    url,
    port,
    httpServer,
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
