import { readFile, writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { parseArgs } from 'node:util'
import {
  consolidatedReportModel,
  isPlanDocumentError,
  readPlanDocument,
  taskTableModel,
  toPlan,
  writeConsolidatedReportCsv,
  writeConsolidatedReportDocx,
  writeConsolidatedReportXlsx,
  writeTaskTableCsv,
  writeTaskTableDocx,
  writeTaskTableXlsx,
  type ConsolidatedReportModel,
  type TaskTableModel,
} from '@papi/documents'
import { IsoDateSchema, parsePeriod, type Locale, type PeriodRule, type Plan, type Report, type Unit } from '@papi/domain'
import { CommandError } from '../import-command'

/** Where `papi export` reads and writes: the real process, or a test's stand-ins. */
export interface ExportIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readFile: (path: string) => Promise<Uint8Array>
  writeFile: (path: string, data: Uint8Array) => Promise<void>
  /** The clock: the day the document is dated and the figures are judged on, unless `--as-of` says. */
  now: () => Date
  /** Opens the store; called only for a plan given by id. */
  openStore: () => Promise<ExportStore>
}

/** What `papi export` needs of the store for a plan given by id. */
export interface ExportStore {
  /** The plan, its tasks carrying their ids (what reports name); undefined when there is none. */
  plan: (id: string) => Promise<Plan | undefined>
  units: () => Promise<Unit[]>
  /** Every report filed on the plan, all periods (progress counts the latest filed one). */
  reports: (planId: string) => Promise<Report[]>
  /** The period's own cut-off window and deadline when it has been opened on the plan. */
  periodRule: (planId: string, periodId: string) => Promise<PeriodRule | undefined>
  close: () => Promise<void>
}

type Kind = 'tasks' | 'report'
type Format = 'xlsx' | 'docx' | 'csv'
const FORMATS: readonly Format[] = ['xlsx', 'docx', 'csv']
// What the importer reads: a --plan naming such a file is a file, anything else a plan id.
const PLAN_FILE = /\.(txt|docx|xlsx|csv)$/i

export const EXPORT_USAGE = {
  vi: `Cách dùng: papi export tasks|report --plan <mã|tệp> [--period 2018Q2] --out <tệp> [--format xlsx|docx|csv] [--lang vi|en] [--as-of YYYY-MM-DD]
  tasks   Biểu tổng hợp nhiệm vụ. --plan là tệp kế hoạch (.txt, .docx, .xlsx, .csv) thì không cần cơ sở dữ liệu;
          là mã kế hoạch thì đọc từ cơ sở dữ liệu, và với --period thêm tình trạng thực hiện.
  report  Báo cáo tổng hợp của kỳ (--period bắt buộc), từ kế hoạch trong cơ sở dữ liệu.
  Định dạng lấy theo đuôi tệp --out nếu không có --format.
`,
  en: `Usage: papi export tasks|report --plan <id|file> [--period 2018Q2] --out <file> [--format xlsx|docx|csv] [--lang vi|en] [--as-of YYYY-MM-DD]
  tasks   The task table. With a plan file (.txt, .docx, .xlsx, .csv) no database is needed; with a plan id it is
          read from the database, and --period adds each task's status.
  report  The consolidated report of a period (--period required), from a plan in the database.
  The format follows the --out file's extension unless --format is given.
`,
} as const

