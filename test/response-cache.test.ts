// The gateway's response cache (gateway/response-cache.ts) through the gateway, as clients see it:
// the achievement catalog's fixed fields are answered `Cache-Control: max-age=60, public` and reused
// for every viewer; anything live, per viewer or from a subgraph without cache hints is never
// reused; a catalog change (the "everything changed" announcement) empties the cache at once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { publishEntityChanges } from '../platform/entity-changes.js';
import { platformPerFile, registerPlayer } from './support/platform.js';

let platform: RunningPlatform;
let url: string;
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

interface Answer {
  cacheControl: string | null;
  age: string | null;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function ask(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { cacheControl: response.headers.get('cache-control'), age: response.headers.get('age'), body: (await response.json()) as Answer['body'] };
}

/** The gateway's response cache counters, from its /metrics. */
async function counters(): Promise<{ hits: number; misses: number }> {
  const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  const value = (name: string) => Number(text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm'))?.[1] ?? NaN);
  return { hits: value('gateway_response_cache_hits_total'), misses: value('gateway_response_cache_misses_total') };
}

/** Asks twice; how many of the two were answered from the cache, and both answers. */
async function askTwice(query: string, variables: Record<string, unknown> = {}, tokens: [string?, string?] = []) {
  const before = await counters();
  const first = await ask(query, variables, tokens[0]);
  const second = await ask(query, variables, tokens[1]);
  const after = await counters();
  return { first, second, hits: after.hits - before.hits, lookups: after.hits + after.misses - before.hits - before.misses };
}

/**
 * askTwice until `hits` of the two were answered from the cache (at most 5 tries): other test
 * files' platforms on a shared Redis may announce "everything changed" (a catalog sync) between
 * the two asks, which rightly empties the cache. A cache that never serves still fails.
 */
async function askTwiceExpecting(hits: number, query: string, variables: Record<string, unknown> = {}, tokens: [string?, string?] = []) {
  let result = await askTwice(query, variables, tokens);
  for (let tries = 1; result.hits !== hits && tries < 5; tries++) result = await askTwice(query, variables, tokens);
  expect(result.hits).toBe(hits);
  return result;
}

const CATALOG = `query Catalog($rarity: Rarity) { achievements(rarity: $rarity) { id name rarity points rewards { kind amount } } }`;

describe('the gateway response cache', () => {
  let player: { token: string };
  let other: { token: string };
  beforeAll(async () => {
    player = await registerPlayer(url);
    other = await registerPlayer(url);
  });

  it('answers the catalog’s fixed fields once and reuses the answer for every viewer, anonymous or signed in', async () => {
    const { first, second } = await askTwiceExpecting(1, CATALOG, { rarity: 'LEGENDARY' }, [player.token, other.token]);
    expect(first.body.errors).toBeUndefined();
    expect((first.body.data!.achievements as unknown[]).length).toBeGreaterThan(0);
    expect(first.cacheControl).toBe('max-age=60, public');
    expect(second.body).toEqual(first.body);
    expect(second.cacheControl).toBe('max-age=60, public');
    expect(second.age).not.toBeNull();
    const anonymous = await askTwiceExpecting(2, CATALOG, { rarity: 'LEGENDARY' });
    expect(anonymous.first.body).toEqual(first.body);
    // Other arguments are another answer.
    const epic = await ask(CATALOG, { rarity: 'EPIC' });
    expect(epic.body.data).not.toEqual(first.body.data);
  });

  it('never reuses live counts, a hidden achievement’s per-viewer text, or another subgraph’s fields', async () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['unlock counts', `query { achievements(rarity: LEGENDARY) { id unlockedBy unlockPercentage } }`, {}],
      ['a hidden achievement’s name', `query($id: ID!) { achievement(id: $id) { id name description } }`, { id: 'not_a_scratch' }],
      ['a hidden one among the catalog', `query { achievements(rarity: EPIC) { id name } }`, {}],
      ['users’ fields beside the catalog', `query { achievements(rarity: LEGENDARY) { id } me { id } }`, {}],
      ['a field of a subgraph without cache hints', `query { chatRooms { edges { node { id } } } }`, {}],
    ];
    for (const [what, query, variables] of cases) {
      const { first, second, hits, lookups } = await askTwice(query, variables, [player.token, player.token]);
      expect(first.body.errors, what).toBeUndefined();
      expect(first.cacheControl, what).toBe('no-store');
      expect(second.cacheControl, what).toBe('no-store');
      expect(lookups, what).toBe(2);
      expect(hits, what).toBe(0);
    }
  });

  it('empties when a subgraph announces that everything changed (a catalog sync), and serves the new answer', async () => {
    const warm = await askTwiceExpecting(1, CATALOG, { rarity: 'COMMON' });
    await publishEntityChanges(platform.runtime.redis, { all: true });
    await expect
      .poll(async () => {
        const { hits } = await askTwice(CATALOG, { rarity: 'COMMON' });
        return hits;
      }, { timeout: 10_000 })
      .toBe(1);
    // The poll's first round after the announcement computed the answer again (a miss, then a hit): the same catalog.
    const again = await ask(CATALOG, { rarity: 'COMMON' });
    expect(again.body).toEqual(warm.first.body);
  });
});
