import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, type TestApp } from './app.fixture'

const SEED = fileURLToPath(new URL('../../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url))
const seedText = () => readFileSync(SEED, 'utf8')

describe.each(testBackends())('a re-imported plan is a revision on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  let planId: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  async function upload(query: string, text = seedText()) {
    const form = new FormData()
    form.set('file', new File([text], 'kien-giang-97-KH-UBND-2018-papi.txt', { type: 'text/plain' }))
    const res = await t.app.request(`/api/v1/plans/import?scopeUnitId=${t.units.kg.id}&${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${planner}`, 'accept-language': 'vi' },
      body: form,
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  const figures = async () =>
    (await t.call('GET', `/api/v1/dashboard?unitId=${t.units.kg.id}&periodId=2018S1&asOf=2018-07-10`, { token: planner })).body.plans[0]
      .reporting
  const tasks = async () => (await store.plans.get(planId)).sections.flatMap((s) => s.tasks)
  const task = async (code: string) => (await tasks()).find((x) => x.code === code)!

  it('the planner imports 97/KH-UBND, picks a unit for each name the importer did not match, and publishes', async () => {
    planId = (await upload('confirm=true')).body.id
    const stored = (await t.call('GET', `/api/v1/plans/${planId}`, { token: planner })).body
    // Every name matching no unit of the sample province goes to Sở Nội vụ, the standing agency.
    const pick = (a: any) => (a.unitId === undefined && a.unitClass === undefined ? { ...a, unitId: t.units.snv.id } : a)
    const { provinceId: _p, unresolved, ...plan } = stored
    expect(unresolved.length).toBeGreaterThan(0)
    const fixed = {
      ...plan,
      sections: plan.sections.map(({ tasks, ...s }: any) => ({
        ...s,
        tasks: tasks.map(({ assignees: _a, sectionId: _s, ...x }: any) => ({
          ...x,
          lead: x.lead.map(pick),
          coordinators: x.coordinators.map(pick),
        })),
      })),
    }
    const put = await t.call('PUT', `/api/v1/plans/${planId}`, { token: planner, body: fixed })
    expect(put.status).toBe(200)
    expect(put.body.unresolved.length).toBeLessThan(unresolved.length)
    const published = await t.call('POST', `/api/v1/plans/${planId}/publish`, { token: planner, body: { version: put.body.version } })
    expect(published.status).toBe(200)
  })

  it('an accepted on-time report on a picked unit stays counted when the same document is imported again', async () => {
    // 2.6 "Tập huấn…": its lead matched no unit; the planner picked Sở Nội vụ.
    const picked = (await tasks()).find(
      (x) => x.assignees.some((a) => a.unitId === t.units.snv.id && a.role === 'lead') && x.lead.every((l) => l.unitClass === undefined),
    )!
    const at = (iso: string) => ({ actorId: null, at: new Date(iso) })
    let report = await store.reports.save(
      { taskId: picked.id, unitId: t.units.snv.id, periodId: '2018S1', progress: 100, workStatus: 'done', completedOn: '2018-06-05' },
      at('2018-06-05T02:00:00Z'),
    )
    report = await store.reports.act(report.id, { type: 'submit' }, at('2018-06-06T02:00:00Z'), report.version)
    await store.reports.act(report.id, { type: 'accept' }, at('2018-06-07T02:00:00Z'), report.version)
    const before = await figures()
    expect(before).toMatchObject({ accepted: 1, onTime: 1 })

    const res = await upload('confirm=true')
    expect(res.status).toBe(200)
    expect(await figures()).toEqual(before)
    expect(res.body.outcome).toBe('unchanged')
    expect((await task(picked.code)).assignees).toEqual(picked.assignees)
  })
})

describe.each(testBackends())('the revision is previewed, then confirmed against its version, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  let planId: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  async function upload(query: string, text: string, locale = 'vi') {
    const form = new FormData()
    form.set('file', new File([text], 'kien-giang-97-KH-UBND-2018-papi.txt', { type: 'text/plain' }))
    const res = await t.app.request(`/api/v1/plans/import?scopeUnitId=${t.units.kg.id}&${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${planner}`, 'accept-language': locale },
      body: form,
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  // 2.4 now led by Sở Nội vụ (it was Sở Tài nguyên và Môi trường), 2.6 dropped, 2.7 added.
  const amended = () =>
    seedText()
      .replace(/(2\.4\n\n[^\n]*\n\n)Sở Tài nguyên và Môi trường/, '$1Sở Nội vụ')
      .replace(/2\.6\n\nTập huấn[^\n]*\n\n[^\n]*\n\n[^\n]*\n\nTháng 6 năm 2018\n\n/, '')
      .replace(
        '3\n\nTrách nhiệm giải trình',
        '2.7\n\nCông khai kết quả thanh tra đất đai\n\nSở Tài nguyên và Môi trường\n\nUBND cấp huyện\n\nQuý IV năm 2018\n\n3\n\nTrách nhiệm giải trình',
      )

  it('a dry run of a document whose plan is stored and published shows the revision and changes nothing', async () => {
    planId = (await upload('confirm=true', seedText())).body.id
    await store.plans.publish(planId, { actorId: null, at: NOW })
    const before = await store.plans.get(planId)
    const res = await upload('', amended())
    expect(res.status).toBe(200)
    expect(res.body.stored).toMatchObject({
      id: planId,
      number: '97/KH-UBND',
      outcome: 'updated',
      changes: { tasksAdded: 1, tasksUpdated: 1, tasksRemoved: 1 },
      revision: { basedOn: { version: before.version, status: 'published' } },
    })
    const changed = res.body.stored.revision.tasks.map((x: any) => `${x.code} ${x.change}`)
    expect(changed).toEqual(['2.4 updated', '2.7 added', '2.6 removed'])
    const units = Object.fromEntries(
      res.body.stored.revision.units.map((u: any) => [
        u.unitName,
        [...u.gained.map((a: any) => `+${a.taskCode} ${a.role}`), ...u.lost.map((a: any) => `-${a.taskCode} ${a.role}`)],
      ]),
    )
    expect(units['Sở Nội vụ']).toContain('+2.4 lead')
    expect(units['Sở Tài nguyên và Môi trường']).toEqual(expect.arrayContaining(['-2.4 lead', '+2.7 lead']))
    expect(await store.plans.get(planId)).toEqual(before)
  })

  it('a confirm based on a version the plan has left answers 409 in the caller’s language, and writes nothing', async () => {
    const before = await store.plans.get(planId)
    const vi = await upload(`confirm=true&version=${before.version - 1}`, amended())
    expect(vi).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict', details: { expectedVersion: before.version - 1, actualVersion: before.version } } },
    })
    expect(vi.body.error.message).toMatch(/^Kế hoạch 97\/KH-UBND đã thay đổi/)
    const en = await upload(`confirm=true&version=${before.version - 1}`, amended(), 'en')
    expect(en.body.error.message).toMatch(/^Plan 97\/KH-UBND changed after the revision was previewed/)
    expect(await store.plans.get(planId)).toEqual(before)
  })

  it('confirmed against its version, the revision is stored and audited with what changed', async () => {
    const { version } = await store.plans.get(planId)
    const res = await upload(`confirm=true&version=${version}`, amended())
    expect(res).toMatchObject({ status: 200, body: { id: planId, outcome: 'updated', revision: { basedOn: { version } } } })
    // The same document previewed again says what is stored now.
    const again = await upload('', amended())
    expect(again.body.stored).toMatchObject({ outcome: 'unchanged', revision: { tasks: [], units: [] } })
    const audit = await t.call('GET', `/api/v1/audit?entity=plan&entityId=${planId}`, { token: await t.login('admin') })
    expect(audit.status).toBe(200)
    const entry = audit.body.find((e: any) => e.action === 'import')
    expect(entry).toMatchObject({ after: { changes: { tasksAdded: 1, tasksUpdated: 1, tasksRemoved: 1 }, units: expect.any(Array) } })
  })
})

