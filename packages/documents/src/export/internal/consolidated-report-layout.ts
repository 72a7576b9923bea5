// Internal: the consolidated report as a document — summary paragraphs, then five tables: tasks
// with their units, reporting by unit, late units, missing units, targets.
import {
  TaskOutcomeSchema,
  enumLabel,
  formatDate,
  formatObservation,
  formatTarget,
  formatTimeframe,
  type IsoDate,
  type Locale,
  type UnitLevel,
} from '@papi/domain'
import type { ConsolidatedReportModel, ReportTaskLine, ReportUnitLine, UnitReportGap } from '../consolidated-report'
import { issuerInSentence, issuerSymbol, nationalHeading, signatureBlock } from '../national-heading'
import type { BodyBlock, Cell, ColumnSpec, DocumentSpec, RowSpec, TableSpec } from './layout'
import { VOCABULARY, type Vocabulary } from './vocabulary'
import { percentWords } from './wording'

// Blanks the clerk fills in with the register number when the report is signed.
const NUMBER_BLANK = '\u00a0'.repeat(8)

/** The report laid out for Word and Excel. */
export function consolidatedReportDocument(model: ConsolidatedReportModel): DocumentSpec {
  const { locale, document } = model
  const words = VOCABULARY[locale]
  const parts = PARTS[locale]
  const planRef = words.planRef(document.plan.number, formatDate(document.plan.issuedOn, locale), document.plan.issuer)
  const paragraphs = summaryParagraphs(model)
  const tables = [tasksTable(model), unitsTable(model), gapTable(model, 'late'), gapTable(model, 'missing'), targetsTable(model)]
  const { narrative } = model
  const written = (text: string | undefined, placeholder: string): BodyBlock[] =>
    text === undefined
      ? [{ kind: 'paragraph', text: placeholder, placeholder: true }]
      : text
          .split(/\n\s*\n|\n/u)
          .filter((t) => t.trim() !== '')
          .map((t): BodyBlock => ({ kind: 'paragraph', text: t.trim() }))
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: parts.intro(
        // Its own plan needs no "of the provincial committee" before the committee's own name.
        document.issuer === document.plan.issuer ? planRef.slice(0, planRef.lastIndexOf(ofWord[locale])) : planRef,
        issuerInSentence(document.issuer),
        model.period.label,
      ),
    },
    { kind: 'heading', text: parts.results },
    ...written(narrative.results, parts.resultsPlaceholder),
    ...paragraphs.map((text): BodyBlock => ({ kind: 'paragraph', text })),
    ...tables.map((table): BodyBlock => ({ kind: 'table', table })),
    { kind: 'heading', text: parts.limits },
    ...written(narrative.limits, parts.limitsPlaceholder),
    { kind: 'heading', text: parts.nextTasks },
    ...written(narrative.nextTasks, parts.nextTasksPlaceholder),
    { kind: 'heading', text: parts.proposals },
    ...written(narrative.proposals, parts.proposalsPlaceholder),
    { kind: 'paragraph', text: parts.closingLine(issuerInSentence(document.issuer)) },
  ]
  return {
    locale,
    heading: nationalHeading({
      issuer: document.issuer,
      ...(document.place !== undefined && { place: document.place }),
      date: document.date,
      number: `${NUMBER_BLANK}/${reportSymbol(model)}`,
      locale,
    }),
    title: [words.reportTitle, words.reportSubtitle(planRef, model.period.label)],
    subtitle: [],
    paragraphs,
    tables,
    body,
    closing: {
      recipientsLabel: parts.recipients,
      recipients: [...model.recipients.map((r) => `- ${r};`), `- ${parts.file}`],
      signature: signatureBlock(document.issuer, model.signer, locale),
    },
    orientation: 'landscape',
  }
}

