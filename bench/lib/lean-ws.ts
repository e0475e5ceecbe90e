// A graphql-ws (`graphql-transport-ws`) subscriber on a bare TCP socket, for benches whose
// subscribers would otherwise spend more CPU than the server they measure: all of them run on the
// same cores as the platform. graphql-ws's client over `ws` spent 8.9 µs per `next` frame received
// (bench/RESULTS.md "WebSocket ceiling"), twice the gateway's cost of sending it; this one parses the
// frame header and hands over the payload's bytes, and the caller reads the one field it needs.
// Sockets read into one buffer of the process (net's `onread`), skipping the stream machinery and
// a Buffer per read: a read is most of a subscriber's cost.
//
// It speaks the whole protocol a server sees: the HTTP upgrade (Sec-WebSocket-Accept checked), the
// masked client frames, connection_init → connection_ack, one subscribe, graphql-ws pings and
// WebSocket pings answered, close frames. What it does not do: fragmented or compressed frames
// (the gateway sends neither; one is an error here), reconnecting.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';

export interface LeanSubscription {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  connectionParams?: Record<string, unknown>;
  /**
   * A `next` message's bytes (the whole graphql-ws message, JSON) at its receive time: a view of
   * the process's read buffer, valid during the call only (copy what you keep).
   */
  onNext(message: Buffer, receivedAt: number): void;
  /** The connection was acknowledged and the subscribe sent. */
  onConnected(): void;
  /** An `error` or `complete` message, a protocol error, or the connection's end. */
  onProblem(what: string, closed: boolean): void;
}

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const NEXT = Buffer.from('"type":"next"');
/** Every socket's reads land here in turn (each read is handled before the next one). */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);
/** Wall-clock ms (performance.timeOrigin + performance.now()), comparable across processes, as common.ts's `now`. */
export const now = () => performance.timeOrigin + performance.now();

/** A masked client text (or control) frame. */
function clientFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 6 : length < 0x10000 ? 8 : 14;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 0x10000) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(length, 6);
  }
  const mask = randomBytes(4);
  mask.copy(frame, headerLength - 4);
  for (let i = 0; i < length; i++) frame[headerLength + i] = payload[i]! ^ mask[i & 3]!;
  return frame;
}

export class LeanSubscriber {
  private socket: net.Socket | undefined;
  private pending: Buffer | null = null;
  private upgraded = false;
  private closed = false;

  constructor(private readonly subscription: LeanSubscription) {}

  open(): void {
    const url = new URL(this.subscription.url);
    const key = randomBytes(16).toString('base64');
    const expectedAccept = createHash('sha1').update(key + GUID).digest('base64');
    const socket = net.connect({
      host: url.hostname,
      port: Number(url.port || 80),
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (bytes: number, buffer: Uint8Array) => {
          this.received(Buffer.from(buffer.buffer, buffer.byteOffset, bytes), expectedAccept);
          return true;
        },
      },
    });
    this.socket = socket;
    socket.on('connect', () => {
      socket.write(
        `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
      );
    });
    socket.on('error', (error) => this.fail(`socket error: ${error.message}`));
    socket.on('close', () => {
      if (!this.closed) this.fail('closed by the server without a close frame');
    });
  }

  /** One read (a view of READ_BUFFER): the upgrade's answer first, then frames. */
  private received(chunk: Buffer, expectedAccept: string) {
    const t = now();
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    if (!this.upgraded) {
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) {
        this.pending = Buffer.from(data);
        return;
      }
      const head = data.subarray(0, end).toString('latin1');
      const accept = /\r\nsec-websocket-accept:\s*(\S+)/i.exec(head)?.[1];
      if (!head.startsWith('HTTP/1.1 101') || accept !== expectedAccept) return this.fail(`upgrade refused: ${head.split('\r\n')[0]}`);
      this.upgraded = true;
      this.sendJson({ type: 'connection_init', payload: this.subscription.connectionParams ?? {} });
      data = data.subarray(end + 4);
    }
    this.read(data, t);
  }

  /** Sends a close frame (1000) and ends the socket. */
  close(): void {
    if (this.closed || !this.socket) return;
    this.closed = true;
    const code = Buffer.alloc(2);
    code.writeUInt16BE(1000);
    this.socket.end(clientFrame(0x8, code));
    setTimeout(() => this.socket?.destroy(), 1_000).unref();
  }

  private fail(what: string) {
    if (this.closed) return;
    this.closed = true;
    this.socket?.destroy();
    this.subscription.onProblem(what, true);
  }

  private sendJson(message: unknown) {
    this.socket!.write(clientFrame(0x1, Buffer.from(JSON.stringify(message))));
  }

  /** Every whole frame in `data`; an incomplete last one waits for the next chunk. */
  private read(data: Buffer, t: number) {
    let offset = 0;
    while (data.length - offset >= 2) {
      const b0 = data[offset]!;
      const b1 = data[offset + 1]!;
      if (b1 & 0x80) return this.fail('a masked frame from the server');
      if ((b0 & 0x80) === 0 || (b0 & 0x70) !== 0) return this.fail('a fragmented or compressed frame');
      let length = b1 & 0x7f;
      let start = offset + 2;
      if (length === 126) {
        if (data.length - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        start = offset + 4;
      } else if (length === 127) {
        if (data.length - offset < 10) break;
        length = data.readUInt32BE(offset + 6);
        start = offset + 10;
      }
      if (data.length < start + length) break;
      const payload = data.subarray(start, start + length);
      offset = start + length;
      const opcode = b0 & 0x0f;
      if (opcode === 0x1) this.message(payload, t);
      else if (opcode === 0x9) this.socket!.write(clientFrame(0xa, payload));
      else if (opcode === 0x8) {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        this.fail(`closed ${code} ${payload.subarray(2).toString('utf8')}`);
        return;
      }
      if (this.closed) return;
    }
    if (offset < data.length) this.pending = Buffer.from(data.subarray(offset));
  }

  private message(payload: Buffer, t: number) {
    // `next` is the hot path: the gateway writes `{"id":"…","type":"next","payload":…}`.
    const typeAt = payload.indexOf(NEXT);
    if (typeAt > 0 && typeAt < 48) {
      this.subscription.onNext(payload, t);
      return;
    }
    let message: { type?: string; payload?: unknown };
    try {
      message = JSON.parse(payload.toString('utf8')) as typeof message;
    } catch {
      return this.fail(`not JSON: ${payload.toString('utf8').slice(0, 100)}`);
    }
    if (message.type === 'connection_ack') {
      this.sendJson({ id: '1', type: 'subscribe', payload: { query: this.subscription.query, variables: this.subscription.variables ?? {} } });
      this.subscription.onConnected();
    } else if (message.type === 'ping') this.sendJson({ type: 'pong' });
    else if (message.type === 'next') this.subscription.onNext(payload, t);
    else if (message.type === 'error' || message.type === 'complete') this.subscription.onProblem(`${message.type}: ${JSON.stringify(message.payload ?? null).slice(0, 300)}`, false);
  }
}

/** The string value of `"<field>":"…"` in a JSON message's bytes (no escapes in it), or undefined. */
export function stringField(message: Buffer, field: Buffer): string | undefined {
  const at = message.indexOf(field);
  if (at < 0) return undefined;
  const start = at + field.length;
  const end = message.indexOf(0x22, start);
  return end < 0 ? undefined : message.toString('latin1', start, end);
}
