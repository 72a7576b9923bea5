// @ts-check
// Bundles an app's entry from the current sources for tests that start it as a child process (the
// server, the `papi` command), instead of starting it through tsx each time: tsx resolves and
// compiles the ~300 modules of the workspace one by one in every process. Types in source-bundle.d.ts.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { join, relative, resolve, sep } from 'node:path'
import { build } from 'tsup'

/** @typedef {NonNullable<import('tsup').Options['esbuildPlugins']>[number]} EsbuildPlugin */

const SKIP = Symbol('resolving')
const RECORD = 'build-inputs.json'

/**
 * Keeps the bundle's modules where they were, for what they find from there:
 * - a module left out of the bundle (not matching `bundled`) is imported by its path relative to
 *   the bundle, resolved from the module that imports it (as Node would);
 * - each bundled module's `import.meta.url` is its own file's URL again (as a URL relative to the
 *   bundle's), so the files it finds beside itself (migrations, workers, assets, data) are found
 *   from the bundle too.
 *
 * @param {string} outDir the bundle's folder, absolute
 * @param {RegExp} bundled the import specifiers whose modules go into the bundle
 * @returns {EsbuildPlugin}
 */
export function inPlace(outDir, bundled) {
  /** @param {string} file a path from the bundle's folder, as an import specifier or a URL relative to the bundle */
  const fromBundle = (file) => {
    const path = relative(outDir, file).split(sep).join('/')
    return path.startsWith('.') ? path : `./${path}`
  }
  return {
    name: 'papi-in-place',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === SKIP || bundled.test(args.path)) return undefined
        if (isBuiltin(args.path)) return { external: true }
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: SKIP,
        })
        if (found.errors.length > 0) return { errors: found.errors }
        return { path: fromBundle(found.path), external: true }
      })
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8')
        if (!text.includes('import.meta.url')) return undefined
        const own = `new URL(${JSON.stringify(fromBundle(args.path))}, import.meta.url).href`
        const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js'
        return { contents: text.replaceAll('import.meta.url', own), loader, resolveDir: resolve(args.path, '..') }
      })
    },
  }
}

/** @param {string} path */
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('base64')

/**
 * Whether the bundle in `dir` was made from the files as they are now: its record names every file
 * it was made from and each still has the content it had. A source changed or deleted, or newly
 * imported (its importer changed), a new dependency version (the lockfile) or config makes it false.
 *
 * @param {string} root the package folder the record's paths are relative to
 * @param {string} dir
 * @param {string} entry the bundle's entry file name (`server.js`)
 */
function bundledFromCurrentSources(root, dir, entry) {
  const record = join(dir, RECORD)
  if (!existsSync(record) || !existsSync(join(dir, entry))) return false
  /** @type {Record<string, string>} */
  const inputs = JSON.parse(readFileSync(record, 'utf8'))
  return Object.entries(inputs).every(([path, hash]) => {
    const file = resolve(root, path)
    return existsSync(file) && sha256(file) === hash
  })
}

/**
 * The path of a bundle of `root`/`entry` made from the current sources: every workspace package
 * (`@papi/*`) read through the "source" export condition, as tsx runs them, and bundled; everything
 * else imported where it is installed. Kept in `root`/node_modules/.cache/`name` with the content
 * hash of every file it was made from (esbuild's metafile inputs, `configFiles`, the lockfile), and
 * made again only when one of them changed. For a vitest globalSetup (tsup resolves from the
 * working directory: it changes it to `root` while it builds).
 *
 * @example
 * process.env.PAPI_TEST_SERVER_BUNDLE = await sourceBundle({ root, entry: 'src/server.ts', name: 'papi-server-test', configFiles: [] })
 *
 * @param {{ root: string, entry: string, name: string, configFiles: string[], bundled?: RegExp, options?: import('tsup').Options }} bundle
 *   `configFiles`: what else the build reads (relative to `root`); `bundled`: the import specifiers
 *   bundled besides the workspace packages' (say, libraries every start loads); `options`: tsup
 *   options merged over these
 * @returns {Promise<string>}
 */
export async function sourceBundle({ root, entry, name, configFiles, bundled, options = {} }) {
  const outDir = join(root, 'node_modules/.cache', name)
  const file = `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}.js`
  if (bundledFromCurrentSources(root, outDir, file)) return join(outDir, file)
  // Written beside and renamed: a run beside this one sees the old bundle or the new.
  const partial = `${outDir}.${process.pid}.partial`
  const cwd = process.cwd()
  process.chdir(root)
  try {
    await build({
      entry: [entry],
      outDir: partial,
      format: ['esm'],
      target: 'es2022',
      noExternal: [/.*/],
      esbuildPlugins: [inPlace(partial, bundled ? new RegExp(`^@papi/|${bundled.source}`) : /^@papi\//)],
      esbuildOptions(esbuild) {
        esbuild.conditions = ['source']
      },
      metafile: true,
      silent: true,
      config: false,
      ...options,
    })
  } finally {
    process.chdir(cwd)
  }
  /** @type {{ inputs: Record<string, unknown> }} */
  const meta = JSON.parse(readFileSync(join(partial, 'metafile-esm.json'), 'utf8'))
  const here = new URL(import.meta.url).pathname
  const files = [...Object.keys(meta.inputs), ...configFiles, here, join(here, '../../pnpm-lock.yaml')].map((path) => resolve(root, path))
  const inputs = Object.fromEntries([...new Set(files)].sort().map((path) => [relative(root, path), sha256(path)]))
  writeFileSync(join(partial, RECORD), `${JSON.stringify(inputs, null, 1)}\n`)
  rmSync(outDir, { recursive: true, force: true })
  renameSync(partial, outDir)
  return join(outDir, file)
}
