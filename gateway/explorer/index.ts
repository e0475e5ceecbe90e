import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { BundledPage } from '../web/bundled.js';
import { bundleExplorer } from './bundle.js';

export { EXPLORER_ASSET_PATH } from './bundle.js';

/** One build per process, shared by its gateways (the bundle depends on node_modules only). */
let page: BundledPage | undefined;

/**
 * The API explorer (GraphiQL) the gateway serves at /graphql to browsers: the page for GET
 * requests that prefer HTML (an Apollo landing page plugin, so content negotiation is Apollo's),
 * its scripts under /graphql/explorer/. Built from node_modules on the first request, then kept.
 */
export class Explorer {
  private readonly page: BundledPage;

  constructor(logger: Logger) {
    this.page = page ??= new BundledPage('API explorer', bundleExplorer, logger);
  }

  /** Replaces Apollo's landing page (Sandbox, from Apollo's CDN) with the explorer. */
  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async () => ({
        renderLandingPage: async () => ({ html: async () => (await this.page.bundle()).html }),
      }),
    };
  }

  /** GET /graphql/explorer/<file>: the page's scripts and styles. */
  assets(): RequestHandler {
    return this.page.assets();
  }
}
