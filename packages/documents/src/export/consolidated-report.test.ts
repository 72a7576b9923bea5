import { PlanSchema, type IndexResult, type Plan, type Report, type Unit } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { consolidatedReportModel } from './consolidated-report'
import { KIEN_GIANG_AS_OF, KIEN_GIANG_UNITS, kienGiangPlan, kienGiangReports } from './kien-giang.fixture'

const plan = kienGiangPlan()
const reports = kienGiangReports(plan)
const model = consolidatedReportModel({ plan, units: KIEN_GIANG_UNITS, reports, periodId: '2018Q2', asOf: KIEN_GIANG_AS_OF })

describe('consolidatedReportModel — Kiên Giang 97/KH-UBND, 2018Q2, as of 05/07/2018', () => {
  it('states the period, its cut-off window (Decree 09/2019) and the deadlines bottom-up by level', () => {
    expect(model.period).toEqual({
      id: '2018Q2',
      label: 'Quý II/2018',
      cutoff: { start: '2018-03-15', end: '2018-06-14' },
      deadlines: [
        { level: 'commune', date: '2018-06-16' },
        { level: 'district', date: '2018-06-18' },
        { level: 'province', date: '2018-06-18' },
      ],
    })
    expect(model.asOf).toBe('2018-07-05')
    expect(model.document.date).toBe('2018-07-05')
  })

  it('keeps the plan’s sections and tasks, and lists 28 of 31 tasks as due (not 3.3 and 5.4, Quý III, nor 5.3, Quý IV)', () => {
    expect(model.sections.map((s) => s.tasks.length)).toEqual([4, 6, 3, 6, 5, 7])
    expect(model.summary.taskCount).toBe(31)
    const notDue = model.sections.flatMap((s) => s.tasks).filter((t) => t.dueReason === undefined)
    expect(notDue.map((t) => t.code)).toEqual(['3.3', '5.3', '5.4'])
    expect(model.summary.dueTaskCount).toBe(28)
  })

  it('counts every report a lead unit owes on a due task, and how it came in', () => {
    expect(model.summary.reporting).toMatchObject({ expected: 143, submitted: 93, onTime: 71, late: 22, missing: 50, pending: 0 })
    const sum = (key: 'expected' | 'submitted' | 'onTime' | 'late' | 'missing') => model.units.reduce((n, u) => n + u[key], 0)
    expect(sum('expected')).toBe(143)
    expect(sum('late') + sum('onTime') + sum('missing')).toBe(143)
  })

  it('lists units in tree order with their level’s deadline and depth', () => {
    expect(model.units.map((u) => [u.unitName, u.depth, u.deadline])).toEqual([
      ['Sở Nội vụ', 1, '2018-06-18'],
      ['Sở Tư pháp', 1, '2018-06-18'],
      ['Sở Tài chính', 1, '2018-06-18'],
      ['Sở Tài nguyên và Môi trường', 1, '2018-06-18'],
      ['Sở Y tế', 1, '2018-06-18'],
      ['Văn phòng UBND tỉnh', 1, '2018-06-18'],
      ['Thanh tra tỉnh', 1, '2018-06-18'],
      ['UBND thành phố Rạch Giá', 1, '2018-06-18'],
      ['UBND phường Vĩnh Thanh Vân', 2, '2018-06-16'],
      ['UBND phường Vĩnh Lạc', 2, '2018-06-16'],
      ['UBND huyện Châu Thành', 1, '2018-06-18'],
      ['UBND thị trấn Minh Lương', 2, '2018-06-16'],
      ['UBND xã Bình An', 2, '2018-06-16'],
    ])
  })

  it('names the late units with the day they filed', () => {
    expect(model.late.map((g) => g.unitName)).toEqual(['Sở Tài chính', 'UBND huyện Châu Thành'])
    expect(model.late[0]?.tasks[0]).toMatchObject({ code: '2.5', submittedOn: '2018-06-20' })
  })

  it('counts a draft and a returned report as not sent', () => {
    expect(model.missing.map((g) => g.unitName)).toEqual([
      'Sở Y tế',
      'UBND phường Vĩnh Lạc',
      'UBND thị trấn Minh Lương', // draft
      'UBND xã Bình An', // returned
    ])
    const minhLuong = model.sections[0]?.tasks[0]?.units.find((u) => u.unitId === 'minh-luong')
    expect(minhLuong).toMatchObject({ submission: 'missing', reportStatus: 'draft', workStatus: null, progress: 0 })
  })

  it('shows each lead unit under its task with its report state and progress', () => {
    const task = model.sections[1]?.tasks[5] // 2.6 Tập huấn … — Tháng 6 năm 2018
    expect(task).toMatchObject({ code: '2.6', dueReason: 'window', dueDate: '2018-06-30', outcome: 'done-on-time', progress: 100 })
    expect(task?.units).toEqual([
      {
        unitId: 'kg-so-tnmt',
        unitName: 'Sở Tài nguyên và Môi trường',
        role: 'lead',
        submission: 'on-time',
        deadline: '2018-06-18',
        submittedOn: '2018-06-15',
        reportStatus: 'submitted',
        workStatus: 'done',
        progress: 100,
        narrative: 'Báo cáo của Sở Tài nguyên và Môi trường về nhiệm vụ 2.6.',
      },
    ])
  })

  it('judges targets from the KPI values filed, and leaves a target nobody measured unknown', () => {
    expect(model.targets[0]).toMatchObject({ target: { metric: 'papi-rank' }, state: 'unknown' })
    const tthc = model.targets.filter((t) => t.taskCode === '4.2')
    expect(tthc.find((t) => t.unitName === 'Sở Nội vụ')).toMatchObject({ observation: { value: 100 }, state: 'met' })
    expect(tthc.find((t) => t.unitName === 'Sở Tư pháp')).toMatchObject({ observation: { value: 92.5 }, state: 'not-met' })
    // Sở Y tế filed nothing: no reading from it.
    expect(tthc.some((t) => t.unitName === 'Sở Y tế')).toBe(false)
  })

  it('judges the plan’s own targets on the result of the year they are for, as /targets does', () => {
    const result = (year: number, rank: number): IndexResult => ({
      unitId: 'kien-giang',
      frameworkId: 'papi-2018',
      year,
      total: 36.1,
      rank,
      dimensions: [],
    })
    const withResults = (results: IndexResult[]) =>
      consolidatedReportModel({ plan, units: KIEN_GIANG_UNITS, reports, periodId: '2018Q2', asOf: KIEN_GIANG_AS_OF, results })
    // Only PAPI 2017 is out: the 2018 target is not judged on it.
    expect(withResults([result(2017, 45)]).targets[0]).toEqual({ target: plan.targets[0], state: 'unknown' })
    expect(withResults([result(2017, 45), result(2018, 30)]).targets[0]).toEqual({
      target: plan.targets[0],
      observation: { value: 36.1, rank: 30 },
      state: 'met',
    })
  })

  it('flags assignees that match no unit, so their work is not silently dropped', () => {
    expect(model.unresolved).toContainEqual({ taskCode: '4.5', text: 'Sở Giáo dục và Đào tạo' })
    expect(model.unresolved).toContainEqual({ taskCode: '6.7', text: 'Công an tỉnh' })
  })
})

