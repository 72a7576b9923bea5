import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

describe.each(testBackends())('period narratives on $name', (backend) => {
  let store: Store
  let planId: string

  beforeAll(async () => {
    store = await backend.open()
    const ids = await seedUnits(store)
    planId = (await store.plans.create(samplePlan(ids), change())).id
    await store.plans.publish(planId, change())
  })
  afterAll(() => store?.close())

  it('a period nobody has written for reads as empty parts at version 0', async () => {
    expect(await store.periods.narrative(planId, '2018S1')).toMatchObject({
      planId,
      periodId: '2018S1',
      results: '',
      limits: '',
      nextTasks: '',
      proposals: '',
      version: 0,
      updatedAt: null,
    })
  })

  it('saves the four parts, each save a version, and the export reads them', async () => {
    const first = await store.periods.saveNarrative(
      planId,
      '2018S1',
      { results: 'Đã hoàn thành việc niêm yết công khai thủ tục hành chính.', proposals: 'Đề nghị Bộ Nội vụ tập huấn.' },
      change('2018-06-10T02:00:00Z', null),
      0,
    )
    expect(first).toMatchObject({ version: 1, limits: '', updatedAt: '2018-06-10T02:00:00.000Z' })
    const second = await store.periods.saveNarrative(
      planId,
      '2018S1',
      { ...first, limits: 'Một số xã nộp báo cáo chậm.' },
      change('2018-06-11T02:00:00Z'),
      1,
    )
    expect(second).toMatchObject({ version: 2, results: first.results, limits: 'Một số xã nộp báo cáo chậm.' })
    expect((await store.plans.exportData(planId, { periodId: '2018S1' })).narrative).toEqual({
      results: 'Đã hoàn thành việc niêm yết công khai thủ tục hành chính.',
      limits: 'Một số xã nộp báo cáo chậm.',
      nextTasks: '',
      proposals: 'Đề nghị Bộ Nội vụ tập huấn.',
    })
  })

  it('a save on a stale version is refused and changes nothing', async () => {
    await expect(store.periods.saveNarrative(planId, '2018S1', { results: 'cũ' }, change(), 1)).rejects.toMatchObject({
      code: 'version-conflict',
      details: { version: 2 },
    })
    expect((await store.periods.narrative(planId, '2018S1')).version).toBe(2)
  })

  it('two first saves at once: one is stored, the other refused', async () => {
    const other = (await store.periods.list(planId)).find((p) => p.code !== '2018S1')?.code as string
    const settled = await Promise.allSettled([
      store.periods.saveNarrative(planId, other, { results: 'A' }, change(), 0),
      store.periods.saveNarrative(planId, other, { results: 'B' }, change(), 0),
    ])
    expect(settled.map((s) => s.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect((await store.periods.narrative(planId, other)).version).toBe(1)
  })

  it('each save is audited with the texts before and after', async () => {
    const entries = (await store.audit.list({ entity: 'period-narrative' })).filter((e) => e.entityId === `${planId}/2018S1`)
    expect(entries.map((e) => e.action).sort()).toEqual(['create', 'update'])
    const update = entries.find((e) => e.action === 'update')
    expect(update?.before).toMatchObject({ limits: '' })
    expect(update?.after).toMatchObject({ limits: 'Một số xã nộp báo cáo chậm.' })
  })

  it('answers not-found for a period not open on the plan, and for an unknown plan', async () => {
    await expect(store.periods.narrative(planId, '2031')).rejects.toMatchObject({ code: 'not-found' })
    await expect(store.periods.saveNarrative(planId, '2031', {}, change(), 0)).rejects.toMatchObject({ code: 'not-found' })
    await expect(store.periods.narrative('no-such-plan', '2018S1')).rejects.toMatchObject({ code: 'not-found' })
  })
})
