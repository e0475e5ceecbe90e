import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { ANONYMOUS, type ViewerSigner, type Viewer } from '../../platform/auth.js';

export interface UpstreamSink {
  next(result: ExecutionResult): void;
  /** The subgraph refused or failed the subscription (not a dropped connection: those are retried). */
  error(error: unknown): void;
  complete(): void;
}

/**
 * One multiplexed graphql-ws connection per subgraph, opened on first use. The connection proves
 * it is the gateway (a signed anonymous viewer token in connection_init); each subscription
 * carries its own viewer in `extensions.viewerToken`. A dropped connection (subgraph restart) is
 * retried forever with backoff and its subscriptions are re-sent, so clients keep theirs.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Client>();

  constructor(
    private readonly subgraphUrls: Record<string, string>,
    private readonly signer: ViewerSigner,
    private readonly logger: Logger,
  ) {}

  subscribe(
    subgraph: string,
    request: { query: string; variables: Record<string, unknown>; operationName?: string },
    viewer: Viewer,
    sink: UpstreamSink,
  ): () => void {
    const client = this.client(subgraph);
    let disposed = false;
    let unsubscribe: (() => void) | undefined;
    void this.signer.sign(viewer).then((viewerToken) => {
      if (disposed) return;
      unsubscribe = client.subscribe({ ...request, extensions: { viewerToken } }, sink);
    }, sink.error);
    return () => {
      disposed = true;
      unsubscribe?.();
    };
  }

  async close() {
    await Promise.all([...this.clients.values()].map((c) => c.dispose()));
    this.clients.clear();
  }

  private client(subgraph: string): Client {
    let client = this.clients.get(subgraph);
    if (client) return client;
    const httpUrl = this.subgraphUrls[subgraph];
    if (!httpUrl) throw new Error(`No URL configured for subgraph ${subgraph}`);
    client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: true,
      lazyCloseTimeout: 5_000,
      keepAlive: 10_000,
      connectionParams: async () => ({ viewerToken: await this.signer.sign(ANONYMOUS) }),
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: async (retries) => {
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** retries) * (0.5 + Math.random() / 2)));
      },
      on: {
        connected: () => this.logger.debug({ subgraph }, 'upstream subscription connection open'),
        closed: (event) => this.logger.debug({ subgraph, code: (event as { code?: number }).code }, 'upstream subscription connection closed'),
      },
    });
    this.clients.set(subgraph, client);
    return client;
  }
}
