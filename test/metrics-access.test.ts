import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { platformPerFile } from './support/platform.js';

// Who may read /metrics, and where (docs/decisions.md, "Metrics are protected").
const TOKEN = 'metrics-token-for-tests';
const metricsOf = (url: string) => url.replace('/graphql', '/metrics');
const scrape = (url: string, token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('with METRICS_TOKEN', () => {
  let platform: RunningPlatform;
  platformPerFile({ METRICS_TOKEN: TOKEN }, (started) => (platform = started));

  it('every service port answers /metrics only to the bearer of the token', async () => {
    for (const service of [platform.gateway, ...platform.subgraphs]) {
      const url = metricsOf(service.url);
      expect((await scrape(url)).status, service.name).toBe(401);
      expect((await scrape(url, `${TOKEN}-not`)).status, service.name).toBe(401);
      const allowed = await scrape(url, TOKEN);
      expect(allowed.status, service.name).toBe(200);
      expect(await allowed.text()).toContain(`graphql_operations_total`);
    }
  });
});

describe('with METRICS_PORT', () => {
  let platform: RunningPlatform;
  platformPerFile({ METRICS_PORT: '0', METRICS_TOKEN: TOKEN }, (started) => (platform = started));

  it('takes /metrics off the service ports', async () => {
    for (const service of [platform.gateway, ...platform.subgraphs]) {
      expect((await scrape(metricsOf(service.url), TOKEN)).status, service.name).toBe(404);
    }
  });

  it('serves every service of the process on its own listener, each metric family once', async () => {
    const url = platform.metricsUrl!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await scrape(url)).status).toBe(401);
    const response = await scrape(url, TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const families = [...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]);
    expect(new Set(families).size).toBe(families.length);
    const cpu = new Set([...text.matchAll(/^process_cpu_user_seconds_total\{service="(\w+)"\}/gm)].map((m) => m[1]));
    expect([...cpu].sort()).toEqual(['achievements', 'analytics', 'gateway', 'social', 'tournaments', 'users']);
    expect((await fetch(url.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});

describe('in production without METRICS_TOKEN or METRICS_PORT', () => {
  let platform: RunningPlatform;
  platformPerFile(
    { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32), INTERNAL_SECRET: 'i'.repeat(32) },
    (started) => (platform = started),
  );

  it('serves no /metrics at all', async () => {
    for (const service of [platform.gateway, ...platform.subgraphs]) {
      expect((await scrape(metricsOf(service.url))).status, service.name).toBe(404);
    }
    expect(platform.metricsUrl).toBeUndefined();
  });
});
