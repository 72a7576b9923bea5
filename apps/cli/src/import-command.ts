import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import {
  isPlanDocumentError,
  readPlanDocument,
  toPlan,
  type ImportProgress,
  type PlanImport,
} from '@papi/documents'
import { UnitSchema, type Locale, type Plan, type Unit } from '@papi/domain'
import type { PlanImportResult, SaveProgress } from '@papi/store'
import { formatImportSummary } from './import-summary'

/** Where the command writes and what it may reach: the real process, or a test's stand-ins. */
export interface CommandIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Whether stderr is a terminal: progress is shown there by default then (otherwise with --progress). */
  stderrIsTty: boolean
  readFile: (path: string) => Promise<Uint8Array>
  /** Opens the store (only when saving): its units to match against, and where plans go. */
  openStore: () => Promise<PlanStore>
}

/** What `papi import` needs of the store. */
export interface PlanStore {
  units: () => Promise<Unit[]>
  /**
   * Stores the plan in one transaction (`store.plans.import`): a new one as a draft, or the one
   * already stored with its number, issuer and date updated in place.
   */
  importPlan: (plan: Plan, onProgress?: SaveProgress) => Promise<PlanImportResult>
  close: () => Promise<void>
}

/** A failure the command reports in one line, with its exit code. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message)
    this.name = 'CommandError'
  }
}

export const USAGE = {
  vi: `Cách dùng: papi import <tệp> [--dry-run] [--json] [--lang vi|en] [--units <units.json>] [--progress]
  Đọc kế hoạch (.docx, .xlsx, .csv, .txt), in ra các mục, nhiệm vụ và cảnh báo; không có --dry-run thì lưu kế hoạch:
  kế hoạch mới lưu thành bản nháp, kế hoạch đã có (cùng số, cơ quan, ngày ban hành) được cập nhật, không nhân đôi.
  Tiến độ in ra stderr khi stderr là terminal, hoặc với --progress.
`,
  en: `Usage: papi import <file> [--dry-run] [--json] [--lang vi|en] [--units <units.json>] [--progress]
  Reads a plan (.docx, .xlsx, .csv, .txt) and prints its sections, tasks and warnings; without --dry-run it saves the plan:
  a new plan as a draft; a plan already stored (same number, issuer, date of issue) is updated, never duplicated.
  Progress goes to stderr when it is a terminal, or with --progress.
`,
} as const

const MESSAGES = {
  vi: {
    noFile: 'thiếu tên tệp kế hoạch',
    notFound: (file: string) => `không tìm thấy tệp ${file}`,
    cannotOpen: (file: string, reason: string) => `không mở được tệp ${file}: ${reason}`,
    badUnits: (file: string) => `tệp đơn vị ${file} không phải danh sách đơn vị (JSON) hợp lệ`,
    badLang: (lang: string) => `ngôn ngữ không hỗ trợ: ${lang} (dùng vi hoặc en)`,
    phase: { read: 'Đọc tệp', parse: 'Phân tích', tasks: 'Nhiệm vụ', match: 'Đối chiếu đơn vị', save: 'Lưu' },
  },
  en: {
    noFile: 'the plan file is missing',
    notFound: (file: string) => `no such file: ${file}`,
    cannotOpen: (file: string, reason: string) => `cannot open ${file}: ${reason}`,
    badUnits: (file: string) => `the units file ${file} is not a valid JSON list of units`,
    badLang: (lang: string) => `unsupported language: ${lang} (use vi or en)`,
    phase: { read: 'Reading', parse: 'Parsing', tasks: 'Tasks', match: 'Matching units', save: 'Saving' },
  },
} as const

/**
 * `papi import <file>`: reads a plan document; with `--dry-run` shows it (a readable summary, or
 * exactly one JSON document on stdout with `--json`) and saves nothing; without, stores it through
 * the store in one transaction — a new plan as a draft, a plan already stored updated in place —
 * and says which (`{ id, outcome, changes, kept }` with `--json`). Progress (read, parse, tasks,
 * match, save) goes to stderr, never stdout. Resolves to the exit code; expected failures throw a
 * {@link CommandError} with a one-line message.
 *
 * @example
 * await runImport(['plan.txt', '--dry-run', '--json'], io) // 0, the PlanImport JSON on io.stdout
 * await runImport(['plan.txt', '--json'], io) // 0, { "id": "…", "outcome": "unchanged", … } the second time
 */
