import { describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel, publishLive } from '../platform/live.js';
import { SLOW_CONSUMER_CLOSE_CODE } from '../gateway/subscriptions/server.js';
import { usersSubgraph } from '../subgraphs/users/subgraph.js';
import { gql, platformPerFile, registerPlayer, testEnv } from './support/platform.js';
import { activeSubscriptions, metric, subscribe, untilListening } from './support/ws.js';

// The slow-consumer test makes big events with 2,000 aliases, past the default operation limits.
// The connection-init timeout stays at its default (3 s): at 500 ms, a client connecting while the
// gateway planned the 2,000-alias subscription on a loaded machine was closed with 4408 before its
// connection_init was read, and its subscription never started (CI's real-services pass).
const WS_ENV = {
  WS_MAX_BUFFERED_BYTES: '65536',
  GATEWAY_MAX_ALIASES: '2000',
  GATEWAY_MAX_TOKENS: '10000',
  GATEWAY_MAX_SELECTIONS: '5000',
};
let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile(WS_ENV, (started) => {
  platform = started;
  url = started.gateway.url;
});

const PROFILE = `subscription Profile($id: ID!) { profileUpdated(userId: $id) { id displayName achievementPoints guild { name } } }`;
const rename = (token: string, displayName: string) =>
  gql(url, `mutation($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } } }`, { name: displayName }, { token });
const waitForSubscribers = (n: number) => expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(n);
const profileLive = (userId: string) => untilListening(platform.runtime.redis, liveChannel('users', 'profileUpdated', userId));

