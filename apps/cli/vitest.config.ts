import { papiVitestConfig } from '@papi/tooling/vitest'

// The suites open databases: each test file starts from a clone of the run's migrated PGlite. The
// `papi` processes main.test.ts starts run one bundle of the current sources, made once per run
// (added to the shared config's globalSetup: src/cli-bundle.setup.ts).
export default papiVitestConfig({ database: true, test: { globalSetup: ['src/cli-bundle.setup.ts'] } })
