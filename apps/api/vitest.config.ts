import { papiVitestConfig } from '@papi/tooling/vitest'

// The suites open databases: each test file starts from a clone of the run's migrated PGlite. The
// servers they start as child processes run one bundle of the current sources, made once per run
// (added to the shared config's globalSetup: src/server-bundle.setup.ts).
export default papiVitestConfig({ database: true, test: { globalSetup: ['src/server-bundle.setup.ts'] } })
