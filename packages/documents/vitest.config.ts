import { defineConfig } from 'vitest/config'

// Tests read sources through the "source" export condition, so no build is needed first.
// Writing and re-reading a .docx/.xlsx takes about a second alone but several on a loaded
// 2-core machine: 30 s per test, like the database suites, rather than vitest's 5 s.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
})
