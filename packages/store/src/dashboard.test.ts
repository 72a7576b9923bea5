import { descendantsOf, periodFigures, planIssuerLevel, type UnitTree } from '@papi/domain'
import { periodRule } from './period-repository'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asDomainPlan, type StoredPlan } from './stored-plan'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

// The dashboard hands the domain's periodFigures only the report it will count for each task and
// unit (chosen in SQL). These cases check that the figures are exactly those of the domain's rule
// run over every report of the plan, on the same data: filed and unfiled reports, several
// periods, a returned report that falls back to the last filed one, and reports filed after asOf.
describe.each(testBackends())('dashboard progress = the domain rule over every report, on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let plan: StoredPlan
  let tree: UnitTree
  const task = (code: string) => plan.sections.flatMap((s) => s.tasks).find((t) => t.code === code)!

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    plan = await store.plans.publish((await store.plans.create(samplePlan(ids), change())).id, change())
    tree = await store.units.tree()
    const save = (code: string, unitId: string, periodId: string, body: object, at: string, submit = false, version?: number) =>
      store.reports.save(
        { taskId: task(code).id, unitId, periodId, ...body, submit, ...(version !== undefined && { version }) },
        change(at),
      )
    // Vĩnh Thanh Vân: S1 filed 30 %, Q3 filed 60 %, the year only a draft at 90 %.
    await save('1.3', ids.vtv.id, '2018S1', { progress: 30 }, '2018-06-10T02:00:00Z', true)
    await save('1.3', ids.vtv.id, '2018Q3', { progress: 60 }, '2018-09-20T02:00:00Z', true)
    await save('1.3', ids.vtv.id, '2018', { progress: 90 }, '2018-12-10T02:00:00Z')
    // Minh Lương: S1 filed 50 %; Q3 filed 80 % then returned: S1 counts again.
    await save('1.3', ids.minhLuong.id, '2018S1', { progress: 50 }, '2018-06-12T02:00:00Z', true)
    const q3 = await save('1.3', ids.minhLuong.id, '2018Q3', { progress: 80 }, '2018-09-21T02:00:00Z', true)
    await store.reports.act(q3.id, { type: 'return', comment: 'Bổ sung số liệu' }, change('2018-09-25T02:00:00Z'))
    // Sở TN&MT: done in Q3, filed late in the evening of 30 Sep (Viet Nam time: 1 Oct).
    await save(
      '2.4',
      ids.stnmt.id,
      '2018Q3',
      { progress: 100, workStatus: 'done', completedOn: '2018-09-28' },
      '2018-09-30T18:30:00Z',
      true,
    )
  })
  afterAll(() => store?.close())

  /** The domain's figures from EVERY report of the plan in the subtree (what the dashboard did before). */
  async function domainFigures(unitId: string, periodId: string, asOf: string) {
    const subtree = new Set([unitId, ...descendantsOf(unitId, tree).map((u) => u.id)])
    const inScope = plan.sections
      .flatMap((s) => s.tasks)
      .flatMap((t) => t.assignees.filter((a) => subtree.has(a.unitId)).map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role })))
    const issuerLevel = planIssuerLevel(plan, tree.byId)
    const period = (await store.periods.find(plan.id, periodId))!
    const figures = periodFigures({
      plan: asDomainPlan(plan),
      periodId,
      assignments: inScope,
      reports: (await store.reports.list({ planId: plan.id })).filter((r) => subtree.has(r.unitId)),
      asOf,
      rules: [periodRule(period)],
      issuerLevel,
      levelOf: (u) => tree.byId.get(u)?.level ?? issuerLevel,
      parentOf: (u) => tree.byId.get(u)?.parentId ?? null,
      rootId: unitId,
    })
    return {
      reporting: figures.total,
      progress: figures.progress.progress,
      outcomes: figures.progress.outcomes,
      sections: figures.progress.sections
        .map((s) => ({ ...s, tasks: s.tasks.filter((t) => t.units.length > 0) }))
        .filter((s) => s.tasks.length > 0),
    }
  }

  for (const [unit, periodId, asOf] of [
    ['kg', '2018Q3', '2018-09-22T00:00:00Z'],
    ['kg', '2018Q3', '2018-09-30T12:00:00Z'],
    ['kg', '2018Q3', '2018-10-02T00:00:00Z'],
    ['kg', '2018', '2019-01-10T00:00:00Z'],
    ['rachGia', '2018Q3', '2018-12-31T00:00:00Z'],
  ] as const) {
    it(`${unit}, ${periodId}, as of ${asOf}`, async () => {
      const unitId = ids[unit].id
      const d = await store.dashboard(tree, { unitId, periodId, asOf: new Date(asOf) })
      const expected = await domainFigures(unitId, periodId, asOf)
      expect(d.plans).toHaveLength(1)
      const p = d.plans[0]!
      expect({ reporting: p.reporting, progress: p.progress, outcomes: p.outcomes, sections: p.sections }).toEqual(expected)
    })
  }

  it('leaves out plans with no work assigned inside the subtree', async () => {
    const other = await store.units.create(
      { code: 'XX', name: 'UBND tỉnh Khác', level: 'province', kind: 'people-committee', parentId: null },
      change(),
    )
    const d = await store.dashboard(await store.units.tree(), {
      unitId: other.id,
      periodId: '2018Q3',
      asOf: new Date('2018-12-31T00:00:00Z'),
    })
    expect(d.plans).toEqual([])
  })
})
