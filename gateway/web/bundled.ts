import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { OutputFile } from 'esbuild';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** A file a bundled page loads, served with a content hash in its name. */
export interface WebAsset {
  contentType: string;
  body: Buffer;
}

/** A browser page built from node_modules: its HTML and the files it loads, by file name. */
export interface WebBundle {
  html: string;
  assets: Map<string, WebAsset>;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Collects esbuild's output files under `basePath`, each named `<name>-<hash>.<ext>` (so they can be cached forever). */
export class HashedAssets {
  readonly files = new Map<string, WebAsset>();

  constructor(private readonly basePath: string) {}

  /** Adds a file and answers the URL it is served at. */
  add(file: OutputFile): string {
    const extension = file.path.slice(file.path.lastIndexOf('.'));
    const base = file.path.slice(file.path.lastIndexOf('/') + 1, -extension.length);
    const name = `${base}-${createHash('sha256').update(file.contents).digest('hex').slice(0, 12)}${extension}`;
    this.files.set(name, { contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', body: Buffer.from(file.contents) });
    return this.basePath + name;
  }
}

/** JSON for a `<script type="application/json">` element: "<" escaped so no value can close the element. */
export const inlineJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

type Built = WebBundle & { gzipped: Map<string, Buffer> };

/**
 * A page bundled on its first request, then kept for the process's life (a bundle depends on
 * node_modules only). A failed build is answered as failed for a minute, then tried again — not on
 * every request: a build costs seconds of CPU.
 */
export class BundledPage {
  private built: Promise<Built> | undefined;

  constructor(
    private readonly name: string,
    private readonly build: () => Promise<WebBundle>,
    private readonly logger: Logger,
  ) {}

  bundle(): Promise<Built> {
    if (!this.built) {
      const building = (async () => {
        const started = Date.now();
        const bundle = await this.build();
        const gzipped = new Map([...bundle.assets].map(([name, asset]) => [name, gzipSync(asset.body)]));
        this.logger.info({ ms: Date.now() - started }, `${this.name} built`);
        return { ...bundle, gzipped };
      })();
      this.built = building;
      building.catch((error: unknown) => {
        this.logger.error({ err: error }, `${this.name} build failed`);
        setTimeout(() => {
          if (this.built === building) this.built = undefined;
        }, 60_000).unref();
      });
    }
    return this.built;
  }

  /** GET <base>/<file>: the page's scripts and styles, immutable (their names carry a content hash), gzipped when the client takes it. */
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
