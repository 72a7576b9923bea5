import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { change } from './store.fixture'
import { openStore, storeOptionsFromEnv } from './open-store'
import { testBackends } from './test-backend'

describe('openStore on a PGlite data folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'papi-store-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('creates the folder and its parents, and keeps data across restarts', async () => {
    const dataDir = join(root, 'nested', 'deeper', 'data')
    const first = await openStore({ dataDir })
    await first.units.create(
      { code: 'KG', name: 'UBND tỉnh Kiên Giang', level: 'province', kind: 'people-committee', parentId: null },
      change(),
    )
    await first.close()
    // Migrations run again on every start and must be a no-op the second time.
    const second = await openStore({ dataDir })
    expect((await second.units.list()).map((u) => u.code)).toEqual(['KG'])
    await second.close()
    // The one test that creates a PGlite on disk from nothing (initdb, then every migration) and
    // starts it twice, where the others clone the run's template: CPU-bound, 13 s at a load of 12 and over
    // 30 s on a loaded 2-core machine.
  }, 120_000)
})

describe('storeOptionsFromEnv', () => {
  it('uses DATABASE_URL when set', () => {
    expect(storeOptionsFromEnv({ DATABASE_URL: 'postgres://u@h/db', PAPI_DATA_DIR: '/x' })).toEqual({
      databaseUrl: 'postgres://u@h/db',
    })
  })
  it('falls back to PAPI_DATA_DIR, then ./.papi-data', () => {
    expect(storeOptionsFromEnv({ PAPI_DATA_DIR: '/var/lib/papi' })).toEqual({ dataDir: '/var/lib/papi' })
    expect(storeOptionsFromEnv({})).toEqual({ dataDir: './.papi-data' })
  })
})

describe('testBackends', () => {
  it('runs on PGlite alone without DATABASE_URL', () => {
    expect(testBackends({}).map((b) => b.name)).toEqual(['pglite'])
  })
  it('fails, not skips, PostgreSQL when it is required but not configured', async () => {
    const backends = testBackends({ PAPI_REQUIRE_POSTGRES: '1' })
    expect(backends.map((b) => b.name)).toEqual(['pglite', 'postgres'])
    await expect(backends[1]!.open()).rejects.toThrow(/DATABASE_URL/)
  })
})
