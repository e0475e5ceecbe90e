// Monaco runs its language services in web workers. They are bundled next to the explorer by
// gateway/explorer/bundle.ts and served from the gateway (EXPLORER_CONFIG.workers), not from a CDN.
import { EXPLORER_CONFIG } from './config.js';

(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const url = label === 'json' ? EXPLORER_CONFIG.workers.json : label === 'graphql' ? EXPLORER_CONFIG.workers.graphql : EXPLORER_CONFIG.workers.editor;
    return new Worker(url);
  },
};
