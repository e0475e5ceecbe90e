import { describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions, subscribe, untilListening } from './support/ws.js';

let platform: RunningPlatform;
let url: string;
const { client } = platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

type Player = Awaited<ReturnType<typeof registerPlayer>>;
const FRIEND_UPDATED = 'subscription { friendUpdated { id displayName achievementPoints } }';

async function mutate(player: Player, query: string, variables: Record<string, unknown>) {
  const result = await gql(url, query, variables, { token: player.token });
  expect(result.errors).toBeUndefined();
}
async function befriend(a: Player, b: Player) {
  await mutate(a, 'mutation($id: ID!) { sendFriendRequest(input: { userId: $id }) { friend { state } } }', { id: b.id });
  await mutate(b, 'mutation($id: ID!) { acceptFriendRequest(input: { userId: $id }) { friend { state } } }', { id: a.id });
}
const rename = (player: Player, displayName: string) =>
  mutate(player, 'mutation($name: String!) { updateProfile(input: { displayName: $name }) { user { id } } }', { name: displayName });
const update = (player: Player, displayName: string) => ({ data: { friendUpdated: { id: player.id, displayName, achievementPoints: 0 } } });

describe("friendUpdated: friends' profile changes, checked per event (graphql-ws through the gateway)", () => {
  it('refuses anonymous clients with UNAUTHENTICATED', async () => {
    const anonymous = subscribe(client(), FRIEND_UPDATED);
    await expect.poll(() => anonymous.error, { timeout: 5_000 }).toBeDefined();
    expect(JSON.stringify(anonymous.error)).toContain('UNAUTHENTICATED');
    expect(anonymous.results).toEqual([]);
  });

  it("delivers friends' changes only while they are friends: a removal stops them at once, both ways", async () => {
    const [ana, bo, cy, dan] = [await registerPlayer(url), await registerPlayer(url), await registerPlayer(url), await registerPlayer(url)];
    await befriend(ana, bo);
    await befriend(cy, ana);
    await befriend(bo, cy);

    const anaSees = subscribe(client(ana.token), FRIEND_UPDATED);
    const boSees = subscribe(client(bo.token), FRIEND_UPDATED);
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(2);
    await untilListening(platform.runtime.redis, liveChannel('users', 'friendUpdated', ana.id));
    await untilListening(platform.runtime.redis, liveChannel('users', 'friendUpdated', bo.id));

    await rename(bo, 'Bo 1');
    await expect.poll(() => anaSees.results, { timeout: 10_000 }).toHaveLength(1);
    await rename(ana, 'Ana 1');
    await expect.poll(() => boSees.results, { timeout: 10_000 }).toHaveLength(1);

    await mutate(ana, 'mutation($id: ID!) { removeFriend(input: { userId: $id }) { user { id } } }', { id: bo.id });
    await rename(bo, 'Bo 2');
    await rename(ana, 'Ana 2');
    await rename(dan, 'Dan 1'); // a stranger to everyone
    await rename(cy, 'Cy 1'); // still friends with both: the last event each of them receives
    for (const sees of [anaSees, boSees]) await expect.poll(() => sees.results.at(-1), { timeout: 10_000 }).toEqual(update(cy, 'Cy 1'));
    // Each stream is delivered in order, so nothing published before Cy's change can still arrive.
    expect(anaSees.results).toEqual([update(bo, 'Bo 1'), update(cy, 'Cy 1')]);
    expect(boSees.results).toEqual([update(ana, 'Ana 1'), update(cy, 'Cy 1')]);
    expect(anaSees.error ?? boSees.error).toBeUndefined();

    anaSees.stop();
    boSees.stop();
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(0);
  });
});
