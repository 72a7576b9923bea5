import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { Command } from '@commander-js/extra-typings'
import {
  EXPORT_FORMATS,
  planExport,
  writePlanExport,
  writeScoreCsv,
  type ExportFormat,
  type PlanExport,
  type PlanExportSource,
} from '@papi/documents'
import {
  frameworkById,
  IndexResultSchema,
  IsoDateSchema,
  parsePeriod,
  type IndexResult,
  type NotRankedYear,
  type Locale,
  type Plan,
  type Unit,
} from '@papi/domain'
import { langOf, langOption, localeOf, runCommands } from '../command'
import { CommandError } from '../command-error'
import { planOf, readInput, readPlanFile } from '../read-document'

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

/** What `papi export` needs of the store: the store's own export loader, and published scores. */
export interface ExportStore {
  /**
   * What a plan's documents are drawn from (`store.plans.exportData`): the plan with its task
   * ids, the units, and with a period its reports and the period's own rule; undefined when there
   * is no such plan.
   */
  planExport: (planId: string, options: { periodId?: string }) => Promise<PlanExportSource | undefined>
  /** Published results of one framework and year, and the units (whose codes the table names). */
  /** Results, and the years units were not ranked in (written as `notRanked` rows). */
  scores: (frameworkId: string, year: number) => Promise<{ results: IndexResult[]; notRanked?: NotRankedYear[]; units: Unit[] }>
  close: () => Promise<void>
}

type Kind = 'tasks' | 'report' | 'scores'
// What the importer reads: a --plan naming such a file is a file, anything else a plan id.
const PLAN_FILE = /\.(txt|docx|xlsx|csv)$/i

const HELP = {
  vi: {
    usage: 'tasks|report --plan <mã|tệp> [--period 2018Q2] --out <tệp> [--format xlsx|docx|csv] [--lang vi|en] [--as-of YYYY-MM-DD]',
    summary: 'xuất biểu nhiệm vụ, báo cáo tổng hợp hoặc kết quả chỉ số',
    description: `Cũng: papi export scores --framework <mã khung> --year <năm> --out <tệp.csv>
  tasks   Biểu tổng hợp nhiệm vụ. --plan là tệp kế hoạch (.txt, .docx, .xlsx, .csv) thì không cần cơ sở dữ liệu;
          là mã kế hoạch thì đọc từ cơ sở dữ liệu, và với --period thêm tình trạng thực hiện.
  report  Báo cáo tổng hợp của kỳ (--period bắt buộc), từ kế hoạch trong cơ sở dữ liệu.
  scores  Kết quả chỉ số đã công bố của một khung và một năm, thành bảng CSV mà lệnh nhập điểm đọc lại được.
Định dạng lấy theo đuôi tệp --out nếu không có --format.`,
    kind: 'tasks, report hoặc scores',
    plan: 'mã kế hoạch trong cơ sở dữ liệu, hoặc tệp kế hoạch',
    period: 'kỳ báo cáo (2024M03, 2024Q1, 2024S1, 2024N9, 2024)',
    framework: 'mã khung chỉ số (scores), ví dụ papi-2018',
    year: 'năm của kết quả chỉ số (scores)',
    format: 'xlsx, docx hoặc csv (mặc định theo đuôi tệp --out)',
    out: 'tệp kết quả',
    asOf: 'ngày xét tình trạng, YYYY-MM-DD (mặc định hôm nay)',
  },
  en: {
    usage: 'tasks|report --plan <id|file> [--period 2018Q2] --out <file> [--format xlsx|docx|csv] [--lang vi|en] [--as-of YYYY-MM-DD]',
    summary: 'export a task table, a consolidated report or index results',
    description: `Also: papi export scores --framework <framework id> --year <year> --out <file.csv>
  tasks   The task table. With a plan file (.txt, .docx, .xlsx, .csv) no database is needed; with a plan id it is
          read from the database, and --period adds each task's status.
  report  The consolidated report of a period (--period required), from a plan in the database.
  scores  The published results of one framework and year, as the CSV table the score import reads back.
The format follows the --out file's extension unless --format is given.`,
    kind: 'tasks, report or scores',
    plan: 'a plan id in the database, or a plan file',
    period: 'the reporting period (2024M03, 2024Q1, 2024S1, 2024N9, 2024)',
    framework: 'the index framework id (scores), e.g. papi-2018',
    year: 'the year of the index results (scores)',
    format: 'xlsx, docx or csv (by default the --out file’s extension)',
    out: 'the file to write',
    asOf: 'the day statuses are judged on, YYYY-MM-DD (today by default)',
  },
} as const

