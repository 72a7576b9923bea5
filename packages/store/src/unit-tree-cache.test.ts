import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'
import { unitTreesOf } from './unit-tree-cache'

describe.each(testBackends())('the cached unit tree on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
  })
  afterAll(() => store?.close())

  it('answers the same tree while no unit changes', async () => {
    const first = await store.units.tree()
    expect(await store.units.tree()).toBe(first)
    expect(first.byId.get(ids.kg.id)?.name).toBe('UBND tỉnh Kiên Giang')
  })

  it('sees a change made through the store', async () => {
    const before = await store.units.tree()
    await store.units.update(ids.snv.id, { name: 'Sở Nội vụ tỉnh Kiên Giang' }, change())
    const after = await store.units.tree()
    expect(after).not.toBe(before)
    expect(after.byId.get(ids.snv.id)?.name).toBe('Sở Nội vụ tỉnh Kiên Giang')
  })

  it('sees a change another process made straight in the database (no call into this store)', async () => {
    await store.units.tree()
    await store.db.execute(sql`update units set name = 'UBND huyện Châu Thành (mới)' where id = ${ids.chauThanh.id}`)
    expect((await store.units.tree()).byId.get(ids.chauThanh.id)?.name).toBe('UBND huyện Châu Thành (mới)')
    await store.db.execute(sql`delete from unit_successors`)
    await store.db.execute(sql`insert into unit_successors (unit_id, successor_id) values (${ids.rachGia.id}, ${ids.chauThanh.id})`)
    expect((await store.units.tree()).byId.get(ids.rachGia.id)?.successorIds).toEqual([ids.chauThanh.id])
  })

  it('is the one a transaction reuses while it sees the same units (plan writes do not reread the country)', async () => {
    const cached = await store.units.tree()
    await store.db.transaction(async (tx) => {
      expect(await unitTreesOf(store.db).get(tx)).toBe(cached)
    })
  })

  it('gives a transaction that changed units its own view, and keeps nothing of it once rolled back', async () => {
    const cached = await store.units.tree()
    const trees = unitTreesOf(store.db)
    const rolledBack = new Error('roll back')
    await expect(
      store.db.transaction(async (tx) => {
        await tx.execute(sql`update units set name = 'Sở Nội vụ (trong giao dịch)' where id = ${ids.snv.id}`)
        const inside = await trees.get(tx)
        expect(inside).not.toBe(cached)
        expect(inside.byId.get(ids.snv.id)?.name).toBe('Sở Nội vụ (trong giao dịch)')
        throw rolledBack
      }),
    ).rejects.toBe(rolledBack)
    expect(await store.units.tree()).toBe(cached)
  })

  it('keeps the tree of a past day until a unit changes', async () => {
    const day = await store.units.tree({ asOf: '2018-06-30' })
    expect(await store.units.tree({ asOf: '2018-06-30' })).toBe(day)
    await store.units.update(ids.snv.id, { name: 'Sở Nội vụ (đổi tên)', effectiveOn: '2018-01-01' }, change())
    const after = await store.units.tree({ asOf: '2018-06-30' })
    expect(after).not.toBe(day)
    expect(after.byId.get(ids.snv.id)?.name).toBe('Sở Nội vụ (đổi tên)')
  })
})
