// Tests open many PGlite databases, and a new one spends most of its time in initdb and the
// migrations (8–23 s a file on a loaded 2-core machine). This makes one migrated database per
// schema, dumps its data folder to a file once (kept between runs, keyed by the migrations and the
// PGlite version), and test stores start from that dump (`openStore({ loadDataDir })`): a clone.

import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import { MIGRATIONS_FOLDER } from './open-store'

/** The environment variable that hands the template's path from vitest's globalSetup to the test files. */
export const PGLITE_TEMPLATE_ENV = 'PAPI_PGLITE_TEMPLATE'

const CACHE = fileURLToPath(new URL('../node_modules/.cache/papi', import.meta.url))

/**
 * The path of a PGlite data-folder dump (an uncompressed tar) holding an empty, fully migrated
 * papi database; made on first use, then reused while the migrations and PGlite stay the same.
 * Safe to call from several processes at once (the file appears by an atomic rename).
 *
 * @example
 * const store = await openStore({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(await pgliteTemplate())]) })
 */
export async function pgliteTemplate(): Promise<string> {
  const file = join(CACHE, `pglite-${schemaKey()}.tar`)
  if (existsSync(file)) return file
  const client = await PGlite.create()
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER })
    const dump = await client.dumpDataDir('none')
    mkdirSync(CACHE, { recursive: true })
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()))
    renameSync(partial, file)
    // Templates of older schemas are of no further use.
    for (const old of readdirSync(CACHE))
      if (old.startsWith('pglite-') && join(CACHE, old) !== file && old.endsWith('.tar')) rmSync(join(CACHE, old), { force: true })
  } finally {
    await client.close()
  }
  return file
}

/** What the template depends on: every migration file, and the PGlite build that wrote it. */
function schemaKey(): string {
  const hash = createHash('sha256')
  hash.update(readFileSync(fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url))))
  for (const dir of [MIGRATIONS_FOLDER, join(MIGRATIONS_FOLDER, 'meta')]) {
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.sql') && !name.endsWith('.json')) continue
      hash.update(name).update(readFileSync(join(dir, name)))
    }
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * vitest globalSetup: makes (or finds) the template once per run and hands its path to the test
 * files through {@link PGLITE_TEMPLATE_ENV}, where `testBackends()` clones it.
 */
export default async function setup(): Promise<void> {
  process.env[PGLITE_TEMPLATE_ENV] = await pgliteTemplate()
}
