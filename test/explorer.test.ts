// The API explorer (gateway/explorer/) in a real browser: Debian's chromium driven by
// playwright-core, on a closed network (any request that leaves the gateway fails the test).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/index.js';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { ARTIFACTS, browserPerFile, closedNetworkPage } from './support/browser.js';
import { gql, platformPerFile, registerPlayer } from './support/platform.js';
import { activeSubscriptions } from './support/ws.js';

let platform: RunningPlatform;
let url = '';
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const browser = browserPerFile();
/** A page that may only talk to the gateway. */
const offlinePage = () => closedNetworkPage(browser(), url);

/** What the response pane shows (Monaco draws spaces as U+00A0). */
const responseText = (page: Page) => page.evaluate(() => (document.querySelector('.graphiql-response')?.textContent ?? '').replace(/\u00a0/g, ' '));

/** Runs one operation of the tab's document: the run button offers a menu when it holds several. */
async function run(page: Page, operationName: string) {
  await page.locator('.graphiql-execute-button').click();
  await page.getByRole('menuitem', { name: operationName, exact: true }).click();
}

describe('the API explorer at /graphql', () => {
  it('answers a browser with the explorer page, its scripts from the gateway itself, and programs with JSON as before', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<title>Game Platform API explorer</title>');
    // Nothing from a CDN: every script and stylesheet is a path on the gateway.
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThanOrEqual(2);
    for (const reference of references) expect(reference).toMatch(/^\/graphql\/explorer\//);
    const script = await fetch(new URL(references.find((r) => r.endsWith('.js'))!, url), { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(new URL('/graphql/explorer/nothing.js', url))).status).toBe(404);

    const json = await gql<{ achievements: { id: string }[] }>(url, '{ achievements(rarity: LEGENDARY) { id } }');
    expect(json.data?.achievements.map((a) => a.id)).toContain('legendary_warrior');
  });

  it('runs a query, signs in, and shows a subscription event as it arrives — with no request leaving the gateway', async () => {
    const player = await registerPlayer(url);
    const roomId = (await platform.runtime.db.prisma.chatRoom.create({ data: { name: `explorer_${randomUUID().slice(0, 8)}`, kind: 'GLOBAL', maxMembers: 100 } })).id;
    const document = `query Catalog { achievements(rarity: LEGENDARY) { id name } }

query Me { me { username level } }

subscription RoomEvents($roomId: ID!) {
  chatRoomEvents(roomId: $roomId) { type message { text author { username } } }
}`;
    const { page, outside, consoleErrors } = await offlinePage();
    await page.goto(`${url}?${new URLSearchParams({ query: document, variables: JSON.stringify({ roomId }) })}`);
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });

    // A query, signed out.
    await run(page, 'Catalog');
    await expect.poll(() => responseText(page), { timeout: 20_000 }).toContain('legendary_warrior');

    // The sign-in panel is open: username and password → login → the Authorization header.
    await page.locator('input[name="username"]').fill(player.username);
    await page.locator('input[name="password"]').fill('password123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByTestId('signed-in').waitFor({ timeout: 20_000 });
    await run(page, 'Me');
    await expect.poll(() => responseText(page), { timeout: 20_000 }).toContain(player.username);

    // chatRoomEvents refuses anonymous sockets: an event arriving proves the token went into connectionParams.
    const before = await activeSubscriptions(url);
    await run(page, 'RoomEvents');
    await expect.poll(() => activeSubscriptions(url), { timeout: 20_000 }).toBeGreaterThan(before);
    // The gateway counts the subscription before the subgraph listens: post until one message arrives.
    const text = `explorer_live_${randomUUID().slice(0, 8)}`;
    const post = async () => {
      const sent = await gql(url, `mutation($roomId: ID!, $text: String!) { sendMessage(input: { roomId: $roomId, text: $text }) { message { id } } }`, { roomId, text }, { token: player.token });
      expect(sent.errors).toBeUndefined();
    };
    await post();
    const poster = setInterval(() => void post().catch(() => undefined), 3_000);
    try {
      await expect.poll(() => responseText(page), { timeout: 20_000 }).toContain(text);
      expect(await responseText(page)).toContain('ADDED');
    } finally {
      clearInterval(poster);
      await page.screenshot({ path: `${ARTIFACTS}/explorer-subscription.png` });
    }

    expect(outside).toEqual([]);
    expect(consoleErrors.filter((e) => !/favicon/i.test(e))).toEqual([]);
    await page.context().close();
  });
});

describe('GATEWAY_EXPLORER in production', () => {
  const production = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: '0',
    SUPERGRAPH_POLL_INTERVAL_MS: '0',
    JWT_SECRET: 'explorer-test-jwt-secret-0123456789abcdef',
    INTERNAL_SECRET: 'explorer-test-internal-secret-0123456789abcdef',
  };
  const html = (gatewayUrl: string) => fetch(gatewayUrl, { headers: { accept: 'text/html' } });
  const introspection = (gatewayUrl: string) => gql<{ __schema: { queryType: { name: string } } }>(gatewayUrl, '{ __schema { queryType { name } } }');

  it('is off by default: no page, no introspection', async () => {
    const gateway = await startGateway({ env: production });
    try {
      const answer = await html(gateway.url);
      expect(answer.headers.get('content-type')).not.toContain('text/html');
      expect((await fetch(new URL('/graphql/explorer/explorer.js', gateway.url))).headers.get('content-type')).not.toContain('javascript');
      expect((await introspection(gateway.url)).data?.__schema).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });

  it('GATEWAY_EXPLORER=true serves it, with introspection', async () => {
    const gateway = await startGateway({ env: { ...production, GATEWAY_EXPLORER: 'true' } });
    try {
      const answer = await html(gateway.url);
      expect(answer.headers.get('content-type')).toContain('text/html');
      expect(await answer.text()).toContain('<title>Game Platform API explorer</title>');
      expect((await introspection(gateway.url)).data?.__schema.queryType.name).toBe('Query');
    } finally {
      await gateway.close();
    }
  });
});
