// Experiments, custom events and the dashboard's traffic and role re-check through the gateway, as a
// game studio uses them: an admin defines an experiment, players get their variant and convert, the
// game reports custom events, and the dashboard shows the gateway's traffic.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { metric, subscribe } from './support/ws.js';

let platform: RunningPlatform;
let url = '';
const { client } = platformPerFile({ ANALYTICS_DASHBOARD_SLIDE_MS: '300', ANALYTICS_EXPERIMENT_CACHE_MS: '0' }, (p) => {
  platform = p;
  url = p.gateway.url;
});
let admin = '';
let server = '';
beforeAll(async () => {
  admin = await signInAsAdmin(platform, url);
  server = await gameServerToken(platform, url);
}, 60_000);

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('experiments through the gateway', () => {
  it('an admin defines one; players get sticky variants with flags; conversions show in the results', async () => {
    const key = `shop-${randomUUID().slice(0, 8)}`;
    const defined = await gql<{ defineExperiment: { created: boolean } }>(
      url,
      `mutation($input: DefineExperimentInput!) { defineExperiment(input: $input) { created experiment { key status } } }`,
      {
        input: {
          key,
          variants: [
            { key: 'control', weight: 50, featureFlags: { shop: 'classic' } },
            { key: 'grid', weight: 50, featureFlags: { shop: 'grid' } },
          ],
          goals: ['purchase'],
          startsAt: iso(Date.now() - HOUR),
          endsAt: iso(Date.now() + HOUR),
          status: 'RUNNING',
        },
      },
      { token: admin },
    );
    expect(defined.errors).toBeUndefined();
    expect(defined.data!.defineExperiment.created).toBe(true);

    const players = await Promise.all(Array.from({ length: 6 }, () => registerPlayer(url)));
    const VARIANT = `query($key: String!) { experimentVariant(key: $key) { variant featureFlags reason } }`;
    const first = await Promise.all(players.map((p) => gql<{ experimentVariant: { variant: string } }>(url, VARIANT, { key }, { token: p.token })));
    const again = await Promise.all(players.map((p) => gql<{ experimentVariant: { variant: string } }>(url, VARIANT, { key }, { token: p.token })));
    expect(again.map((r) => r.data!.experimentVariant.variant)).toEqual(first.map((r) => r.data!.experimentVariant.variant));
    expect(first.every((r) => ['control', 'grid'].includes(r.data!.experimentVariant.variant))).toBe(true);

    // The game server reports a purchase for the first player; the player retries it themselves.
    const CONVERT = `mutation($input: RecordConversionInput!) { recordConversion(input: $input) { outcome variant } }`;
    const byServer = await gql<{ recordConversion: { outcome: string } }>(url, CONVERT, { input: { experimentKey: key, goal: 'purchase', userId: players[0]!.id } }, { token: server });
    expect(byServer.data!.recordConversion.outcome).toBe('COUNTED');
    const retry = await gql<{ recordConversion: { outcome: string } }>(url, CONVERT, { input: { experimentKey: key, goal: 'purchase' } }, { token: players[0]!.token });
    expect(retry.data!.recordConversion.outcome).toBe('ALREADY_COUNTED');

    const results = await gql<{ experimentResults: { variants: { variant: string; exposures: number; conversions: number }[] } }>(
      url,
      `query($key: String!) { experimentResults(key: $key) { variants { variant exposures conversions conversionRate confidenceInterval { low high } pValue significant } } }`,
      { key },
      { token: admin },
    );
    expect(results.errors).toBeUndefined();
    const rows = results.data!.experimentResults.variants;
    expect(rows.map((r) => r.variant)).toEqual(['control', 'grid']);
    expect(rows.reduce((s, r) => s + r.exposures, 0)).toBe(6);
    expect(rows.reduce((s, r) => s + r.conversions, 0)).toBe(1);
    expect(rows.find((r) => r.variant === first[0]!.data!.experimentVariant.variant)!.conversions).toBe(1);

    const anonymous = await gql(url, VARIANT, { key });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const notAdmin = await gql(url, `query($key: String!) { experimentResults(key: $key) { goal } }`, { key }, { token: players[1]!.token });
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('custom events through the gateway', () => {
  it('counts a custom event once per eventId, hourly for admins and in Prometheus with allow-listed labels', async () => {
    const player = await registerPlayer(url);
    const name = `boss_skipped_${randomUUID().slice(0, 6).replace(/-/g, '')}`;
    const TRACK = `mutation($input: TrackCustomEventInput!) { trackCustomEvent(input: $input) { duplicate labels } }`;
    // A player may only use a name the game server (or an admin) introduced.
    const unknown = await gql(url, TRACK, { input: { eventId: randomUUID(), name } }, { token: player.token });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const introduced = await gql(url, TRACK, { input: { eventId: randomUUID(), name } }, { token: server });
    expect(introduced.errors).toBeUndefined();
    const input = { eventId: randomUUID(), name, properties: { platform: 'android', boss: 'dragon' } };
    const first = await gql<{ trackCustomEvent: { duplicate: boolean; labels: Record<string, string> } }>(url, TRACK, { input }, { token: player.token });
    expect(first.data!.trackCustomEvent).toEqual({ duplicate: false, labels: { platform: 'android' } });
    const retry = await gql<{ trackCustomEvent: { duplicate: boolean } }>(url, TRACK, { input }, { token: player.token });
    expect(retry.data!.trackCustomEvent.duplicate).toBe(true);

    const hour = Math.floor(Date.now() / HOUR) * HOUR;
    const counts = await gql<{ customEventCounts: { total: number } }>(
      url,
      `query($name: String!, $from: DateTime!, $to: DateTime!) { customEventCounts(name: $name, from: $from, to: $to) { total buckets { start count } } }`,
      { name, from: iso(hour), to: iso(hour + HOUR) },
      { token: admin },
    );
    expect(counts.data!.customEventCounts.total).toBe(2);
    const analytics = platform.subgraphs.find((s) => s.name === 'analytics')!.url;
    expect(await metric(analytics, 'analytics_custom_events_total', `event="${name}",platform="android"`)).toBe(1);

    const anonymous = await gql(url, TRACK, { input: { ...input, eventId: randomUUID() } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the dashboard through the gateway', () => {
  it('shows the gateway’s API requests per minute and WebSocket messages per second', async () => {
    const sub = subscribe(client(admin), `subscription { realtimeMetricsUpdated { apiRequestsPerMinute webSocketMessagesPerSecond } }`);
    for (let i = 0; i < 20; i++) await gql(url, `{ realtimeMetrics { activePlayers } }`, {}, { token: admin });
    // Counts reach analytics once their 10-second bucket is over (and the replica's next write, ≤ 2 s).
    const read = async () =>
      (await gql<{ realtimeMetrics: { apiRequestsPerMinute: number; webSocketMessagesPerSecond: number } }>(url, `{ realtimeMetrics { apiRequestsPerMinute webSocketMessagesPerSecond } }`, {}, { token: admin })).data!
        .realtimeMetrics;
    await expect.poll(async () => (await read()).apiRequestsPerMinute, { timeout: 30_000, interval: 1_000 }).toBeGreaterThanOrEqual(20);
    await expect.poll(async () => (await read()).webSocketMessagesPerSecond, { timeout: 30_000, interval: 1_000 }).toBeGreaterThan(0);
    sub.stop();
  }, 70_000);

  it('ends realtimeMetricsUpdated with FORBIDDEN once the admin is demoted (their token still says ADMIN)', async () => {
    const second = await registerPlayer(url);
    const secondAdmin = await signInAsAdmin(platform, url, second);
    const sub = subscribe(client(secondAdmin), `subscription { realtimeMetricsUpdated { activePlayers } }`);
    await expect.poll(() => sub.results.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const demoted = await gql(url, `mutation($id: ID!) { setRole(input: { userId: $id, role: PLAYER }) { user { id role } } }`, { id: second.id }, { token: admin });
    expect(demoted.errors).toBeUndefined();
    // users announces the change on the bus; analytics keeps it.
    await expect
      .poll(async () => (await gql(url, `{ realtimeMetrics { activePlayers } }`, {}, { token: secondAdmin })).errors?.[0]?.extensions?.code, { timeout: 15_000 })
      .toBe('FORBIDDEN');
    // The gateway sends the subgraph's refusal as the stream's last result, then completes it.
    const refusal = () => sub.error ?? sub.results.find((r) => r.errors)?.errors;
    await expect.poll(refusal, { timeout: 15_000 }).toBeDefined();
    expect(JSON.stringify(refusal())).toContain('FORBIDDEN');
    await expect.poll(() => sub.completed || sub.error !== undefined, { timeout: 5_000 }).toBe(true);
    const received = sub.results.length;
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sub.results.length).toBe(received);
    // The same token, still saying ADMIN, is refused the query too.
    const refused = await gql(url, `{ realtimeMetrics { activePlayers } }`, {}, { token: secondAdmin });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }, 40_000);
});
