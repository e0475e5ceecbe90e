import { describe, expect, it } from 'vitest';
import { parseLive, publishLive, replayThenLive, resumableStream, stringifyLive, subscribeLive } from './live.js';
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

describe('replayThenLive with `previous`: commits publish after commit, in either order', () => {
  interface Chained extends Message {
    previous: bigint | null;
  }
  const chained = (seq: bigint, previous: bigint | null): Chained => ({ seq, previous, text: `m${seq}` });
  const streamOf = (redis: MemoryRedisPort, stored: Chained[], after: bigint | null) =>
    replayThenLive<Chained>({
      redis,
      channel: 'room',
      replay: async () => stored.filter((m) => after !== null && m.seq > after),
      replayAfter: async (from) => stored.filter((m) => m.seq > from),
      position: (m) => m.seq,
      previous: (m) => m.previous,
      after,
    });

  it.each([
    // Positions in a room are not consecutive (one sequence for all rooms): 10 → 13 → 17 → 20.
    { case: 'the later commit published first', arrival: [13n, 20n, 17n] },
    { case: 'a publish that never arrives (it failed after the commit)', arrival: [13n, 20n] },
    { case: 'in order', arrival: [13n, 17n, 20n] },
    { case: 'repeated and reversed', arrival: [20n, 17n, 13n, 17n, 20n] },
  ])('sends every event once, in position order: $case', async ({ arrival }) => {
    const redis = new MemoryRedisPort();
    const stored = [chained(10n, null), chained(13n, 10n), chained(17n, 13n), chained(20n, 17n)];
    const byPosition = new Map(stored.map((m) => [m.seq, m]));
    const stream = streamOf(redis, stored, 10n);
    const received = take(stream, 3);
    await new Promise((r) => setTimeout(r, 10));
    for (const seq of arrival) await publishLive(redis, 'room', byPosition.get(seq));
    expect((await received).map((m) => m.seq)).toEqual([13n, 17n, 20n]);
  });

  it('without a cursor, the first live event is taken as it comes; a later gap is still filled', async () => {
    const redis = new MemoryRedisPort();
    const stored = [chained(10n, null), chained(13n, 10n), chained(17n, 13n), chained(20n, 17n)];
    const stream = streamOf(redis, stored, null);
    const received = take(stream, 3);
    await new Promise((r) => setTimeout(r, 10));
    for (const seq of [13n, 20n, 17n]) await publishLive(redis, 'room', stored.find((m) => m.seq === seq));
    expect((await received).map((m) => m.seq)).toEqual([13n, 17n, 20n]);
  });
});

describe('a live stream whose listening was interrupted (Redis restarted)', () => {
  /** Messages of one room as storage holds them, and a resumable stream of them. */
  function room(redis: MemoryRedisPort, after: bigint | null) {
    const stored: Message[] = [];
    const stream = resumableStream<Message>({
      redis,
      channel: 'room',
      after,
      storedAfter: async (position, limit) => stored.filter((m) => m.seq > position).slice(0, limit),
      position: (m) => m.seq,
      maxReplay: 100,
      tooFar: 'too far',
    });
    /** A message committed and published, as chat does; `lost` publishes it while nobody listens. */
    const send = async (seq: bigint) => {
      stored.push({ seq, text: `m${seq}` });
      await publishLive(redis, 'room', { seq, text: `m${seq}` });
    };
    return { stored, stream: stream, send };
  }
  const codeOf = (error: unknown) => (error as { extensions?: { code?: string } }).extensions?.code;

  it('fills the gap from storage and goes on live, each message once and in order', async () => {
    const redis = new MemoryRedisPort();
    const { stored, stream, send } = room(redis, null);
    const iterator = await stream;
    const received = take(iterator, 4);
    await new Promise((r) => setTimeout(r, 10));
    await send(1n);
    await new Promise((r) => setTimeout(r, 10));
    redis.restartEmpty();
    stored.push({ seq: 2n, text: 'm2' }); // committed; its publish reached nobody
    await send(3n);
    await send(4n);
    expect((await received).map((m) => m.text)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('with a cursor and nothing received yet, fills the gap from the cursor', async () => {
    const redis = new MemoryRedisPort();
    const { stored, stream, send } = room(redis, 1n);
    stored.push({ seq: 1n, text: 'm1' });
    const received = take(await stream, 2);
    await new Promise((r) => setTimeout(r, 10));
    redis.restartEmpty();
    stored.push({ seq: 2n, text: 'm2' });
    await send(3n);
    expect((await received).map((m) => m.text)).toEqual(['m2', 'm3']);
  });

  it('without a cursor and with nothing received, ends with SUBSCRIPTION_INTERRUPTED', async () => {
    const redis = new MemoryRedisPort();
    const { stream } = room(redis, null);
    const iterator = await stream;
    const next = iterator.next().catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 10));
    redis.restartEmpty();
    expect(codeOf(await next)).toBe('SUBSCRIPTION_INTERRUPTED');
  });

  it('a stream with nothing stored ends with SUBSCRIPTION_INTERRUPTED after what it received', async () => {
    const redis = new MemoryRedisPort();
    const iterator = subscribeLive<{ n: number }>(redis, 'levels');
    const first = iterator.next();
    await new Promise((r) => setTimeout(r, 10));
    await publishLive(redis, 'levels', { n: 1 });
    await new Promise((r) => setTimeout(r, 10));
    redis.restartEmpty();
    expect((await first).value).toEqual({ n: 1 });
    expect(codeOf(await iterator.next().catch((error: unknown) => error))).toBe('SUBSCRIPTION_INTERRUPTED');
    expect(await redis.numsub('levels')).toBe(0);
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
