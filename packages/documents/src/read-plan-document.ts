import {
  DEFAULT_LOCALE,
  formatYears,
  PLAN_LIMITS,
  taskCount,
  frameworkFor,
  indexUnitNames,
  matchAssignees,
  matchDimension,
  parseTimeframe,
  readIndexTargets,
  readTargets,
  unitsAsOf,
  unitsInScope,
  type Framework,
  type IndexKind,
  type Locale,
  type ParsedAssignee,
  type Timeframe,
  type Unit,
  type UnitVersion,
} from '@papi/domain'
import JSZip from 'jszip'
import type { DocumentContent, SourceRef } from './internal/document-content'
import { docxContent } from './internal/docx-content'
import { csvContent, xlsxContent } from './internal/grid-content'
import { DOCUMENT_LIMITS, limitWords, type DocumentLimitName } from './document-limits'
import { ReadFailure, TooLarge, errorMessage, reasonMessage, warningMessage, type MessageParams } from './internal/messages'
import { readPlanHeader } from './internal/plan-header'
import { readProsePlan } from './internal/prose-plan'
import type { RawSection } from './internal/raw-plan'
import { readTaskTables } from './internal/task-table'
import { textContent } from './internal/text-layout'
import { PlanDocumentError } from './plan-document-error'
import {
  PlanImportSchema,
  type ImportWarning,
  type ImportWarningCode,
  type ImportWhere,
  type ImportedSection,
  type PlanImport,
} from './plan-import'

/** How plans name each index in their aims ("Phấn đấu Chỉ số CCHC năm 2020 …"). */
const INDEX_NAMES: Readonly<Record<IndexKind, string>> = {
  papi: 'Chỉ số PAPI',
  'par-index': 'Chỉ số CCHC',
  sipas: 'Chỉ số SIPAS',
}

/** A file to import: its name (the extension picks the reader) and its bytes. */
export interface PlanDocumentFile {
  fileName: string
  data: Uint8Array
}

/** Where a long import is: reading the file, finding its structure, reading tasks, matching units. */
export interface ImportProgress {
  phase: 'read' | 'parse' | 'tasks' | 'match'
  done: number
  total: number
}

export interface ReadPlanOptions {
  /** The organisation tree (or the part of it in the plan's scope) to match assignees against. */
  units?: readonly Unit[]
  /**
   * The unit whose subtree the plan covers: names are then matched only against it as it was on
   * the plan's date (and national bodies), never another province's units (`unitsInScope`).
   */
  scopeUnitId?: string
  /**
   * The units' dated versions (`store.units.versions()`): names are then matched as they were on
   * the plan's date ("UBND tỉnh Thừa Thiên Huế" in a 2024 plan, though the unit is Huế today).
   */
  versions?: ReadonlyMap<string, readonly UnitVersion[]>
  onProgress?: (progress: ImportProgress) => void
  /** Language of warning and error messages; Vietnamese by default. */
  locale?: Locale
}

export type PlanDocumentFormat = 'text' | 'docx' | 'xlsx' | 'csv'

/**
 * Reads a plan document — the appendix table of a Word plan (.docx), a task table (.xlsx,
 * .csv), or plain text as pasted from a legal-document portal (.txt, each table cell on its own
 * line, or tasks as numbered paragraphs) — into its details, sections and tasks, with every
 * point a person should review listed as a warning. Nothing is saved: this is the dry run.
 *
 * Rejects with a {@link PlanDocumentError}: `unsupported-format` (.doc, .xls, .pdf…),
 * `unreadable` (damaged, empty, not UTF-8), `no-tasks-found`, `too-large` (past DOCUMENT_LIMITS
 * or PLAN_LIMITS: the error's `limit` names which).
 *
 * @example
 * const data = await readFile('fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt')
 * const plan = await readPlanDocument({ fileName: 'kien-giang.txt', data })
 * plan.plan.number // '97/KH-UBND'
 * plan.sections.length // 6
 * plan.sections.flatMap((s) => s.tasks).length // 31
 */