/**
 * `papi export [kind]`, in the language of its help; `io` is the real process unless a test
 * passes stand-ins.
 */
export function exportCommand(locale: Locale, io: ExportIo = processExportIo()) {
  const h = HELP[locale]
  return new Command('export')
    .usage(h.usage)
    .summary(h.summary)
    .description(h.description)
    .argument('[kind]', h.kind)
    .option('--plan <plan>', h.plan)
    .option('--period <period>', h.period)
    .option('--framework <id>', h.framework)
    .option('--year <year>', h.year)
    .option('--format <format>', h.format)
    .option('--out <file>', h.out)
    .addOption(langOption(locale))
    .option('--as-of <date>', h.asOf)
    .action(async (kind, options) => {
      await exportDocument(kind, options, io)
    })
}

const MESSAGES = {
  vi: {
    badKind: (kind: string) => `không rõ xuất gì: ${kind} (dùng tasks, report hoặc scores)`,
    noKind: 'thiếu loại tài liệu: tasks, report hoặc scores',
    noFramework: 'thiếu --framework <mã khung chỉ số> (ví dụ papi-2018)',
    badFramework: (id: string) => `không có khung chỉ số ${id}`,
    noYear: 'thiếu --year <năm> (ví dụ 2018)',
    badYear: (y: string) => `năm không hợp lệ: ${y}`,
    scoresAreCsv: (f: string) => `kết quả chỉ số chỉ xuất ra CSV, không ra ${f}`,
    scoresHaveNoPlan: 'kết quả chỉ số không thuộc kế hoạch nào: bỏ --plan và --period',
    noPlan: 'thiếu --plan <mã kế hoạch hoặc tệp kế hoạch>',
    noOut: 'thiếu --out <tệp kết quả>',
    badFormat: (f: string) => `định dạng không hỗ trợ: ${f} (dùng xlsx, docx hoặc csv)`,
    formatMismatch: (format: string, out: string) => `--format ${format} không khớp với đuôi tệp ${out}`,
    badPeriod: (p: string) => `kỳ báo cáo không hợp lệ: ${p} (viết như 2024M03, 2024Q1, 2024S1, 2024N9 hoặc 2024)`,
    noPeriod: 'báo cáo tổng hợp cần --period (ví dụ 2018Q2)',
    badAsOf: (d: string) => `ngày không hợp lệ: ${d} (viết YYYY-MM-DD)`,
    reportNeedsStore: 'báo cáo tổng hợp cần báo cáo của các đơn vị, chỉ có trong cơ sở dữ liệu: dùng --plan <mã kế hoạch>',
    periodIgnored: 'lưu ý: tệp kế hoạch không có báo cáo của đơn vị nên bỏ qua --period\n',
    cannotWrite: (file: string, reason: string) => `không ghi được tệp ${file}: ${reason}`,
    noSuchPlan: (id: string) => `không có kế hoạch mã ${id}`,
    reading: (what: string) => `Đọc ${what}…\n`,
    writing: (file: string) => `Ghi ${file}…\n`,
    wrote: (file: string, format: string, tasks: number) => `Đã ghi ${file} (${format}, ${tasks} nhiệm vụ)\n`,
    wroteScores: (file: string, results: number) => `Đã ghi ${file} (csv, ${results} kết quả)\n`,
  },
  en: {
    badKind: (kind: string) => `nothing to export called ${kind} (use tasks, report or scores)`,
    noKind: 'what to export is missing: tasks, report or scores',
    noFramework: '--framework <index framework id> is missing (e.g. papi-2018)',
    badFramework: (id: string) => `no index framework ${id}`,
    noYear: '--year <year> is missing (e.g. 2018)',
    badYear: (y: string) => `not a year: ${y}`,
    scoresAreCsv: (f: string) => `scores export as CSV only, not ${f}`,
    scoresHaveNoPlan: 'scores belong to no plan: leave out --plan and --period',
    noPlan: '--plan <plan id or plan file> is missing',
    noOut: '--out <file> is missing',
    badFormat: (f: string) => `unsupported format: ${f} (use xlsx, docx or csv)`,
    formatMismatch: (format: string, out: string) => `--format ${format} does not match the extension of ${out}`,
    badPeriod: (p: string) => `not a reporting period: ${p} (write 2024M03, 2024Q1, 2024S1, 2024N9 or 2024)`,
    noPeriod: 'the consolidated report needs --period (e.g. 2018Q2)',
    badAsOf: (d: string) => `not a date: ${d} (write YYYY-MM-DD)`,
    reportNeedsStore: 'the consolidated report needs the units’ reports, which only the database holds: use --plan <plan id>',
    periodIgnored: 'note: a plan file carries no reports, so --period is ignored\n',
    cannotWrite: (file: string, reason: string) => `cannot write ${file}: ${reason}`,
    noSuchPlan: (id: string) => `no plan with id ${id}`,
    reading: (what: string) => `Reading ${what}…\n`,
    writing: (file: string) => `Writing ${file}…\n`,
    wrote: (file: string, format: string, tasks: number) => `Wrote ${file} (${format}, ${tasks} tasks)\n`,
    wroteScores: (file: string, results: number) => `Wrote ${file} (csv, ${results} results)\n`,
  },
} as const

