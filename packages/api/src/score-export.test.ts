import { frameworkById } from '@papi/domain'
import { readCsv } from '@papi/documents/testing'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './app.fixture'

const papi2018 = frameworkById('papi-2018')!
const keys = papi2018.dimensions.map((d) => d.key)

describe.each(testBackends())('scores as CSV, out and back in, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  const importCsv = (csv: string, dryRun = false) =>
    t.call('POST', `/api/v1/scores/import?frameworkId=papi-2018&year=2018${dryRun ? '&dryRun=true' : '&version=0'}`, {
      token: planner,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    })
  const exportCsv = async (query: string, token: string | null = planner) => {
    const res = await t.app.request(`/api/v1/scores/export?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
  }

  it('exports what was imported in the format the import reads, and imports back to the same results', async () => {
    // As Excel writes it under a Vietnamese locale: semicolons, decimal commas; ranks for some dimensions only.
    const csv = [
      `unit;total;rank;rankOf;${keys.join(';')};${keys[0]}.rank`,
      `KG;42,5411;30;63;${keys.map((_, i) => (5 + i / 10 + 0.0176).toFixed(4).replace('.', ',')).join(';')};12`,
      `KG-SNV;40,1;;;${keys.map(() => '').join(';')};`,
    ].join('\n')
    const first = await importCsv(csv)
    expect(first.status, first.text).toBe(201)

    const out = await exportCsv('frameworkId=papi-2018&year=2018')
    expect(out.status).toBe(200)
    expect(out.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(out.headers.get('content-disposition')).toContain('filename="papi-2018-2018.csv"')
    const rows = readCsv(out.bytes)
    expect(rows[0]).toEqual(['unit', 'total', 'rank', 'rankOf', keys[0], `${keys[0]}.rank`, ...keys.slice(1)])
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['KG', '42.5411', '30', '63', '5.0176', '12'],
      ['KG-SNV', '40.1', '', '', '', ''],
    ])

    const again = await importCsv(new TextDecoder().decode(out.bytes), true)
    expect(again.status, again.text).toBe(200)
    expect(again.body.results).toEqual(first.body.results)
  })

  it('exports the header alone for a year without results', async () => {
    const out = await exportCsv('frameworkId=papi-2018&year=2019')
    expect(readCsv(out.bytes)).toEqual([['unit', 'total', 'rank', 'rankOf']])
  })

  it.each([
    ['an unknown framework', 'frameworkId=papi-1999&year=2018', 422],
    ['no year', 'frameworkId=papi-2018', 422],
    ['a year that is not one', 'frameworkId=papi-2018&year=next', 422],
  ])('answers %s with 422 in the one error shape', async (_, query, status) => {
    const out = await exportCsv(query)
    expect(out.status).toBe(status)
    expect(JSON.parse(new TextDecoder().decode(out.bytes)).error.code).toBe('invalid')
  })

  it('lists the rows naming provinces papi does not hold instead of refusing the table, and stores the rest', async () => {
    const csv = ['unit,total,rank,rankOf', 'KG,38.1,40,63', 'Atlantis,30,63,63', 'Hồ Chí Minh,41.2,20,63'].join('\n')
    const res = await t.call('POST', '/api/v1/scores/import?frameworkId=papi-2019&year=2019&version=0', {
      token: planner,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    })
    expect(res.status, res.text).toBe(201)
    expect(res.body.saved.map((s: { unitId: string }) => s.unitId)).toEqual([t.units.kg.id])
    expect(res.body.unmatched).toEqual([
      { line: 3, unit: 'Atlantis', reason: 'unknown-province' },
      { line: 4, unit: 'Hồ Chí Minh', reason: 'unknown-province' },
    ])
  })

  it('answers each score with its band, change and points to a target rank, computed by the domain', async () => {
    const res = await t.call('GET', `/api/v1/scores?unitId=${t.units.kg.id}&index=papi&targetRank=30`, { token: planner })
    expect(res.status).toBe(200)
    const [y2018, y2019] = res.body as { year: number; figures: Record<string, unknown> }[]
    expect(y2018?.figures).toMatchObject({ band: 'high-average' })
    expect(y2019?.figures).toMatchObject({ band: 'low-average', previousYear: 2018, rankChange: -10 })
    expect(y2019?.figures.scoreChange).toBeCloseTo(38.1 - 42.5411, 4)
  })

  it('refuses a typed result that does not fit its framework, each issue worded and pointing at its field', async () => {
    const res = await t.call('POST', '/api/v1/scores', {
      token: planner,
      body: { unitId: t.units.kg.id, frameworkId: 'papi-2018', year: 2018, total: 95, rank: 70, rankOf: 63, dimensions: [], version: 0 },
      headers: { 'accept-language': 'vi' },
    })
    expect(res.status).toBe(422)
    const issues = (res.body as { error: { details: { issues: { path: unknown[]; message: string }[] } } }).error.details.issues
    expect(issues.find((i) => i.path[0] === 'total')?.message).toBe('Tổng điểm vượt mức tối đa (95 / 80)')
    expect(issues.find((i) => i.path[0] === 'rank')?.message).toMatch(/^Thứ hạng ngoài phạm vi/)
  })

  it('keeps a year a unit was not ranked in: answered by GET /scores/not-ranked, out to CSV and back', async () => {
    const csv = ['unit,total,rank,rankOf,notRanked,note', 'KG,,,,true,not assessed in 2020'].join('\n')
    const res = await t.call('POST', '/api/v1/scores/import?frameworkId=papi-2019&year=2020&version=0', {
      token: planner,
      raw: csv,
      headers: { 'content-type': 'text/csv' },
    })
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({ saved: [], notRanked: [{ unitId: t.units.kg.id, year: 2020, note: 'not assessed in 2020' }] })

    // No result with a made-up total: GET /scores has nothing that year, the not-ranked list says so.
    expect(
      (await t.call('GET', `/api/v1/scores?unitId=${t.units.kg.id}&frameworkId=papi-2019&year=2020`, { token: planner })).body,
    ).toEqual([])
    const listed = await t.call('GET', `/api/v1/scores/not-ranked?unitId=${t.units.kg.id}&index=papi`, { token: planner })
    expect(listed.status).toBe(200)
    expect(listed.body).toEqual([
      expect.objectContaining({ unitId: t.units.kg.id, frameworkId: 'papi-2019', index: 'papi', year: 2020, notRanked: true }),
    ])

    const out = await exportCsv('frameworkId=papi-2019&year=2020')
    expect(readCsv(out.bytes)).toEqual([
      ['unit', 'total', 'rank', 'rankOf', 'notRanked', 'note'],
      ['KG', '', '', '', 'true', 'not assessed in 2020'],
    ])
    const again = await t.call('POST', '/api/v1/scores/import?frameworkId=papi-2019&year=2020&dryRun=true', {
      token: planner,
      raw: new TextDecoder().decode(out.bytes),
      headers: { 'content-type': 'text/csv' },
    })
    expect(again.status, again.text).toBe(200)
    expect(again.body.notRanked).toEqual(res.body.notRanked)

    // A ranked result for that year replaces it.
    const typed = await t.call('POST', '/api/v1/scores', {
      token: planner,
      body: { unitId: t.units.kg.id, frameworkId: 'papi-2019', year: 2020, total: 40, dimensions: [], version: 0 },
    })
    expect(typed.status, typed.text).toBe(201)
    expect((await t.call('GET', `/api/v1/scores/not-ranked?year=2020`, { token: planner })).body).toEqual([])
    expect((await t.call('GET', '/api/v1/scores/not-ranked', {})).status).toBe(401)
  })

  it('asks for a session', async () => {
    expect((await exportCsv('frameworkId=papi-2018&year=2018', null)).status).toBe(401)
  })
})
