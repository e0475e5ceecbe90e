import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { RateLimit } from '../platform/rate-limit.js';
import { MemoryRedisPort } from '../platform/redis/index.js';
import { rateLimitKeyOf, viewerRateLimit } from './server.js';
import { subgraphAgentFor } from './subgraph-http.js';

describe('subgraph fetch agents', () => {
  it('keeps connections alive, over TLS for https subgraph URLs', () => {
    const https = subgraphAgentFor(new URL('https://achievements.internal:4002/graphql'));
    const http = subgraphAgentFor(new URL('http://127.0.0.1:4002/graphql'));
    expect(https).toBeInstanceOf(HttpsAgent);
    expect(http).not.toBeInstanceOf(HttpsAgent);
    for (const agent of [https, http]) expect((agent as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect(subgraphAgentFor(new URL('https://social.internal/graphql'))).toBe(https);
  });
});

describe('the per-viewer rate limit', () => {
  it('gives a game server its own, larger budget per API key', async () => {
    const redis = new MemoryRedisPort();
    const budget = (name: string, points: number) => new RateLimit(redis, { name, points, durationSeconds: 60, message: 'Too many operations. Try again in {seconds} seconds.' });
    const limit = viewerRateLimit({ viewers: budget('test:viewers', 2), services: budget('test:services', 5) });
    const player = rateLimitKeyOf({ userId: 'u1', role: 'PLAYER' });
    const service = rateLimitKeyOf({ userId: null, role: null, kind: 'service', scopes: [], serviceId: 'key-1' });
    const outcome = (key: string) => limit.consume(key).then(() => 'ok', (error: { code?: string }) => error.code);
    expect([await outcome(player), await outcome(player), await outcome(player)]).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    const served = [];
    for (let i = 0; i < 6; i++) served.push(await outcome(service));
    expect(served).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
    // Another key of either kind has its own count.
    expect(await outcome(rateLimitKeyOf({ userId: 'u2', role: 'PLAYER' }))).toBe('ok');
  });
});
