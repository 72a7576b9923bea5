import type { Plan } from '@papi/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

// 97/KH-UBND with a task 2.5 that names no lead ("Công khai kết quả tiếp công dân", coordinated by
// Sở Tài nguyên và Môi trường): Sở Nội vụ, the plan's standing agency, leads it and owes its report.
describe.each(testBackends())('a task without a lead on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let planId: string
  const text = (edit: (plan: Plan) => void = () => {}) => {
    const plan = samplePlan(ids)
    plan.sections[1]!.tasks.push({
      code: '2.5',
      title: 'Công khai kết quả tiếp công dân',
      lead: [],
      coordinators: [{ text: 'Sở Tài nguyên và Môi trường', unitId: ids.stnmt.id }],
      timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
      targets: [],
    })
    edit(plan)
    return plan
  }
  const task25 = async () => (await store.plans.get(planId)).sections[1]!.tasks[1]!
  const snvFigures = async () => {
    const d = await store.dashboard(await store.units.tree(), { unitId: ids.kg.id, periodId: '2018S1', asOf: '2018-07-10' })
    return d.plans[0]!.units.find((u) => u.unitId === ids.snv.id)
  }

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    planId = (await store.plans.import(text(), change())).id
    await store.plans.publish(planId, change())
  })
  afterAll(() => store?.close())

  it('is led by the standing agency: shown among its assignees, its text still naming no lead', async () => {
    const t = await task25()
    expect(t.lead).toEqual([])
    expect(t.assignees.map((a) => [a.unitName, a.role])).toEqual([
      ['Sở Nội vụ', 'lead'],
      ['Sở Tài nguyên và Môi trường', 'coordinator'],
    ])
  })

  it('counts for the standing agency in the period’s figures', async () => {
    expect(await snvFigures()).toMatchObject({ unitName: 'Sở Nội vụ', expected: 1, missing: 1 })
  })

  it('follows the standing agency when a re-import names another one', async () => {
    await store.plans.import(
      text((p) => (p.standingAgency = { text: 'Sở Tài nguyên và Môi trường', unitId: ids.stnmt.id })),
      change('2018-06-20T02:00:00Z'),
    )
    expect((await task25()).assignees.map((a) => [a.unitName, a.role])).toEqual([['Sở Tài nguyên và Môi trường', 'lead']])
    expect(await snvFigures()).toBeUndefined()
  })
})