interface ReportParts {
  intro: (planRef: string, issuer: string, period: string) => string
  results: string
  limits: string
  nextTasks: string
  proposals: string
  resultsPlaceholder: string
  limitsPlaceholder: string
  nextTasksPlaceholder: string
  proposalsPlaceholder: string
  closingLine: (issuer: string) => string
  recipients: string
  file: string
}

const ofWord: Record<Locale, string> = { vi: ' của ', en: ' of ' }

// The written parts of a periodic report as provincial reports on PAPI set them out; the
// placeholders, in brackets, tell the official what to write there before signing.
const PARTS: Record<Locale, ReportParts> = {
  vi: {
    intro: (planRef, issuer, period) =>
      `Thực hiện ${planRef}, ${issuer} báo cáo kết quả thực hiện Kế hoạch ${lowerFirst(period, 'vi')} như sau:`,
    results: 'I. KẾT QUẢ THỰC HIỆN',
    limits: 'II. HẠN CHẾ, NGUYÊN NHÂN',
    nextTasks: 'III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM KỲ TỚI',
    proposals: 'IV. KIẾN NGHỊ, ĐỀ XUẤT',
    resultsPlaceholder: '[Nêu những kết quả nổi bật đạt được trong kỳ; số liệu chi tiết tại các biểu dưới đây.]',
    limitsPlaceholder: '[Nêu những hạn chế, tồn tại trong kỳ và nguyên nhân (khách quan, chủ quan).]',
    nextTasksPlaceholder: '[Nêu các nhiệm vụ, giải pháp trọng tâm sẽ thực hiện trong kỳ tới.]',
    proposalsPlaceholder: '[Nêu các kiến nghị, đề xuất với cơ quan cấp trên (nếu có).]',
    closingLine: (issuer) => `Trên đây là báo cáo của ${issuer}./.`,
    recipients: 'Nơi nhận:',
    file: 'Lưu: VT.',
  },
  en: {
    intro: (planRef, issuer, period) => `Pursuant to ${planRef}, ${issuer} reports on the plan's implementation in ${period} as follows:`,
    results: 'I. RESULTS',
    limits: 'II. LIMITATIONS AND CAUSES',
    nextTasks: 'III. TASKS FOR THE NEXT PERIOD',
    proposals: 'IV. PROPOSALS',
    resultsPlaceholder: '[State the main results of the period; the figures are in the tables below.]',
    limitsPlaceholder: '[State the limitations of the period and their causes.]',
    nextTasksPlaceholder: '[State the main tasks and solutions for the next period.]',
    proposalsPlaceholder: '[State proposals to the superior bodies, if any.]',
    closingLine: (issuer) => `This is the report of ${issuer}.`,
    recipients: 'Recipients:',
    file: 'Filed: Archives.',
  },
}

function lowerFirst(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleLowerCase(locale) + text.slice(1)
}

/**
 * One flat table for CSV: a row per task and responsible unit (a task with none gets one row),
 * every column filled so the file sorts and filters without the section rows of the document.
 */
export function consolidatedReportTable(model: ConsolidatedReportModel): TableSpec {
  const { locale } = model
  const words = VOCABULARY[locale]
  const columns: ColumnSpec[] = [
    { header: words.section, width: 6 },
    { header: words.no, width: 6 },
    { header: words.task, width: 48 },
    { header: words.timeframe, width: 22 },
    { header: words.dueDate, width: 12 },
    { header: words.outcome, width: 16 },
    { header: words.unit, width: 32 },
    { header: words.role, width: 10 },
    { header: words.deadline, width: 12 },
    { header: words.reportThisPeriod, width: 14 },
    { header: words.submittedOn, width: 12 },
    { header: words.workStatus, width: 16 },
    { header: `${words.progress} (%)`, width: 9 },
    { header: words.narrative, width: 40 },
  ]
  const rows: RowSpec[] = model.sections.flatMap((section) =>
    section.tasks.flatMap((task) => {
      const taskCells: Cell[] = [
        section.code,
        task.code,
        task.title,
        formatTimeframe(task.timeframe, locale),
        dateCell(task.dueDate),
        enumLabel('taskOutcome', task.outcome, locale),
      ]
      if (task.units.length === 0) {
        return [{ kind: 'item', cells: [...taskCells, null, null, null, null, null, null, null, null] } satisfies RowSpec]
      }
      return task.units.map(
        (unit): RowSpec => ({
          kind: 'item',
          cells: [
            ...taskCells,
            unit.unitName,
            roleWords(unit, words),
            dateCell(unit.deadline),
            unit.submission === undefined ? null : enumLabel('submissionState', unit.submission, locale),
            dateCell(unit.submittedOn),
            unit.workStatus === null ? null : enumLabel('workStatus', unit.workStatus, locale),
            { percent: unit.progress },
            unit.narrative ?? null,
          ],
        }),
      )
    }),
  )
  return { sheetName: words.sheetTasks, columns, rows }
}

