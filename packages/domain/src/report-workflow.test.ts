import { describe, expect, it } from 'vitest'
import { ReportSchema, ReportStatusSchema, type Report, type ReportStatus } from './report'
import {
  applyReportAction,
  availableActions,
  decidedSave,
  type ReportContent,
  canTransition,
  REPORT_TRANSITIONS,
  ReportActionSchema,
  reportActionPermission,
  ReportContentSchema,
  workProgressIssue,
  type ReportAction,
  type ReportActionType,
} from './report-workflow'

// Kiên Giang 97/KH-UBND 2018, task 2.3 "Công khai kế hoạch sử dụng đất chi tiết năm 2018 tại trụ
// sở UBND cấp xã", Quý II năm 2018, reported by one commune for the second quarter.
const report = (over: Partial<Report> = {}): Report =>
  ReportSchema.parse({
    id: 'r-2.3-minh-luong-2018Q2',
    taskId: '2.3',
    unitId: 'kg-chau-thanh-minh-luong',
    periodId: '2018Q2',
    narrative: 'Đã niêm yết kế hoạch sử dụng đất tại trụ sở UBND xã.',
    version: 3,
    ...over,
  })

const at = '2018-06-12T09:30:00+07:00'

const ok = (r: ReturnType<typeof applyReportAction>): Report => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.report
}

describe('canTransition', () => {
  const statuses: ReportStatus[] = ['draft', 'submitted', 'accepted', 'returned']
  const allowed: Record<ReportStatus, ReportActionType[]> = {
    draft: ['save', 'submit'],
    submitted: ['accept', 'return'],
    accepted: ['reopen'],
    returned: ['save', 'submit'],
  }
  it.each(statuses)('from %s allows exactly its table row', (status) => {
    const actions = (['save', 'submit', 'accept', 'return', 'reopen'] as const).filter((a) => canTransition(status, a))
    expect(actions).toEqual(allowed[status])
  })
  it('agrees with the transition table', () => {
    expect(REPORT_TRANSITIONS.reopen).toMatchObject({ from: ['accepted'], to: 'returned', by: 'standing-agency' })
  })
})

describe('availableActions', () => {
  it.each([
    ['draft', 'unit', ['save', 'submit']],
    ['draft', 'standing-agency', []],
    ['submitted', 'unit', []],
    ['submitted', 'standing-agency', ['accept', 'return']],
    ['accepted', 'standing-agency', ['reopen']],
    ['returned', 'unit', ['save', 'submit']],
  ] as const)('a %s report offers the %s %j', (status, actor, actions) => {
    expect(availableActions(status, actor)).toEqual(actions)
  })
})

