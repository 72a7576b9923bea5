import { readPlanDocument, toPlan } from '@papi/documents'
import { descendantsOf } from '@papi/domain'
import { readPapiScoreTables, readRegister } from '@papi/register'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '@papi/api'
import { DEMO_PASSWORD, ensureAdmin, seedDemo, type DemoSources, type PlanImporter } from './demo-seed'

const sources: DemoSources = { readRegister, readScoreTables: readPapiScoreTables }
const importPlan: PlanImporter = async (file, context) => toPlan(await readPlanDocument(file, context))
const NOW = new Date('2018-06-15T03:00:00Z')
/**
 * The admin's and the demo accounts' hashes at a cheap scrypt cost: each log-in below verifies one
 * (~0.25 s of CPU at the production cost, which the first-start test checks is the default).
 */
const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 }

describe.each(testBackends())('the demo on $name', (backend) => {
  let store: Store
  let app: ReturnType<typeof createApp>
  const lines: string[] = []

  beforeAll(async () => {
    store = await backend.open()
    await ensureAdmin(store, { password: 'admin-password', now: NOW, passwordCost: CHEAP_SCRYPT })
    await seedDemo(store, { sources, importPlan, log: (l) => lines.push(l), now: NOW, passwordCost: CHEAP_SCRYPT })
    app = createApp({ store, clock: () => NOW })
  }, 180_000)
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
    expect(lines.filter((l) => /\[\d\/7\]/.test(l))).toHaveLength(7)
    expect(lines.filter((l) => /\d+\/\d+ đơn vị \/ units/.test(l)).length).toBeGreaterThan(1)
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
    await seedDemo(store, { sources, importPlan, log: () => {}, now: NOW })
    expect(await count()).toEqual(before)
  }, 120_000)

  it('logs in the admin and every demo account', async () => {
    expect(await login('admin', 'admin-password')).toEqual(expect.any(String))
    for (const username of ['planner', 'reporter', 'viewer']) expect(await login(username)).toEqual(expect.any(String))
  })

  it("loads the register of the seeds' provinces whole, what they became, and every province's committee", async () => {
    const units = await store.units.list()
    const committees = units.filter((u) => u.level === 'province' && u.kind === 'people-committee')
    expect(committees).toHaveLength(63 + 34)
    const tree = await store.units.tree()
    const communesOf = (code: string) =>
      descendantsOf(units.find((u) => u.code === code)?.id as string, tree).filter((u) => u.level === 'commune').length
    // Kiên Giang 143 communes, Lào Cai 151, Hưng Yên 139, Thừa Thiên Huế 134 (NSO table of 04/01/2025); Hà Nội none.
    expect([communesOf('P91'), communesOf('P10'), communesOf('P33'), communesOf('P46'), communesOf('P01')]).toEqual([143, 151, 139, 134, 0])
    expect(communesOf('P91@2025')).toBeGreaterThan(100)
  })

  it('reads the Kiên Giang plan back with its 31 tasks, assigned inside Kiên Giang', async () => {
    const token = await login('reporter')
    const plans = await call('GET', '/api/v1/plans', token)
    const summary = plans.body.find((p: any) => p.number === '97/KH-UBND')
    const plan = (await call('GET', `/api/v1/plans/${summary.id}`, token)).body
    expect(plan).toMatchObject({ number: '97/KH-UBND', status: 'published' })
    const tasks = plan.sections.flatMap((s: any) => s.tasks)
    expect(tasks).toHaveLength(31)
    // 1.3 "UBND cấp xã" resolves to Kiên Giang's 143 communes, and only them.
    const t13 = tasks.find((t: any) => t.code === '1.3')
    expect(t13.assignees.filter((a: any) => a.role === 'lead')).toHaveLength(143)
    // 2.4 names Sở Tài nguyên và Môi trường and "UBND cấp huyện" (Kiên Giang's 15 districts).
    const t24 = tasks.find((t: any) => t.code === '2.4')
    expect(t24.assignees.filter((a: any) => a.role === 'lead').map((a: any) => a.unitName)).toEqual(['Sở Tài nguyên và Môi trường'])
    const districts = t24.assignees.filter((a: any) => a.role === 'coordinator').map((a: any) => a.unitName)
    expect(districts).toHaveLength(15)
    expect(districts).toContain('UBND thành phố Rạch Giá')
  })

  it('imports the four seed plans, each inside its own scope', async () => {
    const plans = (await store.plans.list()).map((p) => p.number).sort()
    expect(plans).toHaveLength(4)
    const units = await store.units.list()
    const byId = new Map(units.map((u) => [u.id, u]))
    const tree = await store.units.tree()
    for (const summary of await store.plans.list()) {
      const plan = await store.plans.get(summary.id)
      const scope = plan.scopeUnitId as string
      const inside = new Set([scope, ...descendantsOf(scope, tree).map((u) => u.id)])
      const assigned = plan.sections.flatMap((s) => s.tasks.flatMap((t) => t.assignees.map((a) => a.unitId)))
      // Đức Hợp's commune plan names the commune's staff posts, which the register does not hold.
      if (byId.get(scope)?.level === 'province') expect(assigned.length).toBeGreaterThan(0)
      // Never another province's unit (the scope's ancestors aside: the commune plan's province).
      const outside = assigned.filter((id) => !inside.has(id) && byId.get(id)?.level !== 'province')
      expect(outside).toEqual([])
    }
  })

  it("names Huế as it was at its plan's date: Thừa Thiên Huế in 2024, Huế since 2025", async () => {
    const hue = (await store.units.findByCode('P46')) as { id: string; name: string }
    const plan = (await store.plans.list()).find((p) => p.scopeUnitId === hue.id)
    expect(plan?.issuedOn).toBe('2024-10-27')
    expect(hue.name).toBe('UBND thành phố Huế')
    expect((await store.units.tree({ asOf: plan?.issuedOn })).byId.get(hue.id)?.name).toBe('UBND tỉnh Thừa Thiên Huế')
  })

  it("has every province's PAPI 2021, 2022 and 2024, ranked over those ranked that year", async () => {
    const token = await login('viewer')
    const year2022 = (await call('GET', '/api/v1/scores?year=2022&frameworkId=papi-2021', token)).body
    expect(year2022).toHaveLength(61)
    expect(year2022.every((s: any) => s.rankOf === 61)).toBe(true)
    const hue = (await store.units.findByCode('P46')) as { id: string }
    const hueScores = (await call('GET', `/api/v1/scores?unitId=${hue.id}`, token)).body
    expect(hueScores.map((s: any) => s.year)).toEqual([2021, 2022, 2024])
  })

  it('a reporter files and submits for its own unit, the planner accepts, the dashboard counts it', async () => {
    const reporter = await login('reporter')
    const planner = await login('planner')
    const me = (await call('GET', '/api/v1/me', reporter)).body
    const unitId = me.roles[0].unitId
    const planId = (await call('GET', '/api/v1/plans', reporter)).body.find((p: any) => p.number === '97/KH-UBND').id
    const kgId = (await call('GET', '/api/v1/units', reporter)).body.find((u: any) => u.code === 'P91').id
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

describe.each(testBackends())('first start on $name', (backend) => {
  it('two servers creating the admin at once: one creates it, the other starts without an error', async () => {
    const store = await backend.open()
    try {
      // Both look for the admin before either creates it (hashing the password takes a while); on
      // PostgreSQL the two run on two connections of the pool, as two servers would.
      const results = await Promise.all([
        ensureAdmin(store, { password: 'first-admin-password', now: NOW }),
        ensureAdmin(store, { password: 'second-admin-password', now: NOW }),
      ])
      expect(results.map((r) => r.created).sort()).toEqual([false, true])
      expect(await store.users.findWithCredentials('admin')).toBeDefined()
      // Hashed at the production cost (scrypt N = 2^15, r = 8, p = 3), as a server's first start does.
      expect((await store.users.findWithCredentials('admin'))?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/)
    } finally {
      await store.close()
    }
  })
})
