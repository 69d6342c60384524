import { defineConfig } from 'vitest/config';

// Every integration test runs on embedded PGlite; with TEST_DATABASE_URL the same tests run
// again against that PostgreSQL server.
const base = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    projects: [
      { test: { ...base, name: 'pglite', env: { TEST_DB: 'pglite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...base, name: 'postgres', env: { TEST_DB: 'postgres' } } }]
        : []),
    ],
  },
});
