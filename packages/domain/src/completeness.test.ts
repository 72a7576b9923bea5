import { describe, expect, it } from 'vitest'
import {
  completenessByUnit,
  coordinatedTasks,
  expectedReports,
  expectedReportState,
  isFiled,
  listedReportState,
  reportAsItStood,
  latestVersions,
  rollupByUnit,
  submissionTimeliness,
  sumReportingStats,
  unitsToRemind,
  type ExpectedReport,
  type TaskAssignment,
  type UnitReportingStats,
} from './completeness'
import type { Report } from './report'
import {
  KG,
  CHAU_THANH,
  GIONG_RIENG,
  MINH_LUONG,
  BINH_AN,
  NGOC_CHUC,
  THANH_HUNG,
  MTTQ,
  parentOf,
  T13,
  T23,
  report,
  filed,
  expectedQ2,
  deadlineFor,
  reportsQ2,
  asOfQ2,
} from './rollup.fixture'

describe('submissionTimeliness', () => {
  // Đức Hợp 2023: the 6-month report is due before 03/6.
  const deadline = '2023-06-03'
  it.each([
    ['a report submitted on the deadline day is on time', '2023-06-03T16:45:00+07:00', '2023-06-10', 0, 'on-time'],
    ['a report submitted the day before the deadline is on time', '2023-06-02T08:00:00+07:00', '2023-06-10', 0, 'on-time'],
    ['a report submitted the day after the deadline is late', '2023-06-04T08:00:00+07:00', '2023-06-10', 0, 'late'],
    ['a report submitted within the grace days is on time', '2023-06-05T08:00:00+07:00', '2023-06-10', 2, 'on-time'],
    ['a report submitted after the grace days is late', '2023-06-06T08:00:00+07:00', '2023-06-10', 2, 'late'],
    [
      'a report sent at 01:00 Hà Nội time the next day (still the deadline day in UTC) is late',
      '2023-06-03T18:00:00Z',
      '2023-06-10',
      0,
      'late',
    ],
    ['nothing filed before the deadline is pending', undefined, '2023-06-01', 0, 'pending'],
    ['nothing filed on the deadline day is still pending', undefined, '2023-06-03', 0, 'pending'],
    ['nothing filed the day after the deadline is missing', undefined, '2023-06-04', 0, 'missing'],
    ['nothing filed within the grace days is pending', undefined, '2023-06-05', 2, 'pending'],
    ['a report filed after the as-of day is not yet filed as of that day', '2023-06-08T08:00:00+07:00', '2023-06-05', 0, 'missing'],
  ] as const)('%s', (_, submittedAt, asOf, graceDays, state) => {
    expect(submissionTimeliness({ submittedAt, deadline, asOf, graceDays })).toBe(state)
  })
})

