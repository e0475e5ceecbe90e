import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToSubgraph } from './subgraph-http.js';

let server: Server;
let base = '';
const seen: { headers: Record<string, unknown>; body: string }[] = [];
const openSockets = () => new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/slow') return; // never answers
      if (req.url === '/down') return void res.writeHead(503, 'Service Unavailable', { 'content-type': 'text/plain' }).end('down');
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=60, public', 'x-twice': ['a', 'b'] });
      // Two writes: the answer arrives in more than one chunk.
      res.write('{"data":{"echo":');
      res.end(`${JSON.stringify(Buffer.concat(chunks).toString('utf8'))}}}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('postToSubgraph (the gateway’s subgraph calls on Node’s HTTP client)', () => {
  it('POSTs the body with its headers and a content-length; the answer reads like a fetch Response', async () => {
    const body = JSON.stringify({ query: '{ é }' });
    const response = await postToSubgraph(`${base}/graphql`, { 'content-type': 'application/json', 'x-viewer-token': 't' }, body);
    expect(seen.at(-1)).toMatchObject({ body, headers: { 'content-type': 'application/json', 'x-viewer-token': 't', 'content-length': String(Buffer.byteLength(body)) } });
    expect(response).toMatchObject({ ok: true, status: 200, url: `${base}/graphql` });
    expect(response.headers.get('Cache-Control')).toBe('max-age=60, public');
    expect(response.headers.get('x-missing')).toBeNull();
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ data: { echo: body } });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('resolves a non-2xx answer (Apollo turns it into the error), with its status and text', async () => {
    const response = await postToSubgraph(`${base}/down`, {}, '{}');
    expect(response).toMatchObject({ ok: false, status: 503, statusText: 'Service Unavailable' });
    expect(await response.text()).toBe('down');
  });

  it('rejects when nobody answers, and when the signal fires (closing the socket)', async () => {
    await expect(postToSubgraph('http://127.0.0.1:1/graphql', {}, '{}')).rejects.toThrow(/ECONNREFUSED/);
    const controller = new AbortController();
    const received = seen.length;
    const call = postToSubgraph(`${base}/slow`, {}, '{}', controller.signal);
    // Polled, not slept: a loaded machine may take longer than any fixed pause to connect or to close.
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(received + 1);
    const before = await openSockets();
    controller.abort();
    await expect(call).rejects.toThrow(/abort/i);
    await expect.poll(openSockets, { timeout: 5_000 }).toBe(before - 1);
  });
});
