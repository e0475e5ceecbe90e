import { Agent as HttpsAgent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { subgraphAgentFor } from './server.js';

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
