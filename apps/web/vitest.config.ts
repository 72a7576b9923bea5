import { defaultClientConditions } from 'vite'
import solid from 'vite-plugin-solid'
import { defineConfig } from 'vitest/config'

// Two projects, both run by `pnpm test`:
// - unit: components and logic in jsdom, reading workspace packages from src/ ("source" condition);
// - dist: the built dashboard — bundle budget and end-to-end flows in real Chromium against the
//   API server on a fresh embedded database. Its global setup builds dist/ once.
export default defineConfig({
  test: {
    // Transformed modules kept between runs, as in the other packages (tooling/vitest.js).
    experimental: { fsModuleCache: true },
    projects: [
      {
        plugins: [solid()],
        resolve: { conditions: ['source', ...defaultClientConditions] },
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          setupFiles: ['src/test/setup.ts'],
          // vitest's 5 s passed a jsdom page test (plan-page) while the whole workspace's tests
          // shared the 2 cores (turbo run test): the shared config's 30 s, as elsewhere.
          testTimeout: 30_000,
          // One jsdom and one module graph (Solid, the pages, the i18n tables) for all files, not one
          // per file, as the other packages' tests do (tooling/vitest.js): 36 s → 8 s of CPU. Each
          // test unmounts what it rendered (setup.ts); the files pass in any order (--sequence.shuffle).
          isolate: false,
        },
      },
      {
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'dist',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page answers in a moment on a quiet machine and in seconds on a loaded CI runner:
          // expect.poll's 1 s default failed a journey whose data was simply still loading.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
          // One module graph for the files (run one after another anyway): playwright-core, axe and
          // the harness load once, not once per file — without Chromium the twelve skipped journeys
          // still imported them, ~6 s of CPU. Each journey starts its own server and browser in its
          // describe block; the files keep no state at module level and stub nothing.
          isolate: false,
        },
      },
    ],
  },
})