export async function readPlanDocument(file: PlanDocumentFile, options: ReadPlanOptions = {}): Promise<PlanImport> {
  const locale = options.locale ?? DEFAULT_LOCALE
  const progress = options.onProgress ?? (() => {})
  const fileName = file.fileName.split(/[\\/]/).pop() ?? file.fileName

  progress({ phase: 'read', done: 0, total: 1 })
  const content = await readContent(fileName, file.data, locale)
  progress({ phase: 'read', done: 1, total: 1 })

  progress({ phase: 'parse', done: 0, total: 1 })
  const { header, notes } = readPlanHeader(content.lines)
  const fromTable = readTaskTables(content.tables)
  const raw = fromTable?.some((s) => s.tasks.length > 0) ? fromTable : readProsePlan(content.lines)
  const sectionsWithTasks = raw.filter((s) => s.tasks.length > 0)
  progress({ phase: 'parse', done: 1, total: 1 })
  // What would not be stored is not matched against units either (the costly part).
  if (sectionsWithTasks.length > PLAN_LIMITS.sections) throw tooLarge(fileName, 'sections', PLAN_LIMITS.sections, locale)
  if (taskCount({ sections: sectionsWithTasks }) > PLAN_LIMITS.tasks) throw tooLarge(fileName, 'tasks', PLAN_LIMITS.tasks, locale)
  if (sectionsWithTasks.length === 0) {
    throw new PlanDocumentError('no-tasks-found', errorMessage('no-tasks-found', { file: fileName }, locale))
  }

  const warnings: ImportWarning[] = []
  const warn = (code: ImportWarningCode, where: ImportWhere, params: MessageParams = {}) => {
    warnings.push({ code, message: warningMessage(code, params, locale), where })
  }

  let title = header.title
  if (!title) {
    title = fileName.replace(/\.[^.]+$/, '')
    warn('missing-title', { field: 'plan.title' }, { title })
  }
  for (const note of notes) {
    warn(
      note.code,
      { field: note.field, ...(note.line ? { source: { line: note.line } } : {}) },
      {
        number: header.number,
        date: header.issuedOn ? formatDate(header.issuedOn) : '',
        issuer: header.issuer,
        index: header.index,
        year: header.years?.from,
      },
    )
  }

  const planYear = header.years?.from ?? (header.issuedOn ? Number(header.issuedOn.slice(0, 4)) : undefined)
  const framework = planYear !== undefined ? frameworkFor(header.index, planYear) : undefined
  if (!framework) warn('no-framework', { field: 'plan.frameworkId' }, { index: header.index, year: planYear ?? '?' })

  // Targets are for the plan's last year unless they name one ("năm 2018 và những năm tiếp theo").
  const targetYear = header.years?.to ?? planYear
  const total = sectionsWithTasks.reduce((n, s) => n + s.tasks.length, 0)
  let done = 0
  progress({ phase: 'tasks', done, total })
  const sections: ImportedSection[] = []
  // The warnings name the plan's years in the reader's language: its own words in Vietnamese ("năm 2023").
  const yearsShown = locale === 'vi' || header.years === undefined ? header.yearsText : formatYears(header.years)
  for (const section of sectionsWithTasks) {
    sections.push(importSection(section, { framework, planYear, targetYear, yearsText: header.yearsText, yearsShown, warn, locale }))
    done += section.tasks.length
    progress({ phase: 'tasks', done, total })
  }

  if (options.units) {
    const dated = options.versions && header.issuedOn ? unitsAsOf(options.units, options.versions, header.issuedOn) : options.units
    const units = options.scopeUnitId === undefined ? dated : unitsInScope(dated, options.scopeUnitId, header.issuedOn)
    matchUnits(sections, units, warn, progress)
  }

  const plan = {
    number: header.number,
    issuer: header.issuer,
    title,
    index: header.index,
    ...(header.issuedOn ? { issuedOn: header.issuedOn } : {}),
    ...(header.place ? { place: header.place } : {}),
    ...(header.signer ? { signer: header.signer } : {}),
    ...(header.years ? { years: header.years } : {}),
    ...(framework ? { frameworkId: framework.id } : {}),
    ...(header.parentPlanNumber ? { parentPlanNumber: header.parentPlanNumber } : {}),
    ...(header.goals.length > 0 ? { goals: header.goals } : {}),
    targets:
      targetYear === undefined
        ? []
        : header.goals.flatMap((goal) => readIndexTargets(goal, { year: targetYear, indexName: INDEX_NAMES[header.index] })),
  }
  // A result that does not fit the schema is a bug in a reader, not bad input: let it throw.
  return PlanImportSchema.parse({ plan, sections, warnings })
}

