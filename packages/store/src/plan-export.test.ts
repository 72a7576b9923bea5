import { cutoffWindow, submissionDeadline } from '@papi/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { periodRule, type StoredPeriod } from './period-repository'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

const stored = (code: string, cutoffStart: string, cutoffEnd: string, dueOn: string): StoredPeriod => ({
  id: code,
  planId: 'plan',
  code,
  cutoffStart,
  cutoffEnd,
  dueOn,
  locked: false,
  graceDays: 0,
  version: 1,
})

describe('periodRule', () => {
  it.each([
    // Decree 09/2019/NĐ-CP windows: Q1 starts on 15 Dec of the year before.
    [stored('2024Q1', '2023-12-15', '2024-03-14', '2024-03-18'), { type: 'quarter', index: 1 }, -1],
    [stored('2018S1', '2017-12-15', '2018-06-14', '2018-06-18'), { type: 'half-year', index: 1 }, -1],
    // Đức Hợp: the 6-month report covers 01/11/2022–31/05/2023, due before 03/6.
    [stored('2023S1', '2022-11-01', '2023-05-31', '2023-06-02'), { type: 'half-year', index: 1 }, -1],
    [stored('2018', '2017-12-15', '2018-12-14', '2018-12-18'), { type: 'year' }, -1],
  ] as const)('reads %s back as the same window and deadline', (period, kind, startOffset) => {
    const rule = periodRule(period)
    expect(rule).toMatchObject({ ...kind, cutoffStart: { yearOffset: startOffset } })
    expect(cutoffWindow(period.code, [rule])).toEqual({ start: period.cutoffStart, end: period.cutoffEnd })
    expect(submissionDeadline(period.code, 'province', [rule], { issuerLevel: 'province' })).toBe(period.dueOn)
  })

  it('refuses a code that is no period id (a bug: openPeriod never stores one)', () => {
    expect(() => periodRule(stored('2018Q5', '2018-01-01', '2018-03-31', '2018-04-05'))).toThrow(RangeError)
  })
})

describe.each(testBackends())('loadPlanExport on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let planId: string

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    const plan = samplePlan(ids)
    // The importer's full name of an abbreviated assignee is kept with the plan.
    const task = plan.sections[1]?.tasks[0]
    if (task) task.lead = [{ text: 'Sở TN&MT', name: 'Sở Tài nguyên và Môi trường', unitId: ids.stnmt.id }]
    planId = (await store.plans.create(plan, change())).id
    await store.plans.publish(planId, change())
  })
  afterAll(() => store?.close())

  it('answers not-found for an unknown plan', async () => {
    await expect(store.plans.exportData('no-such-plan')).rejects.toMatchObject({ code: 'not-found' })
  })

  it('without a period: the domain plan with its task ids and every unit, no reports', async () => {
    const data = await store.plans.exportData(planId)
    expect(data.plan.sections.flatMap((s) => s.tasks.map((t) => [t.code, typeof t.id]))).toEqual([
      ['1.3', 'string'],
      ['2.4', 'string'],
    ])
    expect(data.plan.sections[1]?.tasks[0]?.lead).toEqual([{ text: 'Sở TN&MT', name: 'Sở Tài nguyên và Môi trường', unitId: ids.stnmt.id }])
    expect(data.units).toHaveLength(7)
    expect(data).toMatchObject({ reports: [] })
    expect(data.period).toBeUndefined()
  })

  it('with an open period: its reports, the period and its rule', async () => {
    const taskId = (await store.plans.get(planId)).sections[0]?.tasks[0]?.id as string
    await store.reports.save({ taskId, unitId: ids.vtv.id, periodId: '2018S1', progress: 40, submit: true }, change())
    const data = await store.plans.exportData(planId, { periodId: '2018S1' })
    expect(data.reports.map((r) => [r.unitId, r.progress, r.status])).toEqual([[ids.vtv.id, 40, 'submitted']])
    expect(data.period).toMatchObject({ code: '2018S1', dueOn: '2018-06-18' })
    expect(cutoffWindow('2018S1', data.periodRule && [data.periodRule])).toEqual({ start: '2017-12-15', end: '2018-06-14' })
  })

  it('with a period not open on the plan: reports, but no period', async () => {
    const data = await store.plans.exportData(planId, { periodId: '2018Q2' })
    expect(data.reports).toHaveLength(1)
    expect(data.period).toBeUndefined()
    expect(data.periodRule).toBeUndefined()
  })
})
