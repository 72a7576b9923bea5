import { readDocx } from '@papi/documents/testing'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, samplePlan, type TestApp } from './app.fixture'

describe.each(testBackends())('the plan’s report texts for a period on $name', (backend) => {
  let store: Store
  let t: TestApp
  let tokens: Record<'admin' | 'planner' | 'reporter' | 'viewer', string>
  let planId: string
  const path = (periodId = '2018S1') => `/api/v1/plans/${planId}/periods/${periodId}/narrative`

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    tokens = {
      admin: await t.login('admin'),
      planner: await t.login('planner'),
      reporter: await t.login('reporter'),
      viewer: await t.login('viewer'),
    }
    const plan = (await t.call('POST', '/api/v1/plans', { token: tokens.planner, body: samplePlan(t.units) })).body
    planId = plan.id
    await t.call('POST', `/api/v1/plans/${planId}/publish`, { token: tokens.planner, body: { version: plan.version } })
  })
  afterAll(() => store?.close())

  it('reads as empty at version 0 before anyone wrote it; the planner may write it, a reporter may not', async () => {
    const planner = await t.call('GET', path(), { token: tokens.planner })
    expect(planner.status, planner.text).toBe(200)
    expect(planner.body).toMatchObject({ periodId: '2018S1', results: '', version: 0, editable: true })
    const reporter = await t.call('GET', path(), { token: tokens.reporter })
    expect(reporter.body).toMatchObject({ version: 0, editable: false })
  })

  it('the standing agency’s planner saves it; the next save needs the new version', async () => {
    const body = {
      results: 'Đã hoàn thành 2/2 nhiệm vụ trọng tâm của 6 tháng đầu năm.',
      limits: 'Một số xã nộp báo cáo chậm do thiếu cán bộ.',
      nextTasks: 'Tiếp tục công khai quy hoạch sử dụng đất.',
      proposals: 'Đề nghị Bộ Nội vụ tổ chức tập huấn chỉ số PAPI.',
      version: 0,
    }
    const saved = await t.call('PUT', path(), { token: tokens.planner, body })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.body).toMatchObject({ ...body, version: 1, editable: true })
    const stale = await t.call('PUT', path(), {
      token: tokens.planner,
      body: { results: 'cũ', version: 0 },
      headers: { 'accept-language': 'vi' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('conflict')
    const audit = await store.audit.list({ entity: 'period-narrative' })
    expect(audit.map((e) => [e.action, e.entityId, e.actorId !== null])).toEqual([['create', `${planId}/2018S1`, true]])
  })

  it('a reporter or a viewer may not write it: 403 with a sentence in the caller’s language', async () => {
    for (const who of ['reporter', 'viewer'] as const) {
      const res = await t.call('PUT', path(), {
        token: tokens[who],
        body: { results: 'x', version: 1 },
        headers: { 'accept-language': 'vi' },
      })
      expect(res.status).toBe(403)
      expect(res.body.error.message).toBe('Chỉ cơ quan thường trực của kế hoạch mới được viết báo cáo kỳ này.')
    }
    const en = await t.call('PUT', path(), { token: tokens.reporter, body: { version: 1 }, headers: { 'accept-language': 'en' } })
    expect(en.body.error.message).toBe('Only the plan’s standing agency writes its report for the period.')
  })

  it('refuses a part too long (422 naming the part), a period not open (404), and answers 401 without a session', async () => {
    const long = await t.call('PUT', path(), { token: tokens.planner, body: { limits: 'x'.repeat(20_001), version: 1 } })
    expect(long.status).toBe(422)
    expect(long.body.error.details.issues[0].path).toEqual(['limits'])
    expect((await t.call('GET', path('2031'), { token: tokens.planner })).status).toBe(404)
    expect((await t.call('GET', path())).status).toBe(401)
  })

  it('the period report (.docx) prints the texts in its four parts, in place of the placeholders', async () => {
    const res = await t.app.request(`/api/v1/plans/${planId}/exports/report?periodId=2018S1&format=docx`, {
      headers: { authorization: `Bearer ${tokens.planner}` },
    })
    expect(res.status).toBe(200)
    const { xml } = await readDocx(new Uint8Array(await res.arrayBuffer()))
    for (const text of [
      'Đã hoàn thành 2/2 nhiệm vụ trọng tâm của 6 tháng đầu năm.',
      'Một số xã nộp báo cáo chậm do thiếu cán bộ.',
      'Tiếp tục công khai quy hoạch sử dụng đất.',
      'Đề nghị Bộ Nội vụ tổ chức tập huấn chỉ số PAPI.',
    ]) {
      expect(xml).toContain(text)
    }
    expect(xml).not.toContain('[Nêu những kết quả nổi bật')
  })
})
