import { describe, expect, it } from 'vitest'
import { SectionSchema } from './plan'
import { ReportSchema, type Report } from './report'
import {
  approvalState,
  completenessByUnit,
  expectedReports,
  expectedReportState,
  fullyAcceptedUnits,
  isFiled,
  latestVersions,
  progressRollup,
  rollupByUnit,
  submissionTimeliness,
  sumReportingStats,
  taskOutcome,
  unitsToRemind,
  type ExpectedReport,
  type TaskAssignment,
  type UnitReportingStats,
} from './rollup'

// A slice of Kiên Giang (97/KH-UBND, 2018): the province, two districts, four communes.
const KG = 'kg'
const CHAU_THANH = 'kg-chau-thanh'
const GIONG_RIENG = 'kg-giong-rieng'
const MINH_LUONG = 'kg-ct-minh-luong'
const BINH_AN = 'kg-ct-binh-an'
const NGOC_CHUC = 'kg-gr-ngoc-chuc'
const THANH_HUNG = 'kg-gr-thanh-hung'
const MTTQ = 'kg-mttq'

const parents: Record<string, string | null> = {
  [KG]: null,
  [CHAU_THANH]: KG,
  [GIONG_RIENG]: KG,
  [MINH_LUONG]: CHAU_THANH,
  [BINH_AN]: CHAU_THANH,
  [NGOC_CHUC]: GIONG_RIENG,
  [THANH_HUNG]: GIONG_RIENG,
  [MTTQ]: KG,
}
const parentOf = (id: string) => parents[id] ?? null
const childrenOf = (id: string) => Object.keys(parents).filter((c) => parents[c] === id && c !== MTTQ)

const DISTRICTS = [CHAU_THANH, GIONG_RIENG]
const COMMUNES = [MINH_LUONG, BINH_AN, NGOC_CHUC, THANH_HUNG]

// Task 1.3 "Công khai các khoản đóng góp tự nguyện tại địa phương" — UBND cấp xã — Thường xuyên.
// Task 2.3 "Công khai kế hoạch sử dụng đất chi tiết năm 2018 tại trụ sở UBND cấp xã" —
// UBND cấp huyện, UBND cấp xã — Quý II năm 2018.
const T13 = '1.3'
const T23 = '2.3'
const dueDates: Record<string, string> = { [T23]: '2018-06-30' }
const dueDateOf = (taskId: string) => dueDates[taskId]

const report = (taskId: string, unitId: string, periodId: string, over: Partial<Report> = {}): Report =>
  ReportSchema.parse({ taskId, unitId, periodId, ...over })
const filed = (day: string, status: 'submitted' | 'accepted' = 'submitted') => ({
  status,
  submittedAt: `${day}T09:00:00+07:00`,
})

describe('taskOutcome', () => {
  it.each([
    ['2.3 done before its quarter ends is done on time', '2018-06-30', '2018-06-25', '2018-12-14', 'done-on-time'],
    ['2.3 done on its due date is done on time', '2018-06-30', '2018-06-30', '2018-12-14', 'done-on-time'],
    ['2.3 done in July is done late', '2018-06-30', '2018-07-05', '2018-12-14', 'done-late'],
    ['2.3 not done on its due date is not yet due', '2018-06-30', undefined, '2018-06-30', 'not-yet-due'],
    ['2.3 not done the day after is overdue', '2018-06-30', undefined, '2018-07-01', 'overdue'],
    ['2.3 read as of June, before its July completion, is not yet due', '2018-06-30', '2018-07-05', '2018-06-15', 'not-yet-due'],
    ['2.3 read as of 1 July, before its 5 July completion, is overdue', '2018-06-30', '2018-07-05', '2018-07-01', 'overdue'],
    ['1.3 "Thường xuyên" not done is never overdue', undefined, undefined, '2018-12-14', 'not-yet-due'],
    ['1.3 "Thường xuyên" done is done on time', undefined, '2018-09-01', '2018-12-14', 'done-on-time'],
  ] as const)('%s', (_, dueDate, completedOn, asOf, outcome) => {
    expect(taskOutcome({ dueDate, completedOn, asOf })).toBe(outcome)
  })

  it('reads an instant as of its day in Viet Nam', () => {
    // 2018-06-30T20:00Z is 1 July in Hà Nội.
    expect(taskOutcome({ dueDate: '2018-06-30', asOf: '2018-06-30T20:00:00Z' })).toBe('overdue')
  })
})