export async function runImport(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'vi' },
      units: { type: 'string' },
      progress: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const lang = values.lang
  if (lang !== 'vi' && lang !== 'en') throw new CommandError(MESSAGES.vi.badLang(String(lang)), 2)
  const locale: Locale = lang
  const m = MESSAGES[locale]
  if (values.help) {
    io.stdout(USAGE[locale])
    return 0
  }
  const file = positionals[0]
  if (!file) throw new CommandError(m.noFile, 2)

  const data = await readInput(file, io, locale)
  const unitsFromFile = values.units ? await readUnits(values.units, io, locale) : undefined
  const dryRun = values['dry-run']
  const progress = values.progress || io.stderrIsTty ? progressPrinter(io, locale) : undefined
  const store = dryRun ? undefined : await io.openStore()
  try {
    const units = unitsFromFile ?? (store ? await store.units() : undefined)
    const planImport = await readDocument(file, data, { locale, units, onProgress: progress?.report })
    if (!store) {
      progress?.end()
      io.stdout(values.json ? `${JSON.stringify(planImport, null, 2)}\n` : formatImportSummary(planImport, locale, { dryRun: true }))
      return 0
    }
    let plan: Plan
    try {
      plan = toPlan(planImport, { locale })
    } catch (error) {
      if (isPlanDocumentError(error)) throw new CommandError(error.message, 1)
      throw error
    }
    const result = await store.importPlan(plan, progress?.report)
    progress?.end()
    io.stdout(
      values.json
        ? `${JSON.stringify({ id: result.id, outcome: result.outcome, changes: result.changes, kept: result.kept }, null, 2)}\n`
        : formatImportSummary(planImport, locale, { dryRun: false, result }),
    )
    return 0
  } finally {
    progress?.end()
    await store?.close()
  }
}

async function readDocument(
  file: string,
  data: Uint8Array,
  options: { locale: Locale; units: Unit[] | undefined; onProgress: ((p: ImportProgress) => void) | undefined },
): Promise<PlanImport> {
  try {
    return await readPlanDocument(
      { fileName: basename(file), data },
      { locale: options.locale, ...(options.units ? { units: options.units } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    )
  } catch (error) {
    if (isPlanDocumentError(error)) throw new CommandError(error.message, 1)
    throw error
  }
}

async function readInput(file: string, io: CommandIo, locale: Locale): Promise<Uint8Array> {
  try {
    return await io.readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CommandError(MESSAGES[locale].notFound(file), 1)
    throw new CommandError(MESSAGES[locale].cannotOpen(file, code ?? (error as Error).message), 1)
  }
}

async function readUnits(file: string, io: CommandIo, locale: Locale): Promise<Unit[]> {
  const data = await readInput(file, io, locale)
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(data))
    return UnitSchema.array().parse(Array.isArray(parsed) ? parsed : (parsed as { units?: unknown }).units)
  } catch {
    throw new CommandError(MESSAGES[locale].badUnits(file), 1)
  }
}

type Progress = { phase: ImportProgress['phase'] | 'save'; done: number; total: number }

/**
 * Progress on stderr: a line updated in place on a terminal (cleared by `end`), one line per
 * finished phase on a pipe.
 */
function progressPrinter(io: CommandIo, locale: Locale): { report: (p: Progress) => void; end: () => void } {
  const names = MESSAGES[locale].phase
  let lastPhase = ''
  let showing = false
  return {
    report: (p) => {
      const text = `${names[p.phase]}: ${p.done}/${p.total}`
      if (io.stderrIsTty) {
        io.stderr(`\r\u001b[K${text}`)
        showing = true
      } else if (p.done === p.total && p.phase !== lastPhase) {
        io.stderr(`${text}\n`)
        lastPhase = p.phase
      }
    },
    end: () => {
      if (showing) io.stderr('\r\u001b[K')
      showing = false
    },
  }
}

/** The real process's input and output, and the store opened from the environment. */
export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTty: Boolean(process.stderr.isTTY),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    openStore: async () => {
      // Loaded only when saving, so a dry run never touches the database.
      const { openStore, storeOptionsFromEnv } = await import('@papi/store')
      const { storePlanStore } = await import('./import-store')
      return storePlanStore(await openStore(storeOptionsFromEnv(process.env)))
    },
  }
}
