import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are SQL files committed in server/db/migrations and applied by
// the app at startup (server/db/migrate.ts). Never `push`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