describe('submissionTimeliness', () => {
  // Đức Hợp 2023: the 6-month report is due before 03/6.
  const deadline = '2023-06-03'
  it.each([
    ['a report submitted on the deadline day is on time', '2023-06-03T16:45:00+07:00', '2023-06-10', 0, 'on-time'],
    ['a report submitted the day before the deadline is on time', '2023-06-02T08:00:00+07:00', '2023-06-10', 0, 'on-time'],
    ['a report submitted the day after the deadline is late', '2023-06-04T08:00:00+07:00', '2023-06-10', 0, 'late'],
    ['a report submitted within the grace days is on time', '2023-06-05T08:00:00+07:00', '2023-06-10', 2, 'on-time'],
    ['a report submitted after the grace days is late', '2023-06-06T08:00:00+07:00', '2023-06-10', 2, 'late'],
    ['a report sent at 01:00 Hà Nội time the next day (still the deadline day in UTC) is late', '2023-06-03T18:00:00Z', '2023-06-10', 0, 'late'],
    ['nothing filed before the deadline is pending', undefined, '2023-06-01', 0, 'pending'],
    ['nothing filed on the deadline day is still pending', undefined, '2023-06-03', 0, 'pending'],
    ['nothing filed the day after the deadline is missing', undefined, '2023-06-04', 0, 'missing'],
    ['nothing filed within the grace days is pending', undefined, '2023-06-05', 2, 'pending'],
    ['a report filed after the as-of day is not yet filed as of that day', '2023-06-08T08:00:00+07:00', '2023-06-05', 0, 'missing'],
  ] as const)('%s', (_, submittedAt, asOf, graceDays, state) => {
    expect(submissionTimeliness({ submittedAt, deadline, asOf, graceDays })).toBe(state)
  })
})

// Quarter II 2018: communes report 1.3 and 2.3, districts report 2.3. Deadlines run bottom-up
// (Envisio): communes by 10/6, districts by 12/6 so they have time to consolidate.
const expectedQ2: ExpectedReport[] = [
  ...COMMUNES.map((unitId) => ({ taskId: T13, unitId })),
  ...[...DISTRICTS, ...COMMUNES].map((unitId) => ({ taskId: T23, unitId })),
]
const deadlineFor = (unitId: string) => (DISTRICTS.includes(unitId) ? '2018-06-12' : '2018-06-10')
const reportsQ2: Report[] = [
  report(T13, MINH_LUONG, '2018Q2', filed('2018-06-08', 'accepted')),
  report(T23, MINH_LUONG, '2018Q2', filed('2018-06-09', 'accepted')),
  report(T13, BINH_AN, '2018Q2', filed('2018-06-11')),
  report(T23, BINH_AN, '2018Q2', { status: 'draft' }),
  report(T13, NGOC_CHUC, '2018Q2', { status: 'submitted', submittedAt: '2018-06-10T23:00:00+07:00' }),
  report(T23, NGOC_CHUC, '2018Q2', { ...filed('2018-06-05'), status: 'returned' }),
  report(T23, CHAU_THANH, '2018Q2', filed('2018-06-12')),
  // Filed by a coordinator nobody expected a report from: does not count.
  report(T23, MTTQ, '2018Q2', filed('2018-06-01')),
]
const asOfQ2 = '2018-06-20'