/**
 * `papi export tasks|report|scores`: writes a plan's task table, or its consolidated report for a
 * period, as .xlsx, .docx or .csv; or the published results of one framework and year as the CSV
 * table the score import reads. A plan *file* needs no database (it is read with the importer); a
 * plan id is read from the store with its units and reports, by the same loader and model the
 * API's downloads use. Progress goes to stderr, the outcome to stdout. Resolves to the exit code;
 * expected failures throw a {@link CommandError} (2 for a wrong command line, 1 for input that
 * cannot be read or written).
 *
 * @example
 * await runExport(['tasks', '--plan', 'kien-giang.txt', '--out', 'bieu.xlsx'], io) // 0
 * await runExport(['report', '--plan', planId, '--period', '2018Q2', '--out', 'bao-cao.docx', '--lang', 'en'], io)
 * await runExport(['scores', '--framework', 'papi-2018', '--year', '2018', '--out', 'papi-2018.csv'], io)
 */
export async function runExport(argv: readonly string[], io: ExportIo): Promise<number> {
  const locale = localeOf(argv)
  await runCommands([exportCommand(locale, io)], ['export', ...argv], io, locale)
  return 0
}

interface ExportOptions {
  plan?: string
  period?: string
  framework?: string
  year?: string
  format?: string
  out?: string
  lang?: string
  asOf?: string
}

