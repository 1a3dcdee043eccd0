import { defineConfig } from 'vitest/config';

/** Browser journeys: the real server on a fresh database, driven in Chromium (server/platform/browser.ts). */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/support/browser-global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    // one module load for the whole run (about 5 s a file otherwise): each file starts its own
    // server, database copy and browser, and closes them
    isolate: false,
    // journeys walk several sections of the case page; on a loaded 2-core machine one took over 60 s
    testTimeout: 150_000,
    // expect.poll waits for what the page shows: its default second is too short for a loaded machine
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 90_000,
    env: { TZ: 'UTC' },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
