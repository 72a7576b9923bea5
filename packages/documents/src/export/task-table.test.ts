import { describe, expect, it } from 'vitest'
import { KIEN_GIANG_AS_OF, KIEN_GIANG_UNITS, kienGiangPlan, kienGiangReports } from './kien-giang.fixture'
import { taskTableModel } from './task-table'

const plan = kienGiangPlan()

describe('taskTableModel', () => {
  it('lays out Kiên Giang 97/KH-UBND as its appendix does: 6 sections, 31 tasks', () => {
    const model = taskTableModel({ plan })
    expect(model.sections.map((s) => s.code)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(model.sections.flatMap((s) => s.tasks)).toHaveLength(31)
    expect(model.sections[0]?.title).toBe('Tham gia của người dân ở cấp cơ sở')
  })

  it('names assignees in the plan’s own words and keeps the timeframe as read', () => {
    const task = taskTableModel({ plan }).sections[1]?.tasks[2]
    expect(task).toMatchObject({
      code: '2.3',
      title: 'Công khai kế hoạch sử dụng đất chi tiết năm 2018 tại trụ sở UBND cấp xã',
      lead: ['UBND cấp huyện', 'UBND cấp xã'],
      coordinators: ['MTTQ và các đoàn thể có liên quan'],
      timeframe: { kind: 'window', text: 'Quý II năm 2018', start: '2018-04-01', end: '2018-06-30' },
    })
    expect(task?.status).toBeUndefined()
  })

  it('names class assignees by their English label and named units by name in English', () => {
    const task = taskTableModel({ plan, units: KIEN_GIANG_UNITS, locale: 'en' }).sections[0]?.tasks[0]
    expect(task?.lead).toEqual(['Sở Nội vụ', "District people's committees", "Commune people's committees"])
  })

  it('is dated the plan’s issue date unless told otherwise, and issued by the plan’s issuer', () => {
    expect(taskTableModel({ plan }).document).toEqual({
      issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
      place: 'Kiên Giang',
      date: '2018-05-18',
      plan: { number: '97/KH-UBND', title: plan.title, issuer: 'Ủy ban nhân dân tỉnh Kiên Giang', issuedOn: '2018-05-18' },
    })
    expect(taskTableModel({ plan, asOf: '2018-07-05T08:00:00+07:00', issuer: 'Sở Nội vụ tỉnh Kiên Giang' }).document).toMatchObject({
      issuer: 'Sở Nội vụ tỉnh Kiên Giang',
      date: '2018-07-05',
    })
  })

  it('with reports, gives each task its outcome and progress as of the day', () => {
    const model = taskTableModel({
      plan,
      units: KIEN_GIANG_UNITS,
      reports: kienGiangReports(plan),
      periodId: '2018Q2',
      asOf: KIEN_GIANG_AS_OF,
    })
    const byCode = new Map(model.sections.flatMap((s) => s.tasks).map((t) => [t.code, t.status]))
    expect(model.period).toEqual({ id: '2018Q2', label: 'Quý II/2018', asOf: '2018-07-05' })
    // Tháng 6 năm 2018, done by Sở Tài nguyên và Môi trường on 10/06.
    expect(byCode.get('2.6')).toEqual({ outcome: 'done-on-time', progress: 100, dueDate: '2018-06-30' })
    // Quý II năm 2018, not done by 30/06.
    expect(byCode.get('2.3')?.outcome).toBe('overdue')
    // Thường xuyên: never overdue.
    expect(byCode.get('2.4')).toMatchObject({ outcome: 'not-yet-due', progress: 90 })
    // No lead of 6.4 is in the tree, so its coordinators (the district and commune committees)
    // drive it, and they reported nothing on it.
    expect(byCode.get('6.4')?.progress).toBe(0)
  })

  it('throws on reports without a period to judge them by (a caller bug)', () => {
    expect(() => taskTableModel({ plan, reports: [] })).toThrow(TypeError)
  })
})
