// POST /units/import-register asked with `Accept: application/x-ndjson`: the load's progress line by
// line (what the TUI draws its bar from), then what was loaded; without it, one JSON answer as ever.
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './app.fixture'

type Line =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; [key: string]: unknown }
  | { type: 'error' }

describe.each(testBackends())('the register import, streamed, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let admin: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    admin = await t.login('admin')
  })
  afterAll(() => store?.close())

  const ndjson = { accept: 'application/x-ndjson' }

  it('answers a caller without the right before reading anything, as JSON', async () => {
    const viewer = await t.login('viewer')
    const res = await t.call('POST', '/api/v1/units/import-register', { token: viewer, body: { province: '10' }, headers: ndjson })
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.body.error.code).toBe('forbidden')
  })

  it('answers an unknown province 404 as JSON, not as a stream', async () => {
    const res = await t.call('POST', '/api/v1/units/import-register', { token: admin, body: { province: '00' }, headers: ndjson })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not-found')
  })

  it('streams monotonic progress per phase, each phase ending at its total, then the same result as the plain answer', async () => {
    const res = await t.call('POST', '/api/v1/units/import-register', { token: admin, body: { province: '10' }, headers: ndjson })
    expect(res.status, res.text).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
    expect(res.text.endsWith('\n')).toBe(true)
    const lines = res.text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Line)

    const progress = lines.filter((l) => l.type === 'progress')
    expect(progress.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])).toEqual(['units', 'links'])
    for (const phase of ['units', 'links']) {
      const steps = progress.filter((p) => p.phase === phase)
      for (let i = 1; i < steps.length; i++) expect(steps[i]!.done).toBeGreaterThanOrEqual(steps[i - 1]!.done)
      expect(new Set(steps.map((s) => s.total)).size).toBe(1)
      expect(steps.at(-1)!.done).toBe(steps.at(-1)!.total)
    }

    const last = lines.at(-1)!
    expect(last.type).toBe('result')
    expect(lines.filter((l) => l.type !== 'progress')).toHaveLength(1)
    const { type: _type, ...streamed } = last as { type: 'result'; units: { created: number; existing: number }; counts: unknown }
    expect(streamed.units.created).toBeGreaterThan(100)
    expect(progress.find((p) => p.phase === 'units')!.total).toBe(streamed.units.created + streamed.units.existing)

    // A second run, plain JSON: the same shape and counts, everything now already there.
    const plain = await t.call('POST', '/api/v1/units/import-register', { token: admin, body: { province: '10' } })
    expect(plain.status, plain.text).toBe(200)
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/)
    expect(Object.keys(plain.body).sort()).toEqual(Object.keys(streamed).sort())
    expect(plain.body.counts).toEqual(streamed.counts)
    expect(plain.body.units).toEqual({ created: 0, existing: streamed.units.created + streamed.units.existing })
  })
})