/**
 * "BC-UBND": a report (Decree 30/2020/NĐ-CP, Appendix III) under the issuer's symbol, taken from
 * the plan's number, or from the issuer's name when the number does not tell it.
 */
function reportSymbol(model: ConsolidatedReportModel): string {
  const { document } = model
  const suffix = /\/[^-/]+-(.+)$/u.exec(document.plan.number)?.[1]
  // Another issuer has its own symbol, which the plan's number does not tell.
  return document.issuer === document.plan.issuer && suffix !== undefined ? `BC-${suffix}` : `BC-${issuerSymbol(document.issuer)}`
}

function summaryParagraphs(model: ConsolidatedReportModel): string[] {
  const { locale, period, summary } = model
  const words = VOCABULARY[locale]
  const date = (iso: IsoDate) => formatDate(iso, locale)
  const byDate = new Map<IsoDate, UnitLevel[]>()
  for (const { level, date: day } of period.deadlines) byDate.set(day, [...(byDate.get(day) ?? []), level])
  const deadlines = [...byDate.entries()]
    .map(([day, levels]) => `${levels.map((l) => enumLabel('unitLevel', l, locale).toLocaleLowerCase(locale)).join(', ')} ${date(day)}`)
    .join('; ')
  const outcomes = TaskOutcomeSchema.options
    .map((o) => `${enumLabel('taskOutcome', o, locale).toLocaleLowerCase(locale)} ${summary.outcomes[o]}`)
    .join(', ')
  const { reporting } = summary
  const unresolved = groupUnresolved(model.unresolved)
  return [
    words.periodLine(period.label, date(period.cutoff.start), date(period.cutoff.end)),
    ...(deadlines === '' ? [] : [words.deadlineLine(deadlines)]),
    words.asOfLine(date(model.asOf)),
    words.progressLine(percentWords(summary.progress, locale), outcomes, summary.taskCount),
    reporting.expected === 0
      ? words.nothingExpected
      : words.reportingLine(
          reporting.submitted,
          reporting.expected,
          percentWords(reporting.completeness, locale),
          reporting.onTime,
          reporting.late,
          reporting.missing,
          reporting.pending,
        ),
    ...(unresolved === '' ? [] : [words.unresolvedLine(unresolved)]),
  ]
}

/** "Sở Y tế (4.4, 6.1); Sở Giáo dục và Đào tạo (4.5)". */
function groupUnresolved(list: readonly { taskCode: string; text: string }[]): string {
  const codes = new Map<string, string[]>()
  for (const { taskCode, text } of list) codes.set(text, [...new Set([...(codes.get(text) ?? []), taskCode])])
  return [...codes.entries()].map(([text, taskCodes]) => `${text} (${taskCodes.join(', ')})`).join('; ')
}

