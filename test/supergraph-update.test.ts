import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, visit, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { liveChannel } from '../platform/live.js';
import { SUBGRAPHS, subgraphSdl, SUPERGRAPH_PATH } from '../platform/subgraph/names.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions, metric, subscribe, untilListening } from './support/ws.js';

// The gateway serves a copy of the supergraph that the test then replaces, as a deploy would.
let dir: string;
let supergraphFile: string;
let platform: RunningPlatform;
let url: string;

/** The supergraph composed from the checked-in subgraph SDLs, with `edit` applied to users' SDL. */
async function composeWith(edit: (users: DocumentNode) => DocumentNode): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async ({ name, defaultPort }) => {
      const typeDefs = parse(subgraphSdl(name));
      return { name, url: `http://127.0.0.1:${defaultPort}/graphql`, typeDefs: name === 'users' ? edit(typeDefs) : typeDefs };
    }),
  );
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

/** users' SDL without the field `User.bio`. */
const withoutBio = (users: DocumentNode) =>
  visit(users, {
    ObjectTypeDefinition: (node) =>
      node.name.value === 'User' ? { ...node, fields: node.fields?.filter((f) => f.name.value !== 'bio') } : undefined,
  });

// Registered before the platform's hooks: the file exists before it starts and is removed after it closes.
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supergraph-'));
  supergraphFile = path.join(dir, 'supergraph.graphql');
  await writeFile(supergraphFile, await readFile(SUPERGRAPH_PATH, 'utf8'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
const { client } = platformPerFile(
  () => ({ SUPERGRAPH_PATH: supergraphFile, SUPERGRAPH_POLL_INTERVAL_MS: '50' }),
  (started) => {
    platform = started;
    url = started.gateway.url;
  },
);

const rename = (token: string, displayName: string) =>
  gql(url, `mutation($name: String!) { updateProfile(input: { displayName: $name }) { user { displayName } } }`, { name: displayName }, { token });

describe('a changed supergraph, applied while clients are subscribed', () => {
  it('keeps valid subscriptions live, ends invalidated ones with SUBSCRIPTION_INVALIDATED, and leaks no upstream subscription', async () => {
    const player = await registerPlayer(url);
    const socket = client();
    const names = subscribe(socket, 'subscription($id: ID!) { profileUpdated(userId: $id) { id displayName } }', { id: player.id });
    const bios = subscribe(socket, 'subscription($id: ID!) { profileUpdated(userId: $id) { id bio } }', { id: player.id });
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(2);
    expect(await metric(url, 'gateway_subscription_upstreams')).toBe(2);
    await untilListening(platform.runtime.redis, liveChannel('users', 'profileUpdated', player.id));
    await rename(player.token, 'Before');
    await expect.poll(() => names.results.length + bios.results.length, { timeout: 10_000 }).toBe(2);

    // An unparsable file is ignored: the gateway keeps serving the last good supergraph.
    await writeFile(supergraphFile, 'this is not a supergraph');
    await new Promise((r) => setTimeout(r, 300));
    expect(await metric(url, 'gateway_supergraph_updates_total')).toBe(0);
    expect((await gql(url, 'query($id: ID!) { user(id: $id) { bio } }', { id: player.id })).errors).toBeUndefined();

    await writeFile(supergraphFile, await composeWith(withoutBio));
    await expect.poll(() => metric(url, 'gateway_supergraph_updates_total'), { timeout: 10_000 }).toBe(1);

    // The subscription selecting the removed field ends with a coded error; its upstream closes.
    await expect.poll(() => bios.completed, { timeout: 10_000 }).toBe(true);
    expect(bios.results.at(-1)?.errors?.[0]?.extensions?.code).toBe('SUBSCRIPTION_INVALIDATED');
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(1);
    expect(await metric(url, 'gateway_subscription_upstreams')).toBe(1);

    // The other one carries on over the new supergraph.
    await rename(player.token, 'After');
    await expect.poll(() => names.results.length, { timeout: 10_000 }).toBe(2);
    expect(names.results[1]).toEqual({ data: { profileUpdated: { id: player.id, displayName: 'After' } } });
    expect(names.completed).toBe(false);
    expect(bios.results.filter((r) => r.data)).toHaveLength(1);

    // New operations, over HTTP and over the socket, see the new API.
    const query = await gql(url, 'query($id: ID!) { user(id: $id) { bio } }', { id: player.id });
    expect(query.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const refused = subscribe(socket, 'subscription($id: ID!) { profileUpdated(userId: $id) { bio } }', { id: player.id });
    await expect.poll(() => refused.error, { timeout: 10_000 }).toBeDefined();
    expect(JSON.stringify(refused.error)).toContain('GRAPHQL_VALIDATION_FAILED');
    names.stop();
    await expect.poll(() => activeSubscriptions(url), { timeout: 10_000 }).toBe(0);
    expect(await metric(url, 'gateway_subscription_upstreams')).toBe(0);
  });
});