describe('completenessByUnit', () => {
  const stats = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, asOfQ2)
  const byUnit = new Map(stats.map((s) => [s.unitId, s]))

  it.each([
    ['Minh Lương filed both on time and both were accepted', MINH_LUONG, { expected: 2, submitted: 2, accepted: 2, onTime: 2, late: 0, missing: 0, completeness: 100, timeliness: 100 }],
    ['Bình An filed 1.3 late and left 2.3 in draft', BINH_AN, { expected: 2, submitted: 1, onTime: 0, late: 1, missing: 1, completeness: 50, timeliness: 0 }],
    ['Ngọc Chúc filed 1.3 at 23:00 on the deadline day; its returned 2.3 is back with it', NGOC_CHUC, { expected: 2, submitted: 1, onTime: 1, late: 0, missing: 1, completeness: 50, timeliness: 50 }],
    ['Thạnh Hưng filed nothing', THANH_HUNG, { expected: 2, submitted: 0, missing: 2, completeness: 0, timeliness: 0 }],
    ['Châu Thành district filed 2.3 on its later deadline', CHAU_THANH, { expected: 1, submitted: 1, onTime: 1, completeness: 100, timeliness: 100 }],
    ['Giồng Riềng district filed nothing', GIONG_RIENG, { expected: 1, submitted: 0, missing: 1, completeness: 0 }],
  ])('%s', (_, unitId, expected) => {
    expect(byUnit.get(unitId)).toMatchObject(expected)
  })

  it('counts only what was expected: an unasked-for report adds no unit and no rate', () => {
    expect(byUnit.has(MTTQ)).toBe(false)
  })

  it.each(stats.map((s) => [s.unitId, s] as const))('%s: filed + missing + pending = expected', (_, s) => {
    expect(s.submitted + s.missing + s.pending).toBe(s.expected)
    expect(s.onTime + s.late).toBe(s.submitted)
  })

  it('before the deadline an unfiled report is pending, not missing', () => {
    const early = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, '2018-06-09')
    expect(early.find((s) => s.unitId === THANH_HUNG)).toMatchObject({ missing: 0, pending: 2, completeness: 0 })
  })

  it('grace days turn a slightly late report into an on-time one', () => {
    const graced = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, asOfQ2, { graceDays: 1 })
    expect(graced.find((s) => s.unitId === BINH_AN)).toMatchObject({ onTime: 1, late: 0 })
  })

  it('of two versions of one report the newer counts', () => {
    const older = report(T13, THANH_HUNG, '2018Q2', { status: 'draft', version: 1 })
    const newer = report(T13, THANH_HUNG, '2018Q2', { ...filed('2018-06-09'), version: 2 })
    const [s] = completenessByUnit([{ taskId: T13, unitId: THANH_HUNG }], [newer, older], deadlineFor, asOfQ2)
    expect(s).toMatchObject({ submitted: 1, onTime: 1 })
  })

  it('refuses reports from more than one period', () => {
    const mixed = [...reportsQ2, report(T13, MINH_LUONG, '2018Q3')]
    expect(() => completenessByUnit(expectedQ2, mixed, deadlineFor, asOfQ2)).toThrow(/one period/)
  })
})

describe('isFiled', () => {
  it.each([
    ['draft', false],
    ['submitted', true],
    ['accepted', true],
    ['returned', false],
  ] as const)('a %s report is filed: %s', (status, expected) => {
    expect(isFiled({ status })).toBe(expected)
  })
})

