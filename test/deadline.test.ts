import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/index.js';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import type { RunningService } from '../platform/http.js';
import { liveChannel } from '../platform/live.js';
import { gql, platformPerFile, registerPlayer, testEnv } from './support/platform.js';
import { activeSubscriptions, subscribe, untilListening, wsClient } from './support/ws.js';

// The gateway's deadline (GATEWAY_DEADLINE_MS) against a subgraph that hangs: the client gets
// TIMEOUT at the deadline, and the gateway's call still in flight is aborted, seen by the subgraph
// side as its connection closing unanswered.
const DEADLINE_MS = 600;

/**
 * A proxy in front of one subgraph: passes requests through, or, while `stalled`, holds them
 * without answering, and records when the caller gave up on one (closed its connection).
 */
async function stallingProxy(target: string) {
  const state = { stalled: false, held: 0, abandonedAt: [] as number[] };
  const server: Server = createServer((req, res) => {
    if (state.stalled) {
      state.held++;
      res.on('close', () => {
        state.held--;
        if (!res.writableEnded) state.abandonedAt.push(performance.now());
      });
      req.resume();
      return;
    }
    const upstream = forward(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return { state, url, close };
}

let platform: RunningPlatform;
platformPerFile({}, (started) => (platform = started));
let proxy: Awaited<ReturnType<typeof stallingProxy>>;
let gateway: RunningService;
const sockets: ReturnType<typeof wsClient>[] = [];

beforeAll(async () => {
  const achievements = platform.subgraphs.find((s) => s.name === 'achievements')!;
  proxy = await stallingProxy(achievements.url);
  gateway = await startGateway({
    // No entity cache: each query must reach the (held) achievements subgraph, not the points it cached.
    env: testEnv({ GATEWAY_DEADLINE_MS: String(DEADLINE_MS), SUPERGRAPH_POLL_INTERVAL_MS: '0', GATEWAY_ENTITY_CACHE_TTL_MS: '0' }),
    redis: platform.runtime.redis,
    subgraphUrls: { ...Object.fromEntries(platform.subgraphs.map((s) => [s.name, s.url])), achievements: proxy.url },
  });
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await gateway?.close();
  await proxy?.close();
});

const socket = (token?: string) => {
  const client = wsClient(gateway.url, { token });
  sockets.push(client);
  return client;
};
const codes = (errors?: readonly { extensions?: Record<string, unknown> }[]) => errors?.map((e) => e.extensions?.code);
const abandonedSince = (count: number) => proxy.state.abandonedAt.slice(count);

describe('the gateway deadline, with the achievements subgraph hanging', () => {
  it('answers an HTTP query TIMEOUT (504) at the deadline and aborts the achievements call in flight', async () => {
    const player = await registerPlayer(platform.gateway.url);
    const query = '{ me { username achievementPoints } }';
    expect((await gql(gateway.url, query, {}, { token: player.token })).data).toEqual({ me: { username: player.username, achievementPoints: 0 } });

    proxy.state.stalled = true;
    const before = proxy.state.abandonedAt.length;
    const started = performance.now();
    const answer = await gql(gateway.url, query, {}, { token: player.token });
    const answeredAfter = performance.now() - started;
    expect(answer.status).toBe(504);
    expect(codes(answer.errors)).toEqual(['TIMEOUT']);
    expect(answer.data).toBeUndefined();
    expect(answeredAfter).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(answeredAfter).toBeLessThan(DEADLINE_MS + 1_500);
    // The held call's connection was closed by the gateway, at the deadline, not left to hang.
    await expect.poll(() => abandonedSince(before).length, { timeout: 2_000 }).toBe(1);
    expect(abandonedSince(before)[0]! - started).toBeLessThan(DEADLINE_MS + 1_500);
    expect(proxy.state.held).toBe(0);
    proxy.state.stalled = false;
  });

  it('answers a query sent over graphql-ws TIMEOUT at the deadline and aborts the call in flight', async () => {
    const player = await registerPlayer(platform.gateway.url);
    proxy.state.stalled = true;
    const before = proxy.state.abandonedAt.length;
    const started = performance.now();
    const sub = subscribe(socket(player.token), '{ me { username achievementPoints } }');
    await expect.poll(() => sub.completed || sub.error !== undefined, { timeout: DEADLINE_MS + 2_000 }).toBe(true);
    const answeredAfter = performance.now() - started;
    expect(sub.results.map((r) => codes(r.errors as never))).toEqual([['TIMEOUT']]);
    expect(answeredAfter).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    await expect.poll(() => abandonedSince(before).length, { timeout: 2_000 }).toBe(1);
    expect(proxy.state.held).toBe(0);
    proxy.state.stalled = false;
  });

  it('sends a live event at its deadline with the late fields null and TIMEOUT, without holding up the next events', async () => {
    const player = await registerPlayer(platform.gateway.url);
    const sub = subscribe(socket(), 'subscription($id: ID!) { profileUpdated(userId: $id) { displayName achievementPoints } }', { id: player.id });
    await expect.poll(() => activeSubscriptions(gateway.url), { timeout: 10_000 }).toBe(1);
    await untilListening(platform.runtime.redis, liveChannel('users', 'profileUpdated', player.id));
    const rename = (displayName: string) =>
      gql(platform.gateway.url, 'mutation($n: String!) { updateProfile(input: { displayName: $n }) { user { displayName } } }', { n: displayName }, { token: player.token });

    proxy.state.stalled = true;
    const before = proxy.state.abandonedAt.length;
    // When each result arrives, watched every 5 ms from before the first rename.
    const arrivedAt: number[] = [];
    const watch = setInterval(() => {
      while (arrivedAt.length < sub.results.length) arrivedAt.push(performance.now());
    }, 5);
    // Three events while achievements hangs: each is answered within the deadline of its own
    // arrival, not one deadline after the other. Each rename's answer comes after its event is
    // published, so the event's answer is due DEADLINE_MS after that at the latest, plus delivery.
    const renamedAt: number[] = [];
    try {
      for (const name of ['Slow1', 'Slow2', 'Slow3']) {
        expect((await rename(name)).errors).toBeUndefined();
        renamedAt.push(performance.now());
      }
      await expect.poll(() => sub.results.length, { timeout: 3 * DEADLINE_MS + 2_000 }).toBe(3);
      await expect.poll(() => arrivedAt.length).toBe(3);
    } finally {
      clearInterval(watch);
    }
    // Answered one after the other, the third would come 3 deadlines after the first publish: 1,800
    // ms less the little time the renames take, far past its own deadline plus 700 ms of slack.
    const lateness = arrivedAt.map((at, k) => Math.round(at - renamedAt[k]!));
    for (const late of lateness) expect(late, `arrivals after their renames: ${lateness.join(', ')} ms`).toBeLessThan(DEADLINE_MS + 700);
    expect(sub.results.map((r) => r.data)).toEqual(['Slow1', 'Slow2', 'Slow3'].map((displayName) => ({ profileUpdated: { displayName, achievementPoints: null } })));
    for (const result of sub.results) expect(codes(result.errors as never)).toEqual(['TIMEOUT']);
    // The first event's fetch was in flight at its deadline and was aborted; the later ones were
    // either aborted too or, already past their deadline, not sent at all.
    await expect.poll(() => abandonedSince(before).length, { timeout: 2_000 }).toBeGreaterThanOrEqual(1);
    await expect.poll(() => proxy.state.held, { timeout: 2_000 }).toBe(0);

    // The stream carries on once achievements answers again.
    proxy.state.stalled = false;
    await rename('Fast');
    await expect.poll(() => sub.results.length, { timeout: 5_000 }).toBe(4);
    expect(sub.results[3]).toEqual({ data: { profileUpdated: { displayName: 'Fast', achievementPoints: 0 } } });
    expect(sub.completed).toBe(false);
    sub.stop();
  });
});
