import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import type { Logger } from 'pino';
import WebSocket from 'ws';
import { ANONYMOUS, type ViewerSigner, type Viewer } from '../../platform/auth.js';

export interface UpstreamSink {
  next(result: ExecutionResult): void;
  /** The subgraph refused or failed the subscription (not a dropped connection: those are retried). */
  error(error: unknown): void;
  complete(): void;
  /**
   * The connection to the subgraph dropped while the subscription was live: events sent meanwhile
   * are lost, so it is not re-sent (that would go on as if nothing was missed). Nothing follows.
   */
  interrupted(): void;
}

/** A subscription of the pool, live once a connection carrying it was acknowledged. */
interface Active {
  sink: UpstreamSink;
  live: boolean;
  stop: () => void;
}

/**
 * One multiplexed graphql-ws connection per subgraph, opened on first use. The connection proves
 * it is the gateway (a signed anonymous viewer token in connection_init); each subscription
 * carries its own viewer in `extensions.viewerToken`. A dropped connection (subgraph restart) is
 * retried forever with backoff. Subscriptions not yet live on it are sent on the next one; live ones
 * are told they were `interrupted` and dropped, since what was published in between is lost.
 */
export class UpstreamPool {
  private readonly clients = new Map<string, Client>();
  private readonly active = new Map<string, Set<Active>>();
  /** Subgraphs whose connection is open and acknowledged. */
  private readonly connected = new Set<string>();

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
    let active = this.active.get(subgraph);
    if (!active) this.active.set(subgraph, (active = new Set()));
    const entry: Active = {
      sink,
      live: this.connected.has(subgraph),
      stop: () => {
        disposed = true;
        active.delete(entry);
        unsubscribe?.();
      },
    };
    active.add(entry);
    const failed = (error: unknown) => {
      active.delete(entry);
      sink.error(error);
    };
    void this.signer.sign(viewer).then((viewerToken) => {
      if (disposed) return;
      unsubscribe = client.subscribe(
        { ...request, extensions: { viewerToken } },
        {
          next: (result) => sink.next(result as ExecutionResult),
          error: failed,
          complete: () => {
            active.delete(entry);
            sink.complete();
          },
        },
      );
    }, failed);
    return entry.stop;
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
        connected: () => {
          this.logger.debug({ subgraph }, 'upstream subscription connection open');
          this.connected.add(subgraph);
          for (const entry of this.active.get(subgraph) ?? []) entry.live = true;
        },
        closed: (event) => {
          this.logger.debug({ subgraph, code: (event as { code?: number }).code }, 'upstream subscription connection closed');
          this.connected.delete(subgraph);
          const interrupted = [...(this.active.get(subgraph) ?? [])].filter((entry) => entry.live);
          if (interrupted.length) this.logger.warn({ subgraph, subscriptions: interrupted.length }, 'upstream subscription connection lost; its live subscriptions are interrupted');
          for (const entry of interrupted) {
            entry.stop();
            entry.sink.interrupted();
          }
        },
      },
    });
    this.clients.set(subgraph, client);
    return client;
  }
}
