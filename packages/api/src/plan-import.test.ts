import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, PASSWORD, TEST_PASSWORD_COST, type TestApp } from './app.fixture'
import { hashPassword } from './password'

const SEED = fileURLToPath(new URL('../../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url))

describe.each(testBackends())('plan upload on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  async function upload(query: string, file: File, token = planner) {
    const form = new FormData()
    form.set('file', file)
    const res = await t.app.request(`/api/v1/plans/import?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  const seed = () => new File([readFileSync(SEED)], 'kien-giang-97-KH-UBND-2018-papi.txt', { type: 'text/plain' })

  it('a dry run shows the plan and its warnings and stores nothing', async () => {
    const res = await upload(`scopeUnitId=${t.units.kg.id}`, seed())
    expect(res.status).toBe(200)
    expect(res.body.dryRun).toBe(true)
    expect(res.body.plan.number).toBe('97/KH-UBND')
    expect(res.body.plan.sections.flatMap((s: any) => s.tasks)).toHaveLength(31)
    expect(await store.plans.list()).toEqual([])
  })

  it('confirm stores it as a new draft with assignees resolved', async () => {
    const res = await upload(`scopeUnitId=${t.units.kg.id}&confirm=true`, seed())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ outcome: 'created', changes: { sectionsAdded: 6, tasksAdded: 31 }, kept: [] })
    const plan = await store.plans.get(res.body.id)
    expect(plan).toMatchObject({ number: '97/KH-UBND', status: 'draft', scopeUnitId: t.units.kg.id })
    const t24 = plan.sections.flatMap((s) => s.tasks).find((x) => x.code === '2.4')!
    expect(t24.assignees.map((a) => a.unitName)).toEqual([
      'Sở Tài nguyên và Môi trường',
      'UBND thành phố Rạch Giá',
      'UBND huyện Châu Thành',
    ])
  })

  it('confirming the same document again answers unchanged: same plan, 31 tasks, no duplicate', async () => {
    const [stored] = await store.plans.list()
    const res = await upload(`scopeUnitId=${t.units.kg.id}&confirm=true`, seed())
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: stored!.id, outcome: 'unchanged', kept: [] })
    expect((await store.plans.list()).map((p) => [p.id, p.taskCount])).toEqual([[stored!.id, 31]])
  })

  it('an amended document updates the published plan in place; a task with a report is never dropped', async () => {
    const id = (await store.plans.list())[0]!.id
    await store.plans.publish(id, { actorId: null, at: NOW })
    const before = (await store.plans.get(id)).sections.flatMap((s) => s.tasks)
    const task = (code: string) => before.find((x) => x.code === code)!
    const report = await store.reports.save(
      { taskId: task('1.3').id, unitId: t.units.vtv.id, periodId: '2018S1', progress: 30 },
      { actorId: null, at: NOW },
    )
    const text = readFileSync(SEED, 'utf8')
    const amended = text
      .replace('Quý II năm 2018', 'Quý III năm 2018') // 2.3
      .replace(/2\.6\n\nTập huấn[^\n]*\n\n[^\n]*\n\n[^\n]*\n\nTháng 6 năm 2018\n\n/, '') // 2.6
      .replace(
        '3\n\nTrách nhiệm giải trình',
        '2.7\n\nCông khai kết quả thanh tra đất đai\n\nSở Tài nguyên và Môi trường\n\nUBND cấp huyện\n\nQuý IV năm 2018\n\n3\n\nTrách nhiệm giải trình',
      )
      .replace(/1\.3\n\nCông khai các khoản[^\n]*\n\n[^\n]*\n\n[^\n]*\n\nThường xuyên\n\n/, '') // 1.3, which has a report
    const file = new File([amended], 'kien-giang-97-KH-UBND-2018-papi.txt', { type: 'text/plain' })
    const res = await upload(`scopeUnitId=${t.units.kg.id}&confirm=true`, file)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      id,
      outcome: 'updated',
      changes: { tasksAdded: 1, tasksUpdated: 1, tasksRemoved: 1 },
      kept: [{ id: task('1.3').id, code: '1.3', reports: 1 }],
    })
    const after = (await store.plans.get(id)).sections.flatMap((s) => s.tasks)
    expect(after.map((x) => x.code)).toContain('1.3')
    expect(after.map((x) => x.code)).not.toContain('2.6')
    for (const x of after.filter((x) => x.code !== '2.7')) expect(x.id).toBe(task(x.code).id)
    expect(await store.reports.find(report.id)).toMatchObject({ taskId: task('1.3').id, progress: 30 })
  })

  it('the imported, published plan read back and sent again with a new header is saved: its structure did not change', async () => {
    const id = (await store.plans.list())[0]!.id
    const headers = { authorization: `Bearer ${planner}`, 'content-type': 'application/json' }
    const read = (await (await t.app.request(`/api/v1/plans/${id}`, { headers })).json()) as any
    expect(read.status).toBe('published')
    // What the web's parent-plan form sends: the plan as read, its version and the one field changed.
    const res = await t.app.request(`/api/v1/plans/${id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...read, parentPlanNumber: '07/KH-UBND' }),
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ id, parentPlanNumber: '07/KH-UBND', version: read.version + 1 })
  })

  it('updating a stored plan needs its scope: a planner of a district cannot rewrite the province plan', async () => {
    const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
    await store.users.create(
      { username: 'planner-rg', passwordHash, displayName: 'planner-rg', roles: [{ role: 'planner', unitId: t.units.rachGia.id }] },
      { actorId: null, at: NOW },
    )
    const res = await upload(`scopeUnitId=${t.units.rachGia.id}&confirm=true`, seed(), await t.login('planner-rg'))
    expect(res.status).toBe(403)
    expect(res.body.error.details).toMatchObject({ action: 'plan.manage', unitId: t.units.kg.id })
  })

  it('refuses a format it cannot read with 422, and a caller outside the scope with 403', async () => {
    const pdf = await upload(`scopeUnitId=${t.units.kg.id}`, new File(['%PDF-1.4'], 'plan.pdf'))
    expect(pdf.status).toBe(422)
    expect(pdf.body.error.details.reason).toBe('unsupported-format')
    const reporter = await t.login('reporter')
    expect((await upload(`scopeUnitId=${t.units.kg.id}`, seed(), reporter)).status).toBe(403)
  })
})
