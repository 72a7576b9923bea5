import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, seedUnits } from './store.fixture'
import type { Store } from './store'
import { StoreError } from './store-error'
import { testBackends } from './test-backend'

describe.each(testBackends())('units on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
  })
  afterAll(() => store?.close())

  it('keeps every unit with its province', async () => {
    const units = await store.units.list()
    expect(units.map((u) => u.name)).toContain('UBND phường Vĩnh Thanh Vân')
    const tree = await store.units.tree()
    expect(tree.children.get(ids.rachGia.id)?.map((u) => u.id)).toEqual([ids.vtv.id])
  })

  it('refuses a taken code with a conflict and writes nothing', async () => {
    const before = (await store.units.list()).length
    await expect(
      store.units.create({ code: 'KG-SNV', name: 'Sở Nội vụ (2)', level: 'province', kind: 'department', parentId: ids.kg.id }, change()),
    ).rejects.toMatchObject({ code: 'conflict' })
    expect((await store.units.list()).length).toBe(before)
  })

  it('refuses an unknown parent as invalid', async () => {
    await expect(
      store.units.create({ code: 'X', name: 'X', level: 'commune', kind: 'people-committee', parentId: 'nope' }, change()),
    ).rejects.toBeInstanceOf(StoreError)
  })

  it('refuses to move a unit under its own subtree', async () => {
    await expect(store.units.update(ids.rachGia.id, { parentId: ids.vtv.id }, change())).rejects.toMatchObject({
      code: 'invalid',
    })
  })

  it('records the 2025 merger as a successor and ends the unit the day before', async () => {
    const anGiang = await store.units.create(
      { code: 'AG-2025', name: 'UBND tỉnh An Giang', level: 'province', kind: 'people-committee', parentId: null, validFrom: '2025-07-01' },
      change(),
    )
    // Its departments and districts are still in force: merging it alone would leave them hanging.
    await expect(store.units.merge(ids.kg.id, { successorId: anGiang.id, effectiveOn: '2025-07-01' }, change())).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'would-orphan' },
    })
    expect((await store.units.get(ids.kg.id)).validTo).toBeUndefined()
    const merged = await store.units.merge(ids.kg.id, { successorId: anGiang.id, effectiveOn: '2025-07-01', children: 'end' }, change())
    expect(merged).toMatchObject({ validTo: '2025-06-30', successorIds: [anGiang.id] })
    expect((await store.units.get(ids.vtv.id)).validTo).toBe('2025-06-30')
  })

  it('audits every change in the same transaction', async () => {
    const entries = await store.audit.list({ entity: 'unit', entityId: ids.kg.id })
    expect(entries.map((e) => e.action)).toEqual(['merge', 'create'])
    expect((await store.audit.list({ entity: 'unit', entityId: ids.vtv.id })).map((e) => e.action)).toEqual(['end', 'create'])
    expect(entries[0]).toMatchObject({ before: { name: 'UBND tỉnh Kiên Giang' }, after: { validTo: '2025-06-30' } })
  })
})
