import { registerForProvince, type Register, type Unit } from '@papi/domain'
import { readPapiScoreTables, readRegister } from '@papi/register'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unitSuccessors, unitTreeVersion } from './schema'
import type { Store } from './store'
import { change } from './store.fixture'
import { openPgliteClone, testBackends } from './test-backend'

let register: Register
beforeAll(async () => {
  register = await readRegister()
})

const treeVersion = async (store: Store) => (await store.db.select({ version: unitTreeVersion.version }).from(unitTreeVersion))[0]?.version

const committees = async (store: Store, level: string) =>
  (await store.units.list()).filter((u) => u.level === level && u.kind === 'people-committee')

// Lào Cai (10) and what it became: the new Lào Cai (15), made of old Lào Cai and Yên Bái (whose old
// units are not loaded: a province-only server holds its own past, not its neighbour's).
describe.each(testBackends())('register import of one province on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
  })
  afterAll(() => store?.close())

  it('loads the old province, the new one it became with its communes, and their links, in one go', async () => {
    const part = registerForProvince(register, '10') as Register
    const steps: string[] = []
    const result = await store.units.importRegister(part, change(), { onProgress: (s) => steps.push(s.phase) })
    expect(result.units).toEqual({ created: part.units.length, existing: 0 })
    expect(result.counts.provinces).toEqual({ old: 1, new: 1 })
    expect(steps).toContain('units')
    expect(steps).toContain('links')
    const provinces = (await committees(store, 'province')).map((u) => [u.name, u.officialCode, u.validFrom ?? null, u.validTo ?? null])
    expect(provinces).toEqual([
      ['UBND tỉnh Lào Cai', '10', null, '2025-06-30'],
      ['UBND tỉnh Lào Cai', '15', '2025-07-01', null],
    ])
    // Xã Tả Phìn (Sa Pa) and Xã Trung Chải became the new Xã Tả Phìn.
    const units = await store.units.list()
    const tree = await store.units.tree()
    const oldTaPhin = units.find((u) => u.code === 'C03013')
    const newTaPhin = units.find((u) => u.code === 'C03013@2025')
    expect(oldTaPhin?.successorIds).toEqual([newTaPhin?.id])
    expect(tree.predecessors.get(newTaPhin?.id as string)?.map((u) => u.name)).toEqual(['UBND xã Trung Chải', 'UBND xã Tả Phìn'])
    expect(tree.byId.get(oldTaPhin?.parentId as string)?.name).toBe('UBND thị xã Sa Pa')
  })

  it('keeps a moved unit where it was for the days before the move (dated versions)', async () => {
    const units = await store.units.list()
    const taPhin = units.find((u) => u.code === 'C03013') as Unit
    const newLaoCai = units.find((u) => u.code === 'P15@2025') as Unit
    const saPa = taPhin.parentId
    await store.units.update(taPhin.id, { parentId: newLaoCai.id, name: 'UBND xã Tả Phìn (cũ)', effectiveOn: '2025-01-01' }, change())
    const now = await store.units.tree()
    const in2020 = await store.units.tree({ asOf: '2020-09-30' })
    expect(now.byId.get(taPhin.id)).toMatchObject({ parentId: newLaoCai.id, name: 'UBND xã Tả Phìn (cũ)' })
    expect(in2020.byId.get(taPhin.id)).toMatchObject({ parentId: saPa, name: 'UBND xã Tả Phìn' })
    expect(in2020.children.get(saPa as string)?.map((u) => u.id)).toContain(taPhin.id)
    expect((await store.units.history(taPhin.id)).versions.map((v) => [v.validFrom ?? null, v.validTo ?? null, v.parentId])).toEqual([
      [null, '2024-12-31', saPa],
      ['2025-01-01', '2025-06-30', newLaoCai.id],
    ])
    // Ending Sa Pa while a commune is still in force under it would orphan it: refused.
    const other = (now.children.get(saPa as string) ?? []).find((u) => u.id !== taPhin.id) as Unit
    await store.units.update(other.id, { validTo: '2030-12-31' }, change())
    await expect(store.units.update(saPa as string, { validTo: '2025-03-31' }, change())).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'would-orphan', orphans: expect.arrayContaining([expect.objectContaining({ id: other.id })]) },
    })
    await store.units.update(other.id, { validTo: '2025-06-30' }, change())
  })

  it('changes nothing the second time, writes no audit entry and leaves the unit tree version alone', async () => {
    const part = registerForProvince(register, '10') as Register
    const auditBefore = (await store.audit.list({ entity: 'unit-register' })).length
    const versionBefore = await treeVersion(store)
    const result = await store.units.importRegister(part, change())
    expect(result.units).toEqual({ created: 0, existing: part.units.length })
    expect(result.links.created).toBe(0)
    expect(result.links.existing).toBeGreaterThan(0)
    expect((await store.audit.list({ entity: 'unit-register' })).length).toBe(auditBefore)
    expect(auditBefore).toBe(1)
    // No INSERT ran: the statement triggers would have moved it, and every cached tree with it.
    expect(await treeVersion(store)).toBe(versionBefore)
  })

  it('writes back what is missing and only that: a link deleted since is linked again', async () => {
    const part = registerForProvince(register, '10') as Register
    const stored = await store.db.select().from(unitSuccessors)
    const link = stored[0]
    if (!link) throw new Error('no link to delete')
    await store.db
      .delete(unitSuccessors)
      .where(and(eq(unitSuccessors.unitId, link.unitId), eq(unitSuccessors.successorId, link.successorId)))
    const result = await store.units.importRegister(part, change())
    expect(result.units.created).toBe(0)
    expect(result.links).toEqual({ created: 1, existing: stored.length - 1 })
    const [back] = await store.db
      .select()
      .from(unitSuccessors)
      .where(and(eq(unitSuccessors.unitId, link.unitId), eq(unitSuccessors.successorId, link.successorId)))
    expect(back).toEqual(link)
    expect(await store.audit.list({ entity: 'unit-register' })).toHaveLength(2)
  })
})

