// @ts-check
// The vitest config every package starts from (plain JS so vitest and tsup load it without a
// TypeScript step; types in vitest.d.ts).
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'vitest/config'

/** vitest globalSetup that migrates one PGlite database per run; test stores clone it. */
export const PGLITE_TEMPLATE_SETUP = fileURLToPath(new URL('../packages/store/src/pglite-template.ts', import.meta.url))

/**
 * @param {import('./vitest').PapiVitestOptions} [options]
 * @returns {import('vitest/config').ViteUserConfig}
 */
export function papiVitestConfig(options = {}) {
  const { database = false, ...overrides } = options
  return mergeConfig(
    defineConfig({
      // Tests read workspace packages' sources through the "source" export condition: no build first.
      resolve: { conditions: ['source'] },
      ssr: { resolve: { conditions: ['source'] } },
      // globalSetup files (the PGlite template) run in vitest's own environment, which takes its
      // conditions from here, not from `resolve`/`ssr`: without it they need built dist/ folders.
      environments: { __vitest__: { resolve: { conditions: ['source'] } } },
      test: {
        include: ['src/**/*.test.ts'],
        // One worker process runs a package's test files one after another (vitest's default on
        // 2 cores is one worker per package) without starting afresh for each: the app, the store,
        // zod schemas and PGlite's compiled WebAssembly are loaded once per package instead of once
        // per file (the API suite: ~240 s of CPU → ~135 s). Files still open their own stores;
        // nothing a test file sets up is shared (no vi.mock, no global stubs in these suites).
        isolate: false,
        // vitest's 5 s is too short on a loaded 2-core machine (documents written and re-read).
        testTimeout: 30_000,
        // Hooks that read the national register (17 065 units) or open a database take 2–3 s on a
        // quiet machine and passed vitest's 10 s under CI load (scoped-match's beforeAll did).
        hookTimeout: 60_000,
        // Suites that open a database (PGlite, and PostgreSQL when DATABASE_URL is set) start from
        // the run's migrated template; a database per file still takes seconds on a loaded machine.
        ...(database ? { globalSetup: [PGLITE_TEMPLATE_SETUP] } : {}),
        // Each file's transformed code is kept on disk (node_modules/.experimental-vitest-cache,
        // keyed by the file's content and the config) and reused by the next run: a package's
        // transforms (1–4 s of CPU each) are done once per change, not once per run.
        // `npx vitest --clearCache` empties it.
        experimental: { fsModuleCache: true },
      },
    }),
    overrides,
  )
}
