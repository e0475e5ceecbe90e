import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { keepAlive } from './keep-alive.js';

const servers: { wss: WebSocketServer; stop: () => void }[] = [];
afterEach(async () => {
  for (const { wss, stop } of servers.splice(0)) {
    stop();
    for (const c of wss.clients) c.terminate();
    await new Promise((r) => wss.close(r));
  }
});

async function serve(intervalMs: number) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const stop = keepAlive(wss, intervalMs);
  servers.push({ wss, stop });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const connect = async (autoPong: boolean) => {
    const socket = new WebSocket(url, { autoPong });
    await new Promise((r) => socket.once('open', r));
    return socket;
  };
  return { wss, connect };
}

describe('keepAlive', () => {
  it('terminates a connection that stops answering pings and keeps those that answer', async () => {
    const { connect } = await serve(200);
    const alive = await Promise.all([connect(true), connect(true), connect(true)]);
    const deaf = await connect(false);
    let pings = 0;
    deaf.on('ping', () => pings++);
    const closed = await new Promise<number>((resolve) => deaf.on('close', resolve));
    expect(closed).toBe(1006); // terminated: no close frame
    expect(pings).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 500)); // two more rounds
    for (const socket of alive) expect(socket.readyState).toBe(WebSocket.OPEN);
  });

  it('pings every connection about once per interval, a slice at a time', async () => {
    const { connect } = await serve(300);
    const sockets = await Promise.all(Array.from({ length: 40 }, () => connect(true)));
    const pingTimes: number[][] = sockets.map(() => []);
    sockets.forEach((s, i) => s.on('ping', () => pingTimes[i]!.push(Date.now())));
    // Every socket pinged twice: polled, since a loaded machine runs the 30 ms ticks late.
    await expect.poll(() => pingTimes.every((times) => times.length >= 2), { timeout: 10_000 }).toBe(true);
    // Never more than once per interval: a round starts an interval after the last one, and not before
    // the last one visited every slice (less 50 ms for a timer firing early and a ping read late).
    for (const times of pingTimes) for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
    // Spread over the interval, not all at once: the first pings of a round do not share one instant.
    const firsts = pingTimes.map((t) => t[0]!);
    expect(Math.max(...firsts) - Math.min(...firsts)).toBeGreaterThanOrEqual(100);
  });

  it('pings even a single connection only once per interval, and gives it the whole interval to answer', async () => {
    const { connect } = await serve(1_000);
    const lone = await connect(false); // answers by hand, late
    const pings: number[] = [];
    lone.on('ping', () => {
      pings.push(Date.now());
      setTimeout(() => lone.pong(), 300); // slower than a tick (100 ms), within the interval (700 ms to spare for a late timer)
    });
    // Three pings: the second and third came after a late answer to the one before. Polled, since a
    // loaded machine runs the ticks late.
    await expect.poll(() => pings.length, { timeout: 15_000, interval: 50 }).toBeGreaterThanOrEqual(3);
    expect(lone.readyState).toBe(WebSocket.OPEN);
    // Never more than once per interval: the server sends them at least 1,000 ms apart; 200 ms are
    // left for a ping this busy process read late (it serves the socket and runs the client).
    for (let i = 1; i < pings.length; i++) expect(pings[i]! - pings[i - 1]!).toBeGreaterThanOrEqual(800);
    lone.close();
  });
});
