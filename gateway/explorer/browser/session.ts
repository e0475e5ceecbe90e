import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { createClient, type Client } from 'graphql-ws';

/** The page is served at the GraphQL endpoint itself: queries go where it came from, subscriptions to the same URL over graphql-ws. */
export const ENDPOINT = `${location.origin}${location.pathname}`;
const WS_ENDPOINT = ENDPOINT.replace(/^http/, 'ws');

/** The player signed in with the sign-in panel (kept in memory only: a reload signs out). */
export interface SignedIn {
  token: string;
  username: string;
  role: string;
}
let signedIn: SignedIn | null = null;
const listeners = new Set<() => void>();
export const currentSession = () => signedIn;
export function setSession(session: SignedIn | null) {
  signedIn = session;
  for (const listener of listeners) listener();
}
export function onSessionChange(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The tab's Authorization header, whatever its case. */
export function authorizationIn(headers: Record<string, unknown> | undefined): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) if (name.toLowerCase() === 'authorization' && typeof value === 'string' && value) return value;
  return undefined;
}

let current: { authorization: string | undefined; client: Client; fetcher: Fetcher } | undefined;

/**
 * GraphiQL's fetcher: queries and mutations over HTTP, subscriptions over graphql-ws. The gateway
 * authenticates a websocket once, from `connectionParams.authorization` in connection_init, so the
 * socket is opened with the tab's Authorization header (or the signed-in player's token when the
 * tab has none), and reopened when that changes.
 */
export const fetcher: Fetcher = (params, options) => {
  const fromTab = authorizationIn(options?.headers);
  const authorization = fromTab ?? (signedIn ? `Bearer ${signedIn.token}` : undefined);
  if (!current || current.authorization !== authorization) {
    void current?.client.dispose();
    const client = createClient({ url: WS_ENDPOINT, lazy: true, retryAttempts: 2, connectionParams: authorization ? { authorization } : {} });
    current = { authorization, client, fetcher: createGraphiQLFetcher({ url: ENDPOINT, wsClient: client }) };
  }
  // HTTP: the tab's own header wins; a tab without one borrows the signed-in player's token.
  const headers = fromTab || !authorization ? options?.headers : { ...options?.headers, Authorization: authorization };
  return current.fetcher(params, { ...options, headers });
};

const LOGIN = `mutation ExplorerSignIn($input: LoginInput!) {
  login(input: $input) { accessToken user { username role } }
}`;

/** Signs in with the `login` mutation; throws with the API's message when it refuses. */
export async function signIn(usernameOrEmail: string, password: string): Promise<SignedIn> {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: LOGIN, operationName: 'ExplorerSignIn', variables: { input: { usernameOrEmail, password } } }),
  });
  const body = (await response.json()) as {
    data?: { login: { accessToken: string; user: { username: string; role: string } } } | null;
    errors?: { message: string }[];
  };
  if (!body.data?.login) throw new Error(body.errors?.[0]?.message ?? `Sign-in failed (HTTP ${response.status}).`);
  return { token: body.data.login.accessToken, username: body.data.login.user.username, role: body.data.login.user.role };
}
