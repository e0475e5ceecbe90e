import type { Duplex } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { SocketConnection } from './server.js';

/** The payloads of the unmasked text frames in `bytes`, in order (frame.ts writes them). */
function framesIn(bytes: Buffer): string[] {
  const payloads: string[] = [];
  for (let at = 0; at < bytes.length; ) {
    expect(bytes[at]).toBe(0x81);
    let length = bytes[at + 1]!;
    let start = at + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(at + 2);
      start = at + 4;
    }
    payloads.push(bytes.subarray(start, start + length).toString('utf8'));
    at = start + length;
  }
  return payloads;
}

/** A client socket and the TCP socket under it, recording what is written to either, in order. */
function fakeSocket() {
  const log: { via: 'tcp' | 'ws'; data: string[] }[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    extensions: '',
    bufferedAmount: 0,
    send: (data: string) => log.push({ via: 'ws', data: [String(data)] }),
  };
  const tcp = { write: (bytes: Buffer) => log.push({ via: 'tcp', data: framesIn(bytes) }) };
  const closed: number[] = [];
  const connection = new SocketConnection(socket as unknown as WebSocket, tcp as unknown as Duplex, {
    maxBufferedBytes: 100,
    slowConsumer: () => closed.push(socket.bufferedAmount),
  });
  const next = (text: string) => connection.sendMessage(Buffer.from('{"id":"1","type":"next","payload":'), Buffer.from(`"${text}"}`));
  return { socket, connection, next, log, closed };
}

describe('SocketConnection: frames of one turn go out together', () => {
  it('writes the events of one turn in one write, in order, when the turn ends', async () => {
    const { next, log } = fakeSocket();
    next('a');
    next('b');
    next('c');
    expect(log).toEqual([]);
    await nextTurn();
    expect(log).toEqual([{ via: 'tcp', data: ['{"id":"1","type":"next","payload":"a"}', '{"id":"1","type":"next","payload":"b"}', '{"id":"1","type":"next","payload":"c"}'] }]);
    next('d');
    await nextTurn();
    expect(log).toHaveLength(2);
    expect(log[1]!.data).toEqual(['{"id":"1","type":"next","payload":"d"}']);
  });

  it('writes about a thousand sockets a turn, so requests are served between the writes of a large fan-out', async () => {
    const sockets = Array.from({ length: 1_100 }, () => fakeSocket());
    for (const { next } of sockets) next('event');
    await nextTurn();
    const written = () => sockets.filter((s) => s.log.length === 1).length;
    expect(written()).toBe(1_024);
    await nextTurn();
    expect(written()).toBe(1_100);
  });

  it('writes what it holds before anything graphql-ws sends (complete never overtakes the last event)', async () => {
    const { socket, next, log } = fakeSocket();
    next('last');
    socket.send('{"id":"1","type":"complete"}');
    expect(log.map((l) => l.via)).toEqual(['tcp', 'ws']);
    expect(log[0]!.data).toEqual(['{"id":"1","type":"next","payload":"last"}']);
    await nextTurn();
    expect(log).toHaveLength(2); // nothing written twice
  });

  it('drops what it holds for a socket that closed, and closes a slow consumer once its backlog passes the limit', async () => {
    const closedSocket = fakeSocket();
    closedSocket.next('a');
    closedSocket.socket.readyState = 3;
    await nextTurn();
    expect(closedSocket.log).toEqual([]);

    const slow = fakeSocket();
    slow.socket.bufferedAmount = 101;
    slow.next('a');
    await nextTurn();
    expect(slow.closed).toEqual([101]);
  });
});