describe('subscriptions through the gateway (graphql-ws)', () => {
  it('resolves an event with fields from other subgraphs, like the same selection in a query', async () => {
    const player = await registerPlayer(url);
    const sub = subscribe(client(), PROFILE, { id: player.id }); // anonymous: a public stream
    await waitForSubscribers(1);
    await profileLive(player.id);
    await rename(player.token, 'Renamed');
    await expect.poll(() => sub.results, { timeout: 10_000 }).toHaveLength(1);
    expect(sub.results[0]).toEqual({
      data: { profileUpdated: { id: player.id, displayName: 'Renamed', achievementPoints: 0, guild: null } },
    });
    sub.stop();
    await waitForSubscribers(0);
  });

  it('shares one upstream subscription and one resolution per event among identical subscribers', async () => {
    const player = await registerPlayer(url);
    const achievements = platform.subgraphs.find((s) => s.name === 'achievements')!.url;
    const entityFetches = () => metric(achievements, 'graphql_operations_total', 'operation_type="query"');

    const costOfOneEvent = async (subscribers: number, name: string) => {
      const connections = Array.from({ length: Math.min(subscribers, 20) }, () => client());
      const subs = Array.from({ length: subscribers }, (_, i) => subscribe(connections[i % connections.length]!, PROFILE, { id: player.id }));
      await waitForSubscribers(subscribers);
      expect(await metric(url, 'gateway_subscription_upstreams')).toBe(1);
      await profileLive(player.id);
      const before = await entityFetches();
      await rename(player.token, name);
      await expect.poll(() => subs.every((s) => s.results.length === 1), { timeout: 15_000 }).toBe(true);
      const fetches = (await entityFetches()) - before;
      for (const s of subs) expect(s.results[0]!.data).toMatchObject({ profileUpdated: { displayName: name } });
      subs.forEach((s) => s.stop());
      await waitForSubscribers(0);
      return fetches;
    };

    const one = await costOfOneEvent(1, 'Solo');
    const many = await costOfOneEvent(200, 'Crowd');
    expect(one).toBe(1);
    expect(many).toBe(one);
  });

  it("resolves a private stream as its viewer, and refuses it to anonymous clients", async () => {
    const player = await registerPlayer(url);
    const other = await registerPlayer(url);
    const ME = 'subscription { meUpdated { id displayName email } }';
    const mine = subscribe(client(player.token), ME);
    const theirs = subscribe(client(other.token), ME);
    const anonymous = subscribe(client(), ME);
    await expect.poll(() => anonymous.error, { timeout: 5_000 }).toBeDefined();
    expect(JSON.stringify(anonymous.error)).toContain('UNAUTHENTICATED');
    await waitForSubscribers(2);
    await untilListening(platform.runtime.redis, liveChannel('users', 'profileUpdated', player.id));
    await untilListening(platform.runtime.redis, liveChannel('users', 'profileUpdated', other.id));
    await rename(player.token, 'Private');
    await expect.poll(() => mine.results, { timeout: 10_000 }).toHaveLength(1);
    expect(mine.results[0]).toEqual({ data: { meUpdated: { id: player.id, displayName: 'Private', email: `${player.username}@example.com` } } });
    await new Promise((r) => setTimeout(r, 200));
    expect(theirs.results).toEqual([]);
    mine.stop();
    theirs.stop();
    await waitForSubscribers(0);
  });

  it('closes a connection with a bad token with 4403, and one that never says hello with 4408', async () => {
    const bad = client('not-a-token');
    const sub = subscribe(bad, PROFILE, { id: 'x' });
    await expect.poll(() => bad.closes, { timeout: 10_000 }).toEqual([4403]);
    expect(sub.error).toBeDefined();

    const silent = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => silent.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('answers bad operations with coded errors without disturbing the connection\'s other subscriptions', async () => {
    const player = await registerPlayer(url);
    const c = client();
    const good = subscribe(c, PROFILE, { id: player.id });
    const unknownField = subscribe(c, 'subscription { noSuchStream { id } }');
    const twoRoots = subscribe(c, `subscription($id: ID!) { profileUpdated(userId: $id) { id } meUpdated { id } }`, { id: player.id });
    const missingVariable = subscribe(c, PROFILE);
    const wrongType = subscribe(c, PROFILE, { id: { nested: true } });
    for (const failed of [unknownField, twoRoots, missingVariable, wrongType]) {
      await expect.poll(() => failed.error, { timeout: 5_000 }).toBeDefined();
      expect(Array.isArray(failed.error)).toBe(true);
      expect((failed.error as { message: string }[])[0]!.message.length).toBeGreaterThan(0);
    }
    expect(JSON.stringify(unknownField.error)).toContain('noSuchStream');
    expect(JSON.stringify(twoRoots.error)).toContain('only one top level field');
    expect(JSON.stringify(missingVariable.error)).toContain('BAD_USER_INPUT');

    await waitForSubscribers(1);
    await profileLive(player.id);
    await rename(player.token, 'StillHere');
    await expect.poll(() => good.results, { timeout: 10_000 }).toHaveLength(1);
    expect(c.closes).toEqual([]);
    good.stop();
    await waitForSubscribers(0);
  });

  it('closes the connection with 4400 on a malformed message', async () => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((r) => socket.once('open', r));
    socket.send('{ this is not json');
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4400);
  });

  it('runs queries and mutations sent over the socket through the normal gateway path', async () => {
    const player = await registerPlayer(url);
    const c = client(player.token);
    const result = await new Promise((resolve, reject) => {
      const out: unknown[] = [];
      c.subscribe({ query: '{ me { id username achievementPoints } }' }, { next: (r) => out.push(r), error: reject, complete: () => resolve(out) });
    });
    expect(result).toEqual([{ data: { me: { id: player.id, username: player.username, achievementPoints: 0 } } }]);
  });

  it('closes a client that stops reading with 4509 while others keep receiving, and memory stays bounded', async () => {
    const player = await registerPlayer(url);
    // A big selection makes each event ~50 kB, so a stalled reader fills the kernel's socket buffers fast.
    const aliases = Array.from({ length: 2_000 }, (_, i) => `f${i}: displayName`).join(' ');
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((r) => socket.once('open', r));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise((r) => socket.once('message', r)); // connection_ack
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription($id: ID!) { profileUpdated(userId: $id) { ${aliases} } }`, variables: { id: player.id } } }));
    const healthy = subscribe(client(), PROFILE, { id: player.id });
    onTestFinished(() => {
      // On a failure too: a paused socket left subscribed would count in the next tests' subscribers.
      socket.terminate();
      healthy.stop();
    });
    await waitForSubscribers(2);
    await profileLive(player.id);
    (socket as unknown as { _socket: { pause(): void } })._socket.pause(); // the client stops reading

    const before = await metric(url, 'gateway_ws_slow_consumer_closes_total');
    let published = 0;
    while ((await metric(url, 'gateway_ws_slow_consumer_closes_total')) === before && published < 2_000) {
      for (let i = 0; i < 100; i++) await publishLive(platform.runtime.redis, liveChannel('users', 'profileUpdated', player.id), { id: player.id });
      published += 100;
      await new Promise((r) => setTimeout(r, 100));
    }
    await expect.poll(() => metric(url, 'gateway_ws_slow_consumer_closes_total'), { timeout: 20_000 }).toBe(before + 1);
    await expect.poll(() => healthy.results.length, { timeout: 30_000 }).toBe(published);
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect([SLOW_CONSUMER_CLOSE_CODE, 1006]).toContain(await closed);
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(1);
    healthy.stop();
    await waitForSubscribers(0);
  });

  it('ends a subscription whose owning subgraph restarted with SUBSCRIPTION_INTERRUPTED (events may have been missed), and a new one is live again', async () => {
    const player = await registerPlayer(url);
    const sub = subscribe(client(), PROFILE, { id: player.id });
    await waitForSubscribers(1);
    const index = platform.subgraphs.findIndex((s) => s.name === 'users');
    const users = platform.subgraphs[index]!;
    await users.close();
    const restarted = await usersSubgraph.start(platform.runtime, testEnv({ ...WS_ENV, USERS_PORT: String(users.port) }));
    platform.subgraphs[index] = restarted;
    // Never silently short: the client is told, and the subscription completes.
    await expect.poll(() => sub.completed, { timeout: 20_000 }).toBe(true);
    expect(sub.results.some((r) => r.errors?.some((e) => e.extensions?.code === 'SUBSCRIPTION_INTERRUPTED'))).toBe(true);
    const again = subscribe(client(), PROFILE, { id: player.id });
    await expect
      .poll(
        async () => {
          await rename(player.token, `Back${Date.now() % 1000}`);
          return again.results.filter((r) => r.data).length;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    expect(again.error).toBeUndefined();
    again.stop();
  });

  it('reports connections, subscriptions, deliveries and latency on /metrics', async () => {
    const text = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
    for (const name of ['gateway_ws_connections', 'gateway_subscriptions_active', 'gateway_subscription_deliveries_total', 'gateway_subscription_delivery_seconds_bucket']) {
      expect(text).toContain(name);
    }
    expect(await metric(url, 'gateway_subscription_deliveries_total')).toBeGreaterThan(200);
  });

  it('completes every subscription, then closes, on shutdown', async () => {
    const player = await registerPlayer(url);
    const c = client();
    const sub = subscribe(c, PROFILE, { id: player.id });
    await waitForSubscribers(1);
    await platform.close();
    await expect.poll(() => sub.completed, { timeout: 10_000 }).toBe(true);
    // The client closes first (1000) once nothing is left to listen to, or the server does (1001).
    await expect.poll(() => c.closes.some((code) => code === 1000 || code === 1001), { timeout: 10_000 }).toBe(true);
  });
});
