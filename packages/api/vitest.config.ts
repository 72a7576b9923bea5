import { papiVitestConfig } from '@papi/tooling/vitest'

// The suites open databases: each test file starts from a clone of the run's migrated PGlite.
// One worker (vitest's default on 2 cores): the suite is ~50 s of CPU now, the robustness battery
// ~20 s of it. A second worker finished it 8 s sooner alone but cost 13 s more CPU (its own app,
// store, PGlite and validators), which `turbo run test` pays while another package's tests run
// beside it: 197 -> 184 s of CPU for the whole run.
export default papiVitestConfig({ database: true })
