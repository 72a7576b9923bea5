// #10 hole 5, score tables: a table at the limits (10 000 rows, near the 10 MB upload cap) must
// not hold the server's event loop while it is read. The CSV is parsed on the documents' worker
// thread (readScoreCsvInWorker), as plan documents are; this measures the longest gap between
// health checks answered while one such table is uploaded. PGlite only: the event loop is the
// server's, whatever the database.
import { DOCUMENT_LIMITS } from '@papi/documents'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './app.fixture'

/** A score table at the row limit, each row padded by a note column to about 1 KB (≈ 9.8 MB). */
function cappedTable(): string {
  const note = 'ghi chú '.repeat(100)
  const rows = Array.from(
    { length: DOCUMENT_LIMITS.rows },
    (_, i) => `KG,${(30 + (i % 100) / 10).toFixed(2)},${1 + (i % 63)},63,"${note}${i}"`,
  )
  return ['unit,total,rank,rankOf,note', ...rows].join('\n')
}

describe.each(testBackends().slice(0, 1))('a capped score table and the event loop on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  it('health checks keep being answered while a 10 000-row table is read', async () => {
    const table = cappedTable()
    // Warm up: the worker and the readers load on first use.
    await t.app.request('/api/v1/scores/import?frameworkId=papi-2009&year=2017&dryRun=true', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${planner}` },
      body: 'unit,total\nKG,40',
    })
    const started = performance.now()
    let finished = false
    const upload = Promise.resolve(
      t.app.request('/api/v1/scores/import?frameworkId=papi-2009&year=2017&dryRun=true', {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${planner}` },
        body: table,
      }),
    ).finally(() => {
      finished = true
    })
    const answeredAt: number[] = [started]
    while (!finished) {
      // A timer, then a health check: both wait for the event loop.
      await new Promise((r) => setTimeout(r, 5))
      if ((await t.app.request('/api/health')).ok) answeredAt.push(performance.now())
    }
    const res = await upload
    const ended = performance.now()
    answeredAt.push(ended)
    const gaps = answeredAt.slice(1).map((at, i) => at - (answeredAt[i] as number))
    const worstGap = Math.max(...gaps)
    const body = (await res.json()) as { results?: unknown[] }
    console.info(
      `score table ${(Buffer.byteLength(table) / 2 ** 20).toFixed(1)} MB, ${DOCUMENT_LIMITS.rows} rows: answered ${res.status} in ${Math.round(ended - started)} ms; ` +
        `${answeredAt.length - 2} health checks answered meanwhile, longest gap ${Math.round(worstGap)} ms`,
    )
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200)
    expect(body.results).toHaveLength(DOCUMENT_LIMITS.rows)
    // Parsing on the worker, the loop is held only for the short steps around it.
    expect(worstGap).toBeLessThan((ended - started) * 0.75)
  }, 120_000)
})
