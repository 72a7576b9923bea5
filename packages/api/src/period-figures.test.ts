// Regression guard: the dashboard (the store) and the consolidated report (the documents) once
// composed the period's figures each in their own way — the dashboard without grace days, the
// report counting tasks nobody in view was assigned to — and disagreed. Both now read the domain's
// `periodFigures`; these tests hold them to the same numbers for the same unit, period and day.
import { descendantsOf, parseTimeframe, type Plan, type UnitReportingStats } from '@papi/domain'
import { consolidatedReportModel } from '@papi/documents'
import type { Store, StoredPlan } from '@papi/store'
import { samplePlan, seedSampleProvince, testBackends, type SampleProvince } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const change = (at = '2018-06-01T02:00:00Z') => ({ actorId: null, at: new Date(at) })
const AS_OF = new Date('2018-06-25T03:00:00Z')
const GRACE_DAYS = 2

/** The shared sample plan, plus two tasks due by 31/05: one for Sở Nội vụ, one whose only lead is no stored unit. */
function planWithDeadlines(units: SampleProvince): Plan {
  const plan = samplePlan(units)
  const may = parseTimeframe('Tháng 5 năm 2018')
  const extra = {
    code: '3',
    title: 'Trách nhiệm giải trình',
    tasks: [
      {
        code: '3.1',
        title: 'Tổ chức đối thoại với người dân',
        lead: [{ text: 'Sở Nội vụ', unitId: units.snv.id }],
        coordinators: [],
        timeframe: may,
        targets: [],
      },
      {
        code: '3.2',
        title: 'Tiếp công dân định kỳ',
        lead: [{ text: 'Công an tỉnh' }],
        coordinators: [],
        timeframe: may,
        targets: [],
      },
    ],
  }
  return { ...plan, sections: [...plan.sections, extra] }
}

const counts = ({ unitId: _id, ...rest }: UnitReportingStats) => rest

describe.each(testBackends())('the dashboard and the consolidated report agree on $name', (backend) => {
  let store: Store
  let units: SampleProvince
  let plan: StoredPlan
  const taskId = (code: string) => plan.sections.flatMap((s) => s.tasks).find((t) => t.code === code)!.id

  beforeAll(async () => {
    store = await backend.open()
    units = await seedSampleProvince(store, change())
    plan = await store.plans.publish((await store.plans.create(planWithDeadlines(units), change())).id, change())
    const file = async (code: string, unitId: string, at: string, progress: number) => {
      const saved = await store.reports.save({ taskId: taskId(code), unitId, periodId: '2018S1', progress }, change())
      return store.reports.act(saved.id as string, { type: 'submit' }, change(at))
    }
    // Communes owe by 16/06, the province's units by 18/06 (2018S1).
    await file('1.3', units.vtv.id, '2018-06-15T02:00:00Z', 40) // on time
    await file('1.3', units.minhLuong.id, '2018-06-17T02:00:00Z', 60) // a day late: on time with 2 days' grace
    const accepted = await file('2.4', units.stnmt.id, '2018-06-12T02:00:00Z', 100)
    await store.reports.act(accepted.id as string, { type: 'accept' }, change('2018-06-13T02:00:00Z'))
    // Sở Nội vụ files nothing on 3.1: missing by 25/06, and the task overdue.
  })
  afterAll(() => store?.close())

  async function both(unitId: string) {
    const tree = await store.units.tree()
    const dashboard = await store.dashboard(tree, { unitId, periodId: '2018S1', asOf: AS_OF, graceDays: GRACE_DAYS })
    const data = await store.plans.exportData(plan.id, { periodId: '2018S1' })
    const subtree = new Set([unitId, ...descendantsOf(unitId, tree).map((u) => u.id)])
    const report = consolidatedReportModel({
      ...data,
      periodId: '2018S1',
      asOf: AS_OF.toISOString(),
      graceDays: GRACE_DAYS,
      visibleUnitIds: subtree,
    })
    const [figures] = dashboard.plans
    if (figures === undefined) throw new Error(`no dashboard for ${unitId}`)
    return { figures, report }
  }

  it.each([
    ['the province', 'kg'],
    ['a district', 'rachGia'],
    ['a commune', 'minhLuong'],
  ] as const)('for %s: the same completeness, timeliness, progress and outcomes', async (_, unit) => {
    const { figures, report } = await both(units[unit].id)
    expect(counts(figures.reporting)).toEqual(counts(report.summary.reporting))
    expect(figures.progress).toEqual(report.summary.progress)
    expect(figures.outcomes).toEqual(report.summary.outcomes)
    // Sections the dashboard shows (those with work in the subtree) carry the report's figures.
    for (const section of figures.sections) {
      const line = report.sections.find((s) => s.code === section.code)
      expect({ progress: line?.progress, outcomes: line?.outcomes }).toEqual({
        progress: section.progress,
        outcomes: section.outcomes,
      })
    }
    // A unit's own line in the report and its row on the dashboard (a leaf: nothing below it).
    for (const row of report.units.filter((u) => !figures.units.some((d) => d.parentId === u.unitId))) {
      const { unitName: _n, level: _l, depth: _d, deadline: _dl, ...own } = row
      const { unitName: _dn, parentId: _p, ...shown } = figures.units.find((d) => d.unitId === row.unitId)!
      expect(shown).toEqual(own)
    }
  })

  it('counts the province as the report does: a late commune on time within the grace days, a missing department', async () => {
    const { figures } = await both(units.kg.id)
    expect(counts(figures.reporting)).toMatchObject({ expected: 4, submitted: 3, accepted: 1, onTime: 3, late: 0, missing: 1 })
    // 3.2's lead is no stored unit: nobody's work, so not an overdue task on anyone's figures.
    expect(figures.outcomes).toEqual({ 'done-on-time': 0, 'done-late': 0, 'not-yet-due': 2, overdue: 1 })
  })
})
