import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**', 'dist/**'],
    globalSetup: ['tests/support/global-setup.ts'],
    // only loopback connections: anything else throws (decision 0009)
    setupFiles: ['tests/support/no-network.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    // the files of a worker share one process and its module cache: each file still opens its own
    // database copy, and no test mocks modules or changes the environment; loading the server's
    // modules once per worker instead of once per file took the suite from 800 s to about 330 s
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