describe('applyReportAction', () => {
  it('a save on a draft changes content, keeps the status and bumps the version', () => {
    const next = ok(applyReportAction(report(), { type: 'save', changes: { progress: 60 } }, { at, expectedVersion: 3 }))
    expect(next).toMatchObject({ status: 'draft', progress: 60, version: 4 })
    expect(next.narrative).toBe('Đã niêm yết kế hoạch sử dụng đất tại trụ sở UBND xã.')
    expect(next.submittedAt).toBeUndefined()
  })

  it('a submit stamps submittedAt and may carry the last changes', () => {
    const next = ok(
      applyReportAction(
        report(),
        { type: 'submit', changes: { workStatus: 'done', progress: 100, completedOn: '2018-06-08' } },
        { at, expectedVersion: 3 },
      ),
    )
    expect(next).toMatchObject({ status: 'submitted', submittedAt: at, completedOn: '2018-06-08', version: 4 })
  })

  it('a returned report can be corrected and submitted again', () => {
    const returned = report({ status: 'returned', reviewComment: 'Thiếu ảnh niêm yết' })
    const saved = ok(applyReportAction(returned, { type: 'save', changes: { evidence: [{ name: 'anh-niem-yet.jpg' }] } }, { at }))
    expect(saved.status).toBe('returned')
    const resubmitted = ok(applyReportAction(saved, { type: 'submit' }, { at: '2018-06-20T08:00:00+07:00' }))
    expect(resubmitted).toMatchObject({ status: 'submitted', submittedAt: '2018-06-20T08:00:00+07:00', version: 5 })
  })

  it('accepting stamps reviewedAt and clears an old return reason', () => {
    const submitted = report({ status: 'submitted', submittedAt: at, reviewComment: 'Thiếu ảnh niêm yết' })
    const next = ok(applyReportAction(submitted, { type: 'accept' }, { at: '2018-06-15T14:00:00+07:00' }))
    expect(next).toMatchObject({ status: 'accepted', reviewedAt: '2018-06-15T14:00:00+07:00', version: 4 })
    expect(next.reviewComment).toBeUndefined()
  })

  it.each([
    ['return', 'submitted'],
    ['reopen', 'accepted'],
  ] as const)('%s sends a %s report back to the unit with the reason', (type, status) => {
    const next = ok(applyReportAction(report({ status }), { type, comment: '  Bổ sung số liệu Quý II ' }, { at }))
    expect(next).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số liệu Quý II', reviewedAt: at })
  })

  it.each<[string, ReportStatus, ReportAction, string]>([
    ['a write naming a stale version', 'draft', { type: 'save', changes: { progress: 10 } }, 'version-conflict'],
    ['a save on a submitted report', 'submitted', { type: 'save', changes: { progress: 10 } }, 'locked'],
    ['a second submit', 'submitted', { type: 'submit' }, 'locked'],
    ['a save on an accepted report', 'accepted', { type: 'save', changes: { narrative: 'sửa' } }, 'locked'],
    ['a submit on an accepted report', 'accepted', { type: 'submit' }, 'locked'],
    ['accepting a draft', 'draft', { type: 'accept' }, 'invalid-transition'],
    ['accepting twice', 'accepted', { type: 'accept' }, 'invalid-transition'],
    ['returning an accepted report (reopen it instead)', 'accepted', { type: 'return', comment: 'x' }, 'invalid-transition'],
    ['reopening a report that is not accepted', 'submitted', { type: 'reopen', comment: 'x' }, 'invalid-transition'],
    ['a return without a reason', 'submitted', { type: 'return' }, 'comment-required'],
    ['a return with a blank reason', 'submitted', { type: 'return', comment: '   ' }, 'comment-required'],
    ['a reopen without a reason', 'accepted', { type: 'reopen' }, 'comment-required'],
    ['progress above 100', 'draft', { type: 'save', changes: { progress: 120 } }, 'invalid-content'],
    [
      'a completion day after the day of the report',
      'draft',
      { type: 'save', changes: { workStatus: 'done', completedOn: '2018-06-13' } },
      'invalid-content',
    ],
    ['submitting done without the day it was done', 'draft', { type: 'submit', changes: { workStatus: 'done' } }, 'invalid-content'],
  ])('refuses %s', (_, status, action, code) => {
    const expectedVersion = code === 'version-conflict' ? 2 : 3
    const result = applyReportAction(report({ status }), action, { at, expectedVersion })
    expect(result).toMatchObject({ ok: false, error: { code } })
    if (!result.ok) expect(result.error.message).not.toBe('')
  })

  it.each<[string, ReportAction, string]>([
    ['progress above 100', { type: 'save', changes: { progress: 120 } }, 'progress'],
    [
      'a completion day after the day of the report',
      { type: 'save', changes: { workStatus: 'done', progress: 100, completedOn: '2018-06-13' } },
      'completedOn',
    ],
    // Done at 100 %: only the missing day is at fault (done below 100 % is refused on progress).
    ['submitting done without the day it was done', { type: 'submit', changes: { workStatus: 'done', progress: 100 } }, 'completedOn'],
  ])('names the field at fault when it refuses %s, so a form can mark it', (_, action, field) => {
    const result = applyReportAction(report({ status: 'draft' }), action, { at, expectedVersion: 3 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-content', field } })
  })

  it.each<[ReportStatus, ReportAction]>([
    ['draft', { type: 'save', changes: { progress: 10 } }],
    ['returned', { type: 'submit' }],
    ['submitted', { type: 'accept' }],
    ['submitted', { type: 'return', comment: 'Bổ sung số liệu' }],
    ['accepted', { type: 'reopen', comment: 'Sửa số liệu' }],
  ])('in a locked period a %s report refuses %j', (status, action) => {
    const result = applyReportAction(report({ status }), action, { at, expectedVersion: 3, periodLocked: true })
    expect(result).toMatchObject({ ok: false, error: { code: 'locked' } })
    if (!result.ok) expect(result.error.message).toContain('2018Q2')
  })

  it('an unlocked period lets the workflow run', () => {
    expect(applyReportAction(report(), { type: 'submit' }, { at, periodLocked: false }).ok).toBe(true)
  })

  it('checks the version before anything else, so a stale client is told to reload', () => {
    const result = applyReportAction(report({ status: 'accepted' }), { type: 'save', changes: {} }, { at, expectedVersion: 1 })
    expect(result).toMatchObject({ ok: false, error: { code: 'version-conflict' } })
  })

  it('never changes the report it was given', () => {
    const before = report()
    const copy = structuredClone(before)
    applyReportAction(before, { type: 'submit', changes: { progress: 50 } }, { at })
    expect(before).toEqual(copy)
  })

  it('drops completedOn when the work is no longer done', () => {
    const done = report({ workStatus: 'done', completedOn: '2018-06-08' })
    const next = ok(applyReportAction(done, { type: 'save', changes: { workStatus: 'in-progress' } }, { at }))
    expect(next.completedOn).toBeUndefined()
  })

  it('judges the completion day in Viet Nam time', () => {
    // 2018-06-11T18:00Z is already 12 June in Hà Nội, so a completion on 12 June is not in the future.
    const result = applyReportAction(
      report(),
      { type: 'save', changes: { workStatus: 'done', progress: 100, completedOn: '2018-06-12' } },
      { at: '2018-06-11T18:00:00Z' },
    )
    expect(result.ok).toBe(true)
  })
})

describe('ReportActionSchema', () => {
  it('reads an action as the API receives it', () => {
    expect(ReportActionSchema.parse({ type: 'return', comment: 'Thiếu số liệu' })).toEqual({
      type: 'return',
      comment: 'Thiếu số liệu',
    })
  })
  it('refuses an unknown action', () => {
    expect(ReportActionSchema.safeParse({ type: 'delete' }).success).toBe(false)
  })
})

describe('reportActionPermission', () => {
  it.each<[ReportActionType, string]>([
    ['save', 'report.write'],
    ['submit', 'report.write'],
    ['accept', 'report.review'],
    ['return', 'report.review'],
    ['reopen', 'report.review'],
  ])('%s needs %s on the report’s unit', (action, permission) => {
    expect(reportActionPermission(action)).toBe(permission)
  })
})

// Issue 13: "not started" at 80 % and "done" at 20 % were both accepted.
describe('workProgressIssue', () => {
  it.each<[Report['workStatus'], number, 'progress' | undefined]>([
    ['not-started', 0, undefined],
    ['not-started', 80, 'progress'],
    ['in-progress', 0, undefined],
    ['in-progress', 60, undefined],
    ['in-progress', 100, undefined],
    ['done', 100, undefined],
    ['done', 20, 'progress'],
  ])('%s at %d%% → %s', (workStatus, progress, field) => {
    expect(workProgressIssue(workStatus, progress)?.field).toBe(field)
  })

  it('says what is wrong in Vietnamese and English', () => {
    expect(workProgressIssue('done', 20)?.text).toEqual({
      vi: 'Tiến độ phải là 100% khi nhiệm vụ đã hoàn thành (đang ghi 20%).',
      en: 'progress must be 100% when the work is done (it says 20%).',
    })
  })
})

describe('applyReportAction — work status and progress agree', () => {
  it('refuses a save that says not started at 80 %, naming progress', () => {
    const result = applyReportAction(report(), { type: 'save', changes: { workStatus: 'not-started', progress: 80 } }, { at })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-content', field: 'progress' } })
  })

  it('refuses a status change that leaves the stored progress behind', () => {
    const result = applyReportAction(
      report({ progress: 20 }),
      { type: 'submit', changes: { workStatus: 'done', completedOn: '2018-06-10' } },
      { at },
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-content', field: 'progress', text: { vi: expect.stringContaining('100%') } },
    })
  })

  it('takes a progress given alone on work not started as work begun', () => {
    const begun = ok(
      applyReportAction(report({ workStatus: 'not-started', progress: 0 }), { type: 'save', changes: { progress: 10 } }, { at }),
    )
    expect(begun).toMatchObject({ workStatus: 'in-progress', progress: 10 })
  })

  it('accepts done at 100 %', () => {
    const done = ok(
      applyReportAction(report(), { type: 'submit', changes: { workStatus: 'done', progress: 100, completedOn: '2018-06-10' } }, { at }),
    )
    expect(done).toMatchObject({ status: 'submitted', workStatus: 'done', progress: 100 })
  })

  it('lets a form check the pair before it sends (ReportContentSchema)', () => {
    const parsed = ReportContentSchema.safeParse({ workStatus: 'done', progress: 20 })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['progress'])
  })
})

