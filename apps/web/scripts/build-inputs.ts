import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Where a build of the dashboard records what it was made from: beside the package's other caches
 * (not in dist/, which the server serves), and among turbo's build outputs (turbo.json), so a build
 * restored from turbo's cache brings its record along.
 */
const RECORD = 'node_modules/.cache/papi-web/build-inputs.json'

/** What every build reads besides the modules it bundles: its config and plugins, the locked dependency versions. */
const CONFIG_FILES = ['vite.config.ts', 'scripts/precompress.ts', 'scripts/build-inputs.ts', '../../pnpm-lock.yaml']

type Inputs = Record<string, string>

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('base64')

/** Every file under `dir` (the public folder, copied into the build as it is). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
}

/**
 * Records, once a build is written, the content hash of every file it was made from: each module
 * Vite bundled (the dashboard's sources, the workspace packages' sources it reads through the
 * "source" condition, the dependencies' files), the public folder, the config and the lockfile.
 * {@link builtFromCurrentSources} compares them with the files as they are now.
 */
export function recordBuildInputs(): Plugin {
  let root = ''
  let publicDir = ''
  return {
    name: 'papi:record-build-inputs',
    apply: 'build',
    configResolved(config) {
      root = config.root
      publicDir = config.publicDir
    },
    buildStart() {
      // A build that fails part way leaves no record: the next check builds again.
      rmSync(join(root, RECORD), { force: true })
    },
    writeBundle() {
      const modules = [...this.getModuleIds()]
        .filter((id) => !id.startsWith('\0'))
        .map((id) => id.split('?')[0] as string)
        .filter((path) => isAbsolute(path) && existsSync(path))
      const files = [...new Set([...modules, ...filesUnder(publicDir), ...CONFIG_FILES.map((f) => resolve(root, f))])]
      const inputs: Inputs = Object.fromEntries(files.sort().map((path) => [relative(root, path), sha256(path)]))
      mkdirSync(dirname(join(root, RECORD)), { recursive: true })
      writeFileSync(join(root, RECORD), `${JSON.stringify(inputs, null, 1)}\n`)
    },
  }
}

/**
 * Whether `root`/dist was built from the files as they are now: a record exists, and every file it
 * names still has the content it was built from. A source changed, deleted or newly imported (its
 * importer changed) makes it false; so does a new dependency version (the lockfile) or config.
 *
 * @example
 * if (!builtFromCurrentSources(root)) await build({ root })
 */
export function builtFromCurrentSources(root: string): boolean {
  const record = join(root, RECORD)
  if (!existsSync(record) || !existsSync(join(root, 'dist/index.html'))) return false
  const inputs = JSON.parse(readFileSync(record, 'utf8')) as Inputs
  const files = Object.entries(inputs)
  if (!files.some(([path]) => path === 'index.html')) return false
  return files.every(([path, hash]) => {
    const file = resolve(root, path)
    return existsSync(file) && sha256(file) === hash
  })
}
