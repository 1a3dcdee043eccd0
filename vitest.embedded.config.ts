import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The API suite's checks of the database engine, on the embedded PGlite database: the cross-cutting
 * files (every route by role, every write route's bodies, migrations, start-up, row-level security
 * and tenancy, jobs, backup and restore, characters PostgreSQL refuses) and the demo data of every
 * module. CI runs the whole API suite on the PostgreSQL server and the browser journeys on PGlite
 * (`DATABASE_URL=… npm test`), then these (`npm run test:api:embedded`); `npm test` without
 * DATABASE_URL runs the whole API suite on PGlite.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/api/**/*.test.ts',
      'server/modules/demo/**/*.test.ts',
      'server/modules/*/demo/**/*.test.ts',
      'server/modules/*/*/*.demo.test.ts',
      'server/platform/db/**/*.test.ts',
    ],
  },
});
