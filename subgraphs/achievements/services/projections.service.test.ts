import { describe, expect, it } from 'vitest';
import { InMemoryProjections, type CachedProjection } from './projections.service.js';

const at = (version: number, epoch = 0): CachedProjection => ({ version, epoch, unlocked: new Set(), progress: new Map(), known: new Set() });

describe('InMemoryProjections', () => {
  it('answers only at the exact version and epoch, and drops an entry that fell behind', () => {
    const cache = new InMemoryProjections(10);
    const entry = at(5);
    cache.put('p1', entry);
    expect(cache.get('p1', 5, 0)).toBe(entry);
    expect(cache.get('p1', 5, 1)).toBeUndefined(); // rebuilt since
    expect(cache.get('p1', 5, 0)).toBeUndefined(); // and gone
    cache.put('p2', at(3));
    expect(cache.get('p2', 4, 0)).toBeUndefined(); // another writer moved the stream
    expect(cache.size).toBe(0);
    expect([cache.hits, cache.misses]).toEqual([1, 3]);
  });

  it('evicts the least recently used player past its capacity, and keeps none at capacity 0', () => {
    const cache = new InMemoryProjections(2);
    cache.put('a', at(1));
    cache.put('b', at(1));
    expect(cache.get('a', 1, 0)).toBeDefined(); // a is now the most recent
    cache.put('c', at(1));
    expect(cache.get('b', 1, 0)).toBeUndefined();
    expect(cache.get('a', 1, 0)).toBeDefined();
    expect(cache.get('c', 1, 0)).toBeDefined();
    const off = new InMemoryProjections(0);
    off.put('a', at(1));
    expect(off.size).toBe(0);
  });
});
