import type { Duplex } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { FrameFlusher, SocketConnection } from './server.js';

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
function fakeSocket(flusher?: FrameFlusher) {
  const log: { via: 'tcp' | 'ws'; data: string[] }[] = [];
  const socket = {
    OPEN: 1,
    readyState: 1,
    extensions: '',
    bufferedAmount: 0,
    send: (data: string) => log.push({ via: 'ws', data: [String(data)] }),
  };
  /** When each TCP write happened (performance.now()). */
  const writtenAt: number[] = [];
  const tcp = {
    write: (bytes: Buffer) => {
      writtenAt.push(performance.now());
      log.push({ via: 'tcp', data: framesIn(bytes) });
    },
  };
  const closed: number[] = [];
  const connection = new SocketConnection(socket as unknown as WebSocket, tcp as unknown as Duplex, {
    maxBufferedBytes: 100,
    slowConsumer: () => closed.push(socket.bufferedAmount),
  }, flusher);
  const next = (text: string) => connection.sendMessage(Buffer.from('{"id":"1","type":"next","payload":'), Buffer.from(`"${text}"}`));
  return { socket, connection, next, log, closed, writtenAt };
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

  it('writes 128 sockets a turn, so requests are served between the writes of a large fan-out', async () => {
    const sockets = Array.from({ length: 300 }, () => fakeSocket());
    for (const { next } of sockets) next('event');
    const written = () => sockets.filter((s) => s.log.length === 1).length;
    await nextTurn();
    expect(written()).toBe(128);
    await nextTurn();
    expect(written()).toBe(256);
    await nextTurn();
    expect(written()).toBe(300);
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

describe('FrameFlusher: after a large fan-out, the next writes wait out the interval', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // Times are checked against the writes' own timestamps: a slow machine may run late, never early.
  it('holds the next events of a room of 100 until the interval after the last round began, then writes them in one write per socket', async () => {
    const flusher = new FrameFlusher(300);
    const room = Array.from({ length: 100 }, () => fakeSocket(flusher));
    for (const { next } of room) next('1');
    await nextTurn();
    expect(room.every((s) => s.log.length === 1)).toBe(true);
    for (const { next } of room) next('2');
    await nextTurn();
    for (const { next } of room) next('3');
    for (let i = 0; i < 200 && !room.every((s) => s.log.length === 2); i++) await sleep(10);
    expect(room.every((s) => s.log.length === 2)).toBe(true);
    // The round began before its first write: the next one 300 ms after that write, less a timer's slack
    // (libuv counts a timeout from the loop's cached clock, so it may fire a few ms early by performance.now()).
    expect(room[99]!.writtenAt[1]! - room[0]!.writtenAt[0]!).toBeGreaterThanOrEqual(295);
    expect(room[7]!.log[1]!.data).toEqual(['{"id":"1","type":"next","payload":"2"}', '{"id":"1","type":"next","payload":"3"}']);
  });

  it('never holds a small round (under 64 sockets): each event goes out the turn after it', async () => {
    const flusher = new FrameFlusher(1_000);
    const few = Array.from({ length: 63 }, () => fakeSocket(flusher));
    for (const round of ['a', 'b', 'c']) {
      for (const { next } of few) next(round);
      await nextTurn();
    }
    expect(few.every((s) => s.log.length === 3)).toBe(true);
  });

  it('counts a fan-out split over turns as one round, and waits from its start', async () => {
    const flusher = new FrameFlusher(60);
    const room = Array.from({ length: 1_100 }, () => fakeSocket(flusher));
    for (const { next } of room) next('1');
    // 128 a turn; were each turn's 128 a round of its own, the second would wait 60 ms.
    for (let turn = 0; turn < 9; turn++) await nextTurn();
    expect(room.every((s) => s.log.length === 1)).toBe(true);
    room[0]!.next('2');
    for (let i = 0; i < 100 && room[0]!.log.length < 2; i++) await sleep(10);
    expect(room[0]!.log).toHaveLength(2);
    // 60 ms less a timer's slack (see above); an unheld write would come the next turn, well under 1 ms.
    expect(room[0]!.writtenAt[1]! - room[0]!.writtenAt[0]!).toBeGreaterThanOrEqual(55);
  });

  it('with an interval of 0, writes every turn like the default', async () => {
    const flusher = new FrameFlusher(0);
    const room = Array.from({ length: 100 }, () => fakeSocket(flusher));
    for (const round of ['a', 'b']) {
      for (const { next } of room) next(round);
      await nextTurn();
    }
    expect(room.every((s) => s.log.length === 2)).toBe(true);
  });
});