function tasksTable(model: ConsolidatedReportModel): TableSpec {
  const { locale } = model
  const words = VOCABULARY[locale]
  const columns: ColumnSpec[] = [
    { header: words.no, width: 7, align: 'center' },
    { header: words.taskAndUnits, width: 46, label: true },
    { header: words.timeframe, width: 20 },
    { header: words.dueDate, width: 14, align: 'center' },
    { header: words.reportThisPeriod, width: 17 },
    { header: words.workStatus, width: 15 },
    { header: words.progress, width: 10, align: 'right' },
    { header: words.outcome, width: 15 },
    { header: words.narrative, width: 40, spreadsheetOnly: true },
  ]
  const rows = model.sections.flatMap((section): RowSpec[] => [
    {
      kind: 'group',
      cells: [section.code, section.title, null, null, null, null, percentCell(section.progress), null, null],
    },
    ...section.tasks.flatMap((task) => [taskRow(task, locale, words), ...task.units.map((u) => unitRow(u, locale, words))]),
  ])
  return { sheetName: words.sheetTasks, caption: words.captionTasks, columns, rows }
}

function taskRow(task: ReportTaskLine, locale: Locale, words: Vocabulary): RowSpec {
  const owed = task.units.filter((u) => u.submission !== undefined)
  const filed = owed.filter((u) => u.submission === 'on-time' || u.submission === 'late')
  const reporting =
    task.dueReason === undefined
      ? words.notDueThisPeriod
      : owed.length === 0
        ? null
        : `${filed.length}/${owed.length} ${words.submitted.toLocaleLowerCase(locale)}`
  return {
    kind: 'item',
    cells: [
      task.code,
      task.title,
      formatTimeframe(task.timeframe, locale),
      dateCell(task.dueDate),
      reporting,
      null,
      percentCell(task.progress),
      enumLabel('taskOutcome', task.outcome, locale),
      null,
    ],
  }
}

function unitRow(unit: ReportUnitLine, locale: Locale, words: Vocabulary): RowSpec {
  return {
    kind: 'detail',
    indent: 1,
    cells: [
      null,
      // Units that drive a task are its leads; a coordinator shows up only when no lead is named.
      unit.role === 'lead' ? unit.unitName : `${unit.unitName} (${roleWords(unit, words).toLocaleLowerCase(locale)})`,
      null,
      null,
      submissionWords(unit, locale),
      unit.workStatus === null ? null : enumLabel('workStatus', unit.workStatus, locale),
      { percent: unit.progress },
      null,
      unit.narrative ?? null,
    ],
  }
}

/** "Trễ hạn (20/06/2018)", "Chưa gửi – Bị trả lại": the state, the day filed, and a workflow status worth knowing. */
function submissionWords(unit: ReportUnitLine, locale: Locale): string | null {
  const status =
    unit.reportStatus === 'draft' || unit.reportStatus === 'returned' ? enumLabel('reportStatus', unit.reportStatus, locale) : undefined
  if (unit.submission === undefined) return status ?? null
  const state = enumLabel('submissionState', unit.submission, locale)
  const day = unit.submittedOn === undefined ? '' : ` (${formatDate(unit.submittedOn, locale)})`
  return `${state}${day}${status === undefined ? '' : ` – ${status}`}`
}

function roleWords(unit: ReportUnitLine, words: Vocabulary): string {
  return unit.role === 'lead' ? words.roleLead : words.roleCoordinator
}

