/**
 * WebSocket text frames as a server sends them (RFC 6455 §5.2: FIN set, opcode 1, unmasked), each
 * carrying a `head` then a `body`, laid end to end in one buffer.
 *
 * The fan-out writes an event to each subscriber's socket as such a buffer: one `write` per
 * subscriber instead of ws's header-and-payload `writev` after a string → Buffer conversion of the
 * whole message. On the bench machine a loopback write is most of a send's cost, and 1,000 sends
 * took ≈ 15% less time as single writes (bench/RESULTS.md). The frames a socket holds when its
 * round comes are built straight into one buffer: one allocation and one copy of each part.
 */
export function textFrames(heads: readonly Buffer[], bodies: readonly Buffer[]): Buffer {
  let size = 0;
  for (let i = 0; i < heads.length; i++) size += frameSize(heads[i]!.length + bodies[i]!.length);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < heads.length; i++) {
    const head = heads[i]!;
    const body = bodies[i]!;
    const length = head.length + body.length;
    out[at] = 0x81;
    if (length < 126) {
      out[at + 1] = length;
      at += 2;
    } else if (length < 0x10000) {
      out[at + 1] = 126;
      out.writeUInt16BE(length, at + 2);
      at += 4;
    } else {
      out[at + 1] = 127;
      out.writeUInt32BE(0, at + 2); // a frame this process sends is far below 4 GiB
      out.writeUInt32BE(length, at + 6);
      at += 10;
    }
    at += head.copy(out, at);
    at += body.copy(out, at);
  }
  return out;
}

/** One frame: textFrames of a single head and body. */
export const textFrame = (head: Buffer, body: Buffer): Buffer => textFrames([head], [body]);

/** A frame's size on the wire for a payload of `length` bytes. */
const frameSize = (length: number) => length + (length < 126 ? 2 : length < 0x10000 ? 4 : 10);
