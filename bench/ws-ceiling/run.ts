// The ceiling of this machine's WebSocket fan-out, without GraphQL or the platform: how many
// graphql-ws `next` frames the gateway's own write path (gateway/subscriptions/server.ts
// SocketConnection: whole frames, one write per socket per turn) can send and graphql-ws clients
// (the client the chat and subscription benches use) can receive per second, and the CPU each
// side spends per frame. It bounds what this gateway can deliver here: chat's 500 messages/s into
// a room of 1,000 subscribers is 500,000 frames/s, sent and received on the same 2 cores.
//
//   node --import tsx bench/ws-ceiling/run.ts [--subscribers 1000] [--clients 2] [--seconds 8]
//        [--per-turn 4] [--subscriber-client graphql-ws|lean] [--no-write]
//
// --per-turn: messages queued per turn of the server's event loop, so frames per socket write (a
// busy gateway's turn holds several events); --subscriber-client lean: bench/lib/lean-ws.ts's
// bare-socket client instead of graphql-ws's, so the clients take less of the shared cores.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { cpuUsage } from 'node:process';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { SocketConnection } from '../../gateway/subscriptions/server.js';
import { f0, f1, f2, flag, log, loadAverage, machineDescription, option, publishSection, resultsSection, sleep } from '../lib/common.js';

const CLIENT = process.argv[2] === 'client';

/** A chat message as `messageAdded { id text sentAt author { id username } }` delivers it. */
const payload = (seq: number) => ({
  data: {
    messageAdded: {
      id: `msg_${seq.toString(36).padStart(8, '0')}`,
      text: `message number ${seq} in the room, about as long as a chat line`,
      sentAt: new Date(1_796_000_000_000 + seq).toISOString(),
      author: { id: 'usr_0000000042', username: 'player_42' },
    },
  },
});

if (CLIENT) await client();
else await main();

/** A child process holding `count` graphql-ws connections, counting `next` frames and its CPU. */
async function client() {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocketImpl } = await import('ws');
  const { LeanSubscriber } = await import('../lib/lean-ws.js');
  let received = 0;
  process.on('message', (m: { open?: { url: string; count: number; lean: boolean }; report?: boolean }) => {
    if (m.open?.lean) {
      let connected = 0;
      for (let i = 0; i < m.open.count; i++) {
        new LeanSubscriber({
          url: m.open.url,
          query: 'subscription { messageAdded(roomId: "r") { id text sentAt author { id username } } }',
          onNext: () => void received++,
          onConnected: () => {
            if (++connected === m.open!.count) process.send!({ connected });
          },
          onProblem: (what) => console.error(what),
        }).open();
      }
    } else if (m.open) {
      let connected = 0;
      for (let i = 0; i < m.open.count; i++) {
        const c = createClient({ url: m.open.url, webSocketImpl: WebSocketImpl, lazy: false, retryAttempts: 0 });
        c.subscribe(
          { query: 'subscription { messageAdded(roomId: "r") { id text sentAt author { id username } } }' },
          { next: () => void received++, error: () => undefined, complete: () => undefined },
        );
        c.on('connected', () => {
          if (++connected === m.open!.count) process.send!({ connected });
        });
      }
    }
    if (m.report) process.send!({ received, cpu: cpuUsage() });
  });
}

