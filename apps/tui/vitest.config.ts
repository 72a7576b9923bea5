import { papiVitestConfig } from '@papi/tooling/vitest'

// Ink screens are .tsx: their tests too. The screens' tests open stores cloned from the run's
// migrated PGlite template (database: true).
export default papiVitestConfig({ database: true, test: { include: ['src/**/*.test.{ts,tsx}'], hookTimeout: 60_000 } })
