import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, PASSWORD, samplePlan, TEST_PASSWORD_COST, type TestApp } from '../app.fixture'
import { createClient } from '../client'
import { hashPassword } from '../password'

describe.each(testBackends())('GET /api/v1/my-tasks on $name', (backend) => {
  let store: Store
  let t: TestApp
  let tokens: Record<'planner' | 'reporter' | 'reporter2' | 'viewer' | 'stnmt' | 'rachGia', string>
  let plan: any
  const taskId = (code: string) => plan.sections.flatMap((s: any) => s.tasks).find((x: any) => x.code === code).id
  const myTasks = (token: string, query: string, headers: Record<string, string> = {}) =>
    t.call('GET', `/api/v1/my-tasks${query}`, { token, headers })

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
    const change = { actorId: null, at: NOW }
    await store.users.create(
      { username: 'stnmt', passwordHash, displayName: 'Sở TN&MT', roles: [{ role: 'reporter', unitId: t.units.stnmt.id }] },
      change,
    )
    await store.users.create(
      { username: 'rachgia', passwordHash, displayName: 'Rạch Giá', roles: [{ role: 'reporter', unitId: t.units.rachGia.id }] },
      change,
    )
    tokens = {
      planner: await t.login('planner'),
      reporter: await t.login('reporter'),
      reporter2: await t.login('reporter2'),
      viewer: await t.login('viewer'),
      stnmt: await t.login('stnmt'),
      rachGia: await t.login('rachgia'),
    }
    plan = (await t.call('POST', '/api/v1/plans', { token: tokens.planner, body: samplePlan(t.units) })).body
    await t.call('POST', `/api/v1/plans/${plan.id}/publish`, { token: tokens.planner, body: { version: plan.version } })
    // A draft plan asks nothing of anyone yet.
    await t.call('POST', '/api/v1/plans', { token: tokens.planner, body: { ...samplePlan(t.units), number: '98/KH-UBND' } })
  })
  afterAll(() => store?.close())

  it("lists the tasks a commune leads in the period, with the plan, section, timeframe and the commune's own deadline", async () => {
    const res = await myTasks(tokens.reporter, '?periodId=2018S1')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ periodId: '2018S1', label: '6 tháng đầu năm 2018', units: [{ id: t.units.vtv.id, level: 'commune' }] })
    expect(res.body.tasks).toHaveLength(1)
    expect(res.body.tasks[0]).toMatchObject({
      plan: { id: plan.id, number: '97/KH-UBND' },
      period: { code: '2018S1', deadline: '2018-06-16', locked: false },
      section: { code: '1', title: 'Tham gia của người dân ở cấp cơ sở' },
      task: { id: taskId('1.3'), code: '1.3', timeframe: { kind: 'ongoing', text: 'Thường xuyên' } },
      reason: 'ongoing',
      unit: { id: t.units.vtv.id, name: 'UBND phường Vĩnh Thanh Vân' },
      report: null,
    })
  })

  it("carries the unit's report once saved, and never another unit's", async () => {
    const key = { taskId: taskId('1.3'), periodId: '2018S1' }
    await t.call('PUT', '/api/v1/reports', {
      token: tokens.reporter,
      body: { ...key, unitId: t.units.vtv.id, workStatus: 'in-progress', progress: 60, narrative: 'Đã niêm yết' },
    })
    await t.call('PUT', '/api/v1/reports', {
      token: tokens.reporter2,
      body: { ...key, unitId: t.units.minhLuong.id, progress: 10, narrative: 'Minh Lương' },
    })
    const mine = (await myTasks(tokens.reporter, '?periodId=2018S1')).body.tasks[0]
    expect(mine.report).toMatchObject({
      unitId: t.units.vtv.id,
      status: 'draft',
      version: 1,
      progress: 60,
      narrative: 'Đã niêm yết',
      workStatus: 'in-progress',
    })
    const theirs = (await myTasks(tokens.reporter2, '?periodId=2018S1')).body.tasks[0]
    expect(theirs.report).toMatchObject({ unitId: t.units.minhLuong.id, narrative: 'Minh Lương' })
  })

  it('a department gets the tasks it leads, due by the province deadline; a coordinator gets none', async () => {
    const stnmt = (await myTasks(tokens.stnmt, '?periodId=2018S1')).body
    expect(stnmt.tasks.map((x: any) => [x.task.code, x.period.deadline])).toEqual([['2.4', '2018-06-18']])
    const rachGia = (await myTasks(tokens.rachGia, '?periodId=2018S1')).body
    expect(rachGia).toMatchObject({ units: [{ id: t.units.rachGia.id }], tasks: [] })
  })

  it('a coordinating unit sees the tasks it coordinates, with who leads them, and owes no report on them', async () => {
    // 2.4 is led by Sở TN&MT, "UBND cấp huyện" coordinating: Rạch Giá is one of them.
    const rachGia = (await myTasks(tokens.rachGia, '?periodId=2018S1')).body
    expect(rachGia.coordinating).toEqual([
      {
        plan: { id: plan.id, number: '97/KH-UBND', title: plan.title },
        section: expect.objectContaining({ code: '2' }),
        task: { id: taskId('2.4'), code: '2.4', title: 'Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh' },
        unit: { id: t.units.rachGia.id, name: 'UBND thành phố Rạch Giá' },
        leads: [{ id: t.units.stnmt.id, name: 'Sở Tài nguyên và Môi trường' }],
      },
    ])
    const stnmt = (await myTasks(tokens.stnmt, '?periodId=2018S1')).body
    expect(stnmt.coordinating).toEqual([])
  })

  it('answers no tasks for a period the plan has not opened, or for a user who files no reports', async () => {
    expect((await myTasks(tokens.reporter, '?periodId=2018Q2')).body.tasks).toEqual([])
    expect((await myTasks(tokens.planner, '?periodId=2018S1')).body).toMatchObject({ units: [], tasks: [] })
    expect((await myTasks(tokens.viewer, '?periodId=2018S1')).body).toMatchObject({ units: [], tasks: [] })
  })

  it('names the period in the language asked for', async () => {
    const res = await myTasks(tokens.reporter, '?periodId=2018Q3', { 'accept-language': 'en' })
    expect(res.body).toMatchObject({ periodId: '2018Q3', label: 'Q3 2018' })
  })

  it('refuses a bad period id (422) and an anonymous caller (401) in the one error shape', async () => {
    const bad = await myTasks(tokens.reporter, '?periodId=2018Q5')
    expect(bad.status).toBe(422)
    expect(bad.body.error.code).toBe('invalid')
    const missing = await myTasks(tokens.reporter, '')
    expect(missing.status).toBe(422)
    const anonymous = await t.call('GET', '/api/v1/my-tasks?periodId=2018S1')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe('unauthenticated')
  })

  it('is typed in the client', async () => {
    const api = createClient('http://papi.test', {
      token: tokens.reporter,
      fetch: async (input, init) => t.app.request(input instanceof Request ? input : String(input), init),
    })
    const res = await api.api.v1['my-tasks'].$get({ query: { periodId: '2018S1' } })
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    const body = await res.json()
    expect(body.tasks[0]?.task.code).toBe('1.3')
  })

  it('flags a report filed today for 2018S1 late, where the period judged as of its deadline counts it missing', async () => {
    // Last: signing in eight years on ends the sessions the other tests hold.
    t.setNow(new Date('2026-12-05T02:00:00Z'))
    try {
      const token = await t.login('reporter2')
      const key = { taskId: taskId('1.3'), periodId: '2018S1', unitId: t.units.minhLuong.id }
      const filed = await t.call('PUT', '/api/v1/reports', {
        token,
        body: { ...key, status: 'submitted', workStatus: 'in-progress', progress: 60, narrative: 'Đã niêm yết', version: 1 },
      })
      expect(filed.status, filed.text).toBe(200)
      const mine = (await myTasks(token, '?periodId=2018S1')).body.tasks[0]
      // Judged as of the day after the commune's deadline (16/06/2018), as a report printed then.
      expect(mine).toMatchObject({ asOf: '2018-06-17', report: { status: 'submitted' }, submission: 'late' })
      // The same as of today.
      expect((await myTasks(token, '?periodId=2018S1&asOf=2026-12-05')).body.tasks[0].submission).toBe('late')
    } finally {
      t.setNow(NOW)
    }
  })
})