function unitsTable(model: ConsolidatedReportModel): TableSpec {
  const words = VOCABULARY[model.locale]
  const count = (n: number): Cell => ({ count: n })
  const columns: ColumnSpec[] = [
    { header: words.no, width: 7, align: 'center' },
    { header: words.unit, width: 40, label: true },
    { header: words.deadline, width: 14, align: 'center' },
    { header: words.expected, width: 10, align: 'right' },
    { header: words.submitted, width: 9, align: 'right' },
    { header: words.onTime, width: 9, align: 'right' },
    { header: words.late, width: 9, align: 'right' },
    { header: words.missing, width: 9, align: 'right' },
    { header: words.pending, width: 10, align: 'right' },
    { header: words.completeness, width: 10, align: 'right' },
    { header: words.timeliness, width: 10, align: 'right' },
  ]
  const minDepth = Math.min(...model.units.map((u) => u.depth))
  const rows: RowSpec[] = model.units.map((unit, index) => ({
    kind: 'item',
    indent: unit.depth - minDepth,
    cells: [
      String(index + 1),
      unit.unitName,
      dateCell(unit.deadline),
      count(unit.expected),
      count(unit.submitted),
      count(unit.onTime),
      count(unit.late),
      count(unit.missing),
      count(unit.pending),
      percentCell(unit.completeness),
      percentCell(unit.timeliness),
    ],
  }))
  const total = model.summary.reporting
  if (rows.length === 0) rows.push(noneRow(columns.length, words))
  else
    rows.push({
      kind: 'total',
      cells: [
        '',
        words.total,
        null,
        count(total.expected),
        count(total.submitted),
        count(total.onTime),
        count(total.late),
        count(total.missing),
        count(total.pending),
        percentCell(total.completeness),
        percentCell(total.timeliness),
      ],
    })
  return { sheetName: words.sheetUnits, caption: words.captionUnits, columns, rows }
}

function gapTable(model: ConsolidatedReportModel, kind: 'late' | 'missing'): TableSpec {
  const words = VOCABULARY[model.locale]
  const gaps: UnitReportGap[] = model[kind]
  const columns: ColumnSpec[] = [
    { header: words.no, width: 7, align: 'center' },
    { header: words.unit, width: 36, label: true },
    { header: words.deadline, width: 14, align: 'center' },
    { header: words.tasks, width: kind === 'late' ? 70 : 82 },
    ...(kind === 'late' ? [{ header: words.submittedOn, width: 14, align: 'center' as const }] : []),
  ]
  const rows: RowSpec[] = gaps.flatMap((gap, index) =>
    gap.tasks.map(
      (task, taskIndex): RowSpec => ({
        kind: 'item',
        cells: [
          taskIndex === 0 ? String(index + 1) : null,
          taskIndex === 0 ? gap.unitName : null,
          taskIndex === 0 ? dateCell(gap.deadline) : null,
          `${task.code}. ${task.title}`,
          ...(kind === 'late' ? [dateCell(task.submittedOn)] : []),
        ],
      }),
    ),
  )
  if (rows.length === 0) rows.push(noneRow(columns.length, words))
  return {
    sheetName: kind === 'late' ? words.sheetLate : words.sheetMissing,
    caption: kind === 'late' ? words.captionLate : words.captionMissing,
    columns,
    rows,
  }
}

function targetsTable(model: ConsolidatedReportModel): TableSpec {
  const { locale } = model
  const words = VOCABULARY[locale]
  const columns: ColumnSpec[] = [
    { header: words.no, width: 7, align: 'center' },
    { header: words.target, width: 56, label: true },
    { header: words.task, width: 11, align: 'center' },
    { header: words.reportedBy, width: 34 },
    { header: words.observed, width: 16 },
    { header: words.assessment, width: 16 },
  ]
  const rows: RowSpec[] = model.targets.map((line, index) => ({
    kind: 'item',
    cells: [
      String(index + 1),
      formatTarget(line.target, locale),
      line.taskCode ?? words.planLevel,
      line.unitName ?? null,
      formatObservation(line.observation, line.target, locale) || null,
      enumLabel('targetState', line.state, locale),
    ],
  }))
  if (rows.length === 0) rows.push(noneRow(columns.length, words))
  return { sheetName: words.sheetTargets, caption: words.captionTargets, columns, rows }
}

function noneRow(width: number, words: Vocabulary): RowSpec {
  return { kind: 'note', cells: ['', words.none, ...Array.from({ length: width - 2 }, () => null)] }
}

function dateCell(date: IsoDate | undefined): Cell {
  return date === undefined ? null : { date }
}

function percentCell(percent: number | null): Cell {
  return percent === null ? null : { percent }
}
