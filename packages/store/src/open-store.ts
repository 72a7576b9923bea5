import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
// Each driver is loaded only when used: a PostgreSQL server never loads PGlite's WebAssembly
// build, and an embedded PGlite never loads pg (startup to first answer).
import type { PGlite } from '@electric-sql/pglite'
import { lockDataFolder } from './data-folder-lock'
import { forDrizzle } from './pglite-client'
import type { Database } from './database'
import { createStore, type Store } from './store'

/** Where the committed SQL migrations live (packages/store/drizzle), from src/ and dist/ alike. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url))

/** The default PGlite data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = './.papi-data'

/** Any number will do as long as every papi process uses the same: it names the migration lock. */
const MIGRATION_LOCK = 7_267_001

export interface OpenStoreOptions {
  /** `postgres://…`: use that PostgreSQL server. Without it, embedded PGlite. */
  databaseUrl?: string
  /** PGlite data folder (created with its parents); `memory://` keeps the database in memory. */
  dataDir?: string
  /** Largest number of pooled connections to a PostgreSQL server. */
  maxConnections?: number
  /**
   * PGlite only: a data-folder dump (`dumpDataDir`) to start from instead of an empty database —
   * how tests clone one migrated template (pglite-template.ts). Migrations still run after it.
   */
  loadDataDir?: Blob
  /**
   * PGlite only: run the database on a worker thread, so a long statement never holds the caller's
   * event loop (the server sets it: no request waits behind another's query). Off by default: a
   * command or a test has nothing else to answer meanwhile.
   */
  worker?: boolean
}

/**
 * Opens the database and brings its schema up to date with the committed migrations.
 * By default an embedded PGlite in `./.papi-data`; with `databaseUrl`, a PostgreSQL server
 * through a `pg` pool — the same schema, migrations and queries either way.
 *
 * @example
 * const store = await openStore(storeOptionsFromEnv(process.env))
 * const units = await store.units.list()
 * await store.close()
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections)
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR, options.loadDataDir, options.worker ?? false)
}

/**
 * Store options from the environment: `DATABASE_URL` (a PostgreSQL server) or `PAPI_DATA_DIR`
 * (the PGlite folder, `./.papi-data` by default).
 */
export function storeOptionsFromEnv(env: Record<string, string | undefined>): OpenStoreOptions {
  const databaseUrl = env.DATABASE_URL?.trim()
  if (databaseUrl) return { databaseUrl }
  return { dataDir: env.PAPI_DATA_DIR?.trim() || DEFAULT_DATA_DIR }
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined, onWorker: boolean): Promise<Store> {
  const inMemory = dataDir.startsWith('memory://')
  // PGlite does not create the folder's parents itself.
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  // One process per folder: PGlite is single-process, and a second writer loses acknowledged writes.
  const release = inMemory ? () => {} : lockDataFolder(dataDir)
  try {
    const where = { ...(inMemory ? {} : { dataDir }), ...(loadDataDir && { loadDataDir }) }
    // The worker starts first: PGlite boots on its thread while this one loads drizzle (and a
    // server its API).
    const opening = onWorker
      ? import('./pglite-thread').then(({ openPgliteOnThread }) => openPgliteOnThread(where))
      : import('@electric-sql/pglite').then(({ PGlite }) => PGlite.create(where))
    const [{ drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ])
    const client = await opening
    // drizzle's driver calls `query` and `transaction`, which the worker's client serves alike.
    const db = drizzlePglite({ client: (onWorker ? client : forDrizzle(client as PGlite)) as PGlite })
    try {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER })
    } catch (error) {
      await client.close().catch(() => {})
      throw error
    }
    // The only process on this database: it keeps sessions, told of their changes (session-cache.ts).
    return createStore(
      db as unknown as Database,
      'pglite',
      () => client.close().finally(release),
      (channel, onNotice) => client.listen(channel, onNotice),
    )
  } catch (error) {
    release()
    throw error
  }
}

async function openPostgres(databaseUrl: string, max = 10): Promise<Store> {
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ])
  const pool = new pg.Pool({ connectionString: databaseUrl, max })
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  const db = drizzlePg({ client: pool })
  // Several API processes may start at once against one server: migrate one at a time.
  const lock = await pool.connect()
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER })
  } catch (error) {
    lock.release()
    await pool.end()
    throw error
  }
  await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).finally(() => lock.release())
  return createStore(db as unknown as Database, 'postgres', () => pool.end())
}