// A small plan to pin the rules down one at a time.
const units: Unit[] = [
  { id: 'p', code: 'P', name: 'UBND tỉnh Thử', level: 'province', kind: 'people-committee', parentId: null, successorIds: [] },
  { id: 'snv', code: 'SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: 'p', successorIds: [] },
  { id: 'h', code: 'H', name: 'UBND huyện A', level: 'district', kind: 'people-committee', parentId: 'p', successorIds: [] },
  { id: 'x', code: 'X', name: 'UBND xã B', level: 'commune', kind: 'people-committee', parentId: 'h', successorIds: [] },
]
const small: Plan = PlanSchema.parse({
  number: '1/KH-UBND',
  title: 'Kế hoạch thử',
  issuer: 'Ủy ban nhân dân tỉnh Thử',
  issuedOn: '2024-01-10',
  index: 'papi',
  years: { from: 2024, to: 2024 },
  scopeUnitId: 'p',
  sections: [
    {
      code: '1',
      title: 'Mục một',
      tasks: [
        {
          code: '1.1',
          title: 'Việc của sở',
          lead: [{ text: 'Sở Nội vụ', unitId: 'snv' }],
          timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
        },
        {
          code: '1.2',
          title: 'Việc của xã',
          lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
          coordinators: [{ text: 'UBND cấp huyện', unitClass: 'district-committees' }],
          timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
        },
      ],
    },
  ],
})
const report = (over: Partial<Report>): Report => ({
  taskId: '1.1',
  unitId: 'snv',
  periodId: '2024Q1',
  status: 'submitted',
  workStatus: 'in-progress',
  progress: 50,
  narrative: '',
  kpiValues: [],
  evidence: [],
  version: 1,
  ...over,
})

describe('consolidatedReportModel — rules', () => {
  it('reads task ids from codes when tasks carry no id, as reports then do', () => {
    const filed = report({ submittedAt: '2024-03-15T10:00:00+07:00' })
    const m = consolidatedReportModel({ plan: small, units, reports: [filed], periodId: '2024Q1', asOf: '2024-03-20' })
    expect(m.sections[0]?.tasks[0]?.units[0]).toMatchObject({ unitId: 'snv', submission: 'on-time', progress: 50 })
  })

  it('owes reports from leads only: the district coordinating 1.2 owes none', () => {
    const m = consolidatedReportModel({ plan: small, units, reports: [], periodId: '2024Q1', asOf: '2024-03-20' })
    expect(m.units.map((u) => u.unitId)).toEqual(['snv', 'x'])
  })

  it('owes the report on a task without a lead from the standing agency, as the dashboard counts it', () => {
    const withoutLead: Plan = {
      ...small,
      standingAgency: { text: 'Sở Nội vụ', unitId: 'snv' },
      sections: small.sections.map((s) => ({ ...s, tasks: s.tasks.map((t) => (t.code === '1.2' ? { ...t, lead: [] } : t)) })),
    }
    const m = consolidatedReportModel({ plan: withoutLead, units, reports: [], periodId: '2024Q1', asOf: '2024-03-20' })
    expect(m.units.map((u) => [u.unitId, u.expected])).toEqual([['snv', 2]])
  })

  it('is pending, not missing, before the deadline (commune 16/03, province 18/03 for Q1)', () => {
    const m = consolidatedReportModel({ plan: small, units, reports: [], periodId: '2024Q1', asOf: '2024-03-17' })
    expect(m.units.map((u) => [u.unitId, u.missing, u.pending])).toEqual([
      ['snv', 0, 1],
      ['x', 1, 0],
    ])
    expect(m.missing.map((g) => g.unitId)).toEqual(['x'])
  })

  it('lets grace days turn a late report on time', () => {
    const late = report({ submittedAt: '2024-03-20T09:00:00+07:00' })
    const strict = consolidatedReportModel({ plan: small, units, reports: [late], periodId: '2024Q1', asOf: '2024-03-25' })
    const lenient = consolidatedReportModel({ plan: small, units, reports: [late], periodId: '2024Q1', asOf: '2024-03-25', graceDays: 2 })
    expect(strict.late.map((g) => g.unitId)).toEqual(['snv'])
    expect(lenient.late).toEqual([])
  })

  it('lists a report filed today for a past quarter as not received as of the deadline, and late as of today', () => {
    const today = report({ submittedAt: '2026-12-05T09:00:00+07:00' })
    // As a report printed the day after the province's deadline (18/03) would have read: the
    // line agrees with the counts, and names no filing day that had not come yet.
    const then = consolidatedReportModel({ plan: small, units, reports: [today], periodId: '2024Q1', asOf: '2024-03-19' })
    const line = then.sections[0]?.tasks[0]?.units[0]
    expect(line).toMatchObject({ unitId: 'snv', submission: 'missing' })
    expect(line?.submittedOn).toBeUndefined()
    expect(then.units.find((u) => u.unitId === 'snv')).toMatchObject({ missing: 1, late: 0 })
    // Printed today: filed, late, on its line and in the counts.
    const now = consolidatedReportModel({ plan: small, units, reports: [today], periodId: '2024Q1', asOf: '2026-12-05' })
    expect(now.sections[0]?.tasks[0]?.units[0]).toMatchObject({ unitId: 'snv', submission: 'late', submittedOn: '2026-12-05' })
    expect(now.units.find((u) => u.unitId === 'snv')).toMatchObject({ missing: 0, late: 1 })
  })

  it('judges a line by the grace days too', () => {
    const withinGrace = report({ submittedAt: '2024-03-20T09:00:00+07:00' })
    const m = consolidatedReportModel({ plan: small, units, reports: [withinGrace], periodId: '2024Q1', asOf: '2024-03-25', graceDays: 2 })
    expect(m.sections[0]?.tasks[0]?.units[0]).toMatchObject({ unitId: 'snv', submission: 'on-time' })
  })

  it('follows a stored period’s own window and deadline over the defaults', () => {
    const m = consolidatedReportModel({
      plan: small,
      units,
      reports: [],
      periodId: '2024Q1',
      asOf: '2024-03-20',
      periodRule: {
        type: 'quarter',
        index: 1,
        cutoffStart: { month: 1, day: 1, yearOffset: 0 },
        cutoffEnd: { month: 3, day: 20, yearOffset: 0 },
        due: { month: 3, day: 25, yearOffset: 0 },
      },
    })
    expect(m.period.cutoff).toEqual({ start: '2024-01-01', end: '2024-03-20' })
    // The plan's date is the province's; the commune reports two days earlier.
    expect(m.period.deadlines).toEqual([
      { level: 'commune', date: '2024-03-23' },
      { level: 'province', date: '2024-03-25' },
    ])
    expect(m.summary.reporting.pending).toBe(2)
  })

  it('judges a filed report without a filing time as filed on the day of the figures (an import from a spreadsheet)', () => {
    const m = consolidatedReportModel({ plan: small, units, reports: [report({})], periodId: '2024Q1', asOf: '2024-03-20' })
    expect(m.sections[0]?.tasks[0]?.units[0]).toMatchObject({ submission: 'late' })
  })

  it('counts only the period’s reports for timeliness but the latest filed of any period for progress', () => {
    const earlier = report({ periodId: '2023Q4', progress: 40, submittedAt: '2023-12-15T09:00:00+07:00' })
    const m = consolidatedReportModel({ plan: small, units, reports: [earlier], periodId: '2024Q1', asOf: '2024-03-25' })
    expect(m.sections[0]?.tasks[0]?.units[0]).toMatchObject({ submission: 'missing', progress: 40, workStatus: 'in-progress' })
  })

  it('writes labels in English when asked', () => {
    const m = consolidatedReportModel({ plan: small, units, reports: [], periodId: '2024Q1', asOf: '2024-03-25', locale: 'en' })
    expect(m.period.label).toBe('Q1 2024')
    expect(m.sections[0]?.tasks[1]?.lead).toEqual(["Commune people's committees"])
  })

  it('rejects a period id that does not parse', () => {
    expect(() => consolidatedReportModel({ plan: small, units, reports: [], periodId: '2024Q5', asOf: '2024-03-25' })).toThrow(RangeError)
  })
})
