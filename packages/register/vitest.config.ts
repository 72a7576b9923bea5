import { defineConfig } from 'vitest/config'

// Tests read sources through the "source" export condition, so no build is needed first.
// The register tests read the vendored tables (2 MB): 30 s per test.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
})
