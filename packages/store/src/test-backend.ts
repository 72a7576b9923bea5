import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { openStore } from './open-store'
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
  const backends: TestBackend[] = [{ name: 'pglite', open: () => openStore({ dataDir: 'memory://', ...pgliteClone(env) }) }]
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

let template: { file: string; dump: Blob } | undefined

/**
 * Where a test PGlite starts: a clone of the migrated template the vitest globalSetup made
 * (pglite-template.ts), read once per test file; without one, an empty database to migrate.
 */
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
