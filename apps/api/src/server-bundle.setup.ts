// vitest globalSetup of the server tests: the server they start as a child process, bundled from
// the current sources once per run instead of loaded through tsx at each start. tsx resolved and
// compiled ~300 modules one by one in every server process (~2.3 s of CPU a start, ~1.2 s from the
// bundle); the suites start seven. The bundle is kept between runs while every file it was made
// from is unchanged.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'
import { serverBundle } from '../tsup.config'

/** The environment variable that hands the bundle's path to the test files (server-process.fixture.ts reads it by name). */
export const SERVER_BUNDLE_ENV = 'PAPI_TEST_SERVER_BUNDLE'

const API_DIR = fileURLToPath(new URL('..', import.meta.url))
/** Beside the package's other caches; the test files start `server.js` in it. */
const OUT_DIR = join(API_DIR, 'node_modules/.cache/papi-server-test')
/** What every build reads besides the modules it bundles: its configs, this file, the locked dependency versions. */
const CONFIG_FILES = ['tsup.config.ts', '../../tooling/tsup.js', 'src/server-bundle.setup.ts', '../../pnpm-lock.yaml']
const RECORD = 'build-inputs.json'

type Inputs = Record<string, string>

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('base64')

/**
 * Whether the bundle in `dir` was made from the files as they are now: its record names every file
 * it was made from (each module bundled — apps/api's and the workspace packages' sources — and the
 * configs) and each still has the content it had. A source changed or deleted, or newly imported
 * (its importer changed), a new dependency version (the lockfile) or config makes it false.
 */
function bundledFromCurrentSources(dir: string): boolean {
  const record = join(dir, RECORD)
  if (!existsSync(record) || !existsSync(join(dir, 'server.js'))) return false
  const inputs = JSON.parse(readFileSync(record, 'utf8')) as Inputs
  return Object.entries(inputs).every(([path, hash]) => {
    const file = resolve(API_DIR, path)
    return existsSync(file) && sha256(file) === hash
  })
}

/** Bundles src/server.ts from the sources into `OUT_DIR` (atomically: a run beside this one sees the old bundle or the new). */
async function bundle(): Promise<void> {
  const partial = `${OUT_DIR}.${process.pid}.partial`
  const cwd = process.cwd()
  // tsup resolves entries and the output folder from the working directory.
  process.chdir(API_DIR)
  try {
    await build({ ...serverBundle(relative(API_DIR, partial), { fromSources: true }), config: false })
  } finally {
    process.chdir(cwd)
  }
  const meta = JSON.parse(readFileSync(join(partial, 'metafile-esm.json'), 'utf8')) as { inputs: Record<string, unknown> }
  const files = [...new Set([...Object.keys(meta.inputs), ...CONFIG_FILES])].map((path) => resolve(API_DIR, path))
  const inputs: Inputs = Object.fromEntries(files.sort().map((file) => [relative(API_DIR, file), sha256(file)]))
  writeFileSync(join(partial, RECORD), `${JSON.stringify(inputs, null, 1)}\n`)
  rmSync(OUT_DIR, { recursive: true, force: true })
  renameSync(partial, OUT_DIR)
}

export default async function setup(): Promise<void> {
  if (!bundledFromCurrentSources(OUT_DIR)) await bundle()
  process.env[SERVER_BUNDLE_ENV] = join(OUT_DIR, 'server.js')
}
