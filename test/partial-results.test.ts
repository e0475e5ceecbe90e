import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';

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