describe('expectedReports', () => {
  // Task 2.3 is led by the district and commune committees; 1.3 by the communes, Mặt trận coordinating.
  const assignments: TaskAssignment[] = [
    { taskId: T23, unitId: CHAU_THANH, role: 'lead' },
    { taskId: T23, unitId: MINH_LUONG, role: 'lead' },
    { taskId: T13, unitId: MINH_LUONG, role: 'lead' },
    { taskId: T13, unitId: MTTQ, role: 'coordinator' },
    { taskId: T13, unitId: BINH_AN },
    { taskId: T13, unitId: MINH_LUONG, role: 'lead' },
  ]

  it.each<[string, string[], ExpectedReport[]]>([
    [
      'in 2018Q2 both tasks are due: every lead owes one, the coordinator none',
      [T13, T23],
      [
        { taskId: T23, unitId: CHAU_THANH },
        { taskId: T23, unitId: MINH_LUONG },
        { taskId: T13, unitId: MINH_LUONG },
        { taskId: T13, unitId: BINH_AN },
      ],
    ],
    [
      'in 2018Q3 only the ongoing 1.3 is due',
      [T13],
      [
        { taskId: T13, unitId: MINH_LUONG },
        { taskId: T13, unitId: BINH_AN },
      ],
    ],
    ['nothing due, nothing owed', [], []],
  ])('%s', (_case, due, expected) => {
    expect(expectedReports(assignments, due)).toEqual(expected)
  })
})

describe('expectedReportState', () => {
  const deadline = '2018-06-18'
  it.each<[string, Partial<Report> | undefined, string, string]>([
    ['nothing saved, deadline ahead', undefined, '2018-06-10', 'pending'],
    ['nothing saved, deadline passed', undefined, '2018-06-20', 'missing'],
    ['a draft is not in', { status: 'draft' }, '2018-06-20', 'missing'],
    ['a returned report is back with the unit', { status: 'returned', submittedAt: '2018-06-15T09:00:00+07:00' }, '2018-06-20', 'missing'],
    ['filed before the deadline', filed('2018-06-15'), '2018-06-20', 'on-time'],
    ['accepted after the deadline', filed('2018-06-19', 'accepted'), '2018-06-20', 'late'],
    ['filed without a time counts as filed on asOf', { status: 'submitted' }, '2018-06-20', 'late'],
    ['filed without a time before the deadline is on time', { status: 'submitted' }, '2018-06-12', 'on-time'],
  ])('%s', (_case, over, asOf, expected) => {
    const saved = over === undefined ? undefined : report(T23, MINH_LUONG, '2018Q2', over)
    expect(expectedReportState({ report: saved, deadline, asOf })).toBe(expected)
  })

  it('stretches the deadline by the grace days', () => {
    expect(expectedReportState({ report: report(T23, MINH_LUONG, '2018Q2', filed('2018-06-19')), deadline, asOf: '2018-06-25', graceDays: 1 })).toBe('on-time')
  })
})

describe('latestVersions', () => {
  it('finds the highest version of each pair', () => {
    const reportOf = latestVersions([
      report(T23, MINH_LUONG, '2018Q2', { version: 2, narrative: 'v2' }),
      report(T23, MINH_LUONG, '2018Q2', { version: 3, narrative: 'v3' }),
      report(T23, BINH_AN, '2018Q2', { version: 1, narrative: 'other' }),
    ])
    expect(reportOf(T23, MINH_LUONG)?.narrative).toBe('v3')
    expect(reportOf(T23, BINH_AN)?.narrative).toBe('other')
    expect(reportOf(T13, MINH_LUONG)).toBeUndefined()
  })
})

describe('sumReportingStats', () => {
  const stats = (unitId: string, expected: number, submitted: number, onTime: number): UnitReportingStats => ({
    unitId,
    expected,
    submitted,
    accepted: 0,
    onTime,
    late: submitted - onTime,
    missing: expected - submitted,
    pending: 0,
    completeness: null,
    timeliness: null,
  })

  it.each<[string, UnitReportingStats[], number, number | null, number | null]>([
    ['rates come from the sums, not the mean of rates (10 owed and 1 owed)', [stats(CHAU_THANH, 10, 10, 10), stats(GIONG_RIENG, 1, 0, 0)], 11, (10 / 11) * 100, (10 / 11) * 100],
    ['two plans of the province', [stats(KG, 4, 2, 1), stats(KG, 4, 4, 3)], 8, 75, 50],
    ['nothing expected has no rate', [], 0, null, null],
  ])('%s', (_case, list, expected, completeness, timeliness) => {
    const total = sumReportingStats(list, KG)
    expect(total).toMatchObject({ unitId: KG, expected, completeness, timeliness })
  })
})

