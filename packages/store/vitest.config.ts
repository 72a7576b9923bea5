import { papiVitestConfig } from '@papi/tooling/vitest'

// The suites open databases: each test file starts from a clone of the run's migrated PGlite.
export default papiVitestConfig({ database: true })
