import { defineConfig } from 'vitest/config'

// Tests read sources through the "source" export condition, so no build is needed first.
// API suites open a database each (PGlite, and PostgreSQL when DATABASE_URL is set): 30 s per
// test and hook.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
})