describe.each(testBackends())('units picked during a revision, and kept when the same document comes again, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  let planId: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  async function upload(query: string, text: string, picks?: string, locale = 'vi') {
    const form = new FormData()
    form.set('file', new File([text], 'kien-giang-97-KH-UBND-2018-papi.txt', { type: 'text/plain' }))
    if (picks !== undefined) form.set('picks', picks)
    const res = await t.app.request(`/api/v1/plans/import?scopeUnitId=${t.units.kg.id}&${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${planner}`, 'accept-language': locale },
      body: form,
    })
    return { status: res.status, body: (await res.json()) as any }
  }
  // 97/KH-UBND amended: a task 2.7 led by a land-fund centre the register does not hold, with the
  // civil servants concerned (no posts in the sample province: a class with no member).
  const amended = () =>
    seedText().replace(
      '3\n\nTrách nhiệm giải trình',
      '2.7\n\nCông khai kết quả thanh tra đất đai\n\nTrung tâm Phát triển quỹ đất tỉnh\n\nCông chức liên quan\n\nQuý IV năm 2018\n\n3\n\nTrách nhiệm giải trình',
    )
  const centre = 'trung tam phat trien quy dat tinh'
  const posts = 'cong chuc lien quan'
  const keys = (body: any) => body.stored.revision.unmatched.map((n: any) => n.key)

  it('the dry run lists the names the revised plan leaves without a unit, each with its tasks', async () => {
    planId = (await upload('confirm=true', seedText())).body.id
    await store.plans.publish(planId, { actorId: null, at: NOW })
    const res = await upload('', amended())
    expect(res.status).toBe(200)
    const names = res.body.stored.revision.unmatched
    expect(names.find((n: any) => n.key === centre)).toEqual({
      key: centre,
      text: 'Trung tâm Phát triển quỹ đất tỉnh',
      uses: [{ sectionCode: '2', taskCode: '2.7', role: 'lead' }],
    })
    expect(names.find((n: any) => n.key === posts)?.uses).toContainEqual({ sectionCode: '2', taskCode: '2.7', role: 'coordinators' })
  })

  it('with picks, the dry run shows the revision they make; the confirm stores it', async () => {
    const picks = JSON.stringify({ [centre]: t.units.stnmt.id, [posts]: t.units.snv.id })
    const preview = await upload('', amended(), picks)
    expect(keys(preview.body)).not.toContain(centre)
    expect(keys(preview.body)).not.toContain(posts)
    const stnmt = preview.body.stored.revision.units.find((u: any) => u.unitId === t.units.stnmt.id)
    expect(stnmt.gained).toContainEqual(expect.objectContaining({ taskCode: '2.7', role: 'lead' }))
    const version = preview.body.stored.revision.basedOn.version
    const confirmed = await upload(`confirm=true&version=${version}`, amended(), picks)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body.outcome).toBe('updated')
    const task = (await store.plans.get(planId)).sections.flatMap((s) => s.tasks).find((x) => x.code === '2.7')!
    expect(task.assignees.map((a) => `${a.role} ${a.unitName} (${a.assigneeText})`)).toEqual([
      'lead Sở Tài nguyên và Môi trường (Trung tâm Phát triển quỹ đất tỉnh)',
      'coordinator Sở Nội vụ (Công chức liên quan)',
    ])
  })

  it('the same document again, without picks, changes nothing: the picks made during the revision hold', async () => {
    const before = await store.plans.get(planId)
    const preview = await upload('', amended())
    expect(preview.body.stored.outcome).toBe('unchanged')
    expect(keys(preview.body)).not.toContain(centre)
    expect(keys(preview.body)).not.toContain(posts)
    const again = await upload('confirm=true', amended())
    expect(again.body.outcome).toBe('unchanged')
    expect(await store.plans.get(planId)).toEqual(before)
  })

  it.each([
    ['not JSON', '{centre'],
    ['not an object of names', '["u-1"]'],
    ['a unit that does not exist', JSON.stringify({ [centre]: 'no-such-unit' })],
  ])('refuses picks that are %s (422 naming the field, in the caller’s language), storing nothing', async (_what, picks) => {
    const before = await store.plans.get(planId)
    const vi = await upload('confirm=true', amended(), picks)
    expect(vi.status).toBe(422)
    expect(vi.body.error).toMatchObject({ code: 'invalid', details: { field: 'picks' } })
    expect(vi.body.error.message).toMatch(/^Danh sách đơn vị đã chọn \(picks\) không hợp lệ/)
    const en = await upload('', amended(), picks, 'en')
    expect(en.body.error.message).toMatch(/^The picked units \(picks\) are not valid/)
    expect(await store.plans.get(planId)).toEqual(before)
  })
})
