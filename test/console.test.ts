// The web console (gateway/console/) in a real browser: Debian's chromium driven by playwright-core,
// two players in two browser contexts, on a closed network (any request that leaves the gateway
// fails the test). Screenshots go to test-artifacts/.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/index.js';
import type { RunningPlatform } from '../launcher/all-in-one.js';
import { ARTIFACTS, browserPerFile, closedNetworkPage } from './support/browser.js';
import { gameServerToken, signInAsAdmin } from './support/game-server.js';
import { gqlData, platformPerFile, registerPlayer } from './support/platform.js';

let platform: RunningPlatform;
let url = '';
platformPerFile({}, (started) => {
  platform = started;
  url = started.gateway.url;
});

const browser = browserPerFile();

/** The console in a browser context of its own (its own session storage: another player), on a closed network. */
async function consolePage() {
  const opened = await closedNetworkPage(browser(), url, { width: 1400, height: 1000 });
  await opened.page.goto(new URL('/console', url).href);
  return opened;
}

async function signIn(page: Page, username: string, password = 'password123') {
  await page.getByLabel('Username or email').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByTestId('signed-in-as').textContent(), { timeout: 30_000 }).toContain(username);
}

describe('the web console', () => {
  it('two players chat live, a submitted score moves the leaderboard, an unlock shows a toast', async () => {
    const ana = await registerPlayer(url);
    const bo = await registerPlayer(url);
    const adminToken = await signInAsAdmin(platform, url);
    const boardId = `console_${randomUUID().slice(0, 8)}`;
    await gqlData(url, `mutation($input: DefineLeaderboardInput!) { defineLeaderboard(input: $input) { leaderboard { id } } }`, { input: { id: boardId, title: 'Console arena' } }, adminToken);
    const gameServer = await gameServerToken(platform, url, ['REPORT_GAME_EVENTS', 'REPORT_MATCH_RESULTS']);

    const a = await consolePage();
    const b = await consolePage();
    await signIn(a.page, ana.username);
    await signIn(b.page, bo.username);
    // Both follow the GLOBAL room (the console opens it first).
    for (const { page } of [a, b]) await expect.poll(() => page.getByLabel('Room').inputValue(), { timeout: 30_000 }).not.toBe('');

    // Ana posts; Bo's page shows it without a reload.
    const text = `hello from the console ${randomUUID().slice(0, 6)}`;
    await a.page.getByLabel('Message').fill(text);
    await a.page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => b.page.getByTestId('messages').textContent(), { timeout: 30_000 }).toContain(text);
    await expect.poll(() => a.page.getByTestId('messages').textContent(), { timeout: 30_000 }).toContain(text);
    await b.page.screenshot({ path: `${ARTIFACTS}/console-chat.png`, fullPage: true });

    // The game server submits scores: the board on Bo's page fills and reorders live.
    // Bo picks the board (on a shared database other tests' boards are listed too).
    await expect.poll(() => b.page.getByLabel('Leaderboard').locator(`option[value="${boardId}"]`).count(), { timeout: 30_000 }).toBe(1);
    await b.page.getByLabel('Leaderboard').selectOption(boardId);
    const submit = (userId: string, score: number) =>
      gqlData(url, `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { __typename } }`, { input: { leaderboardId: boardId, userId, score, submissionId: randomUUID() } }, gameServer);
    await submit(ana.id, 120);
    const rows = () => b.page.getByTestId('records').locator('li').allTextContents();
    await expect.poll(rows, { timeout: 30_000 }).toEqual([expect.stringMatching(/^#1.*120$/)]);
    await submit(bo.id, 300);
    await expect.poll(rows, { timeout: 30_000 }).toEqual([expect.stringMatching(/^#1.*300$/), expect.stringMatching(/^#2.*120$/)]);
    await b.page.screenshot({ path: `${ARTIFACTS}/console-leaderboard.png`, fullPage: true });

    // Ana's first combat win unlocks First Blood: a toast on her page, and her progress refreshes.
    await gqlData(url, `mutation($input: GameEventInput!) { recordGameEvent(input: $input) { events { status } } }`, { input: { id: `console-${randomUUID()}`, userId: ana.id, type: 'COMBAT_WON', data: {} } }, gameServer);
    await expect.poll(() => a.page.getByTestId('unlock-toast').allTextContents(), { timeout: 30_000 }).toEqual([expect.stringContaining('First Blood')]);
    await a.page.screenshot({ path: `${ARTIFACTS}/console-unlock.png`, fullPage: true });
    await expect.poll(() => a.page.getByTestId('achievement-points').textContent(), { timeout: 30_000 }).not.toBe('0');
    expect(await b.page.getByTestId('unlock-toast').count()).toBe(0); // Bo unlocked nothing

    for (const side of [a, b]) {
      expect(side.outside).toEqual([]);
      expect(side.pageErrors).toEqual([]);
    }
  }, 240_000);

  it('an admin sees the live dashboard with its charts; a player does not', async () => {
    const admin = await registerPlayer(url);
    const adminToken = await signInAsAdmin(platform, url, admin);
    const { page, outside, pageErrors } = await consolePage();
    await signIn(page, admin.username);
    await expect.poll(() => page.getByTestId('dashboard').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('active-players').textContent(), { timeout: 30_000 }).toMatch(/^\d+$/);
    for (const chart of ['live-chart', 'daily-chart', 'retention-chart']) await expect.poll(() => page.getByTestId(chart).locator('canvas').count(), { timeout: 30_000 }).toBe(1);

    // An experiment one player saw and converted on: its results in the dashboard.
    const key = `console_${randomUUID().slice(0, 8)}`;
    const hour = 3_600_000;
    await gqlData(
      url,
      `mutation($input: DefineExperimentInput!) { defineExperiment(input: $input) { created } }`,
      { input: { key, variants: [{ key: 'control', weight: 50 }, { key: 'bold', weight: 50 }], goals: ['purchase'], startsAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + 24 * hour).toISOString(), status: 'RUNNING' } },
      adminToken,
    );
    const tester = await registerPlayer(url);
    await gqlData(url, `query($key: String!) { experimentVariant(key: $key) { __typename } }`, { key }, tester.token);
    await gqlData(url, `mutation($input: RecordConversionInput!) { recordConversion(input: $input) { __typename } }`, { input: { experimentKey: key, goal: 'purchase' } }, tester.token);
    await page.getByLabel('Experiment key').fill(key);
    await page.getByRole('button', { name: 'Show results' }).click();
    const cells = () => page.getByTestId('experiment').locator('tbody tr').allTextContents();
    await expect.poll(cells, { timeout: 30_000 }).toHaveLength(2);
    const table = await page.getByTestId('experiment').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(table.map((row) => row[0])).toEqual(['control (control)', 'bold']);
    // The one player's exposure and conversion, in whichever variant the hash gave them.
    expect(table.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(1);
    expect(table.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(1);
    await expect.poll(() => page.getByTestId('experiment-chart').locator('canvas').count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/console-dashboard.png`, fullPage: true });
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);

    const player = await registerPlayer(url);
    const other = await consolePage();
    await signIn(other.page, player.username);
    await expect.poll(() => other.page.getByTestId('progress').count(), { timeout: 30_000 }).toBe(1);
    expect(await other.page.getByTestId('dashboard').count()).toBe(0);
  }, 180_000);

  it('a wrong password is refused on the sign-in form', async () => {
    const player = await registerPlayer(url);
    const { page } = await consolePage();
    await page.getByLabel('Username or email').fill(player.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toMatch(/.+/);
    expect(await page.getByTestId('signed-in-as').count()).toBe(0);
  });
});

describe('GATEWAY_CONSOLE in production', () => {
  const production = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    GATEWAY_PORT: '0',
    SUPERGRAPH_POLL_INTERVAL_MS: '0',
    JWT_SECRET: 'console-test-jwt-secret-0123456789abcdef',
    INTERNAL_SECRET: 'console-test-internal-secret-0123456789abcdef',
  };

  it('is off by default, on with GATEWAY_CONSOLE=true', async () => {
    const off = await startGateway({ env: production });
    try {
      expect((await fetch(new URL('/console', off.url))).status).toBe(404);
    } finally {
      await off.close();
    }
    const on = await startGateway({ env: { ...production, GATEWAY_CONSOLE: 'true' } });
    try {
      const page = await fetch(new URL('/console', on.url));
      expect(page.headers.get('content-type')).toContain('text/html');
      const html = await page.text();
      expect(html).toContain('<title>Game platform console</title>');
      const script = /<script src="([^"]+)"/.exec(html)![1]!;
      const asset = await fetch(new URL(script, on.url));
      expect(asset.headers.get('content-type')).toContain('javascript');
      expect(asset.headers.get('cache-control')).toContain('immutable');
    } finally {
      await on.close();
    }
  });
});
