// How the seed talks to a running platform: GraphQL over HTTP and POST /ingest at the gateway,
// nothing else (no database, no Redis). Refusals the platform documents as "try again"
// (RATE_LIMITED with retryAfterMs, SERVICE_UNAVAILABLE) are waited out; everything else throws.

/** An operation the platform refused: its first error's message, code and extensions. */
export class ApiRefusal extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly code: string | undefined,
    readonly extensions: Record<string, unknown>,
  ) {
    super(`${operation}: ${message}${code ? ` (${code})` : ''}`);
  }
}

/** The seed cannot go on without the operator (a missing admin, a limit it should not wait out). */
export class SeedStop extends Error {}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The longest wait for a rate limit the seed sits through; a longer one stops it with advice. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
const MAX_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const operationName = (query: string) => /(?:query|mutation)\s*(\w+)?[^{]*\{\s*(\w+)/.exec(query)?.slice(1).find(Boolean) ?? 'operation';

export class PlatformApi {
  /** `url`: the gateway's GraphQL endpoint (http://127.0.0.1:4000/graphql). */
  constructor(readonly url: string) {}

  /** Runs one operation; `token` is a player's or a service's access token. */
  async request<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const name = operationName(query);
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query, variables }),
        });
      } catch (error) {
        const { cause, message } = error as Error;
        throw new SeedStop(`cannot reach ${this.url} (${cause instanceof Error ? String(cause) : message}): is the platform running? (npm start)`);
      }
      const body = (await response.json().catch(() => ({}))) as GraphQLBody<T>;
      const error = body.errors?.[0];
      if (!error && body.data) return body.data;
      const extensions = error?.extensions ?? {};
      const code = typeof extensions.code === 'string' ? extensions.code : response.status === 429 ? 'RATE_LIMITED' : undefined;
      const wait = await this.waitBeforeRetry(name, code, extensions, attempt);
      if (wait === undefined) throw new ApiRefusal(name, error?.message ?? `HTTP ${response.status} without data`, code, extensions);
    }
  }

  /** POST /ingest at the gateway: analytics events as a JSON array. */
  async ingest(events: readonly Record<string, unknown>[], token: string): Promise<{ accepted: number; duplicates: number; rejected: { eventId?: string; reason: string }[] }> {
    const ingestUrl = new URL('/ingest', this.url);
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(ingestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(events),
      });
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.ok) return body as Awaited<ReturnType<PlatformApi['ingest']>>;
      const error = (body.errors as GraphQLBody<unknown>['errors'])?.[0];
      const extensions = error?.extensions ?? {};
      const code = typeof extensions.code === 'string' ? extensions.code : response.status === 429 ? 'RATE_LIMITED' : undefined;
      const wait = await this.waitBeforeRetry('ingest', code, extensions, attempt);
      if (wait === undefined) throw new ApiRefusal('POST /ingest', error?.message ?? `HTTP ${response.status}`, code, extensions);
    }
  }

  /** Waits when the refusal says to try again later; undefined when it is final. */
  private async waitBeforeRetry(name: string, code: string | undefined, extensions: Record<string, unknown>, attempt: number): Promise<number | undefined> {
    if (attempt >= MAX_ATTEMPTS) return undefined;
    if (code === 'RATE_LIMITED') {
      const retryAfterMs = typeof extensions.retryAfterMs === 'number' ? extensions.retryAfterMs : 1_000;
      if (retryAfterMs > MAX_RATE_LIMIT_WAIT_MS) {
        throw new SeedStop(
          `${name} is rate limited for ${Math.ceil(retryAfterMs / 60_000)} more minute(s)${typeof extensions.reason === 'string' && extensions.reason ? ` (${extensions.reason})` : ''}. ` +
            'Seed a platform on this machine (127.0.0.1 is exempt from the per-address limits), or raise ' +
            'REGISTRATIONS_PER_ADDRESS_PER_HOUR / RATE_LIMIT_EXEMPT_ADDRESSES on the platform, then run the seed again.',
        );
      }
      await sleep(retryAfterMs + 50);
      return retryAfterMs;
    }
    // "Retry with the same input": every seed write is keyed or checked first, so a retry is safe.
    if (code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT') {
      const backoff = 250 * 2 ** attempt;
      await sleep(backoff);
      return backoff;
    }
    return undefined;
  }
}

/** A signed-in account: its token, renewed by signing in again when it expires mid-seed. */
export class Session {
  token = '';
  id = '';
  role = '';

  constructor(
    private readonly api: PlatformApi,
    readonly username: string,
    readonly password: string,
  ) {}

  async signIn(): Promise<this> {
    const { login } = await this.api.request<{ login: { accessToken: string; user: { id: string; role: string } } }>(
      `mutation SeedSignIn($input: LoginInput!) { login(input: $input) { accessToken user { id role } } }`,
      { input: { usernameOrEmail: this.username, password: this.password } },
    );
    this.token = login.accessToken;
    this.id = login.user.id;
    this.role = login.user.role;
    return this;
  }

  /** Runs an operation as this account; an expired token is renewed once. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.api.request<T>(query, variables, this.token);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.code !== 'UNAUTHENTICATED') throw error;
      await this.signIn();
      return this.api.request<T>(query, variables, this.token);
    }
  }
}

/** The game server: a service token from an API key, exchanged again when it expires. */
export class GameServer {
  private token = '';

  constructor(
    private readonly api: PlatformApi,
    private readonly secret: string,
  ) {}

  async issueToken(): Promise<this> {
    const { issueServiceToken } = await this.api.request<{ issueServiceToken: { accessToken: string } }>(
      `mutation SeedServiceToken($input: IssueServiceTokenInput!) { issueServiceToken(input: $input) { accessToken } }`,
      { input: { apiKey: this.secret } },
    );
    this.token = issueServiceToken.accessToken;
    return this;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return await this.api.request<T>(query, variables, this.token);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.code !== 'UNAUTHENTICATED') throw error;
      await this.issueToken();
      return this.api.request<T>(query, variables, this.token);
    }
  }

  async ingest(events: readonly Record<string, unknown>[]) {
    try {
      return await this.api.ingest(events, this.token);
    } catch (error) {
      if (!(error instanceof ApiRefusal) || error.code !== 'UNAUTHENTICATED') throw error;
      await this.issueToken();
      return this.api.ingest(events, this.token);
    }
  }
}

/** True when `error` is the refusal with this code (and reason, when given). */
export const refused = (error: unknown, code: string, reason?: string): boolean =>
  error instanceof ApiRefusal && error.code === code && (reason === undefined || error.extensions.reason === reason);
