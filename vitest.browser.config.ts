import { defineConfig } from 'vitest/config';

/** Browser journeys: the real server on a fresh database, driven in Chromium (server/platform/browser.ts). */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    env: { TZ: 'UTC' },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
