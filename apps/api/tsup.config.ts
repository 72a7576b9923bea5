import { resolve } from 'node:path'
import { inPlace } from '@papi/tooling/source-bundle'
import { papiTsupConfig } from '@papi/tooling/tsup'

/**
 * What goes into the bundle: the code every start loads — the workspace packages the server
 * imports up front and the libraries they stand on (hono, zod, drizzle: ~250 modules that Node
 * resolved and compiled one by one, most of the startup time, #11). Everything else stays a module
 * of its own, loaded from where it is installed: database drivers and their wasm/native parts (pg,
 * PGlite), the request log's pino, and what only some requests load (the document readers and
 * writers — exceljs, docx —, the register, ssh2).
 */
export const BUNDLED =
  /^(@papi\/(api|store|domain|documents\/schemas)|hono|@hono\/[^/]+|zod|drizzle-orm|@asteasolutions\/[^/]+|openapi3-ts|yaml|@zxcvbn-ts\/[^/]+)($|\/)/

export default papiTsupConfig({
  // server.ts is the start command (`node dist/server.js`); nothing imports it, so no .d.ts.
  entry: ['src/server.ts'],
  dts: false,
  // Bundled (see BUNDLED): the server starts in about half the time. tsup's own rule (leave out
  // the package's dependencies) is off; `inPlace` (@papi/tooling/source-bundle) decides: a module
  // left out is imported from where it is installed, and each bundled module's import.meta.url is
  // its own file's again (the store's migrations and PGlite worker, the API docs' swagger-ui
  // assets, the web app's dist are found from the bundle).
  noExternal: [/.*/],
  esbuildPlugins: [inPlace(resolve('dist'), BUNDLED)],
})
