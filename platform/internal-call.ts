// A call from one subgraph to another's GraphQL API as a service: the viewer header signed with the
// internal secret exactly as the gateway signs it, so the callee checks scopes and input as for any
// caller. Used for the users subgraph's wallet (wallet-debit.ts) and levels (tournaments).
import { VIEWER_HEADER, ViewerSigner, type Viewer } from './auth.js';
import { DomainError, ErrorCode, InsufficientFundsError, ServiceUnavailableError } from './errors.js';

type GraphQLBody<T> = { data?: T | null; errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[] };

export interface InternalCallOptions {
  /** The callee's GraphQL endpoint. */
  url: string;
  /** Its name, for SERVICE_UNAVAILABLE (`users`). */
  service: string;
  internalSecret: string;
  /** After this long the outcome is unknown: SERVICE_UNAVAILABLE (repeat it with the same idempotency key). */
  timeoutMs: number;
  /** Who calls: a service viewer with the scopes the callee checks. */
  viewer: Viewer;
}

/**
 * One signed service call. The callee's answer in `passThrough` codes becomes the same coded error
 * here (INSUFFICIENT_FUNDS as InsufficientFundsError); any other error, an unreachable callee, a
 * timeout or an answer without data is SERVICE_UNAVAILABLE: the call may or may not have applied.
 */
export class InternalCaller {
  private readonly signer: ViewerSigner;

  constructor(private readonly options: InternalCallOptions) {
    this.signer = new ViewerSigner(options.internalSecret);
  }

  async call<T>(query: string, variables: Record<string, unknown>, passThrough: readonly string[] = []): Promise<T> {
    let body: GraphQLBody<T>;
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VIEWER_HEADER]: await this.signer.sign(this.options.viewer) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      body = (await response.json()) as GraphQLBody<T>;
    } catch {
      throw new ServiceUnavailableError(this.options.service);
    }
    const error = body.errors?.[0];
    if (error) {
      const { code, ...details } = error.extensions ?? {};
      if (code && passThrough.includes(code)) {
        if (code === ErrorCode.INSUFFICIENT_FUNDS) throw new InsufficientFundsError(error.message, details);
        throw new DomainError(code as ErrorCode, error.message, details);
      }
      throw new ServiceUnavailableError(this.options.service);
    }
    if (!body.data) throw new ServiceUnavailableError(this.options.service);
    return body.data;
  }
}
