import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@core': fileURLToPath(new URL('./core', import.meta.url)) } },
  test: {
    include: [
      'core/**/*.test.ts',
      'server/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
      'scripts/**/*.test.ts',
    ],
    // PostgreSQL-only tests (a server restart, say) belong to `npm run test:pg`, which sets TEST_DATABASE_URL.
    // That tier leaves out the document readers and writers (server/documents): none of their tests opens a
    // database, so running them again on PostgreSQL would only repeat minutes of OCR and LibreOffice.
    exclude: process.env.TEST_DATABASE_URL
      ? ['**/node_modules/**', 'server/documents/**']
      : ['**/node_modules/**', '**/*.pg.test.ts'],
    // PGlite instances are memory-hungry; two workers fit the 2-core CI machine.
    maxWorkers: 2,
    // Each kind of test database (schema, administrator, demo) is built once per run and copied per test.
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
