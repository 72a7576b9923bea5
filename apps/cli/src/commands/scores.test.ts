// `papi scores import` writes straight to the database while the API may be serving: it reads the
// version of each year first and names it, so a score typed meanwhile is never overwritten — the
// year is refused, nothing of it written, and the command says so. On PGlite and PostgreSQL
// (DATABASE_URL). Cost: ~3 s per database.
import type { Store } from '@papi/store'
import { seedSampleProvince, testBackends } from '@papi/store/testing'
import type { PapiScoreTable } from '@papi/register'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommands } from '../command'
import { scoresCommand, type ScoresIo } from './scores'

const change = () => ({ actorId: null, at: new Date('2023-05-01T00:00:00Z') })
/** Kiên Giang's row of a year's published table (the sample province), as the register reads it. */
const table = (year: number, total: number): PapiScoreTable => ({
  year,
  frameworkId: 'papi-2021',
  rows: [{ line: 2, province: 'Kiên Giang', year, total, dimensions: [] }],
})

describe.each(testBackends())('papi scores import on $name', (backend) => {
  let store: Store
  let kgId: string
  beforeAll(async () => {
    store = await backend.open()
    kgId = (await seedSampleProvince(store, change())).kg.id
  })
  afterAll(() => store?.close())

  /** The command's io over the test's store; `meanwhile` runs between the version read and the import. */
  function io(tables: PapiScoreTable[], meanwhile: () => Promise<void> = async () => {}) {
    const out: string[] = []
    const seen: string[] = []
    const scoresIo: ScoresIo = {
      stdout: (t) => out.push(t),
      stderr: () => {},
      readTables: async () => tables,
      openStore: async () => ({
        tableVersion: async (frameworkId, year) => {
          const version = await store.scores.tableVersion(frameworkId, year)
          seen.push(version)
          await meanwhile()
          return version
        },
        importTable: (t, version) => store.scores.importProvinceTable({ ...t, version }, change()),
        close: async () => {},
      }),
    }
    return { io: scoresIo, out, seen }
  }

  it('reads the version of each year first and names it in the import', async () => {
    const run = io([table(2021, 41.5), table(2022, 42.5)])
    await runCommands([scoresCommand('vi', run.io)], ['scores', 'import'], run.io, 'vi')
    expect(run.seen).toEqual(['0', '0'])
    expect(run.out.join('')).toBe('PAPI 2021: 1 tỉnh xếp hạng trên 1\nPAPI 2022: 1 tỉnh xếp hạng trên 1\n')
    expect((await store.scores.list({ unitId: kgId })).map((s) => [s.year, s.total])).toEqual([
      [2021, 41.5],
      [2022, 42.5],
    ])
  })

  it('says clearly when a score of the year was typed meanwhile, and writes nothing of that year', async () => {
    const [stored] = await store.scores.list({ unitId: kgId, year: 2022 })
    // An officer corrects Kiên Giang's 2022 total through the API (naming the result's version it read).
    const typeOne = async () => {
      const [now] = await store.scores.list({ unitId: kgId, year: 2022 })
      const { id: _id, index: _index, ...result } = now!
      await store.scores.save([{ ...result, total: 43.25 }], change())
    }
    const run = io([table(2022, 40)], typeOne)
    await expect(runCommands([scoresCommand('vi', run.io)], ['scores', 'import'], run.io, 'vi')).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(/^kết quả PAPI 2022 vừa bị thay đổi trong lúc nạp .*không ghi gì của năm 2022/u),
    })
    expect(await store.scores.list({ unitId: kgId, year: 2022 })).toEqual([
      expect.objectContaining({ total: 43.25, version: stored!.version + 1 }),
    ])
    const en = io([table(2022, 40)], typeOne)
    await expect(runCommands([scoresCommand('en', en.io)], ['scores', 'import', '--lang', 'en'], en.io, 'en')).rejects.toMatchObject({
      message: expect.stringMatching(/^the PAPI 2022 results changed while loading/u),
    })
  })
})
