import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './app.fixture'

const SEED = fileURLToPath(
  new URL('../../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url),
)

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

  it('confirm stores it as a draft with assignees resolved; a second confirm is a conflict', async () => {
    const res = await upload(`scopeUnitId=${t.units.kg.id}&confirm=true`, seed())
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ number: '97/KH-UBND', status: 'draft', scopeUnitId: t.units.kg.id })
    const t24 = res.body.sections.flatMap((s: any) => s.tasks).find((x: any) => x.code === '2.4')
    expect(t24.assignees.map((a: any) => a.unitName)).toEqual([
      'Sở Tài nguyên và Môi trường',
      'UBND thành phố Rạch Giá',
      'UBND huyện Châu Thành',
    ])
    expect((await upload(`scopeUnitId=${t.units.kg.id}&confirm=true`, seed())).status).toBe(409)
  })

  it('refuses a format it cannot read with 422, and a caller outside the scope with 403', async () => {
    const pdf = await upload(`scopeUnitId=${t.units.kg.id}`, new File(['%PDF-1.4'], 'plan.pdf'))
    expect(pdf.status).toBe(422)
    expect(pdf.body.error.details.reason).toBe('unsupported-format')
    const reporter = await t.login('reporter')
    expect((await upload(`scopeUnitId=${t.units.kg.id}`, seed(), reporter)).status).toBe(403)
  })
})
