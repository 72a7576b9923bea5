import { papiVitestConfig } from '@papi/tooling/vitest'

// Ink screens are .tsx: their tests too. 30 s per hook, as before.
export default papiVitestConfig({ test: { include: ['src/**/*.test.{ts,tsx}'], hookTimeout: 30_000 } })
