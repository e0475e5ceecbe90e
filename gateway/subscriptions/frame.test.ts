import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame, textFrames } from './frame.js';
import { SocketConnection } from './server.js';

const noLimits = { maxBufferedBytes: Number.MAX_SAFE_INTEGER, slowConsumer: () => undefined };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A ws server and one client connected to it; the server side's socket and upgrade request. */
async function connectedPair() {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const accepted = once(wss, 'connection') as Promise<[WebSocket, IncomingMessage]>;
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
  const received: string[] = [];
  client.on('message', (data, isBinary) => received.push(`${isBinary ? 'binary:' : ''}${(data as Buffer).toString()}`));
  const [[server, request]] = await Promise.all([accepted, once(client, 'open')]);
  closers.push(async () => {
    client.terminate();
    wss.close();
    await new Promise((r) => http.close(r));
  });
  return { server, request, received };
}

const waitFor = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('textFrame', () => {
  it('encodes each length form (7-bit, 16-bit, 64-bit) as a client decodes it, and keeps the order of frames ws writes between them', async () => {
    const { server, request, received } = await connectedPair();
    const connection = new SocketConnection(server, request.socket, noLimits);
    // 125 / 126 / 65,535 / 65,536 bytes sit on the boundaries of the three length encodings.
    const bodies = ['é', 'x'.repeat(125 - 5), 'y'.repeat(126 - 5), 'z'.repeat(65_535 - 5), '€'.repeat(30_000)];
    const expected: string[] = [];
    for (const [i, body] of bodies.entries()) {
      connection.sendMessage(Buffer.from('{"a":'), Buffer.from(body));
      expected.push(`{"a":${body}`);
      server.send(`between ${i}`); // ws's own framing, interleaved
      expected.push(`between ${i}`);
    }
    await waitFor(() => received.length === expected.length);
    expect(received).toEqual(expected);
  });

  it('writes the same bytes as ws for a text message', async () => {
    // ws's Sender frames an unmasked text message as a header then the payload; ours is one buffer.
    const { Sender } = (await import('ws')) as unknown as { Sender: { frame(data: Buffer, options: object): Buffer[] } };
    for (const size of [0, 125, 126, 65_535, 65_536]) {
      const payload = Buffer.alloc(size, 'a');
      const ours = textFrame(payload.subarray(0, Math.min(3, size)), payload.subarray(Math.min(3, size)));
      const theirs = Buffer.concat(
        Sender.frame(payload, { fin: true, opcode: 1, mask: false, readOnly: true, rsv1: false }),
      );
      expect(ours.equals(theirs), `size ${size}`).toBe(true);
    }
  });

  it('lays several frames of each length form end to end, byte for byte as one frame each', () => {
    const parts = [5, 126, 65_535, 70_000, 0].map((size, i) => [Buffer.from(`{"${i}":`), Buffer.alloc(size, 'q')] as const);
    const together = textFrames(parts.map(([head]) => head), parts.map(([, body]) => body));
    expect(together.equals(Buffer.concat(parts.map(([head, body]) => textFrame(head, body))))).toBe(true);
    expect(together.length).toBe(parts.reduce((n, [h, b]) => n + h.length + b.length, 0) + 2 + 4 + 10 + 10 + 2);
  });

  it('falls back to ws when there is no TCP socket to write to', async () => {
    const { server, received } = await connectedPair();
    new SocketConnection(server, undefined, noLimits).sendMessage(Buffer.from('{"b":'), Buffer.from('1}'));
    await waitFor(() => received.length === 1);
    expect(received).toEqual(['{"b":1}']);
  });

  it('counts what it wrote in bufferedAmount, so a slow consumer is still detected', async () => {
    const { server, request } = await connectedPair();
    let slow = 0;
    const connection = new SocketConnection(server, request.socket, { maxBufferedBytes: 1024, slowConsumer: () => void slow++ });
    request.socket.cork(); // nothing leaves: every byte stays buffered
    connection.sendMessage(Buffer.from('{"c":'), Buffer.alloc(4096, 'c'));
    await new Promise((resolve) => setImmediate(resolve)); // frames go out when the turn ends
    expect(server.bufferedAmount).toBeGreaterThan(4096);
    expect(slow).toBe(1); // checked as they went
    connection.checkBackpressure();
    expect(slow).toBe(2);
    request.socket.uncork();
  });
});
