import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  // The worker is its own file: readPlanDocumentInWorker starts dist/plan-reader-worker.js.
  entry: ['src/index.ts', 'src/schemas.ts', 'src/reading.ts', 'src/testing/index.ts', 'src/plan-reader-worker.ts'],
})