async function exportDocument(kindArg: string | undefined, values: ExportOptions, io: ExportIo): Promise<number> {
  const locale = langOf(values.lang)
  const m = MESSAGES[locale]

  if (kindArg === undefined) throw new CommandError(m.noKind, 2)
  if (kindArg !== 'tasks' && kindArg !== 'report' && kindArg !== 'scores') throw new CommandError(m.badKind(kindArg), 2)
  const kind: Kind = kindArg
  if (kind === 'scores') return exportScores(values, io, locale)
  const planArg = values.plan
  if (!planArg) throw new CommandError(m.noPlan, 2)
  const out = values.out
  if (!out) throw new CommandError(m.noOut, 2)
  const format = formatOf(values.format, out, locale)
  const periodId = values.period === undefined ? undefined : periodOf(values.period, locale)
  if (kind === 'report' && periodId === undefined) throw new CommandError(m.noPeriod, 2)
  const asOf = asOfOf(values.asOf, io, locale)
  const fromFile = PLAN_FILE.test(planArg) || /[\\/]/.test(planArg)
  if (kind === 'report' && fromFile) throw new CommandError(m.reportNeedsStore, 2)

  let doc: PlanExport
  if (fromFile) {
    if (periodId !== undefined) io.stderr(m.periodIgnored)
    io.stderr(m.reading(planArg))
    const plan = await planFromFile(planArg, io, locale)
    doc = planExport({ plan, units: [], reports: [] }, { kind: 'tasks', asOf, locale })
  } else {
    const store = await io.openStore()
    try {
      io.stderr(m.reading(planArg))
      // A period not open on the plan is judged by the plan's own reporting rules.
      const source = await store.planExport(planArg, periodId === undefined ? {} : { periodId })
      if (!source) throw new CommandError(m.noSuchPlan(planArg), 1)
      doc =
        kind === 'tasks'
          ? planExport(source, { kind, asOf, locale, ...(periodId !== undefined && { periodId }) })
          : planExport(source, { kind, asOf, locale, periodId: periodId as string })
    } finally {
      await store.close()
    }
  }

  io.stderr(m.writing(out))
  await writeOut(out, await writePlanExport(doc, format), io, locale)
  io.stdout(
    m.wrote(
      out,
      format,
      doc.model.sections.reduce((n, s) => n + s.tasks.length, 0),
    ),
  )
  return 0
}

/** `papi export scores`: one framework and year of published results, as the score import's CSV. */
async function exportScores(
  values: { plan?: string; period?: string; framework?: string; year?: string; format?: string; out?: string },
  io: ExportIo,
  locale: Locale,
): Promise<number> {
  const m = MESSAGES[locale]
  if (values.plan !== undefined || values.period !== undefined) throw new CommandError(m.scoresHaveNoPlan, 2)
  if (!values.framework) throw new CommandError(m.noFramework, 2)
  const framework = frameworkById(values.framework)
  if (!framework) throw new CommandError(m.badFramework(values.framework), 2)
  if (!values.year) throw new CommandError(m.noYear, 2)
  const year = Number(values.year)
  if (!/^\d{4}$/.test(values.year) || !IndexResultSchema.shape.year.safeParse(year).success) {
    throw new CommandError(m.badYear(values.year), 2)
  }
  const out = values.out
  if (!out) throw new CommandError(m.noOut, 2)
  const format = formatOf(values.format, out, locale)
  if (format !== 'csv') throw new CommandError(m.scoresAreCsv(format), 2)

  const store = await io.openStore()
  let table: Awaited<ReturnType<ExportStore['scores']>>
  try {
    io.stderr(m.reading(`${framework.id} ${year}`))
    table = await store.scores(framework.id, year)
  } finally {
    await store.close()
  }
  io.stderr(m.writing(out))
  await writeOut(out, writeScoreCsv(table.results, framework, table.units, table.notRanked), io, locale)
  io.stdout(m.wroteScores(out, table.results.length))
  return 0
}

async function writeOut(out: string, bytes: Uint8Array, io: ExportIo, locale: Locale): Promise<void> {
  try {
    await io.writeFile(out, bytes)
  } catch (error) {
    throw new CommandError(MESSAGES[locale].cannotWrite(out, (error as NodeJS.ErrnoException).code ?? (error as Error).message), 1)
  }
}

function formatOf(given: string | undefined, out: string, locale: Locale): ExportFormat {
  const m = MESSAGES[locale]
  const fromName = extname(out).slice(1).toLowerCase()
  const format = (given ?? fromName).toLowerCase()
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CommandError(m.badFormat(given ?? (fromName || out)), 2)
  if (given !== undefined && fromName !== '' && fromName !== format) throw new CommandError(m.formatMismatch(given, out), 2)
  return format as ExportFormat
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
  const data = await readInput(file, io.readFile, locale)
  return planOf(await readPlanFile(file, data, { locale }), locale)
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
      // Loaded only for a plan id or scores, so exporting a plan file never touches the database.
      const [{ openStore, storeOptionsFromEnv }, { storeExportSource }] = await Promise.all([
        import('@papi/store'),
        import('./export-store'),
      ])
      const store = await openStore(storeOptionsFromEnv(process.env))
      return { ...storeExportSource(store), close: () => store.close() }
    },
  }
}
