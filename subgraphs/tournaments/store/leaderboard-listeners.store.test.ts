import { describe, expect, it } from 'vitest';
import { MemoryRedisPort } from '../../../platform/redis/index.js';
import { silentLogger } from '../../../platform/testing.js';
import { RankListeners } from './leaderboard-listeners.store.js';

// Who listens to rankChanged, as a group of submissions asks before publishing passes: listed while
// a stream is open (two streams of one player count twice), unlisted when the last ends, and a
// listing nobody renewed (its replica died) no longer counts.

describe('rankChanged listeners', () => {
  it('lists a player while one of their streams is open, on the board they listen to', async () => {
    const redis = new MemoryRedisPort();
    const listeners = new RankListeners(redis, silentLogger);
    const first = await listeners.listen('board', 'me');
    const second = await listeners.listen('board', 'me');
    await listeners.listen('other-board', 'you');
    expect(await listeners.listening('board', ['me', 'you', 'nobody'])).toEqual(new Set(['me']));
    await first();
    await first(); // releasing twice is once
    expect(await listeners.listening('board', ['me'])).toEqual(new Set(['me']));
    await second();
    expect(await listeners.listening('board', ['me'])).toEqual(new Set());
    expect(await listeners.listening('other-board', ['you'])).toEqual(new Set(['you']));
    expect(await listeners.snapshot('other-board')).toEqual(new Set(['you']));
    expect(await listeners.snapshot('board')).toEqual(new Set());
  });

  it('reads a board with more than a thousand listeners as "too many to read" (the players passed are asked about instead)', async () => {
    const redis = new MemoryRedisPort();
    const listeners = new RankListeners(redis, silentLogger);
    for (let i = 0; i < 1_000; i++) await listeners.listen('busy', `p${i}`);
    expect((await listeners.snapshot('busy'))?.size).toBe(1_000);
    await listeners.listen('busy', 'one-more');
    expect(await listeners.snapshot('busy')).toBeNull();
    expect(await listeners.listening('busy', ['p7', 'one-more', 'nobody'])).toEqual(new Set(['p7', 'one-more']));
  });

  it('drops a listing that lapsed without renewal (another replica died)', async () => {
    let now = Date.parse('2026-03-01T12:00:00Z');
    const redis = new MemoryRedisPort();
    const dead = new RankListeners(redis, silentLogger, () => now);
    await dead.listen('board', 'ghost');
    const alive = new RankListeners(redis, silentLogger, () => now);
    await alive.listen('board', 'me');
    now += 61_000; // past the lapse; neither renewed yet
    expect(await alive.snapshot('board')).toEqual(new Set());
    expect(await alive.listening('board', ['ghost', 'me'])).toEqual(new Set());
    // The lapsed members were removed on the way.
    expect(await redis.zmscore('lb:rl:board', ['ghost', 'me'])).toEqual([null, null]);
  });
});
