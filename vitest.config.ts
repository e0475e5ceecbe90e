import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// Node resolves `graphql` to its CommonJS build (the package has no "exports"), and so do the
// Apollo packages; Vite would pick its "module" build for our files, and a schema built by one copy
// cannot be used by the other ("from another module or realm"). Resolve it as Node does.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    // expect.poll's 1 s default is missed by a loaded CI machine waiting on a database, Redis or a
    // subscription; a poll that never holds still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['platform/**/*.test.ts', 'gateway/**/*.test.ts', 'subgraphs/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 20_000,
          // Opening PGlite and migrating takes 5–15 s on a busy 2-core machine.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
