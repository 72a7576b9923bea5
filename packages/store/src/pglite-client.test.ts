import type { PGlite, QueryOptions } from '@electric-sql/pglite'
import { NoopCache } from 'drizzle-orm/cache/core'
import { NoopLogger } from 'drizzle-orm/logger'
import { PglitePreparedQuery } from 'drizzle-orm/pglite/session'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRIZZLE_TEXT_TYPES, type DrizzlePgliteClient, namesTextTypesOnly } from './pglite-client'
import type { Store } from './store'
import { openPgliteClone } from './test-backend'

/** The options drizzle's PGlite driver gives a statement: with its fields (`queryConfig`) and without (`rawQueryConfig`). */
function drizzleOptions(text: string): { queryConfig: QueryOptions; rawQueryConfig: QueryOptions } {
  const statement = new PglitePreparedQuery(
    undefined as unknown as PGlite,
    text,
    [],
    new NoopLogger(),
    new NoopCache(),
    undefined,
    undefined,
    undefined,
    undefined,
    false,
  )
  return statement as unknown as { queryConfig: QueryOptions; rawQueryConfig: QueryOptions }
}

describe('the PGlite client drizzle is given', () => {
  let store: Store
  beforeAll(async () => {
    store = await openPgliteClone()
  })
  afterAll(() => store?.close())

  it("names drizzle's text types: the parsers drizzle's driver gives every statement, each keeping the text", () => {
    const statement = drizzleOptions('select 1')
    for (const config of [statement.queryConfig, statement.rawQueryConfig]) {
      const parsers = config.parsers as Record<number, (value: string, type: number) => unknown>
      expect(Object.keys(parsers).map(Number).sort()).toEqual([...DRIZZLE_TEXT_TYPES].sort())
      for (const [type, parser] of Object.entries(parsers))
        expect(parser('2018-06-01 03:00:00+00', Number(type))).toBe('2018-06-01 03:00:00+00')
      expect(namesTextTypesOnly(config.parsers)).toBe(true)
    }
    expect(namesTextTypesOnly(undefined)).toBe(false)
    expect(namesTextTypesOnly({ [DRIZZLE_TEXT_TYPES[0]!]: (v) => v })).toBe(false)
    expect(namesTextTypesOnly({ ...statement.queryConfig.parsers, 23: (v) => v })).toBe(false)
  })

  it('reads rows as drizzle asks, dates and timestamps as text, in a transaction too; other parsers still apply', async () => {
    // The store's own client (forDrizzle over its PGlite).
    const client = (store.db as unknown as { $client: DrizzlePgliteClient }).$client
    const text = `select timestamptz '2018-06-01 03:00:00+00' as at, date '2018-06-30' as day, interval '1 day' as span,
      array[timestamp '2018-06-01 03:00:00'] as ats, 2 as n, true as yes, '{"a":1}'::json as doc`
    const { queryConfig } = drizzleOptions(text)
    const rows = [['2018-06-01 03:00:00+00', '2018-06-30', '1 day', '{"2018-06-01 03:00:00"}', 2, true, { a: 1 }]]
    expect((await client.query(text, [], queryConfig)).rows).toEqual(rows)
    expect(await client.transaction((tx) => tx.query(text, [], queryConfig))).toMatchObject({ rows })
    const counted = await client.query<{ n: string }>('select 2 as n', [], { parsers: { 23: (value) => `#${value}` } })
    expect(counted.rows).toEqual([{ n: '#2' }])
  })
})