interface SectionContext {
  framework: Framework | undefined
  planYear: number | undefined
  targetYear: number | undefined
  yearsText: string | undefined
  /** The years as the warnings name them. */
  yearsShown: string | undefined
  warn: (code: ImportWarningCode, where: ImportWhere, params?: MessageParams) => void
  locale: Locale
}

function importSection(section: RawSection, ctx: SectionContext): ImportedSection {
  const { framework, planYear, warn } = ctx
  const sectionWhere = { section: section.code, source: section.source }
  if (section.implicit) warn('implicit-section', sectionWhere, { title: section.title })
  const dimension = framework ? matchDimension(section.title, framework) : undefined
  if (framework && !dimension) {
    warn('section-without-dimension', sectionWhere, { title: section.title, framework: framework.name[ctx.locale] })
  }
  const options = planYear !== undefined ? { planYear } : {}
  const tasks = section.tasks.map((task) => {
    const where = (field: string) => ({ section: section.code, task: task.code, field, source: sourceOf(task.source) })
    let timeframe: Timeframe
    if (task.time === undefined) {
      if (ctx.yearsText) {
        timeframe = parseTimeframe(ctx.yearsText, options)
        warn('timeframe-from-plan', where('timeframe'), { text: ctx.yearsShown ?? ctx.yearsText })
      } else {
        timeframe = { kind: 'unspecified', text: '' }
        warn('unspecified-timeframe', where('timeframe'), { text: '' })
      }
    } else {
      timeframe = parseTimeframe(task.time, options)
      if (timeframe.kind === 'unspecified') warn('unspecified-timeframe', where('timeframe'), { text: task.time })
    }
    if (task.lead.length === 0) warn('task-without-lead', where('lead'))
    const targets = ctx.targetYear === undefined ? [] : readTargets(task.title, { year: ctx.targetYear })
    return { code: task.code, title: task.title, lead: task.lead, coordinators: task.coordinators, timeframe, targets }
  })
  return { code: section.code, title: section.title, ...(dimension ? { dimension } : {}), tasks }
}

function sourceOf(source: SourceRef): SourceRef {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)) as SourceRef
}

function matchUnits(
  sections: ImportedSection[],
  units: readonly Unit[],
  warn: SectionContext['warn'],
  progress: (p: ImportProgress) => void,
): void {
  const total = sections.reduce((n, s) => n + s.tasks.length, 0)
  // A unit named with its parent ("Sở Tư pháp — UBND tỉnh Lào Cai") so two candidates can be told apart.
  const byId = new Map(units.map((u) => [u.id, u]))
  const nameOf = new Map(
    units.map((u) => [u.id, u.parentId && byId.has(u.parentId) ? `${u.name} — ${byId.get(u.parentId)?.name}` : u.name]),
  )
  // Keyed once for every task: folding ~17,000 names per task made an unscoped import take a minute.
  const index = indexUnitNames(units)
  let done = 0
  progress({ phase: 'match', done, total })
  for (const section of sections) {
    for (const task of section.tasks) {
      for (const field of ['lead', 'coordinators'] as const) {
        const { assignees, unmatched, ambiguous } = matchAssignees<ParsedAssignee>(task[field], index)
        task[field] = assignees
        for (const a of unmatched) {
          const several = ambiguous.find((x) => x.assignee === a)
          if (several) {
            const names = several.unitIds.map((id) => nameOf.get(id) ?? id).join('; ')
            warn('ambiguous-assignee', { section: section.code, task: task.code, field }, { name: a.text, candidates: names })
          } else warn('unmatched-assignee', { section: section.code, task: task.code, field }, { name: a.text })
        }
      }
      done += 1
      progress({ phase: 'match', done, total })
    }
  }
}

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

