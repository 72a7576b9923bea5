import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { type SQL, sql } from 'drizzle-orm'
import { openStore } from './open-store'
import { openPooledPglite } from './pglite-test-pool'
import { PGLITE_TEMPLATE_ENV } from './pglite-template'
import type { Store } from './store'

export { samplePlan, seedSampleProvince } from './sample-province'
export type { SampleProvince } from './sample-province'

/** A database engine the test suites run on; `open` gives a store on a fresh, empty database. */
export interface TestBackend {
  name: 'pglite' | 'postgres'
  open(): Promise<Store>
}

/**
 * The backends to run a suite on: in-memory PGlite always (a clone of the migrated template when
 * the run's globalSetup made one: see pglite-template.ts), plus the PostgreSQL server at
 * `DATABASE_URL` when set (each `open` creates a fresh database there and drops it on close, so
 * test files never see each other's rows). With `PAPI_REQUIRE_POSTGRES=1` and no `DATABASE_URL`,
 * the PostgreSQL backend is still listed and fails to open: CI must not pass by skipping it.
 *
 * @example
 * describe.each(testBackends())('units on $name', (backend) => {
 *   let store: Store
 *   beforeAll(async () => { store = await backend.open() })
 *   afterAll(() => store.close())
 * })
 */
export function testBackends(env: Record<string, string | undefined> = process.env): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'pglite', open: () => openPgliteClone(env) }]
  const url = env.DATABASE_URL?.trim()
  if (url) backends.push({ name: 'postgres', open: () => openFreshPostgres(url) })
  else if (env.PAPI_REQUIRE_POSTGRES === '1') {
    backends.push({
      name: 'postgres',
      open: () => Promise.reject(new Error('PAPI_REQUIRE_POSTGRES=1 but DATABASE_URL is not set: cannot test on PostgreSQL')),
    })
  }
  return backends
}

/**
 * A fresh in-memory PGlite for a suite that runs on PGlite alone: a clone of the run's migrated
 * template when there is one (as `testBackends()` opens them), else an empty database migrated.
 */
export function openPgliteClone(env: Record<string, string | undefined> = process.env): Promise<Store> {
  const { loadDataDir } = pgliteClone(env)
  // A database another test of this process closed comes back reset to the template: see pglite-test-pool.ts.
  return loadDataDir ? openPooledPglite(loadDataDir) : openStore({ dataDir: 'memory://' })
}

/**
 * Makes `dataDir` (new or empty) a PGlite data folder holding the run's migrated template — what a
 * new folder holds once `openStore` has created and migrated it — without starting PGlite: the
 * template's dump is unpacked into it (`tar`; PGlite's dump is a plain tar of the data folder).
 * For tests that hand a folder to a command or a server process: their first open finds a folder
 * (~0.4 s of CPU) instead of making one (initdb and every migration, 3–4 s). Without a template
 * (a run without the globalSetup) the folder is left to be created by its first open.
 * open-store.test.ts keeps creating folders from nothing.
 *
 * @example
 * await templateDataFolder(dataDir)
 * const store = await openStore({ dataDir }) // migrated already: the migrations find nothing to do
 */
export function templateDataFolder(dataDir: string, env: Record<string, string | undefined> = process.env): void {
  const file = env[PGLITE_TEMPLATE_ENV]
  if (!file || !existsSync(file)) return
  mkdirSync(dataDir, { recursive: true })
  if (readdirSync(dataDir).length > 0) throw new Error(`templateDataFolder: ${dataDir} is not empty`)
  // The dump's names start with "/" (the data folder's root): tar extracts them under -C.
  execFileSync('tar', ['-xf', file, '-C', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] })
}

let template: { file: string; dump: Blob } | undefined

/**
 * Where a test PGlite starts: a clone of the migrated template the vitest globalSetup made
 * (pglite-template.ts), read once per test file; without one, an empty database to migrate.
 */
/** The run's migrated template as a PGlite dump, for `openStore({ loadDataDir })`; none in a run without one. */
export function pgliteTemplateDump(env: Record<string, string | undefined> = process.env): Blob | undefined {
  return pgliteClone(env).loadDataDir
}

function pgliteClone(env: Record<string, string | undefined>): { loadDataDir?: Blob } {
  const file = env[PGLITE_TEMPLATE_ENV]
  if (!file || !existsSync(file)) return {}
  if (template?.file !== file) template = { file, dump: new Blob([new Uint8Array(readFileSync(file))]) }
  return { loadDataDir: template.dump }
}

async function openFreshPostgres(url: string): Promise<Store> {
  const name = `papi_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  const target = new URL(url)
  target.pathname = `/${name}`
  const store = await openStore({ databaseUrl: target.toString(), maxConnections: 5 })
  return {
    ...store,
    async close() {
      await store.close()
      const dropper = new pg.Client({ connectionString: url })
      await dropper.connect()
      try {
        await dropper.query(`drop database if exists ${name} with (force)`)
      } finally {
        await dropper.end()
      }
    },
  }
}

/** Tables a refused request may still write (its session, its log-in attempt) or that only count changes. */
const FINGERPRINT_SKIPS = new Set(['sessions', 'login_attempts', 'unit_tree_version'])
/** Tables with an optimistic-concurrency version, summed so an update that should not have happened shows. */
const VERSIONED_TABLES = ['plans', 'reports', 'periods', 'units', 'users', 'scores', 'period_narratives']

/**
 * The tables a store's fingerprint counts, listed at its first fingerprint: the schema is the
 * migrations', which no test changes (the fuzz suites take ~800 fingerprints a run).
 */
const fingerprintTables = new WeakMap<Store, string[]>()

/**
 * A cheap fingerprint of the whole database, for tests that check a refused request changed
 * nothing: the row count of every table (the audit log's included) and the sum of the stored
 * versions, as one string. Sessions and log-in attempts are left out: a refused request may
 * write those.
 *
 * @example
 * const before = await databaseFingerprint(store)
 * // … a request answered 422 …
 * expect(await databaseFingerprint(store)).toBe(before)
 */
export async function databaseFingerprint(store: Store): Promise<string> {
  const rowsOf = async <T>(query: SQL) => ((await store.db.execute(query)) as unknown as { rows: T[] }).rows
  let tables = fingerprintTables.get(store)
  if (!tables) {
    tables = (await rowsOf<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`))
      .map((r) => r.name)
      .filter((name) => !FINGERPRINT_SKIPS.has(name))
    fingerprintTables.set(store, tables)
  }
  const counts = tables.map((name) => `select '${name}' as name, count(*)::int as n from "${name}"`)
  const versions = VERSIONED_TABLES.filter((name) => tables.includes(name)).map(
    (name) => `select '${name}.version' as name, coalesce(sum(version), 0)::int as n from "${name}"`,
  )
  const rows = await rowsOf<{ name: string; n: number }>(sql.raw([...counts, ...versions].join(' union all ')))
  return rows.map((r) => `${r.name}=${r.n}`).join(' ')
}