const MESSAGES = {
  vi: {
    badKind: (kind: string) => `không rõ xuất gì: ${kind} (dùng tasks hoặc report)`,
    noKind: 'thiếu loại tài liệu: tasks hoặc report',
    noPlan: 'thiếu --plan <mã kế hoạch hoặc tệp kế hoạch>',
    noOut: 'thiếu --out <tệp kết quả>',
    badFormat: (f: string) => `định dạng không hỗ trợ: ${f} (dùng xlsx, docx hoặc csv)`,
    formatMismatch: (format: string, out: string) => `--format ${format} không khớp với đuôi tệp ${out}`,
    badPeriod: (p: string) => `kỳ báo cáo không hợp lệ: ${p} (viết như 2024M03, 2024Q1, 2024S1, 2024N9 hoặc 2024)`,
    noPeriod: 'báo cáo tổng hợp cần --period (ví dụ 2018Q2)',
    badAsOf: (d: string) => `ngày không hợp lệ: ${d} (viết YYYY-MM-DD)`,
    badLang: (lang: string) => `ngôn ngữ không hỗ trợ: ${lang} (dùng vi hoặc en)`,
    reportNeedsStore:
      'báo cáo tổng hợp cần báo cáo của các đơn vị, chỉ có trong cơ sở dữ liệu: dùng --plan <mã kế hoạch>',
    periodIgnored: 'lưu ý: tệp kế hoạch không có báo cáo của đơn vị nên bỏ qua --period\n',
    notFound: (file: string) => `không tìm thấy tệp ${file}`,
    cannotOpen: (file: string, reason: string) => `không mở được tệp ${file}: ${reason}`,
    cannotWrite: (file: string, reason: string) => `không ghi được tệp ${file}: ${reason}`,
    noSuchPlan: (id: string) => `không có kế hoạch mã ${id}`,
    reading: (what: string) => `Đọc ${what}…\n`,
    writing: (file: string) => `Ghi ${file}…\n`,
    wrote: (file: string, format: string, tasks: number) => `Đã ghi ${file} (${format}, ${tasks} nhiệm vụ)\n`,
  },
  en: {
    badKind: (kind: string) => `nothing to export called ${kind} (use tasks or report)`,
    noKind: 'what to export is missing: tasks or report',
    noPlan: '--plan <plan id or plan file> is missing',
    noOut: '--out <file> is missing',
    badFormat: (f: string) => `unsupported format: ${f} (use xlsx, docx or csv)`,
    formatMismatch: (format: string, out: string) => `--format ${format} does not match the extension of ${out}`,
    badPeriod: (p: string) => `not a reporting period: ${p} (write 2024M03, 2024Q1, 2024S1, 2024N9 or 2024)`,
    noPeriod: 'the consolidated report needs --period (e.g. 2018Q2)',
    badAsOf: (d: string) => `not a date: ${d} (write YYYY-MM-DD)`,
    badLang: (lang: string) => `unsupported language: ${lang} (use vi or en)`,
    reportNeedsStore: 'the consolidated report needs the units’ reports, which only the database holds: use --plan <plan id>',
    periodIgnored: 'note: a plan file carries no reports, so --period is ignored\n',
    notFound: (file: string) => `no such file: ${file}`,
    cannotOpen: (file: string, reason: string) => `cannot open ${file}: ${reason}`,
    cannotWrite: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
    noSuchPlan: (id: string) => `no plan with id ${id}`,
    reading: (what: string) => `Reading ${what}…\n`,
    writing: (file: string) => `Writing ${file}…\n`,
    wrote: (file: string, format: string, tasks: number) => `Wrote ${file} (${format}, ${tasks} tasks)\n`,
  },
} as const

/**
 * `papi export tasks|report`: writes a plan's task table, or its consolidated report for a period,
 * as .xlsx, .docx or .csv. A plan *file* needs no database (it is read with the importer); a plan
 * id is read from the store with its units and reports. Progress goes to stderr, the outcome to
 * stdout. Resolves to the exit code; expected failures throw a {@link CommandError} (2 for a wrong
 * command line, 1 for input that cannot be read or written).
 *
 * @example
 * await runExport(['tasks', '--plan', 'kien-giang.txt', '--out', 'bieu.xlsx'], io) // 0
 * await runExport(['report', '--plan', planId, '--period', '2018Q2', '--out', 'bao-cao.docx', '--lang', 'en'], io)
 */
export async function runExport(argv: readonly string[], io: ExportIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      plan: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'vi' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const lang = values.lang
  if (lang !== 'vi' && lang !== 'en') throw new CommandError(MESSAGES.vi.badLang(String(lang)), 2)
  const locale: Locale = lang
  const m = MESSAGES[locale]
  if (values.help) {
    io.stdout(EXPORT_USAGE[locale])
    return 0
  }

  const [kindArg] = positionals
  if (kindArg === undefined) throw new CommandError(m.noKind, 2)
  if (kindArg !== 'tasks' && kindArg !== 'report') throw new CommandError(m.badKind(kindArg), 2)
  const kind: Kind = kindArg
  const planArg = values.plan
  if (!planArg) throw new CommandError(m.noPlan, 2)
  const out = values.out
  if (!out) throw new CommandError(m.noOut, 2)
  const format = formatOf(values.format, out, locale)
  const periodId = values.period === undefined ? undefined : periodOf(values.period, locale)
  if (kind === 'report' && periodId === undefined) throw new CommandError(m.noPeriod, 2)
  const asOf = asOfOf(values['as-of'], io, locale)
  const fromFile = PLAN_FILE.test(planArg) || /[\\/]/.test(planArg)
  if (kind === 'report' && fromFile) throw new CommandError(m.reportNeedsStore, 2)

  let model: TaskTableModel | ConsolidatedReportModel
  if (fromFile) {
    if (periodId !== undefined) io.stderr(m.periodIgnored)
    io.stderr(m.reading(planArg))
    const plan = await planFromFile(planArg, io, locale)
    model = taskTableModel({ plan, asOf, locale })
  } else {
    const store = await io.openStore()
    try {
      io.stderr(m.reading(planArg))
      const plan = await store.plan(planArg)
      if (!plan) throw new CommandError(m.noSuchPlan(planArg), 1)
      const units = await store.units()
      if (kind === 'tasks') {
        const reports = periodId === undefined ? undefined : await store.reports(planArg)
        model = taskTableModel({ plan, units, asOf, locale, ...(reports && periodId ? { reports, periodId } : {}) })
      } else {
        const period = periodId as string
        const [reports, periodRule] = await Promise.all([store.reports(planArg), store.periodRule(planArg, period)])
        model = consolidatedReportModel({ plan, units, reports, periodId: period, asOf, locale, ...(periodRule && { periodRule }) })
      }
    } finally {
      await store.close()
    }
  }

  io.stderr(m.writing(out))
  const bytes = await write(kind, format, model)
  try {
    await io.writeFile(out, bytes)
  } catch (error) {
    throw new CommandError(m.cannotWrite(out, (error as NodeJS.ErrnoException).code ?? (error as Error).message), 1)
  }
  io.stdout(m.wrote(out, format, model.sections.reduce((n, s) => n + s.tasks.length, 0)))
  return 0
}

