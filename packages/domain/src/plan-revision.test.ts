import { describe, expect, it } from 'vitest'
import { PlanSchema, type Plan, type Task } from './plan'
import { revisePlan } from './plan-revision'

// A slice of Kiên Giang 97/KH-UBND (2018): two dimensions, as stored (ids) and as read again (none).
const task = (code: string, title: string, timeframe = 'Thường xuyên'): Task => ({
  code,
  title,
  lead: [{ text: 'Sở Nội vụ' }],
  coordinators: [{ text: 'UBND cấp huyện', unitClass: 'district-committees' }],
  timeframe: { kind: 'unspecified', text: timeframe },
  targets: [],
})

function text(edit: (plan: Plan) => void = () => {}): Plan {
  const plan = PlanSchema.parse({
    number: '97/KH-UBND',
    title: 'Kế hoạch hành động nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuedOn: '2018-05-18',
    index: 'papi',
    years: { from: 2018, to: 2018 },
    sections: [
      {
        code: '1',
        title: 'Tham gia của người dân ở cấp cơ sở',
        tasks: [task('1.1', 'Tuyên truyền Pháp lệnh dân chủ'), task('1.2', 'Bầu cử trưởng ấp'), task('1.3', 'Công khai đóng góp')],
      },
      {
        code: '2',
        title: 'Công khai, minh bạch',
        tasks: [task('2.1', 'Công khai danh sách hộ nghèo'), task('2.4', 'Công khai quy hoạch đất')],
      },
    ],
  })
  edit(plan)
  return plan
}

/** The text as stored: ids on sections and tasks, and what planners added since. */
function stored(edit: (plan: Plan) => void = () => {}): Plan {
  const plan = text(edit)
  plan.scopeUnitId = 'kg'
  plan.status = 'published'
  plan.sections.forEach((s) => {
    s.id = `s${s.code}`
    for (const t of s.tasks) t.id = `t${t.code}`
  })
  return plan
}

const ids = (plan: Plan) => plan.sections.flatMap((s) => s.tasks.map((t) => `${s.code}:${t.id ?? 'new'}`))

