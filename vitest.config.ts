import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['platform/**/*.test.ts', 'gateway/**/*.test.ts', 'subgraphs/**/*.test.ts'],
          testTimeout: 20_000,
          // Opening PGlite and migrating takes 5–15 s on a busy 2-core machine.
          hookTimeout: 60_000,
        },
      },
      {
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
