// A real browser for the tests of the gateway's web pages (the explorer, the console): Debian's
// chromium driven by playwright-core, each page on a closed network (only the gateway answers).
import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
/** Where screenshots are kept (CI keeps the folder). */
export const ARTIFACTS = 'test-artifacts';

/** A browser for the file, launched before its tests and closed after them: `browser()` answers it. */
export function browserPerFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    // A missing browser fails the file: CI installs chromium (.ci/run), and a skipped browser test proves nothing.
    if (!CHROMIUM) throw new Error('chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface ClosedNetworkPage {
  page: Page;
  /** Requests for anything but the gateway (aborted). */
  outside: string[];
  /** The page's console errors. */
  consoleErrors: string[];
  /** Uncaught exceptions in the page, with their stacks. */
  pageErrors: string[];
}

/**
 * A page in a browser context of its own (its own storage: another user), that may only talk to
 * `gatewayUrl`'s origin: every other request is aborted and remembered.
 */
export async function closedNetworkPage(browser: Browser, gatewayUrl: string, viewport = { width: 1400, height: 900 }): Promise<ClosedNetworkPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const origin = new URL(gatewayUrl).origin;
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('blob:') || target.startsWith('data:')) return route.continue();
    outside.push(target);
    return route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(String(error.stack ?? error.message)));
  return { page, outside, consoleErrors, pageErrors };
}
