import type express from 'express';
import type { Logger } from 'pino';
import { BundledPage } from '../web/bundled.js';
import { bundleConsole, CONSOLE_ASSET_PATH, CONSOLE_PATH } from './bundle.js';

export { CONSOLE_PATH } from './bundle.js';

/** One build per process, shared by its gateways (the bundle depends on node_modules only). */
let page: BundledPage | undefined;

/**
 * The web console at /console: a browser app over the public API (sign in, chat, a live
 * leaderboard, unlock toasts, a live bracket, the live dashboard for admins), built from
 * node_modules on the first request, then kept. It holds no privilege of its own: every call it
 * makes is the signed-in player's, through /graphql.
 */
export class WebConsole {
  private readonly page: BundledPage;

  constructor(logger: Logger) {
    this.page = page ??= new BundledPage('Web console', bundleConsole, logger);
  }

  routes(app: express.Express) {
    app.get(CONSOLE_PATH, (_req, res, next) => {
      this.page.bundle().then(
        ({ html }) => {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.setHeader('cache-control', 'no-cache');
          res.setHeader('x-content-type-options', 'nosniff');
          res.setHeader('x-frame-options', 'DENY');
          res.end(html);
        },
        (error: unknown) => next(error),
      );
    });
    app.use(CONSOLE_ASSET_PATH, this.page.assets());
  }
}
