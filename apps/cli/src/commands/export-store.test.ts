import { frameworkById } from '@papi/domain'
import { readScoreCsv } from '@papi/documents'
import { readCsv, readXlsx } from '@papi/documents/testing'
import type { Store } from '@papi/store'
import { samplePlan, seedSampleProvince, testBackends, type SampleProvince } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CommandError } from '../command-error'
import { runExport, type ExportIo } from './export'
import { storeExportSource } from './export-store'

const change = { actorId: null, at: new Date('2018-06-10T03:00:00Z') }

// `papi export` over a real database: the store's own export loader, not a stand-in.
describe.each(testBackends())('papi export over the store on $name', (backend) => {
  let store: Store
  let planId: string
  let units: SampleProvince

  async function run(argv: string[]) {
    const written = new Map<string, Uint8Array>()
    let stdout = ''
    const io: ExportIo = {
      stdout: (text) => {
        stdout += text
      },
      stderr: () => {},
      readFile: () => Promise.reject(new Error('no files here')),
      writeFile: async (path, data) => {
        written.set(path, data)
      },
      now: () => new Date('2018-06-20T03:00:00Z'),
      // The suite owns the store and closes it once, after every test.
      openStore: async () => ({ ...storeExportSource(store), close: async () => {} }),
    }
    const code = await runExport(argv, io).catch((error: unknown) => {
      if (error instanceof CommandError) return error
      throw error
    })
    return { code, stdout, written }
  }

  beforeAll(async () => {
    store = await backend.open()
    units = await seedSampleProvince(store, change)
    const { vtv, stnmt } = units
    const plan = samplePlan(units)
    // Task 2.4's lead as a plan abbreviates it: the export must keep the words the plan wrote.
    const task24 = plan.sections[1]?.tasks[0]
    if (task24) task24.lead = [{ text: 'Sở TN&MT', name: 'Sở Tài nguyên và Môi trường', unitId: stnmt.id }]
    planId = (await store.plans.create(plan, change)).id
    const stored = await store.plans.publish(planId, change)
    const taskId = (code: string) => stored.sections.flatMap((s) => s.tasks).find((t) => t.code === code)?.id as string
    await store.reports.save(
      {
        taskId: taskId('1.3'),
        unitId: vtv.id,
        periodId: '2018S1',
        workStatus: 'in-progress',
        progress: 60,
        narrative: 'Đã niêm yết tại trụ sở phường.',
        submit: true,
      },
      change,
    )
    await store.reports.save(
      {
        taskId: taskId('2.4'),
        unitId: stnmt.id,
        periodId: '2018S1',
        workStatus: 'done',
        progress: 100,
        completedOn: '2018-06-05',
        submit: true,
      },
      change,
    )
  })
  afterAll(() => store?.close())

  it('papi export report --plan <id> writes the period’s report from the stored plan, units and reports', async () => {
    const r = await run(['report', '--plan', planId, '--period', '2018S1', '--out', 'bao-cao.csv'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('Đã ghi bao-cao.csv (csv, 2 nhiệm vụ)\n')
    const [header, ...lines] = readCsv(r.written.get('bao-cao.csv') as Uint8Array)
    const col = (name: string) => (header ?? []).indexOf(name)
    const byUnit = new Map(lines.map((l) => [l[col('Đơn vị')], l]))
    // The stored period's deadline for communes (16/06) passed: Minh Lương's report is missing.
    expect(byUnit.get('UBND phường Vĩnh Thanh Vân')?.slice(col('Hạn gửi báo cáo'), col('Tiến độ (%)') + 1)).toEqual([
      '16/06/2018',
      'Đúng hạn',
      '10/06/2018',
      'Đang thực hiện',
      '60',
    ])
    expect(byUnit.get('UBND thị trấn Minh Lương')?.[col('Báo cáo kỳ này')]).toBe('Chưa gửi')
    expect(byUnit.get('Sở Tài nguyên và Môi trường')?.[col('Nhiệm vụ')]).toBe('Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh')
  })

  it('writes the same report as .xlsx, the issuer heading and task rows in place', async () => {
    const r = await run(['report', '--plan', planId, '--period', '2018S1', '--out', 'bao-cao.xlsx', '--as-of', '2018-06-20'])
    expect(r.code).toBe(0)
    const rows = (await readXlsx(r.written.get('bao-cao.xlsx') as Uint8Array))[0]?.rows ?? []
    expect(rows.slice(0, 2).map((row) => row[0])).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH KIÊN GIANG'])
    expect(rows.find((row) => row[0] === '2.4')?.[1]).toBe('Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh')
  })

  it('papi export tasks --plan <id> --period adds each task’s status from the stored reports', async () => {
    const r = await run(['tasks', '--plan', planId, '--period', '2018S1', '--out', 'bieu.csv'])
    expect(r.code).toBe(0)
    const rows = readCsv(r.written.get('bieu.csv') as Uint8Array)
    expect(rows.find((row) => row[0] === '2.4')).toEqual([
      '2.4',
      'Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh',
      'Sở TN&MT',
      'UBND cấp huyện',
      'Thường xuyên',
      'Hoàn thành đúng hạn',
      '100',
    ])
  })

  it('fails in one line on a plan id the store does not have', async () => {
    const r = await run(['report', '--plan', 'no-such-plan', '--period', '2018S1', '--out', 'x.csv'])
    expect(r.code).toBeInstanceOf(CommandError)
    expect((r.code as CommandError).message).toBe('không có kế hoạch mã no-such-plan')
  })

  it('papi export scores writes the stored results as the table the score import reads back', async () => {
    const papi2018 = frameworkById('papi-2018')!
    const dimensions = papi2018.dimensions.map((d, i) => ({ key: d.key, score: 5 + i / 4 + 0.0123 }))
    const total = dimensions.reduce((n, d) => n + d.score, 0)
    await store.scores.save(
      [{ unitId: units.kg.id, frameworkId: 'papi-2018', year: 2018, total, rank: 30, rankOf: 63, dimensions }],
      change,
    )
    const r = await run(['scores', '--framework', 'papi-2018', '--year', '2018', '--out', 'papi-2018.csv'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('Đã ghi papi-2018.csv (csv, 1 kết quả)\n')
    const text = new TextDecoder().decode(r.written.get('papi-2018.csv'))
    const { rows, issues } = readScoreCsv(text, papi2018, 2018)
    expect(issues).toEqual([])
    expect(rows).toEqual([
      { line: 2, unit: 'KG', result: { frameworkId: 'papi-2018', year: 2018, total, rank: 30, rankOf: 63, dimensions } },
    ])
  })
})
