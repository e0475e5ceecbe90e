import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/index.js';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import type { RunningService } from '../platform/http.js';
import { createLogger } from '../platform/logger.js';
import { liveChannel } from '../platform/live.js';
import { openRuntime, type Runtime } from '../platform/runtime.js';
import { usersSubgraph } from '../subgraphs/users/subgraph.js';
import { gql, registerPlayer, startTestPlatform, testEnv } from './support/platform.js';
import { subscribe, untilListening, wsClient } from './support/ws.js';

// Two gateways and two replicas of the users subgraph sharing PostgreSQL and Redis. Replicas in
// separate processes need a real Redis to meet, so this runs when REDIS_URL is set (CI's second
// pass); the in-process stand-in cannot connect processes by design.
const scaleOut = process.env.REDIS_URL && process.env.DATABASE_URL ? describe : describe.skip;

scaleOut('scale-out over Redis', () => {
  let platform: RunningPlatform;
  let runtime2: Runtime;
  let users2: RunningService;
  let gateway2: RunningService;
  const clients: ReturnType<typeof wsClient>[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    // A second replica of users, on its own database pool and Redis connections.
    runtime2 = await openRuntime(
      { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL, DATA_DIR: 'memory://' },
      createLogger('replica', 'silent'),
    );
    users2 = await usersSubgraph.start(runtime2, testEnv());
    // A second gateway whose users traffic goes to the second replica.
    const urls = Object.fromEntries(platform.subgraphs.map((s) => [s.name, s.url]));
    gateway2 = await startGateway({ env: testEnv(), redis: runtime2.redis, subgraphUrls: { ...urls, users: users2.url } });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await gateway2?.close();
    await users2?.close();
    await runtime2?.close();
    await platform?.close();
  });

  it('delivers an event produced on either replica to subscribers on both gateways', async () => {
    const player = await registerPlayer(platform.gateway.url);
    const query = `subscription($id: ID!) { profileUpdated(userId: $id) { displayName achievementPoints } }`;
    const onGateway1 = subscribe(clients[clients.push(wsClient(platform.gateway.url)) - 1]!, query, { id: player.id });
    const onGateway2 = subscribe(clients[clients.push(wsClient(gateway2.url)) - 1]!, query, { id: player.id });
    // Both replicas listen on the channel (one upstream subscription from each gateway).
    await untilListening(platform.runtime.redis, liveChannel('users', 'profileUpdated', player.id), 2);

    const rename = (gatewayUrl: string, name: string) =>
      gql(gatewayUrl, `mutation($n: String!) { updateProfile(input: { displayName: $n }) { user { id } } }`, { n: name }, { token: player.token });
    await rename(platform.gateway.url, 'ViaReplica1');
    await rename(gateway2.url, 'ViaReplica2');

    const expected = [
      { data: { profileUpdated: { displayName: 'ViaReplica1', achievementPoints: 0 } } },
      { data: { profileUpdated: { displayName: 'ViaReplica2', achievementPoints: 0 } } },
    ];
    await expect.poll(() => onGateway1.results, { timeout: 10_000 }).toEqual(expected);
    await expect.poll(() => onGateway2.results, { timeout: 10_000 }).toEqual(expected);
  });
});
