// vitest globalSetup of the CLI tests: the `papi` processes main.test.ts starts run one bundle of
// the current sources, made once per run (and kept while they are unchanged), instead of loading
// them through tsx in each process: ~1.4 s of CPU a `papi import --dry-run` through tsx, ~0.6 s
// from a bundle. See @papi/tooling/source-bundle.
import { fileURLToPath } from 'node:url'
import { sourceBundle } from '@papi/tooling/source-bundle'

export default async function setup(): Promise<void> {
  // main.test.ts reads it by name (importing this file would load tsup).
  process.env.PAPI_TEST_CLI_BUNDLE = await sourceBundle({
    root: fileURLToPath(new URL('..', import.meta.url)),
    entry: 'src/main.ts',
    name: 'papi-cli-test',
    configFiles: ['src/cli-bundle.setup.ts'],
  })
}
