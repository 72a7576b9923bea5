// vitest globalSetup of the server tests: the server they start as a child process is one bundle of
// the current sources, made once per run (and kept while they are unchanged) instead of loaded
// through tsx at each start: ~2.3 s of CPU a start through tsx, ~1.2 s from the bundle; the suites
// start seven. See @papi/tooling/source-bundle.
import { fileURLToPath } from 'node:url'
import { sourceBundle } from '@papi/tooling/source-bundle'
import { BUNDLED } from '../tsup.config'

export default async function setup(): Promise<void> {
  // server-process.fixture.ts reads it by name (importing this file would load tsup).
  process.env.PAPI_TEST_SERVER_BUNDLE = await sourceBundle({
    root: fileURLToPath(new URL('..', import.meta.url)),
    entry: 'src/server.ts',
    name: 'papi-server-test',
    // Libraries every start loads are bundled too, as in dist/ (tsup.config.ts).
    bundled: BUNDLED,
    configFiles: ['tsup.config.ts', 'src/server-bundle.setup.ts'],
    options: { sourcemap: false },
  })
}