describe('revisePlan', () => {
  it('the same text again is unchanged and keeps every id', () => {
    const revision = revisePlan(stored(), text())
    expect(revision.unchanged).toBe(true)
    expect(ids(revision.plan)).toEqual(['1:t1.1', '1:t1.2', '1:t1.3', '2:t2.1', '2:t2.4'])
    expect(revision.plan.status).toBe('published')
  })

  it('counts a changed timeframe, an added task and a removed task, keeping the other ids', () => {
    const revision = revisePlan(
      stored(),
      text((p) => {
        p.sections[0]!.tasks[1]!.timeframe = { kind: 'unspecified', text: 'Quý II năm 2018' }
        p.sections[0]!.tasks.splice(2, 1)
        p.sections[1]!.tasks.push(task('2.5', 'Công khai ngân sách xã'))
      }),
    )
    expect(revision.changes).toEqual({
      headerUpdated: false,
      reordered: false,
      sectionsAdded: 0,
      sectionsUpdated: 0,
      sectionsRemoved: 0,
      tasksAdded: 1,
      tasksUpdated: 1,
      tasksRemoved: 1,
    })
    expect(ids(revision.plan)).toEqual(['1:t1.1', '1:t1.2', '2:t2.1', '2:t2.4', '2:new'])
    expect(revision.removed.tasks.map((t) => t.id)).toEqual(['t1.3'])
  })

  it('keeps a task with reports that the text dropped, where it stood, and says so', () => {
    const reportsByTask = new Map([['t1.2', 3]])
    const revision = revisePlan(
      stored(),
      text((p) => p.sections[0]!.tasks.splice(1, 1)),
      { reportsByTask },
    )
    expect(revision.kept).toEqual([{ id: 't1.2', sectionCode: '1', code: '1.2', title: 'Bầu cử trưởng ấp', reports: 3 }])
    expect(revision.removed.tasks).toEqual([])
    expect(ids(revision.plan)).toEqual(['1:t1.1', '1:t1.2', '1:t1.3', '2:t2.1', '2:t2.4'])
    expect(revision.unchanged).toBe(true)
  })

  it('keeps a dropped section while a kept task is in it, and removes it otherwise', () => {
    const dropped = text((p) => p.sections.splice(1, 1))
    const kept = revisePlan(stored(), dropped, { reportsByTask: new Map([['t2.4', 1]]) })
    expect(kept.sections.map((s) => [s.section.code, s.change])).toEqual([
      ['1', 'unchanged'],
      ['2', 'kept'],
    ])
    expect(kept.changes).toMatchObject({ sectionsRemoved: 0, tasksRemoved: 1 })
    const removed = revisePlan(stored(), dropped)
    expect(removed.changes).toMatchObject({ sectionsRemoved: 1, tasksRemoved: 2 })
  })

  it('follows a task moved to another section by its code, and sections renumbered I, II', () => {
    const revision = revisePlan(
      stored(),
      text((p) => {
        p.sections[0]!.code = 'I'
        p.sections[1]!.code = 'II'
      }),
    )
    expect(ids(revision.plan)).toEqual(['I:t1.1', 'I:t1.2', 'I:t1.3', 'II:t2.1', 'II:t2.4'])
    expect(revision.changes).toMatchObject({ sectionsAdded: 2, sectionsRemoved: 2, tasksUpdated: 5, tasksAdded: 0, tasksRemoved: 0 })
  })

  it('keeps what a document cannot state: scope, weights, targets, goals', () => {
    const target = { metric: 'papi-rank', comparator: 'rank-lte' as const, value: 44, unit: 'rank' as const }
    const before = stored((p) => {
      p.goals = ['Xếp hạng cao hơn năm 2017']
      p.targets = [{ ...target, id: 'g1' }]
      p.sections[0]!.weight = 2
      p.sections[0]!.tasks[0]!.targets = [{ ...target, id: 'x1' }]
    })
    const revision = revisePlan(before, text())
    expect(revision.unchanged).toBe(true)
    expect(revision.plan).toMatchObject({ scopeUnitId: 'kg', goals: ['Xếp hạng cao hơn năm 2017'], targets: [{ id: 'g1' }] })
    expect(revision.plan.sections[0]).toMatchObject({ weight: 2, tasks: [{ targets: [{ id: 'x1' }] }, {}, {}] })
  })

  it.each<[string, (p: Plan) => void, Partial<ReturnType<typeof revisePlan>['changes']>]>([
    ['a new title', (p) => (p.title = 'Kế hoạch (sửa đổi)'), { headerUpdated: true }],
    ['another lead', (p) => (p.sections[1]!.tasks[0]!.lead = [{ text: 'Sở Tài chính' }]), { tasksUpdated: 1 }],
    ['a section title', (p) => (p.sections[1]!.title = 'Công khai, minh bạch trong việc ra quyết định'), { sectionsUpdated: 1 }],
    ['two tasks swapped', (p) => p.sections[0]!.tasks.reverse(), { reordered: true, tasksUpdated: 0 }],
  ])('%s is an update', (_name, edit, expected) => {
    const revision = revisePlan(stored(), text(edit))
    expect(revision.unchanged).toBe(false)
    expect(revision.changes).toMatchObject(expected)
  })

  it('tells apart the assignee and target changes that need assignments or targets rewritten', () => {
    const revision = revisePlan(
      stored(),
      text((p) => (p.sections[0]!.tasks[0]!.coordinators = [])),
    )
    const first = revision.sections[0]!.tasks[0]!
    expect(first).toMatchObject({ change: 'updated', assigneesChanged: true, targetsChanged: false })
    expect(revision.sections[0]!.tasks[1]).toMatchObject({ change: 'unchanged', assigneesChanged: false })
  })

  it('keeps a unit a planner picked for a name the importer matched to none, when the same text comes again', () => {
    const unmatched = { text: 'Ban Dân vận Tỉnh ủy' }
    const before = stored((p) => {
      p.sections[0]!.tasks[0]!.lead = [{ ...unmatched, unitId: 'kg-bdv' }]
      p.sections[1]!.tasks[0]!.coordinators = [{ ...unmatched, unitId: 'kg-bdv' }]
    })
    const revision = revisePlan(
      before,
      text((p) => {
        p.sections[0]!.tasks[0]!.lead = [unmatched]
        p.sections[1]!.tasks[0]!.coordinators = [unmatched]
        p.sections[1]!.tasks[1]!.lead = [unmatched] // newly named there: the planner's pick for the name holds
      }),
    )
    const first = revision.sections[0]!.tasks[0]!
    expect(first.task.lead).toEqual([{ text: 'Ban Dân vận Tỉnh ủy', unitId: 'kg-bdv' }])
    expect(first).toMatchObject({ change: 'unchanged', assigneesChanged: false })
    expect(revision.sections[1]!.tasks[0]!.task.coordinators).toEqual([{ text: 'Ban Dân vận Tỉnh ủy', unitId: 'kg-bdv' }])
    expect(revision.sections[1]!.tasks[1]!.task.lead).toEqual([{ text: 'Ban Dân vận Tỉnh ủy', unitId: 'kg-bdv' }])
    expect(revision.changes.tasksUpdated).toBe(1)
  })

  it('keeps a unit picked for a class with no member in the scope (Kiên Giang 97/KH-UBND: Công chức liên quan, no posts in the register)', () => {
    const posts = { text: 'Công chức liên quan', unitClass: 'civil-servants' as const }
    const before = stored((p) => (p.sections[0]!.tasks[0]!.coordinators = [{ ...posts, unitId: 'kg-snv' }]))
    const revision = revisePlan(
      before,
      text((p) => (p.sections[0]!.tasks[0]!.coordinators = [posts])),
    )
    expect(revision.sections[0]!.tasks[0]!.task.coordinators).toEqual([{ ...posts, unitId: 'kg-snv' }])
    expect(revision.sections[0]!.tasks[0]).toMatchObject({ change: 'unchanged', assigneesChanged: false })
    expect(revision.unchanged).toBe(true)
  })

  it('leaves a class with members a class: no pick was ever made for it', () => {
    const communes = { text: 'UBND cấp xã', unitClass: 'commune-committees' as const }
    const before = stored((p) => (p.sections[0]!.tasks[0]!.coordinators = [communes]))
    const revision = revisePlan(
      before,
      text((p) => (p.sections[0]!.tasks[0]!.coordinators = [communes])),
    )
    expect(revision.sections[0]!.tasks[0]!.task.coordinators).toEqual([communes])
  })

  it('takes a unit the text names over an earlier pick: the document now says who', () => {
    const before = stored((p) => (p.sections[0]!.tasks[0]!.lead = [{ text: 'Ban Dân vận', unitId: 'kg-bdv' }]))
    const revision = revisePlan(
      before,
      text((p) => (p.sections[0]!.tasks[0]!.lead = [{ text: 'Ban Dân vận', unitId: 'kg-mttq' }])),
    )
    expect(revision.sections[0]!.tasks[0]!.task.lead).toEqual([{ text: 'Ban Dân vận', unitId: 'kg-mttq' }])
  })
})
