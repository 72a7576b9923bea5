import { readFile } from 'node:fs/promises'
import { Command } from '@commander-js/extra-typings'
import type { ImportProgress } from '@papi/documents'
import { UnitSchema, type Locale, type Plan, type Unit } from '@papi/domain'
import type { PlanImportResult, SaveProgress } from '@papi/store'
import { langOf, langOption, localeOf, runCommands } from '../command'
import { CommandError } from '../command-error'
import { planOf, readInput, readPlanFile } from '../read-document'
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

const HELP = {
  vi: {
    summary: 'đọc một kế hoạch và lưu vào cơ sở dữ liệu (hoặc chỉ xem, với --dry-run)',
    description: `Đọc kế hoạch (.docx, .xlsx, .csv, .txt), in ra các mục, nhiệm vụ và cảnh báo; không có --dry-run thì lưu kế hoạch:
kế hoạch mới lưu thành bản nháp, kế hoạch đã có (cùng số, cơ quan, ngày ban hành) được cập nhật, không nhân đôi.
Tiến độ in ra stderr khi stderr là terminal, hoặc với --progress.`,
    file: 'tệp kế hoạch',
    dryRun: 'chỉ đọc và in ra, không lưu',
    json: 'in đúng một tài liệu JSON ra stdout',
    units: 'danh sách đơn vị (JSON) để đối chiếu, thay cho đơn vị trong cơ sở dữ liệu',
    progress: 'in tiến độ ra stderr cả khi stderr không phải terminal',
  },
  en: {
    summary: 'read a plan and save it in the database (or only show it, with --dry-run)',
    description: `Reads a plan (.docx, .xlsx, .csv, .txt) and prints its sections, tasks and warnings; without --dry-run it saves the plan:
a new plan as a draft; a plan already stored (same number, issuer, date of issue) is updated, never duplicated.
Progress goes to stderr when it is a terminal, or with --progress.`,
    file: 'the plan file',
    dryRun: 'only read and print, save nothing',
    json: 'print exactly one JSON document on stdout',
    units: 'a JSON list of units to match against, instead of the database’s',
    progress: 'print progress on stderr even when it is not a terminal',
  },
} as const

/**
 * `papi import [file]`, in the language of its help; `io` is the real process unless a test
 * passes stand-ins.
 */
export function importCommand(locale: Locale, io: CommandIo = processIo()) {
  const h = HELP[locale]
  return new Command('import')
    .summary(h.summary)
    .description(h.description)
    .argument('[file]', h.file)
    .option('--dry-run', h.dryRun)
    .option('--json', h.json)
    .addOption(langOption(locale))
    .option('--units <units.json>', h.units)
    .option('--progress', h.progress)
    .action((file, options) => importPlan(file, options, io))
}

const MESSAGES = {
  vi: {
    noFile: 'thiếu tên tệp kế hoạch',
    badUnits: (file: string) => `tệp đơn vị ${file} không phải danh sách đơn vị (JSON) hợp lệ`,
    phase: { read: 'Đọc tệp', parse: 'Phân tích', tasks: 'Nhiệm vụ', match: 'Đối chiếu đơn vị', save: 'Lưu' },
  },
  en: {
    noFile: 'the plan file is missing',
    badUnits: (file: string) => `the units file ${file} is not a valid JSON list of units`,
    phase: { read: 'Reading', parse: 'Parsing', tasks: 'Tasks', match: 'Matching units', save: 'Saving' },
  },
} as const

/**
 * `papi import <file>`: reads a plan document; with `--dry-run` shows it (a readable summary, or
 * exactly one JSON document on stdout with `--json`) and saves nothing; without, stores it through
 * the store in one transaction — a new plan as a draft, a plan already stored updated in place —
 * and says which (`{ id, outcome, changes, kept }` with `--json`). Progress (read, parse, tasks,
 * match, save) goes to stderr, never stdout. Resolves to the exit code (0); expected failures throw
 * a {@link CommandError} with a one-line message.
 *
 * @example
 * await runImport(['plan.txt', '--dry-run', '--json'], io) // 0, the PlanImport JSON on io.stdout
 * await runImport(['plan.txt', '--json'], io) // 0, { "id": "…", "outcome": "unchanged", … } the second time
 */
export async function runImport(argv: readonly string[], io: CommandIo): Promise<number> {
  const locale = localeOf(argv)
  await runCommands([importCommand(locale, io)], ['import', ...argv], io, locale)
  return 0
}

interface ImportOptions {
  dryRun?: true
  json?: true
  lang?: string
  units?: string
  progress?: true
}

async function importPlan(file: string | undefined, options: ImportOptions, io: CommandIo): Promise<void> {
  const locale = langOf(options.lang)
  const m = MESSAGES[locale]
  if (!file) throw new CommandError(m.noFile, 2)

  const data = await readInput(file, io.readFile, locale)
  const unitsFromFile = options.units ? await readUnits(options.units, io, locale) : undefined
  const dryRun = options.dryRun === true
  const progress = options.progress || io.stderrIsTty ? progressPrinter(io, locale) : undefined
  const store = dryRun ? undefined : await io.openStore()
  try {
    const units = unitsFromFile ?? (store ? await store.units() : undefined)
    const planImport = await readPlanFile(file, data, { locale, units, onProgress: progress?.report })
    if (!store) {
      progress?.end()
      io.stdout(options.json ? `${JSON.stringify(planImport, null, 2)}\n` : formatImportSummary(planImport, locale, { dryRun: true }))
      return
    }
    const plan = planOf(planImport, locale)
    const result = await store.importPlan(plan, progress?.report)
    progress?.end()
    io.stdout(
      options.json
        ? `${JSON.stringify({ id: result.id, outcome: result.outcome, changes: result.changes, kept: result.kept }, null, 2)}\n`
        : formatImportSummary(planImport, locale, { dryRun: false, result }),
    )
  } finally {
    progress?.end()
    await store?.close()
  }
}

async function readUnits(file: string, io: CommandIo, locale: Locale): Promise<Unit[]> {
  const data = await readInput(file, io.readFile, locale)
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