function write(kind: Kind, format: Format, model: TaskTableModel | ConsolidatedReportModel): Promise<Uint8Array> {
  if (kind === 'tasks') {
    const tasks = model as TaskTableModel
    return format === 'xlsx' ? writeTaskTableXlsx(tasks) : format === 'docx' ? writeTaskTableDocx(tasks) : writeTaskTableCsv(tasks)
  }
  const report = model as ConsolidatedReportModel
  return format === 'xlsx'
    ? writeConsolidatedReportXlsx(report)
    : format === 'docx'
      ? writeConsolidatedReportDocx(report)
      : writeConsolidatedReportCsv(report)
}

function formatOf(given: string | undefined, out: string, locale: Locale): Format {
  const m = MESSAGES[locale]
  const fromName = extname(out).slice(1).toLowerCase()
  const format = (given ?? fromName).toLowerCase()
  if (!(FORMATS as readonly string[]).includes(format)) throw new CommandError(m.badFormat(given ?? (fromName || out)), 2)
  if (given !== undefined && fromName !== '' && fromName !== format) throw new CommandError(m.formatMismatch(given, out), 2)
  return format as Format
}

function periodOf(text: string, locale: Locale): string {
  const parsed = parsePeriod(text)
  if (!parsed.ok) throw new CommandError(MESSAGES[locale].badPeriod(text), 2)
  return parsed.period.id
}

function asOfOf(text: string | undefined, io: ExportIo, locale: Locale): string {
  if (text === undefined) return io.now().toISOString()
  if (!IsoDateSchema.safeParse(text).success) throw new CommandError(MESSAGES[locale].badAsOf(text), 2)
  return text
}

async function planFromFile(file: string, io: ExportIo, locale: Locale): Promise<Plan> {
  const m = MESSAGES[locale]
  let data: Uint8Array
  try {
    data = await io.readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CommandError(m.notFound(file), 1)
    throw new CommandError(m.cannotOpen(file, code ?? (error as Error).message), 1)
  }
  try {
    return toPlan(await readPlanDocument({ fileName: basename(file), data }, { locale }), { locale })
  } catch (error) {
    if (isPlanDocumentError(error)) throw new CommandError(error.message, 1)
    throw error
  }
}

/** The real process's files and clock, and the store opened from the environment. */
export function processExportIo(): ExportIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    writeFile: (path, data) => writeFile(path, data),
    now: () => new Date(),
    openStore: async () => {
      // Loaded only for a plan id, so exporting a plan file never touches the database.
      const { openStore, storeOptionsFromEnv, asDomainPlan, StoreError } = await import('@papi/store')
      const store = await openStore(storeOptionsFromEnv(process.env))
      return {
        plan: async (id) => {
          try {
            return asDomainPlan(await store.plans.get(id))
          } catch (error) {
            if (error instanceof StoreError && error.code === 'not-found') return undefined
            throw error
          }
        },
        units: () => store.units.list(),
        reports: (planId) => store.reports.list({ planId }),
        periodRule: async (planId, periodId) => {
          const period = await store.periods.find(planId, periodId)
          return period === undefined ? undefined : periodRuleOf(period)
        },
        close: () => store.close(),
      }
    },
  }
}

/**
 * A stored period's window and deadline as a plan rule for its period, so the export judges
 * deadlines exactly as the store's dashboard does (`deadlineForLevel` reads periods the same way).
 */
export function periodRuleOf(period: { code: string; cutoffStart: string; cutoffEnd: string; dueOn: string }): PeriodRule | undefined {
  const parsed = parsePeriod(period.code)
  if (!parsed.ok) return undefined
  const { type, index, year } = parsed.period
  const anchor = (date: string) => ({
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
    yearOffset: Number(date.slice(0, 4)) - year,
  })
  return {
    type,
    ...(index !== undefined && { index }),
    cutoffStart: anchor(period.cutoffStart),
    cutoffEnd: anchor(period.cutoffEnd),
    due: anchor(period.dueOn),
  }
}
