import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { databaseFingerprint, openPgliteClone, seedSampleProvince } from './test-backend'

const CHANGE = { actorId: null, at: new Date('2018-06-10T03:00:00Z') }
const rowsOf = async (store: Awaited<ReturnType<typeof openPgliteClone>>, query: ReturnType<typeof sql>) =>
  ((await store.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows

/** What a test can see of a database beyond its rows: identity counters and the session's settings. */
async function stateOf(store: Awaited<ReturnType<typeof openPgliteClone>>) {
  return {
    fingerprint: await databaseFingerprint(store),
    treeVersion: await rowsOf(store, sql`select * from unit_tree_version`),
    sequences: await rowsOf(store, sql`select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1`),
    timeZone: await rowsOf(store, sql`show timezone`),
    prepared: await rowsOf(store, sql`select count(*)::int as n from pg_prepared_statements`),
  }
}

describe('test stores on PGlite, reused within a process', () => {
  it('a database closed by one test opens for the next as the template: rows, counters, session', async () => {
    const first = await openPgliteClone()
    const fresh = await stateOf(first)
    await seedSampleProvince(first, CHANGE)
    await first.db.execute(sql`set timezone = 'Asia/Ho_Chi_Minh'`)
    await first.db.execute(sql`prepare left_behind as select 1`)
    expect(await stateOf(first)).not.toEqual(fresh)
    await first.close()

    const second = await openPgliteClone()
    try {
      expect(await stateOf(second)).toEqual(fresh)
      expect(await second.units.list()).toEqual([])
      // Identity columns count from the start again, as in a new clone.
      const units = await seedSampleProvince(second, CHANGE)
      expect(Object.keys(units).length).toBeGreaterThan(0)
    } finally {
      await second.close()
    }
  })

  it('a closed store reaches its database no more, as after a real close', async () => {
    const store = await openPgliteClone()
    await store.close()
    const error = await store.units.list().then(
      () => undefined,
      (e: Error) => e,
    )
    expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/PGlite is closed/)
  })
})
