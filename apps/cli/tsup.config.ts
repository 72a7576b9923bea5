import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  entry: ['src/main.ts'],
})
