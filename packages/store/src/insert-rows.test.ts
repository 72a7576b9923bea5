import { PlanSchema, registerForProvince, type Register } from '@papi/domain'
import { readRegister } from '@papi/register'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from './store'
import { change } from './store.fixture'
import { testBackends } from './test-backend'

// A statement carries at most 65,535 parameters; an assignment row is 9 of them, so one statement
// holds 7,281 assignments. A plan whose tasks go to every commune of a province passes that with
// a few dozen tasks: 80 tasks × Lào Cai's 99 communes (2025) = 7,920 assignments.
describe.each(testBackends())('a plan larger than one statement on $name', (backend) => {
  let store: Store
  let register: Register
  let provinceId: string

  beforeAll(async () => {
    register = registerForProvince(await readRegister(), '15') as Register
    store = await backend.open()
    await store.units.importRegister(register, change('2025-07-01T02:00:00Z'))
    const province = (await store.units.list()).find((u) => u.level === 'province' && u.kind === 'people-committee' && !u.validTo)
    if (!province) throw new Error('no province in the register part')
    provinceId = province.id
  }, 120_000)
  afterAll(() => store?.close())

  it('is stored whole, created and imported again, every commune on every task', async () => {
    const communes = (await store.units.list()).filter((u) => u.level === 'commune' && !u.validTo).length
    const plan = PlanSchema.parse({
      number: '200/KH-UBND',
      issuer: 'UBND tỉnh Lào Cai',
      title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2026',
      index: 'papi',
      issuedOn: '2026-03-02',
      years: { from: 2026, to: 2026 },
      scopeUnitId: provinceId,
      goals: [],
      targets: [],
      sections: [
        {
          code: 'I',
          title: 'Công khai, minh bạch',
          tasks: Array.from({ length: 80 }, (_, i) => ({
            code: `1.${i + 1}`,
            title: `Niêm yết công khai thủ tục hành chính số ${i + 1}`,
            lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
            coordinators: [],
            timeframe: { kind: 'unspecified', text: 'Thường xuyên' },
            targets: [],
          })),
        },
      ],
    })
    const assignmentsOf = async (id: string) =>
      (await store.plans.get(id)).sections.flatMap((s) => s.tasks).reduce((n, t) => n + t.assignees.length, 0)

    expect(communes * 80).toBeGreaterThan(Math.floor(65_535 / 9))
    const created = await store.plans.create(plan, change('2026-03-02T02:00:00Z'))
    expect(await assignmentsOf(created.id)).toBe(communes * 80)

    const imported = await store.plans.import({ ...plan, number: '201/KH-UBND' }, change('2026-03-03T02:00:00Z'))
    expect(imported.outcome).toBe('created')
    expect(await assignmentsOf(imported.id)).toBe(communes * 80)
  }, 120_000)
})
