import { gzipSync } from 'node:zlib';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { bundleExplorer, type ExplorerBundle } from './bundle.js';

export { EXPLORER_ASSET_PATH } from './bundle.js';

type BuiltExplorer = ExplorerBundle & { gzipped: Map<string, Buffer> };
/** One build per process, shared by its gateways (the bundle depends on node_modules only). */
let built: Promise<BuiltExplorer> | undefined;

/**
 * The API explorer (GraphiQL) the gateway serves at /graphql to browsers: the page for GET
 * requests that prefer HTML (an Apollo landing page plugin, so content negotiation is Apollo's),
 * its scripts under /graphql/explorer/. Built from node_modules on the first request, then kept.
 */
export class Explorer {
  constructor(private readonly logger: Logger) {}

  private bundle() {
    if (!built) {
      const building = (async () => {
        const started = Date.now();
        const bundle = await bundleExplorer();
        const gzipped = new Map([...bundle.assets].map(([name, asset]) => [name, gzipSync(asset.body)]));
        this.logger.info({ ms: Date.now() - started }, 'API explorer built');
        return { ...bundle, gzipped };
      })();
      built = building;
      // A failed build is answered as failed for a minute, then tried again (not on every request:
      // a build costs seconds of CPU).
      building.catch((error: unknown) => {
        this.logger.error({ err: error }, 'API explorer build failed');
        setTimeout(() => {
          if (built === building) built = undefined;
        }, 60_000).unref();
      });
    }
    return built;
  }

  /** Replaces Apollo's landing page (Sandbox, from Apollo's CDN) with the explorer. */
  plugin(): ApolloServerPlugin {
    return {
      serverWillStart: async () => ({
        renderLandingPage: async () => ({ html: async () => (await this.bundle()).html }),
      }),
    };
  }

  /** GET /graphql/explorer/<file>: the page's scripts and styles, immutable (their names carry a content hash). */
  assets(): RequestHandler {
    return (req, res, next) => {
      const name = req.path.slice(1);
      this.bundle().then(
        ({ assets, gzipped }) => {
          const asset = assets.get(name);
          if (!asset) {
            res.status(404).type('text/plain').send('Not found\n');
            return;
          }
          const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          res.setHeader('content-type', asset.contentType);
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
          res.setHeader('vary', 'accept-encoding');
          if (gzip) res.setHeader('content-encoding', 'gzip');
          res.end(gzip ? gzipped.get(name) : asset.body);
        },
        (error: unknown) => next(error),
      );
    };
  }
}
