import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  // The PGlite worker is its own file, plain JavaScript (no .d.ts): openPgliteOnThread starts dist/pglite-worker.js.
  entry: ['src/index.ts', 'src/test-backend.ts', 'src/pglite-worker.js'],
  dts: { entry: ['src/index.ts', 'src/test-backend.ts'] },
})