// Huế (46) was the province of Thừa Thiên Huế until 31/12/2024: the register gives today's name,
// a plan or a result of 2018 names it as it was then.
describe.each(testBackends())('register import of a renamed province on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
  })
  afterAll(() => store?.close())

  it('reads Thừa Thiên Huế for 2018 and Huế for 2025, once, however often it is imported', async () => {
    await store.units.importRegister(registerForProvince(register, '46') as Register, change())
    const hue = (await store.units.findByCode('P46')) as Unit
    const office = (await store.units.findByCode('P46/VP')) as Unit
    expect(hue.name).toBe('UBND thành phố Huế')
    expect((await store.units.tree({ asOf: '2018-05-18' })).byId.get(hue.id)?.name).toBe('UBND tỉnh Thừa Thiên Huế')
    expect((await store.units.tree({ asOf: '2018-05-18' })).byId.get(office.id)?.name).toBe('Văn phòng UBND tỉnh')
    expect((await store.units.tree({ asOf: '2025-03-01' })).byId.get(hue.id)?.name).toBe('UBND thành phố Huế')
    await store.units.importRegister(registerForProvince(register, '46') as Register, change())
    expect((await store.units.history(hue.id)).versions.map((v) => [v.validFrom ?? null, v.validTo ?? null, v.name])).toEqual([
      [null, '2024-12-31', 'UBND tỉnh Thừa Thiên Huế'],
      ['2025-01-01', '2025-06-30', 'UBND thành phố Huế'],
    ])
  })
})

describe('register import of the whole country (PGlite)', () => {
  let store: Store
  beforeAll(async () => {
    store = await openPgliteClone()
  })
  afterAll(() => store?.close())

  it('yields 63 + 34 provinces, 696 districts, 10,051 + 3,321 communes and the links, in under a minute', async () => {
    const started = performance.now()
    const result = await store.units.importRegister(register, change())
    const seconds = (performance.now() - started) / 1000
    expect(seconds).toBeLessThan(60)
    expect(result.counts).toMatchObject({ provinces: { old: 63, new: 34 }, districts: 696, communes: { old: 10_051, new: 3_321 } })
    const units = await store.units.list()
    const by = (level: string, era: 'old' | 'new') =>
      units.filter(
        (u) =>
          u.level === level && u.kind === 'people-committee' && (era === 'old' ? u.validTo === '2025-06-30' : u.validFrom === '2025-07-01'),
      )
    expect(by('province', 'old')).toHaveLength(63)
    expect(by('province', 'new')).toHaveLength(34)
    expect(by('district', 'old')).toHaveLength(696)
    expect(by('commune', 'old')).toHaveLength(10_051)
    expect(by('commune', 'new')).toHaveLength(3_321)
    const linked = units.filter((u) => u.level === 'commune' && u.successorIds.length > 0)
    expect(linked.length).toBeGreaterThan(10_000)
    expect(result.links.created).toBe(register.links.length)

    // Phường Trúc Bạch (Ba Đình, Hà Nội) → Phường Ba Đình, Hà Nội; Kiên Giang → An Giang.
    const byId = new Map(units.map((u) => [u.id, u]))
    const trucBach = units.find((u) => u.code === 'C00004')
    expect(trucBach?.successorIds.map((id) => byId.get(id)?.name)).toEqual(['UBND phường Ba Đình'])
    expect(byId.get(byId.get(trucBach?.successorIds[0] as string)?.parentId as string)?.name).toBe('UBND thành phố Hà Nội')
    const kienGiang = units.find((u) => u.code === 'P91')
    expect(kienGiang?.successorIds.map((id) => byId.get(id)?.name)).toEqual(['UBND tỉnh An Giang'])
    console.info(`register import: ${units.length} units, ${result.links.created} links in ${seconds.toFixed(1)} s`)
  }, 120_000)
})

