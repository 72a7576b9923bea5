import { papiVitestConfig } from '@papi/tooling/vitest'

// The suites open databases: each test file starts from a clone of the run's migrated PGlite.
// Two workers: the suite is ~100 s of CPU, the robustness battery ~45 s and the permission matrix
// ~20 s of it; in one worker it ran on one core to the end of `turbo run test` (2 cores), the other
// core finishing the remaining packages. Each worker loads the app and the store once (~4 s more).
export default papiVitestConfig({ database: true, test: { maxWorkers: 2 } })
