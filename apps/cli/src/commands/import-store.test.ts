import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openStore, type PlanImportResult, type Store } from '@papi/store'
import { templateDataFolder } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runImport, type CommandIo } from './import'
import { storePlanStore } from './import-store'

const SEED = fileURLToPath(new URL('../../../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url))
const change = { actorId: null, at: new Date('2018-06-10T03:00:00Z') }

// `papi import` end to end over an embedded database in a temporary folder, as an admin runs it:
// every command opens the folder and closes it again.
describe('papi import over a PGlite data folder', () => {
  let dataDir: string
  let seed: string
  let planId: string

  async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore({ dataDir })
    try {
      return await work(store)
    } finally {
      await store.close()
    }
  }

  /** Runs `papi import <file> --json …` on `text` and answers what it printed. */
  async function papiImport(text: string, args: string[] = [], stderr: (t: string) => void = () => {}) {
    let stdout = ''
    const io: CommandIo = {
      stdout: (t) => {
        stdout += t
      },
      stderr,
      stderrIsTty: false,
      readFile: async () => new TextEncoder().encode(text),
      openStore: async () => storePlanStore(await openStore({ dataDir })),
    }
    expect(await runImport(['kien-giang-97-KH-UBND-2018-papi.txt', '--json', ...args], io)).toBe(0)
    return JSON.parse(stdout) as PlanImportResult
  }

  const tasksOf = () => withStore(async (store) => (await store.plans.get(planId)).sections.flatMap((s) => s.tasks))

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'papi-import-'))
    // A migrated folder to start with, as a user's folder is after its first open.
    templateDataFolder(dataDir)
    seed = await readFile(SEED, 'utf8')
    await withStore(async (store) => {
      const kg = await store.units.create(
        { code: 'KG', name: 'UBND tỉnh Kiên Giang', level: 'province', kind: 'people-committee', parentId: null },
        change,
      )
      await store.units.create({ code: 'KG-SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: kg.id }, change)
      await store.units.create(
        { code: 'KG-STNMT', name: 'Sở Tài nguyên và Môi trường', level: 'province', kind: 'department', parentId: kg.id },
        change,
      )
    })
  }, 60_000)
  afterAll(() => rm(dataDir, { recursive: true, force: true }))

  it('the first import creates the plan with its 31 tasks', async () => {
    const result = await papiImport(seed)
    expect(result).toMatchObject({ outcome: 'created', changes: { sectionsAdded: 6, tasksAdded: 31 }, kept: [] })
    planId = result.id
    expect(await tasksOf()).toHaveLength(31)
  })

  it('the same document again is unchanged: same plan, still 31 tasks, no duplicate', async () => {
    const before = await tasksOf()
    const result = await papiImport(seed)
    expect(result).toMatchObject({ id: planId, outcome: 'unchanged' })
    expect(await tasksOf()).toEqual(before)
    expect(await withStore((store) => store.plans.list())).toHaveLength(1)
  })

  it('an amended text updates the plan in place: ids kept, the report filed on a task still there', async () => {
    const before = await tasksOf()
    const id = (code: string, tasks = before) => tasks.find((t) => t.code === code)?.id
    // The standing agency publishes the plan and Sở TN&MT reports on 2.4.
    const report = await withStore(async (store) => {
      await store.plans.publish(planId, change)
      const unitId = (await store.units.findByCode('KG-STNMT'))!.id
      return store.reports.save({ taskId: id('2.4')!, unitId, periodId: '2018S1', progress: 50, narrative: 'Đã công khai' }, change)
    })
    const amended = seed
      .replace('Quý II năm 2018', 'Quý III năm 2018') // 2.3
      .replace(/2\.6\n\nTập huấn[^\n]*\n\n[^\n]*\n\n[^\n]*\n\nTháng 6 năm 2018\n\n/, '') // 2.6, no reports
      .replace(
        '3\n\nTrách nhiệm giải trình',
        '2.7\n\nCông khai kết quả thanh tra đất đai\n\nSở Tài nguyên và Môi trường\n\nUBND cấp huyện\n\nQuý IV năm 2018\n\n3\n\nTrách nhiệm giải trình',
      )
    expect(amended).not.toBe(seed)

    const result = await papiImport(amended)
    expect(result).toMatchObject({
      id: planId,
      outcome: 'updated',
      changes: { tasksAdded: 1, tasksUpdated: 1, tasksRemoved: 1, sectionsAdded: 0, sectionsRemoved: 0 },
      kept: [],
    })
    const after = await tasksOf()
    expect(after).toHaveLength(31)
    expect(after.find((t) => t.code === '2.3')?.timeframe.text).toBe('Quý III năm 2018')
    expect(after.map((t) => t.code)).not.toContain('2.6')
    for (const t of after.filter((t) => t.code !== '2.7')) expect(t.id).toBe(id(t.code))
    expect(await withStore((store) => store.reports.find(report.id))).toMatchObject({ taskId: id('2.4'), narrative: 'Đã công khai' })
  })

  it('a text that drops a task with a report keeps the task and its report, and says so', async () => {
    const reported = (await tasksOf()).find((t) => t.code === '2.4')!
    const dropped = seed.replace(/2\.4\n\nCông khai quy hoạch[^\n]*\n\n[^\n]*\n\n[^\n]*\n\nThường xuyên\n\n/, '')
    const result = await papiImport(dropped)
    expect(result.kept).toEqual([{ id: reported.id, sectionCode: '2', code: '2.4', title: reported.title, reports: 1 }])
    expect((await tasksOf()).find((t) => t.code === '2.4')?.id).toBe(reported.id)
    expect(await withStore((store) => store.reports.list({ taskId: reported.id }))).toHaveLength(1)
  })

  it('a failure while saving leaves the plan as it was', async () => {
    const before = await tasksOf()
    const failing = papiImport(seed.replace('Quý II năm 2018', 'Quý IV năm 2018'), ['--progress'], (line) => {
      if (line.startsWith('Lưu')) throw new Error('stderr closed')
    })
    await expect(failing).rejects.toThrow('stderr closed')
    expect(await tasksOf()).toEqual(before)
  })
})