async function main() {
  const subscribers = Number(option('subscribers', '1000'));
  const clients = Number(option('clients', '2'));
  const seconds = Number(option('seconds', '8'));
  const perTurn = Number(option('per-turn', '4'));
  const lean = option('subscriber-client', 'graphql-ws') === 'lean';
  const startedAt = new Date();
  const loadStart = loadAverage();

  // The server: answers graphql-ws's handshake and keeps each subscription's socket and id.
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'graphql-transport-ws' });
  await once(wss, 'listening');
  const subscriptions: { connection: SocketConnection; socket: { bufferedAmount: number }; head: Buffer }[] = [];
  wss.on('connection', (socket, request) => {
    const connection = new SocketConnection(socket, request.socket, { maxBufferedBytes: 16 * 2 ** 20, slowConsumer: () => undefined });
    socket.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; id?: string };
      if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
      else if (message.type === 'subscribe') subscriptions.push({ connection, socket, head: Buffer.from(`{"id":${JSON.stringify(message.id)},"type":"next","payload":`) });
      else if (message.type === 'ping') socket.send('{"type":"pong"}');
    });
  });
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;

  const children: ChildProcess[] = [];
  for (let i = 0; i < clients; i++) children.push(fork(fileURLToPath(import.meta.url), ['client'], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
  const ask = <T>(child: ChildProcess, message: unknown) => {
    const reply = once(child, 'message') as Promise<[T]>;
    child.send(message as never);
    return reply.then(([r]) => r);
  };
  await Promise.all(children.map((c, i) => ask(c, { open: { url, count: Math.floor(subscribers / clients) + (i < subscribers % clients ? 1 : 0), lean } })));
  while (subscriptions.length < subscribers) await sleep(50);
  log(`${subscribers} subscribers connected in ${clients} client processes`);

  /**
   * Sends "messages" (one frame to every subscriber each) as fast as the clients drain them: a new
   * message goes out only while every socket has less than 64 KB unsent, so the figure is what
   * the receiving side keeps up with, not what piles up in buffers.
   */
  const blast = async (durationMs: number) => {
    const report = () => Promise.all(children.map((c) => ask<{ received: number; cpu: NodeJS.CpuUsage }>(c, { report: true })));
    const before = await report();
    const serverBefore = cpuUsage();
    const start = performance.now();
    let messages = 0;
    let sent = 0;
    while (performance.now() - start < durationMs) {
      if (subscriptions.some((s) => s.socket.bufferedAmount > 65_536)) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      // As the engine does: the event serialized once, each subscriber's frame its id prefix + that body.
      const body = Buffer.from(`${JSON.stringify(payload(messages++))}}`);
      for (const { connection, head } of subscriptions) connection.sendMessage(head, body);
      sent += subscriptions.length;
      // The frames go out when the turn ends (several messages in one write per socket, as on a busy gateway).
      if (messages % perTurn === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const elapsedSending = (performance.now() - start) / 1000;
    // Wait until the clients have everything that was sent (or 10 s).
    const deadline = Date.now() + 10_000;
    let after = await report();
    while (after.reduce((s, r) => s + r.received, 0) - before.reduce((s, r) => s + r.received, 0) < sent && Date.now() < deadline) {
      await sleep(50);
      after = await report();
    }
    const elapsed = (performance.now() - start) / 1000;
    const serverCpu = cpuUsage(serverBefore);
    const received = after.reduce((s, r) => s + r.received, 0) - before.reduce((s, r) => s + r.received, 0);
    const clientCpuMs = after.reduce((s, r, i) => s + (r.cpu.user + r.cpu.system - before[i]!.cpu.user - before[i]!.cpu.system) / 1000, 0);
    const serverCpuMs = (serverCpu.user + serverCpu.system) / 1000;
    return { messages, sent, received, elapsed, elapsedSending, serverCpuMs, clientCpuMs };
  };

  await blast(2_000); // warm-up
  const r = await blast(seconds * 1000);
  for (const c of children) c.kill();
  wss.close();

  const framesPerSecond = r.received / r.elapsed;
  const serverUsPerFrame = (r.serverCpuMs * 1000) / r.sent;
  const clientUsPerFrame = (r.clientCpuMs * 1000) / r.received;
  const target = 500 * 1000;
  const coresForTarget = (target * (serverUsPerFrame + clientUsPerFrame)) / 1e6;
  log(`${f0(framesPerSecond)} frames/s received; server ${f2(serverUsPerFrame)} µs CPU per frame sent, clients ${f2(clientUsPerFrame)} µs per frame received`);

  const body = [
    '| subscribers (client processes) | client | messages a turn | messages sent | frames sent / received | frames/s received | server CPU µs per frame | clients CPU µs per frame | server / clients cores busy |',
    '| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | --- |',
    `| ${subscribers} (${clients}) | ${lean ? 'lean-ws' : 'graphql-ws'} | ${perTurn} | ${r.messages} | ${r.sent} / ${r.received} | **${f0(framesPerSecond)}** | ${f2(serverUsPerFrame)} | ${f2(clientUsPerFrame)} | ${f2(r.serverCpuMs / 1000 / r.elapsed)} / ${f2(r.clientCpuMs / 1000 / r.elapsed)} |`,
    '',
    `- ${f0(framesPerSecond / subscribers)} messages/s into one room of ${subscribers} is the most this machine's WebSocket stack carried with nothing else to do (no GraphQL, no subgraphs, no database: the gateway's frame writer alone).`,
    `- chat's target, 500 messages/s to 1,000 subscribers = ${f0(target)} frames/s, needs ${f1(coresForTarget)} cores for sending and receiving the frames alone at these costs (${f2(serverUsPerFrame)} + ${f2(clientUsPerFrame)} µs per frame); this machine has 2, which also run the gateway's GraphQL work, the subgraphs, PostgreSQL and Redis.`,
  ].join('\n');
  const setup =
    `Setup: one \`ws\` WebSocketServer in this process speaking graphql-ws's handshake (connection_ack, keeps each subscribe's id), writing through the gateway's SocketConnection (whole frames held until the turn ends, one write per socket per turn; up to ${perTurn} messages a turn), and ${subscribers} graphql-ws clients ` +
    `(${lean ? "bench/lib/lean-ws.ts's bare-socket client, which hands over each message's bytes unparsed" : "`createClient` over `ws`, as the subscription bench's subscribers"}) in ${clients} child processes, all on loopback. Each "message" is one \`next\` frame per subscriber ` +
    `(a ${JSON.stringify(payload(1)).length}-byte chat payload); a message goes out only while every socket has under 64 KB unsent, so the rate is what the receivers keep up with. ` +
    `2 s warm-up, then ${seconds} s; CPU = process.cpuUsage() of the server and of each client process over the measured run.`;
  publishSection(resultsSection({ title: 'WebSocket ceiling', date: startedAt, machine: machineDescription(), loadStart, script: 'bench/ws-ceiling/run.ts', setup, body }), !flag('no-write'));
  process.exit(0);
}