describe('decidedSave', () => {
  const at = '2018-07-05T02:00:00.000Z'
  // Stored reports that differ in every field a save may leave out.
  const stored: Report[] = ReportStatusSchema.options.flatMap((status) => [
    {
      taskId: 't',
      unitId: 'u',
      periodId: '2018',
      status,
      workStatus: 'not-started',
      progress: 0,
      narrative: '',
      kpiValues: [],
      evidence: [],
      version: 3,
    },
    {
      taskId: 't',
      unitId: 'u',
      periodId: '2018',
      status,
      workStatus: 'done',
      progress: 100,
      completedOn: '2018-07-01',
      narrative: 'Đã xong',
      kpiValues: [{ metric: 'papi-rank', value: 40 }],
      evidence: [{ name: 'Biên bản' }],
      reviewComment: 'Bổ sung',
      reviewedAt: '2018-07-02T02:00:00.000Z',
      version: 3,
    },
  ])
  const saves: ReportContent[] = [
    { workStatus: 'in-progress', progress: 40 },
    { workStatus: 'in-progress', progress: 0, narrative: '' },
    { workStatus: 'not-started', progress: 0, kpiValues: [{ metric: 'm', value: 1 }], evidence: [] },
    { workStatus: 'done', progress: 100, completedOn: '2018-07-04', narrative: 'Xong' },
    { workStatus: 'done', progress: 100, completedOn: '2018-07-09' }, // after the day of the save: refused
    { workStatus: 'not-started', progress: 50 }, // a pair that disagrees: refused
    { workStatus: 'done', progress: 100 }, // done without its day: the stored day counts, so not decided
  ]

  it.each(saves)('writes what applyReportAction gives on every stored report it may change, and only those: %o', (changes) => {
    const action = { type: 'save', changes } as const
    const decided = decidedSave(action, 3, at)
    for (const report of stored) {
      const applied = applyReportAction(report, action, { at, expectedVersion: 3 })
      if (!decided?.statuses.includes(report.status)) {
        expect(applied.ok && decided !== undefined).toBe(false)
        continue
      }
      const { statuses, completedOn, ...writes } = decided
      const expected: Report = { ...report, ...writes }
      if (completedOn === undefined) delete expected.completedOn
      else expected.completedOn = completedOn
      expect(applied).toEqual({ ok: true, report: expected })
    }
  })

  it('leaves to the stored report a submit, and a save without its work status, its progress, or the day done work was done', () => {
    const decide = (changes: ReportContent, type: 'save' | 'submit' = 'save') => decidedSave({ type, changes }, 3, at)
    expect(decide({ workStatus: 'in-progress', progress: 40 }, 'submit')).toBeUndefined()
    expect(decide({ progress: 40 })).toBeUndefined()
    expect(decide({ workStatus: 'in-progress' })).toBeUndefined()
    expect(decide({ workStatus: 'done', progress: 100 })).toBeUndefined()
    expect(decide({ workStatus: 'in-progress', progress: 40 })).toMatchObject({ statuses: ['draft', 'returned'], version: 4 })
  })
})
