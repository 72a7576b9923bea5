import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { readPlanDocument } from '@papi/documents'
import { PlanSchema, type PeriodRule, type Plan, type Report, type Unit } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { CommandError } from '../command-error'
import { periodRule } from '@papi/store'
import { runExport, type ExportIo, type ExportStore } from './export'

const KIEN_GIANG = fileURLToPath(
  new URL('../../../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url),
)

// A plan as the store holds it: task ids on every task, units, one report filed late.
const units: Unit[] = [
  { id: 'p', code: 'P', name: 'UBND tỉnh Thử', level: 'province', kind: 'people-committee', parentId: null, successorIds: [] },
  { id: 'snv', code: 'SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: 'p', successorIds: [] },
  { id: 'x', code: 'X', name: 'UBND xã B', level: 'commune', kind: 'people-committee', parentId: 'p', successorIds: [] },
]
const storedPlan: Plan = PlanSchema.parse({
  id: 'plan-1',
  number: '5/KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2024',
  issuer: 'Ủy ban nhân dân tỉnh Thử',
  issuedOn: '2024-01-10',
  index: 'papi',
  years: { from: 2024, to: 2024 },
  scopeUnitId: 'p',
  sections: [
    {
      id: 's1',
      code: '1',
      title: 'Tham gia của người dân ở cấp cơ sở',
      tasks: [
        {
          id: 't1',
          code: '1.1',
          title: 'Tuyên truyền',
          lead: [{ text: 'Sở Nội vụ', unitId: 'snv' }],
          timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
        },
        {
          id: 't2',
          code: '1.2',
          title: 'Công khai thu chi',
          lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
          timeframe: { kind: 'recurring', text: 'Định kỳ hằng quý', every: 'quarter' },
        },
      ],
    },
  ],
})
const storedReports: Report[] = [
  {
    id: 'r1',
    taskId: 't1',
    unitId: 'snv',
    periodId: '2024Q1',
    status: 'submitted',
    workStatus: 'in-progress',
    progress: 40,
    narrative: 'Đã tổ chức 2 hội nghị',
    kpiValues: [],
    evidence: [],
    version: 1,
    submittedAt: '2024-03-27T09:00:00+07:00',
  },
]
// The period as opened on the plan: its own deadline, 25/03 at the province's level.
const storedRule: PeriodRule = periodRule({ code: '2024Q1', cutoffStart: '2023-12-15', cutoffEnd: '2024-03-14', dueOn: '2024-03-25' })

interface Run {
  code: number | CommandError
  stdout: string
  stderr: string
  written: Map<string, Uint8Array>
  storeOpened: boolean
  storeClosed: boolean
}

async function run(argv: string[]): Promise<Run> {
  const result: Run = { code: 0, stdout: '', stderr: '', written: new Map(), storeOpened: false, storeClosed: false }
  const store: ExportStore = {
    planExport: async (id, { periodId }) => {
      if (id !== storedPlan.id) return undefined
      if (periodId === undefined) return { plan: storedPlan, units, reports: [] }
      return { plan: storedPlan, units, reports: storedReports, ...(periodId === '2024Q1' && { periodRule: storedRule }) }
    },
    scores: async () => ({ results: [], units }),
    close: async () => {
      result.storeClosed = true
    },
  }
  const io: ExportIo = {
    stdout: (text) => {
      result.stdout += text
    },
    stderr: (text) => {
      result.stderr += text
    },
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: async (path, data) => {
      if (path.startsWith('/no-such-dir/')) throw Object.assign(new Error('no dir'), { code: 'ENOENT' })
      result.written.set(path, data)
    },
    now: () => new Date('2024-04-02T03:00:00Z'),
    openStore: async () => {
      result.storeOpened = true
      return store
    },
  }
  try {
    result.code = await runExport(argv, io)
  } catch (error) {
    if (!(error instanceof CommandError)) throw error
    result.code = error
  }
  return result
}

const csvText = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe('papi export tasks --plan <file>', () => {
  it.each(['xlsx', 'docx', 'csv'])(
    'writes the seed plan’s task table as .%s without opening the database',
    async (format) => {
      const r = await run(['tasks', '--plan', KIEN_GIANG, '--out', `bieu.${format}`])
      expect(r.code).toBe(0)
      expect(r.storeOpened).toBe(false)
      expect(r.stdout).toBe(`Đã ghi bieu.${format} (${format}, 31 nhiệm vụ)\n`)
      expect(r.stderr).toContain('Ghi bieu.')
      // What was written opens, and reads back as the same table.
      const back = await readPlanDocument({ fileName: `bieu.${format}`, data: r.written.get(`bieu.${format}`) as Uint8Array })
      expect(back.sections).toHaveLength(6)
      expect(back.sections.flatMap((s) => s.tasks)).toHaveLength(31)
    },
    30_000,
  )

  it('writes English with --lang en', async () => {
    const r = await run(['tasks', '--plan', KIEN_GIANG, '--out', 'tasks.csv', '--lang', 'en'])
    expect(r.stdout).toBe('Wrote tasks.csv (csv, 31 tasks)\n')
    expect(csvText(r.written.get('tasks.csv')).split('\r\n')[0]).toBe('No.,Task,Lead unit,Coordinating units,Timeframe')
  })

  it('notes that --period means nothing for a plan file, and still writes the table', async () => {
    const r = await run(['tasks', '--plan', KIEN_GIANG, '--period', '2018Q2', '--out', 'bieu.csv'])
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('bỏ qua --period')
  })

  it('says so in one line when the plan file does not exist', async () => {
    const r = await run(['tasks', '--plan', 'khong-co.docx', '--out', 'bieu.xlsx'])
    expect(r.code).toBeInstanceOf(CommandError)
    expect((r.code as CommandError).exitCode).toBe(1)
    expect((r.code as CommandError).message).toBe('không tìm thấy tệp khong-co.docx')
  })
})

describe('papi export --plan <id>', () => {
  it('writes the consolidated report of a period from the store, with the period’s own deadline', async () => {
    const r = await run(['report', '--plan', 'plan-1', '--period', '2024q1', '--out', 'bao-cao.csv', '--as-of', '2024-04-02'])
    expect(r.code).toBe(0)
    expect(r.storeClosed).toBe(true)
    const lines = csvText(r.written.get('bao-cao.csv')).split('\r\n')
    // Sở Nội vụ filed on 27/03, after the period's own deadline of 25/03.
    expect(lines.find((l) => l.includes('Sở Nội vụ'))).toBe(
      '1,1.1,Tuyên truyền,Thường xuyên,,Chưa đến hạn,Sở Nội vụ,Chủ trì,25/03/2024,Trễ hạn,27/03/2024,Đang thực hiện,40,Đã tổ chức 2 hội nghị',
    )
    expect(lines.find((l) => l.includes('UBND xã B'))).toContain('Chưa gửi')
  })

  it.each(['xlsx', 'docx'])('writes the report as .%s', async (format) => {
    const r = await run(['report', '--plan', 'plan-1', '--period', '2024Q1', '--out', `bao-cao.${format}`])
    expect(r.code).toBe(0)
    const bytes = r.written.get(`bao-cao.${format}`) as Uint8Array
    // Both are zip packages: "PK".
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
  })

  it('adds each task’s status to the task table when given a period', async () => {
    const r = await run(['tasks', '--plan', 'plan-1', '--period', '2024Q1', '--out', 'bieu.csv', '--as-of', '2024-04-02'])
    const [header, , row] = csvText(r.written.get('bieu.csv')).split('\r\n')
    expect(header).toBe('STT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian thực hiện,Tình trạng,Tiến độ')
    expect(row).toBe('1.1,Tuyên truyền,Sở Nội vụ,,Thường xuyên,Chưa đến hạn,40')
  })

  it('fails in one line on a plan id the store does not have, and closes the store', async () => {
    const r = await run(['report', '--plan', 'plan-9', '--period', '2024Q1', '--out', 'x.docx'])
    expect((r.code as CommandError).exitCode).toBe(1)
    expect((r.code as CommandError).message).toBe('không có kế hoạch mã plan-9')
    expect(r.storeClosed).toBe(true)
  })
})

describe('papi export — a wrong command line exits 2 before touching anything', () => {
  it.each([
    [['tasks', '--out', 'a.xlsx'], 'thiếu --plan <mã kế hoạch hoặc tệp kế hoạch>'],
    [['tasks', '--plan', 'plan-1'], 'thiếu --out <tệp kết quả>'],
    [['--plan', 'plan-1', '--out', 'a.xlsx'], 'thiếu loại tài liệu: tasks, report hoặc scores'],
    [['plan', '--plan', 'plan-1', '--out', 'a.xlsx'], 'không rõ xuất gì: plan (dùng tasks, report hoặc scores)'],
    [['scores', '--year', '2018', '--out', 'a.csv'], 'thiếu --framework <mã khung chỉ số> (ví dụ papi-2018)'],
    [['scores', '--framework', 'papi-1999', '--year', '2018', '--out', 'a.csv'], 'không có khung chỉ số papi-1999'],
    [['scores', '--framework', 'papi-2018', '--out', 'a.csv'], 'thiếu --year <năm> (ví dụ 2018)'],
    [['scores', '--framework', 'papi-2018', '--year', '18', '--out', 'a.csv'], 'năm không hợp lệ: 18'],
    [['scores', '--framework', 'papi-2018', '--year', '2018', '--out', 'a.xlsx'], 'kết quả chỉ số chỉ xuất ra CSV, không ra xlsx'],
    [
      ['scores', '--plan', 'plan-1', '--framework', 'papi-2018', '--year', '2018', '--out', 'a.csv'],
      'kết quả chỉ số không thuộc kế hoạch nào: bỏ --plan và --period',
    ],
    [['tasks', '--plan', 'plan-1', '--out', 'a.pdf'], 'định dạng không hỗ trợ: pdf (dùng xlsx, docx hoặc csv)'],
    [['tasks', '--plan', 'plan-1', '--out', 'a.xlsx', '--format', 'docx'], '--format docx không khớp với đuôi tệp a.xlsx'],
    [['report', '--plan', 'plan-1', '--out', 'a.xlsx'], 'báo cáo tổng hợp cần --period (ví dụ 2018Q2)'],
    [
      ['report', '--plan', 'plan-1', '--period', '2024Q5', '--out', 'a.xlsx'],
      'kỳ báo cáo không hợp lệ: 2024Q5 (viết như 2024M03, 2024Q1, 2024S1, 2024N9 hoặc 2024)',
    ],
    [
      ['report', '--plan', 'plan-1', '--period', '2024Q1', '--out', 'a.xlsx', '--as-of', '02/04/2024'],
      'ngày không hợp lệ: 02/04/2024 (viết YYYY-MM-DD)',
    ],
    [['tasks', '--plan', 'plan-1', '--out', 'a.xlsx', '--lang', 'fr'], 'ngôn ngữ không hỗ trợ: fr (dùng vi hoặc en)'],
    [
      ['report', '--plan', 'ke-hoach.docx', '--period', '2024Q1', '--out', 'a.xlsx'],
      'báo cáo tổng hợp cần báo cáo của các đơn vị, chỉ có trong cơ sở dữ liệu: dùng --plan <mã kế hoạch>',
    ],
  ])('%j', async (argv, message) => {
    const r = await run(argv)
    expect(r.code).toBeInstanceOf(CommandError)
    expect((r.code as CommandError).exitCode).toBe(2)
    expect((r.code as CommandError).message).toBe(message)
    expect(r.storeOpened).toBe(false)
    expect(r.written.size).toBe(0)
  })

  it('exits 1 when the output cannot be written', async () => {
    const r = await run(['tasks', '--plan', KIEN_GIANG, '--out', '/no-such-dir/bieu.csv'])
    expect((r.code as CommandError).exitCode).toBe(1)
    expect((r.code as CommandError).message).toBe('không ghi được tệp /no-such-dir/bieu.csv: ENOENT')
  })

  it('prints usage with --help', async () => {
    const r = await run(['--help', '--lang', 'en'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: papi export tasks\|report/)
  })
})
