import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { readTraffic, writeTraffic } from '../platform/gateway-traffic.js';
import { MemoryRedisPort } from '../platform/redis/index.js';
import { silentLogger } from '../platform/testing.js';
import { TrafficFeed } from './traffic-feed.js';

const T0 = Date.parse('2026-12-04T12:00:00Z'); // a Friday, on a 10-second boundary

function gatewayCounters() {
  const metrics = new Registry();
  const operations = new Counter({ name: 'graphql_operations_total', help: 'x', labelNames: ['operation_type', 'outcome'], registers: [metrics] });
  const deliveries = new Counter({ name: 'gateway_subscription_deliveries_total', help: 'x', registers: [metrics] });
  return { metrics, operations, deliveries };
}

describe('the gateway traffic feed', () => {
  it('writes what the counters grew by into the current 10-second bucket, per replica, summed by readers', async () => {
    const redis = new MemoryRedisPort();
    let now = T0 + 1_000;
    const a = gatewayCounters();
    const b = gatewayCounters();
    a.operations.inc({ operation_type: 'query', outcome: 'ok' }, 500); // before the feed started: not counted
    const feedA = new TrafficFeed({ redis, metrics: a.metrics, logger: silentLogger, now: () => now });
    const feedB = new TrafficFeed({ redis, metrics: b.metrics, logger: silentLogger, now: () => now });
    await feedA.flush();
    await feedB.flush();
    a.operations.inc({ operation_type: 'query', outcome: 'ok' }, 3);
    a.operations.inc({ operation_type: 'mutation', outcome: 'error' }, 1);
    a.deliveries.inc(10);
    b.operations.inc({ operation_type: 'query', outcome: 'ok' }, 2);
    now = T0 + 3_000;
    await feedA.flush();
    await feedB.flush();
    expect(await readTraffic(redis, T0, T0 + 10_000, now)).toEqual({ operations: 6, wsMessages: 10, replicas: 2 });
    // The next bucket starts from zero; the first keeps what it had.
    a.operations.inc({ operation_type: 'query', outcome: 'ok' }, 7);
    now = T0 + 11_000;
    await feedA.flush();
    expect(await readTraffic(redis, T0, T0 + 10_000, now)).toEqual({ operations: 6, wsMessages: 10, replicas: 2 });
    expect(await readTraffic(redis, T0 + 10_000, T0 + 20_000, now)).toEqual({ operations: 7, wsMessages: 0, replicas: 2 });
    expect(await readTraffic(redis, T0, T0 + 20_000, now)).toMatchObject({ operations: 13 });
  });

  it('leaves out replicas that stopped writing five minutes ago', async () => {
    const redis = new MemoryRedisPort();
    await writeTraffic(redis, 'gone', T0, { operations: 100, wsMessages: 100 }, T0);
    await writeTraffic(redis, 'alive', T0, { operations: 1, wsMessages: 2 }, T0 + 6 * 60_000);
    expect(await readTraffic(redis, T0, T0 + 10_000, T0 + 6 * 60_000)).toEqual({ operations: 1, wsMessages: 2, replicas: 1 });
  });
});
