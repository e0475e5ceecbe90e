import { createClient, type Client } from 'graphql-ws';

/** The console is served by the gateway: the API is at /graphql on the same origin, subscriptions over graphql-ws there. */
const ENDPOINT = `${location.origin}/graphql`;
const WS_ENDPOINT = ENDPOINT.replace(/^http/, 'ws');
const SESSION_KEY = 'game-platform-console-session';

export interface Session {
  token: string;
  userId: string;
  username: string;
  role: string;
}

/** A GraphQL error as the API sends it: its message and code (extensions.code). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const firstError = (errors: GraphQLResponse<unknown>['errors']) => new ApiError(errors?.[0]?.message ?? 'The API refused the request.', errors?.[0]?.extensions?.code);

/** The signed-in player, kept for the browser tab (sessionStorage): a reload stays signed in, a new tab signs in again. */
export function storedSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let session: Session | null = storedSession();
let ws: Client | undefined;

export function setSession(next: Session | null) {
  session = next;
  if (next) sessionStorage.setItem(SESSION_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(SESSION_KEY);
  // The gateway authenticates a socket once, at connection_init: a new player needs a new socket.
  void ws?.dispose();
  ws = undefined;
}

/** A query or mutation over HTTP as the signed-in player; throws ApiError with the API's first error. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(session ? { authorization: `Bearer ${session.token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) throw firstError(body.errors);
  return body.data;
}

function socket(): Client {
  ws ??= createClient({
    url: WS_ENDPOINT,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: () => (session ? { authorization: `Bearer ${session.token}` } : {}),
  });
  return ws;
}

/** Follows a subscription; answers the function that stops it. */
export function subscribe<T>(query: string, variables: Record<string, unknown>, onData: (data: T) => void, onError: (error: ApiError) => void): () => void {
  return socket().subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors?.length) onError(firstError(result.errors as GraphQLResponse<T>['errors']));
        else if (result.data) onData(result.data);
      },
      error: (error) => onError(error instanceof Error ? new ApiError(error.message, undefined) : new ApiError('The live connection failed.', undefined)),
      complete: () => undefined,
    },
  );
}

const LOGIN = `mutation ConsoleSignIn($input: LoginInput!) {
  login(input: $input) { accessToken user { id username role } }
}`;

/** Signs in with `login`; throws ApiError with the API's message when it refuses. */
export async function signIn(usernameOrEmail: string, password: string): Promise<Session> {
  const data = await gql<{ login: { accessToken: string; user: { id: string; username: string; role: string } } }>(LOGIN, { input: { usernameOrEmail, password } });
  return { token: data.login.accessToken, userId: data.login.user.id, username: data.login.user.username, role: data.login.user.role };
}

/** A fresh id for an idempotent send (the API dedupes retries by it). */
export const newClientId = (): string => crypto.randomUUID();
