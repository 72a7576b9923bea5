import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readPlanDocument, toPlan } from '@papi/documents'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '@papi/api'
import { DEMO_PASSWORD, ensureAdmin, seedDemo, type PlanImporter } from './demo-seed'

const SEED = fileURLToPath(import.meta.resolve('@papi/documents/seeds/kien-giang-97-KH-UBND-2018-papi.txt'))
const planFile = { fileName: 'kien-giang-97-KH-UBND-2018-papi.txt', data: new Uint8Array(readFileSync(SEED)) }
const importPlan: PlanImporter = async (file, units) => toPlan(await readPlanDocument(file, { units }))
const NOW = new Date('2018-06-15T03:00:00Z')

describe.each(testBackends())('the demo on $name', (backend) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  const lines: string[] = []

  beforeAll(async () => {
    store = await backend.open()
    await ensureAdmin(store, { password: 'admin-password', now: NOW })
    await seedDemo(store, { planFile, importPlan, log: (l) => lines.push(l), now: NOW })
    app = createApp({ store, clock: () => NOW })
  })
  afterAll(() => store?.close())

  async function call(method: string, path: string, token?: string, body?: unknown) {
    const res = await app.request(path, {
      method,
      headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  const login = async (username: string, password = DEMO_PASSWORD) =>
    (await call('POST', '/api/v1/auth/login', undefined, { username, password })).body.token as string

  it('shows its progress step by step', () => {
    expect(lines.filter((l) => /\[\d\/6\]/.test(l))).toHaveLength(6)
  })

  it('is idempotent: a restart adds nothing', async () => {
    const count = async () => ({
      units: (await store.units.list()).length,
      users: (await store.users.list()).length,
      plans: (await store.plans.list()).length,
      reports: (await store.reports.list()).length,
      scores: (await store.scores.list()).length,
    })
    const before = await count()
    expect(await ensureAdmin(store, { password: 'other', now: NOW })).toMatchObject({ created: false })
    await seedDemo(store, { planFile, importPlan, log: () => {}, now: NOW })
    expect(await count()).toEqual(before)
  })

  it('logs in the admin and every demo account', async () => {
    expect(await login('admin', 'admin-password')).toEqual(expect.any(String))
    for (const username of ['planner', 'reporter', 'viewer']) expect(await login(username)).toEqual(expect.any(String))
  })

  it('reads the Kiên Giang plan back with its 31 tasks and their resolved assignees', async () => {
    const token = await login('reporter')
    const plans = await call('GET', '/api/v1/plans', token)
    expect(plans.body).toHaveLength(1)
    const plan = (await call('GET', `/api/v1/plans/${plans.body[0].id}`, token)).body
    expect(plan).toMatchObject({ number: '97/KH-UBND', status: 'published' })
    const tasks = plan.sections.flatMap((s: any) => s.tasks)
    expect(tasks).toHaveLength(31)
    // 1.3 "UBND cấp xã" resolves to all eight communes of the demo.
    const t13 = tasks.find((t: any) => t.code === '1.3')
    expect(t13.assignees.filter((a: any) => a.role === 'lead')).toHaveLength(8)
    // 2.4 names Sở Tài nguyên và Môi trường and "UBND cấp huyện" (three districts).
    const t24 = tasks.find((t: any) => t.code === '2.4')
    expect(t24.assignees.map((a: any) => [a.role, a.unitName])).toEqual([
      ['lead', 'Sở Tài nguyên và Môi trường'],
      ['coordinator', 'UBND thành phố Rạch Giá'],
      ['coordinator', 'UBND huyện Châu Thành'],
      ['coordinator', 'UBND huyện Phú Quốc'],
    ])
  })

  it('has Kiên Giang PAPI 2016–2017 and the 2025 merger into An Giang', async () => {
    const token = await login('viewer')
    const units = (await call('GET', '/api/v1/units', token)).body
    const kg = units.find((u: any) => u.code === 'KG')
    const ag = units.find((u: any) => u.code === 'AG-2025')
    expect(kg).toMatchObject({ validTo: '2025-06-30', successorIds: [ag.id] })
    const scores = (await call('GET', `/api/v1/scores?unitId=${kg.id}`, token)).body
    expect(scores.map((s: any) => [s.year, s.total, s.rank])).toEqual([
      [2016, 33.2, 61],
      [2017, 35.71, 45],
    ])
  })

  it('a reporter files and submits for its own unit, the planner accepts, the dashboard counts it', async () => {
    const reporter = await login('reporter')
    const planner = await login('planner')
    const me = (await call('GET', '/api/v1/me', reporter)).body
    const unitId = me.roles[0].unitId
    const planId = (await call('GET', '/api/v1/plans', reporter)).body[0].id
    const kgId = (await call('GET', '/api/v1/units', reporter)).body.find((u: any) => u.code === 'KG').id
    const dashboard = async () => (await call('GET', `/api/v1/dashboard?unitId=${kgId}&periodId=2018S1`, planner)).body.plans[0]
    const before = await dashboard()

    const mine = (await call('GET', `/api/v1/plans/${planId}/assignments?unitId=${unitId}`, reporter)).body
    const task = mine.find((a: any) => a.taskCode === '2.1')
    expect(task).toBeDefined()
    const saved = await call('PUT', '/api/v1/reports', reporter, {
      taskId: task.taskId,
      unitId,
      periodId: '2018S1',
      status: 'in-progress',
      progress: 80,
      narrative: 'Đã niêm yết danh sách hộ nghèo, hộ cận nghèo tại trụ sở phường.',
    })
    expect(saved.status).toBe(200)
    const submitted = await call('POST', `/api/v1/reports/${saved.body.id}/submit`, reporter, { version: saved.body.version })
    expect(submitted.body.status).toBe('submitted')
    const accepted = await call('POST', `/api/v1/reports/${saved.body.id}/accept`, planner, { version: submitted.body.version })
    expect(accepted.body.status).toBe('accepted')

    const after = await dashboard()
    expect(after.reporting.submitted).toBe(before.reporting.submitted + 1)
    expect(after.reporting.accepted).toBe(before.reporting.accepted + 1)
    const ward = after.units.find((u: any) => u.unitId === unitId)
    expect(ward.submitted).toBeGreaterThanOrEqual(1)
  })
})
