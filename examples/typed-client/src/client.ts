// A minimal typed GraphQL client for Node 20: queries and mutations with fetch, subscriptions with
// graphql-ws. Each call's variables and result are typed by the document (a TypedDocumentNode).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
// Node 20 has no global WebSocket: graphql-ws needs one passed in (webSocketImpl).
import WebSocket from 'ws';

/** An error the API answered with (its extensions.code says what went wrong: UNAUTHENTICATED, NOT_FOUND…). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(code ? `${message} (${code})` : message);
  }
}

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

export class GamePlatformClient {
  private token: string | undefined;
  private socket: Client | undefined;

  /** `url`: the gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql (subscriptions use the same URL). */
  constructor(private readonly url: string) {}

  /** Signs later calls with this access token (HTTP Authorization header and the websocket's connectionParams). */
  useToken(token: string) {
    this.token = token;
    void this.socket?.dispose();
    this.socket = undefined;
  }

  /** Runs a query or mutation; throws ApiError when the API answers with errors. */
  async request<R, V extends Record<string, unknown>>(document: TypedDocumentNode<R, V>, ...[variables]: Variables<V>): Promise<R> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
    });
    const body = (await response.json()) as { data?: R | null; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code);
    if (!body.data) throw new ApiError(`HTTP ${response.status} without data`, undefined);
    return body.data;
  }

  /** Follows a subscription: `onEvent` gets each event; call the returned function to stop. */
  subscribe<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    onEvent: (event: R) => void,
    onError: (error: unknown) => void = (error) => console.error(error),
  ): () => void {
    this.socket ??= createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: this.token ? { authorization: `Bearer ${this.token}` } : {},
    });
    return this.socket.subscribe<R>(
      { query: print(document), variables },
      {
        next: (result) => {
          const error = result.errors?.[0];
          if (error) onError(new ApiError(error.message, (error.extensions as { code?: string } | undefined)?.code));
          else if (result.data) onEvent(result.data);
        },
        error: onError,
        complete: () => undefined,
      },
    );
  }

  async close() {
    await this.socket?.dispose();
  }
}
