import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/index.js';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import type { RunningService } from '../platform/http.js';
import { gameServerToken } from './support/game-server.js';
import { gql, platformPerFile, registerPlayer, testEnv } from './support/platform.js';

// One subgraph down must not cost the client the other subgraphs' data (nullable root fields,
// docs/decisions.md), and the client is told which service failed with a code it can act on.
let platform: RunningPlatform;
platformPerFile({}, (started) => (platform = started));

const EVERY_SUBGRAPH = `{
  me { id }
  achievements { id }
  chatRooms(first: 1) { edges { cursor } }
  tournaments(first: 1) { edges { cursor } }
  unreadNotificationCount
}`;

interface Answer {
  me: { id: string } | null;
  achievements: { id: string }[] | null;
  chatRooms: { edges: unknown[] } | null;
  tournaments: { edges: unknown[] } | null;
  unreadNotificationCount: number | null;
}

const stop = (name: string) => platform.subgraphs.find((s) => s.name === name)!.close();

/** A URL nothing listens on any more: what the gateway sees of a subgraph whose process was killed. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return `http://127.0.0.1:${port}/graphql`;
}

/**
 * A second gateway over the same subgraphs, but with `name` killed. The platform's own subgraphs
 * keep running, so one file can take down a different subgraph per test.
 */
const gateways: RunningService[] = [];
async function gatewayWithout(name: string): Promise<string> {
  const urls = Object.fromEntries(platform.subgraphs.map((s) => [s.name, s.url]));
  const gateway = await startGateway({ env: testEnv({ SUPERGRAPH_POLL_INTERVAL_MS: '0' }), redis: platform.runtime.redis, subgraphUrls: { ...urls, [name]: await deadUrl() } });
  gateways.push(gateway);
  return gateway.url;
}
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
});

const unavailable = (serviceName: string) => ({
  message: `The ${serviceName} service is unavailable; try again shortly.`,
  extensions: { code: 'SERVICE_UNAVAILABLE', serviceName },
});

describe('fields one subgraph adds to another’s objects, with that subgraph down', () => {
  it('answers a player without achievements: username, null achievement fields and SERVICE_UNAVAILABLE', async () => {
    const player = await registerPlayer(platform.gateway.url);
    const ME = `{ me { username achievementPoints achievements { id status } } }`;
    const healthy = await gql(platform.gateway.url, ME, {}, { token: player.token });
    expect(healthy).toMatchObject({ status: 200, data: { me: { username: player.username, achievementPoints: 0 } } });
    expect(healthy.errors).toBeUndefined();

    const withoutAchievements = await gql(await gatewayWithout('achievements'), ME, {}, { token: player.token });
    expect(withoutAchievements.status).toBe(200);
    expect(withoutAchievements.data).toEqual({ me: { username: player.username, achievementPoints: null, achievements: null } });
    expect(withoutAchievements.errors).toEqual([unavailable('achievements')]);
  });

  it('answers an unlock the game server reports with the player null and SERVICE_UNAVAILABLE when users is down', async () => {
    const player = await registerPlayer(platform.gateway.url);
    const gameServer = await gameServerToken(platform, platform.gateway.url);
    const RECORD = `mutation($input: GameEventInput!) {
      recordGameEvent(input: $input) { events { status unlocked { achievement { id } user { id username } } } }
    }`;
    const input = { id: `won-${randomUUID()}`, userId: player.id, type: 'COMBAT_WON' };
    const answer = await gql(await gatewayWithout('users'), RECORD, { input }, { token: gameServer });
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ recordGameEvent: { events: [{ status: 'RECORDED', unlocked: [{ achievement: { id: 'first_blood' }, user: null }] }] } });
    expect(answer.errors).toEqual([unavailable('users')]);
  });
});

describe('a subgraph that is down', () => {
  it('leaves the other subgraphs’ fields answered, its own null with SERVICE_UNAVAILABLE naming it', async () => {
    const url = platform.gateway.url;
    const player = await registerPlayer(url);
    const healthy = await gql<Answer>(url, EVERY_SUBGRAPH, {}, { token: player.token });
    expect(healthy.errors).toBeUndefined();

    await stop('tournaments');
    const withoutTournaments = await gql<Answer>(url, EVERY_SUBGRAPH, {}, { token: player.token });
    expect(withoutTournaments.status).toBe(200);
    expect(withoutTournaments.data).toEqual({ ...healthy.data, tournaments: null });
    expect(withoutTournaments.errors).toEqual([
      {
        message: 'The tournaments service is unavailable; try again shortly.',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'tournaments' },
      },
    ]);

    await stop('users');
    const withoutUsers = await gql<Answer>(url, EVERY_SUBGRAPH, {}, { token: player.token });
    expect(withoutUsers.data).toEqual({ ...healthy.data, me: null, tournaments: null });
    expect(withoutUsers.errors?.map((e) => [e.extensions?.code, e.extensions?.serviceName]).sort()).toEqual([
      ['SERVICE_UNAVAILABLE', 'tournaments'],
      ['SERVICE_UNAVAILABLE', 'users'],
    ]);
  });
});
