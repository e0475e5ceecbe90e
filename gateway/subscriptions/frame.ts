/**
 * A WebSocket text frame as a server sends it (RFC 6455 §5.2: FIN set, opcode 1, unmasked)
 * carrying `head` then `body`, in one buffer.
 *
 * The fan-out writes an event to each subscriber's socket as one such buffer: one `write` per
 * subscriber instead of ws's header-and-payload `writev` after a string → Buffer conversion of the
 * whole message. On the bench machine a loopback write is most of a send's cost, and 1,000 sends
 * took ≈ 15% less time as single writes (bench/RESULTS.md).
 */
export function textFrame(head: Buffer, body: Buffer): Buffer {
  const length = head.length + body.length;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2); // a frame this process sends is far below 4 GiB
    frame.writeUInt32BE(length, 6);
  }
  head.copy(frame, headerLength);
  body.copy(frame, headerLength + head.length);
  return frame;
}
