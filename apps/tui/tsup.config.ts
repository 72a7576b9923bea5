import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  entry: ['src/index.ts'],
})
