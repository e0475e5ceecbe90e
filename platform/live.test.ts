import { describe, expect, it } from 'vitest';
import { parseLive, publishLive, replayThenLive, stringifyLive } from './live.js';
import { MemoryRedisPort } from './redis/index.js';

interface Message {
  seq: bigint;
  text: string;
}

async function take<T>(iterator: AsyncIterableIterator<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) out.push((await iterator.next()).value as T);
  await iterator.return?.();
  return out;
}

describe('replayThenLive', () => {
  it('replays what was stored after the cursor, then goes live, with no gap and no duplicate at the seam', async () => {
    const redis = new MemoryRedisPort();
    const stored: Message[] = [1n, 2n, 3n].map((seq) => ({ seq, text: `m${seq}` }));
    let releaseReplay!: () => void;
    const replayGate = new Promise<void>((r) => (releaseReplay = r));
    const stream = replayThenLive<Message>({
      redis,
      channel: 'room',
      // The client's cursor was 1; messages 4 and 5 are committed while the replay query runs.
      replay: async () => {
        await replayGate;
        return stored.filter((m) => m.seq > 1n);
      },
      position: (m) => m.seq,
    });
    const received = take(stream, 4);
    await new Promise((r) => setTimeout(r, 10));
    stored.push({ seq: 4n, text: 'm4' });
    await publishLive(redis, 'room', { seq: 3n, text: 'm3' }); // a late duplicate of a replayed one
    await publishLive(redis, 'room', { seq: 4n, text: 'm4' });
    await new Promise((r) => setTimeout(r, 10));
    releaseReplay();
    await new Promise((r) => setTimeout(r, 10));
    await publishLive(redis, 'room', { seq: 4n, text: 'm4' }); // redelivered
    await publishLive(redis, 'room', { seq: 5n, text: 'm5' });
    expect((await received).map((m) => m.text)).toEqual(['m2', 'm3', 'm4', 'm5']);
  });

  it('stops listening when the subscriber leaves', async () => {
    const redis = new MemoryRedisPort();
    const stream = replayThenLive<Message>({ redis, channel: 'room', replay: async () => [], position: (m) => m.seq });
    const first = stream.next();
    await new Promise((r) => setTimeout(r, 10));
    expect(await redis.numsub('room')).toBe(1);
    await publishLive(redis, 'room', { seq: 1n, text: 'hi' });
    expect((await first).value).toEqual({ seq: 1n, text: 'hi' });
    await stream.return?.();
    await new Promise((r) => setTimeout(r, 10));
    expect(await redis.numsub('room')).toBe(0);
  });
});

describe('live payload JSON', () => {
  it('is plain JSON without bigints, and round-trips bigints nested anywhere', () => {
    const at = new Date('2026-11-28T10:00:00.000Z');
    expect(stringifyLive({ id: 'u1', at, n: 1.5, list: [null, 'x'] })).toBe(JSON.stringify({ id: 'u1', at, n: 1.5, list: [null, 'x'] }));
    const withBigints = { seq: 9007199254740993n, nested: [{ cursor: 12n, text: 'a "$bigint" lookalike' }], at };
    expect(parseLive(stringifyLive(withBigints))).toEqual({ seq: 9007199254740993n, nested: [{ cursor: 12n, text: 'a "$bigint" lookalike' }], at: at.toISOString() });
    expect(parseLive('{"text":"no positions"}')).toEqual({ text: 'no positions' });
  });
});
