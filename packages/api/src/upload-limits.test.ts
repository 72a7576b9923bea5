// #10 hole 5: one request must not stall everyone or swamp memory. Permission is checked before an
// upload is read; documents past the limits are refused (413) before the costly work; plans past
// PLAN_LIMITS are invalid (422).
import { DOCUMENT_LIMITS } from '@papi/documents'
import { docxBomb, docxManyParagraphs, xlsxManyRows } from '@papi/documents/testing'
import { PLAN_LIMITS } from '@papi/domain'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, samplePlan, type TestApp } from './app.fixture'

/** A request body that counts what the server reads of it, sent chunked (no Content-Length). */
function watchedBody(bytes: number) {
  const read = { chunks: 0 }
  const chunk = new TextEncoder().encode('x'.repeat(1024))
  let left = bytes
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (left <= 0) return controller.close()
        read.chunks += 1
        left -= chunk.byteLength
        controller.enqueue(chunk)
      },
    },
    // Nothing is pulled before someone reads.
    { highWaterMark: 0 },
  )
  return { stream, read }
}

describe.each(testBackends())('uploads on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  let reporter: string
  let viewer: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
    reporter = await t.login('reporter')
    viewer = await t.login('viewer')
  })
  afterAll(() => store?.close())

  async function send(path: string, body: RequestInit['body'], headers: Record<string, string>) {
    const res = await t.app.request(path, { method: 'POST', headers, body, duplex: 'half' } as RequestInit)
    return { status: res.status, body: (await res.json()) as any }
  }
  const upload = (query: string, file: File, token = planner) => {
    const form = new FormData()
    form.set('file', file)
    return send(`/api/v1/plans/import?${query}`, form, { authorization: `Bearer ${token}` })
  }

  describe('permission comes before the body', () => {
    it.each([
      ['a reporter uploading a plan for the province', () => `/api/v1/plans/import?scopeUnitId=${t.units.kg.id}`, () => reporter, 403],
      ['a viewer importing a score table', () => '/api/v1/scores/import?frameworkId=papi-2009&year=2017&version=0', () => viewer, 403],
      ['nobody signed in uploading a plan', () => `/api/v1/plans/import?scopeUnitId=${t.units.kg.id}`, () => undefined, 401],
    ])('%s is refused without reading a byte', async (_, path, token, status) => {
      const { stream, read } = watchedBody(8 * 1024 * 1024)
      const caller = token()
      const res = await send(path(), stream, {
        'content-type': 'text/csv',
        ...(caller && { authorization: `Bearer ${caller}` }),
      })
      expect(res.status).toBe(status)
      expect(read.chunks).toBe(0)
    })

    it('a chunked body past the limit is cut off at the limit, not read to its end', async () => {
      const { stream, read } = watchedBody(20 * 1024 * 1024)
      const res = await send('/api/v1/scores/import?frameworkId=papi-2009&year=2017&version=0', stream, {
        'content-type': 'text/csv',
        authorization: `Bearer ${planner}`,
      })
      expect(res.status).toBe(413)
      expect(res.body.error).toMatchObject({ code: 'too-large', details: { maxBytes: 10 * 1024 * 1024 } })
      expect(read.chunks).toBeLessThanOrEqual(10 * 1024 + 2)
    })
  })

  describe('documents past the limits answer 413 naming the limit', () => {
    it('a .docx bomb (32 MB of text in 32 KB) stops at the unpacked-size limit', async () => {
      const bomb = await docxBomb(32)
      expect(bomb.byteLength).toBeLessThan(64 * 1024)
      const res = await upload(`scopeUnitId=${t.units.kg.id}`, new File([bomb], 'bom.docx'))
      expect(res.status).toBe(413)
      expect(res.body.error.details).toMatchObject({ reason: 'too-large', limit: 'unpackedBytes', max: DOCUMENT_LIMITS.unpackedBytes })
      expect(res.body.error.details.message).toContain('dung lượng sau khi giải nén')
    })

    it('a .docx of a million empty paragraphs stops at the paragraph limit, in English when asked', async () => {
      const form = new FormData()
      form.set('file', new File([await docxManyParagraphs(1_000_000)], 'many.docx'))
      const res = await send(`/api/v1/plans/import?scopeUnitId=${t.units.kg.id}`, form, {
        authorization: `Bearer ${planner}`,
        'accept-language': 'en',
      })
      expect(res.status).toBe(413)
      expect(res.body.error.details).toMatchObject({ limit: 'paragraphs', max: DOCUMENT_LIMITS.paragraphs })
      expect(res.body.error.details.message).toBe('The file many.docx is too large: it exceeds the number of paragraphs (at most 50,000)')
    })

    it('an .xlsx of more rows than the limit stops before ExcelJS reads it', async () => {
      const res = await upload(`scopeUnitId=${t.units.kg.id}`, new File([await xlsxManyRows(DOCUMENT_LIMITS.rows + 1)], 'rows.xlsx'))
      expect(res.status).toBe(413)
      expect(res.body.error.details).toMatchObject({ limit: 'rows', max: DOCUMENT_LIMITS.rows })
    })

    it('a task table of more tasks than the plan limit is refused before units are matched', async () => {
      const rows = ['Kế hoạch 97/KH-UBND', 'TT,Nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện']
      for (const [s, roman] of ['I', 'II', 'III'].entries()) {
        rows.push(`${roman},Nhóm nhiệm vụ ${s + 1},,`)
        for (let k = 1; k <= PLAN_LIMITS.tasks / 2; k += 1) rows.push(`${s + 1}.${k},Tổ chức hội nghị số ${k},Sở Nội vụ,Năm 2018`)
      }
      const res = await upload(`scopeUnitId=${t.units.kg.id}`, new File([rows.join('\n')], 'many-tasks.csv'))
      expect(res.status).toBe(413)
      expect(res.body.error.details).toMatchObject({ limit: 'tasks', max: PLAN_LIMITS.tasks })
    })

    it('a score table of more rows than the limit', async () => {
      const rows = Array.from({ length: DOCUMENT_LIMITS.rows + 1 }, (_, i) => `u${i},40`)
      const res = await send('/api/v1/scores/import?frameworkId=papi-2009&year=2017&version=0', ['unit,total', ...rows].join('\n'), {
        'content-type': 'text/csv',
        authorization: `Bearer ${planner}`,
      })
      expect(res.status).toBe(413)
      expect(res.body.error.details).toMatchObject({ limit: 'rows', max: DOCUMENT_LIMITS.rows })
    })
  })

  it('a JSON plan of more tasks than the plan limit is invalid (422) and nothing is stored', async () => {
    const plan = samplePlan(t.units)
    const tasks = Array.from({ length: PLAN_LIMITS.tasks + 1 }, (_, i) => ({ ...plan.sections[0]!.tasks[0]!, code: `9.${i + 1}` }))
    const res = await t.call('POST', '/api/v1/plans', { token: planner, body: { ...plan, sections: [{ ...plan.sections[0]!, tasks }] } })
    expect(res.status).toBe(422)
    expect(await store.plans.list()).toEqual([])
  })
})