describe('rollupByUnit', () => {
  const perUnit = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, asOfQ2)
  const tree = rollupByUnit(perUnit, parentOf, KG)

  it.each([
    ['Châu Thành shows its own report and its two communes', CHAU_THANH, { expected: 5, submitted: 4, onTime: 3, late: 1, missing: 1, completeness: 80, timeliness: 60 }],
    ['Giồng Riềng shows its own report and its two communes', GIONG_RIENG, { expected: 5, submitted: 1, onTime: 1, missing: 4, completeness: 20, timeliness: 20 }],
    ['the province shows everything', KG, { expected: 10, submitted: 5, accepted: 2, onTime: 4, late: 1, missing: 5, completeness: 50, timeliness: 40 }],
    ['a commune shows only itself', MINH_LUONG, { expected: 2, submitted: 2, completeness: 100 }],
  ])('%s', (_, unitId, expected) => {
    expect(tree.get(unitId)).toMatchObject(expected)
  })

  it('a district scope leaves the rest of the province out', () => {
    const district = rollupByUnit(perUnit, parentOf, CHAU_THANH)
    expect([...district.keys()].sort()).toEqual([BINH_AN, CHAU_THANH, MINH_LUONG].sort())
    expect(district.get(CHAU_THANH)).toMatchObject({ expected: 5, submitted: 4 })
  })

  it('a root with nothing below it still answers, with no rate', () => {
    expect(rollupByUnit([], parentOf, KG).get(KG)).toMatchObject({ expected: 0, completeness: null, timeliness: null })
  })

  it('a cycle in the tree is a bug and throws', () => {
    const stats: UnitReportingStats[] = [{ ...perUnit[0]!, unitId: 'a' }]
    expect(() => rollupByUnit(stats, (id) => (id === 'a' ? 'b' : 'a'), KG)).toThrow(/cycle/)
  })
})

describe('approvalState', () => {
  const all = new Set([KG, ...DISTRICTS, ...COMMUNES])
  const without = (...ids: string[]) => new Set([...all].filter((id) => !ids.includes(id)))

  it.each([
    ['a commune accepted is accepted', MINH_LUONG, new Set([MINH_LUONG]), 'accepted', []],
    ['a commune not accepted is not accepted', BINH_AN, new Set([MINH_LUONG]), 'not-accepted', [BINH_AN]],
    ['a district accepted waits for a commune not yet accepted', CHAU_THANH, new Set([CHAU_THANH, MINH_LUONG]), 'awaiting-subordinates', [BINH_AN]],
    ['the province waits on one commune two levels down', KG, without(THANH_HUNG), 'awaiting-subordinates', [THANH_HUNG]],
    ['the province is not accepted while its own data is not', KG, without(KG, THANH_HUNG), 'not-accepted', [KG, THANH_HUNG]],
    ['the province is accepted when everything below is', KG, all, 'accepted', []],
  ] as const)('%s', (_, unitId, accepted, state, waitingOn) => {
    expect(approvalState(unitId, childrenOf, accepted)).toEqual({ unitId, state, waitingOn })
  })

  it('takes its accepted units from the reporting counts', () => {
    const perUnit = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, asOfQ2)
    expect(fullyAcceptedUnits(perUnit)).toEqual(new Set([MINH_LUONG]))
  })
})