describe('completenessByUnit', () => {
  const stats = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, asOfQ2)
  const byUnit = new Map(stats.map((s) => [s.unitId, s]))

  it.each([
    [
      'Minh Lương filed both on time and both were accepted',
      MINH_LUONG,
      { expected: 2, submitted: 2, accepted: 2, onTime: 2, late: 0, missing: 0, completeness: 100, timeliness: 100 },
    ],
    [
      'Bình An filed 1.3 late and left 2.3 in draft',
      BINH_AN,
      { expected: 2, submitted: 1, onTime: 0, late: 1, missing: 1, completeness: 50, timeliness: 0 },
    ],
    [
      'Ngọc Chúc filed 1.3 at 23:00 on the deadline day; its returned 2.3 is back with it',
      NGOC_CHUC,
      { expected: 2, submitted: 1, onTime: 1, late: 0, missing: 1, completeness: 50, timeliness: 50 },
    ],
    ['Thạnh Hưng filed nothing', THANH_HUNG, { expected: 2, submitted: 0, missing: 2, completeness: 0, timeliness: 0 }],
    [
      'Châu Thành district filed 2.3 on its later deadline',
      CHAU_THANH,
      { expected: 1, submitted: 1, onTime: 1, completeness: 100, timeliness: 100 },
    ],
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

describe('coordinatedTasks', () => {
  // Mặt trận coordinates 1.3 and 2.3; Minh Lương leads 1.3 and also coordinates it (a lead, not a coordinator).
  const assignments: TaskAssignment[] = [
    { taskId: T13, unitId: MINH_LUONG, role: 'lead' },
    { taskId: T13, unitId: MTTQ, role: 'coordinator' },
    { taskId: T13, unitId: MINH_LUONG, role: 'coordinator' },
    { taskId: T23, unitId: MTTQ, role: 'coordinator' },
    { taskId: T23, unitId: MTTQ, role: 'coordinator' },
  ]

  it.each<[string, string[], ExpectedReport[]]>([
    [
      'both due: the coordinator sees each task once; a unit that leads a task is not its coordinator',
      [T13, T23],
      [
        { taskId: T13, unitId: MTTQ },
        { taskId: T23, unitId: MTTQ },
      ],
    ],
    ['only 1.3 due', [T13], [{ taskId: T13, unitId: MTTQ }]],
    ['nothing due', [], []],
  ])('%s', (_, due, expected) => {
    expect(coordinatedTasks(assignments, due)).toEqual(expected)
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

describe('listedReportState', () => {
  const deadline = '2018-06-18'
  // The figures of a past period are judged as of its deadline (plus grace); a report listed on
  // its own is judged by the day it was filed.
  const judgedOn = '2018-06-19'
  it.each<[string, Partial<Report> | undefined, number, string]>([
    ['filed today for 2018S1: late, though counted missing as of the deadline', filed('2026-12-05'), 0, 'late'],
    ['accepted after the deadline and the grace days', filed('2018-06-25', 'accepted'), 5, 'late'],
    ['filed within the grace days', filed('2018-06-22'), 5, 'on-time'],
    ['filed on the deadline day', filed('2018-06-18'), 0, 'on-time'],
    ['a draft is missing once the deadline has passed', { status: 'draft' }, 0, 'missing'],
    ['returned reports are back with the unit', { status: 'returned', submittedAt: '2018-06-15T09:00:00+07:00' }, 0, 'missing'],
  ])('%s', (_case, over, graceDays, expected) => {
    const saved = over === undefined ? undefined : report(T23, MINH_LUONG, '2018Q2', over)
    expect(listedReportState({ report: saved, deadline, asOf: judgedOn, graceDays })).toBe(expected)
  })

  it('differs from the count as of the deadline only for what was filed after it', () => {
    const today = report(T23, MINH_LUONG, '2018Q2', filed('2026-12-05'))
    expect(expectedReportState({ report: today, deadline, asOf: judgedOn })).toBe('missing')
    expect(listedReportState({ report: today, deadline, asOf: judgedOn })).toBe('late')
  })
})

describe('reportAsItStood', () => {
  // A document judged on a day shows each report as it stood then.
  it.each<[string, Partial<Report>, string, boolean]>([
    ['filed in 2026, document as of the 2018 deadline: not in yet', filed('2026-12-05'), '2018-06-19', false],
    ['filed in 2026, document as of that day: in', filed('2026-12-05'), '2026-12-05', true],
    ['filed on the deadline, document as of the day after: in', filed('2018-06-18'), '2018-06-19', true],
    ['a draft is shown as it is (not filed, nothing to date)', { status: 'draft' }, '2018-06-19', true],
  ])('%s', (_case, over, asOf, shown) => {
    const saved = report(T23, MINH_LUONG, '2018Q2', over)
    expect(reportAsItStood(saved, asOf)).toBe(shown ? saved : undefined)
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
    expect(
      expectedReportState({ report: report(T23, MINH_LUONG, '2018Q2', filed('2018-06-19')), deadline, asOf: '2018-06-25', graceDays: 1 }),
    ).toBe('on-time')
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
    [
      'rates come from the sums, not the mean of rates (10 owed and 1 owed)',
      [stats(CHAU_THANH, 10, 10, 10), stats(GIONG_RIENG, 1, 0, 0)],
      11,
      (10 / 11) * 100,
      (10 / 11) * 100,
    ],
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
    [
      'Châu Thành shows its own report and its two communes',
      CHAU_THANH,
      { expected: 5, submitted: 4, onTime: 3, late: 1, missing: 1, completeness: 80, timeliness: 60 },
    ],
    [
      'Giồng Riềng shows its own report and its two communes',
      GIONG_RIENG,
      { expected: 5, submitted: 1, onTime: 1, missing: 4, completeness: 20, timeliness: 20 },
    ],
    [
      'the province shows everything',
      KG,
      { expected: 10, submitted: 5, accepted: 2, onTime: 4, late: 1, missing: 5, completeness: 50, timeliness: 40 },
    ],
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

describe('unitsToRemind', () => {
  const row = (unitId: string, submitted: number, expected: number) => ({ unitId, submitted, expected })
  it('lists the units below the consolidating one with reports not all in, whatever the order', () => {
    const rows = [row(CHAU_THANH, 1, 2), row(KG, 1, 3), row(MINH_LUONG, 1, 1), row(BINH_AN, 0, 1)]
    expect(unitsToRemind(rows, KG).map((u) => u.unitId)).toEqual([CHAU_THANH, BINH_AN])
  })
})
