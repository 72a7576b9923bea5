import type { Plan } from '@papi/domain'
import type { PlanRevisionDetails } from './plan-import'
import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

// 97/KH-UBND stored and published; Sở Tài nguyên và Môi trường filed an accepted, on-time report
// on 2.4. An amended text then names Sở Nội vụ to lead 2.4 instead.
describe.each(testBackends())('a re-import is a revision on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let planId: string
  const text = (edit: (plan: Plan) => void = () => {}) => {
    const plan = samplePlan(ids)
    edit(plan)
    return plan
  }
  const amended = () => text((p) => (p.sections[1]!.tasks[0]!.lead = [{ text: 'Sở Nội vụ', unitId: ids.snv.id }]))
  const task24 = async () => (await store.plans.get(planId)).sections[1]!.tasks[0]!
  const figures = async () =>
    (await store.dashboard(await store.units.tree(), { unitId: ids.kg.id, periodId: '2018S1', asOf: '2018-07-10' })).plans[0]!.reporting

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    planId = (await store.plans.import(text(), change())).id
    await store.plans.publish(planId, change())
    const t = await task24()
    let report = await store.reports.save(
      { taskId: t.id, unitId: ids.stnmt.id, periodId: '2018S1', progress: 100, workStatus: 'done', completedOn: '2018-06-05' },
      change('2018-06-05T02:00:00Z'),
    )
    report = await store.reports.act(report.id, { type: 'submit' }, change('2018-06-06T02:00:00Z'), report.version)
    await store.reports.act(report.id, { type: 'accept' }, change('2018-06-07T02:00:00Z'), report.version)
  })
  afterAll(() => store?.close())

  it('previews the revision task by task and unit by unit, writing nothing', async () => {
    const before = await store.plans.get(planId)
    const audited = (await store.audit.list({ limit: 1000 })).length
    const preview = await store.plans.previewImport(amended())
    expect(preview).toMatchObject({ id: planId, outcome: 'updated', changes: { tasksUpdated: 1 } })
    expect(preview?.revision).toEqual({
      basedOn: { version: before.version, status: 'published' },
      tasks: [{ id: before.sections[1]!.tasks[0]!.id, sectionCode: '2', code: '2.4', title: expect.any(String), change: 'updated' }],
      units: [
        {
          unitId: ids.snv.id,
          unitName: 'Sở Nội vụ',
          gained: [{ taskId: expect.any(String), taskCode: '2.4', role: 'lead' }],
          lost: [],
          kept: [],
        },
        {
          unitId: ids.stnmt.id,
          unitName: 'Sở Tài nguyên và Môi trường',
          gained: [],
          lost: [],
          kept: [{ taskId: expect.any(String), taskCode: '2.4', role: 'lead' }],
        },
      ],
      // A class with no member in the sample province (it has no mass organisations): for the planner to pick a unit.
      unmatched: [
        {
          key: 'mttq va cac doan the co lien quan',
          text: 'MTTQ và các đoàn thể có liên quan',
          uses: [{ sectionCode: '1', taskCode: '1.3', role: 'coordinators' }],
        },
      ],
    })
    expect(await store.plans.get(planId)).toEqual(before)
    expect((await store.audit.list({ limit: 1000 })).length).toBe(audited)
    expect(await store.plans.previewImport(text((p) => (p.number = '98/KH-UBND')))).toBeUndefined()
  })

  it('refuses a confirm based on a version the plan has left, and changes nothing', async () => {
    const before = await store.plans.get(planId)
    await expect(store.plans.import(amended(), change(), { basedOnVersion: before.version - 1 })).rejects.toMatchObject({
      code: 'version-conflict',
    })
    expect(await store.plans.get(planId)).toEqual(before)
  })

  it('confirmed, the new lead is assigned and the unit that reported stays: its accepted report is still counted', async () => {
    const before = await figures()
    expect(before).toMatchObject({ accepted: 1, onTime: 1 })
    const { version } = await store.plans.get(planId)
    const result = await store.plans.import(amended(), change('2018-07-01T02:00:00Z'), { basedOnVersion: version })
    expect(result).toMatchObject({ outcome: 'updated', revision: { basedOn: { version } } })
    expect((await task24()).assignees.filter((a) => a.role === 'lead').map((a) => a.unitName)).toEqual([
      'Sở Nội vụ',
      'Sở Tài nguyên và Môi trường',
    ])
    const after = await figures()
    expect(after).toMatchObject({ accepted: 1, onTime: 1, expected: before.expected + 1 })
    const [entry] = await store.audit.list({ entity: 'plan', limit: 1 })
    expect(entry).toMatchObject({
      action: 'import',
      after: { units: [{ unitName: 'Sở Nội vụ' }, { unitName: 'Sở Tài nguyên và Môi trường' }] },
    })
  })

  it('previews exactly the revision the confirm stores: a task added on every commune, a class dropped, a unit that reported kept', async () => {
    const revised = text((p) => {
      const [first, second] = p.sections
      first!.tasks[0]!.lead = [{ text: 'Sở Nội vụ', unitId: ids.snv.id }]
      const reported = second!.tasks[0]!
      second!.tasks = [
        { ...reported, lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }] },
        {
          ...reported,
          code: '2.5',
          title: 'Niêm yết công khai thủ tục hành chính tại trụ sở',
          lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
          coordinators: [{ text: 'Sở Nội vụ', unitId: ids.snv.id }],
        },
      ]
    })
    // Added tasks get their ids when written: the preview's and the confirm's are named by code.
    const byCode = (revision: PlanRevisionDetails | undefined) => {
      const codeOf = new Map(revision?.units.flatMap((u) => [...u.gained, ...u.lost, ...u.kept].map((a) => [a.taskId, a.taskCode])))
      const named = JSON.stringify(revision, (key, value) => (key === 'taskId' ? codeOf.get(value) : value))
      return JSON.parse(named) as unknown
    }
    const preview = await store.plans.previewImport(revised)
    const { version } = await store.plans.get(planId)
    const confirmed = await store.plans.import(revised, change('2018-07-02T02:00:00Z'), { basedOnVersion: version })
    expect(preview?.outcome).toBe('updated')
    expect(preview?.revision?.units.some((u) => u.gained.some((a) => a.taskCode === '2.5'))).toBe(true)
    expect(preview?.revision?.units.some((u) => u.kept.length > 0)).toBe(true)
    expect(byCode(preview?.revision)).toEqual(byCode(confirmed.revision))
    expect({ ...preview, revision: undefined }).toEqual({ ...confirmed, revision: undefined })
  })
})