// --- formats

const UNSUPPORTED: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  doc: { vi: ' (.doc Word 97–2003: hãy lưu thành .docx)', en: ' (.doc Word 97–2003: save it as .docx)' },
  xls: { vi: ' (.xls Excel 97–2003: hãy lưu thành .xlsx)', en: ' (.xls Excel 97–2003: save it as .xlsx)' },
  pdf: { vi: ' (PDF: hãy dùng bản .docx hoặc chép nội dung ra .txt)', en: ' (PDF: use the .docx, or paste the text into a .txt)' },
}

function unsupported(fileName: string, ext: string, locale: Locale): PlanDocumentError {
  const reason = UNSUPPORTED[ext]?.[locale] ?? ''
  return new PlanDocumentError('unsupported-format', errorMessage('unsupported-format', { file: fileName, reason }, locale))
}

function startsWith(data: Uint8Array, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => data[i] === b)
}

/**
 * Which reader a file needs: by extension, checked against its first bytes; by its content when
 * the extension says nothing (a zip holding word/document.xml is a .docx).
 */
async function formatOf(fileName: string, data: Uint8Array, locale: Locale): Promise<PlanDocumentFormat> {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  const zip = startsWith(data, [0x50, 0x4b, 0x03, 0x04])
  if (['docx', 'docm', 'dotx'].includes(ext)) return 'docx'
  if (['xlsx', 'xlsm'].includes(ext)) return 'xlsx'
  if (['csv', 'tsv'].includes(ext)) return 'csv'
  if (['txt', 'text', 'md'].includes(ext)) return 'text'
  const ole = startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])
  const pdf = startsWith(data, [0x25, 0x50, 0x44, 0x46])
  if (['doc', 'xls', 'pdf', 'rtf', 'odt', 'ods', 'ppt', 'pptx', 'pages'].includes(ext) || ole || pdf) {
    throw unsupported(fileName, ext || (pdf ? 'pdf' : ''), locale)
  }
  if (zip) {
    const files = await JSZip.loadAsync(data).then(
      (z) => Object.keys(z.files),
      () => [] as string[],
    )
    if (files.includes('word/document.xml')) return 'docx'
    if (files.includes('xl/workbook.xml')) return 'xlsx'
    throw unsupported(fileName, ext, locale)
  }
  return 'text'
}

function tooLarge(fileName: string, name: DocumentLimitName, max: number, locale: Locale): PlanDocumentError {
  return new PlanDocumentError('too-large', errorMessage('too-large', { file: fileName, limit: limitWords(name, max, locale) }, locale), {
    limit: { name, max },
  })
}

function decodeText(data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2))
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2))
  const body = startsWith(data, [0xef, 0xbb, 0xbf]) ? data.subarray(3) : data
  if (body.includes(0)) throw new ReadFailure('not-text')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch (cause) {
    throw new ReadFailure('not-text', { cause })
  }
}

async function readContent(fileName: string, data: Uint8Array, locale: Locale): Promise<DocumentContent> {
  try {
    if (data.byteLength === 0) throw new ReadFailure('empty')
    const format = await formatOf(fileName, data, locale)
    switch (format) {
      case 'docx':
        return await docxContent(data)
      case 'xlsx':
        return await xlsxContent(data)
      case 'csv':
        return csvContent(decodeText(data))
      case 'text': {
        const text = decodeText(data)
        if (text.trim() === '') throw new ReadFailure('empty')
        let lines = 1
        for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
          lines += 1
          if (lines > DOCUMENT_LIMITS.paragraphs) throw new TooLarge('paragraphs', DOCUMENT_LIMITS.paragraphs)
        }
        return textContent(text)
      }
    }
  } catch (error) {
    if (error instanceof TooLarge) throw tooLarge(fileName, error.limit, error.max, locale)
    if (error instanceof ReadFailure) {
      const reason = reasonMessage(error.reason, locale)
      throw new PlanDocumentError('unreadable', errorMessage('unreadable', { file: fileName, reason }, locale), {
        cause: error,
      })
    }
    throw error
  }
}
