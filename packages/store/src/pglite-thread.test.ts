// PGlite on a worker thread (openStore({ worker: true }), what the server uses) answers as PGlite
// on the caller's thread does, and keeps the caller's event loop free while a statement runs (#11).
// Cost: two in-memory PGlite instances (one on its worker) cloned from the run's template, ~2 s.
import { existsSync, readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change } from './store.fixture'
import { openStore } from './open-store'
import { PGLITE_TEMPLATE_ENV } from './pglite-template'
import { storeErrorOf } from './store-error'
import type { Store } from './store'

/** A clone of the migrated template when the run made one (see pglite-template.ts). */
function template(): { loadDataDir?: Blob } {
  const file = process.env[PGLITE_TEMPLATE_ENV]
  return file && existsSync(file) ? { loadDataDir: new Blob([new Uint8Array(readFileSync(file))]) } : {}
}

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows

describe('PGlite on a worker thread', () => {
  let onThread: Store
  let inline: Store
  beforeAll(async () => {
    ;[onThread, inline] = await Promise.all([
      openStore({ dataDir: 'memory://', worker: true, ...template() }),
      openStore({ dataDir: 'memory://', ...template() }),
    ])
  }, 60_000)
  afterAll(async () => {
    await onThread?.close()
    await inline?.close()
  })

  it('answers every type as PGlite on the same thread does (timestamps kept as drizzle reads them)', async () => {
    const query = sql`select timestamptz '2024-06-30 17:00:00+00' as at, date '2024-07-01' as day, 12.5::numeric as n,
      9007199254740993::int8 as big, '{"a":[1,"b"]}'::jsonb as doc, true as yes, null::text as nothing,
      array[timestamptz '2024-01-01 00:00:00+00'] as ats, '\\x0102'::bytea as bytes, 'Kiên Giang' as name`
    expect(rowsOf(await onThread.db.execute(query))).toEqual(rowsOf(await inline.db.execute(query)))
    const unit = { code: 'KG', name: 'UBND tỉnh Kiên Giang', level: 'province', kind: 'people-committee', parentId: null } as const
    const created = await onThread.units.create(unit, change())
    const same = await inline.units.create(unit, change())
    expect({ ...(await onThread.units.get(created.id)), id: '' }).toEqual({ ...(await inline.units.get(same.id)), id: '' })
  })

  it('commits a transaction, and rolls one back when its body fails, savepoints included', async () => {
    await onThread.db.execute(sql`create table thread_t (n int primary key)`)
    await onThread.db.transaction(async (tx) => {
      await tx.execute(sql`insert into thread_t values (1)`)
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into thread_t values (2)`)
          throw new Error('undo the savepoint')
        })
        .catch(() => {})
    })
    await expect(
      onThread.db.transaction(async (tx) => {
        await tx.execute(sql`insert into thread_t values (3)`)
        throw new Error('undo it all')
      }),
    ).rejects.toThrow('undo it all')
    expect(rowsOf(await onThread.db.execute(sql`select n from thread_t order by n`))).toEqual([{ n: 1 }])
  })

  it("keeps the database's error codes: a unique key taken is a conflict", async () => {
    const unit = { code: 'AG', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null } as const
    await onThread.units.create(unit, change())
    const error = await onThread.units.create(unit, change()).catch((e: unknown) => e)
    expect(storeErrorOf(error)?.code).toBe('conflict')
  })

  it("leaves the caller's event loop free while a long statement runs", async () => {
    const gaps: number[] = []
    let last = performance.now()
    const ticks = setInterval(() => {
      const now = performance.now()
      gaps.push(now - last)
      last = now
    }, 10)
    const started = performance.now()
    await onThread.db.execute(sql`select count(*) from generate_series(1, 1000000) a join generate_series(1, 2) b on true`)
    const took = performance.now() - started
    clearInterval(ticks)
    // The statement holds its thread for a while; the timer kept firing meanwhile.
    expect(took).toBeGreaterThan(200)
    expect(Math.max(...gaps)).toBeLessThan(took / 2)
  }, 60_000)
})
