// GET /units and /units/tree with asOf: the organisation as it stood on a day, with the names
// and parents units had then — Huế from the national register (province 46, Thừa Thiên Huế until
// 31/12/2024, and the Huế of 1 July 2025 it became), and a commune moved under the new Huế.
import { registerForProvince, type Register, type Unit } from '@papi/domain'
import { readRegister } from '@papi/register'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './app.fixture'

type Node = Unit & { children: Node[] }

describe.each(testBackends())('units as of a day, through the API, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let viewer: string
  let hue: Unit
  let newHue: Unit
  let vyDa: Unit
  let oldDistrictId: string

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    await store.units.importRegister(registerForProvince(await readRegister(), '46') as Register, { actorId: null, at: new Date() })
    hue = (await store.units.findByCode('P46')) as Unit
    newHue = (await store.units.findByCode('P46@2025')) as Unit
    // Phường Vỹ Dạ (quận Thuận Hóa) moved under the new Huế on 1 July 2025, renamed.
    vyDa = (await store.units.findByCode('C19777')) as Unit
    oldDistrictId = vyDa.parentId as string
    await store.units.update(
      vyDa.id,
      { parentId: newHue.id, name: 'UBND phường Vỹ Dạ (cũ)', validTo: '2030-12-31', effectiveOn: '2025-07-01' },
      { actorId: null, at: new Date() },
    )
    viewer = await t.login('viewer')
  }, 120_000)
  afterAll(() => store?.close())

  const units = async (query = '') => {
    const res = await t.call('GET', `/api/v1/units${query}`, { token: viewer })
    expect(res.status, res.text).toBe(200)
    return res.body as Unit[]
  }

  it('without asOf answers every unit as it is now', async () => {
    const all = await units()
    expect(all.find((u) => u.id === hue.id)?.name).toBe('UBND thành phố Huế')
    expect(all.find((u) => u.id === vyDa.id)).toMatchObject({ name: 'UBND phường Vỹ Dạ (cũ)', parentId: newHue.id })
    expect(all.some((u) => u.id === newHue.id)).toBe(true)
  })

  it('asOf 2018-05-18: Thừa Thiên Huế, its bodies by their names then, Vỹ Dạ under its district; nothing of 2025', async () => {
    const then = await units('?asOf=2018-05-18')
    expect(then.find((u) => u.id === hue.id)?.name).toBe('UBND tỉnh Thừa Thiên Huế')
    expect(then.find((u) => u.code === 'P46/VP')?.name).toBe('Văn phòng UBND tỉnh')
    expect(then.find((u) => u.id === vyDa.id)).toMatchObject({ name: 'UBND phường Vỹ Dạ', parentId: oldDistrictId })
    expect(then.some((u) => u.id === newHue.id || u.code.endsWith('@2025'))).toBe(false)
    // Departments merged on 1 March 2025 were still there; the merged one was not yet.
    expect(then.some((u) => u.code === 'P46/STNMT')).toBe(true)
    expect(then.some((u) => u.code === 'P46/SNNMT')).toBe(false)
  })

  it('asOf 2025-07-01: the new Huế with Vỹ Dạ under it, the old province ended', async () => {
    const after = await units('?asOf=2025-07-01')
    expect(after.some((u) => u.id === hue.id)).toBe(false)
    expect(after.find((u) => u.id === vyDa.id)).toMatchObject({ name: 'UBND phường Vỹ Dạ (cũ)', parentId: newHue.id })
  })

  it('the tree as of a day nests the units in force under their parents then', async () => {
    const res = await t.call('GET', '/api/v1/units/tree?asOf=2020-09-30', { token: viewer })
    expect(res.status, res.text).toBe(200)
    const roots = res.body as Node[]
    const province = roots.find((r) => r.id === hue.id) as Node
    expect(province.name).toBe('UBND tỉnh Thừa Thiên Huế')
    const district = province.children.find((c) => c.id === oldDistrictId) as Node
    expect(district.children.map((c) => c.id)).toContain(vyDa.id)
    expect(roots.some((r) => r.id === newHue.id)).toBe(false)
    // Now: Vỹ Dạ is under the new Huế.
    const now = (await t.call('GET', '/api/v1/units/tree', { token: viewer })).body as Node[]
    expect(now.find((r) => r.id === newHue.id)?.children.map((c) => c.id)).toContain(vyDa.id)
  })

  it('refuses a day that is not a date, and anyone not signed in', async () => {
    const bad = await t.call('GET', '/api/v1/units?asOf=2020-13-45', { token: viewer })
    expect(bad.status).toBe(422)
    expect(bad.body.error).toMatchObject({ code: 'invalid', message: expect.any(String) })
    expect((await t.call('GET', '/api/v1/units?asOf=2020-09-30')).status).toBe(401)
    expect((await t.call('GET', '/api/v1/units/tree?asOf=2020-09-30')).status).toBe(401)
  })

  it('is one of the typed client’s calls, documented in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body
    for (const path of ['/api/v1/units', '/api/v1/units/tree']) {
      const op = doc.paths[path].get
      expect(op.operationId).toMatch(/^(listUnits|getUnitTree)$/)
      const asOf = op.parameters.find((p: { name: string }) => p.name === 'asOf')
      expect(asOf).toMatchObject({ in: 'query', required: false })
      expect(asOf.description).toMatch(/in force that day/)
    }
  })
})
