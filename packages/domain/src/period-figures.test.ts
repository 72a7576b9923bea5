import { describe, expect, it } from 'vitest'
import { periodFigures, type PeriodFiguresInput } from './period-figures'
import { PlanSchema } from './plan'
import type { Report } from './report'
import { completenessByUnit, type TaskAssignment } from './completeness'
import { parseTimeframe } from './timeframe'
import type { UnitLevel } from './unit'

// A slice of Kiên Giang (97/KH-UBND 2018): the province, a department, a district and a commune.
const parents: Record<string, string | null> = { kg: null, snv: 'kg', ct: 'kg', ml: 'ct' }
const levels: Record<string, UnitLevel> = { kg: 'province', snv: 'province', ct: 'district', ml: 'commune' }

const plan = PlanSchema.parse({
  number: '97/KH-UBND',
  title: 'Kế hoạch hành động nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018',
  issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
  issuedOn: '2018-05-18',
  index: 'papi',
  years: { from: 2018, to: 2018 },
  scopeUnitId: 'kg',
  sections: [
    {
      code: '1',
      title: 'Tham gia của người dân ở cấp cơ sở',
      tasks: [
        { code: '1.3', title: 'Công khai các khoản đóng góp', lead: [{ text: 'UBND cấp xã' }], timeframe: parseTimeframe('Thường xuyên') },
        { code: '1.4', title: 'Bầu trưởng ấp', lead: [{ text: 'UBND cấp huyện' }], timeframe: parseTimeframe('Quý III năm 2018') },
      ],
    },
    {
      code: '2',
      title: 'Công khai, minh bạch',
      tasks: [
        { code: '2.3', title: 'Niêm yết thủ tục', lead: [{ text: 'Sở Nội vụ' }], timeframe: parseTimeframe('Tháng 5 năm 2018') },
        { code: '2.6', title: 'Tập huấn', lead: [{ text: 'Công an tỉnh' }], timeframe: parseTimeframe('Tháng 5 năm 2018') },
      ],
    },
  ],
})

const assignments: TaskAssignment[] = [
  { taskId: '1.3', unitId: 'ml', role: 'lead' },
  { taskId: '1.3', unitId: 'ct', role: 'coordinator' },
  { taskId: '1.4', unitId: 'ct', role: 'lead' },
  { taskId: '2.3', unitId: 'snv', role: 'lead' },
  // 2.6: its lead matched no unit.
]

const report = (taskId: string, unitId: string, over: Partial<Report> = {}): Report => ({
  taskId,
  unitId,
  periodId: '2018Q2',
  status: 'submitted',
  workStatus: 'in-progress',
  progress: 50,
  narrative: '',
  kpiValues: [],
  evidence: [],
  version: 1,
  ...over,
})

const input = (over: Partial<PeriodFiguresInput> = {}): PeriodFiguresInput => ({
  plan,
  periodId: '2018Q2',
  assignments,
  reports: [],
  asOf: '2018-06-25',
  issuerLevel: 'province',
  levelOf: (id) => levels[id] ?? 'province',
  parentOf: (id) => parents[id] ?? null,
  rootId: 'kg',
  ...over,
})

