import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { LeanSubscriber, stringField } from './lean-ws.js';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A `ws` server speaking graphql-transport-ws's side of the handshake; what it received, and its socket. */
async function graphqlWsServer() {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'graphql-transport-ws' });
  servers.push(server);
  await once(server, 'listening');
  const received: { type: string; id?: string; payload?: unknown }[] = [];
  const pongs: Buffer[] = [];
  const connected = new Promise<WebSocket>((resolve) => {
    server.on('connection', (socket) => {
      socket.on('pong', (data) => pongs.push(data));
      socket.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; id?: string };
        received.push(message);
        if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
        if (message.type === 'subscribe') resolve(socket);
      });
    });
  });
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, received, pongs, connected };
}

const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('LeanSubscriber', () => {
  it('connects, subscribes with its variables, and hands over every next message whole, in order, in each length form', async () => {
    const server = await graphqlWsServer();
    const messages: string[] = [];
    const problems: string[] = [];
    const client = new LeanSubscriber({
      url: server.url,
      query: 'subscription($room: ID!) { messageAdded(roomId: $room) { text } }',
      variables: { room: 'r1' },
      connectionParams: { authorization: 'Bearer x' },
      onNext: (message) => messages.push(message.toString('utf8')),
      onConnected: () => undefined,
      onProblem: (what) => problems.push(what),
    });
    client.open();
    const socket = await server.connected;
    expect(server.received).toEqual([
      { type: 'connection_init', payload: { authorization: 'Bearer x' } },
      { id: '1', type: 'subscribe', payload: { query: 'subscription($room: ID!) { messageAdded(roomId: $room) { text } }', variables: { room: 'r1' } } },
    ]);
    // 7-bit, 16-bit and 64-bit lengths; the big ones arrive over several TCP reads.
    const sent = [5, 300, 70_000, 1].map((n, i) => `{"id":"1","type":"next","payload":{"data":{"messageAdded":{"text":"${String(i).repeat(n)}"}}}}`);
    for (const text of sent) socket.send(text);
    await waitFor(() => messages.length === sent.length);
    expect(messages).toEqual(sent);
    expect(stringField(Buffer.from(messages[0]!), Buffer.from('"text":"'))).toBe('00000');
    expect(problems).toEqual([]);
    client.close();
  });

  it('answers a WebSocket ping with a pong carrying its data, and a graphql-ws ping with a pong', async () => {
    const server = await graphqlWsServer();
    const client = new LeanSubscriber({ url: server.url, query: 'subscription { x }', onNext: () => undefined, onConnected: () => undefined, onProblem: () => undefined });
    client.open();
    const socket = await server.connected;
    socket.ping(Buffer.from('beat'));
    socket.send('{"type":"ping"}');
    await waitFor(() => server.pongs.length === 1 && server.received.some((m) => m.type === 'pong'));
    expect(server.pongs[0]!.toString()).toBe('beat');
    client.close();
  });

  it('reports the server closing it, with the code and reason, and an error message as a problem that does not close it', async () => {
    const server = await graphqlWsServer();
    const problems: { what: string; closed: boolean }[] = [];
    const client = new LeanSubscriber({ url: server.url, query: 'subscription { x }', onNext: () => undefined, onConnected: () => undefined, onProblem: (what, closed) => problems.push({ what, closed }) });
    client.open();
    const socket = await server.connected;
    socket.send('{"id":"1","type":"error","payload":[{"message":"nope"}]}');
    socket.close(4509, 'Slow consumer');
    await waitFor(() => problems.length === 2);
    expect(problems[0]).toEqual({ what: 'error: [{"message":"nope"}]', closed: false });
    expect(problems[1]).toEqual({ what: 'closed 4509 Slow consumer', closed: true });
  });

  it('refuses an upgrade that is not a WebSocket one', async () => {
    const { createServer } = await import('node:http');
    const http = createServer((_req, res) => res.end('not here'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const problems: string[] = [];
    new LeanSubscriber({
      url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`,
      query: 'subscription { x }',
      onNext: () => undefined,
      onConnected: () => undefined,
      onProblem: (what) => problems.push(what),
    }).open();
    await waitFor(() => problems.length === 1);
    expect(problems[0]).toMatch(/^upgrade refused: HTTP\/1\.1 200/);
    await new Promise((resolve) => http.close(resolve));
  });
});
