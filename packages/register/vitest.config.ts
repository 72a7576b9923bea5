import { papiVitestConfig } from '@papi/tooling/vitest'

// The register tests read the vendored tables (2 MB): 30 s per test and hook.
export default papiVitestConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } })
