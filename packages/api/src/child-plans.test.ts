import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, samplePlan, type TestApp } from './app.fixture'

// A district carries out the province plan (as Đức Hợp's commune plan carries out 07/KH-UBND): the
// province plan's page shows how the district plan is doing.
describe.each(testBackends())('a parent plan’s child plans on $name', (backend) => {
  let store: Store
  let t: TestApp
  let tokens: Record<'planner' | 'reporter' | 'reporter2' | 'viewer', string>
  let parentId: string
  let childId: string

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    tokens = {
      planner: await t.login('planner'),
      reporter: await t.login('reporter'),
      reporter2: await t.login('reporter2'),
      viewer: await t.login('viewer'),
    }
    const parent = (await t.call('POST', '/api/v1/plans', { token: tokens.planner, body: samplePlan(t.units) })).body
    parentId = parent.id
    await t.call('POST', `/api/v1/plans/${parentId}/publish`, { token: tokens.planner, body: { version: parent.version } })
    const province = samplePlan(t.units)
    const child = await t.call('POST', '/api/v1/plans', {
      token: tokens.planner,
      body: {
        ...province,
        number: '45/KH-UBND',
        title: 'Kế hoạch thực hiện Kế hoạch số 97/KH-UBND của UBND tỉnh trên địa bàn huyện Châu Thành',
        issuer: 'Ủy ban nhân dân huyện Châu Thành',
        issuerUnitId: t.units.chauThanh.id,
        scopeUnitId: t.units.chauThanh.id,
        issuedOn: '2018-05-25',
        parentPlanId: parentId,
        parentPlanNumber: '97/KH-UBND',
        standingAgency: { text: 'Phòng Nội vụ' },
        sections: [province.sections[0]],
      },
    })
    expect(child.status, child.text).toBe(201)
    childId = child.body.id
    await t.call('POST', `/api/v1/plans/${childId}/publish`, { token: tokens.planner, body: { version: child.body.version } })
    const task = child.body.sections[0].tasks[0]
    const filed = await t.call('PUT', '/api/v1/reports', {
      token: tokens.reporter2,
      body: {
        taskId: task.id,
        unitId: t.units.minhLuong.id,
        periodId: '2018S1',
        status: 'submitted',
        workStatus: 'in-progress',
        progress: 40,
      },
    })
    expect(filed.status, filed.text).toBe(200)
    const accepted = await t.call('POST', `/api/v1/reports/${filed.body.id}/accept`, {
      token: tokens.planner,
      body: { version: filed.body.version },
    })
    expect(accepted.status, accepted.text).toBe(200)
  })
  afterAll(() => store?.close())

  it('the province planner sees the district plan with its reports due, filed, accepted and its progress', async () => {
    const res = await t.call('GET', `/api/v1/plans/${parentId}/children?periodId=2018S1`, { token: tokens.planner })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toHaveLength(1)
    expect(res.body[0]).toMatchObject({
      planId: childId,
      number: '45/KH-UBND',
      periodId: '2018S1',
      dueOn: '2018-06-18',
      reporting: { expected: 1, submitted: 1, accepted: 1, onTime: 1, late: 0, missing: 0 },
      progress: 40,
    })
  })

  it('the figures agree with the district’s own dashboard for the plan', async () => {
    const [row] = (await t.call('GET', `/api/v1/plans/${parentId}/children?periodId=2018S1`, { token: tokens.planner })).body
    const dashboard = await t.call('GET', `/api/v1/dashboard?unitId=${t.units.chauThanh.id}&periodId=2018S1&planId=${childId}`, {
      token: tokens.planner,
    })
    const { unitId: _, ...reporting } = dashboard.body.plans[0].reporting
    expect(row.reporting).toEqual(reporting)
    expect(row.progress).toBe(dashboard.body.plans[0].progress)
  })

  it('a district viewer sees the figures; a reporter of another district does not see the plan', async () => {
    const viewer = await t.call('GET', `/api/v1/plans/${parentId}/children`, { token: tokens.viewer })
    expect(viewer.body.map((r: { number: string; reporting: unknown }) => [r.number, r.reporting !== null])).toEqual([['45/KH-UBND', true]])
    const reporter = await t.call('GET', `/api/v1/plans/${parentId}/children`, { token: tokens.reporter })
    expect(reporter.body).toEqual([])
  })

  it('a child plan has none; an unknown plan is 404; without a session 401', async () => {
    expect((await t.call('GET', `/api/v1/plans/${childId}/children`, { token: tokens.planner })).body).toEqual([])
    expect((await t.call('GET', '/api/v1/plans/nope/children', { token: tokens.planner })).status).toBe(404)
    expect((await t.call('GET', `/api/v1/plans/${parentId}/children`)).status).toBe(401)
  })
})
