// #10 hole 8: data papi must refuse at the door, and text it must store in one form.
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, samplePlan, type TestApp } from './app.fixture'

describe.each(testBackends())('data checks on $name', (backend) => {
  let store: Store
  let t: TestApp
  let admin: string
  let planner: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    admin = await t.login('admin')
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  const newUnit = (fields: Record<string, unknown>) => ({
    code: `X-${Math.random().toString(36).slice(2, 8)}`,
    name: 'UBND xã Thử',
    level: 'commune',
    kind: 'people-committee',
    parentId: t.units.chauThanh.id,
    ...fields,
  })

  it('a unit valid from after it is valid to is refused (422), on creation and on change', async () => {
    const created = await t.call('POST', '/api/v1/units', {
      token: admin,
      body: newUnit({ validFrom: '2025-07-01', validTo: '2025-06-30' }),
    })
    expect(created.status).toBe(422)
    expect(created.body.error.details).toMatchObject({ reason: 'dates-reversed' })
    const changed = await t.call('PATCH', `/api/v1/units/${t.units.minhLuong.id}`, {
      token: admin,
      body: { validFrom: '2030-01-01', validTo: '2029-12-31', version: (await store.units.get(t.units.minhLuong.id)).version },
    })
    expect(changed.status).toBe(422)
  })

  it('a national unit under a commune is refused; a department at its province’s level is not', async () => {
    const national = await t.call('POST', '/api/v1/units', {
      token: admin,
      body: newUnit({ level: 'national', kind: 'department', parentId: t.units.minhLuong.id }),
    })
    expect(national.status).toBe(422)
    expect(national.body.error.details).toMatchObject({ reason: 'level-above-parent' })
    const department = await t.call('POST', '/api/v1/units', {
      token: admin,
      body: newUnit({ level: 'province', kind: 'department', parentId: t.units.kg.id }),
    })
    expect(department.status).toBe(201)
  })

  it('merging a unit into its own child is refused and changes nothing', async () => {
    const before = await store.units.get(t.units.chauThanh.id)
    const res = await t.call('POST', `/api/v1/units/${t.units.chauThanh.id}/merge`, {
      token: admin,
      body: { successorId: t.units.minhLuong.id, effectiveOn: '2025-07-01', children: 'move', version: before.version },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.details).toMatchObject({ reason: 'successor-in-subtree' })
    expect(await store.units.get(t.units.chauThanh.id)).toEqual(before)
  })

  it('a negative score total is refused', async () => {
    const res = await t.call('POST', '/api/v1/scores', {
      token: planner,
      body: { unitId: t.units.kg.id, frameworkId: 'papi-2009', year: 2017, total: -35.71, dimensions: [], version: 0 },
    })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.body.error.details)).toContain('total-negative')
  })

  it('another province’s plan reads as missing: the same 404 as an id that names nothing', async () => {
    const ag = await store.units.create(
      { code: 'AG-404', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null },
      { actorId: null, at: new Date() },
    )
    const other = await t.call('POST', '/api/v1/plans', {
      token: admin,
      body: { ...samplePlan(t.units), number: '12/KH-UBND', issuerUnitId: ag.id, scopeUnitId: ag.id, sections: [] },
    })
    expect(other.status, other.text).toBe(201)
    const unknown = '00000000-0000-4000-8000-000000000000'
    const shape = (res: { status: number; body: any }, id: string) => ({
      status: res.status,
      code: res.body.error.code,
      details: JSON.stringify(res.body.error.details).replaceAll(id, '<id>'),
    })
    for (const path of ['', '/exports/task-table']) {
      const theirs = await t.call('GET', `/api/v1/plans/${other.body.id}${path}`, { token: planner })
      const nobody = await t.call('GET', `/api/v1/plans/${unknown}${path}`, { token: planner })
      expect(shape(theirs, other.body.id)).toEqual(shape(nobody, unknown))
      expect(theirs.status).toBe(404)
    }
  })

  it('text sent decomposed (NFD) is stored composed (NFC)', async () => {
    const name = 'UBND xã Tân Hội'
    const res = await t.call('POST', '/api/v1/units', { token: admin, body: newUnit({ name: name.normalize('NFD') }) })
    expect(res.status).toBe(201)
    expect(res.body.name).toBe(name.normalize('NFC'))
    expect((await store.units.get(res.body.id)).name).toBe(name.normalize('NFC'))
  })
})