describe('periodFigures', () => {
  it('lists the tasks due in the period and the reports their lead units owe, with each level’s deadline', () => {
    const f = periodFigures(input())
    // 1.4 is Quý III: not due in Q2.
    expect(f.due).toEqual([
      { taskId: '1.3', reason: 'ongoing' },
      { taskId: '2.3', reason: 'window' },
      { taskId: '2.6', reason: 'window' },
    ])
    // Coordinators owe nothing; 2.6 has nobody to owe it.
    expect(f.owed.map((o) => [o.taskId, o.unitId, o.deadline])).toEqual([
      ['1.3', 'ml', '2018-06-16'],
      ['2.3', 'snv', '2018-06-18'],
    ])
    expect(f.deadlines).toEqual([
      { level: 'commune', date: '2018-06-16' },
      { level: 'province', date: '2018-06-18' },
    ])
    expect(f.asOf).toBe('2018-06-25')
  })

  it.each([
    // [case, commune filed at, as of, grace days, commune's state, totals]
    [
      'nothing filed, deadlines past',
      undefined,
      '2018-06-25',
      0,
      'missing',
      { expected: 2, submitted: 0, onTime: 0, late: 0, missing: 2, pending: 0 },
    ],
    [
      'nothing filed, deadlines ahead',
      undefined,
      '2018-06-15',
      0,
      'pending',
      { expected: 2, submitted: 0, onTime: 0, late: 0, missing: 0, pending: 2 },
    ],
    [
      'filed on the commune’s deadline',
      '2018-06-16T09:00:00+07:00',
      '2018-06-25',
      0,
      'on-time',
      { submitted: 1, onTime: 1, late: 0, missing: 1 },
    ],
    ['filed a day late', '2018-06-17T09:00:00+07:00', '2018-06-25', 0, 'late', { submitted: 1, onTime: 0, late: 1, missing: 1 }],
    [
      'filed a day late, within two days’ grace',
      '2018-06-17T09:00:00+07:00',
      '2018-06-25',
      2,
      'on-time',
      { submitted: 1, onTime: 1, late: 0, missing: 1 },
    ],
    [
      'filed after the day the figures are for',
      '2018-06-17T09:00:00+07:00',
      '2018-06-16',
      0,
      'pending',
      { submitted: 0, onTime: 0, late: 0, missing: 0, pending: 2 },
    ],
  ] as const)('%s', (_, submittedAt, asOf, graceDays, state, totals) => {
    const reports = submittedAt === undefined ? [] : [report('1.3', 'ml', { submittedAt })]
    const f = periodFigures(input({ reports, asOf, graceDays }))
    expect(f.owed.find((o) => o.unitId === 'ml')?.state).toBe(state)
    expect(f.total).toMatchObject({ unitId: 'kg', ...totals })
  })

  it('counts each unit on its own and sums them up the tree, rates from the sums', () => {
    const reports = [report('1.3', 'ml', { submittedAt: '2018-06-15T09:00:00+07:00' })]
    const f = periodFigures(input({ reports }))
    expect(f.units.map((u) => [u.unitId, u.expected, u.submitted, u.deadline])).toEqual([
      ['ml', 1, 1, '2018-06-16'],
      ['snv', 1, 0, '2018-06-18'],
    ])
    expect(f.rolledUp.get('ct')).toMatchObject({ expected: 1, submitted: 1, completeness: 100 })
    expect(f.rolledUp.get('kg')).toMatchObject({ expected: 2, submitted: 1, completeness: 50, timeliness: 50 })
    expect(f.total).toEqual(f.rolledUp.get('kg'))
  })

  it('counts only the period’s reports for timeliness but the latest filed of any period for progress', () => {
    const earlier = report('1.3', 'ml', { periodId: '2018Q1', progress: 30, submittedAt: '2018-03-14T09:00:00+07:00' })
    const f = periodFigures(input({ reports: [earlier] }))
    expect(f.owed.find((o) => o.unitId === 'ml')?.state).toBe('missing')
    expect(f.progress.sections[0]?.tasks[0]).toMatchObject({ taskId: '1.3', progress: 30 })
  })

  it('lists every task but counts outcomes only on tasks someone in view is assigned to', () => {
    const f = periodFigures(input())
    expect(f.progress.sections.flatMap((s) => s.tasks.map((t) => [t.taskId, t.outcome, t.units.length]))).toEqual([
      ['1.3', 'not-yet-due', 1],
      ['1.4', 'not-yet-due', 1],
      ['2.3', 'overdue', 1],
      ['2.6', 'overdue', 0],
    ])
    // 2.6 is overdue on paper, but nobody's: it is not counted against anyone.
    expect(f.progress.outcomes).toEqual({ 'done-on-time': 0, 'done-late': 0, 'not-yet-due': 2, overdue: 1 })
    expect(f.progress.sections[1]?.outcomes).toMatchObject({ overdue: 1 })
  })

  it('narrows to a subtree through the assignments it is given', () => {
    const inDistrict = assignments.filter((a) => ['ct', 'ml'].includes(a.unitId))
    const f = periodFigures(input({ assignments: inDistrict, rootId: 'ct' }))
    expect(f.owed.map((o) => o.unitId)).toEqual(['ml'])
    expect(f.total).toMatchObject({ unitId: 'ct', expected: 1 })
    expect(f.progress.outcomes).toEqual({ 'done-on-time': 0, 'done-late': 0, 'not-yet-due': 2, overdue: 0 })
  })

  it('follows a stored period’s own deadline, stated for the issuer’s level', () => {
    const rules = [
      {
        type: 'quarter' as const,
        index: 2,
        cutoffStart: { month: 3, day: 15, yearOffset: 0 },
        cutoffEnd: { month: 6, day: 14, yearOffset: 0 },
        due: { month: 6, day: 22, yearOffset: 0 },
      },
    ]
    const f = periodFigures(input({ rules }))
    expect(f.deadlines).toEqual([
      { level: 'commune', date: '2018-06-20' },
      { level: 'province', date: '2018-06-22' },
    ])
  })

  // periodFigures judges each owed report once and counts those states; completenessByUnit is the
  // rule of the counts, from the same reports.
  it.each([
    ['before the deadline', '2018-06-10', undefined, 0],
    ['after the deadlines', '2018-06-25', undefined, 1],
    ['with grace days', '2018-06-25', 5, 1],
    ['long after, with reports filed late', '2018-09-01', 0, 1],
  ] as const)('counts each unit as completenessByUnit does for the same reports: %s', (_, asOf, graceDays, accepted) => {
    const reports = [
      report('1.3', 'ml', { status: 'accepted', submittedAt: '2018-06-15T09:00:00+07:00' }),
      report('1.4', 'ct', { status: 'draft' }),
      report('2.3', 'snv', { status: 'submitted', submittedAt: '2018-06-20T16:30:00Z', version: 2 }),
      report('2.3', 'snv', { status: 'returned', submittedAt: '2018-06-01T09:00:00+07:00', version: 1 }),
      report('1.3', 'ml', { periodId: '2018Q1', submittedAt: '2018-03-14T09:00:00+07:00' }),
    ]
    const f = periodFigures(input({ reports, asOf, graceDays }))
    const deadlineOf = new Map(f.units.map((u) => [u.unitId, u.deadline]))
    const counted = completenessByUnit(
      f.owed,
      reports.filter((r) => r.periodId === '2018Q2'),
      (unitId) => deadlineOf.get(unitId) ?? '',
      asOf,
      graceDays === undefined ? {} : { graceDays },
    )
    expect(f.units.map(({ deadline: _, ...stats }) => stats)).toEqual(counted)
    expect(counted.reduce((n, u) => n + u.accepted, 0)).toBe(accepted)
  })

  it('rejects a period id that does not parse', () => {
    expect(() => periodFigures(input({ periodId: '2018Q5' }))).toThrow(RangeError)
  })
})
