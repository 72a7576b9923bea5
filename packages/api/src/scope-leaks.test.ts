// Regression tests for the holes of issue #10 that let one caller see or change what is not
// theirs: assignees outside the plan's province (1), targets evaluated over every unit's reports
// (2), period ids the domain cannot compute (3), and writes that name no version (6).
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, PASSWORD, samplePlan, TEST_PASSWORD_COST, type TestApp } from './app.fixture'
import { hashPassword } from './password'

describe.each(testBackends())('scope leaks on $name', (backend) => {
  let store: Store
  let t: TestApp
  let tok: Record<string, string>
  let ag: { province: string; commune: string }
  let plan: any
  const task = (code: string) => plan.sections.flatMap((s: any) => s.tasks).find((x: any) => x.code === code)
  const kpiPlan = () => {
    const p = samplePlan(t.units)
    const first = p.sections[0]!.tasks[0]!
    first.targets = [{ metric: 'Hộ được công khai', comparator: 'gte', value: 90, unit: 'percent' }]
    return p
  }

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    const change = { actorId: null, at: new Date('2018-01-01T00:00:00Z') }
    // A second province with its own planner and reporter.
    const agProvince = await store.units.create(
      { code: 'AG', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null },
      change,
    )
    const agCommune = await store.units.create(
      { code: 'AG-LX', name: 'UBND phường Mỹ Bình', level: 'commune', kind: 'people-committee', parentId: agProvince.id },
      change,
    )
    ag = { province: agProvince.id, commune: agCommune.id }
    const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
    await store.users.create(
      { username: 'agplanner', passwordHash, displayName: 'ag', roles: [{ role: 'planner', unitId: ag.province }] },
      change,
    )
    await store.users.create(
      { username: 'agreporter', passwordHash, displayName: 'ag', roles: [{ role: 'reporter', unitId: ag.commune }] },
      change,
    )
    tok = {}
    for (const name of ['admin', 'planner', 'reporter', 'reporter2', 'agplanner', 'agreporter']) tok[name] = await t.login(name)
  })
  afterAll(() => store?.close())

  describe('1. assignees outside the plan’s province', () => {
    it('a plan naming another province’s unit as lead is refused (422), on create and on update', async () => {
      const leaky = kpiPlan()
      leaky.sections[0]!.tasks[0]!.lead = [{ text: 'UBND phường Mỹ Bình', unitId: ag.commune }]
      const created = await t.call('POST', '/api/v1/plans', { token: tok.planner, body: leaky })
      expect(created.status).toBe(422)
      expect(created.body.error.code).toBe('invalid')
      expect(await store.plans.list()).toEqual([])

      const ok = await t.call('POST', '/api/v1/plans', { token: tok.planner, body: kpiPlan() })
      expect(ok.status).toBe(201)
      plan = ok.body
      const updated = await t.call('PUT', `/api/v1/plans/${plan.id}`, { token: tok.planner, body: { ...leaky, version: plan.version } })
      expect(updated.status).toBe(422)
      // … and as a coordinator.
      const coord = kpiPlan()
      coord.sections[0]!.tasks[0]!.coordinators = [{ text: 'UBND tỉnh An Giang', unitId: ag.province }]
      const asCoordinator = await t.call('PUT', `/api/v1/plans/${plan.id}`, {
        token: tok.planner,
        body: { ...coord, version: plan.version },
      })
      expect(asCoordinator.status).toBe(422)
      expect((await store.plans.get(plan.id)).version).toBe(plan.version)
    })

    it('the other province’s planner sees nothing of the plan, in its dashboard or its audit', async () => {
      const published = await t.call('POST', `/api/v1/plans/${plan.id}/publish`, { token: tok.planner, body: { version: plan.version } })
      expect(published.status).toBe(200)
      plan = published.body
      const dash = await t.call('GET', `/api/v1/dashboard?unitId=${ag.province}&periodId=2018S1`, { token: tok.agplanner })
      expect(dash.status).toBe(200)
      expect(dash.body.plans).toEqual([])
      expect(dash.text).not.toContain(plan.id)
      const audit = await t.call('GET', `/api/v1/audit?provinceId=${ag.province}`, { token: tok.agplanner })
      expect(audit.status).toBe(200)
      expect(audit.text).not.toContain(plan.id)
    })
  })

  describe('2. targets evaluate only over reports the caller may read', () => {
    it('a reporter sees its own KPI value, not another unit’s; the planner sees the latest of both', async () => {
      const file = async (token: string, unitId: string, value: number) => {
        const res = await t.call('PUT', '/api/v1/reports', {
          token,
          body: {
            taskId: task('1.3').id,
            unitId,
            periodId: '2018S1',
            status: 'submitted',
            progress: 50,
            narrative: `giá trị ${value}`,
            kpiValues: [{ metric: 'Hộ được công khai', value }],
          },
        })
        expect(res.status, res.text).toBe(200)
      }
      await file(tok.reporter!, t.units.vtv.id, 95)
      await file(tok.reporter2!, t.units.minhLuong.id, 40)
      const observed = async (token: string) => {
        const res = await t.call('GET', `/api/v1/plans/${plan.id}/targets`, { token })
        expect(res.status).toBe(200)
        return res.body.find((x: any) => x.taskCode === '1.3').observed.value
      }
      expect(await observed(tok.reporter!)).toBe(95)
      expect(await observed(tok.reporter2!)).toBe(40)
      expect([95, 40]).toContain(await observed(tok.planner!))
    })
  })

  describe('3. period ids the domain cannot compute', () => {
    it.each(['0999Q4', '0000', '0000M01', '0001S1', '9999Q4'])('GET /periods/%s answers 422, not 500', async (id) => {
      const res = await t.call('GET', `/api/v1/periods/${id}`, { token: tok.planner })
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('invalid')
    })

    it('opening a period 0000Q1 on a plan answers 422', async () => {
      const res = await t.call('POST', `/api/v1/plans/${plan.id}/periods`, { token: tok.planner, body: { periodId: '0000Q1' } })
      expect(res.status).toBe(422)
    })
  })

  describe('6. every state-changing write names the version it was based on', () => {
    it('accepting without a version is refused; the reviewer must have seen the version it accepts', async () => {
      const [report] = await store.reports.list({ planId: plan.id, unitIds: [t.units.vtv.id] })
      const res = await t.call('POST', `/api/v1/reports/${report!.id}/accept`, { token: tok.planner, body: {} })
      expect(res.status).toBe(422)
      expect((await store.reports.get(report!.id)).status).toBe('submitted')
      const stale = await t.call('POST', `/api/v1/reports/${report!.id}/accept`, {
        token: tok.planner,
        body: { version: report!.version - 1 },
      })
      expect(stale.status).toBe(409)
      const fresh = await t.call('POST', `/api/v1/reports/${report!.id}/accept`, { token: tok.planner, body: { version: report!.version } })
      expect(fresh.status).toBe(200)
    })

    it('PUT /plans/{id} and publish without a version are refused', async () => {
      const draft = await t.call('POST', '/api/v1/plans', { token: tok.planner, body: { ...kpiPlan(), number: '98/KH-UBND' } })
      expect(draft.status).toBe(201)
      const put = await t.call('PUT', `/api/v1/plans/${draft.body.id}`, {
        token: tok.planner,
        body: { ...kpiPlan(), number: '98/KH-UBND' },
      })
      expect(put.status).toBe(422)
      const publish = await t.call('POST', `/api/v1/plans/${draft.body.id}/publish`, { token: tok.planner, body: {} })
      expect(publish.status).toBe(422)
      expect((await store.plans.get(draft.body.id)).version).toBe(draft.body.version)
    })

    it('20 concurrent PUTs on one plan with the same version: exactly one wins', async () => {
      const draft = await t.call('POST', '/api/v1/plans', { token: tok.planner, body: { ...kpiPlan(), number: '99/KH-UBND' } })
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.call('PUT', `/api/v1/plans/${draft.body.id}`, {
            token: tok.planner,
            body: { ...kpiPlan(), number: '99/KH-UBND', title: `bản ${i}`, version: draft.body.version },
          }),
        ),
      )
      const statuses = results.map((r) => r.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(19)
      const winner = results.find((r) => r.status === 200)!
      const stored = await store.plans.get(draft.body.id)
      expect(stored).toMatchObject({ title: winner.body.title, version: draft.body.version + 1 })
    })
  })

  describe('8. data checks', () => {
    it('a plan using a task code twice is refused (422)', async () => {
      const twice = kpiPlan()
      twice.number = '100/KH-UBND'
      twice.sections[1]!.tasks[0]!.code = '1.3'
      const res = await t.call('POST', '/api/v1/plans', { token: tok.planner, body: twice })
      expect(res.status).toBe(422)
      expect(res.body.error.details.duplicates).toEqual(['task 1.3'])
    })

    it('401 and unknown-route 404 answers say why in details', async () => {
      const anonymous = await t.call('GET', '/api/v1/plans')
      expect(anonymous.status).toBe(401)
      expect(anonymous.body.error.details.reason).toEqual(expect.any(String))
      const nowhere = await t.call('GET', '/api/v1/no-such-route', { token: tok.planner })
      expect(nowhere.status).toBe(404)
      expect(nowhere.body.error.details).toMatchObject({ method: 'GET', path: '/api/v1/no-such-route' })
    })
  })
})
