import { readFile } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { relative, resolve, sep } from 'node:path'
import { papiTsupConfig } from '@papi/tooling/tsup'
import type { Options } from 'tsup'

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number]

/**
 * What goes into the bundle: the code every start loads — the workspace packages the server
 * imports up front and the libraries they stand on (hono, zod, drizzle: ~250 modules that Node
 * resolved and compiled one by one, most of the startup time, #11). Everything else stays a module
 * of its own, loaded from where it is installed: database drivers and their wasm/native parts (pg,
 * PGlite), the request log's pino, and what only some requests load (the document readers and
 * writers — exceljs, docx —, the register, ssh2).
 */
const BUNDLED =
  /^(@papi\/(api|store|domain|documents\/schemas)|hono|@hono\/[^/]+|zod|drizzle-orm|@asteasolutions\/[^/]+|openapi3-ts|yaml|@zxcvbn-ts\/[^/]+)($|\/)/

/** The test bundle's: every workspace package too, read from its sources (see {@link serverBundle}). */
const BUNDLED_FROM_SOURCES = new RegExp(`^@papi/|${BUNDLED.source}`)

const SKIP = Symbol('resolving')

/**
 * Keeps the bundle's modules where they were, for what they find from there:
 * - a module left out of the bundle is imported by its path relative to the bundle, resolved from
 *   the module that imports it (as Node would: apps/api need not list its packages' packages);
 * - each bundled module's `import.meta.url` is its own file's URL again (as a URL relative to the
 *   bundle's), so the files it finds beside itself — the store's migrations and PGlite worker,
 *   the API docs' swagger-ui assets, the web app's dist — are found from the bundle too.
 */
function inPlace(outDir: string, bundled: RegExp): EsbuildPlugin {
  /** A path from the bundle's folder, as an import specifier or a URL relative to the bundle. */
  const fromBundle = (file: string) => {
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

/**
 * The server's bundle, written to `outDir` (relative to apps/api, where tsup runs). `dist/` is
 * built from the workspace packages' built `dist/` folders, as it ships. With `fromSources`, the
 * bundle the server tests start (server-bundle.setup.ts): every workspace package is read from its
 * sources (the "source" export condition, as tsx runs them) and bundled, so it tests the files as
 * they are, built or not; no source maps; esbuild's metafile lists what went in.
 */
export function serverBundle(outDir: string, { fromSources = false } = {}) {
  return papiTsupConfig({
    // server.ts is the start command (`node dist/server.js`); nothing imports it, so no .d.ts.
    entry: ['src/server.ts'],
    outDir,
    dts: false,
    // Bundled (see BUNDLED): the server starts in about half the time. tsup's own rule (leave out
    // the package's dependencies) is off; `inPlace` decides.
    noExternal: [/.*/],
    esbuildPlugins: [inPlace(resolve(outDir), fromSources ? BUNDLED_FROM_SOURCES : BUNDLED)],
    ...(fromSources && {
      sourcemap: false,
      metafile: true,
      silent: true,
      esbuildOptions(options) {
        options.conditions = ['source']
      },
    }),
  })
}

export default serverBundle('dist')