// A score table names provinces papi does not hold: the rows are listed, the rest stored.
describe.each(testBackends())('PAPI province tables on $name', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await backend.open()
    for (const code of ['10', '46']) await store.units.importRegister(registerForProvince(register, code) as Register, change())
  })
  afterAll(() => store?.close())

  it('stores the provinces it knows, ranked among all those ranked that year, and lists the others', async () => {
    const tables = await readPapiScoreTables()
    const t2022 = tables.find((t) => t.year === 2022) as (typeof tables)[number]
    const result = await store.scores.importProvinceTable(
      { ...t2022, version: await store.scores.tableVersion(t2022.frameworkId, 2022) },
      change(),
    )
    expect(result).toMatchObject({ year: 2022, saved: 2, rankedOf: 61, notRanked: [] })
    expect(result.unmatched).toHaveLength(61)
    expect(result.unmatched.map((u) => u.province)).toContain('Bắc Giang')
    const stored = await store.scores.list({ year: 2022 })
    const units = await store.units.list()
    const named = stored.map((s) => [units.find((u) => u.id === s.unitId)?.name, s.total, s.rank, s.rankOf, s.band])
    // The published ranks (Thừa Thiên Huế 5th of 61: gilimexip.com; Lào Cai 52nd), and their quartile bands.
    expect(named).toEqual([
      ['UBND thành phố Huế', 45.3845, 5, 61, 'highest'],
      ['UBND tỉnh Lào Cai', 40.3975, 52, 61, 'lowest'],
    ])
  })

  it('keeps a province not assessed that year as not ranked, and ranks the others over those ranked', async () => {
    await store.units.importRegister(registerForProvince(register, '24') as Register, change())
    const tables = await readPapiScoreTables()
    const t2022 = tables.find((t) => t.year === 2022) as (typeof tables)[number]
    const result = await store.scores.importProvinceTable(
      { ...t2022, version: await store.scores.tableVersion(t2022.frameworkId, 2022) },
      change(),
    )
    const bacGiang = (await store.units.list()).find((u) => u.level === 'province' && u.name === 'UBND tỉnh Bắc Giang')
    expect(result).toMatchObject({ saved: 2, rankedOf: 61, notRanked: [{ province: 'Bắc Giang', unitId: bacGiang?.id }] })
    // Nothing ranked for it, the year kept with the table's note and the four dimensions it gives.
    expect(await store.scores.list({ year: 2022, unitId: bacGiang?.id })).toEqual([])
    const kept = await store.scores.notRanked({ year: 2022 })
    expect(kept.map((k) => [k.unitId, k.frameworkId, k.index, k.year, k.dimensions.length])).toEqual([
      [bacGiang?.id, 'papi-2021', 'papi', 2022, 4],
    ])
    expect(kept[0]?.note).toMatch(/^not assessed in 2022/)
    expect((await store.scores.list({ year: 2022 })).map((s) => [s.rank, s.rankOf])).toEqual([
      [5, 61],
      [52, 61],
    ])
    // Imported again: the same one row, not a second.
    await store.scores.importProvinceTable({ ...t2022, version: await store.scores.tableVersion(t2022.frameworkId, 2022) }, change())
    expect(await store.scores.notRanked({ unitId: bacGiang?.id })).toHaveLength(1)
    // A ranked result for that year replaces the not-ranked one; and back again.
    const ranked = { unitId: bacGiang?.id as string, frameworkId: 'papi-2021', year: 2022, total: 40, rank: 60, rankOf: 61, dimensions: [] }
    await store.scores.save([ranked], change())
    expect(await store.scores.notRanked({ unitId: bacGiang?.id })).toEqual([])
    await store.scores.saveNotRanked([{ unitId: bacGiang?.id as string, frameworkId: 'papi-2021', year: 2022, dimensions: [] }], change())
    expect(await store.scores.list({ unitId: bacGiang?.id })).toEqual([])
    expect(await store.scores.notRanked({ unitId: bacGiang?.id, index: 'papi' })).toHaveLength(1)
    expect(await store.scores.notRanked({ index: 'nonsense' })).toEqual([])
  })

  it('refuses a table when a result was typed after its version was read, and stores nothing of it', async () => {
    const tables = await readPapiScoreTables()
    const t2022 = tables.find((t) => t.year === 2022) as (typeof tables)[number]
    const read = await store.scores.tableVersion('papi-2021', 2022)
    const [hue] = await store.scores.list({ year: 2022 })
    // Someone corrects one province's total meanwhile, naming the version they read.
    const { id: _id, index: _index, ...result } = hue!
    const typed = { ...result, total: 45.5 } // with its own version, as `POST /scores` sends it
    await store.scores.save([typed], change())
    const before = await store.scores.list({ year: 2022 })
    // Read before the import starts: awaited inside expect(…), its rejection went unhandled meanwhile.
    const current = await store.scores.tableVersion('papi-2021', 2022)
    await expect(store.scores.importProvinceTable({ ...t2022, version: read }, change())).rejects.toMatchObject({
      code: 'version-conflict',
      details: { version: current },
    })
    expect(await store.scores.list({ year: 2022 })).toEqual(before)
    expect(before.find((s) => s.unitId === hue!.unitId)?.total).toBe(45.5)
  })
})
