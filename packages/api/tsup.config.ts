import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  // index.ts is the API definition (createApp); client.ts the typed client subpath.
  entry: ['src/index.ts', 'src/client.ts'],
})
