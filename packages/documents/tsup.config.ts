import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  entry: ['src/index.ts', 'src/schemas.ts', 'src/testing/index.ts'],
})
