import { defineConfig } from 'drizzle-kit'

// `drizzle-kit generate` writes the SQL migrations under ./drizzle; they are committed and
// applied at start-up by the drizzle migrator of whichever driver is in use (PGlite or pg).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
})
