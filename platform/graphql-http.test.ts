import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interceptRequests, startHttpService, type RunningService } from './http.js';
import { createMetricsRegistry } from './metrics.js';
import { silentLogger } from './testing.js';

let service: RunningService;

beforeAll(async () => {
  const apollo = new ApolloServer<{ who: string }>({
    typeDefs: 'type Query { echo(text: String!): String! who: String! }',
    resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text, who: (_: unknown, _a: unknown, { who }: { who: string }) => who } },
  });
  service = await startHttpService({
    name: 'http-test',
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
    apollo,
    metrics: createMetricsRegistry('http-test'),
    maxBodyBytes: 1024,
    context: async (req) => ({ who: String(req.headers['x-who'] ?? 'nobody') }),
    ready: async () => undefined,
  });
});
afterAll(() => service.close());

/** A raw request, so headers (content-length, encodings) are exactly what the case says. */
function send(options: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const req = request(
      new URL(options.path ?? '/graphql', service.url),
      { method: options.method ?? 'POST', headers: { ...(body && !options.chunked ? { 'content-length': String(body.length) } : {}), ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body && options.chunked) {
      // Transfer-Encoding: chunked, no content-length: the size is only known while reading.
      for (let i = 0; i < body.length; i += 100) req.write(body.subarray(i, i + 100));
      req.end();
    } else req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
const codeOf = (text: string) => (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

describe('GraphQL over Node’s HTTP server (the kit’s /graphql)', () => {
  it('answers a POSTed operation with its context, a content-length and no Express header', async () => {
    const r = await send({ headers: { ...json, 'x-who': 'ana' }, body: JSON.stringify({ query: '{ who echo(text: "hé") }' }) });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ data: { who: 'ana', echo: 'hé' } });
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(r.text));
    expect(r.headers['x-powered-by']).toBeUndefined();
  });

  it('reads gzip bodies, chunked bodies and a JSON content type with a utf-8 charset', async () => {
    const body = JSON.stringify({ query: '{ echo(text: "zipped") }' });
    expect(JSON.parse((await send({ headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(body) })).text)).toEqual({ data: { echo: 'zipped' } });
    expect(JSON.parse((await send({ headers: json, body, chunked: true })).text)).toEqual({ data: { echo: 'zipped' } });
    expect((await send({ headers: { 'content-type': 'application/json; charset=UTF-8' }, body })).status).toBe(200);
  });

  it.each([
    ['malformed JSON', { headers: json, body: '{"query": "{ who }"' }, 400, 'BAD_REQUEST'],
    ['a JSON string at the top', { headers: json, body: '"{ who }"' }, 400, 'BAD_REQUEST'],
    ['a body over the limit (declared)', { headers: json, body: JSON.stringify({ query: `{ who } #${'x'.repeat(2000)}` }) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a body over the limit (chunked)', { headers: json, body: JSON.stringify({ query: `{ who } #${'x'.repeat(2000)}` }), chunked: true }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a body over the limit once inflated', { headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify({ query: `{ who } #${'x'.repeat(5000)}` })) }, 413, 'PAYLOAD_TOO_LARGE'],
    ['a charset other than utf-8', { headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' }, 415, 'BAD_REQUEST'],
    ['an unknown content encoding', { headers: { ...json, 'content-encoding': 'zstd-ish' }, body: '{}' }, 415, 'BAD_REQUEST'],
    ['a corrupt gzip body', { headers: { ...json, 'content-encoding': 'gzip' }, body: 'not gzip' }, 400, 'BAD_REQUEST'],
    ['an empty JSON body', { headers: json, body: '' }, 400, 'BAD_REQUEST'],
  ])('%s: %i with code %s, as JSON', async (_name, options, status, code) => {
    const r = await send(options);
    expect(r.status).toBe(status);
    expect(String(r.headers['content-type'])).toContain('application/json');
    expect(codeOf(r.text)).toBe(code);
  });

  it('leaves CSRF prevention and GET queries to Apollo', async () => {
    expect((await send({ headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ who }' }) })).status).toBe(400);
    const get = await send({ method: 'GET', path: `/graphql?query=${encodeURIComponent('{ echo(text: "get") }')}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(JSON.parse(get.text)).toEqual({ data: { echo: 'get' } });
  });

  it('serves the probes and answers any other path 404 as JSON', async () => {
    expect(JSON.parse((await send({ method: 'GET', path: '/healthz' })).text)).toEqual({ status: 'ok' });
    expect(JSON.parse((await send({ method: 'GET', path: '/readyz' })).text)).toEqual({ status: 'ready' });
    expect((await send({ method: 'GET', path: '/metrics' })).text).toContain('process_cpu');
    const other = await send({ method: 'GET', path: '/nothing' });
    expect(other.status).toBe(404);
    expect(codeOf(other.text)).toBe('NOT_FOUND');
  });
});

describe('CORS (corsOrigins)', () => {
  let open: RunningService;
  let closed: RunningService;
  const start = (corsOrigins?: readonly string[] | '*') =>
    startHttpService({
      name: 'cors-test',
      host: '127.0.0.1',
      port: 0,
      logger: silentLogger,
      apollo: new ApolloServer({ typeDefs: 'type Query { ok: Boolean! }', resolvers: { Query: { ok: () => true } } }),
      metrics: createMetricsRegistry('cors-test'),
      context: async () => ({}),
      ready: async () => undefined,
      corsOrigins,
      // A route the service attaches itself, as the gateway's /ingest is: CORS must cover it too.
      attach: (server) => interceptRequests(server, (req, res, next) => (req.url === '/own' ? void res.writeHead(200).end('own') : next())),
    });
  beforeAll(async () => {
    open = await start(['https://game.example.com', 'http://localhost:5173']);
    closed = await start();
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });
  const call = (target: RunningService, init: RequestInit & { path?: string }) => fetch(new URL(init.path ?? '/graphql', target.url), init);
  const preflight = (target: RunningService, origin: string, path = '/graphql') =>
    call(target, { method: 'OPTIONS', path, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });

  it('answers an allowed origin’s preflight and marks its answers readable, on every path', async () => {
    for (const path of ['/graphql', '/own']) {
      const answer = await preflight(open, 'https://game.example.com', path);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://game.example.com');
      expect(answer.headers.get('access-control-allow-methods')).toBe('GET,POST');
      expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const query = await call(open, { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(await query.json()).toEqual({ data: { ok: true } });
    expect(query.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(query.headers.get('vary')).toContain('Origin');
  });

  it('gives another origin, or a service without corsOrigins, no Access-Control-Allow-Origin', async () => {
    expect((await preflight(open, 'https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    const other = await call(open, { method: 'POST', headers: { origin: 'https://evil.example.com', 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = await preflight(closed, 'https://game.example.com');
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
    expect(none.headers.get('access-control-allow-methods')).toBeNull();
  });
});
