import { copyFileSync } from 'node:fs'
import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  entry: ['src/index.ts'],
  // The OpenAPI document ships beside the code (`@papi/client/openapi.json`) for other generators.
  onSuccess: async () => copyFileSync('src/generated/openapi.json', 'dist/openapi.json'),
})
