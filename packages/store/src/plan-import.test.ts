import type { Plan, Task } from '@papi/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

const task = (code: string, title: string, lead: Task['lead'], timeframe = 'Thường xuyên'): Task => ({
  code,
  title,
  lead,
  coordinators: [],
  timeframe: { kind: 'unspecified', text: timeframe },
  targets: [],
})

describe.each(testBackends())('importPlan on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let planId: string

  /** 97/KH-UBND as read from the document: the sample's two tasks and two more of dimension 2. */
  function text(edit: (plan: Plan) => void = () => {}): Plan {
    const plan = samplePlan(ids)
    const stnmt = [{ text: 'Sở Tài nguyên và Môi trường', unitId: ids.stnmt.id }]
    plan.sections[1]!.tasks.push(
      task('2.5', 'Công khai kết quả giải quyết khiếu nại về đất đai', stnmt),
      task('2.6', 'Niêm yết bảng giá đất', stnmt, 'Hàng năm'),
    )
    edit(plan)
    return plan
  }
  const tasksOf = async (id = planId) => (await store.plans.get(id)).sections.flatMap((s) => s.tasks)
  const taskId = async (code: string) => (await tasksOf()).find((t) => t.code === code)?.id
  const auditCount = async () => (await store.audit.list({ limit: 1000 })).length

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
  })
  afterAll(() => store?.close())

  it('creates the plan the first time', async () => {
    const result = await store.plans.import(text(), change())
    expect(result).toMatchObject({ outcome: 'created', changes: { sectionsAdded: 2, tasksAdded: 4 }, kept: [] })
    planId = result.id
    expect((await tasksOf()).map((t) => t.code)).toEqual(['1.3', '2.4', '2.5', '2.6'])
  })

  it('the same document again is unchanged: same plan, same task ids, no write, no audit entry', async () => {
    const before = await store.plans.get(planId)
    const audited = await auditCount()
    const result = await store.plans.import(text(), change('2018-06-02T02:00:00Z'))
    expect(result).toMatchObject({ id: planId, outcome: 'unchanged', kept: [] })
    expect(await store.plans.get(planId)).toEqual(before)
    expect(await store.plans.list()).toHaveLength(1)
    expect(await auditCount()).toBe(audited)
  })

  it('an edited document updates the published plan in place and keeps its reports', async () => {
    await store.plans.publish(planId, change())
    const reported = (await taskId('1.3'))!
    const report = await store.reports.save({ taskId: reported, unitId: ids.vtv.id, periodId: '2018S1', progress: 40 }, change())
    const kept = { '2.4': await taskId('2.4'), '2.5': await taskId('2.5') }
    const audited = await auditCount()

    const result = await store.plans.import(
      text((p) => {
        const tasks = p.sections[1]!.tasks
        tasks[0]!.timeframe = { kind: 'unspecified', text: 'Quý III năm 2018' } // 2.4
        tasks.splice(2, 1) // 2.6, no reports
        tasks.push(task('2.7', 'Công khai thủ tục hành chính về đất đai', [{ text: 'Sở Nội vụ', unitId: ids.snv.id }]))
      }),
      change('2018-07-01T02:00:00Z'),
    )
    expect(result).toEqual({
      id: planId,
      outcome: 'updated',
      changes: {
        headerUpdated: false,
        reordered: false,
        sectionsAdded: 0,
        sectionsUpdated: 0,
        sectionsRemoved: 0,
        tasksAdded: 1,
        tasksUpdated: 1,
        tasksRemoved: 1,
      },
      kept: [],
      revision: {
        basedOn: { version: expect.any(Number), status: 'published' },
        tasks: [
          { id: kept['2.4'], sectionCode: '2', code: '2.4', title: expect.any(String), change: 'updated' },
          { sectionCode: '2', code: '2.7', title: expect.any(String), change: 'added' },
          { id: expect.any(String), sectionCode: '2', code: '2.6', title: expect.any(String), change: 'removed' },
        ],
        units: [
          {
            unitId: ids.stnmt.id,
            unitName: 'Sở Tài nguyên và Môi trường',
            gained: [],
            lost: [{ taskId: expect.any(String), taskCode: '2.6', role: 'lead' }],
            kept: [],
          },
          {
            unitId: ids.snv.id,
            unitName: 'Sở Nội vụ',
            gained: [{ taskId: expect.any(String), taskCode: '2.7', role: 'lead' }],
            lost: [],
            kept: [],
          },
        ],
        // A class with no member in the sample province (it has no mass organisations): for the planner to pick a unit.
        unmatched: [
          {
            key: 'mttq va cac doan the co lien quan',
            text: 'MTTQ và các đoàn thể có liên quan',
            uses: [{ sectionCode: '1', taskCode: '1.3', role: 'coordinators' }],
          },
        ],
      },
    })
    const after = await store.plans.get(planId)
    expect(after.status).toBe('published')
    const tasks = after.sections.flatMap((s) => s.tasks)
    expect(tasks.map((t) => t.code)).toEqual(['1.3', '2.4', '2.5', '2.7'])
    expect(tasks.find((t) => t.code === '1.3')?.id).toBe(reported)
    expect(tasks.find((t) => t.code === '2.4')).toMatchObject({ id: kept['2.4'], timeframe: { text: 'Quý III năm 2018' } })
    expect(tasks.find((t) => t.code === '2.5')?.id).toBe(kept['2.5'])
    expect(tasks.find((t) => t.code === '2.7')?.assignees.map((a) => a.unitName)).toEqual(['Sở Nội vụ'])
    expect(await store.reports.find(report.id)).toMatchObject({ taskId: reported, progress: 40 })
    const entries = (await store.audit.list({ limit: 1000 })).slice(0, (await auditCount()) - audited)
    expect(entries.map((e) => `${e.entity} ${e.action}`).sort()).toEqual(['plan import', 'task create', 'task delete', 'task update'])
    const update = entries.find((e) => e.action === 'update')
    expect(update).toMatchObject({
      entityId: kept['2.4'],
      before: { timeframe: { text: 'Thường xuyên' } },
      after: { timeframe: { text: 'Quý III năm 2018' } },
    })
  })

  it('never deletes a task that has reports: a document without it keeps it and says so', async () => {
    const edited = (p: Plan) => {
      const tasks = p.sections[1]!.tasks
      tasks[0]!.timeframe = { kind: 'unspecified', text: 'Quý III năm 2018' }
      tasks.splice(2, 1)
      tasks.push(task('2.7', 'Công khai thủ tục hành chính về đất đai', [{ text: 'Sở Nội vụ', unitId: ids.snv.id }]))
      p.sections[0]!.tasks = [] // drops 1.3, which has a report
    }
    const reported = (await taskId('1.3'))!
    const result = await store.plans.import(text(edited), change('2018-07-02T02:00:00Z'))
    expect(result.outcome).toBe('unchanged')
    expect(result.kept).toEqual([{ id: reported, sectionCode: '1', code: '1.3', title: expect.any(String), reports: 1 }])
    expect(await taskId('1.3')).toBe(reported)
    expect(await store.reports.list({ taskId: reported })).not.toHaveLength(0)
  })

  it('a failure part-way through leaves the database as it was', async () => {
    const before = await store.plans.get(planId)
    const audited = await auditCount()
    const failing = store.plans.import(
      text((p) => {
        p.title = 'Kế hoạch (sửa đổi, bổ sung)'
        p.sections[1]!.tasks[0]!.title = 'Công khai quy hoạch, kế hoạch sử dụng đất (sửa đổi)'
      }),
      change('2018-07-03T02:00:00Z'),
      {
        onProgress: (p) => {
          if (p.done > 0) throw new Error('disk full')
        },
      },
    )
    await expect(failing).rejects.toThrow('disk full')
    expect(await store.plans.get(planId)).toEqual(before)
    expect(await auditCount()).toBe(audited)
  })

  it('a document naming a unit that does not exist changes nothing', async () => {
    const before = await store.plans.get(planId)
    const bad = text((p) => (p.sections[1]!.tasks[0]!.lead = [{ text: 'Sở Ma', unitId: 'no-such-unit' }]))
    await expect(store.plans.import(bad, change())).rejects.toMatchObject({ code: 'invalid' })
    expect(await store.plans.get(planId)).toEqual(before)
  })

  it('refuses to move a published plan to another province', async () => {
    const ag = await store.units.create(
      { code: 'AG', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null },
      change(),
    )
    const moved = text((p) => (p.scopeUnitId = ag.id))
    await expect(store.plans.import(moved, change())).rejects.toMatchObject({ code: 'conflict', details: { reason: 'province-change' } })
  })

  it('two first imports of one document at once store one plan', async () => {
    const other = (p: Plan) => {
      p.number = '98/KH-UBND'
    }
    const results = await Promise.all([store.plans.import(text(other), change()), store.plans.import(text(other), change())])
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'unchanged'])
    expect(results[0].id).toBe(results[1].id)
    expect((await store.plans.list()).filter((p) => p.number === '98/KH-UBND')).toHaveLength(1)
  })
})
