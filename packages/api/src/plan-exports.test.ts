import { readCsv, readDocx, readXlsx } from '@papi/documents/testing'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, samplePlan, type TestApp } from './app.fixture'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

describe.each(testBackends())('plan downloads on $name', (backend) => {
  let store: Store
  let t: TestApp
  let tokens: Record<'admin' | 'planner' | 'reporter' | 'viewer', string>
  let plan: any
  const task = (code: string) => plan.sections.flatMap((s: any) => s.tasks).find((x: any) => x.code === code)

  async function download(path: string, token?: string, headers: Record<string, string> = {}) {
    const res = await t.app.request(path, { headers: { ...headers, ...(token && { authorization: `Bearer ${token}` }) } })
    const bytes = new Uint8Array(await res.arrayBuffer())
    const text = new TextDecoder().decode(bytes)
    return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(text) }
  }

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    tokens = {
      admin: await t.login('admin'),
      planner: await t.login('planner'),
      reporter: await t.login('reporter'),
      viewer: await t.login('viewer'),
    }
    plan = (await t.call('POST', '/api/v1/plans', { token: tokens.planner, body: samplePlan(t.units) })).body
    await t.call('POST', `/api/v1/plans/${plan.id}/publish`, { token: tokens.planner, body: { version: plan.version } })
    // 2018S1: Vĩnh Thanh Vân reports on 1.3 on time; Minh Lương files nothing; the department
    // of natural resources has finished 2.4.
    const put = (token: string, body: object) => t.call('PUT', '/api/v1/reports', { token, body })
    const vtv = await put(tokens.reporter, {
      taskId: task('1.3').id,
      unitId: t.units.vtv.id,
      periodId: '2018S1',
      status: 'submitted',
      workStatus: 'in-progress',
      progress: 60,
      narrative: 'Đã niêm yết công khai các khoản đóng góp tại trụ sở phường.',
    })
    expect(vtv.status, vtv.text).toBe(200)
    const stnmt = await put(tokens.admin, {
      taskId: task('2.4').id,
      unitId: t.units.stnmt.id,
      periodId: '2018S1',
      status: 'submitted',
      workStatus: 'done',
      progress: 100,
      completedOn: '2018-06-05',
      narrative: 'Đã công khai quy hoạch sử dụng đất trên cổng thông tin của tỉnh.',
    })
    expect(stnmt.status, stnmt.text).toBe(200)
    // After the communes' deadline (16/06): Minh Lương's report is missing. Sessions last a day's work.
    t.setNow(new Date('2018-06-20T03:00:00Z'))
    for (const name of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[name] = await t.login(name)
  })
  afterAll(() => store?.close())

  const reportPath = (format: string, extra = '') => `/api/v1/plans/${plan.id}/exports/report?periodId=2018S1&format=${format}${extra}`

  it('downloads the consolidated report as .xlsx: bytes, media type, file name in ASCII and UTF-8', async () => {
    const res = await download(reportPath('xlsx'), tokens.planner)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(XLSX)
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-97-KH-UBND-2018S1.xlsx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%2097-KH-UBND%202018S1.xlsx`,
    )
    const [tasks] = await readXlsx(res.bytes)
    const rows = tasks?.rows ?? []
    expect(rows[0]?.[0]).toBe('ỦY BAN NHÂN DÂN')
    const at = rows.findIndex((r) => r[0] === '1.3')
    expect(rows[at]?.[1]).toBe('Công khai các khoản đóng góp tự nguyện tại địa phương')
    // Under the task, its units: Vĩnh Thanh Vân on time at 60 % (a real percentage), Minh Lương missing.
    const unitRows = rows.slice(at + 1, at + 3).map((r) => r.filter((c) => c !== ''))
    expect(unitRows[0]).toEqual([
      'UBND phường Vĩnh Thanh Vân',
      'Đúng hạn (10/06/2018)',
      'Đang thực hiện',
      '0.6',
      'Đã niêm yết công khai các khoản đóng góp tại trụ sở phường.',
    ])
    expect(unitRows[1]).toEqual(expect.arrayContaining(['UBND thị trấn Minh Lương', 'Chưa gửi']))
  })

  it('downloads it as .docx and as .csv with the same task and unit status', async () => {
    const docx = await download(reportPath('docx'), tokens.planner)
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe(DOCX)
    expect(docx.headers.get('content-disposition')).toContain('filename="bao-cao-97-KH-UBND-2018S1.docx"')
    const { xml, tables } = await readDocx(docx.bytes)
    expect(xml).toContain('Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh')
    const taskRows = tables.flat()
    const vtvRow = taskRows.find((r) => r.some((c) => c.includes('UBND phường Vĩnh Thanh Vân')))
    expect(vtvRow).toEqual(expect.arrayContaining(['Đúng hạn (10/06/2018)', 'Đang thực hiện']))

    const csv = await download(reportPath('csv'), tokens.planner)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const [header, ...lines] = readCsv(csv.bytes)
    const col = (name: string) => (header ?? []).indexOf(name)
    const line = lines.find((l) => l[col('Đơn vị')] === 'Sở Tài nguyên và Môi trường')
    expect(line?.[col('Nhiệm vụ')]).toBe('Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh')
    expect(line?.[col('Báo cáo kỳ này')]).toBe('Đúng hạn')
    expect(line?.[col('Tiến độ (%)')]).toBe('100')
  })

  it('writes English when asked, by lang or by Accept-Language', async () => {
    const res = await download(reportPath('csv', '&lang=en'), tokens.planner)
    expect(res.headers.get('content-disposition')).toContain('filename="report-97-KH-UBND-2018S1.csv"')
    expect(readCsv(res.bytes)[0]).toContain('Unit')
    const byHeader = await download(reportPath('csv'), tokens.planner, { 'accept-language': 'en-GB,en;q=0.9' })
    expect(byHeader.headers.get('content-disposition')).toContain('filename="report-97-KH-UBND-2018S1.csv"')
  })

  it('downloads the task table in every format, with each task’s status when a period is given', async () => {
    const xlsx = await download(`/api/v1/plans/${plan.id}/exports/task-table`, tokens.reporter)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toContain('filename="bieu-tong-hop-nhiem-vu-97-KH-UBND.xlsx"')
    const rows = (await readXlsx(xlsx.bytes))[0]?.rows ?? []
    expect(rows.find((r) => r[0] === '2.4')?.slice(1, 4)).toEqual([
      'Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh',
      'Sở Tài nguyên và Môi trường',
      'UBND cấp huyện',
    ])

    const docx = await download(`/api/v1/plans/${plan.id}/exports/task-table?format=docx&periodId=2018S1`, tokens.planner)
    expect(docx.headers.get('content-type')).toBe(DOCX)
    const { tables } = await readDocx(docx.bytes)
    expect(tables.flat().find((r) => r[0] === '2.4')).toEqual(expect.arrayContaining(['Hoàn thành đúng hạn']))

    const csv = await download(`/api/v1/plans/${plan.id}/exports/task-table?format=csv&periodId=2018S1`, tokens.planner)
    const [header, ...lines] = readCsv(csv.bytes)
    expect(header?.slice(0, 5)).toEqual(['STT', 'Nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian thực hiện'])
    expect(lines.find((l) => l[0] === '2.4')).toEqual(expect.arrayContaining(['Hoàn thành đúng hạn', '100']))
  })

  it('gives a reporter its own unit’s lines only', async () => {
    const res = await download(reportPath('csv'), tokens.reporter)
    expect(res.status).toBe(200)
    const [header, ...lines] = readCsv(res.bytes)
    const units = new Set(lines.map((l) => l[(header ?? []).indexOf('Đơn vị')]).filter(Boolean))
    expect(units).toEqual(new Set(['UBND phường Vĩnh Thanh Vân']))
    // The plan itself is the reporter's to read: both tasks are there.
    expect(lines.map((l) => l[1])).toEqual(expect.arrayContaining(['1.3', '2.4']))
    const narratives = lines.map((l) => l[(header ?? []).indexOf('Nội dung báo cáo')])
    expect(narratives.join(' ')).not.toContain('cổng thông tin của tỉnh')
  })

  it('gives a viewer its subtree: Châu Thành sees Minh Lương, not Vĩnh Thanh Vân', async () => {
    const res = await download(reportPath('csv'), tokens.viewer)
    const [header, ...lines] = readCsv(res.bytes)
    const units = new Set(lines.map((l) => l[(header ?? []).indexOf('Đơn vị')]).filter(Boolean))
    expect(units).toEqual(new Set(['UBND thị trấn Minh Lương', 'UBND huyện Châu Thành']))
  })

  it.each([
    ['a format it does not write', (id: string) => `/api/v1/plans/${id}/exports/report?periodId=2018S1&format=pdf`, 'invalid', 422],
    ['a report without a period', (id: string) => `/api/v1/plans/${id}/exports/report?format=xlsx`, 'invalid', 422],
    ['a period that is no period id', (id: string) => `/api/v1/plans/${id}/exports/task-table?periodId=2018Q5`, 'invalid', 422],
    ['a period not open on the plan', (id: string) => `/api/v1/plans/${id}/exports/report?periodId=2018Q2`, 'invalid', 422],
    ['an unknown language', (id: string) => `/api/v1/plans/${id}/exports/task-table?lang=fr`, 'invalid', 422],
    ['an unknown plan', () => `/api/v1/plans/no-such-plan/exports/task-table`, 'not-found', 404],
  ])('answers %s in the one error shape', async (_, path, code, status) => {
    const res = await download(path(plan.id), tokens.planner)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.json().error).toMatchObject({ code })
  })

  it('names the open periods when the one asked for is not', async () => {
    const res = await download(`/api/v1/plans/${plan.id}/exports/report?periodId=2018Q2`, tokens.planner)
    expect(res.json().error.details).toEqual({ periodId: '2018Q2', openPeriods: ['2018S1', '2018Q3', '2018'] })
  })

  it('asks for a session (401), and answers a plan outside the caller’s scope as if it did not exist (404)', async () => {
    expect((await download(reportPath('xlsx'))).status).toBe(401)
    // A plan of another province: Kiên Giang's reporter may not read it.
    const ag = await store.units.create(
      { code: 'AG', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null },
      { actorId: null, at: new Date() },
    )
    const other = await t.call('POST', '/api/v1/plans', {
      token: tokens.admin,
      body: {
        ...samplePlan(t.units),
        number: '12/KH-UBND',
        issuer: 'Ủy ban nhân dân tỉnh An Giang',
        issuerUnitId: ag.id,
        scopeUnitId: ag.id,
        sections: [],
      },
    })
    expect(other.status, other.text).toBe(201)
    const res = await download(`/api/v1/plans/${other.body.id}/exports/task-table`, tokens.reporter)
    expect(res.status).toBe(404)
    expect(res.json().error.code).toBe('not-found')
  })

  it('documents both downloads in OpenAPI as binary responses', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).body
    for (const path of ['/api/v1/plans/{id}/exports/task-table', '/api/v1/plans/{id}/exports/report', '/api/v1/scores/export']) {
      const ok = doc.paths[path]?.get?.responses?.['200']
      expect(ok, path).toBeDefined()
      for (const media of Object.values(ok.content) as any[]) expect(media.schema).toMatchObject({ type: 'string', format: 'binary' })
    }
    expect(Object.keys(doc.paths['/api/v1/plans/{id}/exports/report'].get.responses['200'].content)).toEqual([XLSX, DOCX, 'text/csv'])
  })
})
