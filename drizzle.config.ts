import { defineConfig } from 'drizzle-kit';

// `drizzle-kit generate` only diffs the schema into SQL files; `relance migrate`
// applies them (to PostgreSQL or the embedded PGlite database).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
});
