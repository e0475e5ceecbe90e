import type { Client } from 'graphql-ws';
import { afterAll, beforeAll } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../launcher/all-in-one.js';
import { SUBGRAPHS } from '../../platform/subgraph/names.js';
import { wsClient } from './ws.js';

/**
 * Environment for a platform under test: free ports, quiet logs, and the database and Redis
 * this test run was given (embedded when DATABASE_URL / REDIS_URL are unset).
 */
export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: 'memory://',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    GATEWAY_PORT: '0',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name.toUpperCase()}_PORT`, '0'])),
    ...overrides,
  };
}

export const startTestPlatform = (overrides: Record<string, string | undefined> = {}): Promise<RunningPlatform> =>
  startPlatform(testEnv(overrides));

/**
 * One platform for a test file: started before its tests (`started` gets it), closed after them
 * together with every graphql-ws client opened with `client` or handed to `track`.
 */
export function platformPerFile(
  overrides: Record<string, string | undefined> | (() => Record<string, string | undefined>),
  started: (platform: RunningPlatform) => void,
) {
  let platform: RunningPlatform | undefined;
  let url = '';
  const clients: Client[] = [];
  const track = <C extends Client>(client: C): C => {
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    platform = await startTestPlatform(typeof overrides === 'function' ? overrides() : overrides);
    url = platform.gateway.url;
    started(platform);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await platform?.close();
  });
  return { track, client: (token?: string) => track(wsClient(url, { token })) };
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs a GraphQL operation the way a game client does. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** An operation a test expects to work: its data, or an error naming the operation and its errors. */
export async function gqlData<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const result = await gql<T>(url, query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** An operation a test expects refused: its first error's message and extensions (fails the test when there is none). */
export async function gqlRefusal(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ message: string } & Record<string, unknown>> {
  const result = await gql(url, query, variables, { token });
  if (!result.errors?.length) throw new Error(`${query.slice(0, 60)} was not refused: ${JSON.stringify(result.data)}`);
  return { message: result.errors[0]!.message, ...result.errors[0]!.extensions };
}

let counter = 0;
/** A username no other test (or earlier run on the same database) has used. */
export const uniqueName = (prefix = 'p') => `${prefix}_${Date.now().toString(36)}${(counter++).toString(36)}`.slice(0, 20);

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken expiresAt user { id username displayName email } }
}`;

/** Registers a fresh player through the gateway; returns their id and access token. */
export async function registerPlayer(url: string, username = uniqueName()) {
  const result = await gql<{ register: { accessToken: string; user: { id: string; username: string } } }>(url, REGISTER, {
    input: { username, email: `${username}@example.com`, password: 'password123' },
  });
  if (!result.data) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return { id: result.data.register.user.id, username, token: result.data.register.accessToken };
}
