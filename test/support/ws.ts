import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription {
  results: FormattedExecutionResult<Record<string, unknown>, unknown>[];
  /** An `error` message or a close that ended the subscription. */
  error?: unknown;
  completed: boolean;
  stop(): void;
}

/** A graphql-ws client to the gateway, as a game client would open it. */
export function wsClient(httpUrl: string, options: { token?: string; retryAttempts?: number } = {}): Client & { closes: number[] } {
  const closes: number[] = [];
  const client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    retryAttempts: options.retryAttempts ?? 0,
    connectionParams: options.token ? { authorization: `Bearer ${options.token}` } : {},
    on: { closed: (event) => closes.push((event as { code: number }).code) },
  });
  return Object.assign(client, { closes });
}

export function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription {
  const sub: Subscription = { results: [], completed: false, stop: () => undefined };
  sub.stop = client.subscribe(
    { query, variables },
    {
      next: (result) => void sub.results.push(result),
      error: (error) => {
        sub.error = error;
      },
      complete: () => {
        sub.completed = true;
      },
    },
  );
  return sub;
}

/** Waits until the gateway reports this many active subscriptions (so events are not sent too early). */
export async function activeSubscriptions(gatewayUrl: string): Promise<number> {
  const text = await metricsText(gatewayUrl);
  return Number(/^gateway_subscriptions_active\S* (\d+)/m.exec(text)?.[1] ?? NaN);
}

/** A counter or gauge from a service's /metrics, summed over label sets matching `labels`. */
export async function metric(serviceUrl: string, name: string, labels = ''): Promise<number> {
  const text = await metricsText(serviceUrl);
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}{`) && line.includes(labels)) total += Number(line.split(' ').at(-1));
    else if (line.startsWith(`${name} `)) total += Number(line.split(' ').at(-1));
  }
  return total;
}

/** Resolves once a subgraph really listens for the channel's events (the upstream subscription is live). */
export async function untilListening(redis: { numsub(channel: string): Promise<number> }, channel: string, listeners = 1) {
  const deadline = Date.now() + 10_000;
  while ((await redis.numsub(channel)) < listeners) {
    if (Date.now() > deadline) throw new Error(`nobody listens on ${channel}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A service's /metrics text. Retried: on a loaded machine a pooled keep-alive connection can be
 * closed by the server just as it is reused (ECONNRESET), which says nothing about the service.
 */
async function metricsText(serviceUrl: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (await fetch(serviceUrl.replace(/\/graphql$/, '/metrics'))).text();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
