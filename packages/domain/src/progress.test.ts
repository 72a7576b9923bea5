import { describe, expect, it } from 'vitest'
import type { TaskAssignment } from './completeness'
import { SectionSchema } from './plan'
import { progressRollup } from './progress'
import type { Report } from './report'
import {
  CHAU_THANH,
  GIONG_RIENG,
  MINH_LUONG,
  BINH_AN,
  NGOC_CHUC,
  THANH_HUNG,
  MTTQ,
  DISTRICTS,
  COMMUNES,
  T13,
  T23,
  dueDateOf,
  report,
  filed,
} from './rollup.fixture'

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
    expect(result.progress).toBeCloseTo((22.5 * 1 + (((530 / 6) * 3) / 4) * 2) / 3, 6)
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

  it('of two reports ending the same month and filed at the same moment, the longer period counts, in any order', () => {
    const rs = [
      report(T13, MINH_LUONG, '2018Q2', { ...filed('2018-06-14'), progress: 60 }),
      report(T13, MINH_LUONG, '2018S1', { ...filed('2018-06-14'), progress: 65 }),
    ]
    for (const reports of [rs, [...rs].reverse()]) {
      const t = progressRollup({ sections, assignments, reports, dueDateOf, asOf }).sections[0]?.tasks[0]
      expect(t?.units[0]).toMatchObject({ unitId: MINH_LUONG, progress: 65, periodId: '2018S1' })
    }
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
