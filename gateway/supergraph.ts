import { readFile } from 'node:fs/promises';
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { Logger } from 'pino';

/** Where a changed supergraph comes from while the gateway runs. */
export interface SupergraphUpdates {
  /** Calls `listener` with each new, valid supergraph SDL; returns a function that stops it. */
  subscribe(listener: (supergraphSdl: string) => void): () => void;
}

/**
 * Watches the supergraph file (a stat every `intervalMs`; fs.watch misses the atomic replace a
 * Kubernetes ConfigMap or a deploy does) and reports each new content that composes as a supergraph.
 * A file that does not parse is logged and ignored: the gateway keeps serving the last good one.
 */
export function watchSupergraphFile(path: string, intervalMs: number, logger: Logger, initialSdl: string): SupergraphUpdates {
  return {
    subscribe(listener) {
      let current = initialSdl;
      let reading = Promise.resolve();
      const check = () => {
        reading = reading.then(async () => {
          let sdl: string;
          try {
            sdl = await readFile(path, 'utf8');
            if (sdl === current) return;
            Supergraph.build(sdl);
          } catch (error) {
            logger.error({ err: error, path }, 'the changed supergraph is not valid; still serving the previous one');
            return;
          }
          current = sdl;
          listener(sdl);
        });
      };
      const onChange = (now: Stats, before: Stats) => {
        if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) check();
      };
      watchFile(path, { interval: intervalMs, persistent: false }, onChange);
      // A change between the gateway's first read and this watch's first stat would go unseen.
      check();
      return () => unwatchFile(path, onChange);
    },
  };
}