describe('progressRollup', () => {
  const task = (code: string, title: string, timeframe: string, weight?: number) => ({
    code,
    title,
    timeframe: { kind: timeframe === 'Thường xuyên' ? 'ongoing' : 'window', text: timeframe },
    weight,
  })
  const sections = [
    SectionSchema.parse({
      code: '1',
      title: 'Tham gia của người dân ở cấp cơ sở',
      tasks: [
        task(T13, 'Công khai các khoản đóng góp tự nguyện tại địa phương', 'Thường xuyên'),
        task('1.4', 'Hướng dẫn, kiểm tra, đôn đốc việc triển khai thực hiện ở cấp cơ sở', 'Thường xuyên'),
      ],
    }),
    SectionSchema.parse({
      code: '2',
      title: 'Công khai, minh bạch',
      weight: 2,
      tasks: [
        task('2.1', 'Công khai danh sách hộ nghèo, hộ cận nghèo', 'Thường xuyên', 1),
        task(T23, 'Công khai kế hoạch sử dụng đất chi tiết năm 2018 tại trụ sở UBND cấp xã', 'Quý II năm 2018', 3),
      ],
    }),
  ]
  // 1.4 (Sở Nội vụ, UBND cấp huyện) is left unresolved on purpose.
  const assignments: TaskAssignment[] = [
    ...COMMUNES.map((unitId) => ({ taskId: T13, unitId, role: 'lead' as const })),
    { taskId: T13, unitId: MTTQ, role: 'coordinator' },
    ...COMMUNES.map((unitId) => ({ taskId: '2.1', unitId })),
    ...[...DISTRICTS, ...COMMUNES].map((unitId) => ({ taskId: T23, unitId, role: 'lead' as const })),
    { taskId: T23, unitId: MTTQ, role: 'coordinator' },
  ]
  const done = (day: string, completedOn: string, status: 'submitted' | 'accepted' = 'submitted') => ({
    ...filed(day, status),
    workStatus: 'done' as const,
    progress: 100,
    completedOn,
  })
  const reports: Report[] = [
    // 1.3, ongoing
    report(T13, MINH_LUONG, '2018Q1', { ...filed('2018-03-10'), progress: 40 }),
    report(T13, MINH_LUONG, '2018Q2', { ...filed('2018-06-08', 'accepted'), progress: 60 }),
    report(T13, BINH_AN, '2018Q1', { ...filed('2018-03-09'), progress: 30 }),
    report(T13, BINH_AN, '2018Q2', { status: 'draft', progress: 90 }),
    report(T13, NGOC_CHUC, '2018Q2', { ...filed('2018-06-05'), status: 'returned', progress: 70 }),
    report(T13, THANH_HUNG, '2018Q3', { ...filed('2018-09-10'), progress: 80 }),
    report(T13, MTTQ, '2018Q2', { ...filed('2018-06-05'), progress: 100 }),
    // 2.3, due 30/6/2018
    report(T23, MINH_LUONG, '2018Q2', done('2018-06-09', '2018-06-05', 'accepted')),
    report(T23, BINH_AN, '2018Q2', done('2018-06-29', '2018-06-28')),
    report(T23, NGOC_CHUC, '2018Q2', done('2018-06-21', '2018-06-20')),
    report(T23, THANH_HUNG, '2018Q2', { ...filed('2018-06-10'), progress: 50 }),
    // Says done with the slider left at 70: done counts as 100 %.
    report(T23, CHAU_THANH, '2018Q2', { ...done('2018-06-26', '2018-06-25'), progress: 70 }),
    report(T23, GIONG_RIENG, '2018Q2', { ...filed('2018-06-12'), progress: 80 }),
  ]
  const asOf = '2018-07-15'
  const result = progressRollup({ sections, assignments, reports, dueDateOf, asOf })
  const taskOf = (id: string) => result.sections.flatMap((s) => s.tasks).find((t) => t.taskId === id)

  it('a unit counts its latest filed report: drafts, returned and future reports fall back or count 0', () => {
    expect(taskOf(T13)?.units.map((u) => [u.unitId, u.progress, u.periodId])).toEqual([
      [MINH_LUONG, 60, '2018Q2'],
      [BINH_AN, 30, '2018Q1'],
      [NGOC_CHUC, 0, undefined],
      [THANH_HUNG, 0, undefined],
    ])
  })

  it.each([
    ['1.3 averages its lead communes; the coordinator is left out', T13, { progress: 22.5, outcome: 'not-yet-due' }],
    ['1.4 with no unit resolved has no progress', '1.4', { progress: null, outcome: 'not-yet-due' }],
    ['2.1 with nothing filed is at 0 %', '2.1', { progress: 0, outcome: 'not-yet-due' }],
    ['2.3 averages its six lead units and is overdue in July', T23, { progress: 530 / 6, outcome: 'overdue', dueDate: '2018-06-30' }],
  ] as const)('%s', (_, taskId, expected) => {
    const { progress, ...rest } = expected
    const t = taskOf(taskId)
    expect(t).toMatchObject(rest)
    if (progress === null) expect(t?.progress).toBeNull()
    else expect(t?.progress).toBeCloseTo(progress, 6)
  })

  it('a section weighs its tasks, leaving out tasks nobody is assigned', () => {
    const [s1, s2] = result.sections
    expect(s1?.progress).toBeCloseTo(22.5, 6) // 1.4 left out
    expect(s2?.progress).toBeCloseTo(((530 / 6) * 3 + 0 * 1) / 4, 6) // 2.3 weighs 3, 2.1 weighs 1
  })

  it('the plan weighs its sections and counts the four outcomes', () => {
    expect(result.progress).toBeCloseTo((22.5 * 1 + ((530 / 6) * 3) / 4 * 2) / 3, 6)
    expect(result.outcomes).toEqual({ 'done-on-time': 0, 'done-late': 0, 'not-yet-due': 3, overdue: 1 })
    expect(result.sections[1]?.outcomes).toEqual({ 'done-on-time': 0, 'done-late': 0, 'not-yet-due': 1, overdue: 1 })
  })

  it.each([
    ['done on time when the last lead unit finished by 30/6', '2018-06-30', 'done-on-time'],
    ['done late when the last lead unit finished in July', '2018-07-05', 'done-late'],
  ] as const)('2.3 is %s', (_, lastDay, outcome) => {
    const finished = [
      ...reports,
      report(T23, THANH_HUNG, '2018Q3', done('2018-07-06', lastDay)),
      report(T23, GIONG_RIENG, '2018Q3', done('2018-07-06', '2018-06-15')),
    ]
    const t = progressRollup({ sections, assignments, reports: finished, dueDateOf, asOf })
      .sections.flatMap((s) => s.tasks)
      .find((x) => x.taskId === T23)
    expect(t).toMatchObject({ progress: 100, completedOn: lastDay, outcome })
  })

  it('of two reports ending the same month, the later filing counts', () => {
    const rs = [
      report(T13, MINH_LUONG, '2018S1', { ...filed('2018-06-14'), progress: 65 }),
      report(T13, MINH_LUONG, '2018Q2', { ...filed('2018-06-08'), progress: 60 }),
    ]
    const t = progressRollup({ sections, assignments, reports: rs, dueDateOf, asOf }).sections[0]?.tasks[0]
    expect(t?.units[0]).toMatchObject({ unitId: MINH_LUONG, progress: 65, periodId: '2018S1' })
  })

  it('a plan with no assigned work has no progress and no outcomes to hide', () => {
    const empty = progressRollup({ sections: [], assignments: [], reports: [], dueDateOf, asOf })
    expect(empty).toEqual({
      progress: null,
      outcomes: { 'done-on-time': 0, 'done-late': 0, 'not-yet-due': 0, overdue: 0 },
      sections: [],
    })
  })
})

describe('unitsToRemind', () => {
  const row = (unitId: string, submitted: number, expected: number) => ({ unitId, submitted, expected })
  it('lists the units below the consolidating one with reports not all in, whatever the order', () => {
    const rows = [row(CHAU_THANH, 1, 2), row(KG, 1, 3), row(MINH_LUONG, 1, 1), row(BINH_AN, 0, 1)]
    expect(unitsToRemind(rows, KG).map((u) => u.unitId)).toEqual([CHAU_THANH, BINH_AN])
  })
})
