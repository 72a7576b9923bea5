import { papiTsupConfig } from '@papi/tooling/tsup'

export default papiTsupConfig({
  // server.ts is the start command (`node dist/server.js`); nothing imports it, so no .d.ts.
  entry: ['src/server.ts'],
  dts: false,
})
