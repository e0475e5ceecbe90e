import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { ViewerSigner } from '../platform/auth.js';
import { REGISTER, gql, registerPlayer, startTestPlatform, uniqueName } from './support/platform.js';

let platform: RunningPlatform;
let url: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
});
afterAll(() => platform?.close());

describe('through the gateway, as a game client', () => {
  it('registers, signs in, and answers `me` across subgraphs', async () => {
    const username = uniqueName('ana');
    const registered = await gql<{ register: { accessToken: string; user: { id: string; email: string } } }>(url, REGISTER, {
      input: { username, email: `${username}@Example.com`, password: 'password123', displayName: 'Ana' },
    });
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.register.user.email).toBe(`${username}@example.com`);

    const login = await gql<{ login: { accessToken: string } }>(url, `mutation { login(input: { usernameOrEmail: "${username}", password: "password123" }) { accessToken } }`);
    const token = login.data!.login.accessToken;
    const me = await gql(url, `{ me { id username displayName achievements { id } achievementPoints guild { id } } }`, {}, { token });
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({
      me: { id: registered.data!.register.user.id, username, displayName: 'Ana', achievements: [], achievementPoints: 0, guild: null },
    });
  });

  it('answers `me` with null for an anonymous client', async () => {
    expect((await gql(url, '{ me { id } }')).data).toEqual({ me: null });
  });

  it('refuses a duplicate username or email with CONFLICT naming the field, storing nothing', async () => {
    const taken = await registerPlayer(url);
    const before = await platform.runtime.db.prisma.user.count();
    const byName = await gql(url, REGISTER, { input: { username: taken.username.toUpperCase(), email: `x_${taken.username}@example.com`, password: 'password123' } });
    const byEmail = await gql(url, REGISTER, { input: { username: uniqueName(), email: `${taken.username}@example.com`, password: 'password123' } });
    expect(byName.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
    expect(byEmail.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'email' });
    expect(await platform.runtime.db.prisma.user.count()).toBe(before);
  });

  it('refuses a weak password with BAD_USER_INPUT naming the field', async () => {
    const result = await gql(url, REGISTER, { input: { username: uniqueName(), email: `${uniqueName()}@example.com`, password: 'short' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('answers wrong credentials with UNAUTHENTICATED, and a bad token with 401 UNAUTHENTICATED', async () => {
    const player = await registerPlayer(url);
    const wrong = await gql(url, `mutation { login(input: { usernameOrEmail: "${player.username}", password: "wrong-password" }) { accessToken } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const badToken = await gql(url, '{ me { id } }', {}, { token: `${player.token}x` });
    expect(badToken.status).toBe(401);
    expect(badToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers malformed GraphQL and unknown fields with coded errors and no stack traces', async () => {
    const malformed = await gql(url, '{ me { id ');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await gql(url, '{ me { shoeSize } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const response of [malformed, unknown]) expect(JSON.stringify(response)).not.toContain('stacktrace');
  });

  it('runs the outbox to the bus: a registration reaches analytics exactly once', async () => {
    const player = await registerPlayer(url);
    const { prisma } = platform.runtime.db;
    await prisma.user.update({ where: { id: player.id }, data: { role: 'ADMIN' } });
    const login = await gql<{ login: { accessToken: string } }>(url, `mutation { login(input: { usernameOrEmail: "${player.username}", password: "password123" }) { accessToken } }`);
    const admin = login.data!.login.accessToken;
    await expect
      .poll(() => prisma.analyticsEvent.count({ where: { name: 'player.registered', userId: player.id } }), { timeout: 10_000 })
      .toBe(1);
    const hour = new Date();
    hour.setUTCMinutes(0, 0, 0);
    const metric = await gql<{ eventMetric: { total: number } }>(
      url,
      `query($from: DateTime!, $to: DateTime!) { eventMetric(name: "player.registered", from: $from, to: $to, interval: HOUR) { total buckets { start count } } }`,
      { from: new Date(hour.getTime() - 3_600_000).toISOString(), to: new Date(hour.getTime() + 3_600_000).toISOString() },
      { token: admin },
    );
    expect(metric.errors).toBeUndefined();
    expect(metric.data!.eventMetric.total).toBeGreaterThanOrEqual(1);
    const asPlayer = await gql(url, `{ eventMetric(name: "player.registered", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z") { total } }`, {}, { token: (await registerPlayer(url)).token });
    expect(asPlayer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('subgraphs', () => {
  const ping = '{ _service { sdl } }';

  it('refuse requests without the gateway signature, or with a forged one', async () => {
    for (const subgraph of platform.subgraphs) {
      const unsigned = await gql(subgraph.url, ping);
      expect(unsigned.status, subgraph.name).toBe(401);
      expect(unsigned.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const forged = await new ViewerSigner('not-the-internal-secret-but-long-enough-123').sign({ userId: null, role: null });
      const rejected = await gql(subgraph.url, ping, {}, { headers: { 'x-viewer-token': forged } });
      expect(rejected.status, subgraph.name).toBe(401);
    }
  });

  it('all five run, and every service answers /healthz, /readyz and /metrics', async () => {
    expect(platform.subgraphs.map((s) => s.name).sort()).toEqual(['achievements', 'analytics', 'social', 'tournaments', 'users']);
    for (const service of [platform.gateway, ...platform.subgraphs]) {
      const base = service.url.replace(/\/graphql$/, '');
      expect((await fetch(`${base}/healthz`)).status, service.name).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status, service.name).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics, service.name).toContain(`service="${service.name}"`);
    }
  });
});
